package org.omnilux.rest.internal.auth;

import org.omnilux.api.auth.AuthService;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Gives every resource method that needs a token its own {@link AuthFilter}, configured from the method's
 * annotations; public methods get none.
 */
public final class AuthFeature implements DynamicFeature {

    private final AuthService auth;

    public AuthFeature(AuthService auth) {
        this.auth = auth;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Class<?> type = resourceInfo.getResourceClass();
        var method = resourceInfo.getResourceMethod();
        if (type == null || method == null) {
            return;
        }
        Access access = Access.of(type, method);
        if (access == Access.PUBLIC) {
            return;
        }
        boolean queryToken = method.isAnnotationPresent(QueryTokenAllowed.class)
                || type.isAnnotationPresent(QueryTokenAllowed.class);
        context.register(new AuthFilter(auth, access == Access.ADMIN, queryToken), Priorities.AUTHENTICATION);
    }
}
