package org.omnilux.api.auth;

import java.util.Locale;

/**
 * What a user may do: an admin manages roots, metadata, scans and users; a user reads.
 *
 * @since 1.0
 */
public enum Role {
    ADMIN, USER;

    /** @return the name used in the API: {@code admin} or {@code user} */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the role of that API name, or {@code null} */
    public static Role fromApiName(String name) {
        for (Role role : values()) {
            if (role.apiName().equals(name)) {
                return role;
            }
        }
        return null;
    }
}
