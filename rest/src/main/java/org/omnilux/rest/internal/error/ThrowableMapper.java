package org.omnilux.rest.internal.error;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The last resort: a 500 whose detail carries only an id; the exception itself goes to the log under that
 * id, never to the client.
 */
public final class ThrowableMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ThrowableMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        String errorId = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Unhandled error {} while serving a request", errorId, e);
        return Problems.builder(500, "An internal error occurred (error id " + errorId + ").",
                Map.of("errorId", errorId)).build();
    }
}
