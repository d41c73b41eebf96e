package org.omnilux.core.internal.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnilux.api.library.FileQuery;
import org.omnilux.api.library.FileSort;
import org.omnilux.api.library.LibraryFile;
import org.omnilux.api.library.LibraryFileDetail;
import org.omnilux.api.library.ScanJob;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.service.ConflictException;
import org.omnilux.api.service.NotFoundException;
import org.omnilux.core.internal.artwork.ArtworkServiceImpl;
import org.omnilux.core.internal.library.LibraryServiceImpl;
import org.omnilux.core.internal.persistence.Database;
import org.omnilux.core.internal.scanner.ScannerRegistry;
import org.omnilux.core.internal.testing.TestDatabases;
import org.omnilux.core.internal.testing.TestProber;
import org.omnilux.core.internal.testing.TestScanner;

class ScanServiceImplTest {
    @TempDir
    Path tmp;
    private Database db;
    private ScannerRegistry registry;
    private TestScanner scanner;
    private TestProber prober;
    private ArtworkServiceImpl artwork;
    private LibraryServiceImpl library;
    private ScanServiceImpl scans;
    private Path root;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabases.open();
        registry = new ScannerRegistry();
        scanner = new TestScanner("movie");
        registry.add(scanner, "org.omnilux.scanner.movie", "Movies", "1.0.0", 1, 0);
        prober = new TestProber();
        artwork = new ArtworkServiceImpl(db.dataDir().resolve("artwork"));
        library = new LibraryServiceImpl(db, registry, Clock.systemUTC());
        scans = new ScanServiceImpl(db, registry, artwork, prober, 2, Clock.systemUTC());
        root = Files.createDirectories(tmp.resolve("movies"));
        Files.createDirectories(root.resolve("Alien (1979)"));
        Files.writeString(root.resolve("Alien (1979)/Alien.mkv"), "alien-video");
        Files.writeString(root.resolve("Alien (1979)/Alien.eng.forced.srt"), "1");
        Files.createDirectories(root.resolve("Brazil"));
        Files.writeString(root.resolve("Brazil/Brazil.mp4"), "brazil-video");
        Files.writeString(root.resolve("notes.txt"), "not media");
        Files.writeString(root.resolve("broken.bad"), "???");
        Files.writeString(root.resolve("sample.skip"), "extra");
        Files.createDirectories(root.resolve(".hidden"));
        Files.writeString(root.resolve(".hidden/Secret.mkv"), "x");
        Files.writeString(root.resolve(".Hidden.mkv"), "x");
    }

    @AfterEach
    void tearDown() {
        scans.close();
        db.close();
    }

    private ScanJob await(ScanJob job) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        ScanJob j = scans.job(job.jobId());
        while (j.finishedAt() == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
            j = scans.job(job.jobId());
        }
        assertFalse(ScanJob.RUNNING.equals(j.status()), "job still running: " + j);
        assertNotNull(j.finishedAt());
        return j;
    }

    private List<LibraryFile> files() {
        return library.files(new FileQuery(null, null, null, FileSort.TITLE, false, 500, 0)).items();
    }

    private LibraryFile file(String title) {
        return files().stream().filter(f -> f.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void firstScanAddsRescanSkipsUnchangedUpdatesChangedRemovesVanished() throws Exception {
        long rootId = library.addRoot(root.toString(), "Movies", "movie").id();
        ScanJob job = await(scans.start(rootId));
        assertEquals(ScanJob.COMPLETED, job.status());
        assertEquals(List.of(rootId), job.rootIds());
        assertEquals(4, job.filesSeen()); // two videos, the broken file and the sample; hidden and .txt not
        assertEquals(2, job.filesAdded());
        assertEquals(1, job.filesFailed());
        assertEquals(0, job.filesRemoved());
        assertEquals(List.of(new ScanJob.ScanError(root.resolve("broken.bad").toString(), "cannot read broken.bad")),
                job.errors());
        assertNotNull(job.finishedAt());
        assertEquals(List.of("Alien", "Brazil"), files().stream().map(LibraryFile::title).toList());
        assertNotNull(library.roots().get(0).lastScanAt());
        assertEquals(2, library.roots().get(0).fileCount());

        LibraryFile alien = file("Alien");
        assertEquals("h265", alien.codec());
        assertEquals("2160p", alien.resolution());
        assertEquals(Boolean.TRUE, alien.hdr());
        assertEquals("mkv", alien.container());
        assertEquals(5401L, alien.duration());
        assertEquals(2001, alien.year());
        assertEquals("movie", alien.mediaType());
        assertEquals("Scanned overview of Alien", alien.metadata().get("overview"));
        LibraryFileDetail d = library.file(alien.id());
        assertEquals("HDR10", d.tracks().get("video").get(0).get("hdrFormat"));
        assertEquals(3840, ((Number) d.tracks().get("video").get(0).get("width")).intValue());
        assertEquals("eng", d.tracks().get("audio").get(0).get("language"));
        assertEquals(Boolean.TRUE, d.tracks().get("audio").get(0).get("default"));
        assertEquals(1, d.externalSubtitles().size());
        assertEquals("eng", d.externalSubtitles().get(0).get("language"));
        assertEquals(Boolean.TRUE, d.externalSubtitles().get(0).get("forced"));
        assertEquals("srt", d.externalSubtitles().get(0).get("format"));
        assertEquals("1080p", file("Brazil").resolution());

        // second scan: nothing changed, so nothing is recognised again (except the file that failed)
        Path alienPath = root.resolve("Alien (1979)/Alien.mkv");
        Path brazilPath = root.resolve("Brazil/Brazil.mp4");
        assertEquals(1, scanner.callsPerFile.get(alienPath));
        ScanJob second = await(scans.start(rootId));
        assertEquals(0, second.filesAdded());
        assertEquals(0, second.filesUpdated());
        assertEquals(0, second.filesRemoved());
        assertEquals(1, second.filesFailed());
        assertEquals(1, scanner.callsPerFile.get(alienPath));
        assertEquals(1, scanner.callsPerFile.get(brazilPath));

        // a changed file is recognised again; a deleted one leaves the library
        Files.writeString(brazilPath, "brazil-video-remastered");
        Files.setLastModifiedTime(brazilPath, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        Files.delete(alienPath);
        ScanJob third = await(scans.start(rootId));
        assertEquals(1, third.filesUpdated());
        assertEquals(1, third.filesRemoved());
        assertEquals(2, scanner.callsPerFile.get(brazilPath));
        assertEquals(List.of("Brazil"), files().stream().map(LibraryFile::title).toList());
        assertEquals("brazil-video-remastered".length(), file("Brazil").sizeBytes());

        // newest first
        List<ScanJob> recent = scans.recentJobs();
        assertEquals(List.of(third.jobId(), second.jobId(), job.jobId()), recent.stream().map(ScanJob::jobId).toList());
        assertEquals(1, recent.get(2).errors().size());
    }

    /** A file added to a folder (a book's next part, an album's cover) has its unchanged siblings read again. */
    @Test
    void aFolderWhoseEntriesChangedIsReadAgain() throws Exception {
        long rootId = library.addRoot(root.toString(), "Movies", "movie").id();
        await(scans.start(rootId));
        Path alienPath = root.resolve("Alien (1979)/Alien.mkv");
        Path brazilPath = root.resolve("Brazil/Brazil.mp4");
        assertEquals(1, scanner.callsPerFile.get(alienPath));

        Thread.sleep(20); // the folder's new mtime must be later than when the last scan began
        Files.writeString(root.resolve("Alien (1979)/poster.jpg"), "a poster");
        ScanJob second = await(scans.start(rootId));
        assertEquals(2, scanner.callsPerFile.get(alienPath), "its folder changed");
        assertEquals(1, scanner.callsPerFile.get(brazilPath), "its folder did not");
        assertEquals(1, second.filesUpdated());
        assertEquals(0, second.filesAdded());

        ScanJob third = await(scans.start(rootId));
        assertEquals(2, scanner.callsPerFile.get(alienPath), "no change since the last scan began");
        assertEquals(0, third.filesUpdated());
    }

    @Test
    void aRescanNeverOverwritesALockedField() throws Exception {
        long rootId = library.addRoot(root.toString(), "Movies", "movie").id();
        await(scans.start(rootId));
        long id = file("Brazil").id();
        Map<String, Object> edit = new java.util.LinkedHashMap<>();
        edit.put("title", "Brazil (Director's Cut)");
        edit.put("overview", "My own words");
        library.updateMetadata(id, edit);
        Path brazil = root.resolve("Brazil/Brazil.mp4");
        Files.writeString(brazil, "changed");
        Files.setLastModifiedTime(brazil, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        ScanJob j = await(scans.start(rootId));
        assertEquals(1, j.filesUpdated());
        LibraryFileDetail d = library.file(id);
        assertEquals("Brazil (Director's Cut)", d.file().title());
        assertEquals("My own words", d.file().metadata().get("overview"));
        assertEquals(2001, d.file().year()); // not locked: from the scan
        assertEquals(List.of("title", "overview"), d.lockedFields());
        assertEquals(1, library.files(new FileQuery(null, null, "director", FileSort.TITLE, false, 50, 0)).total());

        // unlocked, the next scan takes the scanner's value again
        library.unlockField(id, "title");
        Files.setLastModifiedTime(brazil, FileTime.fromMillis(System.currentTimeMillis() + 10000));
        await(scans.start(rootId));
        assertEquals("Brazil", library.file(id).file().title());
        assertEquals("My own words", library.file(id).file().metadata().get("overview"));
    }

    @Test
    void aMissingRootOrAMissingScannerKeepsTheFiles() throws Exception {
        long rootId = library.addRoot(root.toString(), "Movies", "movie").id();
        await(scans.start(rootId));
        assertEquals(2, files().size());

        Path away = Files.move(root, tmp.resolve("unmounted"));
        ScanJob j = await(scans.start(rootId));
        assertEquals(ScanJob.COMPLETED, j.status());
        assertEquals(0, j.filesRemoved());
        assertEquals(1, j.errors().size());
        assertEquals(root.toString(), j.errors().get(0).path());
        assertEquals(2, files().size());

        // an empty mount point: the folder is there but holds nothing
        Files.createDirectories(root);
        j = await(scans.start(rootId));
        assertEquals(0, j.filesRemoved());
        assertTrue(j.errors().get(0).message().startsWith("library root is empty"), j.errors().toString());
        assertEquals(2, files().size());
        Files.delete(root);

        Files.move(away, root);
        registry.remove(scanner);
        j = await(scans.start(rootId));
        assertEquals(0, j.filesRemoved());
        assertEquals(List.of(new ScanJob.ScanError(root.toString(), "no scanner installed for media type movie (its "
                + "plugin org.omnilux.scanner.movie 1.0.0 was removed); the root is skipped and its files are kept")),
                j.errors());
        assertEquals(2, files().size());
    }

    @Test
    void cancelStopsTheJobAndKeepsTheFiles() throws Exception {
        long rootId = library.addRoot(root.toString(), "Movies", "movie").id();
        await(scans.start(rootId));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        scanner.hook = ctx -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        };
        Files.delete(root.resolve("Alien (1979)/Alien.mkv"));
        Files.setLastModifiedTime(root.resolve("Brazil/Brazil.mp4"), FileTime.fromMillis(12345000));
        ScanJob running = scans.start(rootId);
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        // the same root again: the running job answers
        assertEquals(running.jobId(), scans.start(rootId).jobId());
        assertEquals(running.jobId(), scans.start(null).jobId());
        assertEquals(ScanJob.RUNNING, scans.job(running.jobId()).status());

        assertEquals(ScanJob.CANCELLED, scans.cancel(running.jobId()).status());
        release.countDown();
        ScanJob done = await(running);
        assertEquals(ScanJob.CANCELLED, done.status());
        assertEquals(0, done.filesRemoved());
        assertEquals(2, files().size()); // the deleted file stays until a completed walk
        assertThrows(ConflictException.class, () -> scans.cancel(running.jobId()));
        assertThrows(NotFoundException.class, () -> scans.cancel(9999));
        assertThrows(NotFoundException.class, () -> scans.job(9999));
        assertThrows(NotFoundException.class, () -> scans.start(9999L));
    }

    @Test
    void aScannerRemovedDuringTheScanStopsItsWork() throws Exception {
        long rootId = library.addRoot(root.toString(), "Movies", "movie").id();
        CountDownLatch entered = new CountDownLatch(1);
        scanner.hook = ctx -> {
            entered.countDown();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!ctx.isCancelled() && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return null;
        };
        ScanJob running = scans.start(rootId);
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        registry.remove(scanner);
        ScanJob done = await(running);
        assertEquals(ScanJob.COMPLETED, done.status());
        assertTrue(done.errors().stream().anyMatch(e -> e.message().contains("was removed during the scan")),
                done.errors().toString());
        assertEquals(0, done.filesRemoved());
    }

    @Test
    void scanOfAllRootsAndPosterArtwork() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        scanner.hook = ctx -> {
            MediaRecord r = new MediaRecord();
            r.title = "Poster " + ctx.file().getFileName();
            r.posterImage = png;
            return r;
        };
        Path other = Files.createDirectories(tmp.resolve("more"));
        Files.writeString(other.resolve("Casablanca.mkv"), "c");
        library.addRoot(root.toString(), "Movies", "movie");
        library.addRoot(other.toString(), "More", "movie");
        ScanJob j = await(scans.start(null));
        assertEquals(2, j.rootIds().size());
        assertEquals(3, j.filesAdded());
        String url = (String) files().get(0).metadata().get("posterUrl");
        assertTrue(url.matches("/artwork/[0-9a-f]{64}\\.png"), url);
        assertTrue(artwork.find(url.substring("/artwork/".length())).isPresent());
    }

    @Test
    void manyFilesAreWrittenInBatches() throws Exception {
        Path big = Files.createDirectories(tmp.resolve("big"));
        int n = ScanServiceImpl.BATCH_PER_WORKER * 2 * 5 + 17; // many batches of a 2-worker pool, and a partial one
        for (int i = 0; i < n; i++) {
            Path d = Files.createDirectories(big.resolve("d" + (i % 7)));
            Files.writeString(d.resolve(String.format("Movie %04d.mp4", i)), "v" + i);
        }
        long rootId = library.addRoot(big.toString(), "Big", "movie").id();
        ScanJob j = await(scans.start(rootId));
        assertEquals(n, j.filesSeen());
        assertEquals(n, j.filesAdded());
        assertEquals(n, library.files(new FileQuery(null, rootId, null, FileSort.TITLE, false, 1, 0)).total());
        assertEquals(n, scanner.recogniseCalls.get());
        ScanJob again = await(scans.start(rootId));
        assertEquals(n, again.filesSeen());
        assertEquals(0, again.filesAdded() + again.filesUpdated() + again.filesRemoved());
        assertEquals(n, scanner.recogniseCalls.get());
    }

    @Test
    void aRootRemovedWhileItsScanWritesLeavesNoFileBehind() throws Exception {
        Path big = Files.createDirectories(tmp.resolve("removed-mid-scan"));
        int n = ScanServiceImpl.BATCH_PER_WORKER * 2 * 8; // eight batches of the 2-worker pool
        for (int i = 0; i < n; i++) {
            Path d = Files.createDirectories(big.resolve("d" + (i % 5)));
            Files.writeString(d.resolve(String.format("Movie %04d.mp4", i)), "v" + i);
        }
        Files.writeString(root.resolve("Kept.mkv"), "another root's file");
        long kept = library.addRoot(root.toString(), "Movies", "movie").id();
        await(scans.start(kept));
        long removed = library.addRoot(big.toString(), "Removed", "movie").id();
        scanner.hook = ctx -> {
            try {
                Thread.sleep(2); // the scan lasts long enough to be removed after its first batch
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        };
        ScanJob running = scans.start(removed);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (scans.job(running.jobId()).filesAdded() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(scans.job(running.jobId()).filesAdded() > 0, "a first batch is written");
        library.removeRoot(removed);

        ScanJob done = await(running);
        assertTrue(done.filesAdded() < n, "the root went before its scan ended: " + done);
        assertEquals(List.of(new ScanJob.ScanError(big.toString(), "library root was removed during the scan")),
                done.errors());
        // no file row outlives its root, neither a batch written before the removal nor one after it
        long orphans = db.read(em -> em.createQuery("SELECT COUNT(f) FROM MediaFileEntity f WHERE NOT EXISTS "
                + "(SELECT r FROM RootEntity r WHERE r.id = f.rootId)", Long.class).getSingleResult());
        assertEquals(0, orphans);
        assertEquals(List.of("Alien", "Brazil", "Kept"), files().stream().map(LibraryFile::title).sorted().toList());
    }
}
