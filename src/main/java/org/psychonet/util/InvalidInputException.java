package org.psychonet.util;

import java.util.Optional;

/**
 * Bad input from the user: the message names the problem and the remedy in one line.
 * The CLI turns it into one line on stderr and exit code 2, and writes nothing.
 *
 * <p>Library code names the <em>parameter</em> (a config record's component, e.g. {@code learningRate}),
 * never a command-line flag: {@link #parameter(String, String)} records it, and the CLI rewrites it to the flag
 * the user typed (e.g. {@code --lr}) from its one table of parameter → flag.
 */
public class InvalidInputException extends RuntimeException {
    private final String parameter;

    public InvalidInputException(String problemAndRemedy) {
        this(null, problemAndRemedy, null);
    }

    public InvalidInputException(String problemAndRemedy, Throwable cause) {
        this(null, problemAndRemedy, cause);
    }

    private InvalidInputException(String parameter, String problemAndRemedy, Throwable cause) {
        super(problemAndRemedy, cause);
        this.parameter = parameter;
    }

    /**
     * A bad value of a named parameter; the message reads "{parameter} {problemAndRemedy}", e.g.
     * {@code parameter("steps", "must be at least 1")}.
     */
    public static InvalidInputException parameter(String parameter, String problemAndRemedy) {
        return new InvalidInputException(parameter, parameter + " " + problemAndRemedy, null);
    }

    /** The parameter this is about, when the library named one. */
    public Optional<String> parameterName() {
        return Optional.ofNullable(parameter);
    }

    /** Throws unless the condition holds. */
    public static void require(boolean condition, String problemAndRemedy) {
        if (!condition) {
            throw new InvalidInputException(problemAndRemedy);
        }
    }

    /** Throws {@link #parameter(String, String)} unless the condition holds. */
    public static void requireParameter(boolean condition, String parameter, String problemAndRemedy) {
        if (!condition) {
            throw parameter(parameter, problemAndRemedy);
        }
    }
}
