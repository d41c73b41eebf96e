package org.omnilux.scanner.music.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.id3.ID3v11Tag;
import org.jaudiotagger.tag.id3.ID3v1Tag;
import org.jaudiotagger.tag.id3.ID3v22Tag;
import org.jaudiotagger.tag.id3.ID3v23Tag;
import org.jaudiotagger.tag.id3.ID3v24Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.omnilux.api.probe.ProbeResult;

/**
 * The scanner reads an mp3 with jaudiotagger's tag classes but without {@code MP3File} (which makes an ID3v2.4
 * copy of every tag): each file here, ID3v2.2, 2.3, 2.4, ID3v1 only, both, none, or broken, must give what
 * {@code AudioFileIO.read} gives — the same tag class, every field, the same tags and stream details.
 */
class Mp3ReadingTest {

    private static final List<String> TAGS = List.of("title=Harder Better", "artist=Daft Punk",
            "album_artist=Daft Punk", "album=Discovery", "track=3/14", "disc=1/2", "date=2001-03-12",
            "genre=Electronic;House", "composer=Thomas Bangalter", "comment=ripped");
    /**
     * What ID3v1 holds (no album artist or disc, a genre of its list), by the ID3v2 names that ffmpeg's ID3v1 writer
     * looks up: without an ID3v2 tag it does not translate {@code title} and the like.
     */
    private static final List<String> V1_TAGS = List.of("TIT2=Harder Better", "TPE1=Daft Punk", "TALB=Discovery",
            "TRCK=3", "TDRC=2001", "TCON=Dance", "comment=ripped");

    private static Path cover;
    private static Path untagged;

    @TempDir
    Path dir;

    @BeforeAll
    static void fixtures(@TempDir Path fixtures) throws Exception {
        new TagReader(); // turns jaudiotagger's logging off
        cover = Ffmpeg.image(fixtures.resolve("cover.jpg"));
        untagged = Ffmpeg.tone(fixtures.resolve("untagged.mp3"), 2, List.of(), "-c:a", "libmp3lame",
                "-map_metadata", "-1", "-id3v2_version", "0", "-write_id3v1", "0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "4"})
    void id3v23And24WithACover(String version) throws Exception {
        Path file = withCover("v2" + version + ".mp3", version);

        Tag tag = assertSameAsMp3File(file, version.equals("3") ? ID3v23Tag.class : ID3v24Tag.class);

        assertEquals("Harder Better", tag.getFirst(FieldKey.TITLE));
        assertEquals("Discovery", tag.getFirst(FieldKey.ALBUM));
        assertArrayEquals(Files.readAllBytes(cover), new TagReader().read(file).tags().cover());
    }

    @Test
    void id3v22() throws Exception {
        // ffmpeg writes no ID3v2.2 (iTunes did): the tag is put together here, frame by frame
        byte[] picture = concat(new byte[] {0}, "JPG".getBytes(StandardCharsets.ISO_8859_1), new byte[] {3, 0},
                Files.readAllBytes(cover));
        byte[] tag = id3v22(v22Frame("TT2", text("Harder Better")), v22Frame("TP1", text("Daft Punk")),
                v22Frame("TP2", text("Daft Punk")), v22Frame("TAL", text("Discovery")), v22Frame("TRK", text("3/14")),
                v22Frame("TPA", text("1/2")), v22Frame("TYE", text("2001")), v22Frame("TCO", text("(17)(18)")),
                v22Frame("PIC", picture));
        Path file = Files.write(dir.resolve("v22.mp3"), concat(tag, Files.readAllBytes(untagged)));

        Tag read = assertSameAsMp3File(file, ID3v22Tag.class);

        assertEquals("Daft Punk", read.getFirst(FieldKey.ALBUM_ARTIST));
        AudioTags tags = new TagReader().read(file).tags();
        assertEquals("2001", tags.date());
        assertArrayEquals(Files.readAllBytes(cover), tags.cover());
    }

    @Test
    void id3v11Only() throws Exception {
        Path file = Ffmpeg.tone(dir.resolve("v11.mp3"), 2, V1_TAGS, "-c:a", "libmp3lame", "-id3v2_version", "0",
                "-write_id3v1", "1");

        Tag tag = assertSameAsMp3File(file, ID3v11Tag.class);

        assertEquals("3", tag.getFirst(FieldKey.TRACK));
    }

    @Test
    void id3v1WithoutATrackNumber() throws Exception {
        // without a track number ffmpeg writes an ID3v1.0 tag (no track byte)
        List<String> noTrack = V1_TAGS.stream().filter(t -> !t.startsWith("TRCK=")).toList();
        Path file = Ffmpeg.tone(dir.resolve("v1.mp3"), 2, noTrack, "-c:a", "libmp3lame", "-id3v2_version", "0",
                "-write_id3v1", "1");

        Tag tag = assertSameAsMp3File(file, ID3v1Tag.class);

        assertEquals("Discovery", tag.getFirst(FieldKey.ALBUM));
    }

    @Test
    void theId3v2TagWinsOverId3v1() throws Exception {
        Path file = Ffmpeg.tone(dir.resolve("both.mp3"), 2, TAGS, "-c:a", "libmp3lame", "-id3v2_version", "3",
                "-write_id3v1", "1");

        Tag tag = assertSameAsMp3File(file, ID3v23Tag.class);

        assertEquals("Daft Punk", tag.getFirst(FieldKey.ALBUM_ARTIST));
    }

    @Test
    void anId3v2RevisionJaudiotaggerDoesNotKnowLeavesTheId3v1Tag() throws Exception {
        Path file = Ffmpeg.tone(dir.resolve("revision.mp3"), 2, TAGS, "-c:a", "libmp3lame", "-id3v2_version", "3",
                "-write_id3v1", "1");
        byte[] bytes = Files.readAllBytes(file);
        bytes[4] = 1; // ID3v2.3.1
        Files.write(file, bytes);

        Tag tag = assertSameAsMp3File(file, ID3v11Tag.class);

        assertEquals("Harder Better", tag.getFirst(FieldKey.TITLE));
    }

    @Test
    void noTagAtAll() throws Exception {
        assertSameAsMp3File(untagged, null);

        assertEquals(AudioTags.NONE, new TagReader().read(untagged).tags());
    }

    @Test
    void aFrameWithABogusLengthEndsTheTagAsInMp3File() throws Exception {
        byte[] tag = MusicScannerTest.id3v23(MusicScannerTest.frame("TPE1", "Valid Artist"),
                MusicScannerTest.bogusFrame("TIT2", "Bogus Title"), MusicScannerTest.frame("TALB", "After"));
        Path file = Files.write(dir.resolve("bogus.mp3"), concat(tag, Files.readAllBytes(untagged)));

        Tag read = assertSameAsMp3File(file, ID3v23Tag.class);

        assertEquals("Valid Artist", read.getFirst(FieldKey.ARTIST));
    }

    @Test
    void aTruncatedFile() throws Exception {
        byte[] whole = Files.readAllBytes(withCover("whole.mp3", "3"));
        Path file = Files.write(dir.resolve("truncated.mp3"), Arrays.copyOf(whole, whole.length / 2));

        assertSameAsMp3File(file, ID3v23Tag.class);
    }

    @Test
    void aTagLongerThanTheFileFailsBothWays() throws Exception {
        byte[] bytes = concat(MusicScannerTest.id3v23(MusicScannerTest.frame("TIT2", "Title")),
                Files.readAllBytes(untagged));
        bytes[6] = 0x7f; // about 256 MB
        Path file = Files.write(dir.resolve("huge.mp3"), bytes);

        assertThrows(Exception.class, () -> AudioFileIO.read(file.toFile()));
        assertThrows(Exception.class, () -> TagReader.readMp3(file.toFile()));
        TagReader.Result result = new TagReader().read(file);
        assertNull(result.tags());
        assertNotNull(result.failure());
    }

    @Test
    void audioThatDoesNotStartRightAfterTheTagIsLeftToMp3File() throws Exception {
        byte[] whole = Files.readAllBytes(Ffmpeg.tone(dir.resolve("source.mp3"), 2, TAGS, "-c:a", "libmp3lame",
                "-id3v2_version", "3"));
        int tagSize = 10 + syncSafe(whole, 6);
        byte[] gap = new byte[300]; // zeros between the tag and the first frame
        Path file = Files.write(dir.resolve("gap.mp3"),
                concat(Arrays.copyOf(whole, tagSize), gap, Arrays.copyOfRange(whole, tagSize, whole.length)));

        assertNull(TagReader.readMp3(file.toFile()), "MP3File searches such a file again from its start");
        AudioFile expected = AudioFileIO.read(file.toFile());
        TagReader.Result result = new TagReader().read(file);
        assertEquals(TagReader.fromTag(expected.getTag(), "jaudiotagger", true).title(), result.tags().title());
        assertEquals("Harder Better", result.tags().title());
    }

    /**
     * The scanner takes the title, artists and album of an ID3v2 tag from the frame's text itself rather than through
     * {@code getFirst} (which compiles a regular expression per call): each must equal what {@code getFirst} gives —
     * multiple values split at NUL, UTF-16, NULs leading, trailing or alone, empty text, a frame given twice.
     */
    @ParameterizedTest
    @CsvSource({"3, a", "3, b", "4, a", "4, b"})
    void textFramesAsGetFirstGivesThem(int version, String variant) throws Exception {
        byte[] tag = variant.equals("a")
                ? id3v2(version, textFrame(version, "TIT2", utf16("Jóga 東京")),
                        textFrame(version, "TPE1", latin1("Björk\u0000Thom Yorke\u0000Tricky")),
                        textFrame(version, "TPE2", latin1("\u0000Leading")),
                        textFrame(version, "TALB", latin1("Homogenic\u0000\u0000")),
                        textFrame(version, "TCON", latin1("Electronic\u0000Trip-Hop")))
                : id3v2(version, textFrame(version, "TIT2", latin1("\u0000\u0000")),
                        textFrame(version, "TPE1", utf16("Ä\u0000Б")),
                        textFrame(version, "TPE2", latin1("")),
                        textFrame(version, "TALB", latin1("First")), textFrame(version, "TALB", latin1("Second")));
        Path file = Files.write(dir.resolve("text" + version + variant + ".mp3"),
                concat(tag, Files.readAllBytes(untagged)));

        Tag read = assertSameAsMp3File(file, version == 3 ? ID3v23Tag.class : ID3v24Tag.class);

        for (FieldKey key : List.of(FieldKey.TITLE, FieldKey.ARTIST, FieldKey.ALBUM_ARTIST, FieldKey.ALBUM)) {
            assertEquals(TagReader.value(read.getFirst(key)), TagReader.firstText(read, key), key.name());
        }
        AudioTags tags = new TagReader().read(file).tags();
        assertEquals(read.getAll(FieldKey.GENRE).stream().map(TagReader::value).toList(), tags.genres());
        if (variant.equals("a")) {
            assertEquals(List.of("Jóga 東京", "Björk", "Homogenic"), Arrays.asList(tags.title(), tags.artist(),
                    tags.album()));
            assertEquals(List.of("Björk", "Thom Yorke", "Tricky"), read.getAll(FieldKey.ARTIST));
            assertEquals(List.of("Electronic", "Trip-Hop"), tags.genres());
        } else {
            assertEquals(Arrays.asList(null, "Ä", null, "First"), Arrays.asList(tags.title(), tags.artist(),
                    tags.albumArtist(), tags.album()));
        }
    }

    /**
     * Reads the file both ways and compares: the tag class, every field jaudiotagger maps, what the scanner takes of
     * the tag, and the stream details.
     *
     * @return the tag read without {@code MP3File}
     */
    private static Tag assertSameAsMp3File(Path file, Class<? extends Tag> tagClass) throws Exception {
        AudioFile expected = AudioFileIO.read(file.toFile());
        TagReader.Mp3 actual = TagReader.readMp3(file.toFile());

        assertNotNull(actual, "read without MP3File");
        Tag expectedTag = expected.getTag();
        Tag tag = actual.tag();
        assertEquals(tagClass, expectedTag == null ? null : expectedTag.getClass(), "the tag MP3File reads");
        assertEquals(tagClass, tag == null ? null : tag.getClass());
        if (tag != null) {
            assertEquals(fields(expectedTag), fields(tag));
            for (FieldKey key : List.of(FieldKey.TITLE, FieldKey.ARTIST, FieldKey.ALBUM_ARTIST, FieldKey.ALBUM)) {
                assertEquals(getFirst(tag, key), TagReader.firstText(tag, key), key.name());
            }
            AudioTags expectedTags = TagReader.fromTag(expectedTag, "jaudiotagger", true);
            AudioTags tags = new TagReader().read(file).tags();
            assertEquals(withoutCover(expectedTags), withoutCover(tags));
            assertArrayEquals(expectedTags.cover(), tags.cover());
        }
        ProbeResult expectedStreams = TagReader.streams(expected.getAudioHeader(), "mp3");
        ProbeResult streams = new TagReader().read(file).streams();
        assertNotNull(streams);
        assertEquals(describe(expectedStreams), describe(streams));
        assertEquals(expected.getAudioHeader().toString(), actual.header().toString());
        return tag;
    }

    /** What the scanner took of a field before it read text frames itself: {@code getFirst}, trimmed. */
    private static String getFirst(Tag tag, FieldKey key) {
        try {
            return TagReader.value(tag.getFirst(key));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Every field key to its values, or to the exception the tag throws for a key its format lacks. */
    private static Map<FieldKey, Object> fields(Tag tag) {
        Map<FieldKey, Object> fields = new LinkedHashMap<>();
        for (FieldKey key : FieldKey.values()) {
            try {
                fields.put(key, tag.getAll(key));
            } catch (RuntimeException e) {
                fields.put(key, e.getClass());
            }
        }
        assertTrue(fields.values().stream().anyMatch(v -> v instanceof List<?> l && !l.isEmpty()), "has fields");
        return fields;
    }

    private static AudioTags withoutCover(AudioTags t) {
        return new AudioTags(t.source(), t.title(), t.artist(), t.albumArtist(), t.album(), t.track(), t.trackTotal(),
                t.disc(), t.date(), t.genres(), t.compilation(), null);
    }

    private static List<Object> describe(ProbeResult r) {
        List<Object> out = new ArrayList<>(List.of(r.container, r.durationSeconds, String.valueOf(r.bitRate)));
        r.audio.forEach(a -> out.addAll(List.of(a.index, a.codec, a.channels, a.isDefault)));
        return out;
    }

    private Path withCover(String name, String id3v2Version) throws Exception {
        Path file = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "sine=duration=2", "-i", cover.toString(),
                "-map", "0", "-map", "1", "-c:a", "libmp3lame", "-c:v", "copy", "-id3v2_version", id3v2Version,
                "-disposition:v", "attached_pic"));
        for (String tag : TAGS) {
            args.addAll(List.of("-metadata", tag));
        }
        args.add(file.toString());
        Ffmpeg.run(file, args);
        return file;
    }

    /** An ID3v2.3 or 2.4 tag of the given frames, with padding. */
    private static byte[] id3v2(int version, byte[]... frames) {
        byte[] body = concat(frames);
        int size = body.length + 32;
        return concat(new byte[] {'I', 'D', '3', (byte) version, 0, 0}, syncSafe(size), body, new byte[32]);
    }

    /** A text frame; its size plain in ID3v2.3, sync-safe in 2.4. */
    private static byte[] textFrame(int version, String id, byte[] content) {
        int n = content.length;
        byte[] size = version == 4 ? syncSafe(n) : new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8),
                (byte) n};
        return concat(id.getBytes(StandardCharsets.ISO_8859_1), size, new byte[] {0, 0}, content);
    }

    private static byte[] syncSafe(int n) {
        return new byte[] {(byte) ((n >> 21) & 0x7f), (byte) ((n >> 14) & 0x7f), (byte) ((n >> 7) & 0x7f),
                (byte) (n & 0x7f)};
    }

    private static byte[] latin1(String text) {
        return concat(new byte[] {0}, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** UTF-16 with a byte order mark (encoding 1), as most taggers write non-Latin text. */
    private static byte[] utf16(String text) {
        return concat(new byte[] {1, (byte) 0xff, (byte) 0xfe}, text.getBytes(StandardCharsets.UTF_16LE));
    }

    private static byte[] id3v22(byte[]... frames) {
        byte[] body = concat(frames);
        int size = body.length + 32; // with padding
        return concat(new byte[] {'I', 'D', '3', 2, 0, 0, (byte) ((size >> 21) & 0x7f), (byte) ((size >> 14) & 0x7f),
                (byte) ((size >> 7) & 0x7f), (byte) (size & 0x7f)}, body, new byte[32]);
    }

    private static byte[] v22Frame(String id, byte[] content) {
        int size = content.length;
        return concat(id.getBytes(StandardCharsets.ISO_8859_1),
                new byte[] {(byte) (size >>> 16), (byte) (size >>> 8), (byte) size}, content);
    }

    private static byte[] text(String value) {
        return concat(new byte[] {0}, value.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static int syncSafe(byte[] b, int at) {
        return (b[at] & 0x7f) << 21 | (b[at + 1] & 0x7f) << 14 | (b[at + 2] & 0x7f) << 7 | (b[at + 3] & 0x7f);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
