/**
 * Scale-out: where work runs and how partial results are merged. A {@link org.psychonet.scale.Cluster} runs
 * serializable partition tasks in this process or on Apache Spark (the Spark implementation lives in the separate
 * {@code spark/} module and is found by {@link java.util.ServiceLoader}, so this jar never depends on Spark).
 * Partial results are built to merge exactly — {@link org.psychonet.scale.ExactSum} — so a result does not depend
 * on how the work was partitioned, on thread timing, or on which executor retried a task.
 *
 * <p>Layering: the bottom layer, beside {@code util}; it imports only the JDK and {@code util}, so the science
 * packages ({@code images}, {@code sensitivity}, {@code experiment}) may use it.
 */
package org.psychonet.scale;
