package org.omnilux.core.internal.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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

    @Test
    void aPerFolderValueIsWorkedOutOncePerFolderAndKeyFromEveryEntry() throws Exception {
        Path album = Files.createDirectories(dir.resolve("Album"));
        for (String name : List.of("02 - B.mp3", "cover.jpg", "01 - A.mp3")) {
            Files.writeString(album.resolve(name), name);
        }
        Path other = Files.createDirectories(dir.resolve("Other"));
        Files.writeString(other.resolve("x.mp3"), "x");
        AtomicInteger calls = new AtomicInteger();
        List<List<Path>> seen = new ArrayList<>();
        java.util.function.Function<List<Path>, Integer> compute = entries -> {
            seen.add(entries);
            return calls.incrementAndGet();
        };

        Integer ofA = context(album.resolve("01 - A.mp3")).perFolder("k", compute);
        Integer ofB = context(album.resolve("02 - B.mp3")).perFolder("k", compute);
        assertEquals(1, calls.get());
        assertSame(ofA, ofB);
        // the file asking is among the entries, in name order with the rest
        assertEquals(List.of(List.of(album.resolve("01 - A.mp3"), album.resolve("02 - B.mp3"), album.resolve("cover.jpg"))),
                seen);
        assertEquals(2, context(album.resolve("01 - A.mp3")).<Integer>perFolder("another key", compute));
        assertEquals(3, context(other.resolve("x.mp3")).<Integer>perFolder("k", compute));
        assertEquals(List.of(other.resolve("x.mp3")), seen.get(2));
        assertEquals(1, context(album.resolve("cover.jpg")).<Integer>perFolder("k", compute));
        assertEquals(3, calls.get());
    }

    @Test
    void filesOfOneFolderAskingAtOnceWaitForOneComputation() throws Exception {
        for (int i = 0; i < 8; i++) {
            Files.writeString(dir.resolve("t" + i + ".mp3"), "t");
        }
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> values = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Path file = dir.resolve("t" + i + ".mp3");
                values.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return context(file).perFolder("slow", entries -> {
                        calls.incrementAndGet();
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return new Object();
                    });
                }));
            }
            Object first = values.get(0).get(10, TimeUnit.SECONDS);
            for (Future<Object> v : values) {
                assertSame(first, v.get(10, TimeUnit.SECONDS));
            }
            assertEquals(1, calls.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aComputationThatFailsLeavesNothingBehindAndAnotherKeyMayBeAskedForInside() throws Exception {
        Files.writeString(dir.resolve("a.mp3"), "a");
        Files.writeString(dir.resolve("b.mp3"), "b");
        assertThrows(IllegalStateException.class, () -> context(dir.resolve("a.mp3")).perFolder("k", entries -> {
            throw new IllegalStateException("unreadable");
        }));
        assertThrows(NullPointerException.class, () -> context(dir.resolve("a.mp3")).perFolder("k", entries -> null));
        ScanContextImpl b = context(dir.resolve("b.mp3"));
        // the value of one key built from another's: no "recursive update" from the core's map
        assertEquals("2 entries", b.perFolder("k", entries -> b.perFolder("count", e -> e.size()) + " entries"));
    }
}
