package org.psychonet.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.psychonet.scale.Cluster;
import org.psychonet.scale.Table;
import org.psychonet.util.InvalidInputException;

/**
 * A {@link Cluster} on Apache Spark. Items are distributed with {@code parallelize} (contiguous slices, as
 * {@link org.psychonet.scale.Partitions#slice}), each partition's task runs in {@code mapPartitions}, and results
 * merge with {@code treeReduce}: Spark hands each partition's result to the merge once, from the attempt that
 * succeeded — a task lost with its executor is recomputed from its items, and its partial sums are never counted
 * twice (no accumulators are used; their updates from failed attempts are what can double-count).
 *
 * <p>Started inside spark-submit, it joins the session spark-submit configured (master, jars, executor settings);
 * otherwise it starts one on the master given ({@code local[N]}, {@code spark://host:7077}, {@code yarn},
 * {@code k8s://…}). The web UI stays off unless {@code spark.ui.enabled} says otherwise.
 */
public final class SparkCluster implements Cluster {
    private final SparkSession session;
    private final JavaSparkContext context;

    private SparkCluster(SparkSession session) {
        this.session = session;
        this.context = JavaSparkContext.fromSparkContext(session.sparkContext());
    }

    /**
     * A session on {@code master}; null takes spark.master from the environment (spark-submit) or else
     * local[every core]. Settings in spark.* system properties (spark-submit's --conf) are kept.
     */
    public static SparkCluster start(String master, String appName) {
        SparkConf conf = new SparkConf(true);
        String m = master != null && !master.isBlank() ? master
                : conf.get("spark.master", "local[" + Runtime.getRuntime().availableProcessors() + "]");
        InvalidInputException.requireParameter(m.startsWith("local") || m.startsWith("spark://")
                || m.equals("yarn") || m.startsWith("k8s://") || m.startsWith("mesos://"), "spark",
                "master '" + m + "' is not a Spark master URL; give local[N], spark://HOST:PORT, yarn or k8s://URL");
        conf.setMaster(m);
        conf.setIfMissing("spark.app.name", appName);
        if (!m.startsWith("local")) {
            // executors in other JVMs need psychonet's classes: ship the jar this class came from (spark-submit has
            // already set spark.jars to the application jar)
            appJar().ifPresent(jar -> conf.setIfMissing("spark.jars", jar));
        }
        if (m.matches("spark://(127\\.0\\.0\\.1|localhost)(:\\d+)?")) {
            // a cluster on this machine: talk to it over loopback whatever the host name resolves to
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        // warnings and errors only, unless the user asked otherwise (spark-submit loads Spark's INFO profile first)
        conf.setIfMissing("spark.log.level", "WARN");
        // long jobs show a progress bar on a terminal, as psychonet's own passes do (Spark's: stages and tasks)
        conf.setIfMissing("spark.ui.showConsoleProgress", String.valueOf(org.psychonet.util.Progress.enabled()));
        // one PyTorch thread per task: Spark already runs one task per core
        conf.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", "1");
        conf.setIfMissing("spark.executorEnv.TORCH_CPP_LOG_LEVEL", "ERROR");
        try {
            return new SparkCluster(SparkSession.builder().config(conf).getOrCreate());
        } catch (RuntimeException e) {
            throw new InvalidInputException("cannot start Spark on master " + m + " (" + oneLine(e)
                    + "); check the master URL and that the cluster is reachable", e);
        }
    }

    /** The jar holding this class (psychonet-spark.jar when run through ./psychonet), if it is a jar. */
    static java.util.Optional<String> appJar() {
        try {
            java.security.CodeSource src = SparkCluster.class.getProtectionDomain().getCodeSource();
            Path p = src == null ? null : Path.of(src.getLocation().toURI());
            return p != null && Files.isRegularFile(p) && p.toString().endsWith(".jar")
                    ? java.util.Optional.of(p.toString()) : java.util.Optional.empty();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** The Spark session (for callers that want DataFrames). */
    public SparkSession session() {
        return session;
    }

    @Override
    public String describe() {
        return "Apache Spark " + context.version() + ", master " + context.master() + ", " + parallelism()
                + " task slots";
    }

    @Override
    public int parallelism() {
        return context.defaultParallelism();
    }

    @Override
    public <T extends Serializable, R extends Serializable> R aggregate(List<T> items, int partitions,
                                                                      Task<T, R> task, Merge<R> merge)
            throws Exception {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a job needs at least one item");
        }
        JavaRDD<T> rdd = context.parallelize(new ArrayList<>(items), Math.max(1, Math.min(partitions, items.size())));
        JavaRDD<Outcome<R>> results = rdd.mapPartitions(it -> runPartition(task, it));
        Outcome<R> out = results.treeReduce((a, b) -> a.failed() ? a : b.failed() ? b
                : new Outcome<>(merge.apply(a.value(), b.value()), null, null), 2);
        if (out.failed()) {
            throw out.parameter() == null ? new InvalidInputException(out.message())
                    : InvalidInputException.parameter(out.parameter(), out.message());
        }
        return out.value();
    }

    /**
     * A partition's result, or the bad input an executor met. Bad input is a value, not a task failure: Spark would
     * retry a failed task (four times on a cluster) though the input will not change, and bury the one line the
     * user needs in a stack trace.
     *
     * @param message the problem and remedy (without the parameter name when {@code parameter} is given)
     */
    record Outcome<R>(R value, String parameter, String message) implements Serializable {
        boolean failed() {
            return message != null;
        }
    }

    private static <T, R> Iterator<Outcome<R>> runPartition(Task<T, R> task, Iterator<T> it) throws Exception {
        List<T> slice = new ArrayList<>();
        it.forEachRemaining(slice::add);
        if (slice.isEmpty()) {
            return Collections.emptyIterator();
        }
        try {
            return List.of(new Outcome<>(task.apply(slice), null, null)).iterator();
        } catch (InvalidInputException bad) {
            String p = bad.parameterName().orElse(null);
            String m = bad.getMessage();
            if (p != null && m.startsWith(p + " ")) {
                m = m.substring(p.length() + 1);
            }
            return List.of(new Outcome<R>(null, p, m)).iterator();
        }
    }

    /** One Parquet file written on the driver (into a result's temporary folder), snappy-compressed. */
    @Override
    public boolean writeParquet(Path file, Table table) throws IOException {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (Table.Column c : table.columns()) {
            Repetition rep = c.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED;
            switch (c.type()) {
                case STRING -> b.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.stringType())
                        .named(c.name());
                case LONG -> b.primitive(PrimitiveTypeName.INT64, rep).named(c.name());
                case INT -> b.primitive(PrimitiveTypeName.INT32, rep).named(c.name());
                case DOUBLE -> b.primitive(PrimitiveTypeName.DOUBLE, rep).named(c.name());
                default -> throw new IllegalStateException();
            }
        }
        MessageType schema = b.named("psychonet");
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            for (Object[] row : table.rows()) {
                Group g = groups.newGroup();
                for (int i = 0; i < row.length; i++) {
                    Object v = row[i];
                    if (v == null) {
                        continue;
                    }
                    String name = table.columns().get(i).name();
                    switch (table.columns().get(i).type()) {
                        case STRING -> g.append(name, (String) v);
                        case LONG -> g.append(name, ((Number) v).longValue());
                        case INT -> g.append(name, ((Number) v).intValue());
                        case DOUBLE -> g.append(name, ((Number) v).doubleValue());
                        default -> throw new IllegalStateException();
                    }
                }
                w.write(g);
            }
        }
        return true;
    }

    @Override
    public void close() {
        session.stop();
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ');
    }
}
