package org.omnilux.core.internal.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

/**
 * Inserts the new files of a scan batch as multi-row INSERTs, on the connection of the caller's JPA transaction.
 *
 * <p>Why not {@code em.persist}: a scan adds thousands of rows a second, and EclipseLink's unit of work (change
 * sets, identity ids read back one row at a time, reflection per field) cost more per row than Derby's insert
 * itself. The rows are plain {@link MediaFileEntity} values; the column list below is the entity's mapping, and
 * {@code MediaFileInsertsTest} reads inserted rows back through JPA to keep the two in step. Everything else —
 * updates, edits, deletes — stays with JPA.
 */
public final class MediaFileInserts {
    static final String INSERT = "INSERT INTO media_files (root_id, path, media_type, title, title_sort, release_year,"
            + " size_bytes, mtime, duration_seconds, codec, resolution, hdr, container, added_at, updated_at, metadata,"
            + " tracks, external_subtitles, locked_fields, search_text)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Rows per INSERT of the batch: Derby opens the table and each of its indexes for every statement it runs, and a
     * scan's writer spent a third of its CPU doing so when a statement carried one row (16 to 64 measure alike).
     */
    static final int ROWS_PER_STATEMENT = 32;
    static final String MULTI_ROW_INSERT = INSERT + (", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .repeat(ROWS_PER_STATEMENT - 1);

    private MediaFileInserts() {
    }

    /**
     * Inserts {@code rows} (their {@code id} is ignored: the database assigns it) in the transaction of {@code em},
     * which must be active.
     */
    public static void insert(EntityManager em, List<MediaFileEntity> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Connection c = em.unwrap(Connection.class);
        int whole = rows.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
        try {
            // executed one by one, not as a JDBC batch: an embedded database has no round trips to save, and
            // Derby binds every parameter of a batch again when it runs it (the timestamps through a Calendar each)
            if (whole > 0) {
                try (PreparedStatement ps = c.prepareStatement(MULTI_ROW_INSERT)) {
                    for (int from = 0; from < whole; from += ROWS_PER_STATEMENT) {
                        int i = 0;
                        for (MediaFileEntity e : rows.subList(from, from + ROWS_PER_STATEMENT)) {
                            i = bind(ps, i, e);
                        }
                        ps.executeUpdate();
                    }
                }
            }
            if (whole < rows.size()) {
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    for (MediaFileEntity e : rows.subList(whole, rows.size())) {
                        bind(ps, 0, e);
                        ps.executeUpdate();
                    }
                }
            }
        } catch (SQLException e) {
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            throw new PersistenceException("cannot insert " + rows.size() + " files: " + cause.getMessage(), e);
        }
    }

    /** Sets the 20 parameters of one row after parameter {@code i}; returns the last one set. */
    private static int bind(PreparedStatement ps, int i, MediaFileEntity e) throws SQLException {
        ps.setLong(++i, e.rootId);
        ps.setString(++i, e.path);
        ps.setString(++i, e.mediaType);
        ps.setString(++i, e.title);
        ps.setString(++i, e.titleSort);
        setInteger(ps, ++i, e.year);
        ps.setLong(++i, e.sizeBytes);
        ps.setLong(++i, e.mtime);
        setLong(ps, ++i, e.durationSeconds);
        ps.setString(++i, e.codec);
        ps.setString(++i, e.resolution);
        if (e.hdr == null) {
            ps.setNull(++i, Types.BOOLEAN);
        } else {
            ps.setBoolean(++i, e.hdr);
        }
        ps.setString(++i, e.container);
        ps.setTimestamp(++i, Timestamp.from(e.addedAt));
        ps.setTimestamp(++i, Timestamp.from(e.updatedAt));
        setClob(ps, ++i, e.metadata);
        setClob(ps, ++i, e.tracks);
        setClob(ps, ++i, e.externalSubtitles);
        ps.setString(++i, e.lockedFields);
        setClob(ps, ++i, e.searchText);
        return i;
    }

    private static void setInteger(PreparedStatement ps, int i, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, value);
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, value);
        }
    }

    private static void setClob(PreparedStatement ps, int i, String value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.CLOB);
        } else {
            ps.setString(i, value);
        }
    }
}
