package org.omnilux.rest.internal.error;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.glassfish.jersey.server.ParamException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Jersey's own errors (unknown path 404, 405 with {@code Allow}, 406, 415, 400 on unreadable bodies) as
 * problem JSON, keeping their headers.
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    /** Headers that describe the discarded entity, not the error. */
    private static final Set<String> ENTITY_HEADERS = Set.of("content-type", "content-length", "content-encoding",
            "content-language", "content-location");

    private final JsonExceptionMapper jsonMapper;

    @Context
    private UriInfo uriInfo;
    @Context
    private HttpHeaders headers;
    @Context
    private Request request;

    public WebApplicationExceptionMapper(JsonExceptionMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status < 400) {
            return original;
        }
        if (original.hasEntity() && Problems.MEDIA_TYPE_TYPE.isCompatible(original.getMediaType())) {
            return original;
        }
        JsonProcessingException json = jsonCause(e);
        if (json != null && status == 400) {
            return jsonMapper.toResponse(json);
        }
        Response.ResponseBuilder builder;
        if (e instanceof ParamException param && param.getParameterName() != null) {
            builder = Problems.builder(status, "Invalid value for " + param.getParameterName() + ".",
                    Map.of("parameter", param.getParameterName()));
        } else {
            builder = Problems.builder(status, detail(status, original), Map.of());
        }
        original.getStringHeaders().forEach((name, values) -> {
            if (!ENTITY_HEADERS.contains(name.toLowerCase())) {
                for (String value : values) {
                    builder.header(name, value);
                }
            }
        });
        return builder.build();
    }

    private String detail(int status, Response original) {
        String method = safe(() -> request.getMethod(), "This method");
        String path = safe(() -> uriInfo.getRequestUri().getRawPath(), "this path");
        return switch (status) {
            case 404 -> "Nothing found at " + path + ".";
            case 405 -> {
                Set<String> allowed = new TreeSet<>(original.getAllowedMethods());
                yield method + " is not allowed on " + path
                        + (allowed.isEmpty() ? "." : "; allowed: " + String.join(", ", allowed) + ".");
            }
            case 406 -> "None of the media types in the Accept header ("
                    + safe(() -> String.join(", ", headers.getRequestHeader(HttpHeaders.ACCEPT)), "none")
                    + ") can be produced; this endpoint answers " + MediaType.APPLICATION_JSON + ".";
            case 415 -> {
                MediaType type = safe(() -> headers.getMediaType(), null);
                yield type == null
                        ? "The request body needs Content-Type: " + MediaType.APPLICATION_JSON + "."
                        : "Content type '" + type + "' is not supported; send " + MediaType.APPLICATION_JSON + ".";
            }
            case 400 -> "The request could not be understood.";
            default -> Problems.title(status) + ".";
        };
    }

    private static JsonProcessingException jsonCause(Throwable e) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                return json;
            }
        }
        return null;
    }

    /** The injected context proxies throw outside a request; an error page must not. */
    private static <T> T safe(java.util.function.Supplier<T> value, T fallback) {
        try {
            T result = value.get();
            if (result instanceof List<?> list && list.isEmpty()) {
                return fallback;
            }
            return result == null ? fallback : result;
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
