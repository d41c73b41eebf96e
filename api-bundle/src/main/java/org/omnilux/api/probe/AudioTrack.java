package org.omnilux.api.probe;

import org.osgi.dto.DTO;

/**
 * An audio stream.
 *
 * @since 1.0
 */
public class AudioTrack extends DTO {
    public int index;
    /** Normalised codec: {@code aac}, {@code ac3}, {@code eac3}, {@code dts}, {@code mp3}, {@code flac}, {@code opus}… */
    public String codec;
    /** ISO 639-2/B code, or as the file says when unknown, or {@code null}. */
    public String language;
    public Integer channels;
    public String title;
    public boolean isDefault;
}
