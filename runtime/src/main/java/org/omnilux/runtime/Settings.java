package org.omnilux.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The server's start-up settings: the {@code OMNILUX_*} environment variables, each overriding the same key of
 * {@code <config dir>/omnilux.properties}, each falling back to the contract's default.
 */
record Settings(int port, String host, Path dataDir, Path bundlesDir, Path configDir, String adminPassword) {

    static final String PROPERTIES_FILE = "omnilux.properties";

    static Settings load(Map<String, String> env) {
        Path configDir = path(env.getOrDefault("OMNILUX_CONFIG_DIR", "./config"));
        Properties file = readProperties(configDir.resolve(PROPERTIES_FILE));
        String port = pick(env, file, "OMNILUX_PORT", "port", "8080");
        int portNumber;
        try {
            portNumber = Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("OMNILUX_PORT must be a number, got '" + port + "'");
        }
        if (portNumber < 0 || portNumber > 65535) {
            throw new IllegalArgumentException("OMNILUX_PORT must be 0..65535, got " + portNumber);
        }
        return new Settings(portNumber,
                pick(env, file, "OMNILUX_HOST", "host", "0.0.0.0"),
                path(pick(env, file, "OMNILUX_DATA_DIR", "dataDir", "./data")),
                path(pick(env, file, "OMNILUX_BUNDLES_DIR", "bundlesDir", "./bundles")),
                configDir,
                blankToNull(env.get("OMNILUX_ADMIN_PASSWORD")));
    }

    private static String pick(Map<String, String> env, Properties file, String variable, String key,
            String fallback) {
        String fromEnv = blankToNull(env.get(variable));
        if (fromEnv != null) {
            return fromEnv;
        }
        String fromFile = blankToNull(file.getProperty(key));
        return fromFile != null ? fromFile : fallback;
    }

    private static Properties readProperties(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return properties;
    }

    private static Path path(String value) {
        return Path.of(value).toAbsolutePath().normalize();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
