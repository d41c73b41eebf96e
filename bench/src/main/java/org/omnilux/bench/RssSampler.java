package org.omnilux.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples VmRSS of a process from /proc every 100 ms and keeps the peak, alone and with its live child processes
 * (the probe worker, ffprobes); keeps the last CPU time seen of each child (a live child's CPU is not yet in the
 * parent's reaped-children counters). Also reads the kernel's VmHWM.
 */
final class RssSampler implements AutoCloseable {
    private final long pid;
    private final Thread thread;
    private volatile boolean stop;
    private volatile long peakKb;
    private volatile long peakTotalKb;
    private final java.util.Map<Long, Double> childCpu = new java.util.concurrent.ConcurrentHashMap<>();

    RssSampler(long pid) {
        this.pid = pid;
        this.thread = new Thread(this::loop, "rss-sampler-" + pid);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (!stop) {
            long kb = field(pid, "VmRSS:");
            if (kb > peakKb) {
                peakKb = kb;
            }
            long total = kb;
            for (ProcessHandle child : ProcessHandle.of(pid).map(p -> p.descendants().toList())
                    .orElse(java.util.List.of())) {
                total += field(child.pid(), "VmRSS:");
                double[] cpu = cpuSeconds(child.pid());
                if (cpu[0] > 0) {
                    childCpu.put(child.pid(), cpu[0]);
                }
            }
            if (total > peakTotalKb) {
                peakTotalKb = total;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** @return the highest VmRSS sampled, in MB */
    double peakMb() {
        return peakKb / 1024.0;
    }

    /** @return the highest sum of VmRSS of the process and its live children, in MB */
    double peakWithChildrenMb() {
        return peakTotalKb / 1024.0;
    }

    /** @return CPU seconds of the live children seen (e.g. the probe worker) */
    double liveChildrenCpuSeconds() {
        return childCpu.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** @return the kernel's high-water mark of the resident set over the life of the process, in MB */
    static double highWaterMb(long pid) {
        return field(pid, "VmHWM:") / 1024.0;
    }

    static long field(long pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone
        }
        return 0;
    }

    /**
     * @return CPU seconds of the process: {@code [own user+system, reaped children user+system]} from
     *         /proc/&lt;pid&gt;/stat (the children are the ffprobe processes)
     */
    static double[] cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14-17 of stat (utime stime cutime cstime) are 11-14 after the command name and state
            double tick = 100.0; // USER_HZ on Linux
            return new double[] {(Long.parseLong(f[11]) + Long.parseLong(f[12])) / tick,
                    (Long.parseLong(f[13]) + Long.parseLong(f[14])) / tick};
        } catch (IOException | RuntimeException e) {
            return new double[] {0, 0};
        }
    }

    /**
     * CPU seconds of each live thread of a process so far, by thread name without its trailing number ({@code
     * omnilux-scan-worker-}, {@code C1 CompilerThre}); Linux truncates the names to 15 characters.
     */
    static java.util.Map<String, Double> cpuSecondsByThread(long pid) {
        java.util.Map<String, Double> out = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+$", "");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        return out;
    }

    /** What each thread name spent between two {@link #cpuSecondsByThread} readings, in ms per file, largest first. */
    static String perFile(java.util.Map<String, Double> before, java.util.Map<String, Double> after, int files) {
        StringBuilder sb = new StringBuilder();
        after.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0.0)) * 1000 / files))
                .filter(e -> e.getValue() >= 0.005)
                .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sb.append(String.format(java.util.Locale.ROOT, " %s %.3f;", e.getKey(), e.getValue())));
        return sb.toString();
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.interrupt();
        thread.join();
    }
}
