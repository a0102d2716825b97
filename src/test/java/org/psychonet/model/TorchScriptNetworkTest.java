package org.psychonet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psychonet.util.InvalidInputException;

/** The fixture was made by scripts/make_torchscript_fixture.py with Debian's python3-torch 1.13. */
class TorchScriptNetworkTest {
    private static final Path FIXTURE = Path.of("src/test/resources/torchscript/tiny.pt");

    @Test
    void loadsTapsAndReproducesPytorchActivations() throws Exception {
        List<String> expected = Files.readAllLines(Path.of(FIXTURE + ".check.txt"));
        try (TorchScriptNetwork net = TorchScriptNetwork.load(FIXTURE, new Shape(3, 8, 8));
             NDManager m = NDManager.newBaseManager()) {
            assertEquals(List.of("conv1", "pool1", "conv2", "fc"), net.layers());
            assertTrue(net.supportsTangent());
            assertEquals(DataType.FLOAT32, net.dataType());
            NDArray x = m.linspace(-1f, 1f, 3 * 8 * 8).reshape(1, 3, 8, 8);
            NDList y = net.forward(x);
            assertEquals(4, y.size());
            for (int i = 0; i < 4; i++) {
                double ss = y.get(i).toType(DataType.FLOAT64, false).square().sum().getDouble();
                double want = Double.parseDouble(expected.get(i).strip());
                assertEquals(want, ss, 1e-4 * Math.max(1, want), "tap " + net.layers().get(i));
            }
        }
    }

    @Test
    void modelsSpecLoadsTorchscriptAndRejectsMissingFile() {
        try (Network net = ModelSpec.parse("torchscript:" + FIXTURE).build(new Shape(3, 8, 8), DataType.FLOAT32, 0)) {
            assertEquals(4, net.layers().size());
        }
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ModelSpec.parse("torchscript:/nonexistent/x.pt"));
        assertTrue(e.getMessage().contains("does not exist"));
    }
}
