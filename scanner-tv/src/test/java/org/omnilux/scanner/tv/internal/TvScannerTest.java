package org.omnilux.scanner.tv.internal;

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

class TvScannerTest {

    private final TvScanner scanner = new TvScanner();

    @TempDir
    Path root;

    @Test
    void describesTheTvTypeWithTheContractFields() {
        ScannerDescriptor descriptor = scanner.descriptor();

        assertEquals(1, descriptor.mediaTypes.size());
        MediaTypeDescriptor tv = descriptor.mediaTypes.get(0);
        assertEquals("tv", tv.name);
        assertEquals(List.of("showTitle", "season", "episode", "episodeEnd", "episodeTitle", "airDate",
                "absoluteEpisode", "overview", "posterUrl"), tv.fields.stream().map(field -> field.name).toList());
        assertEquals(List.of(MetadataField.Type.STRING, MetadataField.Type.INTEGER, MetadataField.Type.INTEGER,
                MetadataField.Type.INTEGER, MetadataField.Type.STRING, MetadataField.Type.DATE,
                MetadataField.Type.INTEGER, MetadataField.Type.STRING, MetadataField.Type.STRING),
                tv.fields.stream().map(field -> field.type).toList());
        assertTrue(descriptor.extensions.containsAll(List.of("mkv", "mp4", "avi", "ts", "webm")));
        assertFalse(descriptor.extensions.contains("nfo"));
        assertFalse(scanner.descriptor() == descriptor, "a fresh descriptor per call");
    }

    @Test
    void acceptsVideoFiles() {
        assertTrue(scanner.accepts(root.resolve("Lost/Season 1/Lost - S01E01.MKV"), root));
        assertTrue(scanner.accepts(root.resolve("lost.s01e01.ts"), root));
        assertFalse(scanner.accepts(root.resolve("Lost/Season 1/Lost - S01E01.nfo"), root));
        assertFalse(scanner.accepts(root.resolve("Lost/Season 1/Lost - S01E01.srt"), root));
        assertFalse(scanner.accepts(root.resolve("mkv"), root));
    }

    @Test
    void recognisesAnEpisodeFromItsNamesAndProbe() throws Exception {
        Path file = video("Breaking Bad (2008)/Season 01/Breaking Bad - S01E02 - Cat's in the Bag.mkv");
        ProbeResult probe = probeWithVideo();
        List<ExternalSubtitle> subtitles = List.of(subtitle(file));

        MediaRecord record = scanner.recognise(context(file, path -> probe, subtitles)).orElseThrow();

        assertEquals("Cat's in the Bag", record.title);
        assertEquals(2008, record.year, "the show folder's year");
        assertSame(probe, record.probe);
        assertEquals(subtitles, record.externalSubtitles);
        assertEquals(Map.of("showTitle", "Breaking Bad", "season", 1, "episode", 2, "episodeTitle", "Cat's in the Bag"),
                record.metadata);
        assertNull(record.posterFile);
    }

    @Test
    void withoutAnEpisodeTitleTheTitleSaysWhereTheEpisodeIs() throws Exception {
        assertEquals("Lost S01E02", recognise("Lost/Season 1/lost.s01e02.720p.hdtv.mkv").title);
        assertEquals("Lost S01E03-E04", recognise("Lost/Season 1/Lost - S01E03-E04.mkv").title);
        assertEquals("Lost E05", recognise("Lost/Lost E05.mkv").title);
        assertEquals("Frieren - 12", recognise("Frieren/[SubsPlease] Frieren - 12 (1080p) [A1B2C3D4].mkv").title);
        assertEquals("S01E01", recognise("S01E01.mkv").title, "no show known: the file name");

        MediaRecord daily = recognise("The Daily Show/The.Daily.Show.2024.01.15.mkv");
        assertEquals("The Daily Show 2024-01-15", daily.title);
        assertEquals(2024, daily.year, "the air date's year");
        assertEquals(Map.of("showTitle", "The Daily Show", "airDate", "2024-01-15"), daily.metadata);
    }

    @Test
    void multiEpisodeSpecialAndAnimeMetadata() throws Exception {
        assertEquals(Map.of("showTitle", "Show", "season", 1, "episode", 1, "episodeEnd", 3, "episodeTitle", "Pilot"),
                recognise("Show/Season 01/Show - S01E01-E03 - Pilot.mkv").metadata);
        assertEquals(Map.of("showTitle", "Show", "season", 0, "episode", 1),
                recognise("Show/Specials/Show - S00E01.mkv").metadata);
        assertEquals(Map.of("showTitle", "Frieren", "absoluteEpisode", 12),
                recognise("Frieren/[Group] Sousou no Frieren - 012v2 (BD 1080p) [ABCD1234].mkv").metadata);
    }

    @Test
    void nfoValuesWinOverTheNames() throws Exception {
        Path file = video("Breaking Bad (2008)/Season 01/breaking.bad.s01e01.720p.hdtv.x264-grp.mkv");
        write(root.resolve("Breaking Bad (2008)/tvshow.nfo"), """
                <tvshow><title>Breaking Bad (NFO)</title><plot>Show plot.</plot><year>2007</year></tvshow>
                """);
        write(file.resolveSibling("breaking.bad.s01e01.720p.hdtv.x264-grp.nfo"), """
                <episodedetails>
                  <title>Pilot</title><season>1</season><episode>7</episode>
                  <aired>2008-01-20</aired><plot>Walter White is diagnosed with cancer.</plot>
                </episodedetails>
                """);

        MediaRecord record = scanner.recognise(context(file)).orElseThrow();

        assertEquals("Pilot", record.title);
        assertEquals(2008, record.year);
        assertEquals(Map.of("showTitle", "Breaking Bad (NFO)", "season", 1, "episode", 7, "episodeTitle", "Pilot",
                "airDate", "2008-01-20", "overview", "Walter White is diagnosed with cancer."), record.metadata);
        assertFalse(record.metadata.containsKey("posterUrl"), "the core fills posterUrl");
    }

    @Test
    void theShowNfoFillsWhatTheEpisodeLeavesOut() throws Exception {
        Path file = video("Lost/Lost - S01E01.mkv");
        write(root.resolve("Lost/tvshow.nfo"), "<tvshow><title>Lost</title><plot>Survivors of a plane crash.</plot>"
                + "<premiered>2004-09-22</premiered></tvshow>");

        MediaRecord record = scanner.recognise(context(file)).orElseThrow();

        assertEquals("Lost S01E01", record.title);
        assertEquals(2004, record.year, "no air date: the show's year");
        assertEquals("Survivors of a plane crash.", record.metadata.get("overview"));
    }

    @Test
    void aBrokenOrHostileNfoFallsBackToTheName() throws Exception {
        Path file = video("Lost/Season 1/Lost - S01E02 - Pilot (2).mkv");
        Path secret = write(root.resolve("secret.txt"), "TOP-SECRET");
        write(file.resolveSibling("Lost - S01E02 - Pilot (2).nfo"), """
                <!DOCTYPE episodedetails [ <!ENTITY xxe SYSTEM "%s"> ]>
                <episodedetails><title>&xxe;</title></episodedetails>
                """.formatted(secret.toUri()));
        write(root.resolve("Lost/tvshow.nfo"), "<tvshow><title>Broken</tvshow>");

        MediaRecord record = scanner.recognise(context(file)).orElseThrow();

        assertEquals("Pilot (2)", record.title);
        assertEquals(Map.of("showTitle", "Lost", "season", 1, "episode", 2, "episodeTitle", "Pilot (2)"), record.metadata);
    }

    @Test
    void findsTheMostSpecificPoster() throws Exception {
        Path file = video("Show/Season 01/Show - S01E01.mkv");
        Path showPoster = write(root.resolve("Show/poster.jpg"), "jpeg");
        Path showFolderSeasonPoster = write(root.resolve("Show/season01-poster.jpg"), "jpeg");
        Path seasonFolderPoster = write(root.resolve("Show/Season 01/Folder.JPG"), "jpeg");
        Path thumb = write(file.resolveSibling("Show - S01E01-thumb.jpg"), "jpeg");
        write(root.resolve("Show/season02-poster.jpg"), "jpeg");
        write(root.resolve("Show/fanart.jpg"), "jpeg");

        assertEquals(thumb, scanner.recognise(context(file)).orElseThrow().posterFile);
        Files.delete(thumb);
        assertEquals(seasonFolderPoster, scanner.recognise(context(file)).orElseThrow().posterFile);
        Files.delete(seasonFolderPoster);
        assertEquals(showFolderSeasonPoster, scanner.recognise(context(file)).orElseThrow().posterFile);
        Files.delete(showFolderSeasonPoster);
        assertEquals(showPoster, scanner.recognise(context(file)).orElseThrow().posterFile);
    }

    @Test
    void specialsUseTheSpecialsPosterAndLooseEpisodesNoFolderImage() throws Exception {
        Path special = video("Show/Specials/Show - S00E01.mkv");
        Path specialsPoster = write(root.resolve("Show/season-specials-poster.png"), "png");
        write(root.resolve("Show/folder.jpg"), "jpeg");
        Path loose = video("Show - S01E01.mkv");
        write(root.resolve("poster.jpg"), "jpeg");

        assertEquals(specialsPoster, scanner.recognise(context(special)).orElseThrow().posterFile);
        assertNull(scanner.recognise(context(loose)).orElseThrow().posterFile,
                "a poster in the root is not every loose episode's");
    }

    @Test
    void skipsExtrasAndSamplesWithoutProbing() throws Exception {
        MediaProber mustNotProbe = path -> {
            throw new AssertionError("an extra must not be probed: " + path);
        };
        for (String extra : List.of("Show/Extras/Making of.mkv", "Show/Season 1/Featurettes/Cast.mkv",
                "Show/Season 1/show.s01e01.720p-sample.mkv", "Show.S01E01.720p-GRP/Sample/show.s01e01.mkv",
                "Show/behind the scenes/Day 1.mkv")) {
            Path file = video(extra);
            assertTrue(scanner.recognise(context(file, mustNotProbe, List.of())).isEmpty(), extra);
        }
    }

    @Test
    void anEmptyFileFails() throws Exception {
        Path file = root.resolve("Lost - S01E01.mkv");
        Files.createFile(file);

        MediaScanException e = assertThrows(MediaScanException.class, () -> scanner.recognise(context(file)));

        assertEquals("empty file", e.getMessage());
    }

    @Test
    void aProbeFailureBecomesAScanErrorThatSaysWhy() throws Exception {
        Path file = video("Lost/Season 1/Lost - S01E01.mkv");
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
        Path file = video("Lost/Season 1/Lost - S01E01.mkv");
        ProbeResult audioOnly = new ProbeResult();
        audioOnly.container = "mkv";

        MediaScanException e = assertThrows(MediaScanException.class,
                () -> scanner.recognise(context(file, path -> audioOnly, List.of())));

        assertTrue(e.getMessage().contains("no video track"), e.getMessage());
    }

    @Test
    void theLibraryRootIsNoShowFolder() throws Exception {
        write(root.resolve("tvshow.nfo"), "<tvshow><title>Everything</title><plot>Root plot.</plot></tvshow>");
        write(root.resolve("poster.jpg"), "jpeg");

        MediaRecord inSeasonFolder = recognise("Season 1/E02.mkv");

        assertEquals(Map.of("season", 1, "episode", 2), inSeasonFolder.metadata);
        assertEquals("E02", inSeasonFolder.title);
        assertNull(inSeasonFolder.posterFile);
    }

    private MediaRecord recognise(String relativePath) throws Exception {
        return scanner.recognise(context(video(relativePath))).orElseThrow();
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
        probe.durationSeconds = 2580.0;
        VideoTrack video = new VideoTrack();
        video.codec = "h264";
        video.width = 1280;
        video.height = 720;
        probe.video.add(video);
        return probe;
    }

    private static ExternalSubtitle subtitle(Path file) {
        ExternalSubtitle subtitle = new ExternalSubtitle();
        subtitle.path = file.resolveSibling("Breaking Bad - S01E02 - Cat's in the Bag.en.srt").toString();
        subtitle.language = "eng";
        subtitle.format = "srt";
        return subtitle;
    }

    /** The core's context as a scanner sees it: the file, its directory listing and the services. */
    private ScanContext context(Path file, MediaProber prober, List<ExternalSubtitle> subtitles) {
        return TestScanContext.builder(file).root(root).mediaType("tv").prober(prober)
                .externalSubtitles(subtitles).build();
    }
}
