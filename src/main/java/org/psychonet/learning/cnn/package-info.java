/**
 * CNN training on image-classification tasks (Figs 2–3 at CPU scale), checkpoints and their keys. May import
 * {@code util}, {@code stimulus}, {@code images}, {@code model}, {@code sensitivity}.
 */
package org.psychonet.learning.cnn;
