package org.omnilux.scanner.game.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanException;

/**
 * The quirks of ROM and disc image files as users really have them (old copier dumps, the three N64 byte orders,
 * garbage in old iNES headers, CUE sheets written on Windows…), through the scanner as the core calls it.
 */
class RealWorldRomsTest extends GameFilesTest {

    // --- Super NES ---

    @Test
    void smcWithACopierHeaderBeforeALoRom() throws Exception {
        byte[] rom = Roms.snes("Super Metroid", 0x00, 3 * 1024 * 1024, false, true);
        Path file = write("snes/Super Metroid (JUE) [!].smc", rom);

        MediaRecord record = recognise(file).orElseThrow();

        assertEquals("Super Metroid", record.title);
        assertEquals("smc", record.container);
        assertEquals(Map.of("platform", "Super Nintendo Entertainment System", "region", "World",
                "internalTitle", "Super Metroid"), record.metadata);
    }

    @Test
    void hiRomIsFoundPastAPrintableButBrokenLoRomLookalike() throws Exception {
        byte[] rom = Roms.snes("SECRET OF MANA", 0x01, 2 * 1024 * 1024, true, false);
        // game data at the LoROM spot that looks like a title with a LoROM map byte, but without a checksum pair
        Roms.put(rom, 0x7FC0, "NOT THE TITLE        ".getBytes(StandardCharsets.US_ASCII));
        rom[0x7FC0 + 0x15] = 0x20;

        MediaRecord record = recognise(write("Secret of Mana.sfc", rom)).orElseThrow();

        assertEquals(Map.of("platform", "Super Nintendo Entertainment System", "region", "USA",
                "internalTitle", "SECRET OF MANA"), record.metadata);
    }

    @Test
    void exHiRomHeaderAtFourMegabytes() throws Exception {
        byte[] rom = Roms.snes("TALES OF PHANTASIA", 0x00, 6 * 1024 * 1024, 0x40FFC0, 0x35, false);

        MediaRecord record = recognise(write("Tales of Phantasia (Japan).sfc", rom)).orElseThrow();

        assertEquals(Map.of("platform", "Super Nintendo Entertainment System", "region", "Japan",
                "internalTitle", "TALES OF PHANTASIA"), record.metadata);
    }

    @Test
    void exHiRomTranslationPatchWithAStaleChecksum() throws Exception {
        // fan translations patch the ROM and seldom fix the checksum: the header is still where the map mode says
        byte[] rom = Roms.snes("TALES OF PHANTASIA", 0x00, 6 * 1024 * 1024, 0x40FFC0, 0x35, false);
        rom[0x40FFC0 + 0x1E] ^= 0x55;

        MediaRecord record = recognise(write("Tales of Phantasia (Japan) [T-En by DeJap].sfc", rom)).orElseThrow();

        assertEquals("Tales of Phantasia", record.title);
        assertEquals("TALES OF PHANTASIA", record.metadata.get("internalTitle"));
    }

    @Test
    void sa1TranslationPatchWithAStaleChecksum() throws Exception {
        // SA-1 boards (map mode 0x23) are LoROM although bit 0 of their map mode is set
        byte[] rom = Roms.snes("SUPER MARIO RPG", 0x01, 4 * 1024 * 1024, 0x7FC0, 0x23, false);
        rom[0x7FC0 + 0x1E] ^= 0x55;

        MediaRecord record = recognise(write("Super Mario RPG (USA) [T+Fre].sfc", rom)).orElseThrow();

        assertEquals("SUPER MARIO RPG", record.metadata.get("internalTitle"));
    }

    // --- Nintendo 64 ---

    @ParameterizedTest(name = "{1} bytes in a .{0} file")
    @CsvSource({"z64, z64", "v64, v64", "n64, n64", "n64, z64", "z64, v64", "v64, n64"})
    void nintendo64InEveryByteOrderUnderEveryExtension(String extension, String order) throws Exception {
        byte[] rom = Roms.n64Order(Roms.nintendo64("THE LEGEND OF ZELDA", "CZLE"), order);

        MediaRecord record = recognise(write("Legend of Zelda, The - Ocarina of Time (USA) (Rev 2)." + extension, rom))
                .orElseThrow();

        assertEquals("The Legend of Zelda - Ocarina of Time", record.title);
        assertEquals(extension, record.container);
        assertEquals(Map.of("platform", "Nintendo 64", "region", "USA", "serial", "NUS-CZLE",
                "internalTitle", "THE LEGEND OF ZELDA"), record.metadata);
    }

    // --- NES ---

    @Test
    void diskDudeGarbageInAnOldInesHeaderIsIgnored() throws Exception {
        byte[] rom = Roms.ines(4, false, 0);
        // old dumps carry the ripper's signature in bytes 7-15; byte 9 ('s') then has its PAL bit set
        Roms.put(rom, 7, "DiskDude!".getBytes(StandardCharsets.US_ASCII));

        MediaRecord record = recognise(write("nes/smb3.nes", rom)).orElseThrow();

        assertEquals("smb3", record.title);
        assertEquals(Map.of("platform", "Nintendo Entertainment System"), record.metadata,
                "no PAL region out of a ripper's signature");
        assertEquals(4, CartridgeHeaders.nesMapper(rom), "the mapper's high nibble is garbage too: MMC3 stays 4");
    }

    @Test
    void nes2HeaderGivesItsTvSystem() throws Exception {
        MediaRecord record = recognise(write("elite.nes", Roms.ines(1, true, 1))).orElseThrow();

        assertEquals(Map.of("platform", "Nintendo Entertainment System", "region", "PAL"), record.metadata);
    }

    // --- Game Boy family ---

    @Test
    void gameBoyColorOnlyGameWithAGameCodeHasAnElevenByteTitle() throws Exception {
        Path file = write("gbc/Pokemon - Crystal Version (USA, Europe) (Rev 1).gbc",
                Roms.gameBoy("PM_CRYSTAL", 0xC0, "BYTE", 0x01));

        MediaRecord record = recognise(file).orElseThrow();

        assertEquals("Pokemon - Crystal Version", record.title);
        assertEquals(Map.of("platform", "Game Boy Color", "region", "USA, Europe", "serial", "CGB-BYTE",
                "internalTitle", "PM_CRYSTAL"), record.metadata);
    }

    @Test
    void gameBoyColorTitleWithoutGameCodeHasFifteenBytes() throws Exception {
        byte[] rom = Roms.gameBoy("BUGS BUNNY CRAZ", 0x80, null, 0x01);

        MediaRecord record = recognise(write("Bugs Bunny.gbc", rom)).orElseThrow();

        assertEquals(Map.of("platform", "Game Boy Color", "internalTitle", "BUGS BUNNY CRAZ"), record.metadata,
                "the CGB flag at 0x143 is no part of the title");
    }

    @Test
    void gameBoyAdvanceInItsFolderWithTheGameCode() throws Exception {
        Path file = write("Game Boy Advance/Mother 3 (Japan) (En,Ja).gba", Roms.gameBoyAdvance("MOTHER3", "A3UJ"));

        MediaRecord record = recognise(file).orElseThrow();

        assertEquals("Mother 3", record.title);
        assertEquals(Map.of("platform", "Game Boy Advance", "region", "Japan", "serial", "AGB-A3UJ",
                "internalTitle", "MOTHER3"), record.metadata);
    }

    // --- Mega Drive ---

    @Test
    void megaDriveBinInAMegaDriveFolder() throws Exception {
        byte[] rom = Roms.megaDrive("SEGA MEGA DRIVE ", "(C)SEGA 1992.SEP", "SONIC THE HEDGEHOG 2",
                "SONIC THE HEDGEHOG 2", "GM 00001051-00", "JUE");
        Path file = write("Mega Drive/Sonic The Hedgehog 2 (World) (Rev A).bin", rom);

        MediaRecord record = recognise(file).orElseThrow();

        assertEquals("Sonic The Hedgehog 2", record.title);
        assertEquals(1992, record.year);
        assertEquals(Map.of("platform", "Sega Mega Drive/Genesis", "region", "World", "serial", "GM 00001051-00",
                "internalTitle", "SONIC THE HEDGEHOG 2"), record.metadata);
    }

    @Test
    void genesisBinOfRealSizeOutsideAnyPlatformFolder() throws Exception {
        byte[] header = Roms.megaDrive("SEGA GENESIS    ", "(C)SEGA 1992.NOV", "BARE KNUCKLE II", "STREETS OF RAGE 2",
                "GM 00001060-00", "U");
        byte[] rom = java.util.Arrays.copyOf(header, 2 * 1024 * 1024); // past the smallest disc image size

        MediaRecord record = recognise(write("Streets of Rage 2 (USA).bin", rom)).orElseThrow();

        assertEquals(Map.of("platform", "Sega Mega Drive/Genesis", "region", "USA", "serial", "GM 00001060-00",
                "internalTitle", "STREETS OF RAGE 2"), record.metadata);
    }

    // --- disc sets ---

    @Test
    void multiTrackCueIsOneGameAndItsBinsAreNone() throws Exception {
        write("psx/Ridge Racer (Europe) (Track 01).bin", playStationTrack("SCES_000.01"));
        write("psx/Ridge Racer (Europe) (Track 02).bin", new byte[2352 * 20]);
        writeText("psx/Ridge Racer (Europe).cue", """
                FILE "Ridge Racer (Europe) (Track 01).bin" BINARY
                  TRACK 01 MODE2/2352
                    INDEX 01 00:00:00
                FILE "Ridge Racer (Europe) (Track 02).bin" BINARY
                  TRACK 02 AUDIO
                    INDEX 00 00:00:00
                    INDEX 01 00:02:00
                """);

        List<MediaRecord> games = recogniseAll(root.resolve("psx"));

        assertEquals(1, games.size(), games.toString());
        assertEquals("Ridge Racer", games.get(0).title);
        assertEquals("cue", games.get(0).container);
        assertEquals(Map.of("platform", "PlayStation", "region", "Europe", "serial", "SCES-00001"),
                games.get(0).metadata);
    }

    @Test
    void cueWrittenOnWindowsWithTheBinNameInOtherCase() throws Exception {
        write("psx/Crash Bandicoot (USA).bin", playStationTrack("SCUS_949.00"));
        Path cue = writeText("psx/Crash Bandicoot (USA).cue",
                "FILE \"CRASH BANDICOOT (USA).BIN\" BINARY\r\n  TRACK 01 MODE2/2352\r\n    INDEX 01 00:00:00\r\n");

        List<MediaRecord> games = recogniseAll(root.resolve("psx"));

        assertEquals(1, games.size(), games.toString());
        assertEquals(Map.of("platform", "PlayStation", "region", "USA", "serial", "SCUS-94900"),
                recognise(cue).orElseThrow().metadata);
    }

    @Test
    void cueNamingItsBinByAWindowsPathFindsTheBinNextToIt() throws Exception {
        // the bin's name is not the sheet's: only what the sheet says ties them together
        write("psx/SPYRO.BIN", playStationTrack("SCUS_942.28"));
        Path cue = writeText("psx/Spyro the Dragon (USA).cue",
                "FILE \"C:\\Games\\PSX\\Spyro.bin\" BINARY\r\n  TRACK 01 MODE2/2352\r\n");

        List<MediaRecord> games = recogniseAll(root.resolve("psx"));

        assertEquals(1, games.size(), games.toString());
        assertEquals("Spyro the Dragon", games.get(0).title);
        assertEquals("SCUS-94228", recognise(cue).orElseThrow().metadata.get("serial"));
    }

    @Test
    void aCueOrPlaylistNamingAFileOutsideItsFolderIsNotFollowed() throws Exception {
        // a real data track, but outside the sheet's folder: in the parent of the library root, and by absolute path
        Path outside = Files.write(root.getParent().resolve(root.getFileName() + "-outside.bin"),
                playStationTrack("SCUS_942.28"));
        try {
            Path up = writeText("psx/Up (USA).cue", "FILE \"../../" + outside.getFileName()
                    + "\" BINARY\r\n  TRACK 01 MODE2/2352\r\n");
            Path absolute = writeText("psx/Absolute (USA).m3u", outside + "\n");

            MediaScanException e = assertThrows(MediaScanException.class, () -> recognise(up));
            assertEquals("the cue sheet names ../../" + outside.getFileName() + ", which is missing", e.getMessage());
            e = assertThrows(MediaScanException.class, () -> recognise(absolute));
            assertEquals("the playlist names " + outside + ", which is missing", e.getMessage());
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void multiDiscMultiTrackSetWithoutPlaylistIsOneGame() throws Exception {
        writeDiscWithTracks("Final Fantasy IX (USA)", 1, "SLUS_012.51");
        writeDiscWithTracks("Final Fantasy IX (USA)", 2, "SLUS_012.95");

        List<MediaRecord> games = recogniseAll(root.resolve("psx"));

        assertEquals(1, games.size(), games.toString());
        assertEquals("Final Fantasy IX", games.get(0).title);
        assertEquals(Map.of("platform", "PlayStation", "region", "USA", "serial", "SLUS-01251"),
                games.get(0).metadata, "the first disc's serial");
    }

    @Test
    void multiDiscMultiTrackSetWithPlaylistIsOneGame() throws Exception {
        writeDiscWithTracks("Final Fantasy IX (USA)", 1, "SLUS_012.51");
        writeDiscWithTracks("Final Fantasy IX (USA)", 2, "SLUS_012.95");
        writeText("psx/Final Fantasy IX (USA).m3u",
                "Final Fantasy IX (USA) (Disc 1).cue\nFinal Fantasy IX (USA) (Disc 2).cue\n");

        List<MediaRecord> games = recogniseAll(root.resolve("psx"));

        assertEquals(1, games.size(), games.toString());
        assertEquals("m3u", games.get(0).container);
        assertEquals("Final Fantasy IX", games.get(0).title);
        assertEquals("SLUS-01251", games.get(0).metadata.get("serial"));
    }

    // --- names ---

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            snes/Lufia II - Rise of the Sinistrals (USA) (En,Fr,De).sfc      | Lufia II - Rise of the Sinistrals | USA
            snes/Asterix (Europe) (En,Fr,De,Es,It).sfc                       | Asterix                           | Europe
            gba/Advance Wars (USA, Europe) (En,Fr,De).gba                    | Advance Wars                      | USA, Europe
            nes/Super Mario Bros. (W) [!].nes                                | Super Mario Bros.                 | World
            megadrive/Sonic the Hedgehog 3 (U) [b1].md                       | Sonic the Hedgehog 3              | USA
            snes/EarthBound (USA) (Proto).sfc                                | EarthBound                        | USA
            gb/Tetris (Japan) (Beta) [b].gb                                  | Tetris                            | Japan
            n64/Legend of Zelda, The - Majora's Mask (Europe) (En,Fr,De,Es) (Rev 1).z64 | The Legend of Zelda - Majora's Mask | Europe
            """)
    void noIntroAndGoodToolsNames(String path, String title, String region) throws Exception {
        Path file = write(path, new byte[0x10000]);

        MediaRecord record = recognise(file).orElseThrow();

        assertEquals(title, record.title);
        assertEquals(region, record.metadata.get("region"));
    }

    @Test
    void saturnCueSetWithARawMode1DataTrackAndAudioTracks() throws Exception {
        byte[] system = new byte[40 * 2048];
        Roms.put(system, 0, "SEGA SEGASATURN SEGA ENTERPRISES".getBytes(StandardCharsets.US_ASCII));
        Roms.put(system, 0x20, "MK-81020  V1.000".getBytes(StandardCharsets.US_ASCII));
        java.util.Arrays.fill(system, 0x60, 0x60 + 112, (byte) ' ');
        Roms.put(system, 0x60, "NiGHTS into Dreams...".getBytes(StandardCharsets.US_ASCII));
        write("saturn/NiGHTS into Dreams... (USA) (Track 01).bin", Roms.raw2352Mode1(system));
        write("saturn/NiGHTS into Dreams... (USA) (Track 02).bin", new byte[2352 * 20]);
        write("saturn/NiGHTS into Dreams... (USA) (Track 03).bin", new byte[2352 * 20]);
        writeText("saturn/NiGHTS into Dreams... (USA).cue", """
                FILE "NiGHTS into Dreams... (USA) (Track 01).bin" BINARY
                  TRACK 01 MODE1/2352
                    INDEX 01 00:00:00
                FILE "NiGHTS into Dreams... (USA) (Track 02).bin" BINARY
                  TRACK 02 AUDIO
                    INDEX 00 00:00:00
                    INDEX 01 00:02:00
                FILE "NiGHTS into Dreams... (USA) (Track 03).bin" BINARY
                  TRACK 03 AUDIO
                    INDEX 01 00:00:00
                """);

        List<MediaRecord> games = recogniseAll(root.resolve("saturn"));

        assertEquals(1, games.size(), "the sheet is the game, its three bins none: " + games);
        assertEquals("NiGHTS into Dreams...", games.get(0).title);
        assertEquals(Map.of("platform", "Sega Saturn", "region", "USA", "serial", "MK-81020",
                "internalTitle", "NiGHTS into Dreams..."), games.get(0).metadata);
    }

    @Test
    void segaCdCueSetOutsideAnyPlatformFolderIsKnownByItsSystemId() throws Exception {
        byte[] system = new byte[40 * 2048];
        Roms.put(system, 0, "SEGADISCSYSTEM  SONICCD".getBytes(StandardCharsets.US_ASCII));
        write("games/Sonic CD (USA) (Track 01).bin", Roms.raw2352Mode1(system));
        write("games/Sonic CD (USA) (Track 02).bin", new byte[2352 * 20]);
        writeText("games/Sonic CD (USA).cue", """
                FILE "Sonic CD (USA) (Track 01).bin" BINARY
                  TRACK 01 MODE1/2352
                    INDEX 01 00:00:00
                FILE "Sonic CD (USA) (Track 02).bin" BINARY
                  TRACK 02 AUDIO
                    INDEX 01 00:00:00
                """);

        List<MediaRecord> games = recogniseAll(root.resolve("games"));

        assertEquals(1, games.size(), games.toString());
        assertEquals("Sonic CD", games.get(0).title);
        assertEquals("Sega CD/Mega-CD", games.get(0).metadata.get("platform"),
                "a .cue says only \"a disc\": the data track's system id says whose");
    }

    private void writeDiscWithTracks(String set, int disc, String executable) throws IOException {
        String base = set + " (Disc " + disc + ")";
        write("psx/" + base + " (Track 01).bin", playStationTrack(executable));
        write("psx/" + base + " (Track 02).bin", new byte[2352 * 20]);
        writeText("psx/" + base + ".cue", "FILE \"" + base + " (Track 01).bin\" BINARY\n  TRACK 01 MODE2/2352\n"
                + "FILE \"" + base + " (Track 02).bin\" BINARY\n  TRACK 02 AUDIO\n");
    }

    /** A raw (2352-byte sector) PlayStation data track whose SYSTEM.CNF boots {@code executable}. */
    private static byte[] playStationTrack(String executable) {
        return Roms.raw2352(Roms.iso9660("SYSTEM.CNF",
                ("BOOT = cdrom:\\" + executable + ";1\r\nTCB = 4\r\n").getBytes(StandardCharsets.US_ASCII)));
    }
}
