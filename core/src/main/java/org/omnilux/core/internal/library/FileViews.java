package org.omnilux.core.internal.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.omnilux.api.library.LibraryFile;
import org.omnilux.api.library.LibraryFileDetail;
import org.omnilux.core.internal.persistence.Json;
import org.omnilux.core.internal.persistence.MediaFileEntity;
import org.omnilux.core.internal.persistence.SearchText;

/** Turns file rows into the API's views, and keeps the derived columns of a row in step with its title/metadata. */
public final class FileViews {
    public static final List<String> TRACK_KINDS = List.of("video", "audio", "subtitle");

    private FileViews() {
    }

    public static LibraryFile file(MediaFileEntity e) {
        return new LibraryFile(e.id, e.path, e.title, e.year, e.mediaType, e.rootId, e.sizeBytes, e.durationSeconds,
                e.codec, e.resolution, e.hdr, e.container, e.addedAt, Json.readMap(e.metadata));
    }

    public static LibraryFileDetail detail(MediaFileEntity e) {
        Map<String, Object> stored = Json.readMap(e.tracks);
        Map<String, List<Map<String, Object>>> tracks = new LinkedHashMap<>();
        for (String kind : TRACK_KINDS) {
            List<Map<String, Object>> list = new ArrayList<>();
            if (stored.get(kind) instanceof List<?> l) {
                for (Object o : l) {
                    if (o instanceof Map<?, ?> m) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> track = (Map<String, Object>) m;
                        list.add(track);
                    }
                }
            }
            tracks.put(kind, list);
        }
        return new LibraryFileDetail(file(e), tracks, Json.readObjectList(e.externalSubtitles),
                Json.readStringList(e.lockedFields));
    }

    /**
     * Recomputes the sort key and the search column from the title and metadata.
     *
     * @param metadata the map just written as {@code e.metadata}: every caller has it, and parsing the JSON back
     *                 would cost a scan more than the search text itself
     */
    public static void refreshDerived(MediaFileEntity e, Map<String, Object> metadata) {
        e.titleSort = titleSort(e.title);
        e.searchText = SearchText.of(e.title, metadata);
    }

    public static String titleSort(String title) {
        String s = SearchText.normalise(title);
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
