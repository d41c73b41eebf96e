package org.omnilux.scanner.game.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.omnilux.api.scanner.MediaScanException;

/**
 * Readers for the headers of cartridge ROM dumps. Each reads only the bytes of its header. A file shorter than its
 * header is a {@link MediaScanException} (it cannot be a ROM of that platform); a header whose magic or checksum
 * does not hold gives {@link HeaderInfo#NONE}, so that the file is still listed from its name.
 */
final class CartridgeHeaders {

    /** The Nintendo logo every Game Boy cartridge carries at 0x104 (the boot ROM refuses a cartridge without it). */
    static final byte[] GAME_BOY_LOGO = {
        (byte) 0xCE, (byte) 0xED, 0x66, 0x66, (byte) 0xCC, 0x0D, 0x00, 0x0B, 0x03, 0x73, 0x00, (byte) 0x83, 0x00,
        0x0C, 0x00, 0x0D, 0x00, 0x08, 0x11, 0x1F, (byte) 0x88, (byte) 0x89, 0x00, 0x0E, (byte) 0xDC, (byte) 0xCC,
        0x6E, (byte) 0xE6, (byte) 0xDD, (byte) 0xDD, (byte) 0xD9, (byte) 0x99, (byte) 0xBB, (byte) 0xBB, 0x67, 0x63,
        0x6E, 0x0E, (byte) 0xEC, (byte) 0xCC, (byte) 0xDD, (byte) 0xDC, (byte) 0x99, (byte) 0x9F, (byte) 0xBB,
        (byte) 0xB9, 0x33, 0x3E };

    private static final byte[] INES_MAGIC = {'N', 'E', 'S', 0x1A};
    private static final Pattern YEAR = Pattern.compile("(19[89]\\d|20[0-4]\\d)");

    private CartridgeHeaders() {
    }

    /**
     * iNES / NES 2.0 ({@code .nes}): 16 bytes, {@code NES<EOF>} magic. iNES has no title; the region is the TV
     * system: NES 2.0 byte 12 ({@code NTSC}, {@code PAL}, {@code NTSC, PAL}, {@code Dendy}), iNES 1.0 byte 9 bit 0
     * only when set ({@code PAL}: the bit is left clear by most dumps whatever their region, so clear says nothing).
     * Archaic headers (see {@link #archaicInes}) say nothing beyond the magic.
     */
    static HeaderInfo nes(RomFile rom) throws IOException, MediaScanException {
        byte[] h = require(rom, 0, 16, Platform.NES);
        if (!Bytes.matches(h, 0, INES_MAGIC)) {
            return HeaderInfo.NONE;
        }
        boolean nes2 = (h[7] & 0x0C) == 0x08;
        String region;
        if (archaicInes(h)) {
            region = null;
        } else if (nes2) {
            region = switch (h[12] & 0x03) {
                case 0 -> "NTSC";
                case 1 -> "PAL";
                case 2 -> "NTSC, PAL";
                default -> "Dendy";
            };
        } else {
            region = (h[9] & 0x01) != 0 ? "PAL" : null;
        }
        return new HeaderInfo(null, null, null, region, null);
    }

    /** @return the iNES mapper number (NES 2.0: with its high bits), or -1 without the iNES magic */
    static int nesMapper(byte[] h) {
        if (!Bytes.matches(h, 0, INES_MAGIC) || h.length < 16) {
            return -1;
        }
        if (archaicInes(h)) {
            return (h[6] & 0xF0) >> 4;
        }
        int mapper = (h[6] & 0xF0) >> 4 | (h[7] & 0xF0);
        if ((h[7] & 0x0C) == 0x08) {
            mapper |= (h[8] & 0x0F) << 8;
        }
        return mapper;
    }

    /**
     * Old dumps carry a ripper's signature in bytes 7–15 ({@code DiskDude!}, {@code demiforce}), which would read
     * as a PAL flag and a mapper's high nibble. As the NESdev wiki advises, a header is archaic (only bytes 4–6
     * count) unless it is NES 2.0 or bytes 12–15 are zero.
     */
    private static boolean archaicInes(byte[] h) {
        if ((h[7] & 0x0C) == 0x08) {
            return false;
        }
        return (h[7] & 0x0C) != 0 || h[12] != 0 || h[13] != 0 || h[14] != 0 || h[15] != 0;
    }

    /**
     * Super NES internal header: LoROM at 0x7FC0, HiROM at 0xFFC0, ExHiROM at 0x40FFC0, after a 512-byte copier
     * header when the size is 512 more than a multiple of 1024. The header whose checksum and complement add up to
     * 0xFFFF is the real one; without such a pair, one whose map mode matches its location and whose title is
     * printable. Title: 21 bytes (ASCII and half-width katakana); region: the destination code.
     */
    static HeaderInfo snes(RomFile rom) throws IOException, MediaScanException {
        long copier = rom.size() % 1024 == 512 ? 512 : 0;
        if (rom.size() < copier + 0x8000) {
            throw tooSmall(Platform.SNES);
        }
        byte[] best = null;
        for (long base : new long[] {0x7FC0, 0xFFC0, 0x40FFC0}) {
            byte[] h = rom.read(copier + base, 0x20);
            if (h.length < 0x20) {
                continue;
            }
            int complement = Bytes.u16le(h, 0x1C);
            int checksum = Bytes.u16le(h, 0x1E);
            boolean mapModeFits = snesMapModeFits(h[0x15], base);
            if (complement + checksum == 0xFFFF && (mapModeFits || best == null)) {
                best = h;
                if (mapModeFits) {
                    break;
                }
            }
        }
        if (best == null) {
            // ExHiROM too: fan translations of ExHiROM games (Tales of Phantasia) seldom fix the checksum
            for (long base : new long[] {0x7FC0, 0xFFC0, 0x40FFC0}) {
                byte[] h = rom.read(copier + base, 0x20);
                if (h.length == 0x20 && snesMapModeFits(h[0x15], base) && Bytes.text(h, 0, 21, true) != null) {
                    best = h;
                    break;
                }
            }
        }
        if (best == null) {
            return HeaderInfo.NONE;
        }
        return new HeaderInfo(null, Bytes.text(best, 0, 21, true), null,
                Regions.fromSnesDestination(best[0x19] & 0xFF), null);
    }

    /**
     * Whether a map mode byte ({@code 001smmmm}) puts the header where it was found. The low nibble is the memory
     * map, and its bit 0 is not "HiROM": SA-1 (3) and S-DD1 (2) boards are LoROM, SPC7110 (A) is HiROM.
     */
    private static boolean snesMapModeFits(byte mode, long base) {
        if ((mode & 0xE0) != 0x20) {
            return false;
        }
        long location = switch (mode & 0x0F) {
            case 0x0, 0x2, 0x3 -> 0x7FC0;
            case 0x1, 0xA -> 0xFFC0;
            case 0x5 -> 0x40FFC0;
            default -> -1;
        };
        return location == base;
    }

    /**
     * Game Boy and Game Boy Color: valid only with the Nintendo logo at 0x104. Title at 0x134 (16 bytes, 15 with
     * the CGB flag at 0x143, 11 when a 4-letter game code follows at 0x13F); CGB flag 0xC0 means Game Boy Color
     * only, 0x00 plain Game Boy; destination 0x14A = 0 means Japan.
     */
    static HeaderInfo gameBoy(RomFile rom, Platform expected) throws IOException, MediaScanException {
        byte[] h = require(rom, 0, 0x150, expected);
        if (!Bytes.matches(h, 0x104, GAME_BOY_LOGO)) {
            return HeaderInfo.NONE;
        }
        int cgb = h[0x143] & 0xFF;
        Platform platform = cgb == 0xC0 ? Platform.GAME_BOY_COLOR : cgb == 0x00 ? Platform.GAME_BOY : null;
        boolean colorHeader = (cgb & 0x80) != 0;
        String code = Bytes.ascii(h, 0x13F, 4);
        boolean hasCode = colorHeader && (h[0x14B] & 0xFF) == 0x33 && Bytes.isCode(code, 4)
                && Regions.fromNintendoCode(code.charAt(3)) != null;
        String title = Bytes.text(h, 0x134, hasCode ? 11 : colorHeader ? 15 : 16, false);
        String region = hasCode ? Regions.fromNintendoCode(code.charAt(3)) : h[0x14A] == 0 ? "Japan" : null;
        return new HeaderInfo(platform, title, hasCode ? "CGB-" + code : null, region, null);
    }

    /**
     * Game Boy Advance: valid with the fixed 0x96 at 0xB2 and the header complement at 0xBD. Title 12 bytes at
     * 0xA0, game code 4 bytes at 0xAC → serial {@code AGB-XXXX}, region from its last letter.
     */
    static HeaderInfo gameBoyAdvance(RomFile rom) throws IOException, MediaScanException {
        byte[] h = require(rom, 0, 0xC0, Platform.GAME_BOY_ADVANCE);
        int complement = 0;
        for (int i = 0xA0; i <= 0xBC; i++) {
            complement -= h[i] & 0xFF;
        }
        complement = (complement - 0x19) & 0xFF;
        if ((h[0xB2] & 0xFF) != 0x96 || (h[0xBD] & 0xFF) != complement) {
            return HeaderInfo.NONE;
        }
        String code = Bytes.ascii(h, 0xAC, 4);
        boolean validCode = Bytes.isCode(code, 4);
        return new HeaderInfo(null, Bytes.text(h, 0xA0, 12, false), validCode ? "AGB-" + code : null,
                validCode ? Regions.fromNintendoCode(code.charAt(3)) : null, null);
    }

    /**
     * Nintendo 64 in any of the three dump byte orders, told by the first word: {@code 80 37 12 40} big-endian
     * (z64), {@code 37 80 40 12} byte-swapped (v64), {@code 40 12 37 80} little-endian (n64). Title 20 bytes at
     * 0x20; game code 4 bytes at 0x3B → serial {@code NUS-XXXX}, region from its last letter.
     */
    static HeaderInfo nintendo64(RomFile rom) throws IOException, MediaScanException {
        byte[] raw = require(rom, 0, 0x40, Platform.N64);
        byte[] h = toBigEndianN64(raw);
        if (h == null) {
            return HeaderInfo.NONE;
        }
        String code = Bytes.ascii(h, 0x3B, 4);
        boolean validCode = Bytes.isCode(code, 4);
        return new HeaderInfo(null, Bytes.text(h, 0x20, 20, true), validCode ? "NUS-" + code : null,
                validCode ? Regions.fromNintendoCode(code.charAt(3)) : null, null);
    }

    /** @return the header in big-endian (z64) order, or {@code null} when the first word is none of the three */
    static byte[] toBigEndianN64(byte[] raw) {
        long first = (raw[0] & 0xFFL) << 24 | (raw[1] & 0xFFL) << 16 | (raw[2] & 0xFFL) << 8 | (raw[3] & 0xFFL);
        byte[] out = new byte[raw.length & ~3];
        if (first == 0x80371240L) {
            System.arraycopy(raw, 0, out, 0, out.length);
        } else if (first == 0x37804012L) {
            for (int i = 0; i + 1 < out.length; i += 2) {
                out[i] = raw[i + 1];
                out[i + 1] = raw[i];
            }
        } else if (first == 0x40123780L) {
            for (int i = 0; i + 3 < out.length; i += 4) {
                out[i] = raw[i + 3];
                out[i + 1] = raw[i + 2];
                out[i + 2] = raw[i + 1];
                out[i + 3] = raw[i];
            }
        } else {
            return null;
        }
        return out;
    }

    /**
     * Mega Drive / Genesis (and 32X): {@code SEGA} in the system name at 0x100; copyright line at 0x110 (its
     * year), domestic title at 0x120, overseas title at 0x150 (preferred: the domestic one is often Shift-JIS),
     * serial at 0x180, region at 0x1F0. {@code .smd} dumps are interleaved in 16 KiB blocks after a 512-byte
     * copier header and are de-interleaved first.
     *
     * @param required {@code true} when the file must be a Mega Drive ROM (its extension or folder says so): a
     *                 file too short is then an error; {@code false} when sniffing an ambiguous {@code .bin}
     */
    static HeaderInfo megaDrive(RomFile rom, boolean interleaved, boolean required)
            throws IOException, MediaScanException {
        byte[] h;
        if (interleaved) {
            if (rom.size() < 512 + 0x4000) {
                if (required) {
                    throw tooSmall(Platform.MEGA_DRIVE);
                }
                return HeaderInfo.NONE;
            }
            h = deinterleaveSmd(rom.read(512, 0x4000));
        } else {
            if (rom.size() < 0x200) {
                if (required) {
                    throw tooSmall(Platform.MEGA_DRIVE);
                }
                return HeaderInfo.NONE;
            }
            h = rom.read(0, 0x200);
        }
        String system = Bytes.ascii(h, 0x100, 16);
        if (!system.contains("SEGA")) {
            return HeaderInfo.NONE;
        }
        Platform platform = system.contains("32X") ? Platform.SEGA_32X : Platform.MEGA_DRIVE;
        String title = Bytes.text(h, 0x150, 48, false);
        if (title == null) {
            title = Bytes.text(h, 0x120, 48, false);
        }
        String serial = Bytes.text(h, 0x180, 14, false);
        String region = Regions.fromMegaDrive(Bytes.ascii(h, 0x1F0, 3));
        Matcher year = YEAR.matcher(new String(h, 0x110, 16, StandardCharsets.ISO_8859_1));
        return new HeaderInfo(platform, title, serial, region, year.find() ? Integer.valueOf(year.group(1)) : null);
    }

    /** One 16 KiB SMD block: its first half holds the odd bytes, its second half the even ones. */
    static byte[] deinterleaveSmd(byte[] block) {
        byte[] out = new byte[block.length];
        int half = block.length / 2;
        for (int i = 0; i < half; i++) {
            out[i * 2 + 1] = block[i];
            out[i * 2] = block[half + i];
        }
        return out;
    }

    /**
     * Nintendo DS: valid with the logo checksum 0xCF56 at 0x15C. Title 12 bytes at 0x00, game code 4 bytes at
     * 0x0C → serial {@code NTR-XXXX} ({@code TWL-XXXX} for DSi-only cartridges, unit code 3), region from its last
     * letter.
     */
    static HeaderInfo nintendoDs(RomFile rom) throws IOException, MediaScanException {
        byte[] h = require(rom, 0, 0x200, Platform.NINTENDO_DS);
        if (Bytes.u16le(h, 0x15C) != 0xCF56) {
            return HeaderInfo.NONE;
        }
        String code = Bytes.ascii(h, 0x0C, 4);
        boolean validCode = Bytes.isCode(code, 4);
        String prefix = (h[0x12] & 0xFF) == 0x03 ? "TWL-" : "NTR-";
        return new HeaderInfo(null, Bytes.text(h, 0, 12, false), validCode ? prefix + code : null,
                validCode ? Regions.fromNintendoCode(code.charAt(3)) : null, null);
    }

    private static byte[] require(RomFile rom, long offset, int length, Platform platform)
            throws IOException, MediaScanException {
        if (rom.size() < offset + length) {
            throw tooSmall(platform);
        }
        return rom.read(offset, length);
    }

    static MediaScanException tooSmall(Platform platform) {
        return new MediaScanException("file too small to be a " + platform.displayName() + " ROM");
    }
}
