package org.omnilux.core.internal.scan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.omnilux.api.probe.AudioTrack;
import org.omnilux.api.probe.ProbeResult;
import org.omnilux.api.probe.SubtitleTrack;
import org.omnilux.api.probe.VideoTrack;
import org.omnilux.api.scanner.ExternalSubtitle;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.core.internal.library.FileViews;
import org.omnilux.core.internal.persistence.Json;
import org.omnilux.core.internal.persistence.MediaFileEntity;
import org.omnilux.core.internal.probe.ProbeNormalizer;

/**
 * Writes what a scanner found into a file row. Fields a user locked ({@code title}, {@code year}, metadata
 * fields) keep their value; the technical fields (codec, resolution, tracks…) always follow the file.
 */
final class RecordMerger {
    static final String POSTER_URL = "posterUrl";

    private RecordMerger() {
    }

    /**
     * @param posterUrl the stored artwork's URL, or {@code null} to keep whatever the record's metadata says
     * @param externalSubtitles the subtitle files next to the file
     */
    static void merge(MediaFileEntity e, MediaRecord r, Path file, String posterUrl,
            List<ExternalSubtitle> externalSubtitles) {
        Set<String> locked = new LinkedHashSet<>(Json.readStringList(e.lockedFields));
        if (!locked.contains("title")) {
            e.title = clip(title(r.title, file), 1000);
        } else if (e.title == null) {
            e.title = clip(title(r.title, file), 1000);
        }
        if (!locked.contains("year")) {
            e.year = r.year;
        }

        Map<String, Object> old = Json.readMap(e.metadata);
        Map<String, Object> merged = new LinkedHashMap<>();
        if (r.metadata != null) {
            r.metadata.forEach((k, v) -> {
                if (k != null && v != null && !locked.contains(k)) {
                    merged.put(k, v);
                }
            });
        }
        if (posterUrl != null && !locked.contains(POSTER_URL)) {
            merged.put(POSTER_URL, posterUrl);
        }
        for (String k : locked) {
            if (old.containsKey(k) && !"title".equals(k) && !"year".equals(k)) {
                merged.put(k, old.get(k));
            }
        }
        e.metadata = Json.write(merged);

        ProbeResult p = r.probe;
        VideoTrack v = p == null || p.video == null || p.video.isEmpty() ? null : p.video.get(0);
        AudioTrack a = p == null || p.audio == null || p.audio.isEmpty() ? null : p.audio.get(0);
        e.container = clip(r.container != null ? r.container : p == null ? null : p.container, 64);
        Double seconds = r.durationSeconds != null ? r.durationSeconds : p == null ? null : p.durationSeconds;
        e.durationSeconds = seconds == null || seconds.isNaN() || seconds.isInfinite() || seconds < 0 ? null
                : Math.round(seconds);
        e.codec = clip(v != null ? v.codec : a != null ? a.codec : null, 64);
        e.resolution = v == null ? null : clip(ProbeNormalizer.resolutionClass(v.width, v.height), 16);
        e.hdr = v == null ? null : v.hdr;
        e.tracks = p == null ? null : Json.write(tracks(p));
        // most files have none: no column beats "[]", which cost a scan a JSON write and a CLOB per file
        List<Map<String, Object>> subtitles = subtitles(externalSubtitles);
        e.externalSubtitles = subtitles.isEmpty() ? null : Json.write(subtitles);
        FileViews.refreshDerived(e, merged);
    }

    private static String title(String title, Path file) {
        if (title != null && !title.isBlank()) {
            return title.strip();
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** The detail view's track lists, in the API's shape. */
    static Map<String, Object> tracks(ProbeResult p) {
        List<Map<String, Object>> video = new ArrayList<>();
        for (VideoTrack t : nonNull(p.video)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", t.index);
            m.put("codec", t.codec);
            m.put("width", t.width);
            m.put("height", t.height);
            m.put("hdr", t.hdr);
            m.put("hdrFormat", t.hdrFormat);
            m.put("frameRate", t.frameRate);
            m.put("bitDepth", t.bitDepth);
            video.add(m);
        }
        List<Map<String, Object>> audio = new ArrayList<>();
        for (AudioTrack t : nonNull(p.audio)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", t.index);
            m.put("codec", t.codec);
            m.put("language", t.language);
            m.put("channels", t.channels);
            m.put("title", t.title);
            m.put("default", t.isDefault);
            audio.add(m);
        }
        List<Map<String, Object>> subtitle = new ArrayList<>();
        for (SubtitleTrack t : nonNull(p.subtitle)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", t.index);
            m.put("codec", t.codec);
            m.put("language", t.language);
            m.put("title", t.title);
            m.put("forced", t.forced);
            m.put("default", t.isDefault);
            subtitle.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("video", video);
        out.put("audio", audio);
        out.put("subtitle", subtitle);
        return out;
    }

    static List<Map<String, Object>> subtitles(List<ExternalSubtitle> subs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ExternalSubtitle s : nonNull(subs)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", s.path);
            m.put("language", s.language);
            m.put("format", s.format);
            m.put("forced", s.forced);
            m.put("sdh", s.sdh);
            out.add(m);
        }
        return out;
    }

    private static <T> List<T> nonNull(List<T> list) {
        if (list == null) {
            return List.of();
        }
        List<T> out = new ArrayList<>(list.size());
        for (T t : list) {
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }
}
