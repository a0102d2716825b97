package org.psychonet.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command examples of README.md, so that tests can parse and run every one of them: lines of shell code blocks
 * that start with {@code ./psychonet} or run a script of {@code scripts/} with python3 (backslash continuations
 * joined, trailing comments removed), inline code spans in the prose that start with {@code ./psychonet}, and
 * Python blocks that use {@code psychonet_results} (the worked example). Synopsis placeholders become concrete
 * values (SPEC → identity, {@code a|b} → a, optional {@code [...]} groups dropped, DIR → dir, ~/photos → photos,
 * FILE.pt → resnet18.pt, absolute /tmp paths → relative ones) so each example can run in a scratch folder.
 */
final class ReadmeExamples {

    /** What runs an example. */
    enum Kind { PSYCHONET, PYTHON_SCRIPT, PYTHON_BLOCK }

    /**
     * One example: where it is in the README (1-based line), its text as written, its kind, the arguments after
     * the program (placeholders replaced; for a Python block: the code), and the exit code it documents (a
     * trailing comment "exit N"; 0 otherwise).
     */
    record Example(int line, String text, Kind kind, List<String> args, int exitCode) {
        String command() {
            return kind == Kind.PSYCHONET && !args.isEmpty() ? args.get(0) : "";
        }

        @Override
        public String toString() {
            return "README.md:" + line + ": " + (text.length() > 140 ? text.substring(0, 140) + "…" : text);
        }
    }

    private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*([A-Za-z]*)\\s*$");
    private static final Pattern INLINE = Pattern.compile("`(\\./psychonet [^`]+)`");
    private static final Pattern EXIT = Pattern.compile("\\bexit (?:code )?(\\d+)\\b");
    /** Whole-word placeholders of the README's synopses and their values in the scratch folder. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("SPEC", "identity"), Map.entry("DIR", "dir"), Map.entry("DIR2", "dir2"),
            Map.entry("OUT", "out"), Map.entry("FILE", "resnet18"), Map.entry("CMD", "sensitivity"),
            Map.entry("MASTER", "local[2]"), Map.entry("N", "4"));
    private static final Pattern WORD = Pattern.compile("\\b(SPEC|DIR2|DIR|OUT|FILE|CMD|MASTER|N)\\b");

    private ReadmeExamples() {
    }

    static List<Example> read(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme);
        List<Example> out = new ArrayList<>();
        String fence = null;
        int blockStart = 0;
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            Matcher f = FENCE.matcher(raw);
            if (f.matches()) {
                if (fence == null) {
                    fence = f.group(1).toLowerCase(java.util.Locale.ROOT);
                    blockStart = i + 2;
                    block.setLength(0);
                } else {
                    if (fence.equals("python") && block.toString().contains("psychonet_results")) {
                        out.add(new Example(blockStart, block.toString(), Kind.PYTHON_BLOCK,
                                List.of(block.toString()), 0));
                    }
                    fence = null;
                }
                continue;
            }
            if (fence != null) {
                block.append(raw).append('\n');
                if (!List.of("", "bash", "sh", "shell", "console").contains(fence)) {
                    continue;
                }
                String text = raw.strip();
                int start = i;
                while (text.endsWith("\\") && i + 1 < lines.size()) {
                    text = text.substring(0, text.length() - 1).strip() + " " + lines.get(++i).strip();
                }
                Example e = parse(start + 1, text);
                if (e != null) {
                    out.add(e);
                }
                continue;
            }
            Matcher m = INLINE.matcher(raw);
            while (m.find()) {
                Example e = parse(i + 1, m.group(1));
                if (e != null) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** An example from one line of shell, or null when the line runs neither psychonet nor a script. */
    static Example parse(int line, String text) {
        String code = text;
        int exit = 0;
        int hash = commentStart(text);
        if (hash >= 0) {
            Matcher e = EXIT.matcher(text.substring(hash));
            if (e.find()) {
                exit = Integer.parseInt(e.group(1));
            }
            code = text.substring(0, hash).strip();
        }
        code = code.replaceAll("\\[[^\\[\\]]*]", " ").strip(); // optional groups of a synopsis
        List<String> tokens = tokens(code);
        if (tokens.isEmpty()) {
            return null;
        }
        Kind kind;
        if (tokens.get(0).equals("./psychonet")) {
            kind = Kind.PSYCHONET;
        } else if ((tokens.get(0).equals("python3") || tokens.get(0).equals("/usr/bin/python3")) && tokens.size() > 1
                && tokens.get(1).startsWith("scripts/")) {
            kind = Kind.PYTHON_SCRIPT;
        } else {
            return null;
        }
        List<String> args = new ArrayList<>();
        for (String t : tokens.subList(1, tokens.size())) {
            args.add(concrete(t));
        }
        return new Example(line, text, kind, args, exit);
    }

    /** A token with the synopsis placeholders replaced. */
    static String concrete(String t) {
        String s = t;
        if (s.contains("|") && !s.contains("[")) {
            s = s.substring(0, s.indexOf('|')); // alternatives: the first
        }
        s = s.replace("~/photos", "photos").replace("~/patches-folder", "photos").replace("/path/to/photos", "photos");
        if (s.startsWith("/tmp/")) {
            s = s.substring(1); // into the scratch folder
        }
        Matcher m = WORD.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(WORDS.get(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Start of a shell comment: a '#' at the start of a word, outside quotes; -1 if none. */
    private static int commentStart(String s) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    /** Words of a shell line: whitespace-separated, quotes grouping and removed. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean any = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (any || cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(c);
            }
        }
        if (any || cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }
}
