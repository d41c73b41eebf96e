package org.omnilux.scanner.game.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscImagesTest {

    @TempDir
    Path dir;

    private HeaderInfo read(byte[] image) throws Exception {
        Path file = Files.write(dir.resolve("disc.img"), image);
        try (RomFile rom = RomFile.open(file)) {
            return DiscImages.read(rom);
        }
    }

    private static byte[] playStation(String systemCnf) {
        return Roms.iso9660("SYSTEM.CNF", systemCnf.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void playStationIsoWithSystemCnf() throws Exception {
        byte[] iso = playStation("BOOT = cdrom:\\SLUS_012.34;1\r\nTCB = 4\r\nEVENT = 10\r\nSTACK = 801FFFF0\r\n");

        assertEquals(new HeaderInfo(Platform.PLAYSTATION, null, "SLUS-01234", "USA", null), read(iso));
    }

    @Test
    void rawSectorBinOfTheSameDisc() throws Exception {
        byte[] raw = Roms.raw2352(playStation("BOOT = cdrom:\\SCES_008.67;1\r\n"));
        assertEquals(0, raw.length % 2352);

        assertEquals(new HeaderInfo(Platform.PLAYSTATION, null, "SCES-00867", "Europe", null), read(raw));
    }

    @Test
    void playStation2BootsWithBoot2() throws Exception {
        byte[] iso = playStation("BOOT2 = cdrom0:\\SLPM_123.45;1\nVER = 1.00\nVMODE = NTSC\n");

        assertEquals(new HeaderInfo(Platform.PLAYSTATION_2, null, "SLPM-12345", "Japan", null), read(iso));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            BOOT = cdrom:\\SCUS_944.26;1          | SCUS-94426 | USA
            BOOT=cdrom:SLPS_017.02;1             | SLPS-01702 | Japan
            boot = cdrom:\\\\SLES_020.80;1        | SLES-02080 | Europe
            BOOT = cdrom:\\GAME\\SCPS_100.03;1    | SCPS-10003 | Japan
            BOOT2 = cdrom0:\\SCKA_200.01;1        | SCKA-20001 | Korea
            BOOT = cdrom:\\PSX.EXE;1              |            |
            """)
    void bootLines(String line, String serial, String region) {
        HeaderInfo header = DiscImages.fromSystemCnf(line + "\r\n");

        assertEquals(serial, header.serial());
        assertEquals(region, header.region());
    }

    @Test
    void pspUmdData() throws Exception {
        byte[] iso = Roms.iso9660("UMD_DATA.BIN", "ULUS-10041|0123456789ABCDEF|0001|G".getBytes(StandardCharsets.US_ASCII));

        assertEquals(new HeaderInfo(Platform.PSP, null, "ULUS-10041", "USA", null), read(iso));
    }

    @Test
    void gameCubeAndWiiDiscHeaders() throws Exception {
        assertEquals(new HeaderInfo(Platform.GAMECUBE, "Super Smash Bros Melee", "DOL-GALE", "USA", null),
                read(Roms.nintendoDisc("GALE01", "Super Smash Bros Melee", false)));
        assertEquals(new HeaderInfo(Platform.WII, "SUPER MARIO GALAXY", "RVL-RMGP", "Europe", null),
                read(Roms.nintendoDisc("RMGP01", "SUPER MARIO GALAXY", true)));
    }

    @Test
    void saturnSystemId() throws Exception {
        byte[] image = new byte[40 * 2048];
        Roms.put(image, 0, "SEGA SEGASATURN ".getBytes(StandardCharsets.US_ASCII));
        Arrays.fill(image, 0x20, 0x20 + 10, (byte) ' ');
        Roms.put(image, 0x20, "MK-81307".getBytes(StandardCharsets.US_ASCII));
        Arrays.fill(image, 0x60, 0x60 + 112, (byte) ' ');
        Roms.put(image, 0x60, "PANZER DRAGOON SAGA".getBytes(StandardCharsets.US_ASCII));

        assertEquals(new HeaderInfo(Platform.SATURN, "PANZER DRAGOON SAGA", "MK-81307", null, null), read(image));
    }

    @Test
    void anIsoWithoutBootFilesSaysNothing() throws Exception {
        assertSame(HeaderInfo.NONE, read(Roms.iso9660("README.TXT", "hello".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void garbageAndBrokenDirectoriesSayNothing() throws Exception {
        byte[] garbage = new byte[64 * 1024];
        Arrays.fill(garbage, (byte) 0x33);
        assertSame(HeaderInfo.NONE, read(garbage));

        byte[] iso = playStation("BOOT = cdrom:\\SLUS_012.34;1\r\n");
        iso[18 * 2048 + 34 + 34] = 3; // the file's record claims a length shorter than a record
        assertSame(HeaderInfo.NONE, read(iso));

        byte[] badRoot = playStation("BOOT = cdrom:\\SLUS_012.34;1\r\n");
        Roms.put(badRoot, 16 * 2048 + 156 + 2, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F});
        assertSame(HeaderInfo.NONE, read(badRoot), "a root directory beyond the end of the image");

        assertNull(DiscImages.fromSystemCnf("no boot line here"));
    }

    @Test
    void tooSmallForAVolumeDescriptorSaysNothing() throws Exception {
        assertSame(HeaderInfo.NONE, read(new byte[] {1, 2, 3}));
    }
}
