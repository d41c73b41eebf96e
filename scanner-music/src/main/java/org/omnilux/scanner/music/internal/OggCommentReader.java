package org.omnilux.scanner.music.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.jaudiotagger.audio.exceptions.CannotReadException;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentReader;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentTag;

/**
 * Reads the comment header of an Ogg Opus file ({@code OpusTags}, RFC 7845 §5.2), which jaudiotagger 3.0.1 has no
 * file reader for: this class only walks the Ogg pages to the header packet; the comments in it, a Vorbis comment
 * list as in Ogg Vorbis and FLAC, are parsed by jaudiotagger's own {@link VorbisCommentReader} and mapped like every
 * other tag, {@code METADATA_BLOCK_PICTURE} covers included. Reads the first pages only, and gives up on sizes no
 * real file has.
 */
final class OggCommentReader {

    /** Comment headers carrying cover art run to a few MB; past this the file is broken or hostile. */
    private static final int MAX_HEADER_BYTES = 16 * 1024 * 1024;
    private static final byte[] OPUS_TAGS = "OpusTags".getBytes(StandardCharsets.US_ASCII);

    private OggCommentReader() {
    }

    static TagReader.Result read(Path file, boolean withCover) {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            byte[] packet = secondPacket(new DataInputStream(in));
            return new TagReader.Result(parse(packet, file, withCover), null);
        } catch (IOException | CannotReadException | RuntimeException e) {
            return new TagReader.Result(null, "unreadable Opus comment header: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            return new TagReader.Result(null, "unreadable Opus comment header: a comment claims an impossible size");
        }
    }

    /** The second logical packet of the first stream: the comment header. */
    private static byte[] secondPacket(DataInputStream in) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        int packetIndex = 0;
        while (true) {
            byte[] header = new byte[27];
            in.readFully(header);
            if (header[0] != 'O' || header[1] != 'g' || header[2] != 'g' || header[3] != 'S') {
                throw new IOException("not an Ogg page");
            }
            int segments = header[26] & 0xff;
            byte[] lacing = new byte[segments];
            in.readFully(lacing);
            for (byte lace : lacing) {
                int length = lace & 0xff;
                byte[] data = new byte[length];
                in.readFully(data);
                if (packetIndex == 1) {
                    packet.write(data);
                    if (packet.size() > MAX_HEADER_BYTES) {
                        throw new IOException("comment header larger than " + MAX_HEADER_BYTES + " bytes");
                    }
                }
                if (length < 255) { // a lacing value below 255 ends the packet
                    if (packetIndex == 1) {
                        return packet.toByteArray();
                    }
                    packetIndex++;
                }
            }
        }
    }

    static AudioTags parse(byte[] packet, Path file, boolean withCover) throws IOException, CannotReadException {
        if (packet.length < OPUS_TAGS.length || !Arrays.equals(packet, 0, OPUS_TAGS.length, OPUS_TAGS, 0,
                OPUS_TAGS.length)) {
            throw new IOException("no OpusTags header");
        }
        checkLengths(packet);
        VorbisCommentTag tag = new VorbisCommentReader().read(Arrays.copyOfRange(packet, OPUS_TAGS.length,
                packet.length), false, file);
        return TagReader.fromTag(tag, "opus", withCover);
    }

    /**
     * Checks every length field of the comment list against the bytes there, before jaudiotagger allocates what
     * they claim.
     */
    private static void checkLengths(byte[] packet) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(packet, OPUS_TAGS.length, packet.length - OPUS_TAGS.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        skip(b, length(b)); // vendor
        int count = length(b);
        for (int i = 0; i < count; i++) {
            skip(b, length(b));
        }
    }

    private static int length(ByteBuffer b) throws IOException {
        if (b.remaining() < 4) {
            throw new EOFException("truncated comment header");
        }
        int length = b.getInt();
        if (length < 0 || length > b.remaining()) {
            throw new IOException("a comment claims " + Integer.toUnsignedString(length) + " bytes");
        }
        return length;
    }

    private static void skip(ByteBuffer b, int n) {
        b.position(b.position() + n);
    }
}
