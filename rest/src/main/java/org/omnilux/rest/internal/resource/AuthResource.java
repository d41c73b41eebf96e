package org.omnilux.rest.internal.resource;

import java.util.Set;

import org.omnilux.api.auth.AuthService;
import org.omnilux.api.auth.Session;
import org.omnilux.rest.internal.auth.PublicEndpoint;
import org.omnilux.rest.internal.json.JsonBody;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** {@code POST /api/auth/login} and {@code POST /api/auth/logout}. */
@Path("api/auth")
@Produces(MediaType.APPLICATION_JSON)
public final class AuthResource {

    private static final Set<String> LOGIN_FIELDS = Set.of("username", "password");

    private final AuthService auth;

    public AuthResource(AuthService auth) {
        this.auth = auth;
    }

    @POST
    @Path("login")
    @PublicEndpoint
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(JsonNode body) {
        JsonBody fields = JsonBody.of(body, LOGIN_FIELDS);
        String username = fields.requiredString("username");
        String password = fields.requiredString("password");
        Session session = auth.login(username, password);
        // a token must not be cached by anything between us and the client
        return Response.ok(session).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Path("logout")
    public Response logout(@Context SecurityContext security) {
        auth.logout(Requests.caller(security).token());
        return Response.noContent().build();
    }
}
