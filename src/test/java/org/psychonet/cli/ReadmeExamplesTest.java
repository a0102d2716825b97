package org.psychonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every command example of README.md parses: the command exists, every option exists and takes the value shown,
 * every script exists. (ReadmeExamplesIT runs them all, with small settings.)
 */
class ReadmeExamplesTest {

    @Test
    void everyReadmeExampleParses() throws Exception {
        List<ReadmeExamples.Example> examples = ReadmeExamples.read(Path.of("README.md"));
        assertTrue(examples.size() >= 10, "found only " + examples.size() + " examples");
        List<String> broken = new ArrayList<>();
        for (ReadmeExamples.Example e : examples) {
            switch (e.kind()) {
                case PSYCHONET -> {
                    try {
                        CommandLine.ParseResult r = Main.commandLine().parseArgs(e.args().toArray(new String[0]));
                        if (!r.hasSubcommand()) {
                            broken.add(e + " → names no command");
                        }
                    } catch (CommandLine.ParameterException ex) {
                        broken.add(e + " → " + ex.getMessage());
                    }
                }
                case PYTHON_SCRIPT -> {
                    if (!Files.isRegularFile(Path.of(e.args().get(0)))) {
                        broken.add(e + " → no such script " + e.args().get(0));
                    }
                }
                case PYTHON_BLOCK -> {
                    // run by ReadmeExamplesIT
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void examplesAreFoundAndMadeConcrete(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("README.md");
        Files.writeString(md, String.join("\n",
                "Run `./psychonet stats --images world --out /tmp/a` first.",
                "```bash",
                "./psychonet sensitivity --model SPEC --stimulus gabor|hue \\",
                "    [--layers a,b] [--thetas N] --out DIR   # a synopsis",
                "mvn -B test",
                "./psychonet sensitivity --out . # refused: exit 2",
                "python3 scripts/export.py --weights none   # exports",
                "```",
                "```python",
                "from psychonet_results import load",
                "```",
                "```java",
                "./psychonet not-a-shell-line",
                "```", ""));
        List<ReadmeExamples.Example> ex = ReadmeExamples.read(md);
        assertEquals(5, ex.size(), ex.toString());
        assertEquals(List.of("stats", "--images", "world", "--out", "tmp/a"), ex.get(0).args());
        assertEquals(List.of("sensitivity", "--model", "identity", "--stimulus", "gabor", "--out", "dir"),
                ex.get(1).args());
        assertEquals(3, ex.get(1).line());
        assertEquals(2, ex.get(2).exitCode());
        assertEquals(ReadmeExamples.Kind.PYTHON_SCRIPT, ex.get(3).kind());
        assertEquals(List.of("scripts/export.py", "--weights", "none"), ex.get(3).args());
        assertEquals(ReadmeExamples.Kind.PYTHON_BLOCK, ex.get(4).kind());
        assertEquals(10, ex.get(4).line());
    }
}
