package org.omnilux.scanner.music.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnilux.api.probe.MediaProber;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanException;

/**
 * The scanner on mp3 files as real libraries hold them, made by ffmpeg: ID3v1 alone or behind ID3v2.4, UTF-16 text,
 * ID3v1 genre numbers, disc and track forms, dates, covers embedded and in the folder, compilations, disc folders,
 * untagged names, and files that are broken or not mp3 at all.
 */
@Timeout(120) // a broken file must never hang the scan
class Mp3LibraryTest {

    private static final String LONG_TITLE = "A Title Far Longer Than Thirty Characters";

    private final MusicScanner scanner = new MusicScanner();
    private final MediaProber ffprobe = new FfprobeTestProber();

    @TempDir
    Path root;

    private static Path untagged;
    private static Path jpeg;
    private static Path png;

    @BeforeAll
    static void fixtures(@TempDir Path fixtures) throws IOException {
        untagged = Ffmpeg.tone(fixtures.resolve("untagged.mp3"), 1, List.of(), "-c:a", "libmp3lame",
                "-map_metadata", "-1", "-id3v2_version", "0", "-write_id3v1", "0");
        jpeg = Ffmpeg.image(fixtures.resolve("front.jpg"));
        png = fixtures.resolve("back.png");
        Ffmpeg.run(png, List.of("-f", "lavfi", "-i", "testsrc=size=32x32:duration=1", "-frames:v", "1",
                png.toString()));
    }

    @Test
    void id3v1Only() throws Exception {
        // without an ID3v2 tag ffmpeg's ID3v1 writer looks the values up by their ID3v2 frame names
        Path file = mp3("v1.mp3", List.of("TIT2=" + LONG_TITLE, "TPE1=Daft Punk", "TALB=Discovery", "TRCK=7",
                "TDRC=2001", "TCON=Rock"), "-id3v2_version", "0", "-write_id3v1", "1");

        MediaRecord record = recognise(file);

        assertEquals(LONG_TITLE.substring(0, 30).trim(), record.title, "ID3v1 holds 30 characters");
        assertEquals(2001, record.year);
        assertEquals(Map.of("artist", "Daft Punk", "album", "Discovery", "trackNumber", 7, "genres",
                List.of("Rock")), record.metadata);
        assertEquals("mp3", record.probe.audio.get(0).codec);
    }

    @Test
    void id3v24WinsOverTheTruncatedId3v1() throws Exception {
        Path file = mp3("both.mp3", List.of("title=" + LONG_TITLE, "artist=Daft Punk", "album=Discovery",
                "track=7", "date=2001", "genre=Rock"), "-id3v2_version", "4", "-write_id3v1", "1");

        MediaRecord record = recognise(file);

        assertEquals(LONG_TITLE, record.title);
        assertEquals(2001, record.year);
        assertEquals(Map.of("artist", "Daft Punk", "album", "Discovery", "trackNumber", 7, "genres",
                List.of("Rock")), record.metadata);
    }

    @ParameterizedTest
    @CsvSource({"3", "4"})
    void nonLatinText(String version) throws Exception {
        Path file = mp3("utf" + version + ".mp3", List.of("title=坂本龍一 — Merry Christmas", "artist=Björk",
                "album_artist=Кино", "album=Группа крови"), "-id3v2_version", version);

        MediaRecord record = recognise(file);

        assertEquals("坂本龍一 — Merry Christmas", record.title);
        assertEquals(Map.of("artist", "Björk", "albumArtist", "Кино", "album", "Группа крови"), record.metadata);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"(17)|Rock", "(17)Rock|Rock", "17|Rock", "Rock;Pop|Rock,Pop",
            "Rock; Pop|Rock,Pop", "(17)(13)|Rock,Pop", "Hip-Hop/Rap|Hip-Hop/Rap"})
    void genres(String genre, String expected) throws Exception {
        for (String version : List.of("3", "4")) {
            Path file = mp3("genre" + version + ".mp3", List.of("title=Song", "genre=" + genre), "-id3v2_version",
                    version);

            assertEquals(Arrays.asList(expected.split(",")), recognise(file).metadata.get("genres"), version);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {"7|-|7|-|-", "07/12|-|7|12|-", "3/14|2/3|3|14|2",
            "7|02|7|-|2"})
    void trackAndDiscForms(String track, String disc, Integer number, Integer total, Integer discNumber)
            throws Exception {
        List<String> tags = new ArrayList<>(List.of("title=Song", "track=" + track));
        if (disc != null) {
            tags.add("disc=" + disc);
        }
        Path file = mp3("numbers.mp3", tags, "-id3v2_version", "3");

        Map<String, Object> metadata = recognise(file).metadata;

        assertEquals(number, metadata.get("trackNumber"));
        assertEquals(total, metadata.get("trackTotal"));
        assertEquals(discNumber, metadata.get("discNumber"));
    }

    @ParameterizedTest
    @CsvSource({"4, 2001-03-12, 2001", "3, 2001-03-12, 2001", "3, 1997, 1997", "4, 1997, 1997"})
    void dates(String version, String date, int year) throws Exception {
        Path file = mp3("date.mp3", List.of("title=Song", "date=" + date), "-id3v2_version", version);

        assertEquals(year, recognise(file).year);
    }

    @Test
    void aTyerOnlyTagGivesTheYear() throws Exception {
        Path file = mp3("tyer.mp3", List.of("title=Song", "TYER=1994"), "-id3v2_version", "3");
        assertTrue(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains("TYER"), "the fixture has a TYER frame");

        assertEquals(1994, recognise(file).year);
    }

    @Test
    void anEmbeddedPng() throws Exception {
        Path file = withPictures("png.mp3", List.of(png), List.of("Cover (front)"));

        MediaRecord record = recognise(file);

        assertArrayEquals(Files.readAllBytes(png), record.posterImage);
        assertNull(record.posterFile);
    }

    @Test
    void theFrontCoverWinsOverABackCoverBeforeIt() throws Exception {
        Path file = withPictures("two.mp3", List.of(png, jpeg), List.of("Cover (back)", "Cover (front)"));

        assertArrayEquals(Files.readAllBytes(jpeg), recognise(file).posterImage);
    }

    @Test
    void withoutAFrontCoverTheFirstPictureIsTaken() throws Exception {
        Path file = withPictures("other.mp3", List.of(png, jpeg), List.of("Cover (back)", "Other"));

        assertArrayEquals(Files.readAllBytes(png), recognise(file).posterImage);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {"cover.jpg,folder.jpg|cover.jpg",
            "folder.jpg,front.png|folder.jpg", "Folder.JPG|Folder.JPG", "FOLDER.jpeg,AlbumArt.png|FOLDER.jpeg",
            "scan.jpg,back.jpg|-"})
    void theAlbumFoldersImage(String images, String expected) throws Exception {
        Path album = root.resolve("Portishead/Dummy");
        Path file = copy(untagged, album.resolve("01 - Mysterons.mp3"));
        for (String image : images.split(",")) {
            Files.copy(jpeg, album.resolve(image));
        }

        MediaRecord record = recognise(file);

        assertEquals(expected == null ? null : album.resolve(expected), record.posterFile);
        assertNull(record.posterImage);
    }

    @Test
    void aCompilation() throws Exception {
        Path file = mp3("Various Artists/Now 2001/03 - Kylie Minogue - Can't Get You Out of My Head.mp3",
                List.of("title=Can't Get You Out of My Head", "artist=Kylie Minogue",
                        "album_artist=Various Artists", "album=Now 2001", "track=3/20", "TCMP=1"),
                "-id3v2_version", "3");

        MediaRecord record = recognise(file);

        assertEquals("Can't Get You Out of My Head", record.title);
        assertEquals(Map.of("artist", "Kylie Minogue", "albumArtist", "Various Artists", "album", "Now 2001",
                "trackNumber", 3, "trackTotal", 20), record.metadata);
    }

    @Test
    void anUntaggedCompilationTrackTakesItsArtistFromTheFileName() throws Exception {
        Path file = copy(untagged, root.resolve("Various Artists/Now 2001/03 - Kylie Minogue - Fever.mp3"));

        MediaRecord record = recognise(file);

        assertEquals("Fever", record.title);
        assertEquals(Map.of("artist", "Kylie Minogue", "albumArtist", "Various Artists", "album", "Now 2001",
                "trackNumber", 3), record.metadata);
    }

    @Test
    void discFoldersGiveTheDiscWhenTheTagsHaveNone() throws Exception {
        List<String> tags = List.of("title=Song", "artist=Pink Floyd", "album_artist=Pink Floyd",
                "album=The Wall", "track=4");
        Path first = mp3("Pink Floyd/The Wall/CD1/04 - Song.mp3", tags, "-id3v2_version", "3");
        Path second = mp3("Pink Floyd/The Wall/CD2/04 - Song.mp3", tags, "-id3v2_version", "3");
        Path tagged = mp3("Pink Floyd/The Wall/CD2/05 - Song.mp3",
                List.of("title=Song", "album=The Wall", "track=5", "disc=1"), "-id3v2_version", "3");

        assertEquals(1, recognise(first).metadata.get("discNumber"));
        assertEquals(2, recognise(second).metadata.get("discNumber"));
        assertEquals(1, recognise(tagged).metadata.get("discNumber"), "the tag wins over the folder");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {"1-07 Title|Title|7|1|-", "07. Title|Title|7|-|-",
            "07 Title|Title|7|-|-", "Artist - Title|Title|-|-|Artist", "2-05 - Title|Title|5|2|-"})
    void untaggedNamesInAFlatFolder(String name, String title, Integer track, Integer disc, String artist)
            throws Exception {
        Path file = copy(untagged, root.resolve("Downloads/" + name + ".mp3"));

        MediaRecord record = recognise(file);

        assertEquals(title, record.title);
        assertEquals(track, record.metadata.get("trackNumber"));
        assertEquals(disc, record.metadata.get("discNumber"));
        assertEquals(artist, record.metadata.get("artist"));
        assertEquals("Downloads", record.metadata.get("album"), "the folder is the album");
    }

    @Test
    void aTagSizeBeyondTheFileIsAScanError() throws Exception {
        byte[] whole = Files.readAllBytes(mp3("source.mp3", List.of("title=Song"), "-id3v2_version", "3"));
        byte[] bytes = whole.clone();
        bytes[6] = 0x01; // 2 MB more than the file holds, not absurdly large
        Path file = Files.write(root.resolve("Artist - Big Tag.mp3"), bytes);

        // ffprobe cannot read past such a tag either: the file is unplayable, a job error that says why
        assertScanError(file);
    }

    @Test
    void aTagWithoutAudio() throws Exception {
        Path whole = mp3("source.mp3", List.of("title=Song"), "-id3v2_version", "3");
        byte[] bytes = Files.readAllBytes(whole);
        int tagSize = 10 + ((bytes[6] & 0x7f) << 21 | (bytes[7] & 0x7f) << 14 | (bytes[8] & 0x7f) << 7
                | (bytes[9] & 0x7f));
        Path file = Files.write(root.resolve("no-audio.mp3"), Arrays.copyOf(bytes, tagSize));

        assertScanError(file);
    }

    @ParameterizedTest
    @CsvSource({"flac, flac, flac", "aac, ipod, aac"})
    void aFileNamedMp3ThatIsSomethingElse(String codec, String format, String expectedCodec) throws Exception {
        Path file = root.resolve("Artist/Album/01 - Mislabelled.mp3");
        Ffmpeg.tone(file, 1, List.of("title=Real Title", "artist=Real Artist"), "-c:a", codec, "-f", format);

        // jaudiotagger finds no mp3 frames in it; ffprobe reads what it really is, with its tags
        MediaRecord r = recognise(file);
        assertEquals(expectedCodec, r.probe.audio.get(0).codec);
        assertEquals("Real Title", r.title);
        assertEquals("Real Artist", r.metadata.get("artist"));
    }

    private Path mp3(String name, List<String> tags, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("-c:a", "libmp3lame"));
        args.addAll(List.of(options));
        return Ffmpeg.tone(root.resolve(name), 1, tags, args.toArray(String[]::new));
    }

    /** ffmpeg takes an attached picture's ID3 picture type from the stream's comment ("Cover (front)"). */
    private Path withPictures(String name, List<Path> pictures, List<String> types) throws IOException {
        Path file = root.resolve(name);
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "sine=duration=1"));
        pictures.forEach(p -> args.addAll(List.of("-i", p.toString())));
        args.addAll(List.of("-map", "0"));
        for (int i = 0; i < pictures.size(); i++) {
            args.addAll(List.of("-map", String.valueOf(i + 1), "-metadata:s:v:" + i, "comment=" + types.get(i)));
        }
        args.addAll(List.of("-c:a", "libmp3lame", "-c:v", "copy", "-disposition:v", "attached_pic",
                "-id3v2_version", "3", "-metadata", "title=Pictures", file.toString()));
        Ffmpeg.run(file, args);
        return file;
    }

    private void assertScanError(Path file) {
        MediaScanException e = assertThrows(MediaScanException.class, () -> recognise(file));
        assertTrue(e.getMessage().startsWith("not a readable audio file: "), e.getMessage());
        assertTrue(e.getMessage().contains("; tags: invalid audio frame"), e.getMessage());
    }

    private MediaRecord recognise(Path file) throws MediaScanException {
        return scanner.recognise(new TestContext(file, root, ffprobe)).orElseThrow();
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        return Files.copy(from, to);
    }
}
