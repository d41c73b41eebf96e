package org.omnilux.api.probe;

/**
 * A file could not be probed: unreadable, corrupt, not media, or the probe timed out.
 *
 * @since 1.0
 */
public class ProbeException extends Exception {

    private static final long serialVersionUID = 1L;

    public ProbeException(String message) {
        super(message);
    }

    public ProbeException(String message, Throwable cause) {
        super(message, cause);
    }
}
