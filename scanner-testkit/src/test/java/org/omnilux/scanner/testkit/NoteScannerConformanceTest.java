package org.omnilux.scanner.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanException;
import org.omnilux.api.scanner.MediaScanner;
import org.omnilux.api.scanner.MediaTypeDescriptor;
import org.omnilux.api.scanner.MetadataField;
import org.omnilux.api.scanner.ScanContext;
import org.omnilux.api.scanner.ScannerDescriptor;

/** The kit run against a small well-behaved scanner: every check must pass. */
class NoteScannerConformanceTest extends ScannerConformanceTest {

    @Override
    protected MediaScanner scanner() {
        return new NoteScanner();
    }

    @Override
    protected List<Path> sampleFiles(Path dir) throws IOException {
        Path file = Files.createDirectories(dir.resolve("notes")).resolve("shopping.note");
        return List.of(Files.writeString(file, "Shopping list\nmilk\n"));
    }

    /** Notes: the first line of a UTF-8 text file is its title. */
    static final class NoteScanner implements MediaScanner {

        @Override
        public ScannerDescriptor descriptor() {
            ScannerDescriptor descriptor = new ScannerDescriptor();
            descriptor.mediaTypes.add(new MediaTypeDescriptor("note",
                    List.of(MetadataField.of("lines", MetadataField.Type.INTEGER),
                            MetadataField.of("notesInFolder", MetadataField.Type.INTEGER))));
            descriptor.extensions.add("note");
            return descriptor;
        }

        @Override
        public boolean accepts(Path file, Path root) {
            Path name = file.getFileName();
            return name != null && name.toString().endsWith(".note");
        }

        @Override
        public Optional<MediaRecord> recognise(ScanContext context) throws MediaScanException {
            byte[] head;
            try (InputStream in = Files.newInputStream(context.file())) {
                head = in.readNBytes(4096);
            } catch (IOException e) {
                throw new MediaScanException("cannot read the note: " + e.getMessage(), e);
            }
            String text = new String(head, StandardCharsets.UTF_8);
            String title = text.lines().findFirst().orElse("").strip();
            if (title.isEmpty() || text.indexOf('\0') >= 0 || text.contains("\uFFFD")) {
                throw new MediaScanException("not a text note");
            }
            MediaRecord record = new MediaRecord();
            record.title = title;
            record.metadata.put("lines", (int) text.lines().count());
            record.metadata.put("notesInFolder", context.perFolder("notes", entries -> (int) entries.stream()
                    .filter(entry -> entry.getFileName().toString().endsWith(".note")).count()));
            return Optional.of(record);
        }
    }
}
