package org.omnilux.core.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.omnilux.api.service.UnavailableException;
import org.omnilux.core.internal.testing.TestDatabases;

class MigrationsTest {

    @Test
    void createsSchemaOnEmptyDatabaseAndIsIdempotentOnRestart() throws Exception {
        Path dir = TestDatabases.newDataDir();
        Database db = Database.open(dir);
        assertTrue(db.isReady());
        db.txRun(em -> {
            RootEntity r = new RootEntity();
            r.path = "/x";
            r.name = "x";
            r.mediaType = "movie";
            r.createdAt = java.time.Instant.now();
            em.persist(r);
        });
        db.close();
        assertTrue(Files.isDirectory(dir.resolve("db")));

        // second start: no migration re-runs (it would fail on CREATE TABLE), data is kept
        Database again = Database.open(dir);
        long roots = again.read(em -> em.createQuery("SELECT COUNT(r) FROM RootEntity r", Long.class).getSingleResult());
        assertEquals(1, roots);
        again.close();

        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*), MAX(version) FROM schema_version")) {
            rs.next();
            assertEquals(Migrations.SCRIPTS.size(), rs.getInt(1));
            assertEquals(Migrations.versionOf(Migrations.SCRIPTS.get(Migrations.SCRIPTS.size() - 1)), rs.getInt(2));
        } finally {
            shutdown(dir);
        }
    }

    @Test
    void aVersion1LibraryKeepsItsFilesThroughTheLaterMigrations() throws Exception {
        Path dir = TestDatabases.newDataDir();
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        assertEquals(1, Migrations.migrate(ds, List.of("V1__initial.sql")));
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO library_roots (path, name, media_type, created_at) "
                    + "VALUES ('/m', 'm', 'music', CURRENT_TIMESTAMP)");
            st.execute("INSERT INTO media_files (root_id, path, media_type, title, title_sort, size_bytes, mtime, "
                    + "added_at, updated_at) SELECT id, '/m/a.mp3', 'music', 'A', 'a', 1, 2, CURRENT_TIMESTAMP, "
                    + "CURRENT_TIMESTAMP FROM library_roots");
            assertEquals(List.of("IX_MEDIA_FILES_ROOT_PATH"), indexes(c, "IX_MEDIA_FILES_ROOT%"));
        }

        Database db = Database.open(dir); // migrates to the latest version
        assertEquals(List.of("/m/a.mp3"), db.read(em -> em.createQuery("SELECT f.path FROM MediaFileEntity f",
                String.class).getResultList()));
        db.close();
        try (Connection c = ds.getConnection()) {
            assertEquals(List.of(), indexes(c, "IX_MEDIA_FILES_ROOT_PATH"));
            // the files of a root are still found through an index led by root_id (V4's, since the foreign key
            // and the index Derby kept for it are gone)
            boolean rootIdIndex = false;
            try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, "MEDIA_FILES", false, false)) {
                while (rs.next()) {
                    rootIdIndex |= rs.getShort("ORDINAL_POSITION") == 1 && "ROOT_ID".equals(rs.getString("COLUMN_NAME"));
                }
            }
            assertTrue(rootIdIndex);
            // V3: of the sort and filter indexes only the title's is left
            assertEquals(List.of("IX_MEDIA_FILES_ROOT_ID", "IX_MEDIA_FILES_TITLE_SORT"), indexes(c, "IX_MEDIA_FILES%"));
            // V4: no foreign key checked on every insert of a scan
            try (ResultSet rs = c.getMetaData().getImportedKeys(null, null, "MEDIA_FILES")) {
                assertFalse(rs.next());
            }
        } finally {
            shutdown(dir);
        }
    }

    /** Stops the database that a test opened over plain JDBC (Derby answers a clean stop with 08006). */
    private static void shutdown(Path dir) {
        EmbeddedDataSource down = new EmbeddedDataSource();
        down.setDatabaseName(dir.resolve("db").toString());
        down.setShutdownDatabase("shutdown");
        try (Connection ignored = down.getConnection()) {
            // not reached
        } catch (java.sql.SQLException expected) {
            // 08006
        }
    }

    private static List<String> indexes(Connection c, String pattern) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT c.CONGLOMERATENAME FROM SYS.SYSCONGLOMERATES c "
                + "WHERE c.ISINDEX AND c.CONGLOMERATENAME LIKE ? ORDER BY 1")) {
            ps.setString(1, pattern);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    @Test
    void marksJobsLeftRunningAsFailed() {
        Path dir = TestDatabases.newDataDir();
        Database db = Database.open(dir);
        long id = db.tx(em -> {
            ScanJobEntity j = new ScanJobEntity();
            j.status = "running";
            j.rootIds = "";
            j.startedAt = java.time.Instant.now();
            em.persist(j);
            em.flush();
            return j.id;
        });
        db.close();
        Database again = Database.open(dir);
        ScanJobEntity j = again.read(em -> em.find(ScanJobEntity.class, id));
        assertEquals("failed", j.status);
        assertTrue(j.finishedAt != null);
        List<String> messages = again.read(em -> em.createQuery(
                "SELECT e.message FROM ScanErrorEntity e WHERE e.jobId = :j", String.class).setParameter("j", id)
                .getResultList());
        assertEquals(List.of("server stopped during the scan"), messages);
        again.close();
    }

    @Test
    void aClosedDatabaseAnswersUnavailable() {
        Database db = TestDatabases.open();
        assertTrue(db.isReady());
        db.close();
        assertFalse(db.isReady());
        assertThrows(UnavailableException.class, () -> db.read(em -> em.find(RootEntity.class, 1L)));
    }

    @Test
    void reopensAfterTheWholeEngineWasShutDown() {
        // what a bundle restart does: close() stops the Derby engine, the next activation boots it again
        Path dir = TestDatabases.newDataDir();
        Database.open(dir, true).close();
        Database again = Database.open(dir, true);
        long users = again.read(em -> em.createQuery("SELECT COUNT(u) FROM UserEntity u", Long.class)
                .getSingleResult());
        assertEquals(0, users);
        assertTrue(again.isReady());
        again.close();
    }

    @Test
    void splitsStatementsAndDropsComments() {
        List<String> s = Migrations.statements("-- c\nCREATE TABLE a (x INT); -- tail\n\nCREATE INDEX i ON a (x);\n");
        assertEquals(List.of("CREATE TABLE a (x INT)", "CREATE INDEX i ON a (x)"), s);
    }

    @Test
    void searchTextStripsAccentsAndCase() {
        assertEquals("amelie poulain", SearchText.normalise("  Amélie   POULAIN "));
        assertEquals(List.of("amelie", "l'ete"), SearchText.words("AMÉLIE l'Été amelie"));
        assertTrue(SearchText.of("Le Fabuleux Destin d'Amélie", java.util.Map.of("genres", List.of("Comédie")))
                .contains("comedie"));
        assertEquals("%50\\%\\_x%", SearchText.likeContains("50%_x"));
    }
}
