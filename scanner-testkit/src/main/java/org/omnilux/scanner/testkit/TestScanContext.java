package org.omnilux.scanner.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.omnilux.api.probe.MediaProber;
import org.omnilux.api.scanner.ExternalSubtitle;
import org.omnilux.api.scanner.ScanContext;

/**
 * A {@link ScanContext} for tests, built the way the core builds one: the siblings are the other entries of the
 * file's directory sorted by name, the size is the file's size (0 when it does not exist).
 *
 * <pre>{@code
 * ScanContext context = TestScanContext.builder(file).root(root).mediaType("photo").build();
 * Optional<MediaRecord> record = scanner.recognise(context);
 * }</pre>
 */
public final class TestScanContext implements ScanContext {

    private final Path file;
    private final Path root;
    private final String mediaType;
    private final long sizeBytes;
    private final List<Path> siblings;
    private final List<ExternalSubtitle> externalSubtitles;
    private final MediaProber prober;
    private final BooleanSupplier cancelled;

    private TestScanContext(Builder builder) {
        this.file = builder.file;
        this.root = builder.root != null ? builder.root : defaultRoot(builder.file);
        this.mediaType = builder.mediaType;
        this.sizeBytes = builder.sizeBytes != null ? builder.sizeBytes : sizeOf(builder.file);
        this.siblings = builder.siblings != null ? List.copyOf(builder.siblings) : listSiblings(builder.file);
        this.externalSubtitles = List.copyOf(builder.externalSubtitles);
        this.prober = builder.prober;
        this.cancelled = builder.cancelled;
    }

    /** @param file the absolute path of the file to recognise; it need not exist */
    public static Builder builder(Path file) {
        return new Builder(file);
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public String mediaType() {
        return mediaType;
    }

    @Override
    public long sizeBytes() {
        return sizeBytes;
    }

    @Override
    public List<Path> siblings() {
        return siblings;
    }

    @Override
    public List<ExternalSubtitle> externalSubtitles() {
        return externalSubtitles;
    }

    @Override
    public MediaProber prober() {
        return prober;
    }

    @Override
    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    @Override
    public String toString() {
        return "TestScanContext[" + file + ", root " + root + ", " + mediaType + ", " + sizeBytes + " bytes"
                + (isCancelled() ? ", cancelled" : "") + "]";
    }

    private static Path defaultRoot(Path file) {
        Path parent = file.getParent();
        return parent != null ? parent : file;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The other entries of the file's directory, sorted by name, as the core lists them. */
    static List<Path> listSiblings(Path file) {
        Path directory = file.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(entry -> !entry.equals(file))
                    .sorted(Comparator.comparing(entry -> entry.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /** Builds a {@link TestScanContext}; everything but the file has a default. */
    public static final class Builder {
        private final Path file;
        private Path root;
        private String mediaType = "unknown";
        private Long sizeBytes;
        private List<Path> siblings;
        private final List<ExternalSubtitle> externalSubtitles = new ArrayList<>();
        private MediaProber prober = TestProbers.notProbed();
        private BooleanSupplier cancelled = () -> false;

        private Builder(Path file) {
            this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        }

        /** The library root; default: the file's directory. */
        public Builder root(Path root) {
            this.root = Objects.requireNonNull(root, "root").toAbsolutePath();
            return this;
        }

        /** The media type of the root; default {@code unknown}. */
        public Builder mediaType(String mediaType) {
            this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
            return this;
        }

        /** The size the walk saw; default: the file's size now, 0 when it does not exist. */
        public Builder sizeBytes(long sizeBytes) {
            this.sizeBytes = sizeBytes;
            return this;
        }

        /** The siblings; default: the other entries of the file's directory, listed when {@link #build} runs. */
        public Builder siblings(List<Path> siblings) {
            this.siblings = List.copyOf(siblings);
            return this;
        }

        /** External subtitles; default none. */
        public Builder externalSubtitles(List<ExternalSubtitle> subtitles) {
            this.externalSubtitles.clear();
            this.externalSubtitles.addAll(subtitles);
            return this;
        }

        /** The prober; default {@link TestProbers#notProbed()}. */
        public Builder prober(MediaProber prober) {
            this.prober = Objects.requireNonNull(prober, "prober");
            return this;
        }

        /** Whether the job is cancelled; default {@code false}. */
        public Builder cancelled(boolean cancelled) {
            this.cancelled = () -> cancelled;
            return this;
        }

        /** Whether the job is cancelled, asked on every {@link ScanContext#isCancelled()} call. */
        public Builder cancelled(BooleanSupplier cancelled) {
            this.cancelled = Objects.requireNonNull(cancelled, "cancelled");
            return this;
        }

        public TestScanContext build() {
            return new TestScanContext(this);
        }
    }
}
