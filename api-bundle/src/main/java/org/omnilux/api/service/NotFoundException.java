package org.omnilux.api.service;

/**
 * The thing asked for does not exist (HTTP 404).
 *
 * @since 1.0
 */
public class NotFoundException extends ServiceException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
