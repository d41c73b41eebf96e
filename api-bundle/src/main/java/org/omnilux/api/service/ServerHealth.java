package org.omnilux.api.service;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Whether the core can serve library requests yet (the database is opened off the start thread).
 *
 * @since 1.0
 */
@ProviderType
public interface ServerHealth {

    /** @return {@code true} once the database is open and migrated */
    boolean isReady();

    /** @return why the server is not ready (still starting, or the error that stopped the database) */
    String status();
}
