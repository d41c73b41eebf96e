package org.omnilux.scanner.book.internal;

import java.util.ArrayList;
import java.util.List;

/** What a format reader found inside a book file; every field may be missing. Not thread-safe (one per file). */
final class BookInfo {
    String title;
    final List<String> authors = new ArrayList<>();
    String publisher;
    String isbn;
    String language;
    Integer year;
    Integer pageCount;
    String series;
    Double seriesIndex;
    /** Cover image bytes (at most {@link Limits#MAX_COVER_BYTES}). */
    byte[] cover;

    void addAuthor(String author) {
        String trimmed = SafeXml.blankToNull(author);
        if (trimmed != null && authors.stream().noneMatch(trimmed::equalsIgnoreCase)) {
            authors.add(trimmed);
        }
    }

    /** @return the authors joined with ", ", or {@code null} when there is none */
    String author() {
        return authors.isEmpty() ? null : String.join(", ", authors);
    }
}
