package org.psychonet.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Issue 14: results are typed records, never string maps read back through unchecked casts. */
class TypedResultsTest {
    private static final Path EXPERIMENT = Path.of("src/main/java/org/psychonet/experiment");
    private static final Pattern MAP_RESULT = Pattern.compile("Map<String,\\s*Object>");
    private static final Pattern UNCHECKED = Pattern.compile("@SuppressWarnings\\(\"unchecked\"\\)|\\(Map<[^>]*>\\)");
    /** Files allowed to break the rule (none: every experiment is on the typed seam). */
    private static final Set<String> NOT_YET_TYPED = Set.of();

    @Test
    void noStringMapResultsAndNoUncheckedCastsInExperiment() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> s = Files.walk(EXPERIMENT)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (NOT_YET_TYPED.contains(f.getFileName().toString())) {
                    continue;
                }
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String code = lines.get(i).strip();
                    if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
                        continue; // comments may name what is forbidden
                    }
                    if (MAP_RESULT.matcher(lines.get(i)).find() || UNCHECKED.matcher(lines.get(i)).find()) {
                        found.add(f.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), found, "build results as records (see org.psychonet.experiment's package-info)");
    }

    @Test
    void theGrepFindsWhatItLooksFor() {
        // the patterns must match the forms they forbid, or the test above could never fail
        assertEquals(true, MAP_RESULT.matcher("Map<String, Object> m = new LinkedHashMap<>();").find());
        assertEquals(true, UNCHECKED.matcher("(Map<String, Object>) summary.get(\"runs\")").find());
        assertEquals(true, UNCHECKED.matcher("@SuppressWarnings(\"unchecked\")").find());
    }
}
