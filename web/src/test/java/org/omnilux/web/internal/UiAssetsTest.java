package org.omnilux.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.Set;

import org.junit.jupiter.api.Test;

class UiAssetsTest {

    private static final Set<String> ENTRIES = Set.of("ui/index.html", "ui/assets/index-abc123.js",
            "ui/assets/index-abc123.css", "ui/favicon.svg", "ui/assets/");

    private final UiAssets assets = new UiAssets(UiAssetsTest::entry, 42L);

    private static URL entry(String path) {
        try {
            return ENTRIES.contains(path) ? new URL("file:/bundle/" + path) : null;
        } catch (MalformedURLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void rootAndClientRoutesServeTheIndexWithoutLongCaching() {
        for (String path : new String[] { "/", "/library", "/file/12" }) {
            UiAssets.Asset asset = assets.resolve(path);
            assertNotNull(asset, path);
            assertTrue(asset.url().getPath().endsWith("ui/index.html"), path);
            assertEquals("text/html;charset=utf-8", asset.contentType());
            assertEquals("no-cache", asset.cacheControl());
        }
    }

    @Test
    void hashedAssetsAreImmutable() {
        UiAssets.Asset js = assets.resolve("/assets/index-abc123.js");
        assertEquals("text/javascript;charset=utf-8", js.contentType());
        assertTrue(js.cacheControl().contains("immutable"));
        assertEquals("text/css;charset=utf-8", assets.resolve("/assets/index-abc123.css").contentType());
        UiAssets.Asset icon = assets.resolve("/favicon.svg");
        assertEquals("image/svg+xml", icon.contentType());
        assertEquals("no-cache", icon.cacheControl());
    }

    @Test
    void unknownFilesAndEscapesAreNotFound() {
        assertNull(assets.resolve("/missing.js"));
        assertNull(assets.resolve("/../META-INF/MANIFEST.MF"));
        assertNull(assets.resolve("/assets/../../org/omnilux/web/internal/WebUiServlet.class"));
        assertNull(assets.resolve("/./index.html"));
        assertNull(assets.resolve("/.hidden"));
        assertNull(assets.resolve("/a\\b.js"));
        assertNull(assets.resolve(""));
    }

    @Test
    void etagsDependOnTheBundleVersionAndMatchLists() {
        String etag = assets.resolve("/").etag();
        assertFalse(etag.equals(new UiAssets(UiAssetsTest::entry, 43L).resolve("/").etag()));
        assertTrue(UiAssets.matches("\"x\", " + etag, etag));
        assertTrue(UiAssets.matches("W/" + etag, etag));
        assertFalse(UiAssets.matches("\"other\"", etag));
    }

    @Test
    void problemDetailsAreSafeJsonStrings() {
        assertEquals("\"a\\\"b\\\\c\\u003cimg\\u003e\\u000a\"", UiAssets.jsonString("a\"b\\c<img>\n"));
    }
}
