package org.omnilux.scanner.comic.internal;

import java.awt.Color;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.omnilux.api.scanner.MediaScanner;
import org.omnilux.scanner.testkit.ScannerConformanceTest;

/** The SPI contract checks of the conformance test kit, run against the shipped comic scanner. */
class ComicScannerConformanceTest extends ScannerConformanceTest {

    @Override
    protected MediaScanner scanner() {
        return new ComicScanner("bsdtar", Duration.ofSeconds(30));
    }

    /** A real CBR (RAR read through bsdtar), the format no other check of the kit opens. */
    @Override
    protected List<Path> sampleFiles(Path dir) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("ComicInfo.xml", ComicScannerTest.utf8(
                "<ComicInfo><Series>Saga</Series><Number>1</Number><Writer>Brian K. Vaughan</Writer></ComicInfo>"));
        entries.put("Saga 001/", null);
        entries.put("Saga 001/01.jpg", ComicScannerTest.jpeg(Color.RED));
        entries.put("Saga 001/02.jpg", ComicScannerTest.jpeg(Color.BLUE));
        return List.of(RarFixtures.write(dir.resolve("Saga/Saga 001 (2012).cbr"), entries));
    }
}
