package org.omnilux.core.internal.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.omnilux.api.library.PluginInfo;
import org.omnilux.api.scanner.MediaScanner;
import org.omnilux.api.scanner.MediaTypeDescriptor;
import org.omnilux.api.scanner.ScannerDescriptor;
import org.omnilux.core.internal.testing.TestScanner;

class ScannerRegistryTest {
    @Test
    void indexesByMediaTypeGroupsByBundleAndForgetsOnRemove() {
        ScannerRegistry r = new ScannerRegistry();
        List<MediaScanner> removed = new ArrayList<>();
        r.addRemovalListener(removed::add);
        TestScanner movie = new TestScanner("movie");
        TestScanner tv = new TestScanner("tv");
        TestScanner music = new TestScanner("music");
        r.add(movie, "org.omnilux.scanner.video", "Video scanners", "1.2.0", 10, 0);
        r.add(tv, "org.omnilux.scanner.video", "Video scanners", "1.2.0", 11, 0);
        r.add(music, "org.omnilux.scanner.music", "Music", "0.9.0", 12, 0);

        assertEquals(Set.of("movie", "tv", "music"), r.installedTypes());
        assertEquals(movie, r.scannerFor("movie").orElseThrow().scanner());
        assertEquals("overview", r.descriptorFor("tv").orElseThrow().fields.get(0).name);
        assertEquals(List.of(new PluginInfo("org.omnilux.scanner.music", "Music", "0.9.0", List.of("music"), "active",
                null, List.of("mkv", "mp4")), new PluginInfo("org.omnilux.scanner.video", "Video scanners", "1.2.0",
                List.of("movie", "tv"), "active", null, List.of("mkv", "mp4"))), r.plugins());

        r.remove(tv);
        assertFalse(r.isInstalled("tv"));
        assertTrue(r.scannerFor("tv").isEmpty());
        assertEquals(List.of(tv), removed);
        assertTrue(r.entries().stream().noneMatch(e -> e.scanner() == tv));
        assertEquals(List.of("movie"), r.plugins().get(1).mediaTypes());
        r.remove(tv); // twice: nothing more happens
        assertEquals(1, removed.size());
    }

    /** During an upgrade both versions of a plugin are bound for a moment: the newer one serves. */
    @Test
    void theNewestVersionOfAPluginServesItsTypes() {
        ScannerRegistry r = new ScannerRegistry();
        TestScanner old = new TestScanner("movie");
        TestScanner upgraded = new TestScanner("movie");
        TestScanner other = new TestScanner("movie");
        r.add(old, "org.omnilux.scanner.movie", "Movies", "0.1.0", 10, 0);
        r.add(other, "com.example.movies", "Other movies", "9.0.0", 11, 0);
        r.add(upgraded, "org.omnilux.scanner.movie", "Movies", "0.1.1", 12, 0);
        // versions compete within a plugin only: between plugins the earliest bound still wins
        assertEquals(upgraded, r.scannerFor("movie").orElseThrow().scanner());
        r.remove(upgraded);
        assertEquals(old, r.scannerFor("movie").orElseThrow().scanner());
        r.remove(old);
        assertEquals(other, r.scannerFor("movie").orElseThrow().scanner());
    }

    /**
     * A scanner whose configuration changed what it declares is described again (DS calls the reference's updated
     * method when its service properties change): its new extensions and types are listed, it keeps its place, and
     * a scanner that declares nothing any more is unbound like one that left.
     */
    @Test
    void anUpdatedScannerIsDescribedAgain() {
        ScannerRegistry r = new ScannerRegistry();
        List<MediaScanner> removed = new ArrayList<>();
        r.addRemovalListener(removed::add);
        ConfigurableScanner books = new ConfigurableScanner(List.of("book"), List.of("epub", "pdf"));
        TestScanner other = new TestScanner("book");
        r.add(books, "org.omnilux.scanner.book", "Books", "1.0.0", 10, 0);
        r.add(other, "com.example.books", "Other books", "1.0.0", 11, 0);
        assertEquals(List.of("epub", "pdf"), plugin(r, "org.omnilux.scanner.book").extensions());

        books.declare(List.of("book", "note"), List.of("epub", "pdf", "md"));
        r.update(books, "org.omnilux.scanner.book", "Books", "1.0.0", 10, 0);
        assertEquals(List.of("epub", "pdf", "md"), plugin(r, "org.omnilux.scanner.book").extensions());
        assertEquals(List.of("book", "note"), plugin(r, "org.omnilux.scanner.book").mediaTypes());
        assertEquals(books, r.scannerFor("book").orElseThrow().scanner(), "still the first bound for its type");
        assertEquals(books, r.scannerFor("note").orElseThrow().scanner());
        assertEquals(List.of(), removed);

        books.declare(List.of("book"), List.of("epub"));
        r.update(books, "org.omnilux.scanner.book", "Books", "1.0.0", 10, 0);
        assertFalse(r.isInstalled("note"));
        assertEquals(List.of("epub"), plugin(r, "org.omnilux.scanner.book").extensions());

        books.declare(List.of(), List.of());
        r.update(books, "org.omnilux.scanner.book", "Books", "1.0.0", 10, 0);
        assertEquals(List.of(books), removed, "declaring no type is leaving");
        assertEquals(other, r.scannerFor("book").orElseThrow().scanner());

        books.declare(List.of("book"), List.of("txt"));
        r.update(books, "org.omnilux.scanner.book", "Books", "1.0.0", 10, 0);
        assertEquals(List.of("txt"), plugin(r, "org.omnilux.scanner.book").extensions(), "bound again");
        assertEquals(books, r.scannerFor("book").orElseThrow().scanner(), "the earlier registered serves again");
    }

    private static PluginInfo plugin(ScannerRegistry r, String id) {
        return r.plugins().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    /** A scanner whose declaration changes, as a configuration change makes a real one's change. */
    private static final class ConfigurableScanner extends TestScanner {
        private volatile List<String> types;
        private volatile List<String> extensions;

        ConfigurableScanner(List<String> types, List<String> extensions) {
            super(types.get(0));
            declare(types, extensions);
        }

        void declare(List<String> newTypes, List<String> newExtensions) {
            types = newTypes;
            extensions = newExtensions;
        }

        @Override
        public ScannerDescriptor descriptor() {
            ScannerDescriptor d = new ScannerDescriptor();
            types.forEach(t -> d.mediaTypes.add(new MediaTypeDescriptor(t, TestScanner.fields())));
            d.extensions.addAll(extensions);
            return d;
        }
    }

    @Test
    void outsideTheFrameworkBoundScannersAreActiveWithNoReason() {
        ScannerRegistry r = new ScannerRegistry();
        r.add(new TestScanner("movie"), "org.omnilux.scanner.movie", "Movies", "1.0.0", 1, 0);
        List<PluginInfo> plugins = r.plugins();
        assertEquals(1, plugins.size(), plugins.toString());
        assertEquals("active", plugins.get(0).state());
        assertEquals(null, plugins.get(0).reason());
    }
}
