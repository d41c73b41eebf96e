package org.omnilux.scanner.game.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Region names as No-Intro and Redump write them ({@code USA}, {@code Europe}, {@code Japan}, {@code World}…),
 * and the codes headers and older naming schemes use for them. Several regions are joined by {@code ", "}
 * ({@code USA, Europe}), as in the No-Intro names.
 */
final class Regions {

    /** The region words of No-Intro and Redump names, keyed by their lower-case form. */
    private static final Map<String, String> NAMES = byLowerCase(List.of("World", "USA", "Europe", "Japan", "Asia",
            "Australia", "Brazil", "Canada", "China", "France", "Germany", "Hong Kong", "Italy", "Korea",
            "Netherlands", "Spain", "Sweden", "Taiwan", "UK", "Russia", "Scandinavia", "Latin America", "Greece",
            "Denmark", "Finland", "Norway", "Poland", "Portugal", "Mexico", "Belgium", "Switzerland", "Austria",
            "India", "New Zealand", "South Africa", "Croatia", "Ireland", "Argentina", "Unknown"));

    /** GoodTools codes: {@code (U)}, {@code (E)}, {@code (JU)}, {@code (Ch)}… */
    private static final Map<String, String> GOODTOOLS = Map.ofEntries(
            Map.entry("U", "USA"), Map.entry("E", "Europe"), Map.entry("J", "Japan"), Map.entry("W", "World"),
            Map.entry("UE", "USA, Europe"), Map.entry("JU", "Japan, USA"), Map.entry("JE", "Japan, Europe"),
            Map.entry("JUE", "World"), Map.entry("A", "Australia"), Map.entry("As", "Asia"),
            Map.entry("B", "Brazil"), Map.entry("C", "China"), Map.entry("Ch", "China"), Map.entry("F", "France"),
            Map.entry("FC", "Canada"), Map.entry("G", "Germany"), Map.entry("Gr", "Greece"),
            Map.entry("HK", "Hong Kong"), Map.entry("I", "Italy"), Map.entry("K", "Korea"),
            Map.entry("Nl", "Netherlands"), Map.entry("No", "Norway"), Map.entry("R", "Russia"),
            Map.entry("S", "Spain"), Map.entry("Sw", "Sweden"), Map.entry("UK", "UK"), Map.entry("Unk", "Unknown"));

    /** TOSEC country codes ({@code (US)}, {@code (EU)}, {@code (JP)}), upper case as TOSEC writes them. */
    private static final Map<String, String> TOSEC = Map.ofEntries(
            Map.entry("US", "USA"), Map.entry("EU", "Europe"), Map.entry("JP", "Japan"), Map.entry("GB", "UK"),
            Map.entry("DE", "Germany"), Map.entry("FR", "France"), Map.entry("IT", "Italy"),
            Map.entry("ES", "Spain"), Map.entry("KR", "Korea"), Map.entry("AU", "Australia"),
            Map.entry("BR", "Brazil"), Map.entry("CN", "China"), Map.entry("NL", "Netherlands"),
            Map.entry("SE", "Sweden"), Map.entry("TW", "Taiwan"), Map.entry("RU", "Russia"));

    private Regions() {
    }

    /**
     * Reads the contents of one name tag as a region list: {@code USA, Europe}, {@code U}, {@code JU}, {@code US}.
     *
     * @return the normalised regions, or {@code null} when the tag is something else (a language list, a revision)
     */
    static String fromTag(String tag) {
        String trimmed = tag.trim();
        String good = GOODTOOLS.get(trimmed);
        if (good != null) {
            return good;
        }
        String tosec = TOSEC.get(trimmed);
        if (tosec != null) {
            return tosec;
        }
        Set<String> regions = new LinkedHashSet<>();
        for (String part : trimmed.split(",")) {
            String name = NAMES.get(part.trim().toLowerCase(Locale.ROOT));
            if (name == null) {
                return null;
            }
            regions.add(name);
        }
        return regions.isEmpty() ? null : String.join(", ", regions);
    }

    /**
     * The region letter that ends Nintendo game codes (Game Boy Advance, DS, Nintendo 64, GameCube, Wii):
     * {@code AGB-BPEE} → {@code E} → USA.
     *
     * @return the region, or {@code null} for an unknown letter
     */
    static String fromNintendoCode(char code) {
        return switch (code) {
            case 'A' -> "Asia";
            case 'B' -> "Brazil";
            case 'C' -> "China";
            case 'D' -> "Germany";
            case 'E' -> "USA";
            case 'F' -> "France";
            case 'H' -> "Netherlands";
            case 'I' -> "Italy";
            case 'J' -> "Japan";
            case 'K' -> "Korea";
            case 'N' -> "Canada";
            case 'P', 'X', 'Y', 'Z' -> "Europe";
            case 'R' -> "Russia";
            case 'S' -> "Spain";
            case 'U' -> "Australia";
            case 'W' -> "Scandinavia";
            default -> null;
        };
    }

    /** The destination code of a Super NES internal header (byte 0x19 of the header). */
    static String fromSnesDestination(int code) {
        return switch (code) {
            case 0x00 -> "Japan";
            case 0x01 -> "USA";
            case 0x02 -> "Europe";
            case 0x03 -> "Scandinavia";
            case 0x04 -> "Finland";
            case 0x05 -> "Denmark";
            case 0x06 -> "France";
            case 0x07 -> "Netherlands";
            case 0x08 -> "Spain";
            case 0x09 -> "Germany";
            case 0x0A -> "Italy";
            case 0x0B -> "China";
            case 0x0D -> "Korea";
            case 0x0E -> "World";
            case 0x0F -> "Canada";
            case 0x10 -> "Brazil";
            case 0x11 -> "Australia";
            default -> null;
        };
    }

    /**
     * The region field of a Mega Drive header (0x1F0): the old letters {@code J}, {@code U}, {@code E} in any
     * combination, or the later single hexadecimal digit (bit 0/1 Japan, bit 2 Americas, bit 3 Europe).
     */
    static String fromMegaDrive(String field) {
        String value = field.trim();
        if (value.isEmpty()) {
            return null;
        }
        boolean japan = false;
        boolean usa = false;
        boolean europe = false;
        if (value.length() == 1 && Character.digit(value.charAt(0), 16) >= 0 && "JUE".indexOf(value.charAt(0)) < 0) {
            int bits = Character.digit(value.charAt(0), 16);
            japan = (bits & 0x3) != 0;
            usa = (bits & 0x4) != 0;
            europe = (bits & 0x8) != 0;
        } else {
            for (char c : value.toCharArray()) {
                switch (c) {
                    case 'J' -> japan = true;
                    case 'U' -> usa = true;
                    case 'E' -> europe = true;
                    case ' ' -> { }
                    default -> {
                        return null;
                    }
                }
            }
        }
        return join(usa, europe, japan);
    }

    /**
     * The region a PlayStation product code names by its third letter: {@code SLUS} → USA, {@code SCES} → Europe,
     * {@code SLPS}/{@code SLPM} → Japan, {@code ULJM} (PSP) → Japan, {@code SCAJ} → Asia, {@code SLKA} → Korea.
     */
    static String fromPlayStationPrefix(String prefix) {
        if (prefix.length() != 4) {
            return null;
        }
        return switch (prefix.charAt(2)) {
            case 'U' -> "USA";
            case 'E' -> "Europe";
            case 'P', 'J' -> "Japan";
            case 'A' -> "Asia";
            case 'K' -> "Korea";
            default -> null;
        };
    }

    /** Joins the three main markets the way No-Intro orders them; all three are {@code World}. */
    private static String join(boolean usa, boolean europe, boolean japan) {
        if (usa && europe && japan) {
            return "World";
        }
        List<String> parts = new ArrayList<>(3);
        if (japan && (usa || europe)) {
            parts.add("Japan");
        }
        if (usa) {
            parts.add("USA");
        }
        if (europe) {
            parts.add("Europe");
        }
        if (japan && parts.isEmpty()) {
            parts.add("Japan");
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static Map<String, String> byLowerCase(List<String> names) {
        Map<String, String> map = new java.util.HashMap<>();
        for (String name : names) {
            map.put(name.toLowerCase(Locale.ROOT), name);
        }
        return Map.copyOf(map);
    }
}
