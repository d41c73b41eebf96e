package org.omnilux.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.Baseline.Info;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.FileResource;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import aQute.bnd.version.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the build's baseline check (bnd-baseline-maven-plugin, configured in this module's pom) does, proven on the
 * real jar: bnd's differ compares this build's {@code omnilux-api} jar, standing in for the last release, with
 * copies in which one SPI source was edited and recompiled the way a careless change would be, and must demand
 * the package version bump semantic versioning requires. So a plugin built against {@code [1.0,2)} can trust
 * that every 1.x server runs it.
 */
class ApiBaselineIT {

    private static final String SCANNER = "org.omnilux.api.scanner";
    private static final Path SOURCES = Path.of("src/main/java");

    @TempDir
    Path temp;

    @Test
    void anUnchangedApiNeedsNoNewVersion() throws Exception {
        Info scanner = baseline(changedJar(List.of()), SCANNER);
        assertFalse(scanner.mismatch, scanner.reason);
        assertEquals(scanner.olderVersion, scanner.suggestedVersion);
    }

    @Test
    void aMethodAddedToTheConsumerTypeMediaScannerNeedsAMajorVersion() throws Exception {
        // every plugin implements MediaScanner: a new abstract method breaks each of them
        Path classes = compile("org/omnilux/api/scanner/MediaScanner.java", source -> addBeforeLastBrace(source,
                "    String addedByApiBaselineIT();\n"));
        Info scanner = baseline(changedJar(List.of(classes)), SCANNER);
        assertTrue(scanner.mismatch, "a major change under the same version must fail the check");
        assertEquals(nextMajor(scanner.olderVersion), scanner.suggestedVersion);
    }

    @Test
    void aMethodRemovedFromMediaScannerNeedsAMajorVersion() throws Exception {
        // the core calls accepts() on every plugin: taking it away breaks the contract both ways
        Path classes = compile("org/omnilux/api/scanner/MediaScanner.java",
                source -> source.replace("boolean accepts(Path file, Path root);", ""));
        Info scanner = baseline(changedJar(List.of(classes)), SCANNER);
        assertTrue(scanner.mismatch);
        assertEquals(nextMajor(scanner.olderVersion), scanner.suggestedVersion);
    }

    @Test
    void aMethodAddedToTheProviderTypeScanContextNeedsAMinorVersion() throws Exception {
        // only the core implements ScanContext: plugins that do not call the new method still run
        Path classes = compile("org/omnilux/api/scanner/ScanContext.java", source -> addBeforeLastBrace(source,
                "    String addedByApiBaselineIT();\n"));
        Info scanner = baseline(changedJar(List.of(classes)), SCANNER);
        assertTrue(scanner.mismatch, "a minor change under the same version must fail the check");
        assertEquals(nextMinor(scanner.olderVersion), scanner.suggestedVersion);
    }

    @Test
    void aFieldAddedToADtoNeedsAMinorVersion() throws Exception {
        Path classes = compile("org/omnilux/api/scanner/MediaRecord.java", source -> addBeforeLastBrace(source,
                "    public String addedByApiBaselineIT;\n"));
        Info scanner = baseline(changedJar(List.of(classes)), SCANNER);
        assertTrue(scanner.mismatch);
        assertEquals(nextMinor(scanner.olderVersion), scanner.suggestedVersion);
    }

    @Test
    void theNewVersionInPackageInfoSatisfiesTheCheck() throws Exception {
        Path classes = compile("org/omnilux/api/scanner/MediaScanner.java", source -> addBeforeLastBrace(source,
                "    String addedByApiBaselineIT();\n"));
        Jar changed = changedJar(List.of(classes));
        // what bnd writes when package-info.java says the next major version
        Version current = baseline(changedJar(List.of()), SCANNER).olderVersion;
        Manifest manifest = changed.getManifest();
        Attributes main = manifest.getMainAttributes();
        String exports = main.getValue("Export-Package");
        String bumped = exports.replace(SCANNER + ";version=\"" + current + "\"",
                SCANNER + ";version=\"" + nextMajor(current) + "\"");
        assertNotEquals(exports, bumped, "the scanner package is exported as " + current + ": " + exports);
        main.putValue("Export-Package", bumped);
        changed.setManifest(manifest);
        Info scanner = baseline(changed, SCANNER);
        assertFalse(scanner.mismatch, scanner.reason);
        assertEquals(nextMajor(current), scanner.newerVersion);
    }

    // ---- helpers

    private static Version nextMajor(Version v) {
        return new Version(v.getMajor() + 1, 0, 0);
    }

    private static Version nextMinor(Version v) {
        return new Version(v.getMajor(), v.getMinor() + 1, 0);
    }

    /** Compares the changed jar with this build's jar and returns the verdict on one package. */
    private static Info baseline(Jar changed, String packageName) throws Exception {
        try (Processor reporter = new Processor(); Jar released = new Jar(apiJar().toFile()); Jar newer = changed) {
            Set<Info> infos = new Baseline(reporter, new DiffPluginImpl()).baseline(newer, released, null);
            assertTrue(reporter.getErrors().isEmpty(), reporter.getErrors().toString());
            return infos.stream().filter(info -> info.packageName.equals(packageName)).findFirst()
                    .orElseThrow(() -> new AssertionError("no baseline of " + packageName));
        }
    }

    /** A copy of this build's jar with the classes under the given output folders put over its own. */
    private static Jar changedJar(List<Path> classFolders) throws IOException {
        Jar jar = new Jar(apiJar().toFile());
        for (Path folder : classFolders) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = folder.relativize(file).toString().replace(File.separatorChar, '/');
                    assertNotNull(jar.getResource(name), "the class replaced is in the jar: " + name);
                    jar.putResource(name, new FileResource(file));
                }
            }
        }
        return jar;
    }

    /** Compiles one edited API source against this build's jar and returns the output folder. */
    private Path compile(String source, UnaryOperator<String> edit) throws IOException, URISyntaxException {
        String original = Files.readString(SOURCES.resolve(source));
        String edited = edit.apply(original);
        assertNotEquals(original, edited, "the edit applies to " + source);
        Path sourceFile = Files.createDirectories(temp.resolve("src")).resolve(Path.of(source).getFileName());
        Files.writeString(sourceFile, edited);
        Path out = Files.createDirectories(temp.resolve("classes-" + System.nanoTime()));
        String classpath = String.join(File.pathSeparator, apiJar().toString(),
                location(org.osgi.annotation.versioning.Version.class), location(org.osgi.dto.DTO.class));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        boolean ok = javac.getTask(messages, null, null,
                List.of("--release", "17", "-proc:none", "-classpath", classpath, "-d", out.toString()), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(sourceFile)).call();
        assertTrue(ok, "the edited " + source + " compiles: " + messages);
        return out;
    }

    private static String addBeforeLastBrace(String source, String member) {
        int brace = source.lastIndexOf('}');
        return source.substring(0, brace) + member + source.substring(brace);
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** The jar this build packaged (failsafe runs after the package phase). */
    private static Path apiJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("omnilux-api-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no omnilux-api jar in target/"));
        }
    }
}
