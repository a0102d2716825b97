package org.psychonet.images;

/** An image that cannot be decoded (truncated, corrupt, not an image); statistics skip and count it. */
public class UnreadableImageException extends RuntimeException {
    private final String item;
    private final String reason;

    public UnreadableImageException(String item, String reason) {
        super(item + ": " + reason);
        this.item = item;
        this.reason = reason;
    }

    public UnreadableImageException(String item, String reason, Throwable cause) {
        super(item + ": " + reason, cause);
        this.item = item;
        this.reason = reason;
    }

    /** The file (or label) that failed. */
    public String item() {
        return item;
    }

    /** Why, in a few words. */
    public String reason() {
        return reason;
    }
}
