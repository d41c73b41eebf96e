package org.omnilux.scanner.movie.internal;

/**
 * What a movie's file and folder names say about it.
 *
 * @param title   the title, or {@code null} when the names hold none (only release tags, say)
 * @param year    the release year, or {@code null}
 * @param edition the edition ({@code Director's Cut}, {@code Extended}…), or {@code null}
 * @param tmdbId  the TMDB id, or {@code null}
 * @param imdbId  the IMDb id ({@code tt…}), or {@code null}
 * @param part    the part number of a movie split over several files, or {@code null}
 * @param extra   {@code true} for trailers, featurettes, samples and other extras that are not movies
 */
public record ParsedMovieName(String title, Integer year, String edition, Integer tmdbId, String imdbId,
        Integer part, boolean extra) {
}
