package org.psychonet.spark;

import org.psychonet.scale.Cluster;
import org.psychonet.scale.ClusterProvider;

/** Registers {@link SparkCluster} with psychonet (META-INF/services/org.psychonet.scale.ClusterProvider). */
public final class SparkClusterProvider implements ClusterProvider {

    @Override
    public String name() {
        return "Apache Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION();
    }

    @Override
    public Cluster open(String master, String appName) {
        return SparkCluster.start(master, appName);
    }
}
