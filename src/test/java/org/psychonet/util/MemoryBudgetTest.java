package org.psychonet.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
    @Test
    void productsAndSumsSaturateInsteadOfWrapping() {
        assertEquals(4096, MemoryBudget.product(4, 1024));
        // 18014398509481988 × 1024 wraps to 4096 in plain long arithmetic
        assertEquals(Long.MAX_VALUE, MemoryBudget.product(18014398509481988L, 1024));
        assertEquals(Long.MAX_VALUE, MemoryBudget.product(-1, 5));
        assertEquals(Long.MAX_VALUE, MemoryBudget.sum(Long.MAX_VALUE - 1, 2));
        assertEquals(7, MemoryBudget.sum(3, 4));
    }

    @Test
    void refusalsNameTheParameterTheNeedAndTheLimit() {
        InvalidInputException big = assertThrows(InvalidInputException.class, () -> MemoryBudget.requireHeap(
                "batch", 5, MemoryBudget.heapLimit() + 1, 10, "a batch"));
        assertEquals("batch", big.parameterName().orElseThrow());
        assertTrue(big.getMessage().contains("-Xmx") && big.getMessage().contains("a batch"), big.getMessage());
        InvalidInputException array = assertThrows(InvalidInputException.class, () -> MemoryBudget.requireHeap(
                "thetas", 1L << 31, 8, 1L << 31, "a grid"));
        assertTrue(array.getMessage().contains("Java's limit"), array.getMessage());
        MemoryBudget.requireHeap("thetas", 180, 180 * 8, 180, "a grid");
        assertEquals("1.5 GiB", MemoryBudget.human(3L << 29));
        assertEquals("more than 8 EiB", MemoryBudget.human(Long.MAX_VALUE));
    }
}
