package org.omnilux.core.internal.scanner;

import java.util.List;

import org.omnilux.api.library.PluginInfo;
import org.osgi.framework.Bundle;

/**
 * Maps what is known of a plugin bundle (plain values, no OSGi objects) to the state {@code /api/plugins} reports.
 * Pure: no framework needed, so the mapping is unit-tested on its own.
 */
public final class PluginStates {
    public static final String ACTIVE = "active";
    public static final String RESOLVING = "resolving";
    public static final String STARTING = "starting";
    public static final String STOPPING = "stopping";
    public static final String STOPPED = "stopped";
    public static final String FAILED_TO_RESOLVE = "failed to resolve";
    public static final String FAILED_TO_ACTIVATE = "failed to activate";
    public static final String NO_SCANNER = "no scanner";

    /** Longest reason reported; a failure text can be a whole stack trace. */
    static final int MAX_REASON = 1000;

    /**
     * What is known of one plugin bundle.
     *
     * @param bundleState the {@link Bundle#getState()} constant
     * @param activeTypes the media types of its bound scanners (empty: none bound)
     * @param seenTypes the media types its scanner declared when last seen, else empty
     * @param missingRequirement a mandatory requirement no resolved bundle provides, or {@code null}
     * @param activationFailure the failure of one of its DS components, or {@code null}
     * @param scannerRejected why its registered scanner was ignored, or {@code null}
     * @param noScannerDetail what its DS components wait for, or {@code null}
     * @param activeExtensions the file name extensions its bound scanners declare now
     */
    public record Facts(String id, String name, String version, int bundleState, boolean fragment,
            List<String> activeTypes, List<String> seenTypes, String missingRequirement, String activationFailure,
            String scannerRejected, String noScannerDetail, List<String> activeExtensions) {

        /** Facts of a plugin whose scanners declare no extension. */
        public Facts(String id, String name, String version, int bundleState, boolean fragment,
                List<String> activeTypes, List<String> seenTypes, String missingRequirement,
                String activationFailure, String scannerRejected, String noScannerDetail) {
            this(id, name, version, bundleState, fragment, activeTypes, seenTypes, missingRequirement,
                    activationFailure, scannerRejected, noScannerDetail, List.of());
        }
    }

    private PluginStates() {
    }

    public static PluginInfo map(Facts f) {
        List<String> seen = f.seenTypes() == null ? List.of() : List.copyOf(f.seenTypes());
        if (f.activeTypes() != null && !f.activeTypes().isEmpty()) {
            return info(f, List.copyOf(f.activeTypes()), ACTIVE, null);
        }
        switch (f.bundleState()) {
            case Bundle.INSTALLED:
                return info(f, seen, FAILED_TO_RESOLVE, f.missingRequirement() != null
                        ? "missing requirement " + f.missingRequirement()
                        : "the framework cannot resolve the bundle (no missing requirement found: a uses or singleton conflict?)");
            case Bundle.RESOLVED:
                if (f.fragment()) {
                    return info(f, seen, NO_SCANNER, "a fragment registers no scanner itself");
                }
                return info(f, seen, STOPPED, "resolved but not started");
            case Bundle.STARTING:
                return info(f, seen, STARTING, "the bundle is starting");
            case Bundle.STOPPING:
                return info(f, seen, STOPPING, "the bundle is stopping");
            case Bundle.ACTIVE:
                if (f.activationFailure() != null) {
                    return info(f, seen, FAILED_TO_ACTIVATE, f.activationFailure());
                }
                if (f.scannerRejected() != null) {
                    return info(f, seen, FAILED_TO_ACTIVATE, f.scannerRejected());
                }
                return info(f, seen, NO_SCANNER, f.noScannerDetail() != null ? f.noScannerDetail()
                        : "the bundle registers no MediaScanner service");
            default:
                // UNINSTALLED: it is going away
                return info(f, seen, STOPPING, "the bundle is being uninstalled");
        }
    }

    private static PluginInfo info(Facts f, List<String> types, String state, String reason) {
        // extensions are those of bound scanners: a plugin that is not active declares none now
        List<String> extensions = ACTIVE.equals(state) && f.activeExtensions() != null
                ? List.copyOf(f.activeExtensions()) : List.of();
        return new PluginInfo(f.id(), f.name() == null ? f.id() : f.name(), f.version(), types, state,
                truncate(reason), extensions);
    }

    static String truncate(String reason) {
        if (reason == null) {
            return null;
        }
        String r = reason.strip();
        return r.length() <= MAX_REASON ? r : r.substring(0, MAX_REASON - 1) + "…";
    }

    /**
     * A failure text (a stack trace) in one line: its first line (the exception and its message) and, when there is
     * one, the root cause ({@code Caused by:} last in the text).
     */
    static String summary(String failure) {
        String first = firstLine(failure);
        if (first == null) {
            return null;
        }
        String cause = null;
        for (String line : failure.split("\\R")) {
            String l = line.strip();
            if (l.startsWith("Caused by:")) {
                cause = l.substring("Caused by:".length()).strip();
            }
        }
        return cause == null || cause.equals(first) ? first : first + " (caused by " + cause + ")";
    }

    /** The first line of a failure text (a stack trace): the exception and its message. */
    static String firstLine(String failure) {
        if (failure == null) {
            return null;
        }
        String s = failure.strip();
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
