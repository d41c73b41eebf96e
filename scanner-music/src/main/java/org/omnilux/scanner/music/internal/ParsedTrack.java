package org.omnilux.scanner.music.internal;

/**
 * What a track's file and folder names say. Every field may be {@code null}.
 *
 * @param title       the track title from the file name
 * @param trackNumber the number in front of the title ({@code 01 - Title})
 * @param discNumber  from a disc folder ({@code CD2}) or a {@code 2-01} prefix
 * @param artist      from the file name ({@code Artist - Title}) or else the artist folder
 * @param albumArtist the artist folder ({@code Artist/Album/}), by which libraries are laid out
 * @param album       the album folder, without its year
 * @param year        from the album folder ({@code Album (2009)}, {@code 2009 - Album})
 */
record ParsedTrack(String title, Integer trackNumber, Integer discNumber, String artist, String albumArtist,
        String album, Integer year) {

    /** The names say nothing. */
    static final ParsedTrack NONE = new ParsedTrack(null, null, null, null, null, null, null);
}
