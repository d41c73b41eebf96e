package org.omnilux.scanner.game.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The game platforms the scanner knows, with the names the API shows for them.
 *
 * <p><b>Display names</b> (the {@code platform} metadata value) follow one scheme: the manufacturer's full English
 * product name, with the manufacturer only where it is part of that name ("Nintendo 64", "Sega Saturn", but
 * "Game Boy", "PlayStation"); hardware sold under two names carries both, joined by a slash
 * ("Sega Mega Drive/Genesis", "PC Engine/TurboGrafx-16"). The names never change between versions: clients may
 * filter on them.
 *
 * <p><b>Folder names</b> recognised for each platform: its display name, the common short names of RomM,
 * ES-DE, RetroArch and Batocera ({@code snes}, {@code megadrive}, {@code psx}…), common long forms
 * ({@code Super Nintendo}, {@code Genesis}), and the No-Intro/Redump system names
 * ({@code Nintendo - Game Boy Advance}). Matching ignores case, spaces and punctuation.
 */
enum Platform {
    NES("Nintendo Entertainment System", List.of("nes"),
            List.of("nes", "famicom", "nintendoentertainmentsystem", "nintendofamicom")),
    SNES("Super Nintendo Entertainment System", List.of("sfc", "smc", "swc", "fig"),
            List.of("snes", "supernintendo", "superfamicom", "sfc", "supernes", "snesna")),
    N64("Nintendo 64", List.of("n64", "z64", "v64"), List.of("n64", "nintendo64")),
    GAMECUBE("Nintendo GameCube", List.of("gcm"), List.of("gc", "ngc", "gamecube", "nintendogamecube")),
    WII("Wii", List.of("wbfs"), List.of("wii", "nintendowii")),
    WII_U("Wii U", List.of("wua", "wud", "wux"), List.of("wiiu", "nintendowiiu")),
    SWITCH("Nintendo Switch", List.of("xci", "nsp"), List.of("switch", "nintendoswitch")),
    GAME_BOY("Game Boy", List.of("gb"), List.of("gb", "gameboy", "nintendogameboy")),
    GAME_BOY_COLOR("Game Boy Color", List.of("gbc"), List.of("gbc", "gameboycolor", "gameboycolour")),
    GAME_BOY_ADVANCE("Game Boy Advance", List.of("gba"), List.of("gba", "gameboyadvance")),
    NINTENDO_DS("Nintendo DS", List.of("nds"), List.of("nds", "ds", "nintendods")),
    NINTENDO_3DS("Nintendo 3DS", List.of("3ds", "cia"), List.of("3ds", "n3ds", "nintendo3ds")),
    PLAYSTATION("PlayStation", List.of(), List.of("psx", "ps1", "playstation", "playstation1", "sonyplaystation")),
    PLAYSTATION_2("PlayStation 2", List.of(), List.of("ps2", "playstation2")),
    PLAYSTATION_3("PlayStation 3", List.of(), List.of("ps3", "playstation3")),
    PSP("PlayStation Portable", List.of("cso", "pbp"), List.of("psp", "playstationportable")),
    MEGA_DRIVE("Sega Mega Drive/Genesis", List.of("md", "gen", "smd"),
            List.of("megadrive", "genesis", "md", "segamegadrive", "segagenesis", "megadrivegenesis",
                    "genesismegadrive", "segamegadrivegenesis")),
    SEGA_32X("Sega 32X", List.of("32x"), List.of("32x", "sega32x")),
    SEGA_CD("Sega CD/Mega-CD", List.of(), List.of("segacd", "megacd", "segamegacd", "segacdmegacd")),
    MASTER_SYSTEM("Sega Master System", List.of("sms"), List.of("mastersystem", "sms", "segamastersystem",
            "mastersystemmarkiii", "markiii")),
    GAME_GEAR("Sega Game Gear", List.of("gg"), List.of("gamegear", "gg", "segagamegear")),
    SATURN("Sega Saturn", List.of(), List.of("saturn", "segasaturn")),
    DREAMCAST("Sega Dreamcast", List.of("gdi", "cdi"), List.of("dreamcast", "dc", "segadreamcast")),
    PC_ENGINE("PC Engine/TurboGrafx-16", List.of("pce"), List.of("pce", "pcengine", "turbografx16",
            "turbografx", "tg16", "pcenginetg16", "pcengineturbografx16")),
    ATARI_2600("Atari 2600", List.of("a26"), List.of("atari2600", "2600", "vcs", "atarivcs")),
    NEO_GEO("Neo Geo", List.of(), List.of("neogeo", "snkneogeo")),
    ARCADE("Arcade", List.of(), List.of("arcade", "mame", "fbneo", "fba", "finalburn", "finalburnneo", "mame2003",
            "mameplus"));

    private static final Map<String, Platform> BY_FOLDER = new HashMap<>();
    private static final Map<String, Platform> BY_EXTENSION = new HashMap<>();
    /** The manufacturer prefixes of the No-Intro/Redump system names ({@code Nintendo - Game Boy}). */
    private static final List<String> MAKERS = List.of("nintendo", "sega", "sony", "nec", "atari", "snk");

    static {
        for (Platform platform : values()) {
            BY_FOLDER.put(normalise(platform.displayName), platform);
            for (String alias : platform.folderNames) {
                BY_FOLDER.put(alias, platform);
            }
            for (String extension : platform.extensions) {
                BY_EXTENSION.put(extension, platform);
            }
        }
    }

    private final String displayName;
    private final List<String> extensions;
    private final List<String> folderNames;

    Platform(String displayName, List<String> extensions, List<String> folderNames) {
        this.displayName = displayName;
        this.extensions = extensions;
        this.folderNames = folderNames;
    }

    /** @return the name the API shows, e.g. {@code Super Nintendo Entertainment System} */
    String displayName() {
        return displayName;
    }

    /** @return the platform a file with this extension can only belong to, or empty (ambiguous or unknown) */
    static Optional<Platform> byExtension(String extension) {
        return Optional.ofNullable(BY_EXTENSION.get(extension.toLowerCase(Locale.ROOT)));
    }

    /** @return the platform a folder of this name holds, or empty when the name is no platform's */
    static Optional<Platform> byFolderName(String folderName) {
        String key = normalise(folderName);
        Platform platform = BY_FOLDER.get(key);
        if (platform == null) {
            for (String maker : MAKERS) {
                if (key.startsWith(maker) && key.length() > maker.length()) {
                    platform = BY_FOLDER.get(key.substring(maker.length()));
                    if (platform != null) {
                        break;
                    }
                }
            }
        }
        return Optional.ofNullable(platform);
    }

    /**
     * The platform named by the nearest folder above the file, up to and including the root itself (a root
     * added as {@code /games/snes} names its platform).
     *
     * @return the platform, or empty when no folder on the way names one
     */
    static Optional<Platform> byFolders(Path file, Path root) {
        return byFolders(file, root, Map.of());
    }

    /**
     * As {@link #byFolders(Path, Path)}, with folder names of the user's own first.
     *
     * @param aliases {@link #normalise normalised} folder names to the platform they hold
     */
    static Optional<Platform> byFolders(Path file, Path root, Map<String, Platform> aliases) {
        Path folder = file.getParent();
        while (folder != null && folder.getFileName() != null) {
            String name = folder.getFileName().toString();
            Platform alias = aliases.isEmpty() ? null : aliases.get(normalise(name));
            Optional<Platform> platform = alias != null ? Optional.of(alias) : byFolderName(name);
            if (platform.isPresent() || root == null || folder.equals(root) || !folder.startsWith(root)) {
                return platform;
            }
            folder = folder.getParent();
        }
        return Optional.empty();
    }

    /** Lower case letters and digits only: {@code "Game Boy Advance"}, {@code "game-boy_advance"} → {@code gameboyadvance}. */
    static String normalise(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
