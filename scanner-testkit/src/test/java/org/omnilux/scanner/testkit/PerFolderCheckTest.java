package org.omnilux.scanner.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanException;
import org.omnilux.api.scanner.MediaScanner;
import org.omnilux.api.scanner.ScanContext;
import org.opentest4j.AssertionFailedError;

/** The kit's per-folder check fails a scanner whose per-folder value depends on the file that asks. */
class PerFolderCheckTest {

    @TempDir
    Path tmp;

    @Test
    void aValueWorkedOutFromTheAskingFileIsReported() throws Exception {
        Kit kit = new Kit();
        kit.tempDir = tmp;
        kit.createRoot();
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, kit::perFolderValuesDependOnTheFolderOnly);
        assertTrue(failure.getMessage().contains("perFolder(\"position\")"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Conformance Twin shopping.note"), failure.getMessage());
    }

    /** The well-behaved note scanner, but its per-folder value is the asking file's place in its folder. */
    static final class Kit extends ScannerConformanceTest {
        @Override
        protected MediaScanner scanner() {
            NoteScannerConformanceTest.NoteScanner notes = new NoteScannerConformanceTest.NoteScanner();
            return new MediaScanner() {
                @Override
                public org.omnilux.api.scanner.ScannerDescriptor descriptor() {
                    return notes.descriptor();
                }

                @Override
                public boolean accepts(Path file, Path root) {
                    return notes.accepts(file, root);
                }

                @Override
                public Optional<MediaRecord> recognise(ScanContext context) throws MediaScanException {
                    Optional<MediaRecord> record = notes.recognise(context);
                    int position = context.perFolder("position", entries -> entries.indexOf(context.file()));
                    record.ifPresent(r -> r.metadata.put("lines", position));
                    return record;
                }
            };
        }

        @Override
        protected List<Path> sampleFiles(Path dir) throws IOException {
            Path file = Files.createDirectories(dir.resolve("notes")).resolve("shopping.note");
            return List.of(Files.writeString(file, "Shopping list\nmilk\n"));
        }
    }
}
