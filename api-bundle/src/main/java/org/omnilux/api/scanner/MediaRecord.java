package org.omnilux.api.scanner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.omnilux.api.probe.ProbeResult;
import org.osgi.dto.DTO;

/**
 * What a {@link MediaScanner} found out about one file. A plain data object: the core stores it, merges it
 * with the fields a user locked, and serves it through the Library API.
 *
 * @since 1.0
 */
public class MediaRecord extends DTO {

    /** The display title; required. */
    public String title;

    /** The release year, or {@code null} when unknown. */
    public Integer year;

    /**
     * The container format name as the API shows it ({@code mkv}, {@code mp4}, {@code epub}…), or {@code null}
     * to take it from {@link #probe}.
     */
    public String container;

    /** Duration in seconds, or {@code null} to take it from {@link #probe} (or when it does not apply). */
    public Double durationSeconds;

    /** The probe result for audio/video files, or {@code null} when the file was not probed. */
    public ProbeResult probe;

    /**
     * The type-specific metadata fields declared in the scanner's {@link MediaTypeDescriptor}, keyed by field
     * name. Values are JSON-like: {@code String}, {@code Integer}/{@code Long}, {@code Double}, {@code Boolean},
     * {@code List} of those, or {@code List<Map<String,Object>>}. Fields that do not apply are left out.
     */
    public Map<String, Object> metadata = new LinkedHashMap<>();

    /** Subtitle files next to the media file. */
    public List<ExternalSubtitle> externalSubtitles = new ArrayList<>();

    /**
     * A local image to serve as this item's poster or cover (e.g. {@code poster.jpg} next to a movie); the
     * core copies it into its artwork store and fills {@code posterUrl}. {@code null} when there is none.
     */
    public Path posterFile;

    /**
     * Image bytes to serve as poster or cover when the image is embedded in the file (cover art in tags,
     * a rendered first page); used when {@link #posterFile} is {@code null}.
     */
    public byte[] posterImage;
}
