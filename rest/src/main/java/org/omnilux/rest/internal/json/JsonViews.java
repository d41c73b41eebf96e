package org.omnilux.rest.internal.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.omnilux.api.library.LibraryFile;
import org.omnilux.api.library.LibraryFileDetail;

/**
 * The JSON shapes of files, built by hand: the item fields are always all present (null when they do not
 * apply), and the detail is the item with its extra fields at the top level.
 */
public final class JsonViews {

    private JsonViews() {
    }

    public static Map<String, Object> file(LibraryFile file) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", file.id());
        json.put("path", file.path());
        json.put("title", file.title());
        json.put("year", file.year());
        json.put("mediaType", file.mediaType());
        json.put("rootId", file.rootId());
        json.put("sizeBytes", file.sizeBytes());
        json.put("duration", file.duration());
        json.put("codec", file.codec());
        json.put("resolution", file.resolution());
        json.put("hdr", file.hdr());
        json.put("container", file.container());
        json.put("addedAt", file.addedAt());
        json.put("metadata", file.metadata() == null ? Map.of() : file.metadata());
        return json;
    }

    public static Map<String, Object> detail(LibraryFileDetail detail) {
        Map<String, Object> json = file(detail.file());
        Map<String, Object> tracks = new LinkedHashMap<>();
        for (String kind : List.of("video", "audio", "subtitle")) {
            List<Map<String, Object>> list = detail.tracks() == null ? null : detail.tracks().get(kind);
            tracks.put(kind, list == null ? List.of() : list);
        }
        if (detail.tracks() != null) {
            detail.tracks().forEach(tracks::putIfAbsent);
        }
        json.put("tracks", tracks);
        json.put("externalSubtitles", detail.externalSubtitles() == null ? List.of() : detail.externalSubtitles());
        json.put("lockedFields", detail.lockedFields() == null ? List.of() : detail.lockedFields());
        return json;
    }
}
