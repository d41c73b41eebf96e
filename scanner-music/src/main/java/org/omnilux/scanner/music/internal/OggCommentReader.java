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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Reads the comment header of an Ogg Opus file ({@code OpusTags}, RFC 7845 §5.2) — the Vorbis-comment fields
 * jaudiotagger does not read for Opus — including a {@code METADATA_BLOCK_PICTURE} cover. Reads the first
 * pages only, and gives up on sizes no real file has.
 */
final class OggCommentReader {

    /** Comment headers carrying cover art run to a few MB; past this the file is broken or hostile. */
    private static final int MAX_HEADER_BYTES = 16 * 1024 * 1024;
    private static final int FRONT_COVER = 3;

    private OggCommentReader() {
    }

    static TagReader.Result read(Path file) {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            byte[] packet = secondPacket(new DataInputStream(in));
            return new TagReader.Result(parse(packet), null);
        } catch (IOException | RuntimeException e) {
            return new TagReader.Result(null, "unreadable Opus comment header: " + e.getMessage());
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

    static AudioTags parse(byte[] packet) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(packet).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[8];
        if (b.remaining() < 8) {
            throw new EOFException("short comment header");
        }
        b.get(magic);
        if (!new String(magic, StandardCharsets.US_ASCII).equals("OpusTags")) {
            throw new IOException("no OpusTags header");
        }
        skip(b, length(b)); // vendor
        int count = length(b);
        String title = null, artist = null, albumArtist = null, album = null, track = null, trackTotal = null;
        String disc = null, date = null;
        byte[] cover = null;
        List<String> genres = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int length = length(b);
            byte[] raw = new byte[length];
            b.get(raw);
            String comment = new String(raw, StandardCharsets.UTF_8);
            int eq = comment.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = comment.substring(0, eq).toUpperCase(Locale.ROOT);
            String value = TagReader.value(comment.substring(eq + 1));
            if (value == null) {
                continue;
            }
            switch (key) {
                case "TITLE" -> title = title == null ? value : title;
                case "ARTIST" -> artist = artist == null ? value : artist;
                case "ALBUMARTIST", "ALBUM ARTIST", "ALBUM_ARTIST" -> albumArtist = albumArtist == null ? value : albumArtist;
                case "ALBUM" -> album = album == null ? value : album;
                case "TRACKNUMBER" -> track = track == null ? value : track;
                case "TRACKTOTAL", "TOTALTRACKS" -> trackTotal = trackTotal == null ? value : trackTotal;
                case "DISCNUMBER" -> disc = disc == null ? value : disc;
                case "DATE", "YEAR" -> date = date == null ? value : date;
                case "GENRE" -> genres.add(value);
                case "METADATA_BLOCK_PICTURE" -> cover = betterCover(cover, value);
                default -> {
                    // not a field the API shows
                }
            }
        }
        return new AudioTags("opus", title, artist, albumArtist, album, track, trackTotal, disc, date, genres, cover);
    }

    /** A base64 FLAC picture block; the front cover wins over any other picture. */
    private static byte[] betterCover(byte[] current, String base64) {
        try {
            ByteBuffer p = ByteBuffer.wrap(Base64.getMimeDecoder().decode(base64)); // big-endian
            int type = p.getInt();
            skip(p, p.getInt()); // MIME type
            skip(p, p.getInt()); // description
            skip(p, 16); // width, height, depth, colours
            int length = p.getInt();
            if (length <= 0 || length > p.remaining()) {
                return current;
            }
            byte[] data = new byte[length];
            p.get(data);
            return current == null || type == FRONT_COVER ? data : current;
        } catch (RuntimeException e) {
            return current;
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
        if (n < 0 || n > b.remaining()) {
            throw new IllegalArgumentException("field longer than the header");
        }
        b.position(b.position() + n);
    }
}
