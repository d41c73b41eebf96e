package org.omnilux.api.service;

/**
 * The service cannot answer yet, e.g. the database is still starting (HTTP 503).
 *
 * @since 1.0
 */
public class UnavailableException extends ServiceException {

    private static final long serialVersionUID = 1L;

    public UnavailableException(String message) {
        super(message);
    }
}
