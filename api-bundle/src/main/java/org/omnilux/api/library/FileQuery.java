package org.omnilux.api.library;

/**
 * A page of the file listing. Values are already syntactically valid; the service checks that
 * {@code mediaType} and {@code rootId} name something that exists.
 *
 * @param mediaType only files of this type, or {@code null}
 * @param rootId only files of this root, or {@code null}
 * @param search words that must all occur in the title or metadata (case- and accent-insensitive), or {@code null}
 * @param descending {@code true} for descending order
 * @param limit 1..500
 * @param offset 0 or more
 * @since 1.0
 */
public record FileQuery(String mediaType, Long rootId, String search, FileSort sort, boolean descending, int limit,
        long offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
}
