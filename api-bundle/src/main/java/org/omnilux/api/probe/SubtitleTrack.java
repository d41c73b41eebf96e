package org.omnilux.api.probe;

import org.osgi.dto.DTO;

/**
 * A subtitle stream inside the container.
 *
 * @since 1.0
 */
public class SubtitleTrack extends DTO {
    public int index;
    /** Codec: {@code subrip}, {@code ass}, {@code mov_text}, {@code hdmv_pgs_subtitle}… */
    public String codec;
    public String language;
    public String title;
    public boolean forced;
    public boolean isDefault;
}
