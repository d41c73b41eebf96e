package org.omnilux.core.internal.scanner;

import java.net.URI;
import java.nio.file.Path;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.omnilux.api.library.PluginInfo;
import org.omnilux.api.library.PluginService;
import org.omnilux.api.scanner.MediaScanner;
import org.omnilux.api.scanner.MediaTypeDescriptor;
import org.omnilux.api.scanner.ScannerDescriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Namespace;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scanners installed now, indexed by media type. Scanners come and go at any time (hot deploy); the
 * registry keeps nothing of a scanner after its unbind, and tells the listeners (the scan engine) so that
 * they stop using it.
 * <p>
 * {@link #plugins()} reports every bundle installed from the bundles folder (framework property
 * {@code omnilux.bundles.dir}) and every bundle that registers a scanner, with its state worked out at request time
 * from the framework (bundle state, wiring) and from DS ({@link ServiceComponentRuntime} DTOs): no thread, no
 * polling. Of a plugin the registry keeps only strings (the media types it last declared, why its scanner was
 * ignored), dropped when the bundle is uninstalled.
 */
@Component(service = {ScannerRegistry.class, PluginService.class})
public final class ScannerRegistry implements PluginService {
    private static final Logger LOG = LoggerFactory.getLogger(ScannerRegistry.class);

    /** A bound scanner and what it said about itself when bound or when its service properties last changed. */
    public record Entry(MediaScanner scanner, ScannerDescriptor descriptor, List<String> mediaTypes,
            String bundleId, String bundleName, String bundleVersion, long serviceId, int ranking) {
    }

    /** How long after a plugin is installed or updated DS may take to read its components. */
    static final long SCR_GRACE_MILLIS = 5_000;

    private final Object lock = new Object();
    /** in bind order; replaced, never mutated, so readers need no lock */
    private volatile List<Entry> entries = List.of();
    private final List<Consumer<MediaScanner>> removalListeners = new CopyOnWriteArrayList<>();
    /** media type → the plugin that served it last and left ("bundle version"): names it in messages; strings only */
    private final Map<String, String> departed = new ConcurrentHashMap<>();
    /** plugin id (symbolic name) to the media types its scanner declared when last bound */
    private final Map<String, List<String>> seenTypes = new ConcurrentHashMap<>();
    /** service id of a scanner that was bound but ignored to "bsn@version" and why */
    private final Map<Long, String[]> rejected = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServiceComponentRuntime scr;

    private volatile BundleContext context;
    private volatile Path bundlesDir;
    private final BundleListener forgetUninstalled = this::bundleChanged;

    public ScannerRegistry() {
    }

    @Activate
    void activate(BundleContext ctx) {
        String dir = ctx.getProperty("omnilux.bundles.dir");
        bundlesDir = dir == null || dir.isBlank() ? null : normalize(Path.of(dir));
        context = ctx;
        ctx.addBundleListener(forgetUninstalled);
    }

    @Deactivate
    void deactivate(BundleContext ctx) {
        ctx.removeBundleListener(forgetUninstalled);
        context = null;
    }

    private void bundleChanged(BundleEvent event) {
        if (event.getType() != BundleEvent.UNINSTALLED) {
            return;
        }
        String bsn = event.getBundle().getSymbolicName();
        BundleContext ctx = context;
        if (bsn == null || ctx == null) {
            return;
        }
        for (Bundle b : ctx.getBundles()) {
            if (bsn.equals(b.getSymbolicName()) && b.getState() != Bundle.UNINSTALLED) {
                return; // another version still there: keep what it declared
            }
        }
        seenTypes.remove(bsn);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeScanner", updated = "updateScanner")
    void addScanner(MediaScanner scanner, ServiceReference<?> ref) {
        Provider p = Provider.of(ref);
        add(scanner, p.bsn(), p.name(), p.version(), p.serviceId(), p.ranking());
    }

    /**
     * DS calls this when a bound scanner's service properties change, which it does after the scanner's
     * {@code @Modified} method (a component's configuration is part of its service properties): what the scanner
     * declares may have changed with its configuration.
     */
    void updateScanner(MediaScanner scanner, ServiceReference<?> ref) {
        Provider p = Provider.of(ref);
        update(scanner, p.bsn(), p.name(), p.version(), p.serviceId(), p.ranking());
    }

    /** Who registered a scanner service: its bundle and the service's id and ranking. */
    private record Provider(String bsn, String name, String version, long serviceId, int ranking) {
        static Provider of(ServiceReference<?> ref) {
            Bundle b = ref.getBundle();
            String bsn = b == null ? "unknown" : b.getSymbolicName();
            String name = b == null ? null : b.getHeaders().get(Constants.BUNDLE_NAME);
            Object id = ref.getProperty(Constants.SERVICE_ID);
            Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
            return new Provider(bsn, name == null ? bsn : name, b == null ? "0.0.0" : b.getVersion().toString(),
                    id instanceof Long l ? l : -1L, ranking instanceof Integer i ? i : 0);
        }
    }

    void removeScanner(MediaScanner scanner, ServiceReference<?> ref) {
        if (ref.getProperty(Constants.SERVICE_ID) instanceof Long id) {
            rejected.remove(id);
        }
        remove(scanner);
    }

    /** Binds a scanner; public for tests outside OSGi. */
    public void add(MediaScanner scanner, String bundleId, String bundleName, String bundleVersion, long serviceId,
            int ranking) {
        Entry e = describe(scanner, bundleId, bundleName, bundleVersion, serviceId, ranking);
        if (e == null) {
            return;
        }
        synchronized (lock) {
            List<Entry> next = new ArrayList<>(entries);
            next.add(e);
            entries = List.copyOf(next);
        }
        seenTypes.put(bundleId, e.mediaTypes());
        LOG.info("Scanner added: {} {} for {}", bundleId, bundleVersion, e.mediaTypes());
    }

    /**
     * Reads a bound scanner's descriptor again (its service properties changed) and puts what it declares now in
     * the place of what it declared before, keeping its place among the scanners; a scanner that now fails to
     * describe itself or declares no type is unbound. A scanner ignored so far is bound if it now describes
     * itself. Public for tests outside OSGi.
     */
    public void update(MediaScanner scanner, String bundleId, String bundleName, String bundleVersion,
            long serviceId, int ranking) {
        boolean bound = entries.stream().anyMatch(e -> e.scanner() == scanner);
        if (!bound) {
            if (rejected.remove(serviceId) != null) {
                add(scanner, bundleId, bundleName, bundleVersion, serviceId, ranking);
            }
            return;
        }
        Entry updated = describe(scanner, bundleId, bundleName, bundleVersion, serviceId, ranking);
        if (updated == null) {
            remove(scanner);
            return;
        }
        Entry before = null;
        synchronized (lock) {
            List<Entry> next = new ArrayList<>(entries);
            for (int i = 0; i < next.size(); i++) {
                if (next.get(i).scanner() == scanner) {
                    before = next.get(i);
                    next.set(i, updated);
                }
            }
            if (before == null) {
                return; // unbound meanwhile
            }
            entries = List.copyOf(next);
            recordDeparted(before, next);
        }
        seenTypes.put(bundleId, updated.mediaTypes());
        if (!before.mediaTypes().equals(updated.mediaTypes())
                || !extensionsOf(before.descriptor()).equals(extensionsOf(updated.descriptor()))) {
            LOG.info("Scanner updated: {} {} for {}, extensions {}", bundleId, bundleVersion, updated.mediaTypes(),
                    extensionsOf(updated.descriptor()));
        }
    }

    /** @return the scanner's entry, or {@code null} when it is to be ignored (why is kept in {@link #rejected}) */
    private Entry describe(MediaScanner scanner, String bundleId, String bundleName, String bundleVersion,
            long serviceId, int ranking) {
        ScannerDescriptor d;
        try {
            d = scanner.descriptor();
        } catch (RuntimeException e) {
            LOG.error("Scanner {} from {} failed to describe itself; ignored", scanner.getClass().getName(), bundleId, e);
            rejected.put(serviceId, new String[] {bundleId + "@" + bundleVersion,
                    "scanner " + scanner.getClass().getName() + " failed to describe itself: " + e});
            return null;
        }
        List<String> types = new ArrayList<>();
        if (d != null && d.mediaTypes != null) {
            for (MediaTypeDescriptor t : d.mediaTypes) {
                if (t != null && t.name != null && !t.name.isBlank()) {
                    types.add(t.name);
                }
            }
        }
        if (types.isEmpty()) {
            LOG.warn("Scanner {} from {} declares no media type; ignored", scanner.getClass().getName(), bundleId);
            rejected.put(serviceId, new String[] {bundleId + "@" + bundleVersion,
                    "scanner " + scanner.getClass().getName() + " declares no media type"});
            return null;
        }
        rejected.remove(serviceId);
        return new Entry(scanner, d, List.copyOf(types), bundleId, bundleName, bundleVersion, serviceId, ranking);
    }

    private static List<String> extensionsOf(ScannerDescriptor d) {
        if (d == null || d.extensions == null) {
            return List.of();
        }
        return d.extensions.stream().filter(x -> x != null && !x.isBlank()).distinct().toList();
    }

    /** Unbinds a scanner; public for tests outside OSGi. */
    public void remove(MediaScanner scanner) {
        boolean removed;
        synchronized (lock) {
            List<Entry> next = new ArrayList<>(entries);
            List<Entry> leaving = next.stream().filter(e -> e.scanner() == scanner).toList();
            removed = next.removeIf(e -> e.scanner() == scanner);
            entries = List.copyOf(next);
            leaving.forEach(e -> recordDeparted(e, next));
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

    /** Remembers the plugin of each type of {@code left} that no scanner of {@code remaining} serves now. */
    private void recordDeparted(Entry left, List<Entry> remaining) {
        for (String type : left.mediaTypes()) {
            if (remaining.stream().noneMatch(other -> other.mediaTypes().contains(type))) {
                departed.put(type, left.bundleId() + " " + left.bundleVersion());
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

    /**
     * @return the scanner for a media type: of each plugin its highest version only (while a new version replaces
     *         an old one both are bound for a moment, and the new one should serve), then the highest service
     *         ranking, then the earliest bound
     */
    public Optional<Entry> scannerFor(String mediaType) {
        Map<String, Entry> newestPerPlugin = new LinkedHashMap<>();
        Map<String, Long> firstBoundPerPlugin = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.mediaTypes().contains(mediaType)) {
                newestPerPlugin.merge(e.bundleId(), e, (a, b) -> version(b).compareTo(version(a)) > 0 ? b : a);
                firstBoundPerPlugin.merge(e.bundleId(), bindOrder(e), Math::min);
            }
        }
        // a plugin keeps its place among others when a new version of it replaces the old one
        return newestPerPlugin.values().stream()
                .max(Comparator.comparingInt(Entry::ranking).thenComparing(Comparator.comparingLong(
                        (Entry e) -> firstBoundPerPlugin.get(e.bundleId())).reversed()));
    }

    private static long bindOrder(Entry e) {
        return e.serviceId() < 0 ? Long.MAX_VALUE : e.serviceId();
    }

    /** @return the plugin ("bundle version") that served a media type no scanner serves now, if one left */
    public Optional<String> departedPluginFor(String mediaType) {
        return mediaType == null || isInstalled(mediaType) ? Optional.empty()
                : Optional.ofNullable(departed.get(mediaType));
    }

    private static org.osgi.framework.Version version(Entry e) {
        try {
            return org.osgi.framework.Version.parseVersion(e.bundleVersion());
        } catch (IllegalArgumentException ex) {
            return org.osgi.framework.Version.emptyVersion;
        }
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
        BundleContext ctx = context;
        Bundle[] bundles = null;
        if (ctx != null) {
            try {
                bundles = ctx.getBundles();
            } catch (IllegalStateException stopping) {
                bundles = null;
            }
        }
        if (bundles != null) {
            for (Bundle b : bundles) {
                String key = b.getSymbolicName() + "@" + b.getVersion();
                List<Entry> bound = byBundle.remove(key);
                if (bound == null && !isPlugin(b) && !hasRejected(key)) {
                    continue;
                }
                try {
                    out.add(PluginStates.map(facts(b, key, bound, bundles)));
                } catch (RuntimeException e) {
                    // the bundle went away while we looked at it
                    LOG.debug("Plugin {} changed while read", key, e);
                }
            }
        }
        // scanners bound outside the framework (tests) or from a bundle no longer listed
        for (List<Entry> group : byBundle.values()) {
            Entry first = group.get(0);
            out.add(new PluginInfo(first.bundleId(), first.bundleName(), first.bundleVersion(), typesOf(group),
                    PluginStates.ACTIVE, null, extensionsOf(group)));
        }
        out.sort(Comparator.comparing(PluginInfo::id).thenComparing(PluginInfo::version));
        return out;
    }

    private static List<String> typesOf(List<Entry> group) {
        Set<String> types = new LinkedHashSet<>();
        group.stream().map(Entry::mediaTypes).forEach(types::addAll);
        return List.copyOf(types);
    }

    private static List<String> extensionsOf(List<Entry> group) {
        Set<String> extensions = new LinkedHashSet<>();
        group.forEach(e -> extensions.addAll(extensionsOf(e.descriptor())));
        return List.copyOf(extensions);
    }

    private boolean hasRejected(String key) {
        return rejected.values().stream().anyMatch(r -> r[0].equals(key));
    }

    /** @return whether FileInstall installed the bundle from the bundles folder ({@code file:<path>} under it) */
    boolean isPlugin(Bundle b) {
        Path dir = bundlesDir;
        String location = b.getLocation();
        if (dir == null || location == null || !location.startsWith("file:") || b.getBundleId() == 0) {
            return false;
        }
        try {
            return normalize(Path.of(URI.create(location))).startsWith(dir);
        } catch (RuntimeException notAPath) {
            try {
                return normalize(Path.of(location.substring("file:".length()))).startsWith(dir);
            } catch (RuntimeException e) {
                return false;
            }
        }
    }

    private static Path normalize(Path p) {
        return p.toAbsolutePath().normalize();
    }

    private PluginStates.Facts facts(Bundle b, String key, List<Entry> bound, Bundle[] all) {
        String bsn = b.getSymbolicName();
        String id = bsn != null ? bsn : fileName(b.getLocation());
        String name = b.getHeaders().get(Constants.BUNDLE_NAME);
        int state = b.getState();
        BundleRevision revision = b.adapt(BundleRevision.class);
        boolean fragment = revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
        String missing = state == Bundle.INSTALLED && revision != null ? missingRequirement(revision, all) : null;
        String failure = null;
        String waiting = null;
        ServiceComponentRuntime runtime = scr;
        if (state == Bundle.ACTIVE && runtime != null && bound == null) {
            java.util.Collection<ComponentDescriptionDTO> descriptions = runtime.getComponentDescriptionDTOs(b);
            String declared = b.getHeaders().get("Service-Component");
            if (descriptions.isEmpty() && declared != null && !declared.isBlank()) {
                // SCR reads a started bundle's components asynchronously: only once it had its time does "none"
                // mean it dropped them (a component it cannot even load, say its class is missing, is only logged)
                if (System.currentTimeMillis() - b.getLastModified() < SCR_GRACE_MILLIS) {
                    waiting = "DS is loading its components";
                } else {
                    failure = "DS could not load its components (Service-Component: " + declared.strip()
                            + "): see the server log";
                }
            }
            for (ComponentDescriptionDTO d : descriptions) {
                if (!runtime.isComponentEnabled(d)) {
                    waiting = waiting != null ? waiting : "component " + d.name + " is disabled";
                    continue;
                }
                for (ComponentConfigurationDTO c : runtime.getComponentConfigurationDTOs(d)) {
                    if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION && failure == null) {
                        failure = "component " + d.name + ": " + PluginStates.summary(c.failure);
                    } else if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE && waiting == null) {
                        StringBuilder r = new StringBuilder("component " + d.name + " waits for");
                        for (UnsatisfiedReferenceDTO u : c.unsatisfiedReferences) {
                            r.append(' ').append(u.name).append(u.target == null ? "" : " " + u.target);
                        }
                        waiting = r.toString();
                    } else if (c.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION && waiting == null) {
                        waiting = "component " + d.name + " waits for its configuration";
                    }
                }
            }
        }
        String rejectedReason = null;
        for (String[] r : rejected.values()) {
            if (r[0].equals(key)) {
                rejectedReason = r[1];
                break;
            }
        }
        List<String> active = bound == null ? List.of() : typesOf(bound);
        return new PluginStates.Facts(id, name == null ? id : name, b.getVersion().toString(), state, fragment,
                active, seenTypes.getOrDefault(id, List.of()), missing, failure, rejectedReason, waiting,
                bound == null ? List.of() : extensionsOf(bound));
    }

    private static String fileName(String location) {
        if (location == null) {
            return "unknown";
        }
        int slash = location.lastIndexOf('/');
        return slash < 0 ? location : location.substring(slash + 1);
    }

    /**
     * The first mandatory, resolve-time requirement of a revision that no resolved bundle satisfies, as the
     * framework's resolver names it ({@code namespace; filter}); a requirement only unresolved bundles provide says
     * so. Reads the wiring only: it does not try to resolve or start anything.
     *
     * @return {@code null} when every requirement has a candidate (a uses or singleton conflict, or not tried yet)
     */
    static String missingRequirement(BundleRevision revision, Bundle[] all) {
        for (BundleRequirement req : revision.getDeclaredRequirements(null)) {
            Map<String, String> directives = req.getDirectives();
            if (Namespace.RESOLUTION_OPTIONAL.equals(directives.get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE))
                    || PackageNamespace.RESOLUTION_DYNAMIC.equals(directives.get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE))) {
                continue;
            }
            String effective = directives.get(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE);
            if (effective != null && !Namespace.EFFECTIVE_RESOLVE.equals(effective)) {
                continue;
            }
            String unresolvedProvider = null;
            boolean satisfied = false;
            for (Bundle other : all) {
                BundleRevision r = other.adapt(BundleRevision.class);
                if (r == null) {
                    continue;
                }
                for (BundleCapability cap : r.getDeclaredCapabilities(req.getNamespace())) {
                    if (req.matches(cap)) {
                        if (other.getState() != Bundle.INSTALLED && other.getState() != Bundle.UNINSTALLED
                                || r == revision) {
                            satisfied = true;
                            break;
                        }
                        unresolvedProvider = other.getSymbolicName() + " " + other.getVersion();
                    }
                }
                if (satisfied) {
                    break;
                }
            }
            if (!satisfied) {
                String filter = directives.get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
                String text = req.getNamespace() + "; " + (filter == null ? "" : filter);
                return unresolvedProvider == null ? text
                        : text + " (provided only by " + unresolvedProvider + ", which is not resolved)";
            }
        }
        return null;
    }

    /** @return a snapshot of the bound scanners */
    public Collection<Entry> entries() {
        return entries;
    }
}
