package org.omnilux.scanner.audiobook.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnilux.api.probe.MediaProber;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanException;

/**
 * The audiobook files users really have, made by ffmpeg and probed by the real ffprobe: ID3 chapters, covers in
 * both tag formats, chapter lists as ffmpeg leaves them (untitled, unsorted, past the end), books in parts of
 * mixed formats and numbering, broken parts and broken files.
 */
class AudiobookRealFilesTest {

    private static final String MP3 = "libmp3lame";

    private final AudiobookScanner scanner = new AudiobookScanner();
    private final MediaProber ffprobe = new FfprobeTestProber();

    @TempDir
    Path root;

    @TempDir
    static Path fixtures;

    private static Path jpeg;
    private static Path png;

    @BeforeAll
    static void covers() throws IOException {
        jpeg = Ffmpeg.image(fixtures.resolve("cover.jpg"));
        png = Ffmpeg.image(fixtures.resolve("cover.png"));
    }

    // --- single files: chapters and covers ---------------------------------------------------------------------

    @Test
    void anMp3BookWithId3ChaptersCoverAndComposerNarrator() throws Exception {
        Path file = book(root.resolve("Herman Melville/Moby Dick.mp3"), 3, jpeg, """
                [CHAPTER]
                TIMEBASE=1/1000
                START=0
                END=1200
                title=Loomings
                [CHAPTER]
                TIMEBASE=1/1000
                START=1200
                END=3000
                title=The Carpet-Bag
                """, "-c:a", MP3, "-id3v2_version", "3", "-metadata", "album=Moby-Dick", "-metadata",
                "artist=Herman Melville", "-metadata", "composer=William Hootkins");

        MediaRecord record = recognise(file);

        assertEquals("Moby-Dick", record.title);
        assertEquals("Herman Melville", record.metadata.get("author"));
        assertEquals("William Hootkins", record.metadata.get("narrator"), "TCOM is the narrator");
        assertEquals(List.of(chapter("Loomings", 0, 1.2), chapter("The Carpet-Bag", 1.2, 3)),
                record.metadata.get("chapters"));
        assertArrayEquals(Files.readAllBytes(jpeg), record.posterImage, "the APIC picture, byte for byte");
        assertEquals("mp3", record.probe.audio.get(0).codec);
    }

    @Test
    void anM4bWithChaptersAndAPngCover() throws Exception {
        Path file = book(root.resolve("Jane Austen/Emma/Emma.m4b"), 3, png, """
                [CHAPTER]
                TIMEBASE=1/1000
                START=0
                END=1500
                title=Volume I
                [CHAPTER]
                TIMEBASE=1/1000
                START=1500
                END=3000
                title=Volume II
                """, "-c:a", "aac", "-f", "ipod");
        Files.copy(jpeg, file.resolveSibling("cover.jpg")); // the embedded picture comes first

        MediaRecord record = recognise(file);

        assertEquals("Emma", record.title);
        assertEquals("Jane Austen", record.metadata.get("author"));
        assertEquals(List.of(chapter("Volume I", 0, 1.5), chapter("Volume II", 1.5, 3)),
                record.metadata.get("chapters"));
        assertArrayEquals(Files.readAllBytes(png), record.posterImage);
        assertNull(record.posterFile);
    }

    @Test
    void untitledM4bChaptersAreNumbered() throws Exception {
        Path file = book(root.resolve("Untitled Chapters.m4b"), 3, null, untitled(), "-c:a", "aac", "-f", "ipod");

        assertEquals(List.of(chapter("Chapter 1", 0, 1), chapter("Chapter 2", 1, 3)),
                recognise(file).metadata.get("chapters"));
    }

    @Test
    void untitledId3ChaptersAreNumberedNotNamedByTheirElementIds() throws Exception {
        // ffmpeg's ID3 reader titles a CHAP frame without TIT2 by its element id ("ch0"): no name for people
        Path file = book(root.resolve("Untitled Chapters.mp3"), 3, null, untitled(), "-c:a", MP3,
                "-id3v2_version", "3");

        assertEquals(List.of(chapter("Chapter 1", 0, 1), chapter("Chapter 2", 1, 3)),
                recognise(file).metadata.get("chapters"));
    }

    @Test
    void id3ChaptersOutOfOrderArePlayedInOrder() throws Exception {
        // ID3 CHAP frames may come in any order (CTOC orders them); ffprobe lists them as stored
        Path file = book(root.resolve("Unsorted.mp3"), 3, null, """
                [CHAPTER]
                TIMEBASE=1/1000
                START=1500
                END=3000
                title=Two
                [CHAPTER]
                TIMEBASE=1/1000
                START=0
                END=1500
                title=One
                """, "-c:a", MP3, "-id3v2_version", "3");

        assertEquals(List.of(chapter("One", 0, 1.5), chapter("Two", 1.5, 3)),
                recognise(file).metadata.get("chapters"));
    }

    @Test
    void aChapterPastTheEndOfTheAudioEndsWithTheAudio() throws Exception {
        Path file = book(root.resolve("Past The End.mp3"), 3, null, """
                [CHAPTER]
                TIMEBASE=1/1000
                START=0
                END=1000
                title=One
                [CHAPTER]
                TIMEBASE=1/1000
                START=1000
                END=60000
                title=Two
                [CHAPTER]
                TIMEBASE=1/1000
                START=60000
                END=70000
                title=Nowhere
                """, "-c:a", MP3, "-id3v2_version", "3");

        MediaRecord record = recognise(file);

        double duration = record.probe.durationSeconds;
        assertEquals(3.0, duration, 0.1);
        assertEquals(List.of(chapter("One", 0, 1), chapter("Two", 1, millis(duration))),
                record.metadata.get("chapters"), "a chapter that starts after the audio is none");
    }

    // --- tags each format can hold ------------------------------------------------------------------------------

    @Test
    void narratorAndSeriesWrittenAsMp4MetadataKeys() throws Exception {
        // ffmpeg -movflags use_metadata_tags writes free-form tags as mdta keys, which jaudiotagger does not list:
        // ffprobe sees them, and they complete the iTunes atoms jaudiotagger read
        Path file = Ffmpeg.tone(root.resolve("Keys.m4b"), 1, List.of("album=Leviathan Wakes",
                "artist=James S. A. Corey", "narrator=Jefferson Mays", "series=The Expanse", "series-part=1"),
                "-c:a", "aac", "-f", "ipod", "-movflags", "use_metadata_tags");

        MediaRecord record = recognise(file);

        assertEquals("Leviathan Wakes", record.title);
        assertEquals(Map.of("author", "James S. A. Corey", "narrator", "Jefferson Mays", "series", "The Expanse",
                "seriesIndex", 1.0), record.metadata);
    }

    @Test
    void m4bComposerAndGroupingAreNarratorAndSeries() throws Exception {
        Path file = Ffmpeg.tone(root.resolve("Atoms.m4b"), 1, List.of("album=The Final Empire",
                "album_artist=Brandon Sanderson", "composer=Michael Kramer", "grouping=Mistborn, Book 1"),
                "-c:a", "aac", "-f", "ipod");

        MediaRecord record = recognise(file);

        assertEquals(Map.of("author", "Brandon Sanderson", "narrator", "Michael Kramer", "series", "Mistborn",
                "seriesIndex", 1.0), record.metadata);
    }

    @Test
    void movementTagsOfAnMp3AreTheSeries() throws Exception {
        // ffmpeg writes the iTunes movement keys of an mp3 as TXXX:mvnm / TXXX:mvin
        Path file = Ffmpeg.tone(root.resolve("Movement.mp3"), 1, List.of("album=Red Rising",
                "artist=Pierce Brown", "mvnm=Red Rising Saga", "mvin=1"), "-c:a", MP3, "-id3v2_version", "3");

        MediaRecord record = recognise(file);

        assertEquals("Red Rising Saga", record.metadata.get("series"));
        assertEquals(1.0, record.metadata.get("seriesIndex"));
    }

    // --- books in parts -------------------------------------------------------------------------------------------

    @Test
    void partsNumberedWithoutZerosPlayInNaturalOrder() throws Exception {
        Path folder = root.resolve("Terry Pratchett/Discworld 2 - The Light Fantastic");
        Path one = Ffmpeg.tone(folder.resolve("1.mp3"), 0.5, List.of(), "-c:a", MP3, "-id3v2_version", "0");
        List<Path> parts = new ArrayList<>(List.of(one));
        for (int i = 2; i <= 10; i++) {
            parts.add(Files.copy(one, folder.resolve(i + ".mp3")));
        }

        MediaRecord record = recognise(one);

        assertEquals("The Light Fantastic", record.title);
        assertEquals("Terry Pratchett", record.metadata.get("author"));
        assertEquals("Discworld", record.metadata.get("series"), "from the folder's name");
        assertEquals(2.0, record.metadata.get("seriesIndex"));
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"), titles(record));
        double part = ffprobe.probe(one).durationSeconds;
        assertEquals(millis(10 * part), record.durationSeconds, 0.002);
        for (Path later : parts.subList(1, parts.size())) {
            assertEquals(Optional.empty(), scanner.recognise(context(later)), later::toString);
        }
    }

    @Test
    void partsOfMixedFormatsAreOneBook() throws Exception {
        Path folder = root.resolve("Mary Shelley/Frankenstein");
        Path first = Ffmpeg.tone(folder.resolve("01 - Letters.mp3"), 1, List.of("album=Frankenstein"), "-c:a", MP3);
        Path second = Ffmpeg.tone(folder.resolve("02 - Chapter One.m4a"), 2, List.of(), "-c:a", "aac");
        Path third = Ffmpeg.tone(folder.resolve("03 - Chapter Two.mp3"), 1, List.of(), "-c:a", MP3);

        MediaRecord record = recognise(first);

        double d1 = ffprobe.probe(first).durationSeconds;
        double d2 = ffprobe.probe(second).durationSeconds;
        double d3 = ffprobe.probe(third).durationSeconds;
        assertEquals(List.of(chapter("Letters", 0, millis(d1)), chapter("Chapter One", millis(d1), millis(d1 + d2)),
                chapter("Chapter Two", millis(d1 + d2), millis(d1 + d2 + d3))), record.metadata.get("chapters"));
        assertEquals(d1 + d2 + d3, record.durationSeconds, 0.002);
        assertEquals(Optional.empty(), scanner.recognise(context(second)));
        assertEquals(Optional.empty(), scanner.recognise(context(third)));
    }

    @Test
    void discFoldersInNaturalOrderWithOnePartEach() throws Exception {
        Path book = root.resolve("Homer/The Odyssey");
        Path cd1 = Ffmpeg.tone(book.resolve("CD1/Track 1.mp3"), 0.5, List.of("title=Telemachus"), "-c:a", MP3,
                "-id3v2_version", "3");
        Path cd2 = Ffmpeg.tone(book.resolve("CD2/Track 1.mp3"), 0.5, List.of("title=Calypso"), "-c:a", MP3,
                "-id3v2_version", "3");
        Path cd10 = Ffmpeg.tone(book.resolve("CD10/Track 1.mp3"), 0.5, List.of("title=Ithaca"), "-c:a", MP3,
                "-id3v2_version", "3");

        java.util.concurrent.atomic.AtomicInteger probes = new java.util.concurrent.atomic.AtomicInteger();
        MediaProber counting = f -> {
            probes.incrementAndGet();
            return ffprobe.probe(f);
        };

        MediaRecord record = scanner.recognise(new TestContext(cd1, root, counting)).orElseThrow();

        assertEquals("The Odyssey", record.title);
        assertEquals(List.of("Telemachus", "Calypso", "Ithaca"), titles(record), "CD2 before CD10");
        assertEquals(3, probes.getAndSet(0), "each part once");
        assertEquals(Optional.empty(), scanner.recognise(new TestContext(cd2, root, counting)));
        assertEquals(Optional.empty(), scanner.recognise(new TestContext(cd10, root, counting)));
        // a later disc probes its own part, not the whole book again; the second part, which reports a broken
        // first part, also probes the first when it is in another folder
        assertEquals(3, probes.get());
    }

    @Test
    void aFolderWithOnePartIsASingleFileBookNamedByItsFolder() throws Exception {
        Path file = book(root.resolve("George Orwell/Animal Farm (1945)/01.mp3"), 2, null, """
                [CHAPTER]
                TIMEBASE=1/1000
                START=0
                END=2000
                title=Old Major
                """, "-c:a", MP3, "-id3v2_version", "3");

        MediaRecord record = recognise(file);

        assertEquals("Animal Farm", record.title);
        assertEquals(1945, record.year);
        assertEquals("George Orwell", record.metadata.get("author"));
        assertEquals(List.of("Old Major"), titles(record), "its own chapters, not one per part");
        assertNull(record.durationSeconds);
    }

    @Test
    void aCorruptPartAmongGoodOnesIsLeftOutOfTheBookAndReported() throws Exception {
        Path folder = root.resolve("Charles Dickens/Bleak House");
        Path first = Ffmpeg.tone(folder.resolve("01.mp3"), 1, List.of(), "-c:a", MP3);
        Path broken = Files.write(folder.resolve("02.mp3"), garbage(20_000));
        Path third = Ffmpeg.tone(folder.resolve("03.mp3"), 1, List.of(), "-c:a", MP3);

        MediaRecord record = recognise(first);

        assertEquals("Bleak House", record.title);
        assertEquals(List.of("01", "03"), titles(record));
        double sum = ffprobe.probe(first).durationSeconds + ffprobe.probe(third).durationSeconds;
        assertEquals(sum, record.durationSeconds, 0.002);
        MediaScanException e = assertThrows(MediaScanException.class, () -> scanner.recognise(context(broken)),
                "the part left out is a job error of its own, so that the user learns why the book is short");
        assertTrue(e.getMessage().startsWith("not a readable audio file: "), e.getMessage());
        assertEquals(Optional.empty(), scanner.recognise(context(third)));
    }

    @Test
    void aCorruptFirstPartLeavesTheRestOfTheBookListedAndTheSecondPartSaysWhy() throws Exception {
        Path folder = root.resolve("Charles Dickens/Hard Times");
        Path broken = Files.write(Files.createDirectories(folder).resolve("01.mp3"), garbage(20_000));
        Path second = Ffmpeg.tone(folder.resolve("02.mp3"), 1, List.of("album=Hard Times, Abridged",
                "artist=Charles Dickens"), "-c:a", MP3);
        Path third = Ffmpeg.tone(folder.resolve("03.mp3"), 2, List.of(), "-c:a", MP3);

        MediaRecord record = recognise(broken);

        assertEquals("Hard Times, Abridged", record.title, "the tags of the first part that can be read");
        assertEquals("Charles Dickens", record.metadata.get("author"));
        assertEquals(List.of("02", "03"), titles(record));
        double sum = ffprobe.probe(second).durationSeconds + ffprobe.probe(third).durationSeconds;
        assertEquals(sum, record.durationSeconds, 0.002);
        assertEquals("mp3", record.probe.audio.get(0).codec);
        MediaScanException e = assertThrows(MediaScanException.class, () -> scanner.recognise(context(second)),
                "the broken first part is reported by the second, as the first answers with the book");
        assertTrue(e.getMessage().startsWith("the book's first part, 01.mp3, cannot be read, and the book is listed"
                + " without it: not a readable audio file: "), e.getMessage());
        assertEquals(Optional.empty(), scanner.recognise(context(third)));
    }

    @Test
    void aBookWhosePartsAreAllCorruptFailsWithAReason() throws Exception {
        Path folder = Files.createDirectories(root.resolve("Charles Dickens/Little Dorrit"));
        Path broken = Files.write(folder.resolve("01.mp3"), garbage(20_000));
        Path second = Files.write(folder.resolve("02.mp3"), garbage(30_000));

        MediaScanException e = assertThrows(MediaScanException.class, () -> scanner.recognise(context(broken)));

        assertTrue(e.getMessage().startsWith("not a readable audio file: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; no other part of the book can be read either"), e.getMessage());
        e = assertThrows(MediaScanException.class, () -> scanner.recognise(context(second)));
        assertTrue(e.getMessage().endsWith("; the book's first part, 01.mp3, cannot be read either"), e.getMessage());
    }

    // --- music among the books; broken files ----------------------------------------------------------------------

    @Test
    void anM4aSongInTheAudiobookRootIsTakenAsABook() throws Exception {
        // the root's media type decides: every audio file under an audiobook root is a book (or a part of one)
        Path file = Ffmpeg.tone(root.resolve("Queen - Bohemian Rhapsody.m4a"), 1, List.of(
                "title=Bohemian Rhapsody", "artist=Queen", "album=A Night at the Opera", "genre=Rock"),
                "-c:a", "aac");

        MediaRecord record = recognise(file);

        assertEquals("A Night at the Opera", record.title, "the album tag names a book");
        assertEquals("Queen", record.metadata.get("author"));
        assertNull(record.metadata.get("chapters"));
    }

    @Test
    void anM4bCutBeforeItsMoovAtomFailsWithAReason() throws Exception {
        Path whole = Ffmpeg.tone(fixtures.resolve("whole-" + System.nanoTime() + ".m4b"), 3, List.of("album=Cut"),
                "-c:a", "aac", "-f", "ipod");
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(root.resolve("Cut.m4b"), Arrays.copyOf(bytes, indexOf(bytes, "moov") + 16));

        MediaScanException e = assertThrows(MediaScanException.class, () -> scanner.recognise(context(cut)));

        // ffprobe opens what is left of the file but finds no track in it
        assertEquals("not an audio file: it has no audio stream", e.getMessage());
    }

    @Test
    void anMp3WhoseChapFrameClaimsTooManyBytesNeitherHangsNorThrowsAnythingElse() throws Exception {
        Path good = book(fixtures.resolve("chap-" + System.nanoTime() + ".mp3"), 2, null, """
                [CHAPTER]
                TIMEBASE=1/1000
                START=0
                END=2000
                title=Only
                """, "-c:a", MP3, "-id3v2_version", "3");
        byte[] bytes = Files.readAllBytes(good);
        int chap = indexOf(bytes, "CHAP");
        ByteBuffer.wrap(bytes).putInt(chap + 4, 0x7fff_fff0); // ID3v2.3 frame sizes are plain 32-bit integers
        Path bogus = Files.write(root.resolve("Bogus Chapter.mp3"), bytes);

        Optional<MediaRecord> record = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> scanner.recognise(context(bogus)));

        // ffmpeg still finds the audio behind the broken tag: a book, whose chapters are lost with the tag
        assertEquals("Bogus Chapter", record.orElseThrow().title);
        assertEquals(2.0, record.orElseThrow().probe.durationSeconds, 0.1);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private MediaRecord recognise(Path file) throws MediaScanException {
        return scanner.recognise(context(file)).orElseThrow();
    }

    private TestContext context(Path file) {
        return new TestContext(file, root, ffprobe);
    }

    private static Map<String, Object> chapter(String title, double start, double end) {
        return Map.of("title", title, "start", start, "end", end);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> titles(MediaRecord record) {
        return ((List<Map<String, Object>>) record.metadata.get("chapters")).stream().map(c -> c.get("title")).toList();
    }

    private static double millis(double seconds) {
        return Math.round(seconds * 1000.0) / 1000.0;
    }

    private static String untitled() {
        return """
                [CHAPTER]
                TIMEBASE=1/1000
                START=0
                END=1000
                [CHAPTER]
                TIMEBASE=1/1000
                START=1000
                END=3000
                """;
    }

    /** Random bytes with no audio sync word in them: what a failed download or a disk error leaves. */
    private static byte[] garbage(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ('a' + i % 23);
        }
        return bytes;
    }

    private static int indexOf(byte[] bytes, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException(ascii + " not found");
    }

    /**
     * A {@code seconds} long book with the given ffmetadata chapters and, unless {@code null}, the cover embedded as
     * an attached picture, in the format the output options name.
     */
    private static Path book(Path file, double seconds, Path cover, String chapters, String... output)
            throws IOException {
        Path metadata = Files.writeString(fixtures.resolve("chapters-" + System.nanoTime() + ".txt"),
                ";FFMETADATA1\n" + chapters);
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "sine=duration=" + seconds,
                "-i", metadata.toString()));
        if (cover != null) {
            args.addAll(List.of("-i", cover.toString(), "-map", "0", "-map", "2", "-c:v", "copy",
                    "-disposition:v", "attached_pic"));
        } else {
            args.addAll(List.of("-map", "0"));
        }
        args.addAll(List.of("-map_metadata", "1", "-map_chapters", "1"));
        args.addAll(List.of(output));
        args.add(file.toString());
        Ffmpeg.run(file, args);
        return file;
    }
}
