package org.psychonet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.model.arch.ArchSpec;
import org.psychonet.model.arch.Architecture;
import org.psychonet.util.InvalidInputException;

class ModelSpecTest {

    @Test
    void everyFormParsesToItsRecordAndPrintsBackAsTyped(@TempDir Path dir) throws Exception {
        Path w = Files.createFile(dir.resolve("w.npy"));
        Path pt = Files.createFile(dir.resolve("m.pt"));
        assertInstanceOf(ModelSpec.Identity.class, ModelSpec.parse("identity"));
        assertInstanceOf(ModelSpec.RandomMlp.class, ModelSpec.parse("mlp"));
        assertEquals(new ModelSpec.Linear(w), ModelSpec.parse("linear:" + w));
        assertEquals(new ModelSpec.TorchScript(pt), ModelSpec.parse("torchscript:" + pt));
        for (Architecture a : Architecture.values()) {
            ModelSpec s = ModelSpec.parse(a.label());
            assertEquals(new ModelSpec.Builtin(a), s);
            assertEquals(a.label(), s.text());
        }
        assertEquals("linear:" + w, ModelSpec.parse("linear:" + w).text());
    }

    @Test
    void helpTextNamesEveryArchitecture() {
        for (String label : Architecture.labels()) {
            assertTrue(ModelSpec.FORMS.contains(label + ","), "FORMS misses " + label);
        }
    }

    @Test
    void badSpecsNameTheModelParameter(@TempDir Path dir) {
        for (String bad : new String[] {"resnet1000", "", "linear:" + dir.resolve("none.npy"),
                "torchscript:" + dir.resolve("none.pt"), "torchscript:" + dir, "torchscript"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> ModelSpec.parse(bad), bad);
            assertEquals("model", e.parameterName().orElse(null), bad);
        }
        for (String bad : new String[] {"saved:" + dir, "saved:" + dir.resolve("none")}) {
            assertThrows(InvalidInputException.class, () -> ModelSpec.parse(bad), bad);
        }
    }

    @Test
    void architecturesParseByLabelAndRejectUnknownNames() {
        assertEquals(Architecture.ALEXNET_NONOVERLAP, Architecture.parse("alexnet-nonoverlap"));
        assertEquals(new ArchSpec(Architecture.RESNET18, 64, 1000), ArchSpec.standard("resnet18"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Architecture.parse("RESNET18"));
        assertEquals("arch", e.parameterName().orElse(null));
    }
}
