package org.omnilux.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The probe worker's jars (the fast probing path, run by the core as a child process; see the core's
 * {@code LibavMediaProber}) travel inside {@code omnilux.jar} under {@code probe-worker/}. A child JVM needs them as
 * files: they are unpacked into {@code DATA_DIR/probe-worker/}, once — a jar already there from the same entry is
 * kept, one no longer shipped is deleted — and their paths given to the core as a framework property.
 */
final class ProbeWorkerFiles {

    private static final String PREFIX = "probe-worker/";

    private ProbeWorkerFiles() {
    }

    /**
     * @return the worker's class path (platform path separator), or {@code null} when this build carries no
     *         worker (the core then probes with ffprobe only)
     */
    static String unpack(Path dataDir) throws IOException {
        Path codeSource;
        try {
            codeSource = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        List<Path> classpath = new ArrayList<>();
        if (Files.isDirectory(codeSource)) {
            // run from target/classes (an IDE, a test): the jars are files already
            Path dir = codeSource.resolve(PREFIX);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(classpath::add);
                }
            }
        } else {
            Path target = dataDir.resolve("probe-worker");
            List<String> shipped = new ArrayList<>();
            try (JarFile jar = new JarFile(codeSource.toFile())) {
                for (JarEntry entry : Collections.list(jar.entries())) {
                    String name = entry.getName();
                    if (!name.startsWith(PREFIX) || !name.endsWith(".jar") || name.indexOf('/', PREFIX.length()) >= 0) {
                        continue;
                    }
                    String fileName = name.substring(PREFIX.length());
                    shipped.add(fileName);
                    Path file = target.resolve(fileName);
                    classpath.add(file);
                    // unpacked before from this very entry: same size, and the entry's time kept as the file's
                    if (Files.isRegularFile(file) && Files.size(file) == entry.getSize()
                            && Files.getLastModifiedTime(file).toMillis() == entry.getTime()) {
                        continue;
                    }
                    Files.createDirectories(target);
                    Path partial = target.resolve(fileName + ".part");
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                    }
                    Files.setLastModifiedTime(partial, java.nio.file.attribute.FileTime.fromMillis(entry.getTime()));
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            if (Files.isDirectory(target)) {
                try (Stream<Path> files = Files.list(target)) {
                    for (Path old : files.filter(f -> !shipped.contains(f.getFileName().toString())).toList()) {
                        if (Files.isRegularFile(old)) {
                            Files.deleteIfExists(old);
                        }
                    }
                }
            }
        }
        if (classpath.isEmpty()) {
            return null;
        }
        classpath.sort(null);
        return String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList());
    }
}
