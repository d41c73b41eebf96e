package org.omnilux.scanner.movie.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnilux.api.probe.MediaProber;
import org.omnilux.api.probe.ProbeException;
import org.omnilux.api.probe.ProbeResult;
import org.omnilux.api.probe.VideoTrack;
import org.omnilux.api.scanner.ExternalSubtitle;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanException;
import org.omnilux.api.scanner.MediaTypeDescriptor;
import org.omnilux.api.scanner.MetadataField;
import org.omnilux.api.scanner.ScanContext;
import org.omnilux.scanner.testkit.TestScanContext;
import org.omnilux.api.scanner.ScannerDescriptor;

class MovieScannerTest {

    private final MovieScanner scanner = new MovieScanner();

    @TempDir
    Path root;

    @Test
    void describesTheMovieTypeWithItsFields() {
        ScannerDescriptor descriptor = scanner.descriptor();

        assertEquals(1, descriptor.mediaTypes.size());
        MediaTypeDescriptor movie = descriptor.mediaTypes.get(0);
        assertEquals("movie", movie.name);
        assertEquals(List.of("tmdbId", "imdbId", "overview", "genres", "posterUrl", "rating", "edition", "part"),
                movie.fields.stream().map(field -> field.name).toList());
        assertEquals(MetadataField.Type.STRING_LIST, movie.fields.get(3).type);
        assertEquals(MetadataField.Type.DECIMAL, movie.fields.get(5).type);
        assertTrue(descriptor.extensions.containsAll(List.of("mkv", "mp4", "avi", "m2ts", "webm")));
        assertFalse(descriptor.extensions.contains("iso"));
    }

    @Test
    void acceptsVideoFiles() {
        assertTrue(scanner.accepts(root.resolve("Heat (1995)/Heat (1995).MKV"), root));
        assertTrue(scanner.accepts(root.resolve("Heat.1995.mp4"), root));
        assertFalse(scanner.accepts(root.resolve("Heat (1995)/Heat (1995).srt"), root));
        assertFalse(scanner.accepts(root.resolve("Heat (1995)/Heat (1995).iso"), root));
        assertFalse(scanner.accepts(root.resolve("mkv"), root));
    }

    @Test
    void recognisesAMovieFromItsNamesAndProbe() throws Exception {
        Path file = video("Inception (2010) [tmdbid-27205]/Inception (2010) {edition-IMAX} - part1.mkv");
        ProbeResult probe = probeWithVideo();
        List<ExternalSubtitle> subtitles = List.of(subtitle(file));

        MediaRecord record = scanner.recognise(context(file, (path) -> probe, subtitles)).orElseThrow();

        assertEquals("Inception", record.title);
        assertEquals(2010, record.year);
        assertSame(probe, record.probe);
        assertEquals(subtitles, record.externalSubtitles);
        assertEquals(Map.of("tmdbId", 27205, "edition", "IMAX", "part", 1), record.metadata);
        assertNull(record.posterFile);
    }

    @Test
    void nfoValuesWinOverTheName() throws Exception {
        Path file = video("Inception.2010.1080p.BluRay.x264-GRP/Inception.2010.1080p.BluRay.x264-GRP.mkv");
        write(file.resolveSibling("movie.nfo"), """
                <movie>
                  <title>Inception (NFO)</title>
                  <year>2011</year>
                  <plot>Dreams within dreams.</plot>
                  <genre>Action</genre><genre>Thriller</genre>
                  <rating>8.8</rating>
                  <uniqueid type="tmdb">27205</uniqueid>
                  <uniqueid type="imdb">tt1375666</uniqueid>
                </movie>
                """);

        MediaRecord record = scanner.recognise(context(file)).orElseThrow();

        assertEquals("Inception (NFO)", record.title);
        assertEquals(2011, record.year);
        assertEquals(Map.of("tmdbId", 27205, "imdbId", "tt1375666", "overview", "Dreams within dreams.",
                "genres", List.of("Action", "Thriller"), "rating", 8.8), record.metadata);
        assertFalse(record.metadata.containsKey("posterUrl"), "the core fills posterUrl");
    }

    @Test
    void nameValuesFillWhatTheNfoLeavesOut() throws Exception {
        Path file = video("Alien (1979)/Alien (1979) {imdb-tt0078748} {edition-Director's Cut}.mkv");
        write(file.resolveSibling("Alien (1979) {imdb-tt0078748} {edition-Director's Cut}.nfo"),
                "<movie><plot>In space no one can hear you scream.</plot></movie>");

        MediaRecord record = scanner.recognise(context(file)).orElseThrow();

        assertEquals("Alien", record.title);
        assertEquals(1979, record.year);
        assertEquals(Map.of("imdbId", "tt0078748", "overview", "In space no one can hear you scream.",
                "edition", "Director's Cut"), record.metadata);
    }

    @Test
    void aBrokenOrHostileNfoFallsBackToTheName() throws Exception {
        Path file = video("Heat (1995)/Heat (1995).mkv");
        Path secret = write(root.resolve("secret.txt"), "TOP-SECRET");
        write(file.resolveSibling("movie.nfo"), """
                <!DOCTYPE movie [ <!ENTITY xxe SYSTEM "%s"> ]>
                <movie><title>&xxe;</title></movie>
                """.formatted(secret.toUri()));

        MediaRecord record = scanner.recognise(context(file)).orElseThrow();

        assertEquals("Heat", record.title);
        assertEquals(1995, record.year);
        assertTrue(record.metadata.isEmpty());
    }

    @Test
    void findsThePosterNextToTheFile() throws Exception {
        Path file = video("Heat (1995)/Heat (1995).mkv");
        Path folderPoster = write(file.resolveSibling("Folder.JPG"), "jpeg");
        Path ownPoster = write(file.resolveSibling("Heat (1995)-poster.png"), "png");
        write(file.resolveSibling("fanart.jpg"), "jpeg");

        assertEquals(ownPoster, scanner.recognise(context(file)).orElseThrow().posterFile);
        Files.delete(ownPoster);
        assertEquals(folderPoster, scanner.recognise(context(file)).orElseThrow().posterFile);
    }

    @Test
    void skipsExtrasAndSamples() throws Exception {
        Path trailer = video("Heat (1995)/Heat (1995)-trailer.mkv");
        Path featurette = video("Heat (1995)/Featurettes/Making of.mkv");
        Path sample = video("Heat.1995.1080p.BluRay.x264-GRP/Sample/heat-grp-sample.mkv");
        MediaProber mustNotProbe = path -> {
            throw new AssertionError("an extra must not be probed: " + path);
        };

        for (Path extra : List.of(trailer, featurette, sample)) {
            assertTrue(scanner.recognise(context(extra, mustNotProbe, List.of())).isEmpty(), extra::toString);
        }
    }

    @Test
    void anEmptyFileFails() throws Exception {
        Path file = root.resolve("Heat (1995).mkv");
        Files.createFile(file);

        MediaScanException e = assertThrows(MediaScanException.class, () -> scanner.recognise(context(file)));

        assertEquals("empty file", e.getMessage());
    }

    @Test
    void aProbeFailureBecomesAScanErrorThatSaysWhy() throws Exception {
        Path file = video("Heat (1995).mkv");
        ProbeException cause = new ProbeException("Invalid data found when processing input");

        MediaScanException e = assertThrows(MediaScanException.class,
                () -> scanner.recognise(context(file, path -> {
                    throw cause;
                }, List.of())));

        assertEquals("not a readable video: Invalid data found when processing input", e.getMessage());
        assertSame(cause, e.getCause());
    }

    @Test
    void aFileWithoutVideoFails() throws Exception {
        Path file = video("Heat (1995).mkv");
        ProbeResult audioOnly = new ProbeResult();
        audioOnly.container = "mkv";

        MediaScanException e = assertThrows(MediaScanException.class,
                () -> scanner.recognise(context(file, path -> audioOnly, List.of())));

        assertTrue(e.getMessage().contains("no video track"), e.getMessage());
    }

    @Test
    void theTitleFallsBackToTheFileName() throws Exception {
        Path file = video("[1080p].mkv");

        MediaRecord record = scanner.recognise(context(file)).orElseThrow();

        assertEquals("[1080p]", record.title);
    }

    private Path video(String relativePath) throws IOException {
        return write(root.resolve(relativePath), "not really a video, the prober is a stub");
    }

    private static Path write(Path path, String content) throws IOException {
        Files.createDirectories(path.getParent());
        return Files.writeString(path, content);
    }

    private ScanContext context(Path file) {
        ProbeResult probe = probeWithVideo();
        return context(file, path -> probe, List.of());
    }

    private static ProbeResult probeWithVideo() {
        ProbeResult probe = new ProbeResult();
        probe.container = "mkv";
        probe.durationSeconds = 8880.0;
        VideoTrack video = new VideoTrack();
        video.codec = "h264";
        video.width = 1920;
        video.height = 1080;
        probe.video.add(video);
        return probe;
    }

    private static ExternalSubtitle subtitle(Path file) {
        ExternalSubtitle subtitle = new ExternalSubtitle();
        subtitle.path = file.resolveSibling("Inception.en.srt").toString();
        subtitle.language = "eng";
        subtitle.format = "srt";
        return subtitle;
    }

    /** The core's context as a scanner sees it: the file, its directory listing and the services. */
    private ScanContext context(Path file, MediaProber prober, List<ExternalSubtitle> subtitles) {
        return TestScanContext.builder(file).root(root).mediaType("movie").prober(prober)
                .externalSubtitles(subtitles).build();
    }
}
