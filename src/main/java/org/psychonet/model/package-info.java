/**
 * Networks whose layers can be tapped: built from tangent layers ({@code model.nn}, exact J·v), loaded from
 * TorchScript or saved weights. May import {@code util}, {@code stimulus}, {@code images} (and its sub-packages).
 */
package org.psychonet.model;
