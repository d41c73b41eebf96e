package org.omnilux.core.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the wake-up takes for a whole jar: a jar cut anywhere, or with a byte changed, is not one. */
class FileInstallWakeUpTest {
    @TempDir
    Path dir;

    @Test
    void onlyAWholeJarIsWhole() throws IOException {
        Path jar = jar(dir.resolve("plugin.jar"));
        assertTrue(FileInstallWakeUp.isWholeZip(jar));
        byte[] bytes = Files.readAllBytes(jar);

        // a jar being written: every prefix, whether it ends inside an entry or between two
        for (int length = 0; length < bytes.length; length += Math.max(1, bytes.length / 97)) {
            Path part = Files.write(dir.resolve("part-" + length + ".jar"), java.util.Arrays.copyOf(bytes, length));
            assertFalse(FileInstallWakeUp.isWholeZip(part), "the first " + length + " of " + bytes.length + " bytes");
        }
        assertFalse(FileInstallWakeUp.isWholeZip(Files.write(dir.resolve("all-but-one.jar"),
                java.util.Arrays.copyOf(bytes, bytes.length - 1))));

        // a byte of an entry's data changed (stored entry: the CRC catches it)
        byte[] damaged = bytes.clone();
        int at = indexOf(bytes, "0123456789".getBytes());
        damaged[at] ^= 1;
        assertFalse(FileInstallWakeUp.isWholeZip(Files.write(dir.resolve("damaged.jar"), damaged)));

        assertFalse(FileInstallWakeUp.isWholeZip(dir.resolve("missing.jar")));
    }

    /** A jar with a manifest, a compressed entry of random bytes and a stored entry of digits. */
    private static Path jar(Path file) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Bundle-SymbolicName", "com.example.plugin");
        byte[] random = new byte[64 * 1024];
        new Random(42).nextBytes(random);
        byte[] digits = "0123456789".repeat(1000).getBytes();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file), m)) {
            out.putNextEntry(new JarEntry("com/example/Random.bin"));
            out.write(random);
            out.closeEntry();
            JarEntry stored = new JarEntry("com/example/digits.txt");
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(digits.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(digits);
            stored.setCrc(crc.getValue());
            out.putNextEntry(stored);
            out.write(digits);
            out.closeEntry();
        }
        return file;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i + 5000; // inside the digits
        }
        throw new AssertionError("no stored digits in the jar");
    }
}
