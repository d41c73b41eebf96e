package org.omnilux.core.internal.scan;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

import org.omnilux.api.probe.MediaProber;
import org.omnilux.api.scanner.ExternalSubtitle;
import org.omnilux.api.scanner.ScanContext;
import org.omnilux.core.internal.probe.ExternalSubtitleFinder;

/** What a scanner gets for one file. Directory listings are shared between the files of one directory. */
final class ScanContextImpl implements ScanContext {
    /** The order of a directory listing: by file name (all entries share the directory). */
    private static final Comparator<Path> BY_NAME = Comparator.comparing(p -> p.getFileName().toString());
    private final Path file;
    private final Path root;
    private final String mediaType;
    private final long size;
    private final MediaProber prober;
    private final JobRun run;
    private final Map<Path, List<Path>> listings;
    private List<Path> siblings;
    private List<ExternalSubtitle> externalSubtitles;

    ScanContextImpl(Path file, Path root, String mediaType, long size, MediaProber prober, JobRun run,
            Map<Path, List<Path>> listings) {
        this.file = file;
        this.root = root;
        this.mediaType = mediaType;
        this.size = size;
        this.prober = prober;
        this.run = run;
        this.listings = listings;
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
        return size;
    }

    @Override
    public synchronized List<Path> siblings() {
        if (siblings == null) {
            Path dir = file.getParent();
            List<Path> all = dir == null ? List.of() : listings.computeIfAbsent(dir, ScanContextImpl::list);
            // a view of the shared listing without this file: copying it for every file of a folder of n files
            // costs n² (an album is cheap, a flat folder of 5 000 files is not)
            int at = Collections.binarySearch(all, file, BY_NAME);
            siblings = at < 0 ? all : new Without(all, at);
        }
        return siblings;
    }

    static List<Path> list(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                out.add(p);
            }
        } catch (IOException e) {
            return List.of();
        }
        out.sort(BY_NAME);
        return List.copyOf(out);
    }

    /** An unmodifiable list without one element of another. */
    private static final class Without extends AbstractList<Path> implements RandomAccess {
        private final List<Path> all;
        private final int skipped;

        Without(List<Path> all, int skipped) {
            this.all = all;
            this.skipped = skipped;
        }

        @Override
        public Path get(int index) {
            Objects.checkIndex(index, size());
            return all.get(index < skipped ? index : index + 1);
        }

        @Override
        public int size() {
            return all.size() - 1;
        }
    }

    @Override
    public synchronized List<ExternalSubtitle> externalSubtitles() {
        if (externalSubtitles == null) {
            externalSubtitles = List.copyOf(ExternalSubtitleFinder.find(file, siblings()));
        }
        return externalSubtitles;
    }

    /** @return whether {@link #externalSubtitles()} was asked for already (no new directory work to do) */
    synchronized List<ExternalSubtitle> externalSubtitlesIfComputed() {
        return externalSubtitles;
    }

    @Override
    public MediaProber prober() {
        return prober;
    }

    @Override
    public boolean isCancelled() {
        return run.stopping() || Thread.currentThread().isInterrupted();
    }
}
