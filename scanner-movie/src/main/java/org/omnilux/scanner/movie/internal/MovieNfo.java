package org.omnilux.scanner.movie.internal;

import java.util.List;

/**
 * What a Kodi-style NFO sidecar says about a movie. Every value may be {@code null} when the NFO does not
 * say it; {@code genres} is empty then.
 */
public record MovieNfo(String title, Integer year, String overview, List<String> genres, Double rating,
        Integer tmdbId, String imdbId) {

    public MovieNfo {
        genres = genres == null ? List.of() : List.copyOf(genres);
    }
}
