/**
 * psychonet's jobs on Apache Spark: {@link org.psychonet.spark.SparkCluster} runs the partition tasks of
 * {@link org.psychonet.scale.Cluster} as Spark tasks (embedded {@code local[N]}, standalone, YARN, Kubernetes) and
 * writes tables as Parquet. Only this module depends on Spark; the science stays in the main jar, which finds this
 * code through {@link java.util.ServiceLoader}.
 */
package org.psychonet.spark;
