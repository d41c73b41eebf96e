package org.omnilux.core.internal.scan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.omnilux.api.library.ScanJob;
import org.omnilux.api.scanner.MediaScanner;

/** The live state of a running job: counters readable while it runs, flags that stop it. */
final class JobRun {
    /** More errors than this are counted but not listed. */
    static final int MAX_ERRORS = 1000;

    final long id;
    final List<Long> rootIds;
    final Instant startedAt;
    final AtomicLong seen = new AtomicLong();
    final AtomicLong added = new AtomicLong();
    final AtomicLong updated = new AtomicLong();
    final AtomicLong removed = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    private final List<ScanJob.ScanError> errors = new ArrayList<>();
    private int droppedErrors;
    volatile boolean cancelled;
    /** why the job stops when it is not a user's cancel (server stopping) */
    volatile String abortReason;
    volatile String status = ScanJob.RUNNING;
    volatile Instant finishedAt;
    /** the scanner of the root being walked now; cleared after each root so nothing keeps a removed plugin */
    volatile MediaScanner currentScanner;
    /** set when {@link #currentScanner} is unregistered during the walk */
    volatile boolean scannerGone;
    final Set<Future<?>> inFlight = ConcurrentHashMap.newKeySet();
    /** counted down once the job's end is recorded */
    final CountDownLatch done = new CountDownLatch(1);

    JobRun(long id, List<Long> rootIds, Instant startedAt) {
        this.id = id;
        this.rootIds = List.copyOf(rootIds);
        this.startedAt = startedAt;
    }

    boolean stopping() {
        return cancelled || scannerGone;
    }

    synchronized void error(String path, String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new ScanJob.ScanError(path, message));
        } else {
            droppedErrors++;
        }
    }

    synchronized List<ScanJob.ScanError> errors() {
        List<ScanJob.ScanError> out = new ArrayList<>(errors);
        if (droppedErrors > 0) {
            out.add(new ScanJob.ScanError(null, droppedErrors + " more errors not listed"));
        }
        return out;
    }

    /**
     * The scanner of the root walked next ({@code null}: none). Under the same lock as {@link #scannerLeft}: the
     * futures of the next root are only submitted after this, so a scanner leaving never cancels them.
     */
    synchronized void useScanner(MediaScanner scanner) {
        currentScanner = scanner;
        scannerGone = false;
    }

    /**
     * A scanner left: if it is the one in use, the walk stops and its files in flight are cancelled. Atomic with
     * {@link #useScanner}: the thread that unbinds a scanner may be held up between the check and the cancel while
     * the job moves on to its next root, whose files must not be cancelled.
     */
    synchronized void scannerLeft(MediaScanner scanner) {
        if (currentScanner == scanner) {
            scannerGone = true;
            cancelInFlight();
        }
    }

    void cancelInFlight() {
        for (Future<?> f : inFlight) {
            f.cancel(true);
        }
    }

    /** Records the end; status and finish time change together for readers of {@link #snapshot()}. */
    synchronized void end(String finalStatus, Instant at) {
        status = finalStatus;
        finishedAt = at;
    }

    synchronized void markCancelled() {
        cancelled = true;
        if (finishedAt == null) {
            status = ScanJob.CANCELLED;
        }
    }

    synchronized ScanJob snapshot() {
        return new ScanJob(id, status, rootIds, seen.get(), added.get(), updated.get(), removed.get(), failed.get(),
                errors(), startedAt, finishedAt);
    }
}
