package org.psychonet.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Plain CSV: a header and rows of numbers or words (doubles written at full precision). */
public final class Csv implements AutoCloseable {
    private final BufferedWriter out;

    private Csv(BufferedWriter out) {
        this.out = out;
    }

    public static Csv create(Path file, String... header) throws IOException {
        Csv c = new Csv(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        c.row((Object[]) header);
        return c;
    }

    public Csv row(Object... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(format(values[i]));
        }
        out.write('\n');
        return this;
    }

    public Csv row(List<?> values) throws IOException {
        return row(values.toArray());
    }

    private static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? Double.toString(d) : (d.isNaN() ? "NaN" : d > 0 ? "Inf" : "-Inf");
        }
        String s = v.toString();
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
