package org.psychonet.scale;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A test cluster that does what executors do to a job without Spark: every task, item slice and result goes
 * through Java serialization, slices run in shuffled order, and results merge in a random grouping. Catches a task
 * that captures something not serializable, or a result that depends on where or in which order it ran.
 */
public final class SerializingCluster implements Cluster {
    private final long seed;

    public SerializingCluster(long seed) {
        this.seed = seed;
    }

    @SuppressWarnings("unchecked")
    public static <X> X roundTrip(X x) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(x);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (X) in.readObject();
        }
    }

    @Override
    public String describe() {
        return "serializing test cluster";
    }

    @Override
    public int parallelism() {
        return 2;
    }

    @Override
    public <T extends Serializable, R extends Serializable> R aggregate(List<T> items, int partitions,
                                                                      Task<T, R> task, Merge<R> merge)
            throws Exception {
        List<List<T>> slices = Partitions.slice(items, partitions);
        Random r = new Random(seed);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < slices.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, r);
        List<R> results = new ArrayList<>();
        for (int i : order) {
            Task<T, R> remote = roundTrip(task);
            results.add(roundTrip(remote.apply(roundTrip(new ArrayList<>(slices.get(i))))));
        }
        Merge<R> m = roundTrip(merge);
        while (results.size() > 1) { // random pairwise tree
            int a = r.nextInt(results.size());
            R x = results.remove(a);
            int b = r.nextInt(results.size());
            results.set(b, m.apply(x, results.get(b)));
        }
        return results.get(0);
    }

    @Override
    public void close() {
    }
}
