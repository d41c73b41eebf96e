package ${package}.internal;

import java.nio.file.Path;
import java.util.List;

import org.omnilux.api.scanner.MediaScanner;
import org.omnilux.scanner.testkit.ScannerConformanceTest;
import org.omnilux.scanner.testkit.TestConfigurations;

/**
 * The OmniLux SPI contract, checked by the conformance test kit: prompt answers for vanished, unreadable,
 * empty, huge and malformed files, no exception but MediaScanException, determinism, DTO-only records with the
 * declared fields, no threads of its own. Keep it passing: the server's own scanners pass it in its build.
 */
class ${className}ScannerConformanceTest extends ScannerConformanceTest {

    @Override
    protected MediaScanner scanner() {
        // as DS builds it when there is no configuration file
        return new ${className}Scanner(TestConfigurations.defaults(${className}Scanner.Config.class));
    }

    @Override
    protected List<Path> sampleFiles(Path dir) throws Exception {
        return List.of(Images.write(dir.resolve("Holiday/beach.jpg"), "jpeg", 320, 240),
                Images.write(dir.resolve("Holiday/map.png"), "png", 200, 300),
                Images.write(dir.resolve("loop.gif"), "gif", 100, 100));
    }
}
