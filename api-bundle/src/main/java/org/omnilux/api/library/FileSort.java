package org.omnilux.api.library;

/**
 * Sort keys of the file listing; ties are always broken by id.
 *
 * @since 1.0
 */
public enum FileSort {
    TITLE, ADDED_AT, YEAR, SIZE;

    /** @return the name used in the API ({@code title}, {@code addedAt}, {@code year}, {@code size}) */
    public String apiName() {
        return switch (this) {
            case TITLE -> "title";
            case ADDED_AT -> "addedAt";
            case YEAR -> "year";
            case SIZE -> "size";
        };
    }
}
