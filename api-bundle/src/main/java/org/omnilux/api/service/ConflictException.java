package org.omnilux.api.service;

/**
 * The request conflicts with the current state (HTTP 409).
 *
 * @since 1.0
 */
public class ConflictException extends ServiceException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
