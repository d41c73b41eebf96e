package org.omnilux.probeworker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.Loader;

import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonParser;
import com.grack.nanojson.JsonParserException;
import com.grack.nanojson.JsonWriter;

/**
 * The probe worker process. Started by the core with {@code --threads N}; speaks JSON lines:
 * <ul>
 * <li>first it writes {@code {"ready":true,"libavformat":"…"}} once libavformat is loaded, or
 * {@code {"ready":false,"error":"…"}} and exits with status 3 when it cannot be (another CPU architecture, a
 * missing system library);</li>
 * <li>then each request line {@code {"id":7,"path":"/media/a.mkv"}} is answered, in any order, by
 * {@code {"id":7,"result":{…ffprobe JSON…}}} or {@code {"id":7,"error":"…"}}.</li>
 * </ul>
 * Requests are probed on N threads. When its input ends (the core closed it, or the core is gone) the worker
 * finishes what it has and exits, so it never outlives the server.
 */
public final class ProbeWorker {

    private final PrintStream out;
    private final ExecutorService pool;

    private ProbeWorker(PrintStream out, int threads) {
        this.out = out;
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "probe");
            t.setDaemon(true);
            return t;
        });
    }

    public static void main(String[] args) throws Exception {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--threads")) {
                threads = Math.max(1, Integer.parseInt(args[i + 1]));
            }
        }
        // stdout carries the protocol only: anything else that prints (JavaCPP's loader) goes to stderr
        PrintStream protocol = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        System.setOut(System.err);
        String version;
        try {
            Loader.load(avformat.class);
            avutil.av_log_set_level(avutil.AV_LOG_QUIET);
            int v = avformat.avformat_version();
            version = (v >> 16) + "." + ((v >> 8) & 0xff) + "." + (v & 0xff);
        } catch (Throwable e) {
            JsonObject notReady = new JsonObject();
            notReady.put("ready", false);
            notReady.put("error", "libavformat cannot be loaded: " + e);
            protocol.println(JsonWriter.string(notReady));
            protocol.flush();
            System.exit(3);
            return;
        }
        JsonObject ready = new JsonObject();
        ready.put("ready", true);
        ready.put("libavformat", version);
        protocol.println(JsonWriter.string(ready));
        protocol.flush();
        new ProbeWorker(protocol, threads).serve(System.in);
        System.exit(0);
    }

    private void serve(java.io.InputStream in) throws IOException, InterruptedException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null;) {
            if (line.isBlank()) {
                continue;
            }
            JsonObject request;
            try {
                request = JsonParser.object().from(line);
            } catch (JsonParserException e) {
                continue; // not ours to answer: the core only writes well-formed lines
            }
            long id = request.getLong("id");
            String path = request.getString("path");
            pool.execute(() -> answer(id, path));
        }
        // input ended: answer everything asked (the core, stopping us, waits only briefly before it kills us)
        pool.shutdown();
        pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    }

    private void answer(long id, String path) {
        JsonObject response = new JsonObject();
        response.put("id", id);
        try {
            response.put("result", AvProbe.probe(path));
        } catch (AvProbe.ProbeFailure e) {
            response.put("error", e.getMessage());
        } catch (RuntimeException | Error e) {
            response.put("error", "probe worker: " + e);
        }
        String line = JsonWriter.string(response);
        synchronized (out) {
            out.println(line);
            out.flush();
        }
        if (out.checkError()) {
            // the core is gone: nothing left to answer to
            System.exit(0);
        }
    }
}
