/**
 * The deep architectures of the paper (ResNet18, VGG16-BN, AlexNet and a small CNN) built from tangent layers.
 * May import {@code util}, {@code model}, {@code model.nn}.
 */
package org.psychonet.model.arch;
