package org.psychonet.learning.linear;

/**
 * Mean-squared reconstruction error ℓ(W) = scale · E‖x − Wx‖² on zero-centred patches (eq. 6 has
 * scale 1; PyTorch's MSELoss, which the authors trained with, averages over the d outputs too: scale 1/d).
 * Its gradient with respect to the product matrix depends on the data only through Σ = E[xxᵀ]:
 * ∇_W ℓ = 2·scale·(W − I)Σ.
 *
 * @param scale multiplier of E‖x − Wx‖²
 */
public record LinearObjective(double scale) {

    /** PyTorch's MSELoss (mean over samples and outputs), as the authors trained. */
    public static LinearObjective mse(int d) {
        return new LinearObjective(1.0 / d);
    }
}
