package org.psychonet.scale;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.psychonet.util.InvalidInputException;

/** Partitions run on a thread pool of this JVM; results merged in partition order. */
final class InProcessCluster implements Cluster {
    private final int threads;

    InProcessCluster(int threads) {
        InvalidInputException.requireParameter(threads >= 1, "threads", "must be at least 1");
        this.threads = threads;
    }

    @Override
    public String describe() {
        return "in-process, " + threads + (threads == 1 ? " thread" : " threads");
    }

    @Override
    public int parallelism() {
        return threads;
    }

    @Override
    public <T extends Serializable, R extends Serializable> R aggregate(List<T> items, int partitions,
                                                                      Task<T, R> task, Merge<R> merge)
            throws Exception {
        List<List<T>> slices = Partitions.slice(items, partitions);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, slices.size())), r -> {
            Thread t = new Thread(r, "psychonet-task");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (List<T> s : slices) {
                futures.add(pool.submit(() -> task.apply(s)));
            }
            R acc = null;
            for (Future<R> f : futures) {
                R r;
                try {
                    r = f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception ex) {
                        throw ex;
                    }
                    throw e;
                }
                acc = acc == null ? r : merge.apply(acc, r);
            }
            return acc;
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public void close() {
    }
}
