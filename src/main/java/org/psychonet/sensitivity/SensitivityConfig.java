package org.psychonet.sensitivity;

import ai.djl.ndarray.types.DataType;

/**
 * How the engine measures.
 *
 * @param method      derivative method
 * @param fdStep      δ for {@code fd}, in θ's unit; NaN takes the family's default (0.01 rad of
 *                    orientation, 0.1° of hue: the authors' values)
 * @param batchSize   stimuli per forward pass (memory versus speed)
 * @param dataType    precision of stimuli and weights (float32, or float64 for validation)
 * @param stencilHalfWidth r of the {@code grid} stencil (order 2r)
 */
public record SensitivityConfig(DerivativeMethod method, double fdStep, int batchSize, DataType dataType,
                                int stencilHalfWidth) {

    public static SensitivityConfig defaults(DerivativeMethod method) {
        return new SensitivityConfig(method, Double.NaN, 64, DataType.FLOAT32, 4);
    }

    public SensitivityConfig withFdStep(double step) {
        return new SensitivityConfig(method, step, batchSize, dataType, stencilHalfWidth);
    }

    public SensitivityConfig withDataType(DataType type) {
        return new SensitivityConfig(method, fdStep, batchSize, type, stencilHalfWidth);
    }

    public SensitivityConfig withBatchSize(int size) {
        return new SensitivityConfig(method, fdStep, size, dataType, stencilHalfWidth);
    }

    public SensitivityConfig withMethod(DerivativeMethod m) {
        return new SensitivityConfig(m, fdStep, batchSize, dataType, stencilHalfWidth);
    }
}
