/**
 * Linear networks and their learning dynamics (Figs 4–5, SI Fig. 2, eqs 2–11): the architectures and initial
 * weights, the patch data and its PCA basis, three trainers of one model (minibatch SGD, exact full-batch gradient
 * descent, axis-aligned eigen dynamics), the frequency probe of Fig. 5e–h, the supervised linear task of eqs 9–11,
 * and the measures issue 13 tests (learning order, sharpness, acuity exponent, threshold elbows, layer alignment).
 *
 * <p>May import {@code util}, {@code images} (patches, the eigensolver), {@code stimulus} and {@code sensitivity};
 * never {@code theory} (which sits above and holds these runs to its curves) or anything higher.
 */
package org.psychonet.learning.linear;
