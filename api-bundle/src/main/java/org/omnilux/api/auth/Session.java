package org.omnilux.api.auth;

import java.time.Instant;

/**
 * A bearer token issued by a login. The token itself is only ever known to the client; the server keeps
 * its hash.
 *
 * @since 1.0
 */
public record Session(String token, Role role, Instant expiresAt) {
}
