package org.omnilux.core.internal.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.omnilux.core.internal.persistence.Database;

/** Fresh data directories under {@code target/}, one per test. */
public final class TestDatabases {
    private TestDatabases() {
    }

    public static Path newDataDir() {
        try {
            return Files.createDirectories(Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Database open() {
        return Database.open(newDataDir());
    }
}
