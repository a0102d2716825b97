package org.psychonet.util;

import java.lang.management.ManagementFactory;

/**
 * Estimates of the memory a setting needs, checked before anything is allocated, so that an impossible setting
 * (a billion θ, a world of 100,000² images) is refused with one line instead of an OutOfMemoryError or a
 * NegativeArraySizeException half-way through a run. Sizes are multiplied exactly: an overflowing product
 * counts as "more than any machine has".
 */
public final class MemoryBudget {
    /** Largest Java array (elements); the JVM refuses a few below Integer.MAX_VALUE. */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private MemoryBudget() {
    }

    /** The product of the factors, or Long.MAX_VALUE when it overflows (or any factor is negative). */
    public static long product(long... factors) {
        long p = 1;
        for (long f : factors) {
            if (f < 0) {
                return Long.MAX_VALUE;
            }
            try {
                p = Math.multiplyExact(p, f);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return p;
    }

    /** The sum of the terms, or Long.MAX_VALUE when it overflows. */
    public static long sum(long... terms) {
        long s = 0;
        for (long t : terms) {
            if (t < 0) {
                return Long.MAX_VALUE;
            }
            try {
                s = Math.addExact(s, t);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return s;
    }

    /** The heap this JVM may use at most (-Xmx). */
    public static long heapLimit() {
        return Runtime.getRuntime().maxMemory();
    }

    /** Physical memory of the machine: the bound for native (PyTorch) arrays, which live outside the heap. */
    public static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Long.MAX_VALUE;
    }

    /**
     * Refuses a setting whose Java arrays would need more than the heap limit, or a single array longer than
     * Java allows.
     *
     * @param parameter    the config parameter that decides the size (the CLI maps it to its flag)
     * @param value        its value, as the user gave it
     * @param bytes        the estimated heap bytes (see {@link #product})
     * @param largestArray elements of the largest single array it needs (0 when not known)
     * @param what         what the memory is for, e.g. "the stimulus batch of θ × 3 × 224²"
     */
    public static void requireHeap(String parameter, Object value, long bytes, long largestArray, String what) {
        if (largestArray > MAX_ARRAY) {
            throw InvalidInputException.parameter(parameter, value + " needs an array of " + largestArray
                    + " elements for " + what + ", over Java's limit of " + MAX_ARRAY + "; give a smaller value");
        }
        long limit = heapLimit();
        if (bytes > limit) {
            throw InvalidInputException.parameter(parameter, value + " needs about " + human(bytes) + " of memory for "
                    + what + " but this JVM may use at most " + human(limit) + " (-Xmx); give a smaller value or "
                    + "raise the limit (PSYCHONET_JAVA_OPTS=-Xmx…)");
        }
    }

    /**
     * Refuses a setting whose native (PyTorch) arrays would need more than the machine's physical memory.
     * Same arguments as {@link #requireHeap}, without the array-length check.
     */
    public static void requireNative(String parameter, Object value, long bytes, String what) {
        long limit = physicalMemory();
        if (bytes > limit) {
            throw InvalidInputException.parameter(parameter, value + " needs about " + human(bytes) + " of memory for "
                    + what + " but this machine has " + human(limit) + "; give a smaller value");
        }
    }

    /** Bytes in binary units: "512 B", "3.2 GiB", "more than 8 EiB" for an overflow. */
    public static String human(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than 8 EiB";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
