package org.omnilux.core.internal.health;

import org.omnilux.api.service.ServerHealth;
import org.omnilux.core.internal.auth.AuthServiceImpl;
import org.omnilux.core.internal.persistence.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The server is ready when the database is migrated and open and the first-start admin exists: a client that
 * sees {@code UP} can log in at once.
 */
@Component(service = ServerHealth.class)
public final class ServerHealthComponent implements ServerHealth {

    private final Database database;
    private final AuthServiceImpl auth;

    @Activate
    public ServerHealthComponent(@Reference Database database, @Reference AuthServiceImpl auth) {
        this.database = database;
        this.auth = auth;
    }

    @Override
    public boolean isReady() {
        return database.isReady() && auth.isBootstrapped();
    }

    @Override
    public String status() {
        if (database.isReady() && !auth.isBootstrapped()) {
            return "creating the first-start admin";
        }
        return database.status();
    }
}
