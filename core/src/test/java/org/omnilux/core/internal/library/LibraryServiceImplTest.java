package org.omnilux.core.internal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnilux.api.library.FilePage;
import org.omnilux.api.library.FileQuery;
import org.omnilux.api.library.FileSort;
import org.omnilux.api.library.LibraryFile;
import org.omnilux.api.library.LibraryFileDetail;
import org.omnilux.api.library.LibraryRoot;
import org.omnilux.api.library.LibraryStats;
import org.omnilux.api.service.ConflictException;
import org.omnilux.api.service.InvalidInputException;
import org.omnilux.api.service.NotFoundException;
import org.omnilux.core.internal.persistence.Database;
import org.omnilux.core.internal.persistence.Json;
import org.omnilux.core.internal.persistence.MediaFileEntity;
import org.omnilux.core.internal.scanner.ScannerRegistry;
import org.omnilux.core.internal.testing.TestDatabases;
import org.omnilux.core.internal.testing.TestScanner;

class LibraryServiceImplTest {
    @TempDir
    Path tmp;
    private Database db;
    private ScannerRegistry registry;
    private LibraryServiceImpl library;
    private TestScanner movies;

    @BeforeEach
    void setUp() {
        db = TestDatabases.open();
        registry = new ScannerRegistry();
        movies = new TestScanner("movie");
        registry.add(movies, "org.omnilux.scanner.movie", "Movies", "1.0.0", 1, 0);
        registry.add(new TestScanner("tv"), "org.omnilux.scanner.tv", "TV", "1.0.0", 2, 0);
        library = new LibraryServiceImpl(db, registry, java.time.Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Path dir(String name) throws Exception {
        return Files.createDirectories(tmp.resolve(name));
    }

    private long insert(long rootId, String path, String title, Integer year, long size, Instant added,
            Map<String, Object> metadata, String codec, String resolution) {
        return db.tx(em -> {
            MediaFileEntity f = new MediaFileEntity();
            f.rootId = rootId;
            f.path = path;
            f.mediaType = em.find(org.omnilux.core.internal.persistence.RootEntity.class, rootId).mediaType;
            f.title = title;
            f.year = year;
            f.sizeBytes = size;
            f.mtime = 1;
            f.addedAt = added;
            f.updatedAt = added;
            f.codec = codec;
            f.resolution = resolution;
            f.metadata = Json.write(metadata);
            FileViews.refreshDerived(f, metadata);
            em.persist(f);
            em.flush();
            return f.id;
        });
    }

    @Test
    void addRootValidatesPathNameAndMediaType() throws Exception {
        Path movieDir = dir("movies");
        LibraryRoot r = library.addRoot(movieDir.toString(), "Movies", "movie");
        assertTrue(r.id() > 0);
        assertEquals(movieDir.toString(), r.path());
        assertEquals(0, r.fileCount());
        assertNull(r.lastScanAt());
        assertEquals(List.of(r), library.roots());

        assertEquals("path", assertThrows(InvalidInputException.class,
                () -> library.addRoot("relative/dir", "x", "movie")).parameter());
        assertEquals("path", assertThrows(InvalidInputException.class,
                () -> library.addRoot(tmp.resolve("missing").toString(), "x", "movie")).parameter());
        Path file = Files.writeString(tmp.resolve("file.txt"), "x");
        assertEquals("path", assertThrows(InvalidInputException.class,
                () -> library.addRoot(file.toString(), "x", "movie")).parameter());
        assertEquals("path", assertThrows(InvalidInputException.class,
                () -> library.addRoot(null, "x", "movie")).parameter());
        assertEquals("name", assertThrows(InvalidInputException.class,
                () -> library.addRoot(dir("other").toString(), " ", "movie")).parameter());
        InvalidInputException type = assertThrows(InvalidInputException.class,
                () -> library.addRoot(dir("music").toString(), "Music", "music"));
        assertEquals("mediaType", type.parameter());
        assertTrue(type.getMessage().contains("movie, tv"), type.getMessage());
    }

    @Test
    void overlappingRootsConflict() throws Exception {
        Path media = dir("media");
        Path movies = dir("media/movies");
        library.addRoot(movies.toString(), "Movies", "movie");
        assertThrows(ConflictException.class, () -> library.addRoot(movies.toString(), "Again", "movie"));
        assertThrows(ConflictException.class, () -> library.addRoot(movies + "/", "Trailing slash", "movie"));
        assertThrows(ConflictException.class, () -> library.addRoot(dir("media/movies/sub").toString(), "Inside", "tv"));
        assertThrows(ConflictException.class, () -> library.addRoot(media.toString(), "Containing", "tv"));
        Path link = tmp.resolve("link");
        Files.createSymbolicLink(link, movies);
        assertThrows(ConflictException.class, () -> library.addRoot(link.toString(), "Via symlink", "movie"));
        // a sibling whose name merely starts with the same characters is not inside
        assertEquals("Movies 2", library.addRoot(dir("media/movies2").toString(), "Movies 2", "movie").name());
    }

    @Test
    void removeRootDeletesRecordsButNotFiles() throws Exception {
        Path d = dir("movies");
        Path onDisk = Files.writeString(d.resolve("a.mkv"), "x");
        long root = library.addRoot(d.toString(), "Movies", "movie").id();
        long other = library.addRoot(dir("tv").toString(), "TV", "tv").id();
        insert(root, onDisk.toString(), "A", 2000, 10, Instant.now(), Map.of(), null, null);
        long kept = insert(other, "/tv/b.mkv", "B", 2000, 20, Instant.now(), Map.of(), null, null);
        assertEquals(1, library.roots().get(0).fileCount());
        assertEquals(10, library.roots().get(0).totalSizeBytes());
        library.removeRoot(root);
        assertTrue(Files.exists(onDisk));
        assertEquals(1, library.roots().size());
        assertEquals(1, library.files(query(null, null, null, FileSort.TITLE, false, 50, 0)).total());
        assertEquals(kept, library.file(kept).file().id());
        assertThrows(NotFoundException.class, () -> library.removeRoot(root));
    }

    private static FileQuery query(String type, Long root, String search, FileSort sort, boolean desc, int limit,
            long offset) {
        return new FileQuery(type, root, search, sort, desc, limit, offset);
    }

    private static List<String> titles(FilePage p) {
        return p.items().stream().map(LibraryFile::title).toList();
    }

    @Test
    void filesFilterSortPaginateAndSearch() throws Exception {
        long m = library.addRoot(dir("movies").toString(), "Movies", "movie").id();
        long t = library.addRoot(dir("tv").toString(), "TV", "tv").id();
        Instant base = Instant.parse("2025-01-01T00:00:00Z");
        insert(m, "/m/1", "Le Fabuleux Destin d'Amélie Poulain", 2001, 300, base.plusSeconds(3),
                Map.of("genres", List.of("Comédie", "Romance")), "h264", "1080p");
        insert(m, "/m/2", "alien", 1979, 100, base.plusSeconds(1), Map.of("overview", "In space no one hears"),
                "h265", "2160p");
        insert(m, "/m/3", "Zodiac", null, 200, base.plusSeconds(2), Map.of(), "h264", "1080p");
        insert(m, "/m/4", "Alien", 1979, 100, base.plusSeconds(4), Map.of(), null, null);
        insert(t, "/t/1", "Breaking Bad S01E01", 2008, 50, base, Map.of("showTitle", "Breaking Bad"), "h264", "720p");

        // titles sort case-insensitively, ties by id
        assertEquals(List.of("alien", "Alien", "Breaking Bad S01E01", "Le Fabuleux Destin d'Amélie Poulain", "Zodiac"),
                titles(library.files(query(null, null, null, FileSort.TITLE, false, 50, 0))));
        assertEquals(List.of("Zodiac", "Le Fabuleux Destin d'Amélie Poulain", "Breaking Bad S01E01", "Alien", "alien"),
                titles(library.files(query(null, null, null, FileSort.TITLE, true, 50, 0))));
        // year: files without one sort last in both directions
        assertEquals(List.of("alien", "Alien", "Le Fabuleux Destin d'Amélie Poulain", "Breaking Bad S01E01", "Zodiac"),
                titles(library.files(query(null, null, null, FileSort.YEAR, false, 50, 0))));
        assertEquals(List.of("Breaking Bad S01E01", "Le Fabuleux Destin d'Amélie Poulain", "Alien", "alien", "Zodiac"),
                titles(library.files(query(null, null, null, FileSort.YEAR, true, 50, 0))));
        assertEquals(List.of("Alien", "Le Fabuleux Destin d'Amélie Poulain", "Zodiac", "alien", "Breaking Bad S01E01"),
                titles(library.files(query(null, null, null, FileSort.ADDED_AT, true, 50, 0))));
        assertEquals(List.of("Breaking Bad S01E01", "alien", "Alien", "Zodiac", "Le Fabuleux Destin d'Amélie Poulain"),
                titles(library.files(query(null, null, null, FileSort.SIZE, false, 50, 0))));

        // filters
        assertEquals(4, library.files(query("movie", null, null, FileSort.TITLE, false, 50, 0)).total());
        assertEquals(List.of("Breaking Bad S01E01"), titles(library.files(query(null, t, null, FileSort.TITLE, false, 50, 0))));
        assertEquals(0, library.files(query("tv", m, null, FileSort.TITLE, false, 50, 0)).total());

        // pagination: total counts everything, items only the page
        FilePage p = library.files(query(null, null, null, FileSort.TITLE, false, 2, 2));
        assertEquals(5, p.total());
        assertEquals(2, p.limit());
        assertEquals(2, p.offset());
        assertEquals(List.of("Breaking Bad S01E01", "Le Fabuleux Destin d'Amélie Poulain"), titles(p));
        assertEquals(List.of(), library.files(query(null, null, null, FileSort.TITLE, false, 2, 10)).items());

        // search: accent- and case-insensitive, every word must match, metadata included
        assertEquals(List.of("Le Fabuleux Destin d'Amélie Poulain"),
                titles(library.files(query(null, null, "amelie", FileSort.TITLE, false, 50, 0))));
        assertEquals(List.of("Le Fabuleux Destin d'Amélie Poulain"),
                titles(library.files(query(null, null, "AMÉLIE comedie", FileSort.TITLE, false, 50, 0))));
        assertEquals(0, library.files(query(null, null, "amelie zodiac", FileSort.TITLE, false, 50, 0)).total());
        assertEquals(List.of("alien"), titles(library.files(query(null, null, "space", FileSort.TITLE, false, 50, 0))));
        assertEquals(0, library.files(query(null, null, "%", FileSort.TITLE, false, 50, 0)).total());
        assertEquals(5, library.files(query(null, null, "   ", FileSort.TITLE, false, 50, 0)).total());
    }

    @Test
    void pagesOfEveryOrderTileTheWholeOrderWithTiesById() throws Exception {
        long m = library.addRoot(dir("movies").toString(), "Movies", "movie").id();
        Instant base = Instant.parse("2025-01-01T00:00:00Z");
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // three titles, two sizes, one file without a year: every order has ties that only the id breaks
            ids.add(insert(m, "/m/" + i, "Title " + (i % 3), i == 4 ? null : 2000 + i % 2, 100 + i % 2, base, Map.of(),
                    null, null));
        }
        for (FileSort sort : FileSort.values()) {
            for (boolean desc : new boolean[] {false, true}) {
                List<Long> whole = library.files(query(null, null, null, sort, desc, 50, 0)).items().stream()
                        .map(LibraryFile::id).toList();
                assertEquals(7, whole.size(), sort + (desc ? " desc" : " asc"));
                List<Long> paged = new java.util.ArrayList<>();
                for (int offset = 0; offset < 7; offset += 3) {
                    paged.addAll(library.files(query(null, null, null, sort, desc, 3, offset)).items().stream()
                            .map(LibraryFile::id).toList());
                }
                assertEquals(whole, paged, sort + (desc ? " desc" : " asc"));
                if (sort == FileSort.ADDED_AT) {
                    // every file was added at the same instant: the order is the ids'
                    List<Long> byId = new java.util.ArrayList<>(ids);
                    if (desc) {
                        java.util.Collections.reverse(byId);
                    }
                    assertEquals(byId, whole);
                }
            }
        }
    }

    @Test
    void unknownMediaTypeOrRootIsInvalid() throws Exception {
        assertEquals("mediaType", assertThrows(InvalidInputException.class,
                () -> library.files(query("xyz", null, null, FileSort.TITLE, false, 50, 0))).parameter());
        assertEquals("rootId", assertThrows(InvalidInputException.class,
                () -> library.files(query(null, 999L, null, FileSort.TITLE, false, 50, 0))).parameter());
        // an installed type with no files is fine; so is a type still used by a root after its scanner left
        assertEquals(0, library.files(query("tv", null, null, FileSort.TITLE, false, 50, 0)).total());
        library.addRoot(dir("m").toString(), "M", "movie");
        registry.remove(movies);
        assertEquals(0, library.files(query("movie", null, null, FileSort.TITLE, false, 50, 0)).total());
    }

    @Test
    void metadataEditLocksFieldsAndValidatesTypes() throws Exception {
        long m = library.addRoot(dir("movies").toString(), "Movies", "movie").id();
        long id = insert(m, "/m/1", "Alien", 1979, 100, Instant.now(), new HashMap<>(Map.of("overview", "old")),
                null, null);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("title", "Alien (Director's Cut)");
        changes.put("genres", List.of("Horror", "Science Fiction"));
        changes.put("tmdbId", 348);
        changes.put("rating", 8);
        changes.put("overview", null);
        LibraryFileDetail d = library.updateMetadata(id, changes);
        assertEquals("Alien (Director's Cut)", d.file().title());
        assertEquals(List.of("Horror", "Science Fiction"), d.file().metadata().get("genres"));
        assertEquals(348, ((Number) d.file().metadata().get("tmdbId")).intValue());
        assertEquals(8.0, ((Number) d.file().metadata().get("rating")).doubleValue());
        assertFalse(d.file().metadata().containsKey("overview"));
        assertEquals(List.of("title", "genres", "tmdbId", "rating", "overview"), d.lockedFields());
        // search text and sort key follow the edit
        assertEquals(1, library.files(query(null, null, "director science", FileSort.TITLE, false, 50, 0)).total());

        assertEquals("tmdbId", assertThrows(InvalidInputException.class,
                () -> library.updateMetadata(id, Map.of("tmdbId", "abc"))).parameter());
        assertEquals("tmdbId", assertThrows(InvalidInputException.class,
                () -> library.updateMetadata(id, Map.of("tmdbId", 1.5))).parameter());
        assertEquals("genres", assertThrows(InvalidInputException.class,
                () -> library.updateMetadata(id, Map.of("genres", List.of(1)))).parameter());
        assertEquals("airDate", assertThrows(InvalidInputException.class,
                () -> library.updateMetadata(id, Map.of("airDate", "2024-13-01"))).parameter());
        assertEquals("watched", assertThrows(InvalidInputException.class,
                () -> library.updateMetadata(id, Map.of("watched", "yes"))).parameter());
        assertEquals("nonsense", assertThrows(InvalidInputException.class,
                () -> library.updateMetadata(id, Map.of("nonsense", "x"))).parameter());
        assertEquals("year", assertThrows(InvalidInputException.class,
                () -> library.updateMetadata(id, Map.of("year", "1979"))).parameter());
        assertEquals("title", assertThrows(InvalidInputException.class,
                () -> library.updateMetadata(id, Map.of("title", ""))).parameter());
        // a rejected edit changes nothing
        assertEquals(348, ((Number) library.file(id).file().metadata().get("tmdbId")).intValue());
        assertThrows(NotFoundException.class, () -> library.updateMetadata(12345, Map.of("title", "x")));

        Map<String, Object> clearYear = new HashMap<>();
        clearYear.put("year", null);
        d = library.updateMetadata(id, clearYear);
        assertNull(d.file().year());
        assertTrue(d.lockedFields().contains("year"));

        library.unlockField(id, "genres");
        assertFalse(library.file(id).lockedFields().contains("genres"));
        assertThrows(NotFoundException.class, () -> library.unlockField(id, "genres"));
        assertThrows(NotFoundException.class, () -> library.unlockField(id, "edition"));
        assertThrows(NotFoundException.class, () -> library.unlockField(999, "title"));

        // without an installed scanner only the type-specific fields are unknown
        registry.remove(movies);
        assertThrows(ConflictException.class, () -> library.updateMetadata(id, Map.of("overview", "x")));
        assertEquals("Alien", library.updateMetadata(id, Map.of("title", "Alien")).file().title());
    }

    @Test
    void detailHasTracksSubtitlesAndLocks() throws Exception {
        long m = library.addRoot(dir("movies").toString(), "Movies", "movie").id();
        long id = insert(m, "/m/1", "Alien", 1979, 100, Instant.now(), Map.of(), "h264", "1080p");
        LibraryFileDetail d = library.file(id);
        assertEquals(List.of("video", "audio", "subtitle"), List.copyOf(d.tracks().keySet()));
        assertTrue(d.tracks().get("video").isEmpty());
        assertEquals(List.of(), d.externalSubtitles());
        assertEquals(List.of(), d.lockedFields());
        assertThrows(NotFoundException.class, () -> library.file(id + 100));
    }

    @Test
    void statsGroupByTypeCodecAndResolution() throws Exception {
        long m = library.addRoot(dir("movies").toString(), "Movies", "movie").id();
        long t = library.addRoot(dir("tv").toString(), "TV", "tv").id();
        insert(m, "/m/1", "A", null, 100, Instant.now(), Map.of(), "h264", "1080p");
        insert(m, "/m/2", "B", null, 200, Instant.now(), Map.of(), "h265", "2160p");
        insert(m, "/m/3", "C", null, 300, Instant.now(), Map.of(), null, null);
        insert(t, "/t/1", "D", null, 50, Instant.now(), Map.of(), "h264", "1080p");
        LibraryStats s = library.stats();
        assertEquals(4, s.totalFiles());
        assertEquals(650, s.totalSizeBytes());
        assertEquals(new LibraryStats.TypeStats(3, 600), s.byMediaType().get("movie"));
        assertEquals(new LibraryStats.TypeStats(1, 50), s.byMediaType().get("tv"));
        assertEquals(Map.of("h264", 2L, "h265", 1L), s.byCodec());
        assertEquals(Map.of("1080p", 2L, "2160p", 1L), s.byResolution());
    }

    @Test
    void aggregatesAreComputedOncePerCommittedWrite() throws Exception {
        db.close();
        Path data = TestDatabases.newDataDir();
        db = Database.open(data);
        library = new LibraryServiceImpl(db, registry, java.time.Clock.systemUTC());
        long m = library.addRoot(dir("movies").toString(), "Movies", "movie").id();
        insert(m, "/m/1", "A", null, 100, Instant.now(), Map.of(), "h264", "1080p");
        insert(m, "/m/2", "B", null, 200, Instant.now(), Map.of(), "h264", "1080p");
        assertAggregates(2, 300);

        // a row written behind the service's back, as no code of the server does: the aggregates do not see it
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:derby:" + data.resolve("db"));
                java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO media_files (root_id, path,"
                        + " media_type, title, title_sort, size_bytes, mtime, added_at, updated_at)"
                        + " VALUES (?, '/m/3', 'movie', 'C', 'c', 400, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
            ps.setLong(1, m);
            assertEquals(1, ps.executeUpdate());
        }
        assertAggregates(2, 300);
        assertEquals(3, library.files(query(null, null, null, FileSort.TITLE, false, 50, 0)).items().size(),
                "the page itself is read every time");

        // the next write of the server: all three are counted again
        insert(m, "/m/4", "D", null, 800, Instant.now(), Map.of(), "h265", "2160p");
        assertAggregates(4, 1500);
    }

    private void assertAggregates(long files, long bytes) {
        assertEquals(files, library.stats().totalFiles());
        assertEquals(bytes, library.stats().totalSizeBytes());
        assertEquals(files, library.roots().get(0).fileCount());
        assertEquals(bytes, library.roots().get(0).totalSizeBytes());
        assertEquals(files, library.files(query(null, null, null, FileSort.TITLE, false, 50, 0)).total());
        assertEquals(files, library.files(query("movie", null, null, FileSort.TITLE, false, 1, 1)).total());
    }
}
