package org.omnilux.scanner.book.internal;

import org.omnilux.api.scanner.MediaScanner;
import org.omnilux.scanner.testkit.ScannerConformanceTest;

/** The SPI contract checks of the conformance test kit, run against the shipped book scanner. */
class BookScannerConformanceTest extends ScannerConformanceTest {

    @Override
    protected MediaScanner scanner() {
        return new BookScanner();
    }

}
