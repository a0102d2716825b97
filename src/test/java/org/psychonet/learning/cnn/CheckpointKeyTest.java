package org.psychonet.learning.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.model.TapNetwork;
import org.psychonet.model.arch.ArchSpec;
import org.psychonet.util.InvalidInputException;

/** Issue 10, item 4: a checkpoint is resumed only by the run it belongs to. */
class CheckpointKeyTest {
    private static final CnnTrainingConfig ONE_STEP = new CnnTrainingConfig(4, 2, 0.05, 0.9, 1e-4, 0.25, false, 0);
    private static final Shape INPUT = new Shape(3, 8, 8);

    private static Path checkpointAtWidth(Path dir, int width, ImageClassTask task) throws Exception {
        ArchSpec spec = new ArchSpec("small", width, task.classes());
        try (TapNetwork net = spec.build(INPUT, DataType.FLOAT32, 1)) {
            new CnnTrainer(ONE_STEP).train(net, spec, task, 3, dir, Map.of("condition", "natural"), 1);
        }
        return dir;
    }

    private static InvalidInputException resumeRefused(Path ck, ArchSpec spec, CnnTrainingConfig cfg,
                                                       ImageClassTask task, long seed, Map<String, Object> prov) {
        return assertThrows(InvalidInputException.class, () -> {
            try (TapNetwork net = spec.build(INPUT, DataType.FLOAT32, 1)) {
                new CnnTrainer(cfg).train(net, spec, task, seed, ck, prov);
            }
        });
    }

    @Test
    void aCheckpointOfAnotherWidthSeedTaskOrSettingIsRefusedWithOneLine(@TempDir Path tmp) throws Exception {
        ImageClassTask task = CnnTrainerIT.whichImage("synthetic", CnnTrainerIT.synthetic(3, 16, 1));
        Path ck = checkpointAtWidth(tmp.resolve("ck"), 4, task);
        ArchSpec w4 = new ArchSpec("small", 4, task.classes());
        Map<String, Object> prov = Map.of("condition", "natural");

        InvalidInputException e = resumeRefused(ck, w4.withWidth(2), ONE_STEP, task, 3, prov);
        assertTrue(e.getMessage().contains("model.width = 4, not 2"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");

        e = resumeRefused(ck, w4, ONE_STEP, task, 4, prov);
        assertTrue(e.getMessage().contains("seed = 3, not 4"), e.getMessage());
        e = resumeRefused(ck, w4, ONE_STEP.withSteps(5), task, 3, prov);
        assertTrue(e.getMessage().contains("training.steps = 4, not 5"), e.getMessage());
        e = resumeRefused(ck, w4, ONE_STEP, task, 3, Map.of("condition", "uniform"));
        assertTrue(e.getMessage().contains("provenance.condition = \"natural\", not \"uniform\""), e.getMessage());
        ImageClassTask other = CnnTrainerIT.whichImage("other photos", CnnTrainerIT.synthetic(3, 16, 1));
        e = resumeRefused(ck, w4, ONE_STEP, other, 3, prov);
        assertTrue(e.getMessage().startsWith("the checkpoint in " + ck + " belongs to another run (task = "),
                e.getMessage());
    }

    @Test
    void theSameRunResumes(@TempDir Path tmp) throws Exception {
        ImageClassTask task = CnnTrainerIT.whichImage("synthetic", CnnTrainerIT.synthetic(3, 16, 1));
        Path ck = checkpointAtWidth(tmp.resolve("ck"), 4, task);
        ArchSpec spec = new ArchSpec("small", 4, task.classes());
        try (TapNetwork net = spec.build(INPUT, DataType.FLOAT32, 1)) {
            CnnTrainer.Outcome o = new CnnTrainer(ONE_STEP).train(net, spec, task, 3, ck,
                    Map.of("condition", "natural"));
            assertEquals(1, o.resumedFrom());
        }
    }

    @Test
    void firstDifferenceNamesThePathOfTheFirstChangedLeaf() throws Exception {
        ObjectMapper j = new ObjectMapper();
        assertNull(CnnTrainer.firstDifference("", j.readTree("{\"a\":{\"b\":[1,2]}}"), j.readTree("{\"a\":{\"b\":[1,2]}}")));
        assertEquals("a.b[1] = 2, not 3", CnnTrainer.firstDifference("", j.readTree("{\"a\":{\"b\":[1,2]}}"),
                j.readTree("{\"a\":{\"b\":[1,3]}}")));
        assertEquals("c = (none), not 1", CnnTrainer.firstDifference("", j.readTree("{\"a\":1}"),
                j.readTree("{\"a\":1,\"c\":1}")));
        assertEquals("key = (none), not {\"a\":1}", CnnTrainer.firstDifference("", null, j.readTree("{\"a\":1}")));
    }
}
