package org.psychonet.scale;

/**
 * A way to run {@link Cluster} jobs elsewhere, found with {@link java.util.ServiceLoader}
 * (META-INF/services/org.psychonet.scale.ClusterProvider). The Spark module provides one; the main jar has none.
 */
public interface ClusterProvider {

    /** e.g. "Apache Spark 4.2.0". */
    String name();

    /**
     * Connects to {@code master} ("local[N]", "spark://host:7077", "yarn", "k8s://…"; null: the master a launcher
     * such as spark-submit configured, else local with every core).
     */
    Cluster open(String master, String appName);
}
