package org.omnilux.scanner.audiobook.internal;

/**
 * What the folder and file names say about a book. Every field may be {@code null}.
 *
 * @param seriesIndex the position in the series; {@code 1.5} for a novella between books 1 and 2
 */
record ParsedBook(String title, String author, String series, Double seriesIndex, Integer year, String narrator) {
}
