/**
 * Parametric stimuli x(θ) and their exact derivatives ∂x/∂θ: the paper's Gabor (Fig. 2b), hue (Fig. 3a), plane wave
 * (Fig. 5e) and grating (Fig. 6). May import {@code util}.
 */
package org.psychonet.stimulus;
