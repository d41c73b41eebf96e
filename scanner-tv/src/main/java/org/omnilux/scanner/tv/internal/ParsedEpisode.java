package org.omnilux.scanner.tv.internal;

import java.time.LocalDate;

/**
 * What an episode's file and folder names say about it. Any component is {@code null} when the names do not
 * say it.
 *
 * @param showTitle       the show's title (from the show folder when there is one, else from the file name)
 * @param showYear        the year in the show's name ({@code Doctor Who (2005)})
 * @param season          the season number; {@code 0} for specials
 * @param episode         the episode number within the season
 * @param episodeEnd      the last episode of a multi-episode file ({@code S01E01-E03} → 3), else {@code null}
 * @param absoluteEpisode the episode number counted over the whole show (anime releases)
 * @param airDate         the air date of a date-based episode ({@code Show 2024-01-15})
 * @param episodeTitle    the episode's title
 */
public record ParsedEpisode(String showTitle, Integer showYear, Integer season, Integer episode, Integer episodeEnd,
        Integer absoluteEpisode, LocalDate airDate, String episodeTitle) {
}
