package org.omnilux.api.library;

import java.time.Instant;
import java.util.List;

/**
 * A scan job and its counters.
 *
 * @param status {@code running}, {@code completed}, {@code failed} or {@code cancelled}
 * @since 1.0
 */
public record ScanJob(long jobId, String status, List<Long> rootIds, long filesSeen, long filesAdded,
        long filesUpdated, long filesRemoved, long filesFailed, List<ScanError> errors, Instant startedAt,
        Instant finishedAt) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    /** A file (or root) that could not be scanned. */
    public record ScanError(String path, String message) {
    }
}
