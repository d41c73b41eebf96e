package org.omnilux.core.internal.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.omnilux.api.probe.ProbeException;
import org.omnilux.api.probe.ProbeResult;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanException;
import org.omnilux.api.scanner.MediaScanner;
import org.omnilux.api.scanner.MediaTypeDescriptor;
import org.omnilux.api.scanner.MetadataField;
import org.omnilux.api.scanner.MetadataField.Type;
import org.omnilux.api.scanner.ScanContext;
import org.omnilux.api.scanner.ScannerDescriptor;

/**
 * A scanner for tests: accepts {@code .mkv}/{@code .mp4} files (and {@code .bad}, which fail; {@code .skip},
 * which are not library items), titles them after their file name and counts its calls.
 */
public class TestScanner implements MediaScanner {
    public final String mediaType;
    public final AtomicInteger recogniseCalls = new AtomicInteger();
    public final Map<Path, Integer> callsPerFile = new ConcurrentHashMap<>();
    /** extra behaviour per call, e.g. blocking for cancel tests */
    public volatile Function<ScanContext, MediaRecord> hook;

    public TestScanner(String mediaType) {
        this.mediaType = mediaType;
    }

    public static List<MetadataField> fields() {
        return List.of(MetadataField.of("overview", Type.STRING), MetadataField.of("genres", Type.STRING_LIST),
                MetadataField.of("tmdbId", Type.INTEGER), MetadataField.of("rating", Type.DECIMAL),
                MetadataField.of("airDate", Type.DATE), MetadataField.of("watched", Type.BOOLEAN),
                MetadataField.of("chapters", Type.OBJECT_LIST), MetadataField.of("posterUrl", Type.STRING));
    }

    @Override
    public ScannerDescriptor descriptor() {
        ScannerDescriptor d = new ScannerDescriptor();
        d.mediaTypes = new ArrayList<>(List.of(new MediaTypeDescriptor(mediaType, fields())));
        d.extensions = new ArrayList<>(List.of("mkv", "mp4"));
        return d;
    }

    @Override
    public boolean accepts(Path file, Path root) {
        String n = file.getFileName().toString();
        return n.endsWith(".mkv") || n.endsWith(".mp4") || n.endsWith(".bad") || n.endsWith(".skip");
    }

    @Override
    public Optional<MediaRecord> recognise(ScanContext context) throws MediaScanException {
        recogniseCalls.incrementAndGet();
        callsPerFile.merge(context.file(), 1, Integer::sum);
        String n = context.file().getFileName().toString();
        if (n.endsWith(".bad")) {
            throw new MediaScanException("cannot read " + n);
        }
        if (n.endsWith(".skip")) {
            return Optional.empty();
        }
        Function<ScanContext, MediaRecord> h = hook;
        if (h != null) {
            MediaRecord r = h.apply(context);
            if (r != null) {
                return Optional.of(r);
            }
        }
        MediaRecord r = new MediaRecord();
        r.title = n.substring(0, n.lastIndexOf('.'));
        r.year = 2001;
        r.metadata.put("overview", "Scanned overview of " + r.title);
        r.externalSubtitles = new ArrayList<>(context.externalSubtitles());
        try {
            ProbeResult probe = context.prober().probe(context.file());
            r.probe = probe;
        } catch (ProbeException e) {
            throw new MediaScanException("probe failed: " + e.getMessage(), e);
        }
        return Optional.of(r);
    }
}
