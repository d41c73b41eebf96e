package org.omnilux.api.library;

import java.util.Map;

/**
 * Counts and sizes over the whole library.
 *
 * @since 1.0
 */
public record LibraryStats(long totalFiles, long totalSizeBytes, Map<String, TypeStats> byMediaType,
        Map<String, Long> byCodec, Map<String, Long> byResolution) {

    /** Count and size of one media type. */
    public record TypeStats(long count, long sizeBytes) {
    }
}
