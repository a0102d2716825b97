package org.psychonet.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeds run side by side (one per core): each seed's runs are the same bits whether it ran among others or alone,
 * and the runs come back in seed order.
 */
class LinearSeedsTest {
    @TempDir
    Path dir;

    private static LinearDynamics.Config small(int seeds) {
        return LinearDynamics.Config.quick().withData("synthetic", 2_000, 8).withSteps(60).withTopPcs(8)
                .withTracking(10, 20).withFrequencies(LinearDynamics.Config.frequencyGrid(8))
                .withDepths(List.of(1, 2), false)
                .withStudy(new LinearDynamics.Study(seeds, List.of(1), 64, 0, List.of()));
    }

    @Test
    void aSeedIsTheSameBitsAmongOthersAsAlone() throws Exception {
        LinearDynamics.Result three = new LinearDynamics().run(small(3), 4, dir);
        LinearDynamics.Result alone = new LinearDynamics().run(small(1), 5, dir);
        assertEquals(List.of(4L, 4L, 4L, 5L, 5L, 5L, 6L, 6L, 6L), three.runs().stream().map(LinearDynamics.Run::seed)
                .toList());
        List<LinearDynamics.Run> second = three.runs().subList(3, 6);
        for (int i = 0; i < 3; i++) {
            LinearTrajectory a = second.get(i).trajectory();
            LinearTrajectory b = alone.runs().get(i).trajectory();
            assertEquals(b.network(), a.network());
            for (int pc = 0; pc < a.proportion().length; pc++) {
                assertArrayEquals(b.proportion()[pc], a.proportion()[pc], 0.0, a.network() + " PC " + pc);
            }
            assertArrayEquals(b.acuity(), a.acuity(), 0.0, a.network());
        }
    }
}
