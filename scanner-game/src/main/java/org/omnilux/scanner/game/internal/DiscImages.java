package org.omnilux.scanner.game.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a disc image says about its game, touching only a few sectors:
 * <ul>
 * <li>GameCube and Wii images: the disc header magic (0xC2339F3D at 0x1C, 0x5D1C9EA3 at 0x18), game id at 0x00,
 *     title at 0x20 → serial {@code DOL-XXXX} / {@code RVL-XXXX};</li>
 * <li>Sega discs: the system id of sector 0 ({@code SEGA SEGASATURN}, {@code SEGADISCSYSTEM},
 *     {@code SEGA SEGAKATANA}); a Saturn disc also gives its product number and title;</li>
 * <li>ISO 9660 (PlayStation, PlayStation 2, PSP): the primary volume descriptor at sector 16 leads to the root
 *     directory, where {@code SYSTEM.CNF} names the boot executable ({@code BOOT = cdrom:\SLUS_012.34;1} → serial
 *     {@code SLUS-01234}, PlayStation; {@code BOOT2 = cdrom0:\…} → PlayStation 2) and {@code UMD_DATA.BIN} holds
 *     a PSP product code.</li>
 * </ul>
 * Images with 2048-byte sectors and raw images with 2352-byte sectors (sync pattern, then a 16-byte Mode 1 or
 * 24-byte Mode 2 header before the user data) are both read. Anything unexpected gives {@link HeaderInfo#NONE}.
 */
final class DiscImages {

    /** Sixteen sectors of system area plus the volume descriptor: nothing smaller is a data disc. */
    static final long MIN_ISO_SIZE = 17L * 2048;

    static final int SECTOR = 2048;
    static final int RAW_SECTOR = 2352;
    static final byte[] SYNC = {0x00, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
        (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x00};

    /** The root directory is read up to this size (PlayStation roots are one or two sectors). */
    private static final int MAX_DIRECTORY = 32 * SECTOR;
    /** SYSTEM.CNF is a few lines; anything larger is not one. */
    private static final int MAX_SYSTEM_CNF = 4096;
    private static final Pattern BOOT_LINE = Pattern.compile("^\\s*(BOOT2?)\\s*=\\s*(\\S+)",
            Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
    private static final Pattern EXECUTABLE = Pattern.compile("([A-Z]{4})[_-]?(\\d{3})\\.?(\\d{2})");
    private static final Pattern PSP_CODE = Pattern.compile("^([A-Z]{4})-?(\\d{5})");

    private DiscImages() {
    }

    static HeaderInfo read(RomFile rom) throws IOException {
        if (rom.size() < MIN_ISO_SIZE) {
            return HeaderInfo.NONE;
        }
        HeaderInfo nintendo = nintendoDisc(rom.read(0, 0x80));
        if (nintendo != null) {
            return nintendo;
        }
        Layout layout = layout(rom);
        if (layout == null) {
            return HeaderInfo.NONE;
        }
        HeaderInfo sega = segaDisc(layout.sector(rom, 0));
        if (sega != null) {
            return sega;
        }
        return playStation(rom, layout);
    }

    private static HeaderInfo nintendoDisc(byte[] h) {
        long gameCube = Bytes.u32le(h, 0x1C);
        long wii = Bytes.u32le(h, 0x18);
        Platform platform = gameCube == 0x3D9F33C2L ? Platform.GAMECUBE : wii == 0xA39E1C5DL ? Platform.WII : null;
        if (platform == null) {
            return null;
        }
        String id = Bytes.ascii(h, 0, 4);
        boolean validId = Bytes.isCode(id, 4);
        String prefix = platform == Platform.GAMECUBE ? "DOL-" : "RVL-";
        return new HeaderInfo(platform, Bytes.text(h, 0x20, 0x60, false), validId ? prefix + id : null,
                validId ? Regions.fromNintendoCode(id.charAt(3)) : null, null);
    }

    private static HeaderInfo segaDisc(byte[] sector0) {
        String system = Bytes.ascii(sector0, 0, 16);
        if (system.startsWith("SEGA SEGASATURN")) {
            String serial = Bytes.text(sector0, 0x20, 10, false);
            return new HeaderInfo(Platform.SATURN, Bytes.text(sector0, 0x60, 112, false), serial, null, null);
        }
        if (system.startsWith("SEGADISCSYSTEM")) {
            return new HeaderInfo(Platform.SEGA_CD, null, null, null, null);
        }
        if (system.startsWith("SEGA SEGAKATANA")) {
            return new HeaderInfo(Platform.DREAMCAST, Bytes.text(sector0, 0x80, 128, false), null, null, null);
        }
        return null;
    }

    private static HeaderInfo playStation(RomFile rom, Layout layout) throws IOException {
        byte[] pvd = layout.sector(rom, 16);
        if (pvd.length < 190 || pvd[0] != 1 || !"CD001".equals(Bytes.ascii(pvd, 1, 5))) {
            return HeaderInfo.NONE;
        }
        long rootLba = Bytes.u32le(pvd, 156 + 2);
        long rootSize = Bytes.u32le(pvd, 156 + 10);
        if (rootLba <= 0 || rootSize <= 0) {
            return HeaderInfo.NONE;
        }
        byte[] root = layout.read(rom, rootLba, (int) Math.min(rootSize, MAX_DIRECTORY));
        Entry systemCnf = find(root, "SYSTEM.CNF");
        if (systemCnf != null && systemCnf.size > 0 && systemCnf.size <= MAX_SYSTEM_CNF) {
            String text = new String(layout.read(rom, systemCnf.lba, (int) systemCnf.size), StandardCharsets.ISO_8859_1);
            HeaderInfo boot = fromSystemCnf(text);
            if (boot != null) {
                return boot;
            }
        }
        Entry umd = find(root, "UMD_DATA.BIN");
        if (umd != null && umd.size > 0) {
            Matcher code = PSP_CODE.matcher(new String(layout.read(rom, umd.lba, (int) Math.min(umd.size, 64)),
                    StandardCharsets.ISO_8859_1));
            if (code.find()) {
                return new HeaderInfo(Platform.PSP, null, code.group(1) + "-" + code.group(2), Regions
                        .fromPlayStationPrefix(code.group(1)), null);
            }
            return new HeaderInfo(Platform.PSP, null, null, null, null);
        }
        if (find(root, "PSX.EXE") != null) {
            return new HeaderInfo(Platform.PLAYSTATION, null, null, null, null);
        }
        return HeaderInfo.NONE;
    }

    /**
     * Reads the boot line of a {@code SYSTEM.CNF}.
     *
     * @return the platform, serial and region it names, or {@code null} without a readable boot line
     */
    static HeaderInfo fromSystemCnf(String text) {
        Matcher boot = BOOT_LINE.matcher(text);
        if (!boot.find()) {
            return null;
        }
        Platform platform = boot.group(1).equalsIgnoreCase("BOOT2") ? Platform.PLAYSTATION_2 : Platform.PLAYSTATION;
        String path = boot.group(2);
        String executable = path.substring(Math.max(path.lastIndexOf('\\'), path.lastIndexOf(':')) + 1)
                .toUpperCase(Locale.ROOT);
        Matcher code = EXECUTABLE.matcher(executable);
        if (!code.find()) {
            return new HeaderInfo(platform, null, null, null, null);
        }
        return new HeaderInfo(platform, null, code.group(1) + "-" + code.group(2) + code.group(3), null,
                null).withRegion(Regions.fromPlayStationPrefix(code.group(1)));
    }

    private record Entry(long lba, long size) {
    }

    /** Finds a file in an ISO 9660 directory by name, ignoring case and the {@code ;1} version suffix. */
    private static Entry find(byte[] directory, String name) {
        int offset = 0;
        while (offset < directory.length) {
            int length = directory[offset] & 0xFF;
            if (length == 0) {
                offset = (offset / SECTOR + 1) * SECTOR; // records never cross a sector: the rest is padding
                continue;
            }
            if (length < 34 || offset + length > directory.length) {
                return null;
            }
            int nameLength = directory[offset + 32] & 0xFF;
            if (offset + 33 + nameLength > offset + length) {
                return null;
            }
            String entryName = Bytes.ascii(directory, offset + 33, nameLength);
            int version = entryName.indexOf(';');
            if (version >= 0) {
                entryName = entryName.substring(0, version);
            }
            boolean isDirectory = (directory[offset + 25] & 0x02) != 0;
            if (!isDirectory && entryName.equalsIgnoreCase(name)) {
                return new Entry(Bytes.u32le(directory, offset + 2), Bytes.u32le(directory, offset + 10));
            }
            offset += length;
        }
        return null;
    }

    /** How logical 2048-byte sectors lie in the file. */
    private record Layout(int sectorSize, int dataOffset) {

        byte[] sector(RomFile rom, long lba) throws IOException {
            return rom.read(lba * sectorSize + dataOffset, SECTOR);
        }

        /** Reads {@code length} bytes of user data from {@code lba} on, sector by sector for raw images. */
        byte[] read(RomFile rom, long lba, int length) throws IOException {
            if (sectorSize == SECTOR) {
                return rom.read(lba * SECTOR, length);
            }
            byte[] out = new byte[length];
            int done = 0;
            for (long sector = lba; done < length; sector++) {
                byte[] data = sector(rom, sector);
                if (data.length == 0) {
                    break;
                }
                int n = Math.min(data.length, length - done);
                System.arraycopy(data, 0, out, done, n);
                done += n;
            }
            return done == length ? out : java.util.Arrays.copyOf(out, done);
        }
    }

    /** 2048-byte sectors when sector 16 holds a volume descriptor, else raw sectors when they start with sync. */
    private static Layout layout(RomFile rom) throws IOException {
        byte[] cooked = rom.read(16L * SECTOR, 8);
        if ("CD001".equals(Bytes.ascii(cooked, 1, 5))) {
            return new Layout(SECTOR, 0);
        }
        byte[] first = rom.read(0, 16);
        if (Bytes.matches(first, 0, SYNC)) {
            int mode = Bytes.u8(rom.read(16L * RAW_SECTOR, 16), 15);
            return new Layout(RAW_SECTOR, mode == 1 ? 16 : 24);
        }
        if (Bytes.ascii(rom.read(0, 16), 0, 16).startsWith("SEGA")) {
            return new Layout(SECTOR, 0); // a cooked Sega disc without an ISO 9660 volume at sector 16
        }
        return null;
    }
}
