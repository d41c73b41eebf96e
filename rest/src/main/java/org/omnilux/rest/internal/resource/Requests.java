package org.omnilux.rest.internal.resource;

import java.net.URI;
import java.util.regex.Pattern;

import org.omnilux.api.service.NotFoundException;
import org.omnilux.rest.internal.auth.AuthenticatedUser;

import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/** Small helpers shared by the resources. */
final class Requests {

    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

    private Requests() {
    }

    /** A path id that is not a number names nothing: 404, like an unknown number. */
    static long id(String text, String what) {
        if (text == null || !ID.matcher(text).matches()) {
            throw new NotFoundException("No " + what + " with id '" + text + "'.");
        }
        return Long.parseLong(text);
    }

    /**
     * The {@code Location} of a created resource as an absolute path ({@code /api/library/roots/7}), as the
     * contract writes it; Jersey is configured not to turn it into a full URL.
     */
    static URI location(UriInfo uriInfo, String relativePath) {
        String base = uriInfo.getBaseUri().getRawPath();
        if (base == null || base.isEmpty()) {
            base = "/";
        }
        return URI.create((base.endsWith("/") ? base : base + "/") + relativePath);
    }

    /** The caller the auth filter put in place; its absence is a wiring bug, hence 500, not 401. */
    static AuthenticatedUser caller(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof AuthenticatedUser user) {
            return user;
        }
        throw new IllegalStateException("No authenticated user on a protected endpoint");
    }
}
