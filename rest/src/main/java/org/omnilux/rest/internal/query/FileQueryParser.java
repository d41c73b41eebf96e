package org.omnilux.rest.internal.query;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.omnilux.api.library.FileQuery;
import org.omnilux.api.library.FileSort;
import org.omnilux.api.service.InvalidInputException;

/**
 * Parses the query parameters of {@code GET /api/library/files}. Values are checked for syntax here; whether a
 * media type or root exists is the library's to say. Every error is an {@link InvalidInputException} naming
 * the parameter. Parameters not listed here are ignored (clients add cache-busters).
 */
public final class FileQueryParser {

    public static final String MEDIA_TYPE = "mediaType";
    public static final String ROOT_ID = "rootId";
    public static final String SEARCH = "search";
    public static final String SORT = "sort";
    public static final String ORDER = "order";
    public static final String LIMIT = "limit";
    public static final String OFFSET = "offset";

    /** Longest search text accepted; longer is a client bug, not a query. */
    public static final int MAX_SEARCH_LENGTH = 500;

    private static final Pattern MEDIA_TYPE_SYNTAX = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private FileQueryParser() {
    }

    /** @param parameters the decoded query parameters, each name with all its values */
    public static FileQuery parse(Map<String, List<String>> parameters) {
        String mediaType = single(parameters, MEDIA_TYPE);
        if (mediaType != null && !MEDIA_TYPE_SYNTAX.matcher(mediaType).matches()) {
            throw new InvalidInputException(MEDIA_TYPE,
                    "mediaType must be a media type name such as 'movie' (lower-case letters, digits, '-' or '_').");
        }

        String rootIdText = single(parameters, ROOT_ID);
        Long rootId = null;
        if (rootIdText != null) {
            if (!DIGITS.matcher(rootIdText).matches() || Long.parseLong(rootIdText) == 0) {
                throw new InvalidInputException(ROOT_ID, "rootId must be a positive integer.");
            }
            rootId = Long.parseLong(rootIdText);
        }

        String search = single(parameters, SEARCH);
        if (search != null) {
            search = search.strip();
            if (search.length() > MAX_SEARCH_LENGTH) {
                throw new InvalidInputException(SEARCH, "search must be at most " + MAX_SEARCH_LENGTH + " characters.");
            }
            if (search.isEmpty()) {
                search = null;
            }
        }

        FileSort sort = FileSort.TITLE;
        String sortText = single(parameters, SORT);
        if (sortText != null) {
            sort = null;
            for (FileSort candidate : FileSort.values()) {
                if (candidate.apiName().equals(sortText)) {
                    sort = candidate;
                }
            }
            if (sort == null) {
                throw new InvalidInputException(SORT, "sort must be one of title, addedAt, year, size.");
            }
        }

        boolean descending = false;
        String order = single(parameters, ORDER);
        if (order != null) {
            switch (order) {
                case "asc" -> descending = false;
                case "desc" -> descending = true;
                default -> throw new InvalidInputException(ORDER, "order must be asc or desc.");
            }
        }

        int limit = FileQuery.DEFAULT_LIMIT;
        String limitText = single(parameters, LIMIT);
        if (limitText != null) {
            if (!DIGITS.matcher(limitText).matches() || Long.parseLong(limitText) < 1
                    || Long.parseLong(limitText) > FileQuery.MAX_LIMIT) {
                throw new InvalidInputException(LIMIT,
                        "limit must be an integer from 1 to " + FileQuery.MAX_LIMIT + ".");
            }
            limit = Integer.parseInt(limitText);
        }

        long offset = 0;
        String offsetText = single(parameters, OFFSET);
        if (offsetText != null) {
            if (!DIGITS.matcher(offsetText).matches()) {
                throw new InvalidInputException(OFFSET, "offset must be an integer of 0 or more.");
            }
            offset = Long.parseLong(offsetText);
        }

        return new FileQuery(mediaType, rootId, search, sort, descending, limit, offset);
    }

    /** @return the one value of the parameter, or {@code null} when absent; repeated → 400 */
    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidInputException(name, name + " must be given at most once.");
        }
        return values.get(0) == null ? "" : values.get(0);
    }
}
