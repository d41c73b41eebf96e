package org.omnilux.scanner.game.internal;

import org.omnilux.api.scanner.MediaScanner;
import org.omnilux.scanner.testkit.ScannerConformanceTest;

/** The SPI contract checks of the conformance test kit, run against the shipped game scanner. */
class GameScannerConformanceTest extends ScannerConformanceTest {

    @Override
    protected MediaScanner scanner() {
        return new GameScanner();
    }
}
