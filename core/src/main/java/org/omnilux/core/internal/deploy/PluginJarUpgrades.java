package org.omnilux.core.internal.deploy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One jar per plugin in the bundles folder: a plugin upgraded by dropping its new version under a new file name
 * replaces the old one.
 * <p>
 * FileInstall installs a jar whose symbolic name is already installed with another version as a <em>second</em>
 * bundle, and the scanner registry would go on using the older scanner beside it. When a jar of the folder is
 * installed or updated, this component keeps, per symbolic name, the jar with the highest version and renames every
 * jar of that name with a lower version to {@code <name>.replaced}, which FileInstall's filter no longer
 * matches: FileInstall sees the jar go and uninstalls and refreshes its bundle the usual way, and the old jar stays on
 * disk for a rollback. A jar is only retired once the jar that replaces it is installed, so a new version that cannot
 * even be installed leaves the old one running. Renaming rather than uninstalling keeps FileInstall the one owner of
 * the bundles it installed, and the rule holds across restarts: the same folder always yields the same plugins.
 * <p>
 * Two jars of the same name <em>and</em> version are left alone, with a warning: FileInstall runs one bundle for both
 * (it updates the bundle from the second jar) and uninstalls it when either jar goes, and after that it ignores the
 * other jar until it is deleted and dropped again; renaming either would take the plugin away.
 * <p>
 * Runs on the framework's event thread (an asynchronous bundle listener); holds no bundle or plugin object.
 */
@Component(immediate = true, service = {})
public final class PluginJarUpgrades {
    private static final Logger LOG = LoggerFactory.getLogger(PluginJarUpgrades.class);

    /** Appended to a replaced jar's name: no longer {@code *.jar}, so FileInstall lets it go. */
    public static final String REPLACED_SUFFIX = ".replaced";

    private final Path bundlesDir;
    private final BundleContext context;
    private final BundleListener listener = this::bundleChanged;

    @Activate
    public PluginJarUpgrades(BundleContext context) {
        this.context = context;
        String dir = context.getProperty("omnilux.bundles.dir");
        this.bundlesDir = dir == null || dir.isBlank() ? null : Path.of(dir).toAbsolutePath().normalize();
        if (bundlesDir != null) {
            context.addBundleListener(listener);
            // jars installed before this component came up (at start, FileInstall installs every jar of the folder)
            retireReplacedJars();
        }
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(listener);
    }

    private void bundleChanged(BundleEvent event) {
        int type = event.getType();
        if ((type == BundleEvent.INSTALLED || type == BundleEvent.UPDATED)
                && inBundlesDir(event.getBundle().getLocation())) {
            retireReplacedJars();
        }
    }

    /** Renames the jars that a higher version of the same plugin, installed now, replaces. */
    synchronized void retireReplacedJars() {
        List<PluginJar> jars = pluginJars(bundlesDir);
        for (PluginJar old : replaced(jars, this::isInstalled)) {
            PluginJar kept = jars.stream().filter(j -> j.symbolicName().equals(old.symbolicName()))
                    .min(PluginJar.PREFERRED).orElseThrow();
            Path target = old.file().resolveSibling(old.file().getFileName() + REPLACED_SUFFIX);
            try {
                Files.move(old.file(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("Plugin {} {} ({}) replaces {} ({}); the old jar is kept as {}", old.symbolicName(),
                        kept.version(), kept.file().getFileName(), old.version(), old.file().getFileName(),
                        target.getFileName());
            } catch (IOException e) {
                LOG.warn("Plugin {} {} ({}) replaces {} ({}), but the old jar cannot be renamed: {}. Delete it, or both "
                        + "versions stay installed", old.symbolicName(), kept.version(), kept.file().getFileName(),
                        old.version(), old.file().getFileName(), e.toString());
            }
        }
        warnAboutSameVersionJars(jars);
    }

    private static void warnAboutSameVersionJars(List<PluginJar> jars) {
        Map<String, List<String>> byNameAndVersion = new LinkedHashMap<>();
        for (PluginJar j : jars) {
            byNameAndVersion.computeIfAbsent(j.symbolicName() + " " + j.version(), k -> new ArrayList<>())
                    .add(j.file().getFileName().toString());
        }
        byNameAndVersion.forEach((plugin, files) -> {
            if (files.size() > 1) {
                LOG.warn("Plugin {} is in {} jars of the bundles folder: {}. They share one bundle, which goes when "
                        + "any of them is deleted: keep one", plugin, files.size(), files);
            }
        });
    }

    /**
     * @param installed whether a bundle of that symbolic name and version is installed
     * @return the jars to retire: per symbolic name, those with a lower version than the highest, provided the highest
     *         is installed
     */
    static List<PluginJar> replaced(List<PluginJar> jars, BiPredicate<String, Version> installed) {
        Map<String, List<PluginJar>> byName = new LinkedHashMap<>();
        for (PluginJar j : jars) {
            byName.computeIfAbsent(j.symbolicName(), k -> new ArrayList<>()).add(j);
        }
        List<PluginJar> out = new ArrayList<>();
        for (List<PluginJar> group : byName.values()) {
            if (group.size() < 2) {
                continue;
            }
            group.sort(PluginJar.PREFERRED);
            PluginJar kept = group.get(0);
            if (installed.test(kept.symbolicName(), kept.version())) {
                group.stream().filter(j -> j.version().compareTo(kept.version()) < 0).forEach(out::add);
            }
        }
        return out;
    }

    private boolean isInstalled(String symbolicName, Version version) {
        Bundle[] bundles;
        try {
            bundles = context.getBundles();
        } catch (IllegalStateException stopping) {
            return false;
        }
        for (Bundle b : bundles) {
            if (symbolicName.equals(b.getSymbolicName()) && version.equals(b.getVersion())
                    && b.getState() != Bundle.UNINSTALLED) {
                return true;
            }
        }
        return false;
    }

    private boolean inBundlesDir(String location) {
        if (location == null || !location.startsWith("file:")) {
            return false;
        }
        try {
            return Path.of(URI.create(location)).toAbsolutePath().normalize().startsWith(bundlesDir);
        } catch (RuntimeException notAFileUri) {
            return false;
        }
    }

    /** A jar of the bundles folder and the plugin it carries. */
    record PluginJar(Path file, String symbolicName, Version version, long modified) {
        /** Highest version first, then the newest file, then by name: the order is stable. */
        static final Comparator<PluginJar> PREFERRED = Comparator.comparing(PluginJar::version).reversed()
                .thenComparing(Comparator.comparingLong(PluginJar::modified).reversed())
                .thenComparing(j -> j.file().getFileName().toString());
    }

    /**
     * @return the {@code *.jar} files directly in the folder (what FileInstall's filter takes) that carry a bundle
     *         symbolic name; unreadable ones (half copied) are left to the next event
     */
    static List<PluginJar> pluginJars(Path dir) {
        List<PluginJar> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path f : files) {
                if (!Files.isRegularFile(f)) {
                    continue;
                }
                try (JarFile jar = new JarFile(f.toFile(), false)) {
                    Manifest m = jar.getManifest();
                    Attributes a = m == null ? null : m.getMainAttributes();
                    String bsn = a == null ? null : a.getValue(Constants.BUNDLE_SYMBOLICNAME);
                    if (bsn == null || bsn.isBlank()) {
                        continue;
                    }
                    int semicolon = bsn.indexOf(';');
                    String name = (semicolon < 0 ? bsn : bsn.substring(0, semicolon)).strip();
                    String v = a.getValue(Constants.BUNDLE_VERSION);
                    Version version = v == null ? Version.emptyVersion : Version.parseVersion(v.strip());
                    out.add(new PluginJar(f, name, version, Files.getLastModifiedTime(f).toMillis()));
                } catch (IOException | IllegalArgumentException notAPluginJarYet) {
                    // not a jar, a bad version, or still being written
                }
            }
        } catch (IOException e) {
            LOG.debug("Cannot list {}: {}", dir, e.toString());
        }
        return out;
    }
}
