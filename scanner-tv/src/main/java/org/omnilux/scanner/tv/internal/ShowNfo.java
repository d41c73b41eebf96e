package org.omnilux.scanner.tv.internal;

/**
 * What a Kodi {@code tvshow.nfo} says about a show. Provider ids are not fields of the {@code tv} type and are
 * not read. Any component may be {@code null}.
 *
 * @param title {@code <title>}
 * @param year  {@code <year>}, else the year of {@code <premiered>}
 * @param plot  {@code <plot>}, else {@code <outline>}
 */
public record ShowNfo(String title, Integer year, String plot) {
}
