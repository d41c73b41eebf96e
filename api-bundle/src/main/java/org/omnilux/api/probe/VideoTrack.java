package org.omnilux.api.probe;

import org.osgi.dto.DTO;

/**
 * A video stream.
 *
 * @since 1.0
 */
public class VideoTrack extends DTO {
    /** Stream index in the container. */
    public int index;
    /** Normalised codec: {@code h264}, {@code h265}, {@code av1}, {@code vp9}, {@code mpeg2}, {@code mpeg4}… */
    public String codec;
    public Integer width;
    public Integer height;
    /** True for PQ/HDR10, HDR10+, HLG and Dolby Vision. */
    public boolean hdr;
    /** {@code HDR10}, {@code HDR10+}, {@code HLG}, {@code Dolby Vision}, or {@code null}. */
    public String hdrFormat;
    public Double frameRate;
    public Integer bitDepth;
}
