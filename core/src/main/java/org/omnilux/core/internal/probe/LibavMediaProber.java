package org.omnilux.core.internal.probe;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.omnilux.api.probe.AudioTrack;
import org.omnilux.api.probe.MediaProber;
import org.omnilux.api.probe.ProbeException;
import org.omnilux.api.probe.ProbeResult;
import org.omnilux.api.probe.VideoTrack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kokorin.jaffree.ffprobe.FFprobeResult;

/**
 * The fast probing path: container headers read through libavformat in the probe worker, a child JVM (see
 * {@link ProbeWorkerProcess}), with the system ffprobe ({@link JaffreeMediaProber}) as the reference it falls back
 * to.
 *
 * <p><b>Why a child process.</b> In-process libavformat is ~20× faster than starting ffprobe per file, but native
 * code can crash the JVM that runs it. In the worker a crash, a hang or a leak costs only the worker: the probes
 * it had in flight are read by ffprobe instead, and the next probe starts a new worker. A worker that dies
 * {@value #MAX_FAILURES} times within {@link #FAILURE_WINDOW} is not restarted for {@link #COOL_DOWN}; meanwhile
 * everything goes through ffprobe. A probe that does not answer within the timeout kills the worker (native code
 * cannot be interrupted otherwise).
 *
 * <p><b>Crash-prone files.</b> The files a worker was reading when it crashed (or the one it hung on) are
 * remembered, up to {@value #MAX_SUSPECTS} of them, and from then on read by ffprobe only: a file that crashes
 * libavformat costs one worker, not one per scan. The innocent files that happened to be in flight with it are
 * merely read the slow way.
 *
 * <p><b>Never a wrong answer.</b> Both paths are mapped by the same code ({@link JaffreeMediaProber#toResult}) from
 * the same ffprobe-shaped data. A file libavformat cannot open here, or understands only partly (a stream whose
 * codec it does not know, a video stream without dimensions), goes to ffprobe too, which also gives the error
 * text for files neither can read.
 *
 * <p>Thread-safe. At most {@code 2 × workerThreads} probes are in flight in the worker at once (so its threads
 * never wait for the next request); callers beyond that wait here.
 */
final class LibavMediaProber implements ClosableProber {

    static final int MAX_FAILURES = 3;
    static final int MAX_SUSPECTS = 10_000;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(10);
    static final Duration COOL_DOWN = Duration.ofMinutes(10);
    private static final long START_TIMEOUT_MILLIS = 180_000;

    private static final Logger LOG = LoggerFactory.getLogger(LibavMediaProber.class);

    private final JaffreeMediaProber reference;
    private final List<String> command;
    private final Duration timeout;
    private final int inFlightLimit;
    private final Semaphore inFlight;
    private final List<Long> failures = new ArrayList<>();
    private final java.util.Set<Path> suspects = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicLong fastProbes = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong referenceProbes = new java.util.concurrent.atomic.AtomicLong();

    private final Duration idleStop;
    private final java.util.concurrent.ScheduledExecutorService idleCheck;
    private ProbeWorkerProcess worker;
    /** The start under way, or {@code null}. */
    private CompletableFuture<ProbeWorkerProcess> starting;
    private long lastUseNanos;
    private long disabledUntilNanos;
    private boolean closed;
    /** Why the fast path is not used (it cannot start here), or {@code null}. */
    private volatile String unavailable;

    /**
     * @param reference     the ffprobe path, for fallbacks; closed with this prober
     * @param workerClasspath the probe worker's jars
     * @param javaCacheDir  where JavaCPP unpacks the FFmpeg libraries (once)
     * @param workerThreads threads probing in the worker
     * @param timeout       per-probe timeout in the worker
     * @param idleStop      the worker ends after this long without probes (its memory goes back to the system);
     *                      the next probe starts it again
     */
    LibavMediaProber(JaffreeMediaProber reference, List<Path> workerClasspath, Path javaCacheDir, int workerThreads,
            Duration timeout, Duration idleStop) {
        this.reference = reference;
        this.timeout = timeout;
        this.idleStop = idleStop;
        this.idleCheck = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "omnilux-probe-worker-idle");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, idleStop.toMillis() / 2);
        idleCheck.scheduleWithFixedDelay(this::stopWhenIdle, period, period, TimeUnit.MILLISECONDS);
        this.inFlightLimit = 2 * workerThreads;
        this.inFlight = new Semaphore(inFlightLimit, true);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a small JVM: the work is native; serial GC and C1 only keep its footprint and start-up low
        cmd.addAll(List.of("-Xmx64m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData", "-Xshare:auto",
                "-Dorg.bytedeco.javacpp.cachedir=" + javaCacheDir,
                "-Dorg.bytedeco.javacpp.logger.debug=false",
                "-cp", String.join(File.pathSeparator, workerClasspath.stream().map(Path::toString).toList()),
                "org.omnilux.probeworker.ProbeWorker", "--threads", Integer.toString(workerThreads)));
        this.command = List.copyOf(cmd);
    }

    /**
     * Starts the worker if it is not running, and waits for it (probes never wait: see {@link #worker()}).
     *
     * @return {@code true} when the fast path runs; {@code false} when it cannot here (the reason is logged and
     *         every probe goes through ffprobe)
     */
    boolean start() {
        CompletableFuture<ProbeWorkerProcess> start;
        synchronized (this) {
            if (running()) {
                return true;
            }
            start = startInBackground();
        }
        try {
            return start != null && start.get() != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return false;
        }
    }

    /** @return the libavformat version of the running worker, or {@code null} */
    synchronized String libavformatVersion() {
        return worker == null ? null : worker.libavformatVersion();
    }

    /** @return the running worker's process id, or -1 (for tests of crash handling) */
    synchronized long workerPid() {
        return worker == null || !worker.isAlive() ? -1 : worker.pid();
    }

    /** @return why the fast path is not available, or {@code null} when it is */
    String unavailableReason() {
        return unavailable;
    }

    JaffreeMediaProber reference() {
        return reference;
    }

    @Override
    public synchronized void close() {
        closed = true;
        idleCheck.shutdownNow();
        if (worker != null) {
            worker.stop();
            worker = null;
        }
        reference.close();
    }

    @Override
    public ProbeResult probe(Path file) throws ProbeException {
        if (file == null) {
            throw new ProbeException("No file given");
        }
        Path path = file.toAbsolutePath();
        JaffreeMediaProber.checkReadable(path);
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException("Interrupted while waiting to probe " + path, e);
        }
        ProbeResult fast;
        try {
            fast = probeInWorker(path);
        } finally {
            inFlight.release();
        }
        if (fast != null) {
            fastProbes.incrementAndGet();
            return fast;
        }
        referenceProbes.incrementAndGet();
        return reference.probe(path);
    }

    /** @return how many probes libavformat answered */
    long fastProbes() {
        return fastProbes.get();
    }

    /** @return how many probes went to ffprobe (fallbacks, or the fast path being off) */
    long referenceProbes() {
        return referenceProbes.get();
    }

    private synchronized void stopWhenIdle() {
        if (worker != null && inFlight.availablePermits() == inFlightLimit
                && System.nanoTime() - lastUseNanos > idleStop.toNanos()) {
            LOG.debug("Stopping the idle probe worker");
            worker.stop();
            worker = null; // an idle stop is not a failure
        }
    }

    /** @return the worker's result, or {@code null} when this file is for ffprobe */
    private ProbeResult probeInWorker(Path path) throws ProbeException {
        if (suspects.contains(path)) {
            return null;
        }
        ProbeWorkerProcess w;
        synchronized (this) {
            w = worker();
            lastUseNanos = System.nanoTime();
        }
        if (w == null) {
            return null;
        }
        ProbeWorkerProcess.Answer answer;
        try {
            answer = w.submit(path).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("The probe worker did not answer within {} s for {}: it is restarted, the file read by ffprobe",
                    timeout.toSeconds(), path);
            suspect(path);
            w.kill("a probe timed out (" + path + ")");
            return null;
        } catch (ExecutionException e) {
            LOG.debug("Probe worker gone while reading {}: {}", path, e.getCause().getMessage());
            if (e.getCause() instanceof ProbeWorkerProcess.WorkerGone gone && gone.crashed()) {
                suspect(path);
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException("Interrupted while probing " + path, e);
        }
        if (answer.error() != null || answer.result() == null) {
            LOG.debug("libavformat cannot read {} ({}); asking ffprobe", path, answer.error());
            return null;
        }
        ProbeResult result;
        try {
            result = JaffreeMediaProber.toResult(new FFprobeResult(answer.result()), path);
        } catch (ProbeException | RuntimeException e) {
            LOG.debug("The probe worker's answer for {} is not usable ({}); asking ffprobe", path, e.getMessage());
            return null;
        }
        return isComplete(result) ? result : null;
    }

    private void suspect(Path path) {
        if (suspects.size() < MAX_SUSPECTS) {
            suspects.add(path);
        }
    }

    /** @return whether this file is read by ffprobe only, having been in the worker when it crashed or hung */
    boolean isSuspect(Path path) {
        return suspects.contains(path.toAbsolutePath());
    }

    /** A result with an unknown codec or a video stream without dimensions is partial: ffprobe decides. */
    static boolean isComplete(ProbeResult result) {
        for (VideoTrack v : result.video) {
            if (v.codec == null || v.codec.equals("unknown") || v.codec.equals("none") || v.width == null
                    || v.height == null) {
                return false;
            }
        }
        for (AudioTrack a : result.audio) {
            if (a.codec == null || a.codec.equals("unknown") || a.codec.equals("none")) {
                return false;
            }
        }
        return result.container != null;
    }

    /**
     * The running worker, or {@code null}: then this probe goes to ffprobe, and a worker is started in the
     * background unless the fast path is off. Probes never wait for a worker to start (the first start unpacks
     * the FFmpeg libraries and may take a while on a busy machine). Holds the lock.
     */
    private ProbeWorkerProcess worker() {
        if (running()) {
            return worker;
        }
        startInBackground();
        return null;
    }

    private boolean running() {
        return !closed && worker != null && worker.isAlive();
    }

    /** @return the start under way, or {@code null} when the fast path is off. Holds the lock. */
    private CompletableFuture<ProbeWorkerProcess> startInBackground() {
        if (closed || unavailable != null) {
            return null;
        }
        if (starting != null) {
            return starting;
        }
        long now = System.nanoTime();
        if (worker != null) {
            worker = null; // it died
            failed(now, "ended");
        }
        if (disabledUntilNanos != 0 && now - disabledUntilNanos < 0) {
            return null;
        }
        CompletableFuture<ProbeWorkerProcess> start = new CompletableFuture<>();
        starting = start;
        Thread thread = new Thread(() -> start.complete(startWorker()), "omnilux-probe-worker-start");
        thread.setDaemon(true);
        thread.start();
        return start;
    }

    /** Runs on the start thread. */
    private ProbeWorkerProcess startWorker() {
        ProbeWorkerProcess started = null;
        long t0 = System.nanoTime();
        try {
            started = ProbeWorkerProcess.start(command, START_TIMEOUT_MILLIS);
            LOG.info("Media probing backend: libavformat {} in the probe worker (pid {}, started in {} ms); ffprobe "
                    + "for what it cannot read", started.libavformatVersion(), started.pid(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        } catch (ProbeWorkerProcess.CannotRun e) {
            unavailable = e.getMessage();
            LOG.warn("Media probing backend: ffprobe only; the fast path cannot run here: {}", e.getMessage());
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("The probe worker could not be started ({}): files are read by ffprobe until it is",
                    e.getMessage());
            synchronized (this) {
                failed(System.nanoTime(), "could not be started");
            }
        }
        synchronized (this) {
            starting = null;
            if (closed && started != null) {
                started.stop();
                started = null;
            }
            worker = started;
        }
        return started;
    }

    /** Counts a dead or unstartable worker; one that keeps failing is rested. Holds the lock. */
    private void failed(long now, String what) {
        failures.add(now);
        failures.removeIf(t -> now - t > FAILURE_WINDOW.toNanos());
        if (failures.size() >= MAX_FAILURES) {
            failures.clear();
            disabledUntilNanos = now + COOL_DOWN.toNanos();
            LOG.warn("The probe worker {} {} times within {} min: files are read by ffprobe for the next {} min",
                    what, MAX_FAILURES, FAILURE_WINDOW.toMinutes(), COOL_DOWN.toMinutes());
        }
    }
}
