package org.omnilux.api.library;

import java.time.Instant;

/**
 * A library root: a folder of files of one media type.
 *
 * @param lastScanAt when a scan of this root last finished, or {@code null} if never
 * @since 1.0
 */
public record LibraryRoot(long id, String path, String name, String mediaType, long fileCount, long totalSizeBytes,
        Instant lastScanAt) {
}
