package org.omnilux.core.internal.persistence;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;

/** Where the server keeps its data: framework property {@code omnilux.data.dir}, default {@code ./data}. */
public final class DataDirs {
    public static final String PROPERTY = "omnilux.data.dir";

    private DataDirs() {
    }

    public static Path resolve(BundleContext context) {
        String value = context == null ? null : context.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv("OMNILUX_DATA_DIR");
        }
        if (value == null || value.isBlank()) {
            value = "./data";
        }
        return Path.of(value).toAbsolutePath().normalize();
    }
}
