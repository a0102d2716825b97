/**
 * Training: linear networks (Figs 4–5), the supervised grating task (Fig. 6) and CNNs ({@code learning.cnn}). May
 * import everything below it: {@code util}, {@code stimulus}, {@code images}, {@code model}, {@code sensitivity}.
 */
package org.psychonet.learning;
