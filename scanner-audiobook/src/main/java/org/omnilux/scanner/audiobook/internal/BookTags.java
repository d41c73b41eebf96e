package org.omnilux.scanner.audiobook.internal;

/**
 * The tag fields of one audiobook file as they are written, before any interpretation; any may be {@code null}.
 *
 * @param series      a {@code SERIES} field ({@code TXXX:SERIES}, Vorbis {@code SERIES}, iTunes {@code ----:SERIES})
 * @param seriesPart  its companion {@code SERIES-PART}/{@code SERIES_PART}/{@code SERIESPART}
 * @param movement    {@code MVNM}/{@code ©mvn}, which Apple Books and Audiobookshelf use for the series
 * @param movementNo  {@code MVIN}/{@code ©mvi}, the index in that series
 * @param narrator    a {@code NARRATOR} field ({@code TXXX:NARRATOR}, Vorbis, iTunes)
 */
record BookTags(String title, String album, String artist, String albumArtist, String composer, String narrator,
        String series, String seriesPart, String movement, String movementNo, String grouping, String date,
        byte[] cover) {

    static final BookTags NONE = new BookTags(null, null, null, null, null, null, null, null, null, null, null, null,
            null);

    /** These fields, each missing one taken from {@code other}. */
    BookTags orElse(BookTags other) {
        return new BookTags(or(title, other.title), or(album, other.album), or(artist, other.artist),
                or(albumArtist, other.albumArtist), or(composer, other.composer), or(narrator, other.narrator),
                or(series, other.series), or(seriesPart, other.seriesPart), or(movement, other.movement),
                or(movementNo, other.movementNo), or(grouping, other.grouping), or(date, other.date),
                cover != null ? cover : other.cover);
    }

    private static String or(String value, String other) {
        return value != null ? value : other;
    }
}
