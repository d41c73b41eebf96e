package org.omnilux.rest.internal.resource;

import java.util.LinkedHashMap;
import java.util.Map;

import org.omnilux.api.service.ServerHealth;
import org.omnilux.rest.internal.auth.PublicEndpoint;
import org.omnilux.rest.internal.error.Problems;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/health}: 200 {@code {"status":"UP"}} once the core is ready; before that 503 in problem
 * JSON whose {@code status} member is the string {@code "STARTING"} as the contract asks (RFC 9457 §3.1 lets
 * problem consumers ignore a member of the wrong type, so the HTTP status stays authoritative).
 */
@Path("api/health")
@PublicEndpoint
public final class HealthResource {

    private final ServerHealth health;

    public HealthResource(ServerHealth health) {
        this.health = health;
    }

    /** No {@code @Produces}: monitoring probes send all kinds of Accept headers, and get JSON anyway. */
    @GET
    public Response health() {
        if (health.isReady()) {
            return Response.ok(Map.of("status", "UP"), MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        String detail = health.status();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problems.TYPE);
        body.put("title", Problems.title(503));
        body.put("status", "STARTING");
        body.put("detail", detail == null || detail.isBlank() ? "The server is starting." : detail);
        return Response.status(503).type(Problems.MEDIA_TYPE_TYPE).entity(Problems.json(body))
                .header(HttpHeaders.RETRY_AFTER, "5").header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
