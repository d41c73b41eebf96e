package org.omnilux.api.library;

import java.util.List;
import java.util.Map;

/**
 * A file with everything known about it.
 *
 * @param file the fields of the listing
 * @param tracks {@code video}, {@code audio} and {@code subtitle} lists of track objects, as the API shows them
 * @param externalSubtitles subtitle files next to the media file, as the API shows them
 * @param lockedFields fields edited by a user, which no scan overwrites
 * @since 1.0
 */
public record LibraryFileDetail(LibraryFile file, Map<String, List<Map<String, Object>>> tracks,
        List<Map<String, Object>> externalSubtitles, List<String> lockedFields) {
}
