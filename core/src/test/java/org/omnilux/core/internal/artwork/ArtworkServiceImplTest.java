package org.omnilux.core.internal.artwork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtworkServiceImplTest {
    @TempDir
    Path tmp;

    @Test
    void storesContentAddressedByMagicBytes() throws Exception {
        ArtworkServiceImpl a = new ArtworkServiceImpl(tmp.resolve("artwork"));
        byte[] jpg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};
        String url = a.store(jpg).orElseThrow();
        assertTrue(url.matches("/artwork/[0-9a-f]{64}\\.jpg"), url);
        assertEquals(url, a.store(Files.write(tmp.resolve("poster.png"), jpg)).orElseThrow()); // same bytes, one file
        String name = url.substring("/artwork/".length());
        assertTrue(a.find(name).isPresent());
        assertEquals(1, Files.list(a.storeDir()).count());
        assertTrue(a.store("not an image".getBytes()).isEmpty());
        assertEquals("gif", ArtworkServiceImpl.extension("GIF89a...".getBytes()));
        assertEquals("webp", ArtworkServiceImpl.extension("RIFF\0\0\0\0WEBPVP8 ".getBytes()));
        assertNull(ArtworkServiceImpl.extension(new byte[] {1, 2}));
    }

    @Test
    void findRejectsAnythingButStoreNames() throws Exception {
        ArtworkServiceImpl a = new ArtworkServiceImpl(tmp.resolve("artwork"));
        Files.createDirectories(tmp.resolve("artwork"));
        Files.writeString(tmp.resolve("secret.jpg"), "x");
        assertFalse(a.find("../secret.jpg").isPresent());
        assertFalse(a.find(null).isPresent());
        assertFalse(a.find("a".repeat(64) + ".jpg").isPresent()); // well-formed but absent
        assertFalse(a.find("A".repeat(64) + ".jpg").isPresent());
        assertFalse(a.find("a".repeat(64) + ".exe").isPresent());
        assertFalse(a.find("a".repeat(63) + "/.jpg").isPresent());
    }
}
