package org.omnilux.core.internal.scan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.omnilux.core.internal.testing.TestScanner;

class JobRunTest {

    @Test
    void aScannerThatLeavesAfterItsRootCancelsNothingOfTheNextRoot() {
        JobRun run = new JobRun(1, List.of(1L, 2L), Instant.now());
        TestScanner movies = new TestScanner("movie");
        TestScanner shows = new TestScanner("tv");
        run.useScanner(movies);
        CompletableFuture<Object> movie = new CompletableFuture<>();
        run.inFlight.add(movie);
        run.inFlight.remove(movie); // the movie root is done
        run.useScanner(null);
        run.useScanner(shows);
        CompletableFuture<Object> show = new CompletableFuture<>();
        run.inFlight.add(show);

        run.scannerLeft(movies); // the unbind of the movie scanner, arriving late
        assertFalse(show.isCancelled());
        assertFalse(run.stopping());

        run.scannerLeft(shows);
        assertTrue(show.isCancelled());
        assertTrue(run.stopping());
    }
}
