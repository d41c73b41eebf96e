package org.omnilux.scanner.game.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** ROM and disc image bytes built the way the real hardware expects them, for the tests (never committed). */
final class Roms {

    private Roms() {
    }

    /** An iNES 1.0 (or NES 2.0) header and 16 KiB of PRG ROM. */
    static byte[] ines(int mapper, boolean nes2, int tvSystem) {
        byte[] rom = new byte[16 + 16384];
        put(rom, 0, new byte[] {'N', 'E', 'S', 0x1A});
        rom[4] = 1;
        rom[6] = (byte) ((mapper & 0x0F) << 4);
        rom[7] = (byte) ((mapper & 0xF0) | (nes2 ? 0x08 : 0));
        if (nes2) {
            rom[8] = (byte) ((mapper >> 8) & 0x0F);
            rom[12] = (byte) tvSystem;
        } else {
            rom[9] = (byte) tvSystem;
        }
        return rom;
    }

    /**
     * A Super NES image with a valid internal header: LoROM at 0x7FC0 or HiROM at 0xFFC0, the checksum of all
     * bytes and its complement, optionally behind a 512-byte copier header.
     */
    static byte[] snes(String title, int destination, int size, boolean hiRom, boolean copierHeader) {
        return snes(title, destination, size, hiRom ? 0xFFC0 : 0x7FC0, hiRom ? 0x31 : 0x20, copierHeader);
    }

    /** As above, with the header at {@code base} (ExHiROM: 0x40FFC0) and the given map mode byte. */
    static byte[] snes(String title, int destination, int size, int base, int mapMode, boolean copierHeader) {
        byte[] rom = new byte[size];
        Arrays.fill(rom, (byte) 0x5A);
        byte[] name = Arrays.copyOf(title.getBytes(StandardCharsets.ISO_8859_1), 21);
        Arrays.fill(name, title.length(), 21, (byte) ' ');
        put(rom, base, name);
        rom[base + 0x15] = (byte) mapMode;
        rom[base + 0x17] = 0x09;
        rom[base + 0x19] = (byte) destination;
        rom[base + 0x1C] = (byte) 0xFF;
        rom[base + 0x1D] = (byte) 0xFF;
        rom[base + 0x1E] = 0;
        rom[base + 0x1F] = 0;
        int sum = 0;
        for (byte b : rom) {
            sum = (sum + (b & 0xFF)) & 0xFFFF;
        }
        int complement = sum ^ 0xFFFF;
        rom[base + 0x1C] = (byte) complement;
        rom[base + 0x1D] = (byte) (complement >> 8);
        rom[base + 0x1E] = (byte) sum;
        rom[base + 0x1F] = (byte) (sum >> 8);
        if (!copierHeader) {
            return rom;
        }
        byte[] withCopier = new byte[size + 512];
        System.arraycopy(rom, 0, withCopier, 512, size);
        return withCopier;
    }

    /** A 32 KiB Game Boy image: logo, title, CGB flag, licensee, destination. */
    static byte[] gameBoy(String title, int cgbFlag, String gameCode, int destination) {
        byte[] rom = new byte[0x8000];
        put(rom, 0x104, CartridgeHeaders.GAME_BOY_LOGO);
        put(rom, 0x134, title.getBytes(StandardCharsets.US_ASCII));
        if (gameCode != null) {
            put(rom, 0x13F, gameCode.getBytes(StandardCharsets.US_ASCII));
            rom[0x144] = '0';
            rom[0x145] = '1';
            rom[0x14B] = 0x33;
        } else {
            rom[0x14B] = 0x01;
        }
        rom[0x143] = (byte) cgbFlag;
        rom[0x14A] = (byte) destination;
        int check = 0;
        for (int i = 0x134; i <= 0x14C; i++) {
            check = check - (rom[i] & 0xFF) - 1;
        }
        rom[0x14D] = (byte) check;
        return rom;
    }

    /** A Game Boy Advance image: a filled logo area, title, game code, the fixed 0x96 and the complement. */
    static byte[] gameBoyAdvance(String title, String gameCode) {
        byte[] rom = new byte[0x1000];
        for (int i = 0x04; i < 0xA0; i++) {
            rom[i] = (byte) (i * 7); // the logo area, filled (its bytes are not checked)
        }
        put(rom, 0xA0, title.getBytes(StandardCharsets.US_ASCII));
        put(rom, 0xAC, gameCode.getBytes(StandardCharsets.US_ASCII));
        put(rom, 0xB0, "01".getBytes(StandardCharsets.US_ASCII));
        rom[0xB2] = (byte) 0x96;
        int complement = 0;
        for (int i = 0xA0; i <= 0xBC; i++) {
            complement -= rom[i] & 0xFF;
        }
        rom[0xBD] = (byte) ((complement - 0x19) & 0xFF);
        return rom;
    }

    /** A Nintendo 64 image in big-endian (z64) order; see {@link #n64Order} for the other two. */
    static byte[] nintendo64(String title, String gameCode) {
        byte[] rom = new byte[0x1000];
        put(rom, 0, new byte[] {(byte) 0x80, 0x37, 0x12, 0x40});
        byte[] name = Arrays.copyOf(title.getBytes(StandardCharsets.US_ASCII), 20);
        Arrays.fill(name, title.length(), 20, (byte) ' ');
        put(rom, 0x20, name);
        put(rom, 0x3B, gameCode.getBytes(StandardCharsets.US_ASCII));
        return rom;
    }

    /** @param order {@code z64} (as is), {@code v64} (16-bit byte-swapped) or {@code n64} (32-bit little-endian) */
    static byte[] n64Order(byte[] bigEndian, String order) {
        byte[] out = bigEndian.clone();
        if (order.equals("v64")) {
            for (int i = 0; i + 1 < out.length; i += 2) {
                out[i] = bigEndian[i + 1];
                out[i + 1] = bigEndian[i];
            }
        } else if (order.equals("n64")) {
            for (int i = 0; i + 3 < out.length; i += 4) {
                for (int j = 0; j < 4; j++) {
                    out[i + j] = bigEndian[i + 3 - j];
                }
            }
        }
        return out;
    }

    /** A Mega Drive image with the header at 0x100. */
    static byte[] megaDrive(String system, String copyright, String domestic, String overseas, String serial,
            String region) {
        byte[] rom = new byte[0x2000];
        Arrays.fill(rom, 0x100, 0x200, (byte) ' ');
        put(rom, 0x100, system.getBytes(StandardCharsets.ISO_8859_1));
        put(rom, 0x110, copyright.getBytes(StandardCharsets.ISO_8859_1));
        put(rom, 0x120, domestic.getBytes(StandardCharsets.ISO_8859_1));
        put(rom, 0x150, overseas.getBytes(StandardCharsets.ISO_8859_1));
        put(rom, 0x180, serial.getBytes(StandardCharsets.ISO_8859_1));
        put(rom, 0x1F0, region.getBytes(StandardCharsets.ISO_8859_1));
        return rom;
    }

    /** The same ROM as a Super Magic Drive dump: a 512-byte header, then 16 KiB blocks, odd bytes first. */
    static byte[] smd(byte[] rom) {
        byte[] padded = Arrays.copyOf(rom, Math.max(0x4000, (rom.length + 0x3FFF) / 0x4000 * 0x4000));
        byte[] out = new byte[512 + padded.length];
        out[0] = (byte) (padded.length / 0x4000);
        out[1] = 0x03;
        out[8] = (byte) 0xAA;
        out[9] = (byte) 0xBB;
        for (int block = 0; block < padded.length / 0x4000; block++) {
            int from = block * 0x4000;
            int to = 512 + from;
            for (int i = 0; i < 0x2000; i++) {
                out[to + i] = padded[from + i * 2 + 1];
                out[to + 0x2000 + i] = padded[from + i * 2];
            }
        }
        return out;
    }

    /** A Nintendo DS image: title, game code, unit code and the logo checksum 0xCF56. */
    static byte[] nintendoDs(String title, String gameCode, int unitCode) {
        byte[] rom = new byte[0x1000];
        put(rom, 0, title.getBytes(StandardCharsets.US_ASCII));
        put(rom, 0x0C, gameCode.getBytes(StandardCharsets.US_ASCII));
        put(rom, 0x10, "01".getBytes(StandardCharsets.US_ASCII));
        rom[0x12] = (byte) unitCode;
        rom[0x15C] = 0x56;
        rom[0x15D] = (byte) 0xCF;
        return rom;
    }

    /** A GameCube (or Wii) disc header padded to 64 KiB. */
    static byte[] nintendoDisc(String gameId, String title, boolean wii) {
        byte[] disc = new byte[64 * 1024];
        put(disc, 0, gameId.getBytes(StandardCharsets.US_ASCII));
        put(disc, 0x20, title.getBytes(StandardCharsets.US_ASCII));
        if (wii) {
            put(disc, 0x18, new byte[] {0x5D, 0x1C, (byte) 0x9E, (byte) 0xA3});
        } else {
            put(disc, 0x1C, new byte[] {(byte) 0xC2, 0x33, (byte) 0x9F, 0x3D});
        }
        return disc;
    }

    /**
     * A minimal ISO 9660 image with 2048-byte sectors: system area, the primary volume descriptor at sector 16, the
     * set terminator at 17, the root directory at 18 ({@code .}, {@code ..} and one file) and the file at 19.
     */
    static byte[] iso9660(String fileName, byte[] content) {
        int sectors = 20 + (content.length + 2047) / 2048;
        byte[] iso = new byte[sectors * 2048];
        int pvd = 16 * 2048;
        iso[pvd] = 1;
        put(iso, pvd + 1, "CD001".getBytes(StandardCharsets.US_ASCII));
        iso[pvd + 6] = 1;
        Arrays.fill(iso, pvd + 8, pvd + 72, (byte) ' ');
        put(iso, pvd + 40, "TEST_DISC".getBytes(StandardCharsets.US_ASCII));
        bothEndian32(iso, pvd + 80, sectors);
        bothEndian16(iso, pvd + 128, 2048);
        directoryRecord(iso, pvd + 156, 18, 2048, true, new byte[] {0});
        int terminator = 17 * 2048;
        iso[terminator] = (byte) 255;
        put(iso, terminator + 1, "CD001".getBytes(StandardCharsets.US_ASCII));
        iso[terminator + 6] = 1;
        int root = 18 * 2048;
        int next = directoryRecord(iso, root, 18, 2048, true, new byte[] {0});
        next = directoryRecord(iso, next, 18, 2048, true, new byte[] {1});
        directoryRecord(iso, next, 19, content.length, false,
                (fileName + ";1").getBytes(StandardCharsets.US_ASCII));
        put(iso, 19 * 2048, content);
        return iso;
    }

    /**
     * The same image with raw 2352-byte sectors, as a BIN of a CUE/BIN pair: sync pattern, address and mode 2,
     * an 8-byte subheader, the 2048 bytes of user data, and (zeroed) error correction.
     */
    static byte[] raw2352(byte[] iso) {
        int sectors = iso.length / 2048;
        byte[] raw = new byte[sectors * 2352];
        for (int s = 0; s < sectors; s++) {
            int at = s * 2352;
            put(raw, at, DiscImages.SYNC);
            int lba = s + 150;
            raw[at + 12] = bcd(lba / 75 / 60);
            raw[at + 13] = bcd(lba / 75 % 60);
            raw[at + 14] = bcd(lba % 75);
            raw[at + 15] = 2;
            raw[at + 18] = 0x08; // subheader: data, form 1
            raw[at + 22] = 0x08;
            System.arraycopy(iso, s * 2048, raw, at + 24, 2048);
        }
        return raw;
    }

    /**
     * The same image with raw Mode 1 sectors, as Sega CD and Saturn BINs hold their data track: sync pattern,
     * address and mode 1, then the 2048 bytes of user data, and (zeroed) error correction.
     */
    static byte[] raw2352Mode1(byte[] iso) {
        byte[] raw = raw2352(iso);
        for (int s = 0; s < iso.length / 2048; s++) {
            int at = s * 2352;
            raw[at + 15] = 1;
            java.util.Arrays.fill(raw, at + 16, at + 24, (byte) 0); // no subheader in Mode 1
            System.arraycopy(iso, s * 2048, raw, at + 16, 2048);
            java.util.Arrays.fill(raw, at + 16 + 2048, at + 2352, (byte) 0);
        }
        return raw;
    }

    private static byte bcd(int value) {
        return (byte) ((value / 10) << 4 | (value % 10));
    }

    private static int directoryRecord(byte[] image, int at, int lba, int size, boolean directory, byte[] name) {
        int length = 33 + name.length + (name.length % 2 == 0 ? 1 : 0);
        image[at] = (byte) length;
        bothEndian32(image, at + 2, lba);
        bothEndian32(image, at + 10, size);
        image[at + 25] = (byte) (directory ? 0x02 : 0x00);
        bothEndian16(image, at + 28, 1);
        image[at + 32] = (byte) name.length;
        put(image, at + 33, name);
        return at + length;
    }

    private static void bothEndian32(byte[] image, int at, int value) {
        for (int i = 0; i < 4; i++) {
            image[at + i] = (byte) (value >> (8 * i));
            image[at + 7 - i] = (byte) (value >> (8 * i));
        }
    }

    private static void bothEndian16(byte[] image, int at, int value) {
        image[at] = (byte) value;
        image[at + 1] = (byte) (value >> 8);
        image[at + 2] = (byte) (value >> 8);
        image[at + 3] = (byte) value;
    }

    static void put(byte[] target, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, target, at, bytes.length);
    }
}
