package org.omnilux.rest.internal.error;

import java.util.Map;

import org.omnilux.api.service.AuthenticationException;
import org.omnilux.api.service.ConflictException;
import org.omnilux.api.service.ForbiddenException;
import org.omnilux.api.service.InvalidInputException;
import org.omnilux.api.service.NotFoundException;
import org.omnilux.api.service.ServiceException;
import org.omnilux.api.service.UnavailableException;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Maps the core's errors to their HTTP status; their messages are written to be shown to clients. */
public final class ServiceExceptionMapper implements ExceptionMapper<ServiceException> {

    private final ThrowableMapper fallback;

    public ServiceExceptionMapper(ThrowableMapper fallback) {
        this.fallback = fallback;
    }

    @Override
    public Response toResponse(ServiceException e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.parameter() == null
                    ? Problems.response(400, e.getMessage())
                    : Problems.builder(400, e.getMessage(), Map.of("parameter", invalid.parameter())).build();
        }
        if (e instanceof NotFoundException) {
            return Problems.response(404, e.getMessage());
        }
        if (e instanceof ConflictException) {
            return Problems.response(409, e.getMessage());
        }
        if (e instanceof AuthenticationException) {
            return Problems.builder(401, e.getMessage(), Map.of()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .build();
        }
        if (e instanceof ForbiddenException) {
            return Problems.response(403, e.getMessage());
        }
        if (e instanceof UnavailableException) {
            return Problems.builder(503, e.getMessage(), Map.of()).header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        // a subclass this bundle does not know: treat as a bug, not as a client error
        return fallback.toResponse(e);
    }
}
