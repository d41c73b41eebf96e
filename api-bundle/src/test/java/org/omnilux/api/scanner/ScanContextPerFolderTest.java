package org.omnilux.api.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.omnilux.api.probe.MediaProber;
import org.junit.jupiter.api.Test;

/** The default {@link ScanContext#perFolder}, which contexts that keep nothing (tests, older cores' stand-ins) get. */
class ScanContextPerFolderTest {

    private final Path album = Path.of("/music/Artist/Album");

    @Test
    void theDefaultGivesTheFolderWithTheFileInNameOrderAndComputesEveryTime() {
        ScanContext context = context(album.resolve("02 - B.mp3"),
                List.of(album.resolve("01 - A.mp3"), album.resolve("03 - C.mp3"), album.resolve("cover.jpg")));
        AtomicInteger calls = new AtomicInteger();

        List<Path> entries = context.perFolder("entries", e -> {
            calls.incrementAndGet();
            return e;
        });
        context.perFolder("entries", e -> calls.incrementAndGet());

        assertEquals(List.of(album.resolve("01 - A.mp3"), album.resolve("02 - B.mp3"), album.resolve("03 - C.mp3"),
                album.resolve("cover.jpg")), entries);
        assertEquals(2, calls.get());
    }

    private static ScanContext context(Path file, List<Path> siblings) {
        return new ScanContext() {
            @Override
            public Path file() {
                return file;
            }

            @Override
            public Path root() {
                return Path.of("/music");
            }

            @Override
            public String mediaType() {
                return "music";
            }

            @Override
            public long sizeBytes() {
                return 0;
            }

            @Override
            public List<Path> siblings() {
                return siblings;
            }

            @Override
            public List<ExternalSubtitle> externalSubtitles() {
                return List.of();
            }

            @Override
            public MediaProber prober() {
                return null;
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
