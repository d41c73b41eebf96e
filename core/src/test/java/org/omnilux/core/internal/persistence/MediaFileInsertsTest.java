package org.omnilux.core.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omnilux.core.internal.testing.TestDatabases;

class MediaFileInsertsTest {
    private Database db;
    private long rootId;

    @BeforeEach
    void setUp() {
        db = TestDatabases.open();
        rootId = db.tx(em -> {
            RootEntity r = new RootEntity();
            r.path = "/music";
            r.name = "Music";
            r.mediaType = "music";
            r.createdAt = Instant.now();
            em.persist(r);
            em.flush();
            return r.id;
        });
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void rowsReadBackThroughJpaEqualTheRowsInserted() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        MediaFileEntity full = new MediaFileEntity();
        full.rootId = rootId;
        full.path = "/music/Daft Punk/Discovery/01 - One More Time.flac";
        full.mediaType = "music";
        full.title = "One More Time";
        full.titleSort = "one more time";
        full.year = 2001;
        full.sizeBytes = 31_337;
        full.mtime = 1_700_000_000_123L;
        full.durationSeconds = 320L;
        full.codec = "flac";
        full.resolution = "1080p";
        full.hdr = Boolean.FALSE;
        full.container = "flac";
        full.addedAt = now;
        full.updatedAt = now.plusSeconds(1);
        full.metadata = "{\"artist\":\"Daft Punk\",\"note\":\"" + "é".repeat(20_000) + "\"}"; // past a VARCHAR
        full.tracks = "{\"video\":[],\"audio\":[],\"subtitle\":[]}";
        full.externalSubtitles = "[]";
        full.lockedFields = "[\"title\"]";
        full.searchText = "one more time daft punk";
        MediaFileEntity sparse = new MediaFileEntity();
        sparse.rootId = rootId;
        sparse.path = "/music/untagged.mp3";
        sparse.mediaType = "music";
        sparse.title = "untagged";
        sparse.titleSort = "untagged";
        sparse.addedAt = now;
        sparse.updatedAt = now;

        // full and sparse rows by turns, through both statements: the multi-row one and the one for the rest
        List<MediaFileEntity> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 2 * MediaFileInserts.ROWS_PER_STATEMENT + 3; i++) {
            MediaFileEntity row = copy(i % 2 == 0 ? full : sparse);
            row.path = String.format("/music/%03d %s", i, row.path.substring(row.path.lastIndexOf('/') + 1));
            row.sizeBytes += i; // a row bound in the wrong place of a statement shows
            rows.add(row);
        }
        db.txRun(em -> MediaFileInserts.insert(em, rows));

        List<MediaFileEntity> stored = db.read(em -> em.createQuery(
                "SELECT f FROM MediaFileEntity f ORDER BY f.path", MediaFileEntity.class).getResultList());
        assertEquals(rows.size(), stored.size());
        for (int i = 0; i < rows.size(); i++) {
            assertSameColumns(rows.get(i), stored.get(i));
            assertNotNull(stored.get(i).id);
        }
    }

    private static MediaFileEntity copy(MediaFileEntity from) throws Exception {
        MediaFileEntity to = new MediaFileEntity();
        for (Field f : MediaFileEntity.class.getFields()) {
            f.set(to, f.get(from));
        }
        return to;
    }

    @Test
    void aFailedBatchNamesTheCauseAndRollsBackTheTransaction() {
        MediaFileEntity row = new MediaFileEntity();
        row.rootId = rootId;
        row.path = "/music/a.mp3";
        row.mediaType = "music";
        row.title = "a";
        row.titleSort = "a";
        row.addedAt = Instant.now();
        row.updatedAt = row.addedAt;
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> db.txRun(em -> MediaFileInserts.insert(em, List.of(row, row)))); // the same path twice
        assertEquals(true, e.getMessage().startsWith("cannot insert 2 files: "), e.getMessage());
        long rows = db.read(em -> em.createQuery("SELECT COUNT(f) FROM MediaFileEntity f", Long.class)
                .getSingleResult());
        assertEquals(0, rows);
    }

    @Test
    void aDuplicateInsideAMultiRowStatementRollsBackEveryRowOfTheTransaction() throws Exception {
        List<MediaFileEntity> rows = new java.util.ArrayList<>();
        for (int i = 0; i < MediaFileInserts.ROWS_PER_STATEMENT + 5; i++) {
            MediaFileEntity row = new MediaFileEntity();
            row.rootId = rootId;
            // the last row of the first, multi-row statement repeats the path of its fourth
            row.path = "/music/" + (i == MediaFileInserts.ROWS_PER_STATEMENT - 1 ? 3 : i) + ".mp3";
            row.mediaType = "music";
            row.title = "t" + i;
            row.titleSort = row.title;
            row.addedAt = Instant.now();
            row.updatedAt = row.addedAt;
            rows.add(row);
        }
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> db.txRun(em -> MediaFileInserts.insert(em, rows)));
        assertEquals(true, e.getMessage().startsWith("cannot insert " + rows.size() + " files: "), e.getMessage());
        long stored = db.read(em -> em.createQuery("SELECT COUNT(f) FROM MediaFileEntity f", Long.class)
                .getSingleResult());
        assertEquals(0, stored);
    }

    /** Every mapped column but the id: a column the insert forgets or swaps shows here. */
    private static void assertSameColumns(MediaFileEntity expected, MediaFileEntity actual) throws Exception {
        int columns = 0;
        for (Field f : MediaFileEntity.class.getFields()) {
            if (f.getAnnotation(Column.class) == null || f.getName().equals("id")) {
                continue;
            }
            columns++;
            assertEquals(f.get(expected), f.get(actual), f.getName());
        }
        // the INSERT names every column but the id
        assertEquals(columns, (int) MediaFileInserts.INSERT.chars().filter(ch -> ch == '?').count());
    }
}
