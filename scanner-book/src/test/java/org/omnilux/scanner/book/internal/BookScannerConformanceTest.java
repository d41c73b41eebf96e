package org.omnilux.scanner.book.internal;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.omnilux.api.scanner.MediaScanner;
import org.omnilux.scanner.testkit.ScannerConformanceTest;

/** The SPI contract checks of the conformance test kit, run against the shipped book scanner. */
class BookScannerConformanceTest extends ScannerConformanceTest {

    @Override
    protected MediaScanner scanner() {
        return new BookScanner();
    }

    /** An FB2 plain and zipped: the kit's own cases name files by declared extensions only, never .fb2.zip. */
    @Override
    protected List<Path> sampleFiles(Path dir) throws Exception {
        byte[] fb2 = Fixtures.piknikFb2(Fixtures.png(20, 30, Color.MAGENTA));
        Path folder = Files.createDirectories(dir.resolve("Стругацкие"));
        return List.of(Files.write(folder.resolve("Пикник на обочине.fb2"), fb2),
                Fixtures.zip(folder.resolve("Пикник на обочине (zip).fb2.zip"), Map.of("piknik.fb2", fb2)));
    }
}
