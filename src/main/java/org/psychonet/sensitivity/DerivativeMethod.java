package org.psychonet.sensitivity;

import java.util.Locale;
import org.psychonet.util.InvalidInputException;

/** How ∂y/∂θ is obtained. */
public enum DerivativeMethod {
    /** Central finite differences (y(θ+δ) − y(θ−δ)) / 2δ: two renders and two passes per stimulus. */
    FD,
    /**
     * A high-order central stencil across a uniform θ grid: each stimulus is rendered and passed once
     * (plus r extra grid points at each end).
     */
    GRID,
    /** The Jacobian-vector product J·∂x/∂θ, exact for linear and piecewise-linear networks. */
    EXACT;

    public static DerivativeMethod parse(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.parameter("method", "'" + s + "' is unknown; choose exact, grid or fd");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
