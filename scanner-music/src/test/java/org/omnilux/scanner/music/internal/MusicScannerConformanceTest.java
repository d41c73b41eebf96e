package org.omnilux.scanner.music.internal;

import org.omnilux.api.scanner.MediaScanner;
import org.omnilux.scanner.testkit.ScannerConformanceTest;

/** The SPI contract checks of the conformance test kit, run against the shipped music scanner. */
class MusicScannerConformanceTest extends ScannerConformanceTest {

    @Override
    protected MediaScanner scanner() {
        return new MusicScanner();
    }

}
