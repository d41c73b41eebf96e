package org.omnilux.scanner.movie.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnilux.api.probe.ProbeResult;
import org.omnilux.api.probe.VideoTrack;
import org.omnilux.scanner.testkit.TestConfigurations;
import org.omnilux.scanner.testkit.TestScanContext;

/** The mapping of the PID {@code org.omnilux.scanner.movie} to what the scanner does. */
class MovieScannerConfigTest {

    @TempDir
    Path root;

    @Test
    void theDefaultsAreTheBuiltInBehaviour() {
        MovieSettings settings = new MovieScanner(TestConfigurations.defaults(MovieScanner.Config.class)).settings();

        assertEquals(List.of("mkv", "mk3d", "mp4", "m4v", "avi", "divx", "mov", "wmv", "asf", "webm", "ts", "m2ts",
                "mts", "mpg", "mpeg", "flv", "f4v", "ogv", "3gp", "3g2", "rmvb"), settings.extensions());
        assertEquals(Set.of("extras", "extra", "featurettes", "featurette", "trailers", "trailer", "behind the scenes",
                "behindthescenes", "deleted scenes", "deletedscenes", "interviews", "scenes", "shorts", "clips",
                "other", "others", "samples", "sample"), settings.extrasFolders());
        assertEquals(0, settings.sampleMaxBytes());
        assertEquals(MovieSettings.DEFAULTS.extensions(), settings.extensions());
        assertEquals(MovieSettings.DEFAULTS.extrasFolders(), settings.extrasFolders());
        assertEquals(settings.extensions(), new MovieScanner().descriptor().extensions);
    }

    @Test
    void listsComeAsOneCommaSeparatedStringOrAsAnArray() {
        MovieSettings fromCfg = MovieSettings.from(TestConfigurations.of(MovieScanner.Config.class,
                Map.of("extensions", " MKV, .mp4,,  vob ,mkv", "extrasFolders", "Bonus, Making Of")));
        MovieSettings fromArray = MovieSettings.from(TestConfigurations.of(MovieScanner.Config.class,
                Map.of("extensions", new String[] {"mkv", ".MP4", "vob"}, "extrasFolders",
                        List.of("bonus", "making of"))));

        assertEquals(List.of("mkv", "mp4", "vob"), fromCfg.extensions());
        assertEquals(Set.of("bonus", "making of"), fromCfg.extrasFolders());
        assertEquals(fromCfg.extensions(), fromArray.extensions());
        assertEquals(fromCfg.extrasFolders(), fromArray.extrasFolders());
    }

    @Test
    void aChangeAppliesToTheSameScannerAtOnce() throws Exception {
        MovieScanner scanner = new MovieScanner(TestConfigurations.defaults(MovieScanner.Config.class));
        Path vob = root.resolve("Heat (1995)/Heat (1995).vob");
        Path bonus = video("Heat (1995)/Bonus/Making of Heat.mkv");
        Path extras = video("Heat (1995)/Extras/Heat (1995).mkv");
        assertFalse(scanner.accepts(vob, root));
        assertTrue(scanner.recognise(context(bonus)).isPresent());
        assertTrue(scanner.recognise(context(extras)).isEmpty());

        scanner.modified(TestConfigurations.of(MovieScanner.Config.class,
                Map.of("extensions", "mkv, vob", "extrasFolders", "bonus")));

        assertTrue(scanner.accepts(vob, root));
        assertFalse(scanner.accepts(root.resolve("Heat (1995)/Heat (1995).mp4"), root));
        assertEquals(List.of("mkv", "vob"), scanner.descriptor().extensions);
        assertTrue(scanner.recognise(context(bonus)).isEmpty(), "a video in a configured extras folder");
        assertTrue(scanner.recognise(context(extras)).isPresent(), "Extras is no extras folder any more");
    }

    @Test
    void videosBelowTheSampleSizeAreSkipped() throws Exception {
        Path file = video("Heat (1995)/Heat (1995).mkv");
        MovieScanner scanner = new MovieScanner(TestConfigurations.of(MovieScanner.Config.class,
                Map.of("sampleMaxSizeMb", "50")));

        assertTrue(scanner.recognise(TestScanContext.builder(file).root(root).prober(path -> probe())
                .sizeBytes(49L * 1024 * 1024).build()).isEmpty());
        assertTrue(scanner.recognise(TestScanContext.builder(file).root(root).prober(path -> probe())
                .sizeBytes(50L * 1024 * 1024).build()).isPresent());
        assertEquals(0, MovieSettings.from(TestConfigurations.of(MovieScanner.Config.class,
                Map.of("sampleMaxSizeMb", -5))).sampleMaxBytes(), "a negative limit is no limit");
    }

    private Path video(String relativePath) throws IOException {
        Path file = root.resolve(relativePath);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "not really a video, the prober is a stub");
    }

    private TestScanContext context(Path file) {
        return TestScanContext.builder(file).root(root).prober(path -> probe()).build();
    }

    private static ProbeResult probe() {
        ProbeResult probe = new ProbeResult();
        VideoTrack video = new VideoTrack();
        video.codec = "h264";
        probe.video.add(video);
        return probe;
    }
}
