package org.psychonet.scale;

import java.util.ServiceLoader;
import org.psychonet.util.InvalidInputException;

/** Opens the cluster a command asked for. */
public final class Clusters {
    /** What to do when Spark is missing: one line for the user. */
    static final String NO_SPARK = "needs Apache Spark on the class path: run psychonet through ./psychonet, which adds "
            + "the Spark jars when --spark is given, or with spark-submit and spark/target/psychonet-spark.jar "
            + "(README, 'Scale out')";

    private Clusters() {
    }

    /**
     * Checks a Spark master URL's form (null or blank: the default): {@code local}, {@code local[N]},
     * {@code local[*]}, {@code spark://HOST:PORT[,HOST:PORT]}, {@code yarn}, {@code k8s://URL}.
     */
    public static void requireMaster(String master) {
        if (master == null || master.isBlank()) {
            return;
        }
        boolean ok = master.matches("local(\\[(\\*|[1-9][0-9]*)(,[0-9]+)?])?") || master.matches("spark://\\S+")
                || master.equals("yarn") || master.matches("k8s://\\S+");
        InvalidInputException.requireParameter(ok, "spark", "master '" + master + "' is not a Spark master URL; give "
                + "local[N], spark://HOST:PORT, yarn or k8s://URL (or nothing for local[every core])");
    }

    /**
     * The Spark cluster at {@code master} (see {@link ClusterProvider#open}); bad input (parameter {@code spark})
     * when no provider or no Spark is on the class path.
     */
    public static Cluster spark(String master, String appName) {
        ClusterProvider provider;
        try {
            provider = ServiceLoader.load(ClusterProvider.class).findFirst().orElse(null);
        } catch (java.util.ServiceConfigurationError | LinkageError e) {
            provider = null;
        }
        if (provider == null) {
            throw InvalidInputException.parameter("spark", NO_SPARK);
        }
        try {
            return provider.open(master, appName);
        } catch (LinkageError e) { // the provider is here but Spark's own classes are not
            throw InvalidInputException.parameter("spark", NO_SPARK + " (missing: " + e.getMessage() + ")");
        }
    }
}
