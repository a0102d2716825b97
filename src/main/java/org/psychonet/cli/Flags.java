package org.psychonet.cli;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.psychonet.util.InvalidInputException;

/**
 * The one table from library parameter names (config record components, e.g. {@code learningRate}) to the
 * command-line flags a user types (e.g. {@code --lr}). Library messages name the parameter — first word of an
 * {@link InvalidInputException#parameter} message, or {@code `name`} in back-quotes inside any message — and
 * {@link #userMessage} rewrites them to flags. A parameter missing from the table maps to its kebab-case flag
 * ({@code patchSize} → {@code --patch-size}).
 */
final class Flags {
    private static final Map<String, String> TABLE = Map.ofEntries(
            Map.entry("learningRate", "--lr"),
            Map.entry("depths", "--depth"),
            Map.entry("conditions", "--condition"),
            Map.entry("saveWeightsEvery", "--save-weights"),
            Map.entry("pcBasis", "--pixel-basis"),
            Map.entry("rotateDeg", "--rotate"),
            Map.entry("hueShiftDeg", "--hue-shift"),
            Map.entry("fitRanks", "--fit"),
            Map.entry("componentsShown", "--components"),
            Map.entry("sensitivityThetas", "--thetas"),
            Map.entry("initRule", "--init"));
    private static final Pattern QUOTED = Pattern.compile("`([A-Za-z][A-Za-z0-9]*)`");
    private static final Pattern HUMP = Pattern.compile("([a-z0-9])([A-Z])");

    private Flags() {
    }

    /** The flag of a parameter. */
    static String flag(String parameter) {
        String f = TABLE.get(parameter);
        return f != null ? f : "--" + HUMP.matcher(parameter).replaceAll("$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The message a user sees: parameter names rewritten to flags. */
    static String userMessage(InvalidInputException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (e.parameterName().isPresent()) {
            String p = e.parameterName().get();
            if (m.startsWith(p + " ") || m.equals(p)) {
                m = flag(p) + m.substring(p.length());
            }
        }
        Matcher q = QUOTED.matcher(m);
        StringBuilder sb = new StringBuilder();
        while (q.find()) {
            q.appendReplacement(sb, Matcher.quoteReplacement(flag(q.group(1))));
        }
        q.appendTail(sb);
        return sb.toString().replace('\n', ' ');
    }
}
