package org.omnilux.scanner.book.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnilux.scanner.testkit.TestConfigurations;
import org.omnilux.scanner.testkit.TestScanContext;

/** The mapping of the PID {@code org.omnilux.scanner.book} to what the scanner does. */
class BookScannerConfigTest {

    @TempDir
    Path root;

    @Test
    void theDefaultsAreTheBuiltInBehaviour() {
        BookSettings settings = new BookScanner(TestConfigurations.defaults(BookScanner.Config.class)).settings();

        assertEquals(List.of("epub", "pdf", "mobi", "azw3", "azw", "fb2", "txt", "djvu"), settings.extensions());
        assertTrue(settings.covers());
        assertEquals(BookSettings.DEFAULTS, settings);
        assertEquals(settings.extensions(), new BookScanner().descriptor().extensions);
    }

    @Test
    void aChangeAppliesToTheSameScannerAtOnce() throws Exception {
        BookScanner scanner = new BookScanner(TestConfigurations.defaults(BookScanner.Config.class));
        Path markdown = root.resolve("Walden (1854).md");
        assertFalse(scanner.accepts(markdown, root));

        scanner.modified(TestConfigurations.of(BookScanner.Config.class, Map.of("extensions", "epub, md")));

        assertTrue(scanner.accepts(markdown, root));
        assertFalse(scanner.accepts(root.resolve("Walden.pdf"), root));
        assertEquals(List.of("epub", "md"), scanner.descriptor().extensions);
        java.nio.file.Files.writeString(markdown, "# Walden");
        var record = scanner.recognise(TestScanContext.builder(markdown).root(root).build()).orElseThrow();
        assertEquals("Walden", record.title);
        assertEquals("md", record.container);
    }

    @Test
    void withoutCoversAPdfIsNotRendered() throws Exception {
        Path pdf = root.resolve("Dune.pdf");
        Fixtures.pdf(pdf, 1, "Dune", "Frank Herbert");
        BookScanner scanner = new BookScanner(TestConfigurations.defaults(BookScanner.Config.class));
        assertNotNull(scanner.recognise(TestScanContext.builder(pdf).root(root).build()).orElseThrow().posterImage);

        scanner.modified(TestConfigurations.of(BookScanner.Config.class, Map.of("covers", false)));

        var record = scanner.recognise(TestScanContext.builder(pdf).root(root).build()).orElseThrow();
        assertNull(record.posterImage);
        assertEquals("Dune", record.title);
        assertEquals(1, record.metadata.get("pageCount"));
    }
}
