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
