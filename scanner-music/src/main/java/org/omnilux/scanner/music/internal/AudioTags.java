package org.omnilux.scanner.music.internal;

import java.util.List;

/**
 * The tag fields of one audio file as they are written, before any interpretation. Any field may be
 * {@code null}; {@code genres} is never {@code null}.
 *
 * @param source      where they were read from ({@code jaudiotagger}, {@code opus}, {@code ffprobe}), for messages
 * @param compilation the compilation flag as written (ID3 {@code TCMP}, MP4 {@code cpil}, {@code COMPILATION})
 */
record AudioTags(String source, String title, String artist, String albumArtist, String album, String track,
        String trackTotal, String disc, String date, List<String> genres, String compilation, byte[] cover) {

    static final AudioTags NONE = new AudioTags("none", null, null, null, null, null, null, null, null, List.of(), null,
            null);

    boolean isEmpty() {
        return title == null && artist == null && albumArtist == null && album == null && track == null
                && disc == null && date == null && genres.isEmpty() && cover == null;
    }
}
