package org.omnilux.core.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

class PluginJarUpgradesTest {
    @TempDir
    Path dir;

    @Test
    void theHighestVersionStaysAndEveryOtherJarOfThatNameIsRetired() throws IOException {
        jar("movie-old.jar", "org.omnilux.scanner.movie;singleton:=true", "0.1.0.202601010000", 3000);
        jar("movie-new.jar", "org.omnilux.scanner.movie", "0.2.0", 1000);
        jar("movie-older.jar", "org.omnilux.scanner.movie", "0.0.9", 5000);
        jar("tv.jar", "org.omnilux.scanner.tv", "0.1.0", 1000);
        Files.writeString(dir.resolve("broken.jar"), "half a jar");
        Files.writeString(dir.resolve("notes.txt"), "not a jar");

        assertEquals(List.of("movie-old.jar", "movie-older.jar"), names(PluginJarUpgrades.replaced(
                PluginJarUpgrades.pluginJars(dir), (name, version) -> true)));
    }

    @Test
    void nothingIsRetiredUntilTheReplacementIsInstalled() throws IOException {
        jar("movie-old.jar", "org.omnilux.scanner.movie", "0.1.0", 1000);
        jar("movie-new.jar", "org.omnilux.scanner.movie", "0.2.0", 2000);

        assertEquals(List.of(), names(PluginJarUpgrades.replaced(PluginJarUpgrades.pluginJars(dir),
                (name, version) -> !version.equals(Version.parseVersion("0.2.0")))));
    }

    @Test
    void jarsOfTheSameVersionAreLeftAloneButALowerVersionGoes() throws IOException {
        jar("movie.jar", "org.omnilux.scanner.movie", "0.2.0", 1000);
        jar("movie (1).jar", "org.omnilux.scanner.movie", "0.2.0", 2000);
        jar("movie-0.1.jar", "org.omnilux.scanner.movie", "0.1.0", 3000);

        assertEquals(List.of("movie-0.1.jar"), names(PluginJarUpgrades.replaced(PluginJarUpgrades.pluginJars(dir),
                (name, version) -> true)));
    }

    private static List<String> names(List<PluginJarUpgrades.PluginJar> jars) {
        return jars.stream().map(j -> j.file().getFileName().toString()).sorted().toList();
    }

    private void jar(String name, String symbolicName, String version, long modified) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        m.getMainAttributes().putValue("Bundle-Version", version);
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, m)) {
            jar.flush();
        }
        Files.setLastModifiedTime(file, FileTime.fromMillis(modified));
    }
}
