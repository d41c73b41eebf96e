package org.omnilux.scanner.audiobook.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.scanner.testkit.TestConfigurations;

/** The mapping of the PID {@code org.omnilux.scanner.audiobook} to what the scanner does. */
class AudiobookScannerConfigTest {

    @TempDir
    Path root;

    @Test
    void theDefaultsAreTheBuiltInBehaviour() {
        AudiobookSettings settings = new AudiobookScanner(TestConfigurations.defaults(AudiobookScanner.Config.class))
                .settings();

        assertEquals(List.of("m4b", "m4a", "mp3", "aac", "ogg", "oga", "opus", "flac", "wma", "wav", "mka"),
                settings.extensions());
        assertEquals(List.of("cover", "folder", "front", "poster"), settings.coverNames());
        assertTrue(settings.embeddedCovers());
        assertEquals(AudiobookSettings.DEFAULTS, settings);
        assertEquals(settings.extensions(), new AudiobookScanner().descriptor().extensions);
    }

    @Test
    void aChangeAppliesToTheSameScannerAtOnce() {
        AudiobookScanner scanner = new AudiobookScanner(TestConfigurations.defaults(AudiobookScanner.Config.class));
        assertFalse(scanner.accepts(root.resolve("Author/Book/Book.aax"), root));

        scanner.modified(TestConfigurations.of(AudiobookScanner.Config.class,
                Map.of("extensions", new String[] {"m4b", ".AAX"})));

        assertTrue(scanner.accepts(root.resolve("Author/Book/Book.aax"), root));
        assertFalse(scanner.accepts(root.resolve("Author/Book/01.mp3"), root));
        assertEquals(List.of("m4b", "aax"), scanner.descriptor().extensions);
    }

    @Test
    void coverNamesAndEmbeddedCoversFollowTheConfiguration() throws Exception {
        Path embedded = Ffmpeg.image(root.resolve("art/embedded.jpg"));
        Path file = root.resolve("Frank Herbert/Dune/Dune.mp3");
        Ffmpeg.run(file, List.of("-f", "lavfi", "-i", "sine=duration=1", "-i", embedded.toString(), "-map", "0",
                "-map", "1", "-c:a", "libmp3lame", "-c:v", "copy", "-id3v2_version", "3", "-disposition:v",
                "attached_pic", "-metadata", "album=Dune", file.toString()));
        Path folderJpg = Ffmpeg.image(file.resolveSibling("folder.jpg"));
        Path art = Ffmpeg.image(file.resolveSibling("art.png"));
        AudiobookScanner scanner = new AudiobookScanner(TestConfigurations.defaults(AudiobookScanner.Config.class));
        assertArrayEquals(Files.readAllBytes(embedded), recognise(scanner, file).posterImage);

        scanner.modified(TestConfigurations.of(AudiobookScanner.Config.class, Map.of("embeddedCovers", "false")));
        MediaRecord withoutEmbedded = recognise(scanner, file);
        assertNull(withoutEmbedded.posterImage);
        assertEquals(folderJpg, withoutEmbedded.posterFile);

        scanner.modified(TestConfigurations.of(AudiobookScanner.Config.class,
                Map.of("embeddedCovers", false, "coverNames", "ART,folder")));
        assertEquals(art, recognise(scanner, file).posterFile);
    }

    private MediaRecord recognise(AudiobookScanner scanner, Path file) throws Exception {
        return scanner.recognise(new TestContext(file, root, new FfprobeTestProber())).orElseThrow();
    }
}
