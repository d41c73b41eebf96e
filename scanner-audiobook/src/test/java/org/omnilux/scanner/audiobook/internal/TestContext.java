package org.omnilux.scanner.audiobook.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.omnilux.api.probe.MediaProber;
import org.omnilux.api.scanner.ExternalSubtitle;
import org.omnilux.api.scanner.ScanContext;

/** The core's context as a scanner sees it: the file, its directory listing and the services. */
record TestContext(Path file, Path root, MediaProber prober) implements ScanContext {

    @Override
    public String mediaType() {
        return "audiobook";
    }

    @Override
    public long sizeBytes() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Path> siblings() {
        try (Stream<Path> entries = Files.list(file.getParent())) {
            return entries.filter(entry -> !entry.equals(file)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<ExternalSubtitle> externalSubtitles() {
        return List.of();
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
