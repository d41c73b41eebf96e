package org.omnilux.core.internal.scan;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.omnilux.api.library.ScanJob;
import org.omnilux.api.library.ScanService;
import org.omnilux.api.probe.MediaProber;
import org.omnilux.api.scanner.ExternalSubtitle;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanException;
import org.omnilux.api.scanner.MediaScanner;
import org.omnilux.api.service.ConflictException;
import org.omnilux.api.service.NotFoundException;
import org.omnilux.core.internal.artwork.ArtworkServiceImpl;
import org.omnilux.core.internal.persistence.Database;
import org.omnilux.core.internal.persistence.Json;
import org.omnilux.core.internal.persistence.MediaFileInserts;
import org.omnilux.core.internal.persistence.MediaFileEntity;
import org.omnilux.core.internal.persistence.RootEntity;
import org.omnilux.core.internal.persistence.ScanErrorEntity;
import org.omnilux.core.internal.persistence.ScanJobEntity;
import org.omnilux.core.internal.scanner.ScannerRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scan engine. Each job runs on a coordinator thread of its own that walks its roots one after the other;
 * the files that are new or changed are recognised on the bounded worker pool and written in batches, one
 * transaction per batch, by a writer thread of the job while the walk goes on. Unchanged files (same size and
 * modification time) are not recognised again.
 *
 * <p>Files are removed from the library only when the walk of their root completed: a missing or unreadable
 * root, a root without an installed scanner, a cancelled job or a scanner that left during the walk keep the
 * files the library already has.
 */
@Component(service = ScanService.class, configurationPid = ScanConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ScanConfig.class)
public final class ScanServiceImpl implements ScanService {
    private static final Logger LOG = LoggerFactory.getLogger(ScanServiceImpl.class);
    /**
     * New or changed files recognised and written together, one transaction per batch. Each commit waits for the
     * log to reach the disk (tens of milliseconds on a busy disk), so a batch is large; the job's counters still
     * move every second, when slow files (ffprobe) leave a batch unfilled (see {@code Pipeline}).
     */
    static final int BATCH_PER_WORKER = 64;
    static final int RECENT_JOBS = 50;
    private static final int DELETE_CHUNK = 500;
    /**
     * At most this many unchanged files of a folder whose entries changed are read again (see {@link #scanRoot}):
     * enough for an album, a multi-part book or a multi-disc game; a flat folder of thousands is not re-read for
     * one file added to it.
     */
    static final int MAX_REREAD_PER_FOLDER = 200;

    private final Database db;
    private final ScannerRegistry registry;
    private final ArtworkServiceImpl artwork;
    private final MediaProber prober;
    private final Clock clock;
    private final ThreadPoolExecutor workers;
    private final int batchSize;
    private final ExecutorService coordinators;
    /** one thread per running job: it writes the job's batches while the job walks on */
    private final ExecutorService writers;
    private final Map<Long, JobRun> running = new ConcurrentHashMap<>();
    /** root id → the job scanning it */
    private final Map<Long, JobRun> rootsInScan = new ConcurrentHashMap<>();
    private final Consumer<MediaScanner> removalListener = this::scannerRemoved;
    private volatile boolean closed;

    @Activate
    public ScanServiceImpl(@Reference Database db, @Reference ScannerRegistry registry,
            @Reference ArtworkServiceImpl artwork, @Reference MediaProber prober, ScanConfig config) {
        this(db, registry, artwork, prober, config.poolSize(), Clock.systemUTC());
    }

    public ScanServiceImpl(Database db, ScannerRegistry registry, ArtworkServiceImpl artwork, MediaProber prober,
            int poolSize, Clock clock) {
        this.db = db;
        this.registry = registry;
        this.artwork = artwork;
        this.prober = prober;
        this.clock = clock;
        // twice the probes that may run at once (the prober bounds those to the cores): a scanner's own work
        // (names, sidecars, artwork) and the end of a batch overlap with probes instead of leaving ffprobe idle
        int size = poolSize > 0 ? poolSize : 2 * Runtime.getRuntime().availableProcessors();
        this.batchSize = BATCH_PER_WORKER * size;
        // the pool at the lowest priority: on busy cores the job's writer (a scan's critical path: the walk waits
        // for it once the window is full) and the server's requests go first. The launcher has the JVM honour
        // priorities on Linux (HeapLimit); a warm music scan then read 13-20% more files a second
        this.workers = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                threads("omnilux-scan-worker-", Thread.MIN_PRIORITY));
        this.workers.allowCoreThreadTimeOut(true);
        this.coordinators = Executors.newCachedThreadPool(threads("omnilux-scan-job-", Thread.NORM_PRIORITY));
        this.writers = Executors.newCachedThreadPool(threads("omnilux-scan-writer-", Thread.NORM_PRIORITY));
        registry.addRemovalListener(removalListener);
    }

    private static ThreadFactory threads(String prefix, int priority) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(priority);
            return t;
        };
    }

    /** Stops every job (they end as failed: "server stopped during the scan") and the pools. */
    @Deactivate
    public void close() {
        closed = true;
        registry.removeRemovalListener(removalListener);
        for (JobRun run : running.values()) {
            run.abortReason = "server stopped during the scan";
            run.cancelled = true;
            run.cancelInFlight();
        }
        workers.shutdownNow();
        coordinators.shutdown();
        try {
            // give the coordinators a moment to record how their jobs ended
            if (!coordinators.awaitTermination(5, TimeUnit.SECONDS)) {
                coordinators.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            coordinators.shutdownNow();
        }
        // the coordinators waited for their writes; a job that did not end in time has its write cut short
        writers.shutdownNow();
    }

    // ---- the service

    @Override
    public synchronized ScanJob start(Long rootId) {
        if (closed) {
            throw new org.omnilux.api.service.UnavailableException("the scan service is stopping");
        }
        List<Long> roots;
        if (rootId != null) {
            RootEntity r = db.read(em -> em.find(RootEntity.class, rootId));
            if (r == null) {
                throw new NotFoundException("no library root with id " + rootId);
            }
            JobRun existing = activeJobOf(rootId);
            if (existing != null) {
                return existing.snapshot();
            }
            roots = List.of(rootId);
        } else {
            List<Long> all = db.read(em -> em.createQuery("SELECT r.id FROM RootEntity r ORDER BY r.id", Long.class)
                    .getResultList());
            roots = all.stream().filter(id -> activeJobOf(id) == null).toList();
            if (roots.isEmpty() && !all.isEmpty()) {
                // every root is being scanned already: answer with the job of the first
                return rootsInScan.get(all.get(0)).snapshot();
            }
        }
        Instant now = clock.instant();
        long id = db.tx(em -> {
            ScanJobEntity j = new ScanJobEntity();
            j.status = ScanJob.RUNNING;
            j.rootIds = roots.stream().map(String::valueOf).collect(Collectors.joining(","));
            j.startedAt = now;
            em.persist(j);
            em.flush();
            return j.id;
        });
        JobRun run = new JobRun(id, roots, now);
        running.put(id, run);
        roots.forEach(r -> rootsInScan.put(r, run));
        try {
            coordinators.execute(() -> runJob(run));
        } catch (RejectedExecutionException e) {
            run.error(null, "the scan service is stopping");
            finish(run, ScanJob.FAILED);
        }
        return run.snapshot();
    }

    /**
     * @return the job scanning the root, or {@code null}; a cancelled job still winding down is waited for
     *         (briefly), so that two jobs never write the same root
     */
    private JobRun activeJobOf(long rootId) {
        JobRun run = rootsInScan.get(rootId);
        if (run != null && run.cancelled) {
            try {
                run.done.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            run = rootsInScan.get(rootId);
        }
        return run;
    }

    @Override
    public ScanJob job(long jobId) {
        JobRun run = running.get(jobId);
        if (run != null) {
            return run.snapshot();
        }
        return db.read(em -> {
            ScanJobEntity j = em.find(ScanJobEntity.class, jobId);
            if (j == null) {
                throw new NotFoundException("no scan job with id " + jobId);
            }
            return toJob(j, errorsOf(em, List.of(jobId)).getOrDefault(jobId, List.of()));
        });
    }

    @Override
    public List<ScanJob> recentJobs() {
        return db.read(em -> {
            List<ScanJobEntity> jobs = em.createQuery("SELECT j FROM ScanJobEntity j ORDER BY j.id DESC",
                    ScanJobEntity.class).setMaxResults(RECENT_JOBS).getResultList();
            Map<Long, List<ScanJob.ScanError>> errors = errorsOf(em, jobs.stream().map(j -> j.id).toList());
            List<ScanJob> out = new ArrayList<>();
            for (ScanJobEntity j : jobs) {
                JobRun run = running.get(j.id);
                out.add(run != null ? run.snapshot() : toJob(j, errors.getOrDefault(j.id, List.of())));
            }
            return out;
        });
    }

    @Override
    public ScanJob cancel(long jobId) {
        JobRun run = running.get(jobId);
        if (run == null || run.cancelled) {
            job(jobId); // NotFoundException for an unknown id
            throw new ConflictException("scan job " + jobId + " is not running");
        }
        run.markCancelled();
        run.cancelInFlight();
        return run.snapshot();
    }

    private static Map<Long, List<ScanJob.ScanError>> errorsOf(EntityManager em, List<Long> jobIds) {
        Map<Long, List<ScanJob.ScanError>> out = new HashMap<>();
        if (jobIds.isEmpty()) {
            return out;
        }
        for (ScanErrorEntity e : em.createQuery("SELECT e FROM ScanErrorEntity e WHERE e.jobId IN :ids ORDER BY e.id",
                ScanErrorEntity.class).setParameter("ids", jobIds).getResultList()) {
            out.computeIfAbsent(e.jobId, k -> new ArrayList<>()).add(new ScanJob.ScanError(e.path, e.message));
        }
        return out;
    }

    private static ScanJob toJob(ScanJobEntity j, List<ScanJob.ScanError> errors) {
        List<Long> roots = new ArrayList<>();
        if (j.rootIds != null && !j.rootIds.isBlank()) {
            for (String s : j.rootIds.split(",")) {
                roots.add(Long.parseLong(s.trim()));
            }
        }
        return new ScanJob(j.id, j.status, roots, j.filesSeen, j.filesAdded, j.filesUpdated, j.filesRemoved,
                j.filesFailed, errors, j.startedAt, j.finishedAt);
    }

    /** A scanner left: the jobs using it stop using it at once. */
    void scannerRemoved(MediaScanner scanner) {
        for (JobRun run : running.values()) {
            run.scannerLeft(scanner);
        }
    }

    // ---- the job

    private void runJob(JobRun run) {
        String status = ScanJob.COMPLETED;
        try {
            for (long rootId : run.rootIds) {
                if (run.cancelled) {
                    break;
                }
                try {
                    scanRoot(run, rootId);
                } finally {
                    run.useScanner(null);
                    rootsInScan.remove(rootId, run);
                }
            }
            if (run.cancelled) {
                status = run.abortReason != null ? ScanJob.FAILED : ScanJob.CANCELLED;
                if (run.abortReason != null) {
                    run.error(null, run.abortReason);
                }
            }
        } catch (Throwable t) {
            LOG.error("Scan job {} failed", run.id, t);
            run.error(null, "the scan failed: " + t);
            status = ScanJob.FAILED;
        } finally {
            finish(run, status);
        }
    }

    private void finish(JobRun run, String status) {
        Instant end = clock.instant();
        try {
            db.txRun(em -> {
                ScanJobEntity j = em.find(ScanJobEntity.class, run.id);
                if (j != null) {
                    copyCounters(run, j);
                    j.status = status;
                    j.finishedAt = end;
                    for (ScanJob.ScanError e : run.errors()) {
                        ScanErrorEntity row = new ScanErrorEntity();
                        row.jobId = run.id;
                        row.path = RecordMerger.clip(e.path(), 4000);
                        row.message = RecordMerger.clip(e.message() == null ? "error" : e.message(), 4000);
                        em.persist(row);
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.error("Could not record the end of scan job {}", run.id, e);
        } finally {
            run.end(status, end);
            running.remove(run.id);
            run.rootIds.forEach(r -> rootsInScan.remove(r, run));
            run.done.countDown();
            LOG.info("Scan job {} {}: seen {}, added {}, updated {}, removed {}, failed {}", run.id, status,
                    run.seen.get(), run.added.get(), run.updated.get(), run.removed.get(), run.failed.get());
        }
    }

    private static void copyCounters(JobRun run, ScanJobEntity j) {
        j.filesSeen = run.seen.get();
        j.filesAdded = run.added.get();
        j.filesUpdated = run.updated.get();
        j.filesRemoved = run.removed.get();
        j.filesFailed = run.failed.get();
    }

    /** A row already in the library: enough to tell whether the file changed. */
    private record Known(long id, long size, long mtime) {
    }

    /** A file the walk found and the scanner accepts. */
    private record Candidate(Path path, long size, long mtime) {
    }

    /**
     * What recognising one file gave: an error, or nothing (not a library item), or the scanner's record with the
     * row it makes for a file without user edits.
     */
    private record Outcome(Candidate file, MediaRecord record, MediaFileEntity row, String posterUrl,
            List<ExternalSubtitle> subtitles, String error) {
    }

    /** The root is gone from the database (removed during the scan). */
    private static final class RootRemoved extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private void scanRoot(JobRun run, long rootId) throws IOException {
        RootEntity root = db.read(em -> em.find(RootEntity.class, rootId));
        if (root == null) {
            run.error(null, "library root " + rootId + " was removed before it was scanned");
            return;
        }
        Optional<ScannerRegistry.Entry> entry = registry.scannerFor(root.mediaType);
        if (entry.isEmpty()) {
            run.error(root.path, "no scanner installed for media type " + root.mediaType
                    + registry.departedPluginFor(root.mediaType).map(p -> " (its plugin " + p + " was removed)")
                            .orElse("") + "; the root is skipped and its files are kept");
            return;
        }
        MediaScanner scanner = entry.get().scanner();
        run.useScanner(scanner);
        if (registry.scannerFor(root.mediaType).map(e -> e.scanner() != scanner).orElse(true)) {
            run.scannerGone = true; // left between the lookup and now
        }
        Path rootPath = Path.of(root.path);
        if (!Files.isDirectory(rootPath) || !Files.isReadable(rootPath)) {
            run.error(root.path, "library root is missing or unreadable; its files are kept");
            return;
        }

        Map<String, Known> known = new ConcurrentHashMap<>(); // the walk and the writer thread both take from it
        db.read(em -> {
            for (Object[] row : em.createQuery("SELECT f.id, f.path, f.sizeBytes, f.mtime FROM MediaFileEntity f "
                    + "WHERE f.rootId = :r", Object[].class).setParameter("r", rootId).getResultList()) {
                known.put((String) row[1], new Known(((Number) row[0]).longValue(), ((Number) row[2]).longValue(),
                        ((Number) row[3]).longValue()));
            }
            return null;
        });
        // "known" shrinks as the walk goes: a file seen and kept (unchanged, rewritten, or failed this time) leaves
        // it, so what remains at the end is what is gone — one map rather than a map and a set of 100k paths
        int knownAtStart = known.size();
        // A folder whose entries changed since the last scan began (a file added, removed or renamed in it) has its
        // unchanged files read again too: what a scanner makes of a file may depend on its siblings — a part added
        // to a book, a cover added to an album, a disc added to a game.
        Instant walkStart = clock.instant();
        long foldersChangedAfter = root.lastScanAt == null ? Long.MAX_VALUE : root.lastScanAt.toEpochMilli();
        ArrayDeque<int[]> folders = new ArrayDeque<>(); // per open folder: {changed ? 1 : 0, files re-read}
        List<Path> unreadableDirs = new ArrayList<>();
        Pipeline pipeline = new Pipeline(run, root, rootPath, scanner, known);
        boolean[] rootUnreadable = {false};
        long[] entries = {0};

        try {
            Files.walkFileTree(rootPath, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (run.stopping()) {
                                return FileVisitResult.TERMINATE;
                            }
                            if (!dir.equals(rootPath)) {
                                entries[0]++;
                            }
                            if (!dir.equals(rootPath) && hidden(dir)) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            folders.push(new int[] {attrs.lastModifiedTime().toMillis() > foldersChangedAfter ? 1 : 0, 0});
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                            folders.poll();
                            if (exc != null) {
                                // the listing broke off: what was not seen under it is not known to be gone
                                unreadableDirs.add(dir);
                                run.error(dir.toString(), "cannot read: " + exc.getMessage());
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            entries[0]++;
                            if (run.stopping()) {
                                return FileVisitResult.TERMINATE;
                            }
                            if (!attrs.isRegularFile() || hidden(file)) {
                                return FileVisitResult.CONTINUE;
                            }
                            boolean accepted;
                            try {
                                accepted = scanner.accepts(file, rootPath);
                            } catch (RuntimeException | LinkageError e) {
                                run.failed.incrementAndGet();
                                run.error(file.toString(), "the scanner failed: " + e);
                                known.remove(file.toString());
                                return FileVisitResult.CONTINUE;
                            }
                            if (!accepted) {
                                return FileVisitResult.CONTINUE;
                            }
                            run.seen.incrementAndGet();
                            long mtime = attrs.lastModifiedTime().toMillis();
                            Known k = known.get(file.toString());
                            if (k != null && k.size() == attrs.size() && k.mtime() == mtime) {
                                int[] folder = folders.peek();
                                if (folder == null || folder[0] == 0 || folder[1] >= MAX_REREAD_PER_FOLDER) {
                                    known.remove(file.toString()); // unchanged: not recognised again
                                    return FileVisitResult.CONTINUE;
                                }
                                folder[1]++; // unchanged, but its folder changed
                            }
                            pipeline.submit(new Candidate(file, attrs.size(), mtime));
                            return run.stopping() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException exc) {
                            if (file.equals(rootPath)) {
                                rootUnreadable[0] = true;
                                return FileVisitResult.TERMINATE;
                            }
                            if (exc instanceof FileSystemLoopException) {
                                return FileVisitResult.CONTINUE; // a symlink back up the tree
                            }
                            // the records under it stay: we could not look at what is there now
                            unreadableDirs.add(file);
                            run.error(file.toString(), "cannot read: " + exc.getMessage());
                            return FileVisitResult.CONTINUE;
                        }
                    });
            // what was recognised is written even when the job stops now (a cancel keeps finished work)
            pipeline.finish();
        } catch (RuntimeException | Error | IOException e) {
            pipeline.abandon();
            if (!(e instanceof RootRemoved)) {
                throw e;
            }
            run.error(root.path, "library root was removed during the scan");
            return;
        }
        if (rootUnreadable[0]) {
            run.error(root.path, "library root is missing or unreadable; its files are kept");
            return;
        }
        if (run.scannerGone) {
            ScannerRegistry.Entry left = entry.get();
            run.error(root.path, "the scanner for media type " + root.mediaType + " (plugin " + left.bundleId()
                    + " " + left.bundleVersion() + ") was removed during the scan; the files already in the library"
                    + " are kept");
            return;
        }
        if (run.cancelled) {
            return;
        }
        if (entries[0] == 0 && knownAtStart > 0) {
            // an empty mount point looks exactly like this: never wipe a library because a disk is not mounted
            run.error(root.path, "library root is empty; its " + knownAtStart
                    + " files are kept (remove the root to drop them)");
            return;
        }
        // the walk completed: what was not seen is gone from disk (or no longer a library item)
        List<Long> gone = new ArrayList<>();
        for (Map.Entry<String, Known> k : known.entrySet()) {
            if (!under(Path.of(k.getKey()), unreadableDirs)) {
                gone.add(k.getValue().id());
            }
        }
        Instant now = clock.instant();
        db.txRun(em -> {
            // the root before its files, as everywhere: a removal of the root waits for this, or this for it
            RootEntity r = em.find(RootEntity.class, rootId, LockModeType.PESSIMISTIC_WRITE);
            for (int i = 0; i < gone.size(); i += DELETE_CHUNK) {
                List<Long> chunk = gone.subList(i, Math.min(gone.size(), i + DELETE_CHUNK));
                em.createQuery("DELETE FROM MediaFileEntity f WHERE f.id IN :ids").setParameter("ids", chunk)
                        .executeUpdate();
            }
            if (r != null) {
                r.lastScanAt = walkStart; // when the walk began: a folder changed after that is seen as changed
            }
            ScanJobEntity j = em.find(ScanJobEntity.class, run.id);
            if (j != null) {
                run.removed.addAndGet(gone.size());
                copyCounters(run, j);
            }
        });
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static boolean under(Path p, Collection<Path> dirs) {
        for (Path d : dirs) {
            if (p.startsWith(d)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Recognition runs ahead of the walk: the walking thread submits each new or changed file to the pool and
     * hands the finished outcomes, in walk order, to the job's writer thread, one transaction per {@code batchSize}
     * files (or per second, so the job's counters move while slow files are read); one batch is written at a
     * time. Up to {@code window} files are in flight, so the pool keeps working while a batch is written and the
     * walk never waits for a whole batch to finish; the window (and the one batch in writing) also bounds what a
     * scan holds in memory.
     */
    private final class Pipeline {
        private static final long FLUSH_NANOS = TimeUnit.SECONDS.toNanos(1);
        /** Directory listings (siblings) shared by the files in flight; dropped when it grows, it is only a cache. */
        private static final int MAX_CACHED_LISTINGS = 2048;

        private final JobRun run;
        private final RootEntity root;
        private final Path rootPath;
        private final MediaScanner scanner;
        private final Map<String, Known> known;
        private final ArrayDeque<Future<Outcome>> inFlight = new ArrayDeque<>();
        private final List<Outcome> finished = new ArrayList<>();
        private final Map<Path, ScanContextImpl.Listing> listings = new ConcurrentHashMap<>();
        private final int window = 2 * batchSize;
        private long lastWriteNanos = System.nanoTime();
        /** the batch being written, if any */
        private Future<?> writing;

        Pipeline(JobRun run, RootEntity root, Path rootPath, MediaScanner scanner, Map<String, Known> known) {
            this.run = run;
            this.root = root;
            this.rootPath = rootPath;
            this.scanner = scanner;
            this.known = known;
        }

        void submit(Candidate c) {
            if (listings.size() > MAX_CACHED_LISTINGS) {
                listings.clear();
            }
            try {
                Future<Outcome> f = workers.submit(() -> recognise(run, root, rootPath, scanner, c, listings));
                run.inFlight.add(f);
                inFlight.add(f);
            } catch (RejectedExecutionException e) {
                run.cancelled = true; // the pool is shutting down
                return;
            }
            // take what is done; wait for the oldest only when the window is full
            while (!inFlight.isEmpty() && (inFlight.peek().isDone() || inFlight.size() >= window)) {
                collect(inFlight.poll());
            }
            if (finished.size() >= batchSize || (!finished.isEmpty() && System.nanoTime() - lastWriteNanos > FLUSH_NANOS)) {
                writeFinished();
            }
        }

        /** Waits for the files in flight (cancelled ones are dropped) and writes what they gave. */
        void finish() {
            if (run.stopping()) {
                run.cancelInFlight();
            }
            while (!inFlight.isEmpty()) {
                collect(inFlight.poll());
            }
            writeFinished();
            awaitWrite();
        }

        /** The walk ended early (an exception): the batch being written still ends before the job does. */
        void abandon() {
            Future<?> w = writing;
            if (w != null) {
                try {
                    w.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException | CancellationException e) {
                    // the walk's own exception is the one reported
                }
            }
        }

        private void collect(Future<Outcome> f) {
            try {
                finished.add(f.get());
            } catch (CancellationException e) {
                // cancelled job or scanner removed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                run.cancelled = true;
                run.cancelInFlight();
            } catch (ExecutionException e) {
                LOG.warn("Unexpected failure while recognising a file", e.getCause());
            } finally {
                run.inFlight.remove(f);
            }
        }

        /**
         * Hands the finished files to the writer thread, after the previous batch is written: one batch is written
         * while the walk goes on and the pool reads the next (a write waits for its commit to reach the disk).
         */
        private void writeFinished() {
            if (Thread.currentThread().isInterrupted()) {
                // the server is stopping hard (its coordinators interrupted): no new write; what was not written
                // keeps its old record and is read again by the next scan
                finished.clear();
                return;
            }
            if (!finished.isEmpty()) {
                List<Outcome> batch = new ArrayList<>(finished);
                finished.clear();
                awaitWrite();
                try {
                    writing = writers.submit(() -> write(run, root, batch, known));
                } catch (RejectedExecutionException e) {
                    run.cancelled = true; // the service is stopping
                }
            }
            lastWriteNanos = System.nanoTime();
        }

        /** Waits for the batch being written; its failure (the root removed, the database gone) is the walk's. */
        private void awaitWrite() {
            Future<?> w = writing;
            if (w == null) {
                return;
            }
            try {
                w.get();
                writing = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                run.cancelled = true;
                run.cancelInFlight();
                abandon();
            } catch (ExecutionException e) {
                writing = null;
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private Outcome recognise(JobRun run, RootEntity root, Path rootPath, MediaScanner scanner, Candidate c,
            Map<Path, ScanContextImpl.Listing> listings) {
        if (run.stopping()) {
            throw new CancellationException();
        }
        ScanContextImpl ctx = new ScanContextImpl(c.path(), rootPath, root.mediaType, c.size(), prober, run, listings);
        try {
            Optional<MediaRecord> result = scanner.recognise(ctx);
            if (result == null || result.isEmpty()) {
                return new Outcome(c, null, null, null, null, null);
            }
            MediaRecord r = result.get();
            String posterUrl = null;
            try {
                if (r.posterFile != null) {
                    posterUrl = artwork.store(r.posterFile).orElse(null);
                }
                if (posterUrl == null && r.posterImage != null) {
                    posterUrl = artwork.store(r.posterImage).orElse(null);
                }
            } catch (IOException e) {
                LOG.debug("Artwork of {} not stored: {}", c.path(), e.toString());
            }
            List<ExternalSubtitle> subs = r.externalSubtitles != null && !r.externalSubtitles.isEmpty()
                    ? r.externalSubtitles
                    : ctx.externalSubtitlesIfComputed() != null ? ctx.externalSubtitlesIfComputed()
                    : r.probe != null && r.probe.video != null && !r.probe.video.isEmpty() ? ctx.externalSubtitles()
                    : List.of();
            // the row as a file nobody edited, built here on the pool rather than on the job's thread, which
            // writes: the JSON columns, sort key and search text are most of a row's cost before the database
            MediaFileEntity row = new MediaFileEntity();
            row.rootId = root.id;
            row.path = c.path().toString();
            row.mediaType = root.mediaType;
            row.sizeBytes = c.size();
            row.mtime = c.mtime();
            try {
                RecordMerger.merge(row, r, c.path(), posterUrl, subs);
            } catch (RuntimeException e) {
                return new Outcome(c, null, null, null, null,
                        "the scanner's record cannot be stored: " + e.getMessage());
            }
            return new Outcome(c, r, row, posterUrl, subs, null);
        } catch (MediaScanException e) {
            return new Outcome(c, null, null, null, null,
                    e.getMessage() == null ? "the file cannot be read" : e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            if (run.stopping()) {
                throw new CancellationException();
            }
            return new Outcome(c, null, null, null, null, "the scanner failed: " + e);
        }
    }

    /**
     * Writes a batch; each file stored (or failed, keeping its old record) leaves {@code known}. New files go in
     * through {@link MediaFileInserts} (multi-row INSERTs); a changed file's row is updated through
     * JPA, merged again with the user's locked fields when it has any.
     */
    private void write(JobRun run, RootEntity root, List<Outcome> outcomes, Map<String, Known> known) {
        Instant now = clock.instant();
        db.txRun(em -> {
            // the root locked before any file row, until the commit: removing it waits for this batch, and a
            // batch after its removal writes nothing (see LibraryServiceImpl.removeRoot and migration V4)
            if (em.find(RootEntity.class, root.id, LockModeType.PESSIMISTIC_READ) == null) {
                throw new RootRemoved();
            }
            List<MediaFileEntity> inserts = new ArrayList<>();
            for (Outcome o : outcomes) {
                String path = o.file().path().toString();
                if (o.error() != null) {
                    run.failed.incrementAndGet();
                    run.error(path, o.error());
                    known.remove(path); // a file that fails once keeps its record
                    continue;
                }
                if (o.record() == null) {
                    continue; // not a library item; an old record of it goes at the end of the walk
                }
                Known k = known.remove(path);
                MediaFileEntity e = k == null ? null : em.find(MediaFileEntity.class, k.id());
                if (e == null) {
                    MediaFileEntity row = o.row();
                    row.addedAt = now;
                    row.updatedAt = now;
                    inserts.add(row);
                    continue;
                }
                String failure = update(e, o, now);
                if (failure != null) {
                    run.failed.incrementAndGet();
                    run.error(path, failure);
                    em.detach(e);
                    continue;
                }
                run.updated.incrementAndGet();
            }
            MediaFileInserts.insert(em, inserts);
            run.added.addAndGet(inserts.size());
            ScanJobEntity j = em.find(ScanJobEntity.class, run.id);
            if (j != null) {
                copyCounters(run, j);
            }
        });
    }

    /** @return why the record cannot be merged with the row's edits, or {@code null} once it is */
    private static String update(MediaFileEntity e, Outcome o, Instant now) {
        MediaFileEntity row = o.row();
        e.mediaType = row.mediaType;
        e.sizeBytes = row.sizeBytes;
        e.mtime = row.mtime;
        e.updatedAt = now;
        if (e.lockedFields == null || Json.readStringList(e.lockedFields).isEmpty()) {
            e.title = row.title;
            e.titleSort = row.titleSort;
            e.year = row.year;
            e.durationSeconds = row.durationSeconds;
            e.codec = row.codec;
            e.resolution = row.resolution;
            e.hdr = row.hdr;
            e.container = row.container;
            e.metadata = row.metadata;
            e.tracks = row.tracks;
            e.externalSubtitles = row.externalSubtitles;
            e.searchText = row.searchText;
            return null;
        }
        try {
            RecordMerger.merge(e, o.record(), o.file().path(), o.posterUrl(), o.subtitles());
            return null;
        } catch (RuntimeException ex) {
            return "the scanner's record cannot be stored: " + ex.getMessage();
        }
    }
}
