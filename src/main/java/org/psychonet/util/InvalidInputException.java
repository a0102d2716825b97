package org.psychonet.util;

/**
 * Bad input from the user: the message names the problem and the remedy in one line.
 * The CLI turns it into one line on stderr and exit code 2, and writes nothing.
 */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String problemAndRemedy) {
        super(problemAndRemedy);
    }

    public InvalidInputException(String problemAndRemedy, Throwable cause) {
        super(problemAndRemedy, cause);
    }

    /** Throws unless the condition holds. */
    public static void require(boolean condition, String problemAndRemedy) {
        if (!condition) {
            throw new InvalidInputException(problemAndRemedy);
        }
    }
}
