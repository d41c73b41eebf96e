package org.omnilux.api.scanner;

import org.osgi.dto.DTO;

/**
 * A subtitle file next to a video, such as {@code Movie.eng.forced.srt}.
 *
 * @since 1.0
 */
public class ExternalSubtitle extends DTO {

    /** Absolute path of the subtitle file. */
    public String path;

    /** ISO 639-2/B language code, or the code as the name says when unknown, or {@code null}. */
    public String language;

    /** Format from the extension: {@code srt}, {@code ass}, {@code ssa}, {@code vtt}, {@code sub}, {@code sup}. */
    public String format;

    /** Forced (foreign parts only) subtitles. */
    public boolean forced;

    /** Subtitles for the deaf and hard of hearing. */
    public boolean sdh;
}
