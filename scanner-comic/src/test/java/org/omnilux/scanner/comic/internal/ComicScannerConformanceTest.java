package org.omnilux.scanner.comic.internal;

import java.time.Duration;

import org.omnilux.api.scanner.MediaScanner;
import org.omnilux.scanner.testkit.ScannerConformanceTest;

/** The SPI contract checks of the conformance test kit, run against the shipped comic scanner. */
class ComicScannerConformanceTest extends ScannerConformanceTest {

    @Override
    protected MediaScanner scanner() {
        return new ComicScanner("bsdtar", Duration.ofSeconds(30));
    }
}
