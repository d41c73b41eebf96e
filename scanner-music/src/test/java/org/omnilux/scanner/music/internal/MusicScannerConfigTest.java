package org.omnilux.scanner.music.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnilux.api.probe.MediaProber;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.scanner.testkit.TestConfigurations;

/** The mapping of the PID {@code org.omnilux.scanner.music} to what the scanner does. */
class MusicScannerConfigTest {

    @TempDir
    Path root;

    @Test
    void theDefaultsAreTheBuiltInBehaviour() {
        MusicSettings settings = new MusicScanner(TestConfigurations.defaults(MusicScanner.Config.class)).settings();

        assertEquals(List.of("mp3", "flac", "m4a", "aac", "ogg", "oga", "opus", "wma", "wav", "aif", "aiff", "aifc",
                "alac", "ape", "wv", "mka", "dsf", "dff", "mpc", "tta"), settings.extensions());
        assertEquals(List.of("cover", "folder", "front", "album", "albumart"), settings.coverNames());
        assertTrue(settings.embeddedCovers());
        assertFalse(settings.probeAlways());
        assertEquals(MusicSettings.DEFAULTS.extensions(), settings.extensions());
        assertEquals(MusicSettings.DEFAULTS.coverNames(), settings.coverNames());
        assertEquals(settings.extensions(), new MusicScanner().descriptor().extensions);
    }

    @Test
    void aChangeAppliesToTheSameScannerAtOnce() throws Exception {
        MusicScanner scanner = new MusicScanner(TestConfigurations.defaults(MusicScanner.Config.class));
        assertFalse(scanner.accepts(root.resolve("Artist/Album/01 - Song.mp2"), root));

        scanner.modified(TestConfigurations.of(MusicScanner.Config.class, Map.of("extensions", "MP2, .mp3")));

        assertTrue(scanner.accepts(root.resolve("Artist/Album/01 - Song.mp2"), root));
        assertFalse(scanner.accepts(root.resolve("Artist/Album/01 - Song.flac"), root));
        assertEquals(List.of("mp2", "mp3"), scanner.descriptor().extensions);
    }

    @Test
    void coverNamesAndEmbeddedCoversFollowTheConfiguration() throws Exception {
        Path embedded = Ffmpeg.image(root.resolve("art/embedded.jpg"));
        Path file = root.resolve("Artist/Album/01 - Covered.mp3");
        Ffmpeg.run(file, List.of("-f", "lavfi", "-i", "sine=duration=1", "-i", embedded.toString(), "-map", "0",
                "-map", "1", "-c:a", "libmp3lame", "-c:v", "copy", "-id3v2_version", "3", "-disposition:v",
                "attached_pic", "-metadata", "title=Covered", file.toString()));
        Path folderJpg = Ffmpeg.image(file.resolveSibling("folder.jpg"));
        Path artwork = Ffmpeg.image(file.resolveSibling("artwork.png"));
        MusicScanner scanner = new MusicScanner(TestConfigurations.defaults(MusicScanner.Config.class));
        assertArrayEquals(Files.readAllBytes(embedded), recognise(scanner, file, new FfprobeTestProber()).posterImage);

        scanner.modified(TestConfigurations.of(MusicScanner.Config.class, Map.of("embeddedCovers", "false")));
        MediaRecord withoutEmbedded = recognise(scanner, file, new FfprobeTestProber());
        assertNull(withoutEmbedded.posterImage);
        assertEquals(folderJpg, withoutEmbedded.posterFile);

        scanner.modified(TestConfigurations.of(MusicScanner.Config.class,
                Map.of("embeddedCovers", false, "coverNames", "Artwork, folder")));
        assertEquals(artwork, recognise(scanner, file, new FfprobeTestProber()).posterFile);
    }

    @Test
    void aTaggedMp3IsNotProbedUnlessTheConfigurationSaysSo() throws Exception {
        Path file = Ffmpeg.tone(root.resolve("Artist/Album/01 - Song.mp3"), 2, List.of("title=Song"),
                "-c:a", "libmp3lame", "-id3v2_version", "3");
        AtomicInteger probes = new AtomicInteger();
        MediaProber counting = path -> {
            probes.incrementAndGet();
            return new FfprobeTestProber().probe(path);
        };
        MusicScanner scanner = new MusicScanner(TestConfigurations.defaults(MusicScanner.Config.class));

        MediaRecord fromTags = recognise(scanner, file, counting);
        assertEquals(0, probes.get(), "jaudiotagger read the stream details");
        assertEquals("mp3", fromTags.probe.container);
        assertEquals("mp3", fromTags.probe.audio.get(0).codec);
        assertEquals(2.0, fromTags.probe.durationSeconds, 0.1);

        scanner.modified(TestConfigurations.of(MusicScanner.Config.class, Map.of("probeAlways", "true")));
        MediaRecord probed = recognise(scanner, file, counting);
        assertEquals(1, probes.get());
        assertEquals("mp3", probed.probe.audio.get(0).codec);
        assertEquals("Song", probed.title);
    }

    @Test
    void anUntaggedFileIsProbedForItsContainerTags() throws Exception {
        Path file = Ffmpeg.tone(root.resolve("Artist/Album/02 - Plain.mp3"), 1, List.of(), "-c:a", "libmp3lame",
                "-map_metadata", "-1", "-id3v2_version", "0", "-write_id3v1", "0");
        AtomicInteger probes = new AtomicInteger();
        MediaProber counting = path -> {
            probes.incrementAndGet();
            return new FfprobeTestProber().probe(path);
        };

        MediaRecord record = recognise(new MusicScanner(), file, counting);

        assertEquals(1, probes.get());
        assertEquals("Plain", record.title);
    }

    private MediaRecord recognise(MusicScanner scanner, Path file, MediaProber prober) throws Exception {
        return scanner.recognise(new TestContext(file, root, prober)).orElseThrow();
    }
}
