package org.psychonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.model.ModelSpec;
import org.psychonet.model.Network;
import org.psychonet.testing.PyTorch;
import org.psychonet.util.Npy;

/** psychonet → PyTorch: the exported state dict loads into torchvision's module and gives psychonet's outputs. */
class ExportCommandTest {
    @TempDir
    Path dir;

    private void roundTrip(String arch, int size) throws Exception {
        PyTorch.require();
        Path out = dir.resolve(arch);
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(err, true), "export", "--model", arch, "--size",
                Integer.toString(size), "--seed", "4", "--out", out.toString()), err.toString());
        Shape in = new Shape(3, size, size);
        long[] shape = {2, 3, size, size};
        double[] x = new double[(int) (2 * in.size())];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(0.37 * i) + 0.5 * Math.cos(0.011 * i);
        }
        Npy.write(dir.resolve("x.npy"), shape, x);
        PyTorch.program(out, "import numpy as np, torch, model\n"
                + "net = model.load('model.pth')\n"
                + "with torch.no_grad():\n"
                + "    y = net(torch.from_numpy(np.load('" + dir.resolve("x.npy") + "')).float())\n"
                + "np.save('" + dir.resolve(arch + "-y.npy") + "', y.double().numpy())\n");
        Npy.Array theirs = Npy.read(dir.resolve(arch + "-y.npy"));
        try (Network net = ModelSpec.parse(arch).build(in, DataType.FLOAT32, 4); NDManager m = NDManager.newBaseManager()) {
            NDArray xs = m.create(x, new Shape(shape)).toType(DataType.FLOAT32, false);
            NDList y = net.forward(xs);
            double[] mine = y.get(y.size() - 1).toType(DataType.FLOAT64, false).toDoubleArray();
            double scale = 0;
            for (double v : mine) {
                scale = Math.max(scale, Math.abs(v));
            }
            assertEquals(mine.length, theirs.data().length);
            for (int i = 0; i < mine.length; i++) {
                assertEquals(mine[i], theirs.data()[i], 1e-5 * scale, arch + " output " + i);
            }
        }
    }

    @Test
    void resnet18LoadsIntoTorchvisionAndGivesTheSameOutputs() throws Exception {
        roundTrip("resnet18", 64);
    }

    @Test
    void smallCnnLoadsIntoItsGeneratedModule() throws Exception {
        roundTrip("small", 32);
    }
}
