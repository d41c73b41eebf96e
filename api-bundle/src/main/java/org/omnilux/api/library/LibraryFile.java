package org.omnilux.api.library;

import java.time.Instant;
import java.util.Map;

/**
 * A file in the library as the listing shows it. Fields that do not apply are {@code null}.
 *
 * @param duration whole seconds
 * @param metadata the type-specific fields that have a value, JSON-like values
 * @since 1.0
 */
public record LibraryFile(long id, String path, String title, Integer year, String mediaType, long rootId,
        long sizeBytes, Long duration, String codec, String resolution, Boolean hdr, String container,
        Instant addedAt, Map<String, Object> metadata) {
}
