package org.omnilux.core.internal.probe;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kokorin.jaffree.ffprobe.data.JsonFormatParser;
import com.github.kokorin.jaffree.ffprobe.data.ProbeData;
import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonWriter;

/**
 * One running probe worker: the child JVM of {@code omnilux-probe-worker} that reads files through libavformat
 * (see that module). Requests are JSON lines on its stdin, answers JSON lines on its stdout, matched by id; a
 * reader thread completes the waiting futures. When the process ends — it crashed, was killed, or was told to
 * stop — every request still waiting completes exceptionally with {@link WorkerGone}, so callers fall back at once.
 *
 * <p>Started by {@link #start}, which waits for the worker's {@code ready} line: a worker that cannot load
 * libavformat says so and exits, and {@link #start} throws with its reason.
 */
final class ProbeWorkerProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeWorkerProcess.class);

    /** A request whose worker is gone before it answered. */
    static final class WorkerGone extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean crashed;

        WorkerGone(String message, boolean crashed) {
            super(message);
            this.crashed = crashed;
        }

        /** @return whether the worker ended by itself (a crash), rather than being stopped or killed by the core */
        boolean crashed() {
            return crashed;
        }
    }

    /** The worker says it cannot run here (libavformat does not load), or ends before it is ready: for good. */
    static final class CannotRun extends IOException {
        private static final long serialVersionUID = 1L;

        CannotRun(String message) {
            super(message);
        }
    }

    /** The worker's answer to one request: ffprobe-shaped data, or libav's reason it could not read the file. */
    record Answer(ProbeData result, String error) {
    }

    private final Process process;
    private final OutputStream stdin;
    private final Map<Long, CompletableFuture<Answer>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final String libavformatVersion;
    private volatile String goneReason;
    private volatile boolean crashed;

    private ProbeWorkerProcess(Process process, String libavformatVersion) {
        this.process = process;
        this.stdin = process.getOutputStream();
        this.libavformatVersion = libavformatVersion;
    }

    /**
     * @param command the worker's command line ({@code java … org.omnilux.probeworker.ProbeWorker --threads N})
     * @param startTimeoutMillis how long the worker may take to load libavformat
     */
    static ProbeWorkerProcess start(List<String> command, long startTimeoutMillis) throws IOException {
        Process process = new ProcessBuilder(command).start();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread stderr = new Thread(() -> logErrors(process), "omnilux-probe-worker-stderr");
        stderr.setDaemon(true);
        stderr.start();
        CompletableFuture<String> readyLine = CompletableFuture.supplyAsync(() -> {
            try {
                return stdout.readLine();
            } catch (IOException e) {
                return null;
            }
        }, runnable -> {
            Thread t = new Thread(runnable, "omnilux-probe-worker-start");
            t.setDaemon(true);
            t.start();
        });
        String line;
        try {
            line = readyLine.get(startTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("the probe worker did not start within " + startTimeoutMillis + " ms", e);
        }
        ProbeData ready = line == null ? null : parse(line);
        // (Jaffree's getBoolean expects ffprobe's 0/1: read the JSON boolean as it is)
        if (ready == null || !"true".equals(String.valueOf(ready.getValue("ready")))) {
            process.destroyForcibly();
            String reason = ready == null ? "it ended before it was ready" : ready.getString("error");
            throw new CannotRun("the probe worker cannot run: " + reason);
        }
        ProbeWorkerProcess worker = new ProbeWorkerProcess(process, ready.getString("libavformat"));
        Thread reader = new Thread(() -> worker.readAnswers(stdout), "omnilux-probe-worker-reader");
        reader.setDaemon(true);
        reader.start();
        return worker;
    }

    String libavformatVersion() {
        return libavformatVersion;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return goneReason == null && process.isAlive();
    }

    /** Sends one request; the future completes with the answer, or with {@link WorkerGone}. */
    CompletableFuture<Answer> submit(Path file) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        String reason = goneReason;
        if (reason != null) {
            answer.completeExceptionally(new WorkerGone(reason, crashed));
            return answer;
        }
        long id = ids.incrementAndGet();
        pending.put(id, answer);
        JsonObject request = new JsonObject();
        request.put("id", id);
        request.put("path", file.toString());
        byte[] line = (JsonWriter.string(request) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            synchronized (stdin) {
                stdin.write(line);
                stdin.flush();
            }
        } catch (IOException e) {
            gone("the probe worker stopped reading: " + e.getMessage());
        }
        if (goneReason != null) {
            // it may have gone between the check above and put(): make sure this request is not left waiting
            failPending(goneReason);
        }
        return answer;
    }

    /** Ends the worker: politely (closing its input ends it once in-flight probes are answered), then by force. */
    void stop() {
        gone("the probe worker was stopped");
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the worker at once (a request hung in native code); everything waiting falls back. */
    void kill(String reason) {
        gone(reason);
        process.destroyForcibly();
    }

    private void readAnswers(BufferedReader stdout) {
        try {
            for (String line; (line = stdout.readLine()) != null;) {
                ProbeData answer = parse(line);
                Long id = answer == null ? null : answer.getLong("id");
                CompletableFuture<Answer> waiting = id == null ? null : pending.remove(id);
                if (waiting != null) {
                    waiting.complete(new Answer(answer.getSubData("result"), answer.getString("error")));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Reading the probe worker's answers failed", e);
        }
        String reason = goneReason;
        if (reason == null) {
            int exit = exitCode();
            reason = "the probe worker ended unexpectedly" + (exit == Integer.MIN_VALUE ? "" : " (exit status " + exit
                    + (exit > 128 ? ", signal " + (exit - 128) : "") + ")");
            LOG.warn("{} with {} probes in flight; they are read by ffprobe instead", reason, pending.size());
            crashed = true;
        }
        gone(reason);
    }

    private int exitCode() {
        try {
            return process.waitFor(1, TimeUnit.SECONDS) ? process.exitValue() : Integer.MIN_VALUE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Integer.MIN_VALUE;
        }
    }

    private void gone(String reason) {
        if (goneReason == null) {
            goneReason = reason;
        }
        failPending(goneReason);
    }

    private void failPending(String reason) {
        for (Long id : new ArrayList<>(pending.keySet())) {
            CompletableFuture<Answer> waiting = pending.remove(id);
            if (waiting != null) {
                waiting.completeExceptionally(new WorkerGone(reason, crashed));
            }
        }
    }

    private static ProbeData parse(String line) {
        try {
            return new JsonFormatParser().parse(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            LOG.debug("Unreadable line from the probe worker: {}", line, e);
            return null;
        }
    }

    /** The worker's stderr (JavaCPP's loader, a JVM crash report's summary) goes to the log. */
    private static void logErrors(Process process) {
        try (BufferedReader err = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = err.readLine()) != null;) {
                if (!line.isBlank()) {
                    LOG.info("probe worker: {}", line);
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }
}
