package org.omnilux.core.internal.probe;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.omnilux.api.probe.AudioTrack;
import org.omnilux.api.probe.Chapter;
import org.omnilux.api.probe.MediaProber;
import org.omnilux.api.probe.ProbeException;
import org.omnilux.api.probe.ProbeResult;
import org.omnilux.api.probe.SubtitleTrack;
import org.omnilux.api.probe.VideoTrack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kokorin.jaffree.ffprobe.FFprobeResult;
import com.github.kokorin.jaffree.ffprobe.Format;
import com.github.kokorin.jaffree.ffprobe.Frame;
import com.github.kokorin.jaffree.ffprobe.FrameSubtitle;
import com.github.kokorin.jaffree.ffprobe.SideData;
import com.github.kokorin.jaffree.ffprobe.Stream;
import com.github.kokorin.jaffree.ffprobe.data.JsonFormatParser;
import com.github.kokorin.jaffree.ffprobe.data.ProbeData;

/**
 * {@link MediaProber} over the system {@code ffprobe}: the process is run here (see {@link #run}), its JSON is read
 * with Jaffree's parser and model ({@link FFprobeResult}).
 *
 * <p>At most {@code maxConcurrentProbes} ffprobe processes run at once (callers beyond that wait, interruptibly,
 * for a permit). Each probe has a deadline of {@code timeout}; past it the ffprobe process is destroyed and a
 * {@link ProbeException} thrown. The permit is held until the process is gone (or {@value #STOP_WAIT_MILLIS} ms
 * after it was told to stop), so the bound also holds for timed-out probes.
 *
 * <p>One probe runs {@code ffprobe -show_format -show_streams -show_chapters}. When a video stream is PQ (HDR10),
 * a second, short ffprobe run reads the first frame of that stream to look for HDR10+ dynamic metadata, which
 * ffprobe only reports as frame side data; a failure of that second run keeps the HDR10 result.
 *
 * <p>Thread-safe. Plain class: the core wires it (see {@link ProbeComponent}).
 */
public final class JaffreeMediaProber implements ClosableProber {

    /** How long a timed-out or interrupted probe waits for its ffprobe process to go away. */
    static final long STOP_WAIT_MILLIS = 5_000;

    /** Default per-probe timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(JaffreeMediaProber.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** ffprobe's JSON for one file is a few KB; this bound only stops a runaway process from filling the heap. */
    private static final int MAX_OUTPUT_BYTES = 64 << 20;
    private static final int MAX_ERROR_BYTES = 16 << 10;
    /**
     * Drains the stdout and stderr of the ffprobe processes (two threads per running probe, reused; idle ones end
     * after a minute). Owned by this prober and ended by {@link #close()}, so nothing outlives the core bundle.
     */
    private final ExecutorService io = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "omnilux-ffprobe-io-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    /** The ffprobe executable, or {@code null} to find {@code ffprobe} on the PATH. */
    private final Path executable;
    private final int maxConcurrentProbes;
    private final Semaphore permits;
    private final Duration timeout;

    /**
     * @param ffprobePath         directory holding {@code ffprobe}, or the ffprobe executable itself; {@code null}
     *                            to use {@code ffprobe} from the PATH
     * @param maxConcurrentProbes how many probes may run at once; {@code <= 0} means the number of processors
     * @param timeout             per-probe timeout; {@code null} means {@link #DEFAULT_TIMEOUT}
     */
    public JaffreeMediaProber(Path ffprobePath, int maxConcurrentProbes, Duration timeout) {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.executable = resolveExecutable(ffprobePath);
        this.maxConcurrentProbes = maxConcurrentProbes > 0 ? maxConcurrentProbes
                : Math.max(1, Runtime.getRuntime().availableProcessors());
        this.permits = new Semaphore(this.maxConcurrentProbes, true);
        this.timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /** @return the bound on concurrent probes actually used */
    public int maxConcurrentProbes() {
        return maxConcurrentProbes;
    }

    /** @return the per-probe timeout */
    public Duration timeout() {
        return timeout;
    }

    /** @return the ffprobe executable, or {@code null} when it is looked up on the PATH */
    public Path executable() {
        return executable;
    }

    /**
     * Ends the I/O threads once the probes running now are done; later probes are refused. Called when the
     * configuration replaces this prober and when the core stops.
     */
    @Override
    public void close() {
        io.shutdown();
    }

    @Override
    public ProbeResult probe(Path file) throws ProbeException {
        if (file == null) {
            throw new ProbeException("No file given");
        }
        Path path = file.toAbsolutePath();
        checkReadable(path);
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException("Interrupted while waiting to probe " + path, e);
        }
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            FFprobeResult raw = run(List.of("-show_format", "-show_streams", "-show_chapters", "-print_format", "json",
                    "-i", path.toString()), path, deadline);
            ProbeResult result;
            try {
                result = toResult(raw, path);
            } catch (RuntimeException e) {
                throw new ProbeException("Could not read what ffprobe said about " + path + ": " + e, e);
            }
            detectHdr10Plus(result, path, deadline);
            return result;
        } finally {
            permits.release();
        }
    }

    // ---- process ------------------------------------------------------------------------------------------

    /**
     * Runs ffprobe with {@code args} and returns what it printed, parsed by Jaffree's JSON parser.
     *
     * <p>The process is started and waited for here, not through Jaffree's {@code FFprobe.execute()}: Jaffree
     * 2023.09.10 waits for its stdout/stderr helper threads with a {@code sleep(100)} loop that always sleeps at
     * least once after the process has exited, which cost ~100 ms per probe while holding a permit (it halved the
     * throughput of a scan of small files), and it starts two new threads per process. Here the two streams are
     * drained on pooled threads and the caller waits for them with the probe's deadline: nothing polls, a timed
     * out or interrupted probe destroys its process.
     */
    private FFprobeResult run(List<String> args, Path file, long deadlineNanos) throws ProbeException {
        List<String> command = new ArrayList<>(args.size() + 4);
        command.add(executable == null ? "ffprobe" : executable.toString());
        command.add("-hide_banner");
        command.add("-loglevel");
        command.add("error");
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException | RuntimeException e) {
            throw startFailure(e);
        }
        Future<byte[]> stdout;
        Future<byte[]> stderr;
        try {
            closeQuietly(process.getOutputStream()); // ffprobe reads no input: it sees EOF at once
            stdout = io.submit(() -> read(process.getInputStream(), MAX_OUTPUT_BYTES, true));
            stderr = io.submit(() -> read(process.getErrorStream(), MAX_ERROR_BYTES, false));
        } catch (RuntimeException e) {
            stop(process);
            throw new ProbeException("Could not read the output of ffprobe on " + file + ": " + e, e);
        }
        byte[] out;
        byte[] err;
        int exit;
        try {
            out = stdout.get(remaining(deadlineNanos), TimeUnit.NANOSECONDS);
            err = stderr.get(remaining(deadlineNanos), TimeUnit.NANOSECONDS);
            // both pipes are closed: the process is exiting, this wait is short
            if (!process.waitFor(remaining(deadlineNanos), TimeUnit.NANOSECONDS)) {
                throw new TimeoutException();
            }
            exit = process.exitValue();
        } catch (TimeoutException e) {
            stop(process);
            throw new ProbeException("ffprobe timed out after " + timeout.toMillis() + " ms on " + file
                    + "; the process was stopped");
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new ProbeException("Interrupted while probing " + file, e);
        } catch (ExecutionException e) {
            stop(process);
            throw new ProbeException("Could not read the output of ffprobe on " + file + ": " + e.getCause(),
                    e.getCause());
        }
        if (exit != 0) {
            String details = errorText(err);
            throw new ProbeException("ffprobe cannot read " + file
                    + (details.isEmpty() ? ": it ended with exit code " + exit : ": " + details));
        }
        if (out.length == 0) {
            throw new ProbeException("ffprobe gave no result for " + file);
        }
        try {
            return new FFprobeResult(new JsonFormatParser().parse(new ByteArrayInputStream(out)));
        } catch (RuntimeException e) {
            throw new ProbeException("Could not read what ffprobe said about " + file + ": " + e, e);
        }
    }

    private static long remaining(long deadlineNanos) {
        return Math.max(0, deadlineNanos - System.nanoTime());
    }

    /**
     * Reads a stream to its end, keeping at most {@code limit} bytes.
     *
     * @param failWhenLonger whether more than {@code limit} bytes is an error (stdout) or just cut off (stderr)
     */
    private static byte[] read(InputStream in, int limit, boolean failWhenLonger) throws IOException {
        try (in) {
            ByteArrayOutputStream kept = new ByteArrayOutputStream(failWhenLonger ? 8192 : 256);
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0;) {
                int keep = Math.min(n, limit - kept.size());
                if (keep < n && failWhenLonger) {
                    throw new IOException("ffprobe printed more than " + limit + " bytes");
                }
                kept.write(buffer, 0, keep); // stderr past the limit is drained and dropped
            }
            return kept.toByteArray();
        }
    }

    /** libav's log prefix names the demuxer and a memory address: the address means nothing to a user. */
    private static final java.util.regex.Pattern LOG_CONTEXT_ADDRESS =
            java.util.regex.Pattern.compile("\\[([^\\]@]+?) @ 0x[0-9a-fA-F]+\\]");

    /** @return ffprobe's error lines, joined with "; " */
    private static String errorText(byte[] stderr) {
        return new String(stderr, StandardCharsets.UTF_8).lines()
                .map(line -> LOG_CONTEXT_ADDRESS.matcher(line).replaceAll("[$1]"))
                .map(String::trim)
                .filter(line -> !line.isEmpty())
                .collect(Collectors.joining("; "));
    }

    /**
     * Stops a process that timed out or whose probe was interrupted and waits, at most {@value #STOP_WAIT_MILLIS}
     * ms, for it to be gone: politely first (ffprobe ends on SIGTERM), then forcibly.
     */
    private static void stop(Process process) {
        process.destroy();
        boolean interrupted = Thread.interrupted();
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MILLIS);
        boolean forced = false;
        while (process.isAlive()) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                LOG.warn("ffprobe process {} did not stop within {} ms", process.pid(), STOP_WAIT_MILLIS);
                break;
            }
            if (!forced && left < TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MILLIS / 2)) {
                process.destroyForcibly();
                forced = true;
            }
            try {
                process.waitFor(Math.min(left, TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MILLIS / 2)),
                        TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        // the pipes: readers blocked on them end (a grandchild may still hold them; its reader is a daemon)
        closeQuietly(process.getInputStream());
        closeQuietly(process.getErrorStream());
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    private ProbeException startFailure(Exception e) {
        String where = executable == null ? "ffprobe on the PATH" : executable.toString();
        String message = String.valueOf(e.getMessage());
        if (message.contains("error=2,") || message.contains("No such file")) {
            return new ProbeException("ffprobe not found (" + where + "): " + message, e);
        }
        return new ProbeException("ffprobe cannot be started (" + where + "): " + message, e);
    }

    // ---- mapping ------------------------------------------------------------------------------------------

    /**
     * Maps ffprobe's JSON (from the system ffprobe, or the probe worker, which writes the same keys) to the
     * normalised result. A stream's {@code first_frame_side_data_list}, which only the probe worker writes (it
     * decodes the first frame of a PQ stream in the same pass), counts for the HDR format like stream side data.
     */
    static ProbeResult toResult(FFprobeResult raw, Path file) throws ProbeException {
        Format format = raw.getFormat();
        if (format == null || format.getFormatName() == null) {
            throw new ProbeException("ffprobe found no container format in " + file);
        }
        String formatName = format.getFormatName();
        if (formatName.equals("tty")) {
            throw new ProbeException("Not a media file (text): " + file);
        }
        ProbeData fd = format.getProbeData();
        ProbeResult result = new ProbeResult();
        result.container = ProbeNormalizer.container(formatName, file.getFileName().toString());
        result.durationSeconds = ProbeNormalizer.duration(string(fd, "duration"));
        result.bitRate = format.getBitRate();
        result.tags.putAll(ProbeNormalizer.tags(map(fd.getValue("tags"))));

        List<Stream> streams = raw.getStreams() == null ? List.of() : raw.getStreams();
        double longestStream = -1;
        double longestAudioVideo = -1;
        double longestOther = -1;
        Map<?, ?> firstAudioTags = null;
        for (int i = 0; i < streams.size(); i++) {
            Stream s = streams.get(i);
            ProbeData sd = s.getProbeData();
            int index = s.getIndex() != null ? s.getIndex() : i;
            Map<?, ?> tags = map(sd.getValue("tags"));
            Map<?, ?> disposition = map(sd.getValue("disposition"));
            String type = string(sd, "codec_type");
            if (type == null) {
                continue;
            }
            Double streamDuration = ProbeNormalizer.duration(string(sd, "duration"));
            if (streamDuration != null) {
                boolean audioVideo = type.equals("audio")
                        || type.equals("video") && !flag(disposition, "attached_pic");
                if (audioVideo) {
                    longestAudioVideo = Math.max(longestAudioVideo, streamDuration);
                } else {
                    longestOther = Math.max(longestOther, streamDuration);
                }
            }
            switch (type) {
                case "video": {
                    if (flag(disposition, "attached_pic") || flag(disposition, "timed_thumbnails")) {
                        continue; // cover art, not video
                    }
                    VideoTrack v = new VideoTrack();
                    v.index = index;
                    v.codec = ProbeNormalizer.videoCodec(s.getCodecName());
                    v.width = positive(s.getWidth());
                    v.height = positive(s.getHeight());
                    List<String> sideData = sideDataTypes(s.getSideDataList());
                    sideData.addAll(sideDataTypes(sd.getSubDataList("first_frame_side_data_list"),
                            d -> d.getString("side_data_type")));
                    v.hdrFormat = ProbeNormalizer.hdrFormat(s.getColorTransfer(), s.getCodecTagString(), sideData);
                    v.hdr = v.hdrFormat != null;
                    v.frameRate = ProbeNormalizer.frameRate(string(sd, "avg_frame_rate"), string(sd, "r_frame_rate"));
                    v.bitDepth = ProbeNormalizer.bitDepth(s.getBitsPerRawSample(), s.getPixFmt());
                    result.video.add(v);
                    break;
                }
                case "audio": {
                    if (result.audio.isEmpty()) {
                        firstAudioTags = tags;
                    }
                    AudioTrack a = new AudioTrack();
                    a.index = index;
                    a.codec = ProbeNormalizer.audioCodec(s.getCodecName());
                    a.language = ProbeNormalizer.language(ProbeNormalizer.tag(tags, "language"));
                    a.channels = positive(s.getChannels());
                    a.title = ProbeNormalizer.tag(tags, "title");
                    a.isDefault = flag(disposition, "default");
                    result.audio.add(a);
                    break;
                }
                case "subtitle": {
                    SubtitleTrack t = new SubtitleTrack();
                    t.index = index;
                    t.codec = ProbeNormalizer.subtitleCodec(s.getCodecName());
                    t.language = ProbeNormalizer.language(ProbeNormalizer.tag(tags, "language"));
                    t.title = ProbeNormalizer.tag(tags, "title");
                    t.forced = flag(disposition, "forced");
                    t.isDefault = flag(disposition, "default");
                    result.subtitle.add(t);
                    break;
                }
                default:
                    continue; // data, attachments (fonts)
            }
            if (streamDuration != null) {
                longestStream = Math.max(longestStream, streamDuration);
            }
        }
        if (result.video.isEmpty() && firstAudioTags != null) {
            // Ogg (Opus, Vorbis) keeps an audio file's comments on its stream, not the container: the file's tags
            // are the container's, completed by its audio stream's (never for video: those are track titles)
            ProbeNormalizer.tags(firstAudioTags).forEach(result.tags::putIfAbsent);
        }
        if (result.video.isEmpty() && result.audio.isEmpty()) {
            throw new ProbeException("No audio or video stream in " + file + " (format " + formatName + ")");
        }
        if (result.durationSeconds == null && longestStream >= 0) {
            result.durationSeconds = longestStream;
        }
        if (result.durationSeconds != null && longestAudioVideo >= 0
                && result.durationSeconds - longestAudioVideo > 1
                && longestOther >= result.durationSeconds - 0.5) {
            // the container's length is that of a chapter-title or subtitle track running past the sound and
            // picture (an audiobook whose last chapter was cut short): what plays is the audio and video, and the
            // bit rate ffprobe derived from the longer length is recomputed from it
            result.durationSeconds = longestAudioVideo;
            Long size = format.getSize();
            if (size != null && size > 0 && longestAudioVideo > 0) {
                result.bitRate = Math.round(size * 8 / longestAudioVideo);
            }
        }

        if (raw.getChapters() != null) {
            for (com.github.kokorin.jaffree.ffprobe.Chapter c : raw.getChapters()) {
                Chapter chapter = new Chapter();
                chapter.title = ProbeNormalizer.tag(map(c.getProbeData().getValue("tags")), "title");
                Double start = ProbeNormalizer.duration(string(c.getProbeData(), "start_time"));
                Double end = ProbeNormalizer.duration(string(c.getProbeData(), "end_time"));
                chapter.start = start == null ? 0 : start;
                chapter.end = end == null ? chapter.start : end;
                result.chapters.add(chapter);
            }
        }
        return result;
    }

    /** Reads the first frame of each PQ video stream: HDR10+ metadata is only visible as frame side data. */
    private void detectHdr10Plus(ProbeResult result, Path file, long deadlineNanos) {
        for (VideoTrack v : result.video) {
            if (!ProbeNormalizer.HDR10.equals(v.hdrFormat)) {
                continue;
            }
            if (deadlineNanos - System.nanoTime() <= 0) {
                return;
            }
            try {
                FFprobeResult frames = run(List.of("-select_streams", Integer.toString(v.index), "-show_frames",
                        "-read_intervals", "%+#1", "-print_format", "json", "-i", file.toString()), file, deadlineNanos);
                List<String> types = new ArrayList<>();
                if (frames.getFrames() != null) {
                    for (FrameSubtitle fs : frames.getFrames()) {
                        if (fs instanceof Frame) {
                            types.addAll(sideDataTypes(((Frame) fs).getSideDataList()));
                        }
                    }
                }
                String refined = ProbeNormalizer.hdrFormat("smpte2084", null, types);
                if (refined != null) {
                    v.hdrFormat = refined;
                }
            } catch (ProbeException | RuntimeException e) {
                LOG.debug("Could not read the first frame of stream {} of {}; keeping HDR10", v.index, file, e);
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    static void checkReadable(Path path) throws ProbeException {
        if (!Files.exists(path)) {
            throw new ProbeException("No such file: " + path);
        }
        if (!Files.isRegularFile(path)) {
            throw new ProbeException("Not a regular file: " + path);
        }
        if (!Files.isReadable(path)) {
            throw new ProbeException("File is not readable: " + path);
        }
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw new ProbeException("Cannot read the size of " + path + ": " + e.getMessage(), e);
        }
        if (size == 0) {
            throw new ProbeException("Empty file: " + path);
        }
    }

    /**
     * @param configured a directory holding {@code ffprobe}, the executable itself, or {@code null}
     * @return the executable, or {@code null} for the PATH
     */
    static Path resolveExecutable(Path configured) {
        if (configured == null || configured.toString().isBlank()) {
            return null;
        }
        if (Files.isDirectory(configured)) {
            Path exe = configured.resolve("ffprobe");
            Path windowsExe = configured.resolve("ffprobe.exe");
            return !Files.exists(exe) && Files.exists(windowsExe) ? windowsExe : exe;
        }
        return configured;
    }

    private static List<String> sideDataTypes(List<SideData> sideData) {
        return sideDataTypes(sideData, SideData::getSideDataType);
    }

    private static <T> List<String> sideDataTypes(List<T> sideData, java.util.function.Function<T, String> type) {
        List<String> types = new ArrayList<>();
        if (sideData != null) {
            for (T d : sideData) {
                String t = d == null ? null : type.apply(d);
                if (t != null) {
                    types.add(t);
                }
            }
        }
        return types;
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map ? (Map<?, ?>) value : null;
    }

    private static String string(ProbeData data, String key) {
        Object value = data == null ? null : data.getValue(key);
        return value == null ? null : value.toString();
    }

    private static boolean flag(Map<?, ?> disposition, String name) {
        if (disposition == null) {
            return false;
        }
        Object value = disposition.get(name);
        if (value instanceof Number) {
            return ((Number) value).intValue() != 0;
        }
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        return value != null && (value.toString().equals("1") || value.toString().equalsIgnoreCase("true"));
    }

    private static Integer positive(Integer value) {
        return value != null && value > 0 ? value : null;
    }
}
