package org.psychonet.report.plot;

/** Horizontal alignment of text at its point. */
public enum Anchor {
    START, MIDDLE, END;

    String svg() {
        return switch (this) {
            case START -> "start";
            case MIDDLE -> "middle";
            case END -> "end";
        };
    }
}
