/**
 * Tangent layers: DJL blocks that propagate a direction beside the activations, giving exact J·∂x/∂θ.
 * May import {@code util}.
 */
package org.psychonet.model.nn;
