package org.omnilux.scanner.game.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.scanner.testkit.TestConfigurations;
import org.omnilux.scanner.testkit.TestScanContext;

/** The mapping of the PID {@code org.omnilux.scanner.game} to what the scanner does. */
class GameScannerConfigTest {

    @TempDir
    Path root;

    @Test
    void theDefaultsAreTheBuiltInBehaviour() {
        GameSettings settings = new GameScanner(TestConfigurations.defaults(GameScanner.Config.class)).settings();

        assertEquals(List.of("nes", "sfc", "smc", "swc", "fig", "gb", "gbc", "gba", "n64", "z64", "v64", "md", "gen",
                "smd", "32x", "sms", "gg", "nds", "3ds", "cia", "xci", "nsp", "pce", "a26", "gcm", "rvz", "wbfs", "wua",
                "wud", "wux", "iso", "bin", "img", "chd", "cue", "gdi", "cdi", "cso", "pbp", "m3u", "zip", "7z"),
                settings.extensions());
        assertEquals(Map.of(), settings.platformFolders());
        assertFalse(settings.looseArchives());
        assertEquals(GameSettings.DEFAULTS, settings);
        assertEquals(settings.extensions(), new GameScanner().descriptor().extensions);
    }

    @Test
    void platformFoldersOfOnesOwnNameThePlatform() throws Exception {
        Files.createDirectories(root.resolve("Roms"));
        Path zip = Files.write(root.resolve("Roms/Super Mario World (USA).zip"), new byte[64]);
        GameScanner scanner = new GameScanner(TestConfigurations.defaults(GameScanner.Config.class));
        assertFalse(scanner.accepts(zip, root), "a zip outside a platform folder");

        scanner.modified(TestConfigurations.of(GameScanner.Config.class,
                Map.of("platformFolders", "roms = snes, Pocket Stuff=Game Boy Advance")));

        assertTrue(scanner.accepts(zip, root));
        MediaRecord record = scanner.recognise(TestScanContext.builder(zip).root(root).build()).orElseThrow();
        assertEquals("Super Mario World", record.title);
        assertEquals("Super Nintendo Entertainment System", record.metadata.get("platform"));
        assertEquals(Map.of("roms", Platform.SNES, "pocketstuff", Platform.GAME_BOY_ADVANCE),
                scanner.settings().platformFolders());
    }

    @Test
    void looseArchivesAndExtensionsFollowTheConfiguration() {
        GameScanner scanner = new GameScanner(TestConfigurations.of(GameScanner.Config.class,
                Map.of("looseArchives", "true", "extensions", new String[] {"zip", "sfc, .ROM"})));

        assertTrue(scanner.accepts(root.resolve("Downloads/Game (USA).zip"), root));
        assertTrue(scanner.accepts(root.resolve("Game (USA).rom"), root));
        assertFalse(scanner.accepts(root.resolve("SNES/Game (USA).smc"), root));
        assertEquals(List.of("zip", "sfc", "rom"), scanner.descriptor().extensions);
    }

    @Test
    void aPlatformFolderEntryThatNamesNoPlatformIsRefused() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new GameScanner(TestConfigurations.of(GameScanner.Config.class,
                        Map.of("platformFolders", "roms=Virtual Boy"))));
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
                () -> GameSettings.platformFolders(List.of("just a folder")));

        assertEquals("platformFolders: 'roms=Virtual Boy': no platform is called Virtual Boy", unknown.getMessage());
        assertEquals("platformFolders: 'just a folder' is not folder=platform", malformed.getMessage());
    }
}
