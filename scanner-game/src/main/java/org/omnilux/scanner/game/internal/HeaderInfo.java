package org.omnilux.scanner.game.internal;

/**
 * What a ROM or disc header says; every value may be {@code null} (a header without a title, a garbage header).
 *
 * @param platform      the platform the header proves (a PlayStation 2 boot file, the {@code SEGA} mark), or
 *                      {@code null} when the header does not tell
 * @param internalTitle the title stored in the header, trimmed, printable characters only
 * @param serial        the product code ({@code SLUS-01234}, {@code AGB-BPEE}, {@code NUS-NSME})
 * @param region        the region the header names, normalised like {@link Regions}
 * @param year          a release year the header holds (Mega Drive copyright line)
 */
record HeaderInfo(Platform platform, String internalTitle, String serial, String region, Integer year) {

    static final HeaderInfo NONE = new HeaderInfo(null, null, null, null, null);

    boolean isEmpty() {
        return platform == null && internalTitle == null && serial == null && region == null && year == null;
    }

    HeaderInfo withRegion(String newRegion) {
        return new HeaderInfo(platform, internalTitle, serial, newRegion, year);
    }
}
