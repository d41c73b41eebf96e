package org.omnilux.scanner.game.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanException;
import org.omnilux.api.scanner.MediaTypeDescriptor;
import org.omnilux.api.scanner.MetadataField;
import org.omnilux.api.scanner.ScannerDescriptor;

class GameScannerTest extends GameFilesTest {

    @Test
    void describesTheGameTypeWithItsFields() {
        ScannerDescriptor descriptor = scanner.descriptor();

        assertEquals(1, descriptor.mediaTypes.size());
        MediaTypeDescriptor game = descriptor.mediaTypes.get(0);
        assertEquals("game", game.name);
        assertEquals(List.of("platform", "region", "serial", "internalTitle"),
                game.fields.stream().map(field -> field.name).toList());
        assertTrue(game.fields.stream().allMatch(field -> field.type == MetadataField.Type.STRING));
        assertTrue(descriptor.extensions.containsAll(List.of("nes", "sfc", "gba", "iso", "chd", "cue", "m3u", "zip")));
    }

    @Test
    void acceptsGameFilesAndArchivesOnlyUnderAPlatformFolder() {
        assertTrue(scanner.accepts(root.resolve("Super Mario World (USA).SFC"), root));
        assertTrue(scanner.accepts(root.resolve("psx/Final Fantasy VII (USA) (Disc 1).cue"), root));
        assertTrue(scanner.accepts(root.resolve("Some Disc.iso"), root));
        assertTrue(scanner.accepts(root.resolve("snes/Super Metroid (JUE).zip"), root));
        assertTrue(scanner.accepts(root.resolve("Nintendo - Game Boy Advance/Tetris (Europe).7z"), root));
        assertTrue(scanner.accepts(root.resolve("arcade/sf2.zip"), root));
        assertFalse(scanner.accepts(root.resolve("downloads/stuff.zip"), root));
        assertFalse(scanner.accepts(root.resolve("Tetris (Europe).7z"), root));
        assertFalse(scanner.accepts(root.resolve("snes/manual.pdf"), root));
        assertTrue(scanner.accepts(root.resolve("snes/Game.zip"), root.resolve("snes")), "the root's own name counts");
    }

    @Test
    void recognisesASnesRomFromItsNameAndHeaderWithoutProbing() throws Exception {
        Path file = write("SNES/Super Mario World (USA).sfc", Roms.snes("SUPER MARIOWORLD", 0x01, 512 * 1024, false, false));

        MediaRecord record = recognise(file).orElseThrow();

        assertEquals("Super Mario World", record.title);
        assertNull(record.year);
        assertEquals("sfc", record.container);
        assertNull(record.probe);
        assertNull(record.durationSeconds);
        assertEquals(Map.of("platform", "Super Nintendo Entertainment System", "region", "USA",
                "internalTitle", "SUPER MARIOWORLD"), record.metadata);
    }

    @Test
    void theHeaderFillsWhatTheNameLacks() throws Exception {
        Path file = write("pokemon.gba", Roms.gameBoyAdvance("POKEMON EMER", "BPEE"));

        MediaRecord record = recognise(file).orElseThrow();

        assertEquals("pokemon", record.title);
        assertEquals(Map.of("platform", "Game Boy Advance", "region", "USA", "serial", "AGB-BPEE",
                "internalTitle", "POKEMON EMER"), record.metadata);
    }

    @Test
    void theNameRegionWinsOverTheHeader() throws Exception {
        Path file = write("Super Mario 64 (USA, Europe).v64",
                Roms.n64Order(Roms.nintendo64("SUPER MARIO 64", "NSME"), "v64"));

        MediaRecord record = recognise(file).orElseThrow();

        assertEquals("USA, Europe", record.metadata.get("region"));
        assertEquals("NUS-NSME", record.metadata.get("serial"));
        assertEquals("Nintendo 64", record.metadata.get("platform"));
        assertEquals("v64", record.container);
    }

    @Test
    void aHeaderProvesThePlatformOfAnAmbiguousFile() throws Exception {
        Path gbc = write("Zelda DX.gb", Roms.gameBoy("ZELDA", 0xC0, null, 0x01));
        assertEquals("Game Boy Color", recognise(gbc).orElseThrow().metadata.get("platform"));

        Path megaDrive = write("Sonic.bin", Roms.megaDrive("SEGA MEGA DRIVE", "(C)SEGA 1991.APR", "SONIC", "SONIC",
                "GM 00001009-00", "JUE"));
        MediaRecord sonic = recognise(megaDrive).orElseThrow();
        assertEquals("Sega Mega Drive/Genesis", sonic.metadata.get("platform"));
        assertEquals(1991, sonic.year, "the copyright line of the header");
        assertEquals("bin", sonic.container);

        Path ps2 = write("Some Game.iso", Roms.iso9660("SYSTEM.CNF",
                "BOOT2 = cdrom0:\\SLUS_200.62;1\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Map.of("platform", "PlayStation 2", "region", "USA", "serial", "SLUS-20062"),
                recognise(ps2).orElseThrow().metadata);
    }

    @Test
    void platformFromTheFolderForArchivesAndUnreadableImages() throws Exception {
        Path zip = write("Nintendo 64/GoldenEye 007 (USA).zip", new byte[] {'P', 'K', 3, 4});
        Path chd = write("Sony - PlayStation/Tekken 3 (Europe).chd", new byte[100]);
        Path pbp = write("psx/Crash Bandicoot (USA).pbp", new byte[100]);
        Path cso = write("Crisis Core (USA).cso", new byte[100]);

        assertEquals(Map.of("platform", "Nintendo 64", "region", "USA"), recognise(zip).orElseThrow().metadata);
        assertEquals("zip", recognise(zip).orElseThrow().container);
        assertEquals("PlayStation", recognise(chd).orElseThrow().metadata.get("platform"));
        assertEquals("PlayStation", recognise(pbp).orElseThrow().metadata.get("platform"), "the folder claims a .pbp");
        assertEquals("PlayStation Portable", recognise(cso).orElseThrow().metadata.get("platform"));
    }

    @Test
    void anAmbiguousFileWithoutFolderOrHeaderIsListedWithoutPlatform() throws Exception {
        Path iso = write("Mystery Disc (Europe).iso", Roms.iso9660("README.TXT", new byte[10]));
        Path chd = write("Unknown.chd", new byte[100]);

        MediaRecord record = recognise(iso).orElseThrow();
        assertEquals("Mystery Disc", record.title);
        assertEquals(Map.of("region", "Europe"), record.metadata);
        assertEquals(Map.of(), recognise(chd).orElseThrow().metadata);
    }

    @Test
    void aCueSheetRepresentsItsBinsAndReadsTheRawDisc() throws Exception {
        Path bin = write("psx/Crash Bandicoot (USA).bin",
                Roms.raw2352(Roms.iso9660("SYSTEM.CNF", "BOOT = cdrom:\\SCUS_949.00;1\r\n".getBytes(StandardCharsets.US_ASCII))));
        Path cue = writeText("psx/Crash Bandicoot (USA).cue", """
                FILE "Crash Bandicoot (USA).bin" BINARY
                  TRACK 01 MODE2/2352
                    INDEX 01 00:00:00
                """);

        MediaRecord record = recognise(cue).orElseThrow();

        assertEquals("Crash Bandicoot", record.title);
        assertEquals("cue", record.container);
        assertEquals(Map.of("platform", "PlayStation", "region", "USA", "serial", "SCUS-94900"), record.metadata);
        assertTrue(recognise(bin).isEmpty(), "the bin is part of the cue's game");
    }

    @Test
    void multiTrackBinsNamedByTheSheetAreNotGames() throws Exception {
        Path track1 = write("Ridge Racer (Europe) (Track 01).bin", new byte[64]);
        Path track2 = write("Ridge Racer (Europe) (Track 02).bin", new byte[64]);
        Path unrelated = write("Other Game.bin", new byte[64]);
        writeText("Ridge Racer (Europe).cue", """
                FILE "Ridge Racer (Europe) (Track 01).bin" BINARY
                  TRACK 01 MODE2/2352
                    INDEX 01 00:00:00
                FILE "RIDGE RACER (EUROPE) (TRACK 02).BIN" BINARY
                  TRACK 02 AUDIO
                    INDEX 01 00:00:00
                """);

        assertTrue(recognise(track1).isEmpty());
        assertTrue(recognise(track2).isEmpty(), "names in a sheet are matched regardless of case");
        assertTrue(recognise(unrelated).isPresent());
    }

    @Test
    void theFirstDiscRepresentsAMultiDiscSet() throws Exception {
        Path disc1 = write("psx/Final Fantasy VII (USA) (Disc 1).chd", new byte[100]);
        Path disc2 = write("psx/Final Fantasy VII (USA) (Disc 2).chd", new byte[100]);
        Path disc3 = write("psx/Final Fantasy VII (USA) (Disc 3).chd", new byte[100]);
        Path other = write("psx/Final Fantasy VIII (USA) (Disc 2).chd", new byte[100]);

        MediaRecord record = recognise(disc1).orElseThrow();
        assertEquals("Final Fantasy VII", record.title);
        assertTrue(recognise(disc2).isEmpty());
        assertTrue(recognise(disc3).isEmpty());
        assertTrue(recognise(other).isPresent(), "another game's lowest disc present");
    }

    @Test
    void cueBinDiscSetsCollapseToTheFirstCue() throws Exception {
        for (int disc = 1; disc <= 2; disc++) {
            write("psx/Metal Gear Solid (USA) (Disc " + disc + ").bin", Roms.raw2352(Roms.iso9660("SYSTEM.CNF",
                    ("BOOT = cdrom:\\SLUS_0059" + (3 + disc) + ".;1\r\n").getBytes(StandardCharsets.US_ASCII))));
            writeText("psx/Metal Gear Solid (USA) (Disc " + disc + ").cue",
                    "FILE \"Metal Gear Solid (USA) (Disc " + disc + ").bin\" BINARY\n  TRACK 01 MODE2/2352\n");
        }
        List<MediaRecord> games = recogniseAll(root.resolve("psx"));

        assertEquals(1, games.size(), games.toString());
        assertEquals("Metal Gear Solid", games.get(0).title);
        assertEquals("cue", games.get(0).container);
    }

    @Test
    void anM3uPlaylistRepresentsTheWholeSet() throws Exception {
        for (int disc = 1; disc <= 2; disc++) {
            write("psx/Xenogears (USA) (Disc " + disc + ").bin", Roms.raw2352(Roms.iso9660("SYSTEM.CNF",
                    ("BOOT = cdrom:\\SLUS_006." + (63 + disc) + ";1\r\n").getBytes(StandardCharsets.US_ASCII))));
            writeText("psx/Xenogears (USA) (Disc " + disc + ").cue",
                    "FILE \"Xenogears (USA) (Disc " + disc + ").bin\" BINARY\n  TRACK 01 MODE2/2352\n");
        }
        Path m3u = writeText("psx/Xenogears (USA).m3u", "#EXTM3U\nXenogears (USA) (Disc 1).cue\nXenogears (USA) (Disc 2).cue\n");

        List<MediaRecord> games = recogniseAll(root.resolve("psx"));

        assertEquals(1, games.size(), games.toString());
        MediaRecord game = recognise(m3u).orElseThrow();
        assertEquals("Xenogears", game.title);
        assertEquals("m3u", game.container);
        assertEquals(Map.of("platform", "PlayStation", "region", "USA", "serial", "SLUS-00664"), game.metadata,
                "the header of the first disc's first track");
    }

    @Test
    void anM3uOneFolderUpRepresentsDiscsInASubfolder() throws Exception {
        byte[] image = Roms.iso9660("SYSTEM.CNF", "BOOT2 = cdrom0:\\SLES_512.34;1\n".getBytes(StandardCharsets.US_ASCII));
        Path disc1 = write("ps2/Discs/Game X (Disc 1).iso", image);
        Path disc2 = write("ps2/Discs/Game X (Disc 2).iso", image);
        Path m3u = writeText("ps2/Game X.m3u", "Discs/Game X (Disc 1).iso\r\nDiscs\\Game X (Disc 2).iso\r\n");

        assertTrue(recognise(disc1).isEmpty());
        assertTrue(recognise(disc2).isEmpty());
        assertEquals(Map.of("platform", "PlayStation 2", "region", "Europe", "serial", "SLES-51234"),
                recognise(m3u).orElseThrow().metadata);
    }

    @Test
    void brokenListsAreScanErrors() throws Exception {
        Path cue = writeText("psx/Lost (USA).cue", "FILE \"Lost (USA).bin\" BINARY\n  TRACK 01 MODE2/2352\n");
        Path empty = writeText("psx/Nothing.m3u", "# only a comment\n");

        assertEquals("the cue sheet names Lost (USA).bin, which is missing",
                assertThrows(MediaScanException.class, () -> recognise(cue)).getMessage());
        assertEquals("the playlist names no disc",
                assertThrows(MediaScanException.class, () -> recognise(empty)).getMessage());
    }

    @Test
    void aThreeByteRomIsAScanError() throws Exception {
        Path rom = write("snes/Tiny (USA).sfc", new byte[] {1, 2, 3});

        MediaScanException e = assertThrows(MediaScanException.class, () -> recognise(rom));

        assertEquals("file too small to be a Super Nintendo Entertainment System ROM", e.getMessage());
    }

    @Test
    void tooSmallDiscImagesAndEmptyFiles() throws Exception {
        Path iso = write("Tiny.iso", new byte[] {1, 2, 3});
        Path psxBin = write("psx/Tiny.bin", new byte[] {1, 2, 3});
        Path looseBin = write("Pitfall (USA).bin", new byte[4096]);
        Path empty = write("Empty (USA).nes", new byte[0]);

        assertEquals("file too small to be a disc image",
                assertThrows(MediaScanException.class, () -> recognise(iso)).getMessage());
        assertEquals("file too small to be a PlayStation disc image",
                assertThrows(MediaScanException.class, () -> recognise(psxBin)).getMessage());
        assertEquals("Pitfall", recognise(looseBin).orElseThrow().title, "a small .bin may be a cartridge dump");
        assertEquals("empty file", assertThrows(MediaScanException.class, () -> recognise(empty)).getMessage());
    }

    @Test
    void garbageHeadersLeaveValuesOutAndNeverFail() throws Exception {
        byte[] noise = new byte[1024 * 1024];
        new java.util.Random(42).nextBytes(noise);
        for (String name : List.of("a.nes", "a.sfc", "a.gb", "a.gba", "a.z64", "a.md", "a.smd", "a.nds", "a.iso",
                "a.bin", "a.gcm")) {
            Path file = write("noise/" + name, noise);
            MediaRecord record = recognise(file).orElseThrow();
            assertEquals("a", record.title, name);
            assertFalse(record.metadata.containsKey("serial"), name + ": " + record.metadata);
        }
    }
}
