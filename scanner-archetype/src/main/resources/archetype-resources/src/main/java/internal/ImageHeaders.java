package ${package}.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

import org.omnilux.api.scanner.MediaScanException;

/**
 * Format and pixel size of PNG, JPEG and GIF files, read from their headers: a few positioned reads, nothing
 * decoded, so a huge or hostile file costs no more than a small one. Pure and thread-safe.
 */
final class ImageHeaders {

    /** What the header says: {@code format} is the container name the API shows. */
    record Header(String format, int width, int height) {
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] GIF87A = "GIF87a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GIF89A = "GIF89a".getBytes(StandardCharsets.US_ASCII);
    /** A JPEG has a handful of segments before its frame header; a file with more is not worth reading on. */
    private static final int MAX_JPEG_SEGMENTS = 256;

    private ImageHeaders() {
    }

    static Header read(Path file) throws IOException, MediaScanException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = read(channel, 0, 26);
            if (head.remaining() >= 24 && startsWith(head, PNG)) {
                return png(head);
            }
            if (head.remaining() >= 10 && (startsWith(head, GIF87A) || startsWith(head, GIF89A))) {
                return sized("gif", u16le(head, 6), u16le(head, 8));
            }
            if (head.remaining() >= 3 && u8(head, 0) == 0xFF && u8(head, 1) == 0xD8 && u8(head, 2) == 0xFF) {
                return jpeg(channel);
            }
            throw new MediaScanException("not a PNG, JPEG or GIF image");
        }
    }

    private static Header png(ByteBuffer head) throws MediaScanException {
        // signature, then the IHDR chunk: length, "IHDR", width, height (big-endian)
        if (head.getInt(8) != 13 || head.getInt(12) != 0x49484452) {
            throw new MediaScanException("PNG without an IHDR header");
        }
        return sized("png", head.getInt(16), head.getInt(20));
    }

    private static Header jpeg(FileChannel channel) throws IOException, MediaScanException {
        long position = 2;
        for (int segment = 0; segment < MAX_JPEG_SEGMENTS; segment++) {
            ByteBuffer marker = read(channel, position, 4);
            if (marker.remaining() < 2 || u8(marker, 0) != 0xFF) {
                break;
            }
            int type = u8(marker, 1);
            if (type == 0xFF) {
                position++; // fill byte
                continue;
            }
            if (type == 0x01 || (type >= 0xD0 && type <= 0xD8)) {
                position += 2; // markers without a length
                continue;
            }
            if (type == 0xD9 || type == 0xDA || marker.remaining() < 4) {
                break; // end of image, or scan data before any frame header
            }
            int length = u16be(marker, 2);
            if (length < 2) {
                break;
            }
            boolean startOfFrame = type >= 0xC0 && type <= 0xCF && type != 0xC4 && type != 0xC8 && type != 0xCC;
            if (startOfFrame) {
                // length, sample precision, height, width
                ByteBuffer frame = read(channel, position + 4, 5);
                if (frame.remaining() < 5) {
                    break;
                }
                return sized("jpeg", u16be(frame, 3), u16be(frame, 1));
            }
            position += 2 + length;
        }
        throw new MediaScanException("JPEG without a readable frame header");
    }

    private static Header sized(String format, int width, int height) throws MediaScanException {
        if (width <= 0 || height <= 0) {
            throw new MediaScanException(format.toUpperCase(Locale.ROOT) + " header gives no pixel size ("
                    + width + "x" + height + ")");
        }
        return new Header(format, width, height);
    }

    /** Up to {@code size} bytes at {@code position}; fewer at the end of the file. */
    private static ByteBuffer read(FileChannel channel, long position, int size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(size);
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                break;
            }
        }
        return buffer.flip();
    }

    private static boolean startsWith(ByteBuffer buffer, byte[] prefix) {
        if (buffer.remaining() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buffer.get(i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u8(ByteBuffer buffer, int index) {
        return buffer.get(index) & 0xFF;
    }

    private static int u16be(ByteBuffer buffer, int index) {
        return (u8(buffer, index) << 8) | u8(buffer, index + 1);
    }

    private static int u16le(ByteBuffer buffer, int index) {
        return u8(buffer, index) | (u8(buffer, index + 1) << 8);
    }
}
