package org.psychonet.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Files a user names as input. A path that is not a readable regular file is refused with what it really is
 * (missing, a folder, a FIFO, a device, unreadable), never read: reading a FIFO blocks and {@code /dev/zero}
 * never ends.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * What the path is when it is not a readable regular file ("does not exist", "is a folder", "is a FIFO or
     * device, not a regular file", "is not readable"), or null when it is one.
     */
    public static String problem(Path p) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException | SecurityException e) {
            try {
                Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                return "is a broken symbolic link";
            } catch (IOException | SecurityException e2) {
                return "does not exist";
            }
        }
        if (a.isDirectory()) {
            return "is a folder, not a file";
        }
        if (!a.isRegularFile()) {
            return "is a FIFO, socket or device, not a regular file";
        }
        if (!Files.isReadable(p)) {
            return "is not readable (permission denied)";
        }
        return null;
    }

    /**
     * Throws unless {@code p} is a readable regular file: "{what} {path} {problem}; {remedy}".
     *
     * @param what   e.g. "weight file"
     * @param remedy what to give instead
     */
    public static void requireRegularFile(Path p, String what, String remedy) {
        String problem = problem(p);
        if (problem != null) {
            throw new InvalidInputException(what + " " + show(p) + " " + problem + "; " + remedy);
        }
    }

    /** The path for a one-line message: control characters (a newline in a file name) shown as '?'. */
    public static String show(Path p) {
        return oneLine(p.toString());
    }

    /** Text for a one-line message: control characters replaced by '?', at most 200 characters. */
    public static String oneLine(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 200));
        for (int i = 0; i < s.length() && b.length() < 200; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        if (s.length() > 200) {
            b.append('…');
        }
        return b.toString();
    }
}
