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
import org.jaudiotagger.audio.AudioHeader;
import org.jaudiotagger.audio.flac.metadatablock.MetadataBlockDataPicture;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.TagField;
import org.jaudiotagger.tag.flac.FlacTag;
import org.jaudiotagger.tag.images.Artwork;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentTag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnilux.api.probe.ProbeResult;

/**
 * The scanner reads a FLAC file in one pass over its metadata blocks ({@link FlacReader}) where jaudiotagger's
 * {@code AudioFileIO.read} walks them twice: each file here — real ones from ffmpeg in several stream layouts, with
 * every Vorbis field, multi-valued fields and pictures, and broken ones — must give what {@code AudioFileIO.read}
 * gives: every field, the pictures, the audio header, and so the scanner's tags and stream details.
 */
class FlacReadingTest {

    private static final List<String> TAGS = List.of("title=Jóga", "artist=Björk", "album_artist=Björk",
            "album=Homogenic", "track=2/10", "disc=1/1", "date=1997-09-22", "genre=Electronic",
            "composer=Björk Guðmundsdóttir", "comment=ripped");

    private static Path cover;
    private static Path png;
    private static Path plain;

    @TempDir
    Path dir;

    @BeforeAll
    static void fixtures(@TempDir Path fixtures) throws Exception {
        new TagReader(); // turns jaudiotagger's logging off
        cover = Ffmpeg.image(fixtures.resolve("cover.jpg"));
        png = Ffmpeg.image(fixtures.resolve("back.png"));
        plain = Ffmpeg.tone(fixtures.resolve("plain.flac"), 2, TAGS, "-c:a", "flac");
    }

    @ParameterizedTest
    @CsvSource({"1, s16, 8000", "2, s16, 44100", "2, s32, 48000", "1, s32, 96000", "6, s16, 22050"})
    void streamLayouts(int channels, String sampleFormat, int rate) throws Exception {
        Path file = Ffmpeg.tone(dir.resolve("tone.flac"), 3, TAGS, "-ar", String.valueOf(rate), "-ac",
                String.valueOf(channels), "-c:a", "flac", "-sample_fmt", sampleFormat);

        FlacReader.Flac flac = assertSameAsAudioFileIO(file);

        assertEquals(channels, flac.header().getChannelNumber());
        assertEquals(rate, flac.header().getSampleRateAsNumber());
        assertEquals(sampleFormat.equals("s16") ? 16 : 24, flac.header().getBitsPerSample());
        assertEquals("Jóga", flac.tag().getFirst(FieldKey.TITLE));
        ProbeResult streams = new TagReader().read(file).streams();
        assertEquals(channels, streams.audio.get(0).channels);
        assertEquals("flac", streams.audio.get(0).codec);
        assertEquals(3.0, streams.durationSeconds, 0.01);
    }

    @Test
    void aCoverThatFfmpegAttached() throws Exception {
        Path file = dir.resolve("cover.flac");
        Ffmpeg.run(file, List.of("-f", "lavfi", "-i", "sine=duration=2", "-i", cover.toString(), "-map", "0", "-map",
                "1", "-c:a", "flac", "-c:v", "copy", "-disposition:v", "attached_pic", "-metadata", "title=Jóga",
                file.toString()));

        FlacReader.Flac flac = assertSameAsAudioFileIO(file);

        assertEquals(1, flac.tag().getImages().size());
        assertArrayEquals(Files.readAllBytes(cover), new TagReader().read(file).tags().cover());
    }

    @Test
    void everyVorbisFieldMultipleValuesPicturesAndOtherBlocks() throws Exception {
        byte[] jpeg = Files.readAllBytes(cover);
        byte[] back = Files.readAllBytes(png);
        Path file = Files.write(dir.resolve("full.flac"), rebuild(plain, List.of(
                block(2, concat("ONLX".getBytes(StandardCharsets.US_ASCII), new byte[20])), // APPLICATION
                block(4, comments(everyField())),
                block(6, picture(4, "image/png", "back", back)), // the back first: the front cover still wins
                block(6, picture(3, "image/jpeg", "front", jpeg)),
                block(1, new byte[100])))); // PADDING

        FlacReader.Flac flac = assertSameAsAudioFileIO(file);

        assertEquals(List.of("Björk", "Thom Yorke"), flac.tag().getAll(FieldKey.ARTIST));
        assertEquals(2, flac.tag().getImages().size());
        AudioTags tags = new TagReader().read(file).tags();
        assertEquals("Björk", tags.artist());
        assertEquals(List.of("Electronic", "Trip-Hop"), tags.genres());
        assertArrayEquals(jpeg, tags.cover());
    }

    @Test
    void noCommentBlockGivesAnEmptyTag() throws Exception {
        Path file = Files.write(dir.resolve("bare.flac"), rebuild(plain, List.of(block(1, new byte[10]))));

        FlacReader.Flac flac = assertSameAsAudioFileIO(file);

        assertTrue(flac.tag().isEmpty());
        assertEquals(AudioTags.NONE.title(), new TagReader().read(file).tags().title());
    }

    @Test
    void ofTwoCommentBlocksTheLastCounts() throws Exception {
        Path file = Files.write(dir.resolve("two.flac"), rebuild(plain, List.of(
                block(4, comments(List.of("TITLE=First"))), block(4, comments(List.of("TITLE=Second"))))));

        FlacReader.Flac flac = assertSameAsAudioFileIO(file);

        assertEquals("Second", flac.tag().getFirst(FieldKey.TITLE));
    }

    @Test
    void audioCutShortIsStillReadInOnePass() throws Exception {
        byte[] whole = Files.readAllBytes(plain);
        Path file = Files.write(dir.resolve("short.flac"), Arrays.copyOf(whole, whole.length / 2));

        FlacReader.Flac flac = assertSameAsAudioFileIO(file);

        assertTrue(flac.header().getBitRateAsNumber() > 0);
    }

    @Test
    void cutInsideTheMetadataIsLeftToAudioFileIO() throws Exception {
        byte[] whole = rebuild(plain, List.of(block(4, comments(List.of("TITLE=T"))),
                block(6, picture(3, "image/jpeg", "", Files.readAllBytes(cover)))));
        Path file = Files.write(dir.resolve("cut.flac"), Arrays.copyOf(whole, 4 + 38 + 35 + 500)); // inside the picture
        assertTrue(Files.size(cover) > 600, "the cut falls inside the picture");

        assertLeftToAudioFileIO(file);
    }

    @Test
    void aBogusBlockLengthIsLeftToAudioFileIO() throws Exception {
        byte[] bytes = rebuild(plain, List.of(block(4, comments(List.of("TITLE=T"))), block(1, new byte[10])));
        int comment = 4 + 38; // after fLaC and STREAMINFO
        bytes[comment + 1] = (byte) 0xff; // about 16 MB, past the end of the file
        Path file = Files.write(dir.resolve("bogus.flac"), bytes);

        assertLeftToAudioFileIO(file);
    }

    @Test
    void noMarkerIsLeftToAudioFileIOWhichFails() throws Exception {
        byte[] bytes = Files.readAllBytes(plain);
        bytes[3] = 'X';
        Path file = Files.write(dir.resolve("nomarker.flac"), bytes);

        assertThrows(Exception.class, () -> AudioFileIO.read(file.toFile()));
        assertLeftToAudioFileIO(file);
        assertNotNull(new TagReader().read(file).failure());
    }

    @Test
    void anUnknownBlockTypeIsLeftToAudioFileIO() throws Exception {
        Path file = Files.write(dir.resolve("unknown.flac"), rebuild(plain, List.of(block(9, new byte[8]),
                block(4, comments(List.of("TITLE=T"))))));

        assertLeftToAudioFileIO(file);
    }

    @Test
    void aPictureThatDoesNotParseIsLeftToAudioFileIOWhichSkipsIt() throws Exception {
        byte[] broken = picture(99, "image/jpeg", "", Files.readAllBytes(cover)); // no such picture type
        Path file = Files.write(dir.resolve("badpicture.flac"), rebuild(plain, List.of(
                block(4, comments(List.of("TITLE=Still here"))), block(6, broken))));

        assertLeftToAudioFileIO(file);
        TagReader.Result result = new TagReader().read(file);
        assertNotNull(result.tags(), result.failure());
        assertEquals("Still here", result.tags().title());
        assertNull(result.tags().cover());
    }

    @Test
    void aPictureThatOverrunsItsBlockFailsBothWays() throws Exception {
        byte[] broken = picture(3, "image/jpeg", "", Files.readAllBytes(cover));
        broken[4] = 0x7f; // the MIME type's length: far past the block, which jaudiotagger does not check
        Path file = Files.write(dir.resolve("overrun.flac"), rebuild(plain, List.of(
                block(4, comments(List.of("TITLE=T"))), block(6, broken))));

        assertThrows(Exception.class, () -> AudioFileIO.read(file.toFile()));
        assertLeftToAudioFileIO(file);
    }

    @Test
    void anId3v2TagInFrontIsLeftToAudioFileIO() throws Exception {
        byte[] id3 = MusicScannerTest.id3v23(MusicScannerTest.frame("TIT2", "From ID3"));
        Path file = Files.write(dir.resolve("id3.flac"), concat(id3, Files.readAllBytes(plain)));

        assertLeftToAudioFileIO(file);
        assertEquals("Jóga", new TagReader().read(file).tags().title(), "the Vorbis comment, as jaudiotagger reads it");
    }

    /**
     * Reads the file both ways and compares: every field jaudiotagger maps, the pictures, the audio header, what the
     * scanner takes of them.
     *
     * @return what the one-pass reader read
     */
    private static FlacReader.Flac assertSameAsAudioFileIO(Path file) throws Exception {
        AudioFile expected = AudioFileIO.read(file.toFile());
        FlacReader.Flac actual = FlacReader.read(file);

        assertNotNull(actual, "read in one pass");
        FlacTag expectedTag = (FlacTag) expected.getTag();
        assertEquals(fields(expectedTag), fields(actual.tag()));
        assertEquals(expectedTag.getFieldCount(), actual.tag().getFieldCount());
        assertEquals(expectedTag.getVorbisCommentTag().getVendor(), actual.tag().getVorbisCommentTag().getVendor());
        assertEquals(rawComments(expectedTag), rawComments(actual.tag()));
        assertEquals(pictures(expectedTag.getImages()), pictures(actual.tag().getImages()));
        assertEquals(artworks(expectedTag), artworks(actual.tag()));
        assertEquals(header(expected.getAudioHeader()), header(actual.header()));
        assertEquals(expected.getAudioHeader().toString(), actual.header().toString());
        assertSameResult(expected, new TagReader().read(file));
        return actual;
    }

    /** Not read in one pass; the scanner's result is still what {@code AudioFileIO.read} gives, or fails as it does. */
    private static void assertLeftToAudioFileIO(Path file) {
        assertNull(FlacReader.read(file), "left to AudioFileIO.read");
        TagReader.Result result = new TagReader().read(file);
        AudioFile expected;
        try {
            expected = AudioFileIO.read(file.toFile());
        } catch (Exception e) {
            assertNull(result.tags());
            assertEquals(TagReader.describe(e), result.failure());
            return;
        }
        assertSameResult(expected, result);
    }

    private static void assertSameResult(AudioFile expected, TagReader.Result result) {
        assertNull(result.failure());
        AudioTags expectedTags = TagReader.fromTag(expected.getTag(), "jaudiotagger", true);
        assertEquals(withoutCover(expectedTags), withoutCover(result.tags()));
        assertArrayEquals(expectedTags.cover(), result.tags().cover());
        assertEquals(describe(TagReader.streams(expected.getAudioHeader(), "flac")), describe(result.streams()));
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
        return fields;
    }

    /** Each comment as it is stored (id and raw bytes), in order. */
    private static List<String> rawComments(FlacTag tag) throws Exception {
        List<String> out = new ArrayList<>();
        var fields = tag.getVorbisCommentTag().getFields();
        while (fields.hasNext()) {
            TagField field = fields.next();
            out.add(field.getId() + "=" + Arrays.toString(field.getRawContent()));
        }
        return out;
    }

    private static List<Object> pictures(List<MetadataBlockDataPicture> pictures) {
        List<Object> out = new ArrayList<>();
        for (MetadataBlockDataPicture p : pictures) {
            out.addAll(List.of(p.getPictureType(), p.getMimeType(), p.getDescription(), p.getWidth(), p.getHeight(),
                    p.getColourDepth(), p.getIndexedColourCount(), Arrays.toString(p.getImageData()),
                    p.isImageUrl(), p.getLength()));
        }
        return out;
    }

    private static List<Object> artworks(Tag tag) {
        List<Object> out = new ArrayList<>();
        for (Artwork a : tag.getArtworkList()) {
            out.addAll(List.of(a.getPictureType(), a.getMimeType(), a.getDescription(), a.getWidth(), a.getHeight(),
                    a.isLinked(), Arrays.toString(a.getBinaryData())));
        }
        return out;
    }

    private static List<Object> header(AudioHeader h) {
        return Arrays.asList(h.getEncodingType(), h.getFormat(), h.getBitRate(), h.getBitRateAsNumber(),
                h.getSampleRate(), h.getSampleRateAsNumber(), h.getChannels(), h.getBitsPerSample(),
                h.getPreciseTrackLength(), h.getTrackLength(), h.isLossless(), h.isVariableBitRate(),
                h.getNoOfSamples(), h.getAudioDataLength(), h.getAudioDataStartPosition(),
                h.getAudioDataEndPosition(), h.getByteRate());
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

    /**
     * A comment for every field key jaudiotagger maps to a Vorbis comment (under the name it maps it to), then a
     * second artist and genre, and text beyond Latin-1.
     */
    private static List<String> everyField() throws Exception {
        VorbisCommentTag names = VorbisCommentTag.createNewTag();
        List<String> comments = new ArrayList<>();
        for (FieldKey key : FieldKey.values()) {
            TagField field;
            try {
                field = names.createField(key, numeric(key) ? "7" : "value of " + key.name());
            } catch (Exception e) {
                continue; // not a Vorbis field
            }
            if (!List.of("METADATA_BLOCK_PICTURE", "COVERART", "COVERARTMIME", "ARTIST", "GENRE", "TITLE")
                    .contains(field.getId())) {
                comments.add(field.getId() + "=" + (numeric(key) ? "7" : "value of " + key.name()));
            }
        }
        comments.addAll(List.of("ARTIST=Björk", "ARTIST=Thom Yorke", "GENRE=Electronic", "GENRE=Trip-Hop",
                "TITLE=東京 — Jóga"));
        return comments;
    }

    private static boolean numeric(FieldKey key) {
        return key.name().contains("TRACK") || key.name().contains("DISC") || key.name().equals("YEAR")
                || key.name().equals("BPM") || key.name().equals("RATING");
    }

    /** A Vorbis comment block's body: vendor, count, then each {@code NAME=value} in UTF-8 (lengths little-endian). */
    private static byte[] comments(List<String> comments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] vendor = "OmniLux test".getBytes(StandardCharsets.UTF_8);
        out.writeBytes(le32(vendor.length));
        out.writeBytes(vendor);
        out.writeBytes(le32(comments.size()));
        for (String comment : comments) {
            byte[] bytes = comment.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(le32(bytes.length));
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    /** A PICTURE block's body (lengths big-endian). */
    private static byte[] picture(int type, String mime, String description, byte[] data) {
        byte[] m = mime.getBytes(StandardCharsets.US_ASCII);
        byte[] d = description.getBytes(StandardCharsets.UTF_8);
        return concat(be32(type), be32(m.length), m, be32(d.length), d, be32(64), be32(64), be32(24), be32(0),
                be32(data.length), data);
    }

    private static byte[] block(int type, byte[] body) {
        return concat(new byte[] {(byte) type, (byte) (body.length >>> 16), (byte) (body.length >>> 8),
                (byte) body.length}, body);
    }

    /**
     * The FLAC file with its STREAMINFO and audio, and the given blocks instead of its other metadata blocks; the
     * last one marked last.
     */
    private static byte[] rebuild(Path flac, List<byte[]> blocks) throws Exception {
        byte[] in = Files.readAllBytes(flac);
        int at = 4;
        byte[] streamInfo = null;
        boolean last = false;
        while (!last) {
            int length = (in[at + 1] & 0xff) << 16 | (in[at + 2] & 0xff) << 8 | (in[at + 3] & 0xff);
            if ((in[at] & 0x7f) == 0) {
                streamInfo = Arrays.copyOfRange(in, at, at + 4 + length);
                streamInfo[0] = 0;
            }
            last = (in[at] & 0x80) != 0;
            at += 4 + length;
        }
        assertEquals(38, streamInfo.length);
        List<byte[]> all = new ArrayList<>();
        all.add("fLaC".getBytes(StandardCharsets.US_ASCII));
        all.add(streamInfo);
        for (int i = 0; i < blocks.size(); i++) {
            byte[] b = blocks.get(i).clone();
            if (i == blocks.size() - 1) {
                b[0] |= (byte) 0x80;
            }
            all.add(b);
        }
        all.add(Arrays.copyOfRange(in, at, in.length));
        return concat(all.toArray(byte[][]::new));
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    private static byte[] be32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
