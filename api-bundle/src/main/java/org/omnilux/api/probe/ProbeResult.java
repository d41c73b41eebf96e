package org.omnilux.api.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.dto.DTO;

/**
 * Container and streams of a media file, normalised as the Library API shows them.
 *
 * @since 1.0
 */
public class ProbeResult extends DTO {

    /** Container name: {@code mkv}, {@code mp4}, {@code avi}, {@code webm}, {@code m4b}, {@code mp3}, {@code flac}… */
    public String container;

    /** Duration in seconds, or {@code null} when the file does not say. */
    public Double durationSeconds;

    /** Overall bit rate in bits per second, or {@code null}. */
    public Long bitRate;

    public List<VideoTrack> video = new ArrayList<>();
    public List<AudioTrack> audio = new ArrayList<>();
    public List<SubtitleTrack> subtitle = new ArrayList<>();
    public List<Chapter> chapters = new ArrayList<>();

    /** Container-level tags (title, artist, …) with lower-case keys. */
    public Map<String, String> tags = new LinkedHashMap<>();
}
