package org.omnilux.scanner.comic.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-written RAR fixtures are archives libarchive reads as RAR, not just bytes the scanner tolerates. */
class RarFixturesTest {

    @TempDir
    Path dir;

    @Test
    void anEmptyArchiveIsTheWellKnownBytes() {
        // marker, main header (CRC 0x90CF) and end block (CRC 0x3DC4), as in every empty RAR 4 archive
        assertEquals("526172211a0700" + "cf907300000d00000000000000" + "c43d7b00400700",
                HexFormat.of().formatHex(RarFixtures.rar(Map.of())));
    }

    @Test
    void bsdtarListsTheEntriesAndExtractsTheirExactBytes() throws Exception {
        ComicScannerTest.requireBsdtar();
        byte[] random = new byte[70_000]; // more than one 64 KiB pipe buffer
        new Random(7).nextBytes(random);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("ComicInfo.xml", ComicScannerTest.utf8("<ComicInfo><Series>Saga</Series></ComicInfo>"));
        entries.put("Saga 007/", null);
        entries.put("Saga 007/p [2].png", ComicScannerTest.png(Color.GREEN));
        entries.put("Saga 007/p10.bin", random);
        entries.put("empty.txt", new byte[0]);
        Path file = RarFixtures.write(dir.resolve("fixture.cbr"), entries);

        Result listing = bsdtar("-tf", file.toString());

        assertEquals(0, listing.exit, listing.errors);
        // libarchive lists a RAR folder without a trailing slash, and the Windows "\" as "/"
        assertEquals(List.of("ComicInfo.xml", "Saga 007", "Saga 007/p [2].png", "Saga 007/p10.bin", "empty.txt"),
                listing.text().lines().toList());
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            if (entry.getValue() != null) {
                Result extracted = bsdtar("-xOf", file.toString(), "--", BsdtarComicArchive.escapePattern(entry.getKey()));
                assertEquals(0, extracted.exit, extracted.errors);
                assertArrayEquals(entry.getValue(), extracted.out, entry.getKey());
            }
        }
    }

    @Test
    void bsdtarChecksTheHeaderCrcs() throws Exception {
        ComicScannerTest.requireBsdtar();
        byte[] bytes = RarFixtures.rar(Map.of("01.png", ComicScannerTest.png(Color.RED)));
        assertEquals(0, bsdtar("-tf", Files.write(dir.resolve("good.cbr"), bytes).toString()).exit);
        int name = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("01.png");
        bytes[name] = '2'; // a name changed behind the header CRC's back

        Result listing = bsdtar("-tf", Files.write(dir.resolve("bad.cbr"), bytes).toString());

        assertNotEquals(0, listing.exit);
        assertTrue(listing.errors.contains("Header CRC error"), listing.errors);
    }

    private record Result(int exit, byte[] out, String errors) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    private Result bsdtar(String... arguments) throws IOException, InterruptedException {
        Path errors = Files.createTempFile(dir, "bsdtar", ".err");
        List<String> command = new ArrayList<>(List.of("bsdtar"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "bsdtar did not end");
        return new Result(process.exitValue(), out, Files.readString(errors));
    }
}
