package org.omnilux.scanner.comic.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Writes RAR 4.x archives of stored (uncompressed) entries, for the CBR tests. Written by hand from the public
 * RAR 1.5–4.x block format because no RAR writer is available here: {@code rar} is non-free, and libarchive and
 * Commons Compress only read RAR.
 *
 * <p>Every block starts with HEAD_CRC (2), HEAD_TYPE (1), HEAD_FLAGS (2), HEAD_SIZE (2), all little-endian.
 * Entries are written as WinRAR writes them, which is what most CBR files in the wild are: Windows host, DOS
 * attributes, {@code \} between folders.
 */
final class RarFixtures {

    /** The marker block: itself a block (CRC 0x6152, type 0x72, flags 0x1A21, size 7) readers match as bytes. */
    private static final byte[] MARKER = {0x52, 0x61, 0x72, 0x21, 0x1A, 0x07, 0x00};

    private static final int MAIN_HEAD = 0x73;
    private static final int FILE_HEAD = 0x74;
    private static final int END_HEAD = 0x7B;

    /** LONG_BLOCK: PACK_SIZE (the data after the header) follows the common fields. */
    private static final int LONG_BLOCK = 0x8000;
    /** Readers that do not know a block skip it rather than fail; WinRAR sets it on the end block. */
    private static final int SKIP_IF_UNKNOWN = 0x4000;
    /** The dictionary-size bits all set mean "directory" in a file header. */
    private static final int DIRECTORY = 0x00E0;

    private static final int HOST_WIN32 = 2;
    private static final int UNP_VER_20 = 20; // the lowest version that can extract a stored file
    private static final int METHOD_STORE = 0x30;
    private static final int ATTR_ARCHIVE = 0x20;
    private static final int ATTR_DIRECTORY = 0x10;

    /** 2012-03-14 12:00:00 as a DOS date and time: a fixed time, so a fixture is the same bytes every run. */
    private static final int FTIME = ((2012 - 1980) << 9 | 3 << 5 | 14) << 16 | 12 << 11;

    private RarFixtures() {
    }

    /**
     * @param entries archive paths ({@code /}-separated, ASCII) to contents, in archive order; a path ending in
     *                {@code /} is a folder entry (its content is ignored, may be null)
     * @return the RAR archive
     */
    static byte[] rar(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MARKER);
        // main header: no flags (not solid, not a volume, no comment); two reserved fields, 6 bytes of zeros
        out.writeBytes(block(MAIN_HEAD, 0, new byte[6]));
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            boolean directory = entry.getKey().endsWith("/");
            String path = directory ? entry.getKey().substring(0, entry.getKey().length() - 1) : entry.getKey();
            byte[] data = directory ? new byte[0] : entry.getValue();
            out.writeBytes(fileHeader(path, data, directory));
            out.writeBytes(data);
        }
        out.writeBytes(block(END_HEAD, SKIP_IF_UNKNOWN, new byte[0]));
        return out.toByteArray();
    }

    /** Writes {@link #rar} to the file, creating its folder. */
    static Path write(Path file, Map<String, byte[]> entries) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, rar(entries));
    }

    private static byte[] fileHeader(String path, byte[] data, boolean directory) {
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(path)) {
            // other names need the FHD_UNICODE name encoding, which these fixtures do not write
            throw new IllegalArgumentException("not an ASCII name: " + path);
        }
        byte[] name = path.replace('/', '\\').getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(data);
        ByteBuffer fields = ByteBuffer.allocate(25 + name.length).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(data.length)                  // PACK_SIZE: stored, so packed = unpacked
                .putInt(data.length)                  // UNP_SIZE
                .put((byte) HOST_WIN32)               // HOST_OS
                .putInt((int) crc.getValue())         // FILE_CRC of the unpacked data, checked by readers
                .putInt(FTIME)                        // FTIME
                .put((byte) UNP_VER_20)               // UNP_VER
                .put((byte) METHOD_STORE)             // METHOD
                .putShort((short) name.length)        // NAME_SIZE
                .putInt(directory ? ATTR_DIRECTORY : ATTR_ARCHIVE) // ATTR
                .put(name);
        return block(FILE_HEAD, LONG_BLOCK | (directory ? DIRECTORY : 0), fields.array());
    }

    /** A block header: HEAD_CRC is the low 16 bits of the CRC32 of everything after it, HEAD_TYPE to the end. */
    private static byte[] block(int type, int flags, byte[] fields) {
        ByteBuffer block = ByteBuffer.allocate(7 + fields.length).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0) // HEAD_CRC, below
                .put((byte) type)
                .putShort((short) flags)
                .putShort((short) (7 + fields.length)) // HEAD_SIZE: the whole header, without the entry data
                .put(fields);
        CRC32 crc = new CRC32();
        crc.update(block.array(), 2, block.capacity() - 2);
        return block.putShort(0, (short) crc.getValue()).array();
    }
}
