package org.omnilux.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.omnilux.api.library.FileQuery;
import org.omnilux.api.library.FileSort;
import org.omnilux.core.internal.library.LibraryServiceImpl;
import org.omnilux.core.internal.persistence.Database;
import org.omnilux.core.internal.persistence.MediaFileEntity;
import org.omnilux.core.internal.persistence.MediaFileInserts;
import org.omnilux.core.internal.scanner.ScannerRegistry;
import org.omnilux.scanner.music.internal.MusicScanner;

/**
 * Pages of a big library: {@code GET /api/library/files} as the core answers it ({@code LibraryServiceImpl.files}),
 * over a real Derby database of {@code --rows} (default 200 000) music files, in every order, both directions, at the
 * first page and in the middle, plus a media-type filter and a two-word search. The database is built once under
 * {@code --work} and reused (keyed by the row count); {@code --rebuild} starts it again. Each figure is the best of
 * three: the first run of a query also pays for Derby compiling it.
 */
public final class PagingBench {
    private static final String[] WORDS = ("harder better faster stronger one more time digital love aerodynamic "
            + "voyager veridis quo short circuit face to").split(" ");

    private PagingBench() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int rows = args.getInt("rows", 200_000);
        Path data = args.work().resolve("paging-" + rows);
        if (args.getInt("rebuild", 0) != 0) {
            Library.deleteTree(data);
        }
        boolean fresh = !Files.isDirectory(data.resolve("db"));
        Files.createDirectories(data);
        Database db = Database.open(data);
        try {
            ScannerRegistry registry = new ScannerRegistry();
            registry.add(new MusicScanner(), "org.omnilux.scanner.music", "Music", "1.0.0", 1, 0);
            LibraryServiceImpl library = new LibraryServiceImpl(db, registry, Clock.systemUTC());
            if (fresh) {
                Path root = Files.createDirectories(data.resolve("music"));
                long start = System.nanoTime();
                populate(db, library.addRoot(root.toString(), "music", "music").id(), root, rows);
                System.out.printf(Locale.ROOT, "built %,d rows in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
            }
            long total = library.files(new FileQuery(null, null, null, FileSort.TITLE, false, 1, 0)).total();
            System.out.printf(Locale.ROOT, "Pages of 50 of %,d files (best of 3)%n", total);
            for (FileSort sort : FileSort.values()) {
                for (boolean desc : new boolean[] {false, true}) {
                    for (long offset : new long[] {0, total / 2}) {
                        System.out.printf(Locale.ROOT, "  sort=%-8s order=%-4s offset=%-7d %8.1f ms%n", sort.apiName(),
                                desc ? "desc" : "asc", offset,
                                best(library, new FileQuery(null, null, null, sort, desc, 50, offset)));
                    }
                }
            }
            System.out.printf(Locale.ROOT, "  mediaType=music sort=title     %8.1f ms%n",
                    best(library, new FileQuery("music", null, null, FileSort.TITLE, false, 50, 0)));
            System.out.printf(Locale.ROOT, "  search=\"daft discovery\"        %8.1f ms%n",
                    best(library, new FileQuery(null, null, "daft discovery", FileSort.TITLE, false, 50, 0)));
        } finally {
            db.close();
        }
    }

    private static double best(LibraryServiceImpl library, FileQuery query) {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            if (library.files(query).items().isEmpty()) {
                throw new IllegalStateException("an empty page: " + query);
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        return best / 1e6;
    }

    /** Rows as a music scan writes them (random titles, years, sizes; a year missing on one in ten). */
    private static void populate(Database db, long rootId, Path root, int count) {
        Random random = new Random(42);
        Instant added = Instant.parse("2026-01-01T00:00:00Z");
        for (int from = 0; from < count; from += 1000) {
            List<MediaFileEntity> batch = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + 1000); i++) {
                MediaFileEntity e = new MediaFileEntity();
                String title = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " " + i;
                e.rootId = rootId;
                e.path = root.resolve("Artist " + i / 1000 + "/Album " + i / 100 + "/" + i + " - Track.mp3").toString();
                e.mediaType = "music";
                e.title = title;
                e.titleSort = title;
                e.year = random.nextInt(10) == 0 ? null : 1950 + random.nextInt(75);
                e.sizeBytes = 1_000_000L + random.nextInt(50_000_000);
                e.mtime = 1_700_000_000_000L + random.nextInt(1_000_000_000);
                e.durationSeconds = 200L;
                e.codec = "mp3";
                e.container = "mp3";
                e.addedAt = added.plusMillis(i * 10L);
                e.updatedAt = e.addedAt;
                e.metadata = "{\"artist\":\"Daft Punk\",\"albumArtist\":\"Daft Punk\",\"album\":\"Discovery " + i / 100
                        + "\",\"trackNumber\":4,\"trackTotal\":14,\"discNumber\":1,\"genres\":[\"Electronic\"],"
                        + "\"bitrate\":128000,\"sampleRate\":44100,\"channels\":2}";
                e.tracks = "{\"video\":[],\"audio\":[{\"index\":0,\"codec\":\"mp3\",\"channels\":2,\"default\":true}],"
                        + "\"subtitle\":[]}";
                e.searchText = title + " daft punk discovery " + i / 100 + " electronic";
                batch.add(e);
            }
            db.txRun(em -> MediaFileInserts.insert(em, batch));
        }
    }
}
