package org.omnilux.scanner.game.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanException;
import org.omnilux.api.scanner.ScanContext;
import org.omnilux.scanner.testkit.TestScanContext;

/** Tests that write ROM files under a library root and have the scanner read them as the core calls it. */
abstract class GameFilesTest {

    final GameScanner scanner = new GameScanner();

    @TempDir
    Path root;

    Optional<MediaRecord> recognise(Path file) throws MediaScanException {
        return scanner.recognise(context(file));
    }

    /** What the core would list for a folder: every accepted file recognised, the empty answers left out. */
    List<MediaRecord> recogniseAll(Path folder) throws IOException, MediaScanException {
        try (Stream<Path> files = Files.list(folder)) {
            List<MediaRecord> records = new ArrayList<>();
            for (Path file : files.filter(f -> scanner.accepts(f, root)).sorted().toList()) {
                recognise(file).ifPresent(records::add);
            }
            return records;
        }
    }

    Path write(String relativePath, byte[] bytes) throws IOException {
        Path path = root.resolve(relativePath);
        Files.createDirectories(path.getParent());
        return Files.write(path, bytes);
    }

    Path writeText(String relativePath, String text) throws IOException {
        return write(relativePath, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The core's context as a scanner sees it; its prober fails the test, since ROMs are never probed. */
    ScanContext context(Path file) {
        return TestScanContext.builder(file).root(root).mediaType("game").prober(path -> {
            throw new AssertionError("a game file must not be probed: " + path);
        }).build();
    }
}
