package org.omnilux.api.service;

/**
 * The caller is known but may not do this (HTTP 403).
 *
 * @since 1.0
 */
public class ForbiddenException extends ServiceException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message);
    }
}
