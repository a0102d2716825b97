package org.psychonet.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

/**
 * The module openings in spark/pom.xml (used by the tests and read by ./psychonet and spark/bin/*) hold every one
 * Spark's own launcher adds on Java 17 (but the optional incubator vector module), so an upgrade of Spark that needs another fails here, not at run time.
 */
class JvmOptionsTest {
    @Test
    void pomOpensEverythingSparkNeeds() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<spark.jvm.opens>(.*)</spark.jvm.opens>").matcher(pom);
        assertTrue(m.find(), "spark.jvm.opens in pom.xml");
        for (String opt : JavaModuleOptions.defaultModuleOptions().split(" ")) {
            if (opt.equals("--add-modules=jdk.incubator.vector")) {
                continue; // optional (vectorised SQL kernels); left out: it prints an incubator warning on each start
            }
            assertTrue(m.group(1).contains(opt), "spark/pom.xml's spark.jvm.opens lacks " + opt);
        }
    }
}
