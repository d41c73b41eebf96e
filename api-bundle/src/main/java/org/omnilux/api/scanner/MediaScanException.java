package org.omnilux.api.scanner;

/**
 * Thrown by a {@link MediaScanner} when a file cannot be read or understood. The message is shown to users
 * as the job error for that file, so it should say what is wrong with the file, not where in the code.
 *
 * @since 1.0
 */
public class MediaScanException extends Exception {

    private static final long serialVersionUID = 1L;

    public MediaScanException(String message) {
        super(message);
    }

    public MediaScanException(String message, Throwable cause) {
        super(message, cause);
    }
}
