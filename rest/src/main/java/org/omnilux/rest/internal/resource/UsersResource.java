package org.omnilux.rest.internal.resource;

import java.util.List;
import java.util.Set;

import org.omnilux.api.auth.AuthService;
import org.omnilux.api.auth.Role;
import org.omnilux.api.auth.User;
import org.omnilux.api.service.InvalidInputException;
import org.omnilux.api.service.NotFoundException;
import org.omnilux.rest.internal.auth.AdminOnly;
import org.omnilux.rest.internal.json.JsonBody;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** User management, admin only. Users are written as {@code {"id","username","role"}}, never a password. */
@Path("api/users")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public final class UsersResource {

    private static final Set<String> CREATE_FIELDS = Set.of("username", "password", "role");

    private final AuthService auth;

    public UsersResource(AuthService auth) {
        this.auth = auth;
    }

    @GET
    public List<User> users() {
        return auth.users();
    }

    @GET
    @Path("{id}")
    public User user(@PathParam("id") String id) {
        long userId = Requests.id(id, "user");
        return auth.users().stream().filter(user -> user.id() == userId).findFirst()
                .orElseThrow(() -> new NotFoundException("No user with id " + userId + "."));
    }

    /** {@code role} defaults to {@code user}, the least privilege. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body, @Context UriInfo uriInfo) {
        JsonBody fields = JsonBody.of(body, CREATE_FIELDS);
        String username = fields.requiredString("username");
        String password = fields.requiredString("password");
        String roleName = fields.optionalString("role");
        Role role = roleName == null ? Role.USER : Role.fromApiName(roleName);
        if (role == null) {
            throw new InvalidInputException("role", "role must be 'admin' or 'user'.");
        }
        User user = auth.createUser(username, password, role);
        return Response.created(Requests.location(uriInfo, "api/users/" + user.id())).entity(user).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        auth.deleteUser(Requests.id(id, "user"));
        return Response.noContent().build();
    }
}
