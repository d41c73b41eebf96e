package org.omnilux.rest.internal.auth;

import java.security.Principal;

import org.omnilux.api.auth.Role;
import org.omnilux.api.auth.User;

/**
 * The caller of a request, as the {@link jakarta.ws.rs.core.SecurityContext} principal; carries the token so
 * that logout can revoke exactly it.
 */
public record AuthenticatedUser(User user, String token) implements Principal {

    @Override
    public String getName() {
        return user.username();
    }

    public boolean isAdmin() {
        return user.role() == Role.ADMIN;
    }

    @Override
    public String toString() {
        // never print the token
        return "AuthenticatedUser[" + user + "]";
    }
}
