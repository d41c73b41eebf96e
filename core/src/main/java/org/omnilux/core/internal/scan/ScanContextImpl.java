package org.omnilux.core.internal.scan;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.omnilux.api.probe.MediaProber;
import org.omnilux.api.scanner.ExternalSubtitle;
import org.omnilux.api.scanner.ScanContext;
import org.omnilux.core.internal.probe.ExternalSubtitleFinder;

/** What a scanner gets for one file. Directory listings are shared between the files of one directory. */
final class ScanContextImpl implements ScanContext {
    private final Path file;
    private final Path root;
    private final String mediaType;
    private final long size;
    private final MediaProber prober;
    private final JobRun run;
    private final Map<Path, Listing> listings;
    private List<Path> siblings;
    private List<ExternalSubtitle> externalSubtitles;

    ScanContextImpl(Path file, Path root, String mediaType, long size, MediaProber prober, JobRun run,
            Map<Path, Listing> listings) {
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
            Listing all = listing();
            // a view of the shared listing without this file: copying it for every file of a folder of n files
            // costs n² (an album is cheap, a flat folder of 5 000 files is not)
            int at = Arrays.binarySearch(all.names, String.valueOf(file.getFileName()));
            siblings = at < 0 ? all.paths : new Without(all.paths, at);
        }
        return siblings;
    }

    /** Kept with the folder's listing, so that the values go when the listing does (see {@code Pipeline}). */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T perFolder(String key, Function<List<Path>, T> compute) {
        Objects.requireNonNull(key, "key");
        Listing all = listing();
        if (all == Listing.EMPTY) {
            // no folder to share it with (a file at the file system's root, or a folder that cannot be listed)
            return Objects.requireNonNull(compute.apply(List.of(file)), "a per-folder value is never null");
        }
        return (T) all.perFolder.computeIfAbsent(key, k -> new FolderValue()).get(compute, all.paths);
    }

    /**
     * One per-folder value, worked out by the first file that asks while the others of the folder wait. Not the map's
     * own computeIfAbsent: the scanner's code would run under the map's lock, where asking for another key of the
     * same folder can fail ("recursive update").
     */
    private static final class FolderValue {
        private Object value;

        synchronized Object get(Function<List<Path>, ?> compute, List<Path> entries) {
            if (value == null) {
                // a compute that throws leaves nothing behind: the next file of the folder tries again
                value = Objects.requireNonNull(compute.apply(entries), "a per-folder value is never null");
            }
            return value;
        }
    }

    private Listing listing() {
        Path dir = file.getParent();
        return dir == null || file.getFileName() == null ? Listing.EMPTY : listings.computeIfAbsent(dir, Listing::of);
    }

    /**
     * A directory's entries sorted by name, with the names kept: every file of the directory looks itself up in it,
     * and a path makes a new name object each time it is asked for one.
     */
    static final class Listing {
        static final Listing EMPTY = new Listing(List.of(), new String[0]);
        final List<Path> paths;
        final String[] names;
        /** the scanner's values worked out once for the folder ({@link ScanContext#perFolder}) */
        final Map<String, FolderValue> perFolder = new ConcurrentHashMap<>();

        private Listing(List<Path> paths, String[] names) {
            this.paths = paths;
            this.names = names;
        }

        static Listing of(Path dir) {
            TreeMap<String, Path> byName = new TreeMap<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) {
                    byName.put(p.getFileName().toString(), p);
                }
            } catch (IOException e) {
                return EMPTY;
            }
            return new Listing(List.copyOf(byName.values()), byName.keySet().toArray(String[]::new));
        }
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
