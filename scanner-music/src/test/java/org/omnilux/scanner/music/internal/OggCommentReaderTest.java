package org.omnilux.scanner.music.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opus comments, which jaudiotagger 3.0.1 reads only through the packet this reader hands it. */
class OggCommentReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheFieldsAndTheFrontCoverOfAnOpusFile() throws Exception {
        byte[] front = Files.readAllBytes(Ffmpeg.image(dir.resolve("front.jpg")));
        byte[] back = "not the front".getBytes(StandardCharsets.US_ASCII);
        Path file = Ffmpeg.tone(dir.resolve("a.opus"), 1, List.of("title=Hunter", "artist=Björk",
                "album_artist=Björk", "album=Homogenic", "track=1/10", "disc=1", "date=1997-09-22", "genre=Electronic",
                "METADATA_BLOCK_PICTURE=" + picture(4, back), "METADATA_BLOCK_PICTURE=" + picture(3, front)),
                "-c:a", "libopus");

        TagReader.Result read = new TagReader().read(file);

        assertNull(read.failure());
        AudioTags tags = read.tags();
        assertEquals("opus", tags.source());
        assertEquals("Hunter", tags.title());
        assertEquals("Björk", tags.artist());
        assertEquals("Björk", tags.albumArtist());
        assertEquals("Homogenic", tags.album());
        assertArrayEquals(new Integer[] {1, 10}, TagValues.numberPair(tags.track()));
        assertEquals("1997-09-22", tags.date());
        assertEquals(List.of("Electronic"), tags.genres());
        assertArrayEquals(front, tags.cover(), "the front cover wins over the other picture");
        assertNull(new TagReader().read(file, false, -1).tags().cover(), "no cover read when covers are off");
    }

    @Test
    void aCommentClaimingMoreBytesThanTheHeaderHoldsIsAFailureNotACrash() throws Exception {
        Path file = Ffmpeg.tone(dir.resolve("b.opus"), 1, List.of("title=Broken"), "-c:a", "libopus");
        byte[] bytes = Files.readAllBytes(file);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("OpusTags");
        assertTrue(at > 0);
        bytes[at + 8 + 3] = 0x7f; // the vendor string now claims about 2 GB
        Files.write(file, bytes);

        TagReader.Result read = new TagReader().read(file);

        assertNull(read.tags());
        assertNotNull(read.failure());
        assertTrue(read.failure().contains("claims"), read.failure());
    }

    @Test
    void aFileThatIsNoOggIsAFailure() throws Exception {
        Path file = Files.writeString(dir.resolve("c.opus"), "not an ogg file at all");

        TagReader.Result read = new TagReader().read(file);

        assertNull(read.tags());
        assertTrue(read.failure().startsWith("unreadable Opus comment header"), read.failure());
    }

    /** A FLAC picture block, base64: what Vorbis comments carry as METADATA_BLOCK_PICTURE. */
    private static String picture(int type, byte[] data) {
        byte[] mime = "image/jpeg".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer block = ByteBuffer.allocate(32 + mime.length + data.length);
        block.putInt(type).putInt(mime.length).put(mime).putInt(0).putInt(64).putInt(64).putInt(24).putInt(0)
                .putInt(data.length).put(data);
        return Base64.getEncoder().encodeToString(block.array());
    }
}
