package org.omnilux.scanner.game.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.omnilux.api.scanner.MediaScanException;

class CartridgeHeadersTest {

    @TempDir
    Path dir;

    private interface Reader {
        HeaderInfo read(RomFile rom) throws IOException, MediaScanException;
    }

    private HeaderInfo read(byte[] bytes, Reader reader) throws Exception {
        Path file = Files.write(dir.resolve("rom.bin"), bytes);
        try (RomFile rom = RomFile.open(file)) {
            return reader.read(rom);
        }
    }

    @Test
    void inesGivesTheTvSystemAndMapper() throws Exception {
        assertEquals(new HeaderInfo(null, null, null, "PAL", null), read(Roms.ines(1, false, 1), CartridgeHeaders::nes));
        assertSame(null, read(Roms.ines(4, false, 0), CartridgeHeaders::nes).region(),
                "iNES 1.0 with the bit clear says nothing: most dumps leave it clear");
        assertEquals("NTSC", read(Roms.ines(4, true, 0), CartridgeHeaders::nes).region());
        assertEquals("Dendy", read(Roms.ines(4, true, 3), CartridgeHeaders::nes).region());
        assertEquals(4, CartridgeHeaders.nesMapper(Roms.ines(4, false, 0)));
        assertEquals(0x1A5, CartridgeHeaders.nesMapper(Roms.ines(0x1A5, true, 0)), "NES 2.0 mapper high bits");
        assertEquals(-1, CartridgeHeaders.nesMapper(new byte[16]));
    }

    @Test
    void inesWithoutMagicSaysNothing() throws Exception {
        byte[] rom = Roms.ines(1, false, 1);
        rom[3] = 0;
        assertSame(HeaderInfo.NONE, read(rom, CartridgeHeaders::nes));
    }

    @Test
    void snesLoRomWithValidChecksumPair() throws Exception {
        HeaderInfo header = read(Roms.snes("SUPER MARIOWORLD", 0x01, 512 * 1024, false, false), CartridgeHeaders::snes);

        assertEquals("SUPER MARIOWORLD", header.internalTitle());
        assertEquals("USA", header.region());
        assertNull(header.platform(), "the extension already says SNES");
    }

    @Test
    void snesHiRomBehindACopierHeader() throws Exception {
        byte[] rom = Roms.snes("CHRONO TRIGGER", 0x00, 1024 * 1024, true, true);
        assertEquals(1024 * 1024 + 512, rom.length);

        HeaderInfo header = read(rom, CartridgeHeaders::snes);

        assertEquals("CHRONO TRIGGER", header.internalTitle());
        assertEquals("Japan", header.region());
    }

    @Test
    void snesHalfWidthKatakanaTitles() throws Exception {
        byte[] rom = Roms.snes("", 0x00, 256 * 1024, false, false);
        // ﾄﾞﾗｺﾞﾝ (JIS X 0201), then spaces; the checksum no longer holds, the map mode and title still do
        Roms.put(rom, 0x7FC0, new byte[] {(byte) 0xC4, (byte) 0xDE, (byte) 0xD7, (byte) 0xBA, (byte) 0xDE, (byte) 0xDD});
        rom[0x7FDC] = 0;
        assertEquals("ﾄﾞﾗｺﾞﾝ", read(rom, CartridgeHeaders::snes).internalTitle());
    }

    @Test
    void snesGarbageGivesNoValues() throws Exception {
        byte[] rom = new byte[256 * 1024];
        Arrays.fill(rom, (byte) 0x07);
        assertSame(HeaderInfo.NONE, read(rom, CartridgeHeaders::snes));
    }

    @Test
    void gameBoyWithTheLogo() throws Exception {
        HeaderInfo header = read(Roms.gameBoy("TETRIS", 0x00, null, 0x00), r -> CartridgeHeaders.gameBoy(r, Platform.GAME_BOY));

        assertEquals(new HeaderInfo(Platform.GAME_BOY, "TETRIS", null, "Japan", null), header);
    }

    @Test
    void gameBoyColorOnlyWithAGameCode() throws Exception {
        HeaderInfo header = read(Roms.gameBoy("POKEMON_GLD", 0x80, "AAUE", 0x01),
                r -> CartridgeHeaders.gameBoy(r, Platform.GAME_BOY_COLOR));
        assertEquals(new HeaderInfo(null, "POKEMON_GLD", "CGB-AAUE", "USA", null), header, "dual mode: the extension decides");

        HeaderInfo colorOnly = read(Roms.gameBoy("ZELDA", 0xC0, null, 0x01),
                r -> CartridgeHeaders.gameBoy(r, Platform.GAME_BOY));
        assertEquals(Platform.GAME_BOY_COLOR, colorOnly.platform(), "a CGB-only cartridge in a .gb file");
        assertNull(colorOnly.region(), "overseas is no region");
    }

    @Test
    void gameBoyWithoutTheLogoIsNotTrusted() throws Exception {
        byte[] rom = Roms.gameBoy("TETRIS", 0x00, null, 0x00);
        rom[0x110] ^= 0x01;
        assertSame(HeaderInfo.NONE, read(rom, r -> CartridgeHeaders.gameBoy(r, Platform.GAME_BOY)));
    }

    @Test
    void gameBoyAdvanceTitleSerialAndRegion() throws Exception {
        HeaderInfo header = read(Roms.gameBoyAdvance("POKEMON EMER", "BPEE"), CartridgeHeaders::gameBoyAdvance);

        assertEquals(new HeaderInfo(null, "POKEMON EMER", "AGB-BPEE", "USA", null), header);
        assertEquals("Japan", read(Roms.gameBoyAdvance("MOTHER3", "A3UJ"), CartridgeHeaders::gameBoyAdvance).region());
        assertEquals("Europe", read(Roms.gameBoyAdvance("ZELDA MINISH", "BZMP"), CartridgeHeaders::gameBoyAdvance).region());
    }

    @Test
    void gameBoyAdvanceWithABadComplementIsNotTrusted() throws Exception {
        byte[] rom = Roms.gameBoyAdvance("POKEMON EMER", "BPEE");
        rom[0xBD] ^= 0x01;
        assertSame(HeaderInfo.NONE, read(rom, CartridgeHeaders::gameBoyAdvance));
    }

    @ParameterizedTest
    @ValueSource(strings = {"z64", "v64", "n64"})
    void nintendo64InEveryByteOrder(String order) throws Exception {
        byte[] rom = Roms.n64Order(Roms.nintendo64("SUPER MARIO 64", "NSME"), order);

        HeaderInfo header = read(rom, CartridgeHeaders::nintendo64);

        assertEquals(new HeaderInfo(null, "SUPER MARIO 64", "NUS-NSME", "USA", null), header);
    }

    @Test
    void nintendo64WithAnUnknownFirstWordSaysNothing() throws Exception {
        byte[] rom = Roms.nintendo64("SUPER MARIO 64", "NSME");
        rom[0] = 0x12;
        assertSame(HeaderInfo.NONE, read(rom, CartridgeHeaders::nintendo64));
    }

    @Test
    void megaDriveHeader() throws Exception {
        byte[] rom = Roms.megaDrive("SEGA MEGA DRIVE", "(C)SEGA 1991.APR", "SONIC THE               HEDGEHOG",
                "SONIC THE               HEDGEHOG", "GM 00001009-00", "JUE");

        HeaderInfo header = read(rom, r -> CartridgeHeaders.megaDrive(r, false, true));

        assertEquals(new HeaderInfo(Platform.MEGA_DRIVE, "SONIC THE HEDGEHOG", "GM 00001009-00", "World", 1991), header);
    }

    @Test
    void megaDriveOverseasTitleWinsAndNewStyleRegion() throws Exception {
        byte[] rom = Roms.megaDrive("SEGA GENESIS", "(C)T-12 1993.JUN", "DOMESTIC NAME", "OVERSEAS NAME",
                "GM T-12046 -00", "4");
        assertEquals(new HeaderInfo(Platform.MEGA_DRIVE, "OVERSEAS NAME", "GM T-12046 -00", "USA", 1993),
                read(rom, r -> CartridgeHeaders.megaDrive(r, false, true)));
    }

    @Test
    void superMagicDriveDumpsAreDeinterleaved() throws Exception {
        byte[] rom = Roms.megaDrive("SEGA 32X", "(C)SEGA 1994.OCT", "STAR WARS ARCADE", "STAR WARS ARCADE",
                "GM MK-84505-00", "U");

        HeaderInfo header = read(Roms.smd(rom), r -> CartridgeHeaders.megaDrive(r, true, true));

        assertEquals(new HeaderInfo(Platform.SEGA_32X, "STAR WARS ARCADE", "GM MK-84505-00", "USA", 1994), header);
    }

    @Test
    void megaDriveWithoutSegaSaysNothing() throws Exception {
        byte[] rom = Roms.megaDrive("NINTENDO", "", "X", "X", "", "U");
        assertSame(HeaderInfo.NONE, read(rom, r -> CartridgeHeaders.megaDrive(r, false, true)));
    }

    @Test
    void nintendoDsTitleSerialAndRegion() throws Exception {
        HeaderInfo header = read(Roms.nintendoDs("MARIOKARTDS", "AMCP", 0), CartridgeHeaders::nintendoDs);

        assertEquals(new HeaderInfo(null, "MARIOKARTDS", "NTR-AMCP", "Europe", null), header);
        assertEquals("TWL-DMHE", read(Roms.nintendoDs("DSIWARE", "DMHE", 3), CartridgeHeaders::nintendoDs).serial());
    }

    @Test
    void nintendoDsWithoutTheLogoChecksumSaysNothing() throws Exception {
        byte[] rom = Roms.nintendoDs("MARIOKARTDS", "AMCP", 0);
        rom[0x15C] = 0;
        assertSame(HeaderInfo.NONE, read(rom, CartridgeHeaders::nintendoDs));
    }

    @Test
    void romsTooShortForTheirHeaderAreErrors() {
        byte[] threeBytes = {1, 2, 3};
        assertEquals("file too small to be a Nintendo Entertainment System ROM",
                assertThrows(MediaScanException.class, () -> read(threeBytes, CartridgeHeaders::nes)).getMessage());
        assertEquals("file too small to be a Super Nintendo Entertainment System ROM",
                assertThrows(MediaScanException.class, () -> read(threeBytes, CartridgeHeaders::snes)).getMessage());
        assertEquals("file too small to be a Game Boy Advance ROM",
                assertThrows(MediaScanException.class, () -> read(threeBytes, CartridgeHeaders::gameBoyAdvance)).getMessage());
        assertEquals("file too small to be a Nintendo 64 ROM",
                assertThrows(MediaScanException.class, () -> read(threeBytes, CartridgeHeaders::nintendo64)).getMessage());
        assertEquals("file too small to be a Nintendo DS ROM",
                assertThrows(MediaScanException.class, () -> read(threeBytes, CartridgeHeaders::nintendoDs)).getMessage());
        assertEquals("file too small to be a Game Boy Color ROM", assertThrows(MediaScanException.class,
                () -> read(threeBytes, r -> CartridgeHeaders.gameBoy(r, Platform.GAME_BOY_COLOR))).getMessage());
        assertEquals("file too small to be a Sega Mega Drive/Genesis ROM", assertThrows(MediaScanException.class,
                () -> read(threeBytes, r -> CartridgeHeaders.megaDrive(r, false, true))).getMessage());
    }

    @Test
    void aShortFileIsNoMegaDriveWhenOnlySniffing() throws Exception {
        assertSame(HeaderInfo.NONE, read(new byte[] {1, 2, 3}, r -> CartridgeHeaders.megaDrive(r, false, false)));
    }

    @Test
    void unprintableTitlesAreDropped() {
        assertNull(Bytes.text(new byte[] {'A', 0x01, 'B'}, 0, 3, false));
        assertEquals("AB", Bytes.text(new byte[] {'A', 'B', 0, 0x01}, 0, 4, false), "stops at NUL");
        assertEquals("AB", Bytes.text(new byte[] {'A', 'B', (byte) 0xFF, (byte) 0xFF}, 0, 4, false), "0xFF padding");
        assertNull(Bytes.text(new byte[] {' ', ' '}, 0, 2, false));
        assertNull(Bytes.text(new byte[] {'A'}, 5, 2, false), "out of range");
    }
}
