package org.omnilux.core.internal.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forward-only schema migrations over plain JDBC, recorded in {@code schema_version}. Each migration runs in
 * one transaction together with its version row, so a failed migration leaves nothing half-applied.
 */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** In order; a bundle cannot list its own resources portably, so they are named here. */
    static final List<String> SCRIPTS = List.of("V1__initial.sql", "V2__leaner_file_indexes.sql",
            "V3__scan_cheap_sort_indexes.sql", "V4__media_files_root_locked_not_checked.sql");

    private Migrations() {
    }

    /** @return the schema version after migrating */
    public static int migrate(DataSource dataSource) throws SQLException {
        return migrate(dataSource, SCRIPTS);
    }

    /** Applies those of {@code scripts} (in order) that are newer than the schema; tests stop at older versions. */
    static int migrate(DataSource dataSource, List<String> scripts) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            ensureVersionTable(c);
            int current = currentVersion(c);
            for (String script : scripts) {
                int version = versionOf(script);
                if (version <= current) {
                    continue;
                }
                LOG.info("Migrating database schema to version {} ({})", version, script);
                try (Statement st = c.createStatement()) {
                    for (String sql : statements(read(script))) {
                        st.execute(sql);
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO schema_version (version, script, installed_at) VALUES (?, ?, ?)")) {
                        ps.setInt(1, version);
                        ps.setString(2, script);
                        ps.setTimestamp(3, Timestamp.from(Instant.now()));
                        ps.executeUpdate();
                    }
                    c.commit();
                    current = version;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            }
            c.commit();
            return current;
        }
    }

    private static void ensureVersionTable(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        boolean exists = false;
        for (String name : new String[] {"SCHEMA_VERSION", "schema_version"}) {
            try (ResultSet rs = md.getTables(null, null, name, new String[] {"TABLE"})) {
                exists |= rs.next();
            }
        }
        if (!exists) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, "
                        + "script VARCHAR(255) NOT NULL, installed_at TIMESTAMP NOT NULL)");
            }
            c.commit();
        }
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    static int versionOf(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    private static String read(String script) {
        String resource = "/db/migration/" + script;
        try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the bundle: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** Splits a script on {@code ;} at line ends, dropping {@code --} comment lines. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            int comment = trimmed.indexOf("--");
            if (comment > 0) {
                trimmed = trimmed.substring(0, comment).strip();
            }
            current.append(trimmed).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

}
