package org.omnilux.scanner.music.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.omnilux.api.probe.MediaProber;
import org.omnilux.api.probe.ProbeResult;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanException;

/**
 * The formats the other tests do not open: WMA (ASF), WAV (RIFF INFO), AIFF (ID3 chunk) and raw AAC (ADTS), each
 * written by ffmpeg with the tags of {@link MusicScannerTest#FULL_TAGS}, without tags in an
 * {@code Artist/Album (Year)/NN - Title} folder, and broken (cut after the header, a length field that lies). A
 * format must give each field it holds as an mp3 gives it; a broken file is a record or a {@link MediaScanException},
 * never another exception.
 */
class WmaWavAiffAacTest {

    /** What the mp3, FLAC, Ogg and Opus tests expect of {@link MusicScannerTest#FULL_TAGS}. */
    private static final Map<String, Object> FULL = Map.of("artist", "Daft Punk", "albumArtist", "Daft Punk",
            "album", "Discovery", "trackNumber", 3, "trackTotal", 14, "discNumber", 1,
            "genres", List.of("Electronic", "House"));
    /** An untagged file in {@code Daft Punk/Discovery (2001)/03 - Harder Better.*}. */
    private static final Map<String, Object> FROM_NAMES = Map.of("artist", "Daft Punk", "albumArtist", "Daft Punk",
            "album", "Discovery", "trackNumber", 3);
    private static final String NAMED = "Daft Punk/Discovery (2001)/03 - Harder Better.";
    /** ASF object GUIDs as stored (little-endian fields): Extended Content Description, Content Description. */
    private static final byte[] ASF_EXTENDED_CONTENT = HexFormat.of().parseHex("40a4d0d207e3d21197f000a0c95ea850");
    private static final byte[] ASF_CONTENT = HexFormat.of().parseHex("3326b2758e66cf11a6d900aa0062ce6c");
    private static final int BOGUS_LENGTH = 0x7ffffff0;

    private final MusicScanner scanner = new MusicScanner();
    private final MediaProber ffprobe = new FfprobeTestProber();

    @TempDir
    Path root;

    // ---- WMA ------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} channel(s)")
    @ValueSource(ints = {1, 2})
    void wmaTagsAndStreams(int channels) throws Exception {
        Path file = Ffmpeg.tone(root.resolve("whatever.wma"), 3, MusicScannerTest.FULL_TAGS, "-c:a", "wmav2",
                "-b:a", "128k", "-ac", String.valueOf(channels));

        TagReader.Result read = new TagReader().read(file);
        MediaRecord record = recognise(file);

        assertEquals("jaudiotagger", read.tags().source(), "the ASF tags, not ffprobe's second chance");
        assertNull(read.streams(), "jaudiotagger does not describe WMA: the prober does");
        assertEquals("Harder Better", record.title);
        assertEquals(2001, record.year, "ffmpeg keeps the date as an ASF attribute 'date', not WM/Year");
        assertEquals(FULL, record.metadata);
        assertEquals("wmav2", record.probe.audio.get(0).codec, "ffprobe's (the core's prober names it wma)");
        assertEquals(channels, record.probe.audio.get(0).channels);
        assertEquals(3.0, record.probe.durationSeconds, 0.05);
        assertTrue(record.probe.bitRate >= 128_000 && record.probe.bitRate < 160_000, "128 kb/s of audio plus the "
                + "ASF packets: " + record.probe.bitRate);
    }

    /** Windows Media Player and most taggers write the year as WM/Year, which jaudiotagger maps. */
    @Test
    void wmaYearAsWindowsMediaPlayerWritesIt() throws Exception {
        Path file = Ffmpeg.tone(root.resolve("whatever.wma"), 1, List.of("title=Around the World", "WM/Year=1997"),
                "-c:a", "wmav2");

        MediaRecord record = recognise(file);

        assertEquals("Around the World", record.title);
        assertEquals(1997, record.year);
    }

    @Test
    void untaggedWmaIsDescribedByItsNames() throws Exception {
        Path file = Ffmpeg.tone(root.resolve(NAMED + "wma"), 2, List.of(), "-map_metadata", "-1", "-c:a", "wmav2");

        assertNamesOnly(recognise(file), "wmav2");
    }

    @Test
    void wmaCutAfterItsHeaderIsKept() throws Exception {
        byte[] whole = Files.readAllBytes(Ffmpeg.tone(root.resolve("whole.wma"), 3, MusicScannerTest.FULL_TAGS,
                "-c:a", "wmav2"));
        int header = (int) ByteBuffer.wrap(whole, 16, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        Path file = Files.write(root.resolve("Daft Punk - Cut.wma"), Arrays.copyOf(whole, header + 100));

        MediaRecord record = recognise(file);

        assertEquals("Harder Better", record.title, "the tags are in the header");
        assertEquals(FULL, record.metadata);
        assertEquals("wmav2", record.probe.audio.get(0).codec);
        assertTrue(record.probe.durationSeconds < 0.1, "what is left: " + record.probe.durationSeconds);
    }

    @Test
    void wmaHeaderCutShortFails() throws Exception {
        byte[] whole = Files.readAllBytes(Ffmpeg.tone(root.resolve("whole.wma"), 1, MusicScannerTest.FULL_TAGS,
                "-c:a", "wmav2"));
        Path file = Files.write(root.resolve("Daft Punk - Cut.wma"), Arrays.copyOf(whole, 400));

        assertUnreadable(file);
    }

    @Test
    void anAsfObjectWithABogusLengthFails() throws Exception {
        Path file = Ffmpeg.tone(root.resolve("Daft Punk - Bogus.wma"), 1, MusicScannerTest.FULL_TAGS, "-c:a", "wmav2");
        patch(file, indexOf(file, ASF_EXTENDED_CONTENT) + 16, ByteOrder.LITTLE_ENDIAN, BOGUS_LENGTH);

        assertUnreadable(file);
    }

    @Test
    void anAsfTitleWithABogusLengthFallsBackToFfprobesTags() throws Exception {
        Path file = Ffmpeg.tone(root.resolve("Someone - Bogus.wma"), 1, MusicScannerTest.FULL_TAGS, "-c:a", "wmav2");
        // the title's length in the Content Description object: 0xfff0 bytes, more than the object holds
        patch(file, indexOf(file, ASF_CONTENT) + 24, ByteOrder.LITTLE_ENDIAN, (short) 0xfff0);
        assertNotNull(new TagReader().read(file).failure(), "jaudiotagger gives up on this file");

        MediaRecord record = recognise(file);

        assertEquals("Harder Better", record.title);
        assertEquals(2001, record.year);
        assertEquals(FULL, record.metadata);
    }

    // ---- WAV ------------------------------------------------------------------------------------------------

    @Test
    void wavInfoChunk() throws Exception {
        Path file = Ffmpeg.tone(root.resolve("whatever.wav"), 3, MusicScannerTest.FULL_TAGS, "-c:a", "pcm_s16le",
                "-ac", "2");
        // ffmpeg maps to RIFF INFO what it has an entry for: no album artist, no disc; the track goes in IPRT
        assertEquals(List.of("IART", "ICRD", "IGNR", "INAM", "IPRD", "IPRT", "ISFT"), infoIds(file));

        MediaRecord record = recognise(file);

        assertEquals("Harder Better", record.title);
        assertEquals(2001, record.year);
        Map<String, Object> expected = new HashMap<>(FULL);
        expected.remove("albumArtist");
        expected.remove("discNumber");
        assertEquals(expected, record.metadata);
        assertStreams(record.probe, "wav", 2, 3.0, 44_100 * 16 * 2);
        assertNotNull(new TagReader().read(file).streams(), "jaudiotagger describes PCM: no ffprobe run");
    }

    /** Taggers that want every field in a WAV file (Mp3tag, foobar2000) add an ID3v2 tag as an "id3 " chunk. */
    @Test
    void wavId3Chunk() throws Exception {
        byte[] plain = Files.readAllBytes(Ffmpeg.tone(root.resolve("plain.wav"), 2, List.of(), "-map_metadata", "-1",
                "-fflags", "+bitexact"));
        byte[] tag = MusicScannerTest.id3v23(MusicScannerTest.frame("TIT2", "Harder Better"),
                MusicScannerTest.frame("TPE1", "Daft Punk"), MusicScannerTest.frame("TPE2", "Daft Punk"),
                MusicScannerTest.frame("TALB", "Discovery"), MusicScannerTest.frame("TRCK", "3/14"),
                MusicScannerTest.frame("TPOS", "1/2"), MusicScannerTest.frame("TYER", "2001"),
                MusicScannerTest.frame("TCON", "Electronic;House"));
        ByteBuffer chunk = ByteBuffer.allocate(8 + tag.length + (tag.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        chunk.put("id3 ".getBytes(StandardCharsets.US_ASCII)).putInt(tag.length).put(tag);
        byte[] bytes = MusicScannerTest.concat(plain, chunk.array());
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4, bytes.length - 8); // the RIFF size
        Path file = Files.write(root.resolve("whatever.wav"), bytes);

        MediaRecord record = recognise(file);

        assertEquals("Harder Better", record.title);
        assertEquals(2001, record.year);
        assertEquals(FULL, record.metadata);
        assertStreams(record.probe, "wav", 1, 2.0, 44_100 * 16);
    }

    @Test
    void untaggedWavIsDescribedByItsNames() throws Exception {
        Path file = Ffmpeg.tone(root.resolve(NAMED + "wav"), 2, List.of(), "-map_metadata", "-1", "-c:a",
                "pcm_s16le");

        assertNamesOnly(recognise(file), "pcm_s16le");
    }

    /** The data chunk claims 3 s, the file holds a few ms: the duration is what there is, as ffprobe measures it. */
    @Test
    void wavCutAfterItsHeaderIsKept() throws Exception {
        byte[] whole = Files.readAllBytes(Ffmpeg.tone(root.resolve("whole.wav"), 3, MusicScannerTest.FULL_TAGS,
                "-c:a", "pcm_s16le"));
        int data = indexOf(whole, "data".getBytes(StandardCharsets.US_ASCII));
        Path file = Files.write(root.resolve("Daft Punk - Cut.wav"), Arrays.copyOf(whole, data + 8 + 1000));

        TagReader.Result read = new TagReader().read(file);
        MediaRecord record = recognise(file);

        assertEquals("Harder Better", read.tags().title(), "a cut data chunk is no reason to pass jaudiotagger by");
        assertNull(read.streams(), "jaudiotagger's duration would be the header's");
        assertEquals("Harder Better", record.title);
        assertEquals(3, record.metadata.get("trackNumber"));
        assertTrue(record.probe.durationSeconds == null || record.probe.durationSeconds < 0.1,
                "not the 3 s the header claims: " + record.probe.durationSeconds);
    }

    @Test
    void aWavInfoEntryWithABogusLengthFallsBackToFfprobesTags() throws Exception {
        Path file = Ffmpeg.tone(root.resolve("Someone - Fallback Title.wav"), 1, MusicScannerTest.FULL_TAGS, "-c:a",
                "pcm_s16le");
        patch(file, indexOf(file, "INAM".getBytes(StandardCharsets.US_ASCII)) + 4, ByteOrder.LITTLE_ENDIAN,
                BOGUS_LENGTH);

        TagReader.Result read = new TagReader().read(file);
        MediaRecord record = recognise(file);

        assertNull(read.tags(), "jaudiotagger would allocate the 2 GB the entry claims");
        assertTrue(read.failure().contains("INAM"), read.failure());
        // ffprobe reads the entries up to the broken one (IART, ICRD, IGNR); the title comes from the name
        assertEquals("Fallback Title", record.title);
        assertEquals(2001, record.year);
        assertEquals(Map.of("artist", "Daft Punk", "genres", List.of("Electronic", "House")), record.metadata);
        assertEquals("pcm_s16le", record.probe.audio.get(0).codec);
    }

    @Test
    void aWavListChunkWithABogusLengthFails() throws Exception {
        Path file = Ffmpeg.tone(root.resolve("Daft Punk - Bogus.wav"), 1, MusicScannerTest.FULL_TAGS, "-c:a",
                "pcm_s16le");
        patch(file, indexOf(file, "LIST".getBytes(StandardCharsets.US_ASCII)) + 4, ByteOrder.LITTLE_ENDIAN,
                BOGUS_LENGTH);

        assertUnreadable(file);
    }

    // ---- AIFF -----------------------------------------------------------------------------------------------

    @Test
    void aiffId3Chunk() throws Exception {
        Path file = Ffmpeg.tone(root.resolve("whatever.aiff"), 3, MusicScannerTest.FULL_TAGS, "-write_id3v2", "1",
                "-ac", "2");

        MediaRecord record = recognise(file);

        assertEquals("Harder Better", record.title);
        assertEquals(2001, record.year);
        assertEquals(FULL, record.metadata);
        assertStreams(record.probe, "aiff", 2, 3.0, 44_100 * 16 * 2);
        assertNotNull(new TagReader().read(file).streams(), "jaudiotagger describes PCM: no ffprobe run");
    }

    @Test
    void untaggedAiffIsDescribedByItsNames() throws Exception {
        Path file = Ffmpeg.tone(root.resolve(NAMED + "aif"), 2, List.of(), "-map_metadata", "-1");

        assertNamesOnly(recognise(file), "pcm_s16be");
    }

    @Test
    void aiffCutAfterItsHeaderIsKept() throws Exception {
        byte[] whole = Files.readAllBytes(Ffmpeg.tone(root.resolve("whole.aiff"), 3, MusicScannerTest.FULL_TAGS,
                "-write_id3v2", "1"));
        int sound = indexOf(whole, "SSND".getBytes(StandardCharsets.US_ASCII));
        Path file = Files.write(Files.createDirectories(root.resolve(NAMED).getParent()).resolve(
                "03 - Harder Better.aiff"), Arrays.copyOf(whole, sound + 16 + 1000));

        TagReader.Result read = new TagReader().read(file);
        MediaRecord record = recognise(file);

        assertEquals("jaudiotagger", read.tags().source(), "a cut SSND chunk is no reason to pass jaudiotagger by");

        // the ID3 chunk, at the end, is gone; ffprobe reads the title of the NAME chunk ffmpeg writes up front
        assertEquals("Harder Better", record.title);
        assertEquals(2001, record.year);
        assertEquals(FROM_NAMES, record.metadata);
        assertEquals("pcm_s16be", record.probe.audio.get(0).codec);
    }

    @Test
    void anAiffId3ChunkWithABogusLengthFallsBackToFfprobesTags() throws Exception {
        Path file = Ffmpeg.tone(root.resolve("Someone - Bogus.aiff"), 1, MusicScannerTest.FULL_TAGS, "-write_id3v2",
                "1");
        patch(file, indexOf(file, "ID3 ".getBytes(StandardCharsets.US_ASCII)) + 4, ByteOrder.BIG_ENDIAN,
                BOGUS_LENGTH);

        TagReader.Result read = new TagReader().read(file);
        MediaRecord record = recognise(file);

        assertNull(read.tags(), "jaudiotagger would allocate the 2 GB the chunk claims");
        assertTrue(read.failure().contains("'ID3 '"), read.failure());
        assertEquals("Harder Better", record.title);
        assertEquals(2001, record.year);
        assertEquals(FULL, record.metadata);
    }

    @Test
    void anAiffCommonChunkWithABogusLengthFallsBackToFfprobe() throws Exception {
        Path file = Ffmpeg.tone(root.resolve(NAMED + "aiff"), 1, MusicScannerTest.FULL_TAGS, "-write_id3v2", "1");
        patch(file, indexOf(file, "COMM".getBytes(StandardCharsets.US_ASCII)) + 4, ByteOrder.BIG_ENDIAN,
                BOGUS_LENGTH);

        TagReader.Result read = new TagReader().read(file);
        MediaRecord record = recognise(file);

        assertTrue(read.failure().contains("'COMM'"), read.failure());
        assertEquals("Harder Better", record.title, "ffprobe's, of the NAME chunk");
        assertEquals(FROM_NAMES, record.metadata);
        assertEquals("pcm_s16be", record.probe.audio.get(0).codec);
    }

    // ---- AAC (ADTS) -----------------------------------------------------------------------------------------

    /** ADTS has no tags of its own; ffmpeg can put an ID3v2 tag in front, which ffprobe reads. */
    @Test
    void aacWithAnId3Tag() throws Exception {
        Path file = Ffmpeg.tone(root.resolve("whatever.aac"), 3, MusicScannerTest.FULL_TAGS, "-c:a", "aac",
                "-write_id3v2", "1");

        MediaRecord record = recognise(file);

        assertEquals("Harder Better", record.title);
        assertEquals(2001, record.year);
        assertEquals(FULL, record.metadata);
        assertEquals("aac", record.probe.audio.get(0).codec);
        assertEquals(3.0, record.probe.durationSeconds, 0.05);
    }

    @Test
    void untaggedAacIsDescribedByItsNames() throws Exception {
        Path file = Ffmpeg.tone(root.resolve(NAMED + "aac"), 2, List.of(), "-map_metadata", "-1", "-c:a", "aac");

        assertNamesOnly(recognise(file), "aac");
    }

    @Test
    void aacCutShortIsKeptWithoutADuration() throws Exception {
        byte[] whole = Files.readAllBytes(Ffmpeg.tone(root.resolve("whole.aac"), 3, List.of(), "-c:a", "aac"));
        Path file = Files.write(root.resolve("Daft Punk - Cut.aac"), Arrays.copyOf(whole, 200));

        MediaRecord record = recognise(file);

        assertEquals("Cut", record.title);
        assertEquals(Map.of("artist", "Daft Punk"), record.metadata);
        assertEquals("aac", record.probe.audio.get(0).codec);
        assertNull(record.probe.durationSeconds, "ffprobe cannot tell it");
    }

    // ---- all four -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"wma", "wav", "aiff", "aif", "aac"})
    void aFileNeitherReaderUnderstandsFails(String extension) throws Exception {
        Path file = Files.writeString(root.resolve("noise." + extension), "this is not audio at all\n".repeat(200));

        assertUnreadable(file);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private MediaRecord recognise(Path file) throws MediaScanException {
        return scanner.recognise(new TestContext(file, root, ffprobe)).orElseThrow();
    }

    private void assertUnreadable(Path file) {
        MediaScanException e = assertThrows(MediaScanException.class, () -> recognise(file));
        assertTrue(e.getMessage().startsWith("not a readable audio file: "), e.getMessage());
    }

    /** An untagged 2 s file named {@link #NAMED}: the names say it all, the prober the rest. */
    private static void assertNamesOnly(MediaRecord record, String ffprobeCodec) {
        assertEquals("Harder Better", record.title);
        assertEquals(2001, record.year);
        assertEquals(FROM_NAMES, record.metadata);
        assertEquals(ffprobeCodec, record.probe.audio.get(0).codec, "untagged: ffprobe describes it");
        assertEquals(2.0, record.probe.durationSeconds, 0.05);
    }

    private static void assertStreams(ProbeResult probe, String container, int channels, double seconds,
            long bitRate) {
        assertEquals(container, probe.container);
        assertEquals("pcm", probe.audio.get(0).codec);
        assertEquals(channels, probe.audio.get(0).channels);
        assertEquals(seconds, probe.durationSeconds, 0.001);
        assertEquals(bitRate, probe.bitRate, bitRate / 100.0, "within 1% (jaudiotagger counts whole kb/s)");
    }

    /** The ids of the entries of a WAV file's LIST/INFO chunk, sorted. */
    private static List<String> infoIds(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        int at = indexOf(bytes, "INFO".getBytes(StandardCharsets.US_ASCII));
        int end = at - 4 + ByteBuffer.wrap(bytes, at - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        List<String> ids = new ArrayList<>();
        for (int p = at + 4; p + 8 <= end; ) {
            ids.add(new String(bytes, p, 4, StandardCharsets.US_ASCII));
            int length = ByteBuffer.wrap(bytes, p + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            p += 8 + length + (length & 1);
        }
        return ids.stream().sorted().toList();
    }

    private static int indexOf(Path file, byte[] pattern) throws Exception {
        return indexOf(Files.readAllBytes(file), pattern);
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found: " + HexFormat.of().formatHex(pattern));
    }

    private static void patch(Path file, int at, ByteOrder order, int value) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).order(order).putInt(at, value);
        Files.write(file, bytes);
    }

    private static void patch(Path file, int at, ByteOrder order, short value) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).order(order).putShort(at, value);
        Files.write(file, bytes);
    }
}
