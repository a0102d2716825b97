package org.psychonet.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psychonet.images.ImageSource;
import org.psychonet.images.ImageSources;
import org.psychonet.images.ImageStats;
import org.psychonet.scale.Table;
import org.psychonet.util.InvalidInputException;

/** The Spark cluster embedded in local[2]: jobs, exact merges, bad input from executors, Parquet. */
class SparkClusterTest {
    private static SparkCluster spark;

    @BeforeAll
    static void start() {
        spark = SparkCluster.start("local[2]", "psychonet-test");
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    @Test
    void describesItself() {
        assertEquals(2, spark.parallelism());
        assertTrue(spark.describe().contains("local[2]"), spark.describe());
    }

    /** Every item's result is merged exactly once, whatever the number of partitions (sum of 1..n). */
    @Test
    void eachPartitionCountsOnce() throws Exception {
        List<Long> items = LongStream.rangeClosed(1, 1000).boxed().toList();
        for (int parts : new int[] {1, 2, 7, 64}) {
            long sum = spark.aggregate(items, parts, slice -> slice.stream().mapToLong(Long::longValue).sum(),
                    Long::sum);
            assertEquals(500500L, sum, parts + " partitions");
        }
    }

    /** stats on Spark equals stats in one process, bit for bit. */
    @Test
    void imageStatisticsEqualTheSingleProcessOnes() throws Exception {
        String spec = "world:size=40,count=600,seed=5";
        ImageSource src = ImageSources.parse(spec);
        ImageStats.Options o = new ImageStats.Options(0, 700, 8, 3, 2);
        ImageStats single = ImageStats.measure(src, o);
        ImageStats distributed = ImageStats.measure(src, () -> ImageSources.parse(spec), o, spark, 3);
        assertArrayEquals(single.hueCounts(), distributed.hueCounts(), 0.0);
        assertArrayEquals(single.orientationEnergy(), distributed.orientationEnergy(), 0.0);
        assertEquals(single.imagesRead(), distributed.imagesRead());
        assertEquals(single.pixels(), distributed.pixels());
        assertEquals(single.skipped(), distributed.skipped());
        double[][] a = single.covariance().covariance();
        double[][] b = distributed.covariance().covariance();
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0.0, "covariance row " + i);
        }
    }

    /** A bad input met on an executor reaches the user as the same one line (exit 2), not a Spark stack trace. */
    @Test
    void badInputOnAnExecutorStaysBadInput() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> spark.aggregate(List.of(1, 2, 3), 2,
                slice -> {
                    throw InvalidInputException.parameter("images", "names a folder the executor cannot read");
                }, (Integer x, Integer y) -> x + y));
        assertEquals("images", e.parameterName().orElseThrow());
    }

    @Test
    void parquetTablesReadBackInSpark(@TempDir Path dir) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"resnet18", null, 0.5, 3});
        rows.add(new Object[] {"saved:run/step-100", 100L, Double.POSITIVE_INFINITY, 4});
        Table t = new Table(List.of(new Table.Column("model", Table.Type.STRING, false),
                new Table.Column("checkpoint_step", Table.Type.LONG, true),
                new Table.Column("threshold", Table.Type.DOUBLE, false),
                new Table.Column("n", Table.Type.INT, false)), rows);
        Path file = dir.resolve("t.parquet");
        assertTrue(spark.writeParquet(file, t));
        Dataset<Row> df = spark.session().read().parquet(file.toString());
        List<Row> back = df.orderBy("n").collectAsList();
        assertEquals(2, back.size());
        assertEquals("resnet18", back.get(0).getString(0));
        assertTrue(back.get(0).isNullAt(1));
        assertEquals(100L, back.get(1).getLong(1));
        assertEquals(Double.POSITIVE_INFINITY, back.get(1).getDouble(2));
        assertEquals("long", df.schema().apply("checkpoint_step").dataType().typeName());
    }
}
