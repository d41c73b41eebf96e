package org.omnilux.scanner.audiobook.internal;

import org.omnilux.api.scanner.MediaScanner;
import org.omnilux.scanner.testkit.ScannerConformanceTest;

/** The SPI contract checks of the conformance test kit, run against the shipped audiobook scanner. */
class AudiobookScannerConformanceTest extends ScannerConformanceTest {

    @Override
    protected MediaScanner scanner() {
        return new AudiobookScanner();
    }
}
