package org.psychonet.scale;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Per-JVM cache of objects that are costly to build and the same for every task of a job — e.g. the listing of a
 * folder of a million photographs — so an executor builds them once rather than once per task. Holds the few most
 * recently used; values must be safe to share between the tasks running at once.
 */
public final class ExecutorCache {
    private static final int KEEP = 4;
    private static final Map<String, Object> CACHE = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> e) {
            return size() > KEEP;
        }
    };

    private ExecutorCache() {
    }

    /** The value cached under {@code key}, built by {@code build} the first time (once per JVM). */
    @SuppressWarnings("unchecked")
    public static synchronized <V> V get(String key, Supplier<V> build) {
        Object v = CACHE.get(key);
        if (v == null) {
            v = build.get();
            CACHE.put(key, v);
        }
        return (V) v;
    }
}
