package org.omnilux.scanner.testkit;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.omnilux.api.probe.MediaProber;
import org.omnilux.api.probe.ProbeException;
import org.omnilux.api.probe.ProbeResult;

/** Stand-ins for the core's prober in tests. */
public final class TestProbers {

    /** The message of the exception {@link #notProbed()} throws. */
    public static final String NOT_PROBED = "not probed in conformance tests";

    private TestProbers() {
    }

    /** A prober that probes nothing: every call throws {@link ProbeException} ({@value #NOT_PROBED}). */
    public static MediaProber notProbed() {
        return file -> {
            throw new ProbeException(NOT_PROBED);
        };
    }

    /**
     * A prober that answers for the given files only (by absolute path) and throws {@link ProbeException} for
     * every other file, as the real one does for files that are not media. Every call for a file returns the
     * same result object.
     */
    public static MediaProber fixed(Map<Path, ProbeResult> results) {
        Map<Path, ProbeResult> byPath = new ConcurrentHashMap<>();
        results.forEach((path, result) -> byPath.put(path.toAbsolutePath().normalize(), result));
        return file -> {
            ProbeResult result = byPath.get(file.toAbsolutePath().normalize());
            if (result == null) {
                throw new ProbeException(NOT_PROBED + ": " + file.getFileName());
            }
            return result;
        };
    }
}
