package org.omnilux.scanner.game.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Bounded random access to a ROM or disc image: header readers ask for the few bytes they need, never for the
 * whole file (a DVD image is several gigabytes). Not thread-safe; one instance per file and call.
 */
final class RomFile implements Closeable {

    /** The most any single read may ask for: headers and directory sectors are far smaller. */
    static final int MAX_READ = 256 * 1024;

    private final FileChannel channel;
    private final long size;

    private RomFile(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    static RomFile open(Path file) throws IOException {
        return new RomFile(FileChannel.open(file, StandardOpenOption.READ));
    }

    long size() {
        return size;
    }

    /**
     * Reads up to {@code length} bytes at {@code offset}.
     *
     * @return the bytes read: shorter than asked for near the end of the file, empty beyond it
     */
    byte[] read(long offset, int length) throws IOException {
        if (length < 0 || length > MAX_READ) {
            throw new IllegalArgumentException("read of " + length + " bytes");
        }
        if (offset < 0 || offset >= size) {
            return new byte[0];
        }
        int wanted = (int) Math.min(length, size - offset);
        ByteBuffer buffer = ByteBuffer.allocate(wanted);
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, offset + buffer.position());
            if (n < 0) {
                break;
            }
        }
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return bytes;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
