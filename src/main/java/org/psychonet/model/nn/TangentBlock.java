package org.psychonet.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * A DJL block that also propagates a tangent: given x and a direction dx it returns y = f(x) and
 * dy = J_f(x)·dx, the Jacobian-vector product. For the piecewise-linear layers of psychonet's
 * networks (linear, conv, ReLU, max/avg pooling, batch norm in eval mode) this is exact: it is the
 * derivative of the network's linearization at x, so ∂y/∂θ = J·∂x/∂θ needs no finite step.
 */
public interface TangentBlock extends Block {

    /** Returns [y, dy] for input x and tangent dx (inference mode). */
    NDList forwardTangent(ParameterStore ps, NDArray x, NDArray dx);

    /**
     * The same on a stacked pair: z = [x; dx] along the batch axis (2n rows, x first) gives [y; dy] stacked the
     * same way, so that each convolution or linear map runs once over both halves. The layers override this with
     * one pass; this default splits, calls {@link #forwardTangent} and stacks.
     */
    default NDArray forwardPair(ParameterStore ps, NDArray z) {
        long n = z.getShape().get(0) / 2;
        NDList r = forwardTangent(ps, z.get("0:" + n), z.get(n + ":"));
        return ai.djl.ndarray.NDArrays.concat(r);
    }

    /** Plain forward in inference mode. */
    default NDArray apply(ParameterStore ps, NDArray x) {
        return forward(ps, new NDList(x), false).singletonOrThrow();
    }
}
