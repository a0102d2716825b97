/**
 * The sensitivity D(y;θ) = Σᵢ(∂yᵢ/∂θ)² of every tapped layer (eq. 1): exact, grid stencil or finite differences,
 * normalised √D/Σ√D and thresholds D^(−1/2). May import {@code util}, {@code stimulus}, {@code images}, {@code model}.
 */
package org.psychonet.sensitivity;
