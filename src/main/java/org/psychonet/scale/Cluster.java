package org.psychonet.scale;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * Where partition tasks run: this process ({@link #inProcess}) or an Apache Spark cluster (embedded
 * {@code local[N]}, standalone, YARN, Kubernetes; see {@link Clusters#open}). A job is a list of serializable
 * items cut into contiguous partitions; a task turns one partition's items into one result and the results are
 * merged. Each partition's result is merged exactly once — a task that failed and was retried, or was run twice
 * speculatively, contributes once — so partial sums are never double-counted. Tasks must carry everything they
 * need (they may run in another JVM on another machine) and must not depend on which executor runs them.
 */
public interface Cluster extends AutoCloseable {

    /** One partition's work. Runs on an executor: capture only serializable values. */
    @FunctionalInterface
    interface Task<T, R> extends Serializable {
        R apply(List<T> items) throws Exception;
    }

    /** Merges two partition results (may run on the driver or on executors, in any grouping). */
    @FunctionalInterface
    interface Merge<R> extends Serializable {
        R apply(R a, R b);
    }

    /** One line for result.json, e.g. "in-process, 2 threads" or "Spark 4.2.0, master local[2]". */
    String describe();

    /** Tasks that can run at once: the default number of partitions. */
    int parallelism();

    /**
     * Cuts {@code items} into {@code partitions} contiguous slices (as Spark's parallelize does), runs
     * {@code task} on each slice and merges the slice results with {@code merge}. An exception thrown by a task
     * (after the cluster's retries) ends the job; its InvalidInputException, if any, is rethrown as such.
     */
    <T extends Serializable, R extends Serializable> R aggregate(List<T> items, int partitions, Task<T, R> task,
                                                               Merge<R> merge) throws Exception;

    /**
     * Writes {@code table} as one Parquet file at {@code file} (written here, on the driver, so it can go into a
     * result's temporary folder). Returns false, writing nothing, when this cluster has no Parquet writer.
     */
    default boolean writeParquet(Path file, Table table) throws IOException {
        return false;
    }

    @Override
    void close();

    /** Runs partitions on {@code threads} threads of this JVM (no serialization). */
    static Cluster inProcess(int threads) {
        return new InProcessCluster(threads);
    }
}
