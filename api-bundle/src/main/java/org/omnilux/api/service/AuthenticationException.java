package org.omnilux.api.service;

/**
 * Credentials or token missing, unknown, revoked or expired (HTTP 401).
 *
 * @since 1.0
 */
public class AuthenticationException extends ServiceException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }
}
