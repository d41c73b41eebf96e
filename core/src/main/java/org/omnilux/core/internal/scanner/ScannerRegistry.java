package org.omnilux.core.internal.scanner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.omnilux.api.library.PluginInfo;
import org.omnilux.api.library.PluginService;
import org.omnilux.api.scanner.MediaScanner;
import org.omnilux.api.scanner.MediaTypeDescriptor;
import org.omnilux.api.scanner.ScannerDescriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scanners installed now, indexed by media type. Scanners come and go at any time (hot deploy); the
 * registry keeps nothing of a scanner after its unbind, and tells the listeners (the scan engine) so that
 * they stop using it.
 */
@Component(service = {ScannerRegistry.class, PluginService.class})
public final class ScannerRegistry implements PluginService {
    private static final Logger LOG = LoggerFactory.getLogger(ScannerRegistry.class);

    /** A bound scanner and what it said about itself when bound. */
    public record Entry(MediaScanner scanner, ScannerDescriptor descriptor, List<String> mediaTypes,
            String bundleId, String bundleName, String bundleVersion, long serviceId, int ranking) {
    }

    private final Object lock = new Object();
    /** in bind order; replaced, never mutated, so readers need no lock */
    private volatile List<Entry> entries = List.of();
    private final List<Consumer<MediaScanner>> removalListeners = new CopyOnWriteArrayList<>();

    public ScannerRegistry() {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeScanner")
    void addScanner(MediaScanner scanner, ServiceReference<?> ref) {
        Bundle b = ref.getBundle();
        String bsn = b == null ? "unknown" : b.getSymbolicName();
        String name = b == null ? null : b.getHeaders().get(Constants.BUNDLE_NAME);
        String version = b == null ? "0.0.0" : b.getVersion().toString();
        Object id = ref.getProperty(Constants.SERVICE_ID);
        Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
        add(scanner, bsn, name == null ? bsn : name, version, id instanceof Long l ? l : -1L,
                ranking instanceof Integer i ? i : 0);
    }

    void removeScanner(MediaScanner scanner, ServiceReference<?> ref) {
        remove(scanner);
    }

    /** Binds a scanner; public for tests outside OSGi. */
    public void add(MediaScanner scanner, String bundleId, String bundleName, String bundleVersion, long serviceId,
            int ranking) {
        ScannerDescriptor d;
        try {
            d = scanner.descriptor();
        } catch (RuntimeException e) {
            LOG.error("Scanner {} from {} failed to describe itself; ignored", scanner.getClass().getName(), bundleId, e);
            return;
        }
        if (d == null || d.mediaTypes == null || d.mediaTypes.isEmpty()) {
            LOG.warn("Scanner {} from {} declares no media type; ignored", scanner.getClass().getName(), bundleId);
            return;
        }
        List<String> types = new ArrayList<>();
        for (MediaTypeDescriptor t : d.mediaTypes) {
            if (t != null && t.name != null && !t.name.isBlank()) {
                types.add(t.name);
            }
        }
        Entry e = new Entry(scanner, d, List.copyOf(types), bundleId, bundleName, bundleVersion, serviceId, ranking);
        synchronized (lock) {
            List<Entry> next = new ArrayList<>(entries);
            next.add(e);
            entries = List.copyOf(next);
        }
        LOG.info("Scanner added: {} {} for {}", bundleId, bundleVersion, types);
    }

    /** Unbinds a scanner; public for tests outside OSGi. */
    public void remove(MediaScanner scanner) {
        boolean removed;
        synchronized (lock) {
            List<Entry> next = new ArrayList<>(entries);
            removed = next.removeIf(e -> e.scanner() == scanner);
            entries = List.copyOf(next);
        }
        if (removed) {
            LOG.info("Scanner removed: {}", scanner.getClass().getName());
            for (Consumer<MediaScanner> l : removalListeners) {
                try {
                    l.accept(scanner);
                } catch (RuntimeException ex) {
                    LOG.warn("A scanner removal listener failed", ex);
                }
            }
        }
    }

    /** The scan engine registers here to stop the work of a scanner that leaves. */
    public void addRemovalListener(Consumer<MediaScanner> listener) {
        removalListeners.add(listener);
    }

    public void removeRemovalListener(Consumer<MediaScanner> listener) {
        removalListeners.remove(listener);
    }

    /** @return the scanner for a media type: highest service ranking, then the earliest bound */
    public Optional<Entry> scannerFor(String mediaType) {
        return entries.stream().filter(e -> e.mediaTypes().contains(mediaType))
                .max(Comparator.comparingInt(Entry::ranking).thenComparing(Comparator.comparingLong(
                        (Entry e) -> e.serviceId() < 0 ? Long.MAX_VALUE : e.serviceId()).reversed()));
    }

    /** @return the descriptor of a media type from its current scanner */
    public Optional<MediaTypeDescriptor> descriptorFor(String mediaType) {
        return scannerFor(mediaType).flatMap(e -> e.descriptor().mediaTypes.stream()
                .filter(t -> t != null && mediaType.equals(t.name)).findFirst());
    }

    public boolean isInstalled(String mediaType) {
        return mediaType != null && scannerFor(mediaType).isPresent();
    }

    /** @return the installed media types, sorted */
    public Set<String> installedTypes() {
        Set<String> out = new TreeSet<>();
        for (Entry e : entries) {
            out.addAll(e.mediaTypes());
        }
        return out;
    }

    @Override
    public List<PluginInfo> plugins() {
        Map<String, List<Entry>> byBundle = new LinkedHashMap<>();
        for (Entry e : entries) {
            byBundle.computeIfAbsent(e.bundleId() + "@" + e.bundleVersion(), k -> new ArrayList<>()).add(e);
        }
        List<PluginInfo> out = new ArrayList<>();
        for (List<Entry> group : byBundle.values()) {
            Entry first = group.get(0);
            Set<String> types = new LinkedHashSet<>();
            group.stream().map(Entry::mediaTypes).forEach(types::addAll);
            out.add(new PluginInfo(first.bundleId(), first.bundleName(), first.bundleVersion(), List.copyOf(types),
                    "active"));
        }
        out.sort(Comparator.comparing(PluginInfo::id).thenComparing(PluginInfo::version));
        return out;
    }

    /** @return a snapshot of the bound scanners */
    public Collection<Entry> entries() {
        return entries;
    }
}
