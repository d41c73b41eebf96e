package org.omnilux.scanner.comic.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanException;
import org.omnilux.api.scanner.MediaTypeDescriptor;
import org.omnilux.api.scanner.MetadataField;
import org.omnilux.api.scanner.ScanContext;
import org.omnilux.scanner.testkit.TestScanContext;
import org.omnilux.api.scanner.ScannerDescriptor;

class ComicScannerTest {

    private static final String COMIC_INFO = """
            <?xml version="1.0" encoding="utf-8"?>
            <ComicInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
              <Title>The Will</Title>
              <Series>Saga</Series>
              <Number>007</Number>
              <Volume>2</Volume>
              <Year>2012</Year>
              <Writer>Brian K. Vaughan</Writer>
              <Penciller>Fiona Staples</Penciller>
              <Publisher>Image</Publisher>
              <PageCount>24</PageCount>
              <LanguageISO>en</LanguageISO>
            </ComicInfo>
            """;

    private final ComicScanner scanner = new ComicScanner("bsdtar", Duration.ofSeconds(30));

    @TempDir
    Path root;

    @Test
    void describesTheComicTypeWithItsFields() {
        ScannerDescriptor descriptor = scanner.descriptor();

        assertEquals(1, descriptor.mediaTypes.size());
        MediaTypeDescriptor comic = descriptor.mediaTypes.get(0);
        assertEquals("comic", comic.name);
        assertEquals(List.of("series", "issueNumber", "volume", "writer", "publisher", "pageCount", "posterUrl"),
                comic.fields.stream().map(field -> field.name).toList());
        assertEquals(MetadataField.Type.STRING, comic.fields.get(1).type, "issues like 1.5 and 1A exist");
        assertEquals(MetadataField.Type.INTEGER, comic.fields.get(2).type);
        assertEquals(List.of("cbz", "cbr", "cb7", "cbt"), descriptor.extensions);
    }

    @Test
    void acceptsComicArchives() {
        assertTrue(scanner.accepts(root.resolve("Saga/Saga 001 (2012).CBZ"), root));
        assertTrue(scanner.accepts(root.resolve("Saga 001.cbr"), root));
        assertTrue(scanner.accepts(root.resolve("Saga 001.cb7"), root));
        assertFalse(scanner.accepts(root.resolve("Saga 001.zip"), root));
        assertFalse(scanner.accepts(root.resolve("Saga/ComicInfo.xml"), root));
    }

    @Test
    void readsACbzWithComicInfo() throws Exception {
        byte[] cover = png(Color.RED);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("ComicInfo.xml", utf8(COMIC_INFO));
        entries.put("Saga 007/Saga 007 - p02.png", png(Color.GREEN));
        entries.put("Saga 007/Saga 007 - p01.png", cover);
        entries.put("Saga 007/Saga 007 - p10.png", png(Color.BLUE));
        Path file = zip(root.resolve("Saga/whatever.cbz"), entries);

        MediaRecord record = recognise(file);

        assertEquals("The Will", record.title);
        assertEquals(2012, record.year);
        assertEquals("cbz", record.container);
        assertEquals(Map.of("series", "Saga", "issueNumber", "7", "volume", 2, "writer", "Brian K. Vaughan",
                "publisher", "Image", "pageCount", 24), record.metadata);
        assertArrayEquals(cover, record.posterImage, "the first page in natural order");
        assertNull(record.probe);
    }

    @Test
    void withoutComicInfoTheNameAndThePagesTell() throws Exception {
        byte[] cover = png(Color.YELLOW);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("__MACOSX/._001.png", utf8("resource fork"));
        entries.put(".DS_Store", utf8("junk"));
        entries.put("10.png", png(Color.BLUE));
        entries.put("2.png", png(Color.GREEN));
        entries.put("1.png", cover);
        entries.put("credits.txt", utf8("scanned by nobody"));
        Path file = zip(root.resolve("Saga 001 (2012) (Digital).cbz"), entries);

        MediaRecord record = recognise(file);

        assertEquals("Saga #1", record.title);
        assertEquals(2012, record.year);
        assertEquals(Map.of("series", "Saga", "issueNumber", "1", "pageCount", 3), record.metadata);
        assertArrayEquals(cover, record.posterImage);
    }

    @Test
    void theFrontCoverMarkedInComicInfoWins() throws Exception {
        byte[] marked = png(Color.MAGENTA);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("ComicInfo.xml", utf8("""
                <ComicInfo><Series>Saga</Series><Number>1</Number>
                  <Pages><Page Image="0" Type="Story"/><Page Image="1" Type="FrontCover"/></Pages>
                </ComicInfo>"""));
        entries.put("a.png", png(Color.BLACK));
        entries.put("b.png", marked);
        Path file = zip(root.resolve("x.cbz"), entries);

        MediaRecord record = recognise(file);

        assertEquals("Saga #1", record.title);
        assertArrayEquals(marked, record.posterImage);
        assertEquals(2, record.metadata.get("pageCount"));
    }

    @Test
    void aMalformedComicInfoIsIgnored() throws Exception {
        Path file = zip(root.resolve("Saga v02 (2013).cbz"), Map.of("ComicInfo.xml", utf8("<ComicInfo><Series>"),
                "01.png", png(Color.RED)));

        MediaRecord record = recognise(file);

        assertEquals("Saga Vol. 2", record.title);
        assertEquals(2013, record.year);
        assertEquals(Map.of("series", "Saga", "volume", 2, "pageCount", 1), record.metadata);
    }

    @Test
    void aHostileComicInfoReadsNoLocalFile() throws Exception {
        Path secret = Files.writeString(root.resolve("secret.txt"), "TOP-SECRET");
        Path file = zip(root.resolve("Saga #3.cbz"), Map.of("ComicInfo.xml", utf8("""
                <!DOCTYPE ComicInfo [ <!ENTITY xxe SYSTEM "%s"> ]>
                <ComicInfo><Title>&xxe;</Title></ComicInfo>""".formatted(secret.toUri())), "01.png", png(Color.RED)));

        MediaRecord record = recognise(file);

        assertEquals("Saga #3", record.title);
    }

    @Test
    void readsACb7() throws Exception {
        byte[] cover = png(Color.CYAN);
        Path file = root.resolve("Saga Vol. 2 #5.cb7");
        try (SevenZOutputFile sevenZ = new SevenZOutputFile(file.toFile())) {
            add(sevenZ, "p002.png", png(Color.GREEN));
            add(sevenZ, "p001.png", cover);
            add(sevenZ, "ComicInfo.xml", utf8("<ComicInfo><Writer>Brian K. Vaughan</Writer><PageCount>0</PageCount></ComicInfo>"));
        }

        MediaRecord record = recognise(file);

        assertEquals("Saga Vol. 2 #5", record.title);
        assertEquals("cb7", record.container);
        assertEquals(Map.of("series", "Saga", "issueNumber", "5", "volume", 2, "writer", "Brian K. Vaughan",
                "pageCount", 2), record.metadata);
        assertArrayEquals(cover, record.posterImage);
    }

    @Test
    void aZipNamedCbrIsReadAsTheZipItIs() throws Exception {
        byte[] cover = png(Color.RED);
        Path file = zip(root.resolve("Saga #4.cbr"), Map.of("01.png", cover));

        MediaRecord record = recognise(file);

        assertEquals("Saga #4", record.title);
        assertEquals("cbz", record.container, "the container is the real format");
        assertArrayEquals(cover, record.posterImage);
    }

    @Test
    void aTarNamedCbrIsReadThroughBsdtar() throws Exception {
        requireBsdtar();
        byte[] cover = png(Color.ORANGE);
        Path file = root.resolve("Saga 006 (2012).cbr");
        try (OutputStream out = Files.newOutputStream(file); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            add(tar, "Saga 006/page [10].png", png(Color.BLUE));
            add(tar, "Saga 006/page [2].png", cover);
            add(tar, "Saga 006/ComicInfo.xml", utf8("<ComicInfo><Publisher>Image</Publisher></ComicInfo>"));
        }

        MediaRecord record = recognise(file);

        assertEquals("Saga #6", record.title);
        assertEquals("cbt", record.container);
        assertEquals(Map.of("series", "Saga", "issueNumber", "6", "publisher", "Image", "pageCount", 2), record.metadata);
        assertArrayEquals(cover, record.posterImage, "wildcard characters in entry names are escaped");
    }

    @Test
    void bsdtarListsAndExtractsEntriesOfAnArchive() throws Exception {
        requireBsdtar();
        byte[] page = png(Color.PINK);
        Path file = zip(root.resolve("any.zip"), Map.of("-dash * ?.png", page, "ComicInfo.xml", utf8("<ComicInfo/>")));
        BsdtarComicArchive archive = new BsdtarComicArchive("bsdtar", file, Duration.ofSeconds(30));

        assertEquals(List.of("-dash * ?.png", "ComicInfo.xml"), archive.entryNames().stream().sorted().toList());
        assertArrayEquals(page, archive.read("-dash * ?.png", 1024 * 1024));
        assertThrows(Limits.TooLargeException.class, () -> archive.read("-dash * ?.png", 10));
        IOException missing = assertThrows(IOException.class, () -> archive.read("nothere.png", 1024));
        assertTrue(missing.getMessage().contains("Not found in archive"), missing.getMessage());
    }

    @Test
    void readsACbrAsTheSameCbz() throws Exception {
        requireBsdtar();
        byte[] cover = jpeg(Color.RED);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("ComicInfo.xml", utf8(COMIC_INFO));
        entries.put("Saga 007/", null); // folders have entries of their own in a RAR made by WinRAR
        entries.put("Saga 007/Saga 007 - p02.jpg", jpeg(Color.GREEN));
        entries.put("Saga 007/Saga 007 - p01.jpg", cover);
        entries.put("Saga 007/Saga 007 - p10.jpg", jpeg(Color.BLUE));
        Path cbr = RarFixtures.write(root.resolve("Saga/whatever.cbr"), entries);
        entries.put("Saga 007/", new byte[0]);
        Path cbz = zip(root.resolve("Saga/whatever.cbz"), entries);

        MediaRecord record = recognise(cbr);
        MediaRecord same = recognise(cbz);

        assertEquals("cbr", record.container);
        assertEquals("The Will", record.title);
        assertEquals(2012, record.year);
        assertEquals(Map.of("series", "Saga", "issueNumber", "7", "volume", 2, "writer", "Brian K. Vaughan",
                "publisher", "Image", "pageCount", 24), record.metadata);
        assertArrayEquals(cover, record.posterImage, "the first page in natural order");
        assertEquals(same.title, record.title);
        assertEquals(same.year, record.year);
        assertEquals(same.metadata, record.metadata);
        assertArrayEquals(same.posterImage, record.posterImage);
    }

    @Test
    void aCbrWithoutComicInfoIsToldByItsNameAndPages() throws Exception {
        requireBsdtar();
        byte[] cover = jpeg(Color.YELLOW);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("10.jpg", jpeg(Color.BLUE));
        entries.put("2.jpg", jpeg(Color.GREEN));
        entries.put("1.jpg", cover);
        entries.put("credits.txt", utf8("scanned by nobody"));
        Path file = RarFixtures.write(root.resolve("Saga 001 (2012).cbr"), entries);

        MediaRecord record = recognise(file);

        assertEquals("Saga #1", record.title);
        assertEquals(2012, record.year);
        assertEquals("cbr", record.container);
        assertEquals(Map.of("series", "Saga", "issueNumber", "1", "pageCount", 3), record.metadata);
        assertArrayEquals(cover, record.posterImage);
    }

    @Test
    void aRarFolderIsNeitherAPageNorTheCover() throws Exception {
        requireBsdtar();
        byte[] cover = png(Color.RED);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("Saga 002.jpg/", null); // listed by bsdtar as "Saga 002.jpg", and first in natural order
        entries.put("Saga 002.jpg/02.png", png(Color.BLUE));
        entries.put("Saga 002.jpg/01.png", cover);
        Path file = RarFixtures.write(root.resolve("Saga 002.cbr"), entries);

        MediaRecord record = recognise(file);

        assertEquals(2, record.metadata.get("pageCount"));
        assertArrayEquals(cover, record.posterImage);
        assertEquals(List.of("Saga 002.jpg/02.png", "Saga 002.jpg/01.png"),
                new BsdtarComicArchive("bsdtar", file, Duration.ofSeconds(30)).entryNames());
    }

    @Test
    void aTruncatedCbrFailsWithBsdtarsReason() throws Exception {
        requireBsdtar();
        byte[] last = png(Color.BLUE);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("ComicInfo.xml", utf8(COMIC_INFO));
        entries.put("01.png", png(Color.RED));
        entries.put("02.png", last);
        byte[] bytes = RarFixtures.rar(entries);
        // cut halfway through the last page: the cover and the ComicInfo before it are whole
        int endBlock = 7;
        Path truncated = Files.write(root.resolve("Saga 005.cbr"),
                Arrays.copyOf(bytes, bytes.length - endBlock - last.length / 2));

        MediaScanException e = assertThrows(MediaScanException.class, () -> recognise(truncated));

        assertTrue(e.getMessage().matches(
                "not a readable cbr archive: Truncated input file \\(needed \\d+ bytes, only \\d+ available\\)"),
                e.getMessage());
    }

    @Test
    void aGarbageCbrFailsWithBsdtarsReason() throws Exception {
        requireBsdtar();
        Path file = Files.writeString(root.resolve("Garbage 001.cbr"), "this is not an archive ".repeat(100));

        MediaScanException e = assertThrows(MediaScanException.class, () -> recognise(file));

        assertEquals("not a readable cbr archive: Error opening archive: Unrecognized archive format", e.getMessage());
    }

    @Test
    void aMissingBsdtarIsAClearScanError() throws Exception {
        ComicScanner withoutBsdtar = new ComicScanner(root.resolve("no/such/bsdtar").toString(), Duration.ofSeconds(5));
        Path file = Files.write(root.resolve("Saga 001.cbr"), new byte[] {'R', 'a', 'r', '!', 0x1A, 0x07, 0, 0, 0, 0});

        MediaScanException e = assertThrows(MediaScanException.class,
                () -> withoutBsdtar.recognise(context(file)));

        assertTrue(e.getMessage().contains("bsdtar") && e.getMessage().contains("libarchive-tools"), e.getMessage());
    }

    @Test
    void aHangingBsdtarIsKilledAtTheTimeout() throws Exception {
        Path fake = Files.writeString(root.resolve("slow-bsdtar"), "#!/bin/sh\nsleep 20\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        ComicScanner impatient = new ComicScanner(fake.toString(), Duration.ofSeconds(1));
        Path file = Files.write(root.resolve("Saga 001.cbr"), new byte[] {'R', 'a', 'r', '!', 0x1A, 0x07, 0, 0, 0, 0});

        long start = System.nanoTime();
        MediaScanException e = assertThrows(MediaScanException.class, () -> impatient.recognise(context(file)));

        assertTrue(e.getMessage().contains("took more than 1 s"), e.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "killed, not waited for");
    }

    @Test
    void aGarbageCb7Fails() throws Exception {
        Path file = Files.writeString(root.resolve("Garbage 001.cb7"), "not seven zip ".repeat(100));

        MediaScanException e = assertThrows(MediaScanException.class, () -> recognise(file));

        assertTrue(e.getMessage().startsWith("not a readable cb7 archive: "), e.getMessage());
    }

    @Test
    void aTruncatedCbzFails() throws Exception {
        Path good = zip(root.resolve("good.cbz"), Map.of("01.png", png(Color.RED), "02.png", png(Color.BLUE)));
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(root.resolve("Saga 002.cbz"), Arrays.copyOf(bytes, bytes.length / 2));

        MediaScanException e = assertThrows(MediaScanException.class, () -> recognise(truncated));

        assertTrue(e.getMessage().startsWith("not a readable cbz archive: "), e.getMessage());
    }

    @Test
    void aTruncatedCb7Fails() throws Exception {
        Path good = root.resolve("good.cb7");
        try (SevenZOutputFile sevenZ = new SevenZOutputFile(good.toFile())) {
            add(sevenZ, "01.png", png(Color.RED));
        }
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(root.resolve("Saga 003.cb7"), Arrays.copyOf(bytes, bytes.length - 40));

        MediaScanException e = assertThrows(MediaScanException.class, () -> recognise(truncated));

        assertTrue(e.getMessage().startsWith("not a readable cb7 archive: "), e.getMessage());
    }

    @Test
    void anArchiveWithoutImagesIsNoComic() throws Exception {
        Path file = zip(root.resolve("Saga 001.cbz"), Map.of("readme.txt", utf8("hello")));

        MediaScanException e = assertThrows(MediaScanException.class, () -> recognise(file));

        assertEquals("not a comic: the cbz archive holds no images", e.getMessage());
    }

    @Test
    void zipBombEntriesAreNotReadPastTheBound() throws Exception {
        // 64 MB of zeros compress to about 64 KB: neither the ComicInfo nor the cover may be read whole
        byte[] zeros = new byte[64 * 1024 * 1024];
        Path file = zip(root.resolve("Saga 009.cbz"), Map.of("ComicInfo.xml", zeros, "000.png", zeros,
                "001.png", png(Color.RED)));
        assertTrue(Files.size(file) < 1024 * 1024, "the fixture is small on disk");

        MediaRecord record = recognise(file);

        assertEquals("Saga #9", record.title);
        assertNull(record.posterImage, "an oversized first page leaves the comic without a cover");
        assertEquals(2, record.metadata.get("pageCount"));
    }

    @Test
    void anEmptyFileFails() throws Exception {
        Path file = Files.createFile(root.resolve("Saga 001.cbz"));

        MediaScanException e = assertThrows(MediaScanException.class, () -> recognise(file));

        assertEquals("empty file", e.getMessage());
    }

    // ---- fixtures, generated here and never committed

    static void requireBsdtar() throws InterruptedException {
        try {
            Process process = new ProcessBuilder("bsdtar", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0, "bsdtar --version failed");
        } catch (IOException e) {
            throw new AssertionError("bsdtar is required by the tests (apt-get install -y libarchive-tools)", e);
        }
    }

    static byte[] png(Color color) throws IOException {
        return image(color, "png");
    }

    static byte[] jpeg(Color color) throws IOException {
        return image(color, "jpg");
    }

    private static byte[] image(Color color, String format) throws IOException {
        BufferedImage image = new BufferedImage(16, 24, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 16, 24);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out), "no " + format + " writer");
        return out.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    private static void add(SevenZOutputFile sevenZ, String name, byte[] content) throws IOException {
        SevenZArchiveEntry entry = new SevenZArchiveEntry();
        entry.setName(name);
        entry.setSize(content.length);
        sevenZ.putArchiveEntry(entry);
        sevenZ.write(content);
        sevenZ.closeArchiveEntry();
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private MediaRecord recognise(Path file) throws MediaScanException {
        return scanner.recognise(context(file)).orElseThrow();
    }

    /** The core's context as a scanner sees it; comics are never probed. */
    private ScanContext context(Path file) {
        return TestScanContext.builder(file).root(root).mediaType("comic").prober(path -> {
            throw new AssertionError("a comic must never be probed: " + path);
        }).build();
    }
}
