package org.psychonet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Lower layers never import higher ones (each package-info says what its package may import). */
class LayeringTest {
    private static final Path MAIN = Path.of("src/main/java/org/psychonet");
    /** Rank of each top-level package; a sub-package has its parent's rank. Equal ranks may import each other. */
    private static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("util", 0), Map.entry("scale", 0), Map.entry("stimulus", 1), Map.entry("images", 1), Map.entry("model", 2),
            Map.entry("sensitivity", 3), Map.entry("learning", 4), Map.entry("theory", 5), Map.entry("experiment", 6),
            Map.entry("report", 7), Map.entry("reproduce", 8), Map.entry("bench", 9), Map.entry("cli", 9));
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.psychonet\\.([a-z]+)[.;]",
            Pattern.MULTILINE);

    private static int rank(String top) {
        Integer r = RANK.get(top);
        if (r == null) {
            throw new AssertionError("package org.psychonet." + top + " has no layer: add it to LayeringTest and "
                    + "the README's design section");
        }
        return r;
    }

    @Test
    void noImportRunsUpward() throws IOException {
        List<String> upward = new ArrayList<>();
        try (Stream<Path> s = Files.walk(MAIN)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                Path rel = MAIN.relativize(f);
                if (rel.getNameCount() < 2) {
                    continue;
                }
                String own = rel.getName(0).toString();
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    if (rank(m.group(1)) > rank(own)) {
                        upward.add(rel + " imports org.psychonet." + m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), upward);
    }
}
