package org.omnilux.api.service;

/**
 * A parameter or field of the request is invalid (HTTP 400). Names the parameter so that clients can show
 * the message next to the right field.
 *
 * @since 1.0
 */
public class InvalidInputException extends ServiceException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    /**
     * @param parameter the query parameter or JSON field at fault
     * @param message what is wrong with it; should mention the parameter
     */
    public InvalidInputException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** @return the query parameter or JSON field at fault */
    public String parameter() {
        return parameter;
    }
}
