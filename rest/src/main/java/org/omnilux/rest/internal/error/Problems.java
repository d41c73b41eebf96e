package org.omnilux.rest.internal.error;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Builds RFC 9457 problem responses. Every problem uses {@code "type":"about:blank"}, so {@code title} is the
 * HTTP reason phrase and {@code detail} says what went wrong in this request.
 * <p>
 * The body is serialised here, to a String, rather than by the JSON provider: an error must still be
 * answered in problem JSON when the JSON provider is what failed, and a String entity is written whatever
 * the request's {@code Accept} header says.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Built directly: {@code MediaType.valueOf} would look up the JAX-RS RuntimeDelegate at class init. */
    public static final MediaType MEDIA_TYPE_TYPE = new MediaType("application", "problem+json");
    public static final String TYPE = "about:blank";

    /** Plain mapper: the problem body holds only strings and numbers. */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Problems() {
    }

    public static Response response(int status, String detail) {
        return builder(status, detail, Map.of()).build();
    }

    public static Response.ResponseBuilder builder(int status, String detail, Map<String, ?> extensions) {
        return Response.status(status).type(MEDIA_TYPE_TYPE).entity(body(status, detail, extensions));
    }

    /** A 401 with the {@code WWW-Authenticate} challenge RFC 6750 asks for. */
    public static Response unauthorized(String detail, boolean tokenGiven) {
        String challenge = tokenGiven ? "Bearer error=\"invalid_token\"" : "Bearer";
        return builder(401, detail, Map.of()).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }

    /** The JSON text of a problem; {@code extensions} are added after the standard members. */
    public static String body(int status, String detail, Map<String, ?> extensions) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE);
        problem.put("title", title(status));
        problem.put("status", status);
        problem.put("detail", detail == null || detail.isBlank() ? title(status) : detail);
        extensions.forEach(problem::putIfAbsent);
        try {
            return MAPPER.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            // cannot happen for strings and numbers; never answer with an empty body
            return "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500,"
                    + "\"detail\":\"The error could not be described.\"}";
        }
    }

    /** Serialises a problem-like map built by the caller (health's {@code "status":"STARTING"}). */
    public static String json(Map<String, ?> members) {
        try {
            return MAPPER.writeValueAsString(members);
        } catch (JsonProcessingException e) {
            return body(500, null, Map.of());
        }
    }

    public static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            default -> status >= 500 ? "Server Error" : status >= 400 ? "Client Error" : "Status " + status;
        };
    }
}
