package org.psychonet.learning.cnn;

import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs independent CNN jobs (trainings, measurements) side by side, one per thread, each on one PyTorch intra-op
 * thread: on two cores two networks train in the time of one, and each stays bitwise reproducible (one thread
 * per network; see {@link CnnThreads}). Results come back in the order of the jobs, whatever the finishing order.
 *
 * <p>Building a network seeds PyTorch's one global generator and draws its weights from it, so builds must not
 * overlap: jobs build through {@link #build}.
 */
public final class CnnParallel {
    private static final Object BUILD = new Object();

    private CnnParallel() {
    }

    /** Builds (and initializes from the global generator) one network at a time, JVM-wide. */
    public static <T> T build(Supplier<T> builder) {
        synchronized (BUILD) {
            return builder.get();
        }
    }

    /**
     * Runs the jobs on {@code threads} threads; the first failure is rethrown once all jobs have stopped. Jobs must
     * not call {@code map} themselves (the threads are shared).
     */
    public static <T> List<T> map(List<Callable<T>> jobs, int threads) throws Exception {
        if (threads <= 1 || jobs.size() <= 1) {
            return CnnThreads.single(() -> {
                List<T> out = new ArrayList<>();
                for (Callable<T> j : jobs) {
                    out.add(j.call());
                }
                return out;
            });
        }
        ExecutorService pool = pool(threads);
        return CnnThreads.single(() -> {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> j : jobs) {
                futures.add(pool.submit(() -> {
                    // one intra-op thread and autograd off on this thread too (both are per thread)
                    JniUtils.setNumThreads(1);
                    JniUtils.setGradMode(false);
                    return j.call();
                }));
            }
            List<T> out = new ArrayList<>();
            Exception first = null;
            for (Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
                        for (Future<T> other : futures) {
                            other.cancel(false);
                        }
                    }
                } catch (java.util.concurrent.CancellationException e) {
                    // cancelled after the first failure
                }
            }
            if (first != null) {
                throw first;
            }
            return out;
        });
    }

    private static ExecutorService shared;
    private static int sharedThreads;

    /**
     * One pool for the JVM, kept between calls: PyTorch initializes per-thread state on a thread's first
     * operation (and prints a warning about NNPACK each time), so threads are reused rather than made per call.
     */
    private static synchronized ExecutorService pool(int threads) {
        if (shared == null || sharedThreads != threads) {
            if (shared != null) {
                shared.shutdown();
            }
            AtomicInteger n = new AtomicInteger();
            shared = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "psychonet-cnn-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            sharedThreads = threads;
        }
        return shared;
    }
}
