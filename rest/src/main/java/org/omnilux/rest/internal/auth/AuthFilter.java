package org.omnilux.rest.internal.auth;

import java.security.Principal;
import java.util.List;

import org.omnilux.api.auth.AuthService;
import org.omnilux.api.auth.User;
import org.omnilux.api.service.AuthenticationException;
import org.omnilux.rest.internal.error.Problems;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Checks the bearer token of one resource method and puts the caller into the request's
 * {@link SecurityContext} (principal: {@link AuthenticatedUser}).
 */
public final class AuthFilter implements ContainerRequestFilter {

    /** The request property that also holds the {@link AuthenticatedUser}. */
    public static final String USER_PROPERTY = "org.omnilux.rest.user";
    public static final String ACCESS_TOKEN_PARAMETER = "access_token";

    private static final String BEARER = "bearer";

    private final AuthService auth;
    private final boolean adminOnly;
    private final boolean queryTokenAllowed;

    public AuthFilter(AuthService auth, boolean adminOnly, boolean queryTokenAllowed) {
        this.auth = auth;
        this.adminOnly = adminOnly;
        this.queryTokenAllowed = queryTokenAllowed;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String token;
        List<String> authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !authorization.isEmpty()) {
            if (authorization.size() > 1) {
                request.abortWith(Problems.unauthorized("Send exactly one Authorization header.", false));
                return;
            }
            token = bearerToken(authorization.get(0));
            if (token == null) {
                request.abortWith(Problems.unauthorized(
                        "Malformed Authorization header; expected 'Authorization: Bearer <token>'.", false));
                return;
            }
        } else if (queryTokenAllowed && request.getUriInfo().getQueryParameters().containsKey(ACCESS_TOKEN_PARAMETER)) {
            List<String> values = request.getUriInfo().getQueryParameters().get(ACCESS_TOKEN_PARAMETER);
            token = values.size() == 1 ? values.get(0).strip() : "";
            if (token.isEmpty()) {
                request.abortWith(Problems.unauthorized("Malformed access_token query parameter.", false));
                return;
            }
        } else {
            request.abortWith(Problems.unauthorized(
                    "Authentication required: send 'Authorization: Bearer <token>' (POST /api/auth/login issues one).",
                    false));
            return;
        }

        User user;
        try {
            user = auth.authenticate(token);
        } catch (AuthenticationException e) {
            request.abortWith(Problems.unauthorized("The token is unknown, revoked or expired.", true));
            return;
        }
        if (user == null) {
            request.abortWith(Problems.unauthorized("The token is unknown, revoked or expired.", true));
            return;
        }
        AuthenticatedUser caller = new AuthenticatedUser(user, token);
        if (adminOnly && !caller.isAdmin()) {
            request.abortWith(Problems.response(403, "This operation requires the admin role."));
            return;
        }
        request.setProperty(USER_PROPERTY, caller);
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new BearerSecurityContext(caller, secure));
    }

    /** @return the token of a {@code Bearer} credential, or {@code null} when the header is malformed */
    static String bearerToken(String header) {
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space <= 0 || !value.substring(0, space).equalsIgnoreCase(BEARER)) {
            return null;
        }
        String token = value.substring(space + 1).strip();
        // RFC 6750 b64token: no spaces inside
        if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        return token;
    }

    private record BearerSecurityContext(AuthenticatedUser caller, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.user().role().apiName().equals(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
