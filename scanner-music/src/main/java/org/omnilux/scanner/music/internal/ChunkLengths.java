package org.omnilux.scanner.music.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks the chunk lengths of a WAV (RIFF) or AIFF (IFF) file against the file before jaudiotagger reads it.
 * jaudiotagger 3.0.1 allocates what an AIFF chunk or a WAV INFO entry claims before it reads a byte: one bogus
 * length (a broken copy, a hostile file) costs a 2 GB buffer and seconds of zeroing, or an {@link OutOfMemoryError}
 * (a full collection first) in a server with a small heap, for a file of a few kB. Such a file is left to ffprobe,
 * which reads what there is. The audio chunk may run past the end, as it does in a cut file: jaudiotagger buffers
 * none of it. Reads the chunk headers only.
 */
final class ChunkLengths {

    /** Real files have a dozen chunks; past this many the rest goes unchecked (jaudiotagger walks them anyway). */
    private static final int MAX_CHUNKS = 1024;

    private ChunkLengths() {
    }

    /**
     * @return why jaudiotagger must not read the file (a chunk or INFO entry longer than what holds it), or
     *         {@code null} when the lengths fit, or the file is no RIFF WAVE or IFF AIFF (jaudiotagger says so itself)
     */
    static String problem(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer head = read(channel, 0, 12);
            if (head == null) {
                return null;
            }
            String form = ascii(head, 0);
            boolean riff = form.equals("RIFF") && ascii(head, 8).equals("WAVE");
            boolean iff = form.equals("FORM") && (ascii(head, 8).equals("AIFF") || ascii(head, 8).equals("AIFC"));
            if (!riff && !iff) {
                return null;
            }
            ByteOrder order = riff ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            String audio = riff ? "data" : "SSND";
            long position = 12;
            for (int chunks = 0; chunks < MAX_CHUNKS; chunks++) {
                ByteBuffer header = read(channel, position, 8);
                if (header == null) {
                    return null;
                }
                String id = ascii(header, 0);
                if (!isChunkId(id)) {
                    return null; // misaligned (a writer that left out a pad byte): jaudiotagger copes in its own way
                }
                long length = Integer.toUnsignedLong(header.order(order).getInt(4));
                long end = position + 8 + length;
                if (end > size) {
                    return id.equals(audio) ? null
                            : "the '" + id + "' chunk claims " + length + " bytes, past the end of the file";
                }
                if (riff && id.equals("LIST")) {
                    String entry = infoProblem(channel, position + 8, end);
                    if (entry != null) {
                        return entry;
                    }
                }
                position = end + (length & 1); // chunks are padded to an even length
            }
            return null;
        }
    }

    /** Checks the entries of a LIST chunk of type INFO (its content from {@code from} to {@code end}). */
    private static String infoProblem(FileChannel channel, long from, long end) throws IOException {
        ByteBuffer type = read(channel, from, 4);
        if (type == null || !ascii(type, 0).equals("INFO")) {
            return null;
        }
        long position = from + 4;
        for (int entries = 0; entries < MAX_CHUNKS && position + 8 <= end; entries++) {
            ByteBuffer header = read(channel, position, 8);
            long length = Integer.toUnsignedLong(header.order(ByteOrder.LITTLE_ENDIAN).getInt(4));
            long entryEnd = position + 8 + length;
            if (entryEnd > end) {
                return "the INFO entry '" + ascii(header, 0) + "' claims " + length
                        + " bytes, past the end of its LIST chunk";
            }
            position = entryEnd + (length & 1);
        }
        return null;
    }

    /** Four printable ASCII characters, as every chunk id is. */
    private static boolean isChunkId(String id) {
        return id.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }

    /** {@code n} bytes at {@code position}, or {@code null} if the file ends before. */
    private static ByteBuffer read(FileChannel channel, long position, int n) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(n);
        while (bytes.hasRemaining()) {
            if (channel.read(bytes, position + bytes.position()) < 0) {
                return null;
            }
        }
        return bytes.flip();
    }

    private static String ascii(ByteBuffer bytes, int at) {
        byte[] id = new byte[4];
        bytes.get(at, id);
        return new String(id, StandardCharsets.ISO_8859_1);
    }
}
