package org.omnilux.scanner.comic.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanException;
import org.omnilux.scanner.testkit.TestConfigurations;
import org.omnilux.scanner.testkit.TestScanContext;

/** The mapping of the PID {@code org.omnilux.scanner.comic} to what the scanner does. */
class ComicScannerConfigTest {

    @TempDir
    Path root;

    @Test
    void theDefaultsAreTheBuiltInBehaviour() {
        ComicSettings settings = new ComicScanner(TestConfigurations.defaults(ComicScanner.Config.class)).settings();

        assertEquals(List.of("cbz", "cbr", "cb7", "cbt"), settings.extensions());
        assertTrue(settings.covers());
        assertEquals("bsdtar", settings.bsdtar());
        assertEquals(Duration.ofSeconds(30), settings.bsdtarTimeout());
        assertEquals(ComicSettings.DEFAULTS, settings);
        assertEquals(settings.extensions(),
                new ComicScanner("bsdtar", Duration.ofSeconds(30)).descriptor().extensions);
    }

    @Test
    void aChangeAppliesToTheSameScannerAtOnce() throws Exception {
        byte[] page = ComicScannerTest.png(Color.RED);
        Path zipNamedCbz = ComicScannerTest.zip(root.resolve("Saga 001 (2012).cbz"), Map.of("001.png", page));
        Path zipNamedZip = Files.copy(zipNamedCbz, root.resolve("Saga 002 (2012).zip"));
        ComicScanner scanner = new ComicScanner(TestConfigurations.defaults(ComicScanner.Config.class));
        assertFalse(scanner.accepts(zipNamedZip, root));
        assertArrayEquals(page, recognise(scanner, zipNamedCbz).posterImage);

        scanner.modified(TestConfigurations.of(ComicScanner.Config.class,
                Map.of("extensions", "cbz, zip", "covers", "false", "bsdtarPath", " /opt/bin/bsdtar ",
                        "bsdtarTimeoutSeconds", "0")));

        assertTrue(scanner.accepts(zipNamedZip, root));
        assertFalse(scanner.accepts(root.resolve("Saga 003.cbr"), root));
        assertEquals(List.of("cbz", "zip"), scanner.descriptor().extensions);
        MediaRecord record = recognise(scanner, zipNamedZip);
        assertEquals("Saga #2", record.title);
        assertEquals("cbz", record.container, "a zip is a cbz whatever its name");
        assertNull(record.posterImage);
        assertEquals("/opt/bin/bsdtar", scanner.settings().bsdtar());
        assertEquals(Duration.ofSeconds(1), scanner.settings().bsdtarTimeout(), "at least a second");
    }

    @Test
    void theBsdtarPathIsUsedForTheNextFile() throws Exception {
        Path cbr = Files.write(root.resolve("Saga 001.cbr"), new byte[] {'R', 'a', 'r', '!', 0x1A, 0x07, 0, 0, 0});
        ComicScanner scanner = new ComicScanner(TestConfigurations.defaults(ComicScanner.Config.class));

        scanner.modified(TestConfigurations.of(ComicScanner.Config.class,
                Map.of("bsdtarPath", root.resolve("no/such/bsdtar").toString())));

        MediaScanException e = assertThrows(MediaScanException.class, () -> recognise(scanner, cbr));
        assertTrue(e.getMessage().contains("no/such/bsdtar"), e.getMessage());
    }

    private MediaRecord recognise(ComicScanner scanner, Path file) throws MediaScanException {
        return scanner.recognise(TestScanContext.builder(file).root(root).mediaType("comic").build()).orElseThrow();
    }
}
