package org.omnilux.api.library;

import java.util.List;

/**
 * One page of the file listing.
 *
 * @since 1.0
 */
public record FilePage(List<LibraryFile> items, long total, int limit, long offset) {
}
