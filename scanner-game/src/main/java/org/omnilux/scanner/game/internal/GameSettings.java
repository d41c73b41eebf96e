package org.omnilux.scanner.game.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The game scanner's options as it uses them, read from its {@link GameScanner.Config}. Immutable: a configuration
 * change makes a new one, which the scanner swaps in whole.
 *
 * @param extensions       the ROM and disc image extensions taken, in the order the descriptor lists them
 * @param platformFolders  the user's own folder names ({@link Platform#normalise normalised}) to the platform they
 *                         hold, looked at before the built-in names
 * @param looseArchives    whether {@code .zip}/{@code .7z} files outside a platform folder are games too
 */
record GameSettings(List<String> extensions, Map<String, Platform> platformFolders, boolean looseArchives) {

    static final String DEFAULT_EXTENSIONS = "nes, sfc, smc, swc, fig, gb, gbc, gba, n64, z64, v64, md, gen, smd, "
            + "32x, sms, gg, nds, 3ds, cia, xci, nsp, pce, a26, gcm, rvz, wbfs, wua, wud, wux, iso, bin, img, chd, cue, "
            + "gdi, cdi, cso, pbp, m3u, zip, 7z";

    static final GameSettings DEFAULTS = new GameSettings(ConfigValues.extensions(new String[] {DEFAULT_EXTENSIONS}),
            Map.of(), false);

    GameSettings {
        extensions = List.copyOf(extensions);
        platformFolders = Map.copyOf(platformFolders);
    }

    /**
     * @throws IllegalArgumentException when a platform folder entry is not {@code folder=platform} or names a
     *         platform the scanner does not know, rather than sorting games under no platform in silence: at
     *         activation the component then fails (DS reports why, and {@code /api/plugins} shows it); from
     *         {@code @Modified}, DS logs it and the scanner keeps its previous settings
     */
    static GameSettings from(GameScanner.Config config) {
        return new GameSettings(ConfigValues.extensions(config.extensions()),
                platformFolders(ConfigValues.items(config.platformFolders())), config.looseArchives());
    }

    /** {@code retro-snes=snes}, {@code Handhelds GBA = Game Boy Advance}: the right side is any name the scanner knows. */
    static Map<String, Platform> platformFolders(List<String> entries) {
        Map<String, Platform> out = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            String folder = eq < 0 ? "" : Platform.normalise(entry.substring(0, eq));
            String target = eq < 0 ? "" : entry.substring(eq + 1).strip();
            if (folder.isEmpty() || target.isEmpty()) {
                throw new IllegalArgumentException("platformFolders: '" + entry + "' is not folder=platform");
            }
            Platform platform = Platform.byFolderName(target).orElseThrow(() -> new IllegalArgumentException(
                    "platformFolders: '" + entry + "': no platform is called " + target));
            out.put(folder, platform);
        }
        return out;
    }

    boolean accepts(String extension) {
        return extensions.contains(extension);
    }

    Optional<Platform> platformByFolders(Path file, Path root) {
        return Platform.byFolders(file, root, platformFolders);
    }
}
