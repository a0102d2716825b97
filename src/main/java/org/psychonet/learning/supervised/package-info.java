/**
 * The supervised task of Fig. 6: gratings whose orientation θ is drawn from a task prior p(θ)
 * ({@link org.psychonet.learning.supervised.GratingPrior} — the task's distribution, not the image world's
 * orientation prior in {@code images}), labels binned and dropped with orientation-dependent probability
 * ({@link org.psychonet.learning.supervised.LabelNoise}: the Methods rule, the equal-count and notebook variants, a
 * silent band), the 3-layer network, its trainer and the exact first-layer sensitivity, and the onset measure of
 * the time course.
 *
 * <p>May import {@code util}, {@code stimulus}, {@code model} and {@code sensitivity}; nothing from
 * {@code experiment} or above.
 */
package org.psychonet.learning.supervised;
