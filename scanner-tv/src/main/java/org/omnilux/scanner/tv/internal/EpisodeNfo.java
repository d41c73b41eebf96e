package org.omnilux.scanner.tv.internal;

import java.time.LocalDate;

/**
 * What a Kodi {@code <episodedetails>} NFO says about an episode file. Any component may be {@code null}.
 *
 * @param showTitle  {@code <showtitle>}
 * @param title      {@code <title>}; for a multi-episode file the titles joined with {@code " / "}
 * @param season     {@code <season>}
 * @param episode    {@code <episode>} of the first episode
 * @param episodeEnd the last episode of a multi-episode NFO (several {@code <episodedetails>}), else {@code null}
 * @param aired      {@code <aired>}
 * @param plot       {@code <plot>}, else {@code <outline>}
 */
public record EpisodeNfo(String showTitle, String title, Integer season, Integer episode, Integer episodeEnd,
        LocalDate aired, String plot) {
}
