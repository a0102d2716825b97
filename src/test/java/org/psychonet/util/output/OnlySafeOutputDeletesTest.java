package org.psychonet.util.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every deletion in psychonet goes through {@link SafeOutput}: no other main source deletes or replaces a file. */
class OnlySafeOutputDeletesTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final List<String> FORBIDDEN = List.of("Files.delete(", "Files.deleteIfExists(", ".delete()",
            "deleteOnExit", "deleteTree", "REPLACE_EXISTING", "FileUtils.delete");
    /**
     * Known exceptions, each replacing only a file of its own in a folder it made: checkpoints and saved networks
     * rewrite their own weights/state files atomically (owned by the model and CNN-training code).
     */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "org/psychonet/util/output/SafeOutput.java", Set.copyOf(FORBIDDEN),
            "org/psychonet/model/NetworkStore.java", Set.of("REPLACE_EXISTING"),
            "org/psychonet/learning/CnnTrainer.java", Set.of("REPLACE_EXISTING"),
            "org/psychonet/learning/cnn/CnnTrainer.java", Set.of("REPLACE_EXISTING"));

    @Test
    void noOtherSourceDeletes() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> s = Files.walk(MAIN)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                String rel = MAIN.relativize(f).toString().replace('\\', '/');
                String text = Files.readString(f);
                for (String bad : FORBIDDEN) {
                    if (text.contains(bad) && !ALLOWED.getOrDefault(rel, Set.of()).contains(bad)) {
                        found.add(rel + ": " + bad);
                    }
                }
            }
        }
        assertEquals(List.of(), found, "delete through org.psychonet.util.output.SafeOutput only");
    }
}
