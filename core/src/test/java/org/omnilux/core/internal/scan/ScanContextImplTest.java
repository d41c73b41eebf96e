package org.omnilux.core.internal.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanContextImplTest {
    @TempDir
    Path dir;

    private final Map<Path, ScanContextImpl.Listing> listings = new ConcurrentHashMap<>();
    private final JobRun run = new JobRun(1, List.of(1L), Instant.now());

    private ScanContextImpl context(Path file) {
        return new ScanContextImpl(file, dir, "music", 0, null, run, listings);
    }

    @Test
    void siblingsAreTheFolderInNameOrderWithoutTheFileItself() throws Exception {
        for (String name : List.of("02 - B.mp3", "cover.jpg", "01 - A.mp3", "03 - C.mp3")) {
            Files.writeString(dir.resolve(name), name);
        }
        assertEquals(List.of(dir.resolve("02 - B.mp3"), dir.resolve("03 - C.mp3"), dir.resolve("cover.jpg")),
                context(dir.resolve("01 - A.mp3")).siblings());
        List<Path> ofB = context(dir.resolve("02 - B.mp3")).siblings();
        assertEquals(List.of(dir.resolve("01 - A.mp3"), dir.resolve("03 - C.mp3"), dir.resolve("cover.jpg")), ofB);
        assertEquals(List.of(dir.resolve("01 - A.mp3"), dir.resolve("02 - B.mp3"), dir.resolve("03 - C.mp3")),
                context(dir.resolve("cover.jpg")).siblings());
        assertThrows(IndexOutOfBoundsException.class, () -> ofB.get(3));
        assertThrows(UnsupportedOperationException.class, () -> ofB.remove(0));
        assertEquals(1, listings.size()); // one listing for the folder, shared
    }

    @Test
    void aFileTheSharedListingDoesNotHoldSeesTheWholeListing() throws Exception {
        Files.writeString(dir.resolve("a.mp3"), "a");
        context(dir.resolve("a.mp3")).siblings(); // the listing is taken now
        Path late = Files.writeString(dir.resolve("b.mp3"), "b");
        assertEquals(List.of(dir.resolve("a.mp3")), context(late).siblings());
    }
}
