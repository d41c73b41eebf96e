package org.omnilux.rest.internal.auth;

import java.lang.reflect.Method;

/** What a resource method requires of its caller. */
public enum Access {
    PUBLIC, ANY_USER, ADMIN;

    /** Method annotations win over class annotations; no annotation means any valid token. */
    public static Access of(Class<?> resourceClass, Method method) {
        if (method.isAnnotationPresent(PublicEndpoint.class)) {
            return PUBLIC;
        }
        if (method.isAnnotationPresent(AdminOnly.class)) {
            return ADMIN;
        }
        if (resourceClass.isAnnotationPresent(PublicEndpoint.class)) {
            return PUBLIC;
        }
        if (resourceClass.isAnnotationPresent(AdminOnly.class)) {
            return ADMIN;
        }
        return ANY_USER;
    }
}
