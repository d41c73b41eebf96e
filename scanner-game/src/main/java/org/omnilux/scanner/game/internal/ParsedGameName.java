package org.omnilux.scanner.game.internal;

/**
 * What a game file's name says about it (No-Intro, Redump, GoodTools and TOSEC conventions).
 *
 * @param title      the title without tags, or {@code null} when the name holds nothing but tags
 * @param year       the year of a {@code (1995)} tag, or {@code null}
 * @param region     the normalised regions ({@code USA, Europe}), or {@code null}
 * @param disc       the disc number of a multi-disc set ({@code (Disc 2 of 3)} → 2), or {@code null}
 * @param discTotal  the number of discs when the name says it, or {@code null}
 * @param setKey     the name without its extension and disc tag, in lower case: equal for all discs of one set
 */
record ParsedGameName(String title, Integer year, String region, Integer disc, Integer discTotal, String setKey) {
}
