package org.psychonet.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training in the quick profile must actually learn its task. */
final class CnnTrainerOutcomeCheck {
    private CnnTrainerOutcomeCheck() {
    }

    static void belowChance(DeepNetworks.Condition c) {
        double loss = c.training().finalLoss();
        double chance = c.training().chanceLoss();
        assertTrue(loss < 0.8 * chance, c.name() + ": final loss " + loss + " vs chance " + chance);
    }
}
