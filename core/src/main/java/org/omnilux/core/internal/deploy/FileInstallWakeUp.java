package org.omnilux.core.internal.deploy;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Has FileInstall take a plugin jar as soon as the jar is complete, instead of at its second poll after the jar
 * appeared.
 * <p>
 * FileInstall tells that a file is complete by seeing the same name, size and modification time at two polls in a
 * row, so with a 1 s poll a jar dropped just after a poll is installed 2 s later, and the type is usable later still.
 * This component watches the bundles folder itself (an NIO watch service: events, not polling). When a {@code *.jar}
 * appears or changes and then stays still for {@value #QUIET_MILLIS} ms, it checks that the jar is whole — its
 * central directory readable and every entry's data matching its CRC, which a partly written zip cannot pass — and
 * only then wakes FileInstall's directory watchers, {@value #SETTLE_MILLIS} ms apart, until FileInstall has installed
 * or updated the jar's bundle: FileInstall's own check (the same size and time at two consecutive scans) still
 * decides, the scans just come sooner. A jar that is not whole is left to FileInstall's polls, as before. A deleted
 * jar wakes the watchers at once (a deletion is never partial).
 * <p>
 * FileInstall has no call to scan now; it wakes its watchers whenever an {@link ArtifactInstaller} service comes, goes
 * or changes its properties. This component registers one that handles no file and changes its properties to wake
 * them. The poll stays FileInstall's, so nothing depends on this component for correctness, only for speed.
 */
@Component(immediate = true, service = {})
public final class FileInstallWakeUp {
    private static final Logger LOG = LoggerFactory.getLogger(FileInstallWakeUp.class);

    /** How long a jar must be left alone (no write, no rename) before it is read. */
    static final long QUIET_MILLIS = 100;
    /** Between two wake-ups: FileInstall must see the jar unchanged at two scans this far apart at least. */
    static final long SETTLE_MILLIS = 100;
    /** Wake-ups for one jar at most; after them FileInstall's own poll takes over, as without this component. */
    static final int MAX_WAKE_UPS = 12;

    private final BundleContext context;
    private final Path bundlesDir;
    private final WatchService watch;
    private final Thread thread;
    private final ServiceRegistration<ArtifactInstaller> registration;
    private long wakeUps;

    @Activate
    public FileInstallWakeUp(BundleContext context) {
        this.context = context;
        String dir = context.getProperty("omnilux.bundles.dir");
        Path folder = dir == null || dir.isBlank() ? null : Path.of(dir).toAbsolutePath().normalize();
        WatchService service = null;
        if (folder != null && Files.isDirectory(folder)) {
            try {
                service = folder.getFileSystem().newWatchService();
                folder.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
            } catch (IOException | UnsupportedOperationException e) {
                LOG.info("The bundles folder {} cannot be watched ({}): plugins are picked up at FileInstall's polls",
                        folder, e.toString());
                closeQuietly(service);
                service = null;
            }
        }
        this.bundlesDir = folder;
        this.watch = service;
        if (service == null) {
            this.registration = null;
            this.thread = null;
            return;
        }
        this.registration = context.registerService(ArtifactInstaller.class, new NoArtifacts(), properties(0));
        // one thread for the folder's events: jars are read on it, never on a framework or FileInstall thread
        this.thread = new Thread(this::run, "omnilux-bundles-watch");
        thread.setDaemon(true);
        thread.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        closeQuietly(watch);
        thread.join(TimeUnit.SECONDS.toMillis(5));
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework is stopping
        }
    }

    /** A jar seen changing or going, until FileInstall has taken the change or the wake-ups are spent. */
    private static final class Pending {
        long lastEventNanos;
        boolean deleted;
        /** size and modification time when it was found whole; -1 until then */
        long size = -1;
        long modified;
        long verifiedAtMillis;
        long lastWakeUpNanos;
        int wakeUps;

        Pending(long now) {
            lastEventNanos = now;
        }
    }

    private void run() {
        Map<Path, Pending> pending = new HashMap<>();
        while (!Thread.currentThread().isInterrupted()) {
            WatchKey key;
            try {
                key = pending.isEmpty() ? watch.take() : watch.poll(20, TimeUnit.MILLISECONDS);
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            long now = System.nanoTime();
            if (key != null) {
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (!(event.context() instanceof Path name) || !name.toString().endsWith(".jar")) {
                        continue; // an overflow, or no jar (FileInstall's polls see to the rest)
                    }
                    Pending p = pending.computeIfAbsent(bundlesDir.resolve(name), f -> new Pending(now));
                    p.lastEventNanos = now;
                    p.deleted = event.kind() == ENTRY_DELETE;
                    p.size = -1; // changed: read it again once quiet
                    p.wakeUps = 0;
                }
                if (!key.reset()) {
                    LOG.info("The bundles folder {} is no longer watched: plugins are picked up at FileInstall's polls",
                            bundlesDir);
                    return;
                }
            }
            try {
                advance(pending, now);
            } catch (IllegalStateException stopping) {
                return; // the bundle context is no longer valid
            } catch (RuntimeException e) {
                LOG.warn("Watching the bundles folder failed; FileInstall's polls take over", e);
                pending.clear();
            }
        }
    }

    private void advance(Map<Path, Pending> pending, long now) {
        boolean wake = false;
        for (Iterator<Map.Entry<Path, Pending>> it = pending.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Path, Pending> e = it.next();
            Path file = e.getKey();
            Pending p = e.getValue();
            if (p.deleted) {
                // a deletion is never partial: no need to wait. FileInstall learns of it from its own watch service,
                // which may not have the event yet when woken at once: wake it until the bundle is gone.
                if (context.getBundle(location(file)) == null || p.wakeUps >= MAX_WAKE_UPS) {
                    it.remove();
                    continue;
                }
                if (p.wakeUps > 0 && now - p.lastWakeUpNanos < TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS)) {
                    continue;
                }
                p.wakeUps++;
                p.lastWakeUpNanos = now;
                wake = true;
                continue;
            }
            if (now - p.lastEventNanos < TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)) {
                continue;
            }
            BasicFileAttributes attrs = attributes(file);
            if (attrs == null) {
                it.remove(); // gone without an event yet: the event follows
                continue;
            }
            if (p.size < 0 || attrs.size() != p.size || attrs.lastModifiedTime().toMillis() != p.modified) {
                // new, or changed since it was read without an event yet: read it (again)
                if (!isWholeZip(file)) {
                    it.remove(); // still being written (its next write brings it back), or broken: FileInstall decides
                    continue;
                }
                p.size = attrs.size();
                p.modified = attrs.lastModifiedTime().toMillis();
                p.verifiedAtMillis = System.currentTimeMillis();
                p.wakeUps = 0;
            } else if (taken(file, p)) {
                it.remove();
                continue;
            } else if (p.wakeUps >= MAX_WAKE_UPS) {
                it.remove();
                continue;
            } else if (now - p.lastWakeUpNanos < TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS)) {
                continue;
            }
            p.wakeUps++;
            p.lastWakeUpNanos = now;
            wake = true;
        }
        if (wake) {
            wakeFileInstall();
        }
    }

    /** @return whether FileInstall installed or updated the jar's bundle since the jar was found whole */
    private boolean taken(Path file, Pending p) {
        Bundle b = context.getBundle(location(file));
        return b != null && b.getLastModified() >= p.verifiedAtMillis;
    }

    /** @return the location FileInstall installs a jar of the folder at */
    private static String location(Path file) {
        return new File(file.toString()).toURI().normalize().toString();
    }

    private void wakeFileInstall() {
        try {
            registration.setProperties(properties(++wakeUps));
        } catch (IllegalStateException unregistered) {
            // stopping
        }
    }

    private static Hashtable<String, Object> properties(long wakeUp) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("omnilux.wakeUp", wakeUp);
        return props;
    }

    private static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * @return whether the file is a whole zip: its end record and central directory are there (a zip is written
     *         front to back and they come last) and every entry's data is there with its CRC
     */
    static boolean isWholeZip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            byte[] buffer = new byte[16 * 1024];
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                CRC32 crc = new CRC32();
                long size = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0;) {
                        crc.update(buffer, 0, n);
                        size += n;
                    }
                }
                if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()
                        || entry.getSize() != -1 && size != entry.getSize()) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void closeQuietly(WatchService service) {
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                // nothing to do
            }
        }
    }

    /** Handles no file: it exists so that changing its properties wakes FileInstall's watchers. */
    private static final class NoArtifacts implements ArtifactInstaller {
        @Override
        public boolean canHandle(File artifact) {
            return false;
        }

        @Override
        public void install(File artifact) {
        }

        @Override
        public void update(File artifact) {
        }

        @Override
        public void uninstall(File artifact) {
        }
    }
}
