package org.omnilux.scanner.comic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    @Test
    void ordersPagesAsAPersonWould() {
        List<String> expected = List.of("ch2/001.png", "ch2/2.png", "ch10/001.png", "Cover.jpg", "page1.jpg",
                "Page2.jpg", "page10.jpg", "page010b.jpg", "page11.jpg", "z99999999999999999999999.jpg",
                "z100000000000000000000000.jpg");
        List<String> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new java.util.Random(42));

        shuffled.sort(NaturalOrder.INSTANCE);

        assertEquals(expected, shuffled);
    }

    @Test
    void aFolderComesBeforeItsLongerNamedSibling() {
        List<String> pages = new ArrayList<>(List.of("Saga 2/01.jpg", "Saga/01.jpg"));
        pages.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("Saga/01.jpg", "Saga 2/01.jpg"), pages);
    }

    @Test
    void recognisesPagesAndSkipsJunk() {
        assertTrue(ComicScanner.isPage("001.jpg"));
        assertTrue(ComicScanner.isPage("Saga 001/p02.WEBP"));
        assertFalse(ComicScanner.isPage("__MACOSX/._001.jpg"));
        assertFalse(ComicScanner.isPage("__MACOSX/Saga/001.jpg"));
        assertFalse(ComicScanner.isPage(".DS_Store"));
        assertFalse(ComicScanner.isPage("._001.jpg"));
        assertFalse(ComicScanner.isPage("ComicInfo.xml"));
        assertFalse(ComicScanner.isPage("Thumbs.db"));
    }
}
