package org.omnilux.api.service;

/**
 * Base of the errors the core's services report to their callers. The message is safe to show to a client.
 *
 * @since 1.0
 */
public abstract class ServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected ServiceException(String message) {
        super(message);
    }

    protected ServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
