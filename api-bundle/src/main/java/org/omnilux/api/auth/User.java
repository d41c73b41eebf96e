package org.omnilux.api.auth;

/**
 * A user account; never carries a password or hash.
 *
 * @since 1.0
 */
public record User(long id, String username, Role role) {
}
