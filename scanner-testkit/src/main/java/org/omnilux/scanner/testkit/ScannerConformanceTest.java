package org.omnilux.scanner.testkit;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnilux.api.probe.MediaProber;
import org.omnilux.api.probe.ProbeException;
import org.omnilux.api.probe.ProbeResult;
import org.omnilux.api.scanner.ExternalSubtitle;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanException;
import org.omnilux.api.scanner.MediaScanner;
import org.omnilux.api.scanner.MediaTypeDescriptor;
import org.omnilux.api.scanner.MetadataField;
import org.omnilux.api.scanner.ScanContext;
import org.omnilux.api.scanner.ScannerDescriptor;

/**
 * The SPI contract of a {@link MediaScanner}, as JUnit 5 tests. A plugin author extends this class in their
 * test sources and implements {@link #scanner()}; {@link #sampleFiles(Path)} and {@link #prober()} are optional:
 *
 * <pre>{@code
 * class PhotoScannerConformanceTest extends ScannerConformanceTest {
 *     protected MediaScanner scanner() { return new PhotoScanner(); }
 *     protected List<Path> sampleFiles(Path dir) throws IOException {
 *         return List.of(Files.write(dir.resolve("Holiday/beach.jpg"), JPEG_BYTES));
 *     }
 * }
 * }</pre>
 *
 * <p>What is checked: a well-formed, stable descriptor; a pure, cheap {@code accepts}; a {@code recognise} that
 * returns (or throws {@link MediaScanException}) within {@link #RECOGNISE_TIMEOUT} for vanished, unreadable,
 * empty, huge, malformed and mislabelled files and for a cancelled job, and never throws anything else; equal
 * results for the same file; records that are plain DTOs with only declared metadata fields of the declared
 * types; and no threads started by the scanner.
 */
public abstract class ScannerConformanceTest {

    /** How long one {@code recognise} call may take on the files the kit writes. */
    public static final Duration RECOGNISE_TIMEOUT = Duration.ofSeconds(5);

    /** The size of the sparse "huge" file: 4 GiB, which costs no disk. */
    public static final long HUGE_FILE_BYTES = 4L << 30;

    private static final Pattern TYPE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final String BASE_NAME = "Conformance Sample (2001)";

    /** First bytes of common formats, followed by garbage in the malformed files: parsers get past the magic. */
    private static final Map<String, byte[]> MAGICS = magics();

    /** A valid 1×1 PNG image. */
    private static final byte[] PNG = unhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            + "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201ad2d6dd40000000049454e44ae426082");

    @TempDir
    Path tempDir;

    /** The library root the kit's files are written under. */
    protected Path root;

    private MediaScanner scanner;
    private List<Path> samples;

    // ---------------------------------------------------------------------------------------------------------
    // what the author provides

    /** @return the scanner under test, constructed as the component would be (its default configuration) */
    protected abstract MediaScanner scanner();

    /**
     * Valid files of the scanner's type, for the determinism, DTO and cancellation checks. Each must be
     * recognised as a record. Default: none (those checks then run on the kit's malformed files only).
     *
     * @param dir the library root (empty, writable); write the files anywhere below it, in the folder layout
     *            the scanner expects
     * @return absolute paths of the files written
     */
    protected List<Path> sampleFiles(Path dir) throws Exception {
        return List.of();
    }

    /**
     * The prober handed to the scanner. Default: {@link TestProbers#notProbed()}, which throws
     * {@link ProbeException} for every file. Override to return a real ffprobe-backed prober, or
     * {@link TestProbers#fixed} results for your sample files.
     */
    protected MediaProber prober() {
        return TestProbers.notProbed();
    }

    /** The media type of the root the kit scans. Default: the first type the descriptor declares. */
    protected String mediaType() {
        return descriptor().mediaTypes.get(0).name;
    }

    // ---------------------------------------------------------------------------------------------------------
    // descriptor

    @BeforeEach
    void createRoot() throws IOException {
        root = Files.createDirectories(tempDir.resolve("library"));
    }

    @Test
    @DisplayName("descriptor: media types, metadata fields and extensions are well formed")
    public void descriptorIsWellFormed() {
        ScannerDescriptor descriptor = scannerUnderTest().descriptor();
        List<String> problems = new ArrayList<>();
        if (descriptor == null) {
            fail("descriptor() returned null");
        }
        if (descriptor.mediaTypes == null || descriptor.mediaTypes.isEmpty()) {
            problems.add("declares no media type");
        } else {
            Set<String> typeNames = new HashSet<>();
            for (MediaTypeDescriptor type : descriptor.mediaTypes) {
                if (type == null) {
                    problems.add("a media type is null");
                    continue;
                }
                if (type.name == null || !TYPE_NAME.matcher(type.name).matches()) {
                    problems.add("media type name '" + type.name + "' does not match " + TYPE_NAME);
                } else if (!typeNames.add(type.name)) {
                    problems.add("media type '" + type.name + "' is declared twice");
                }
                if (type.fields == null) {
                    problems.add("media type '" + type.name + "' has null fields");
                    continue;
                }
                Set<String> fieldNames = new HashSet<>();
                for (MetadataField field : type.fields) {
                    if (field == null) {
                        problems.add("media type '" + type.name + "' has a null field");
                        continue;
                    }
                    if (field.name == null || field.name.isBlank()) {
                        problems.add("media type '" + type.name + "' has a field with a blank name");
                    } else if (!fieldNames.add(field.name)) {
                        problems.add("field '" + field.name + "' of '" + type.name + "' is declared twice");
                    }
                    if (field.type == null) {
                        problems.add("field '" + field.name + "' of '" + type.name + "' has no type");
                    }
                }
            }
        }
        if (descriptor.extensions == null) {
            problems.add("extensions is null");
        } else {
            Set<String> seen = new HashSet<>();
            for (String extension : descriptor.extensions) {
                if (extension == null || extension.isBlank()) {
                    problems.add("an extension is blank");
                } else if (!extension.equals(extension.toLowerCase(Locale.ROOT)) || extension.contains(".")
                        || extension.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '\\')) {
                    problems.add("extension '" + extension + "' is not lower case without dots");
                } else if (!seen.add(extension)) {
                    problems.add("extension '" + extension + "' is declared twice");
                }
            }
        }
        failIfAny("the descriptor is malformed", problems);
    }

    @Test
    @DisplayName("descriptor: stable across calls, and not changed by a caller mutating an earlier answer")
    public void descriptorIsStable() {
        MediaScanner scanner = scannerUnderTest();
        ScannerDescriptor first = Objects.requireNonNull(scanner.descriptor(), "descriptor() returned null");
        String expected = canonical(first);
        String second = canonical(scanner.descriptor());
        if (!expected.equals(second)) {
            fail("descriptor() changed between two calls:\n  " + expected + "\n  " + second);
        }
        // the core may keep and touch the DTO it got; the scanner's answer must not change with it
        try {
            first.extensions.add("conformance-mutation");
            first.mediaTypes.add(new MediaTypeDescriptor("conformance-mutation", List.of()));
            first.mediaTypes.get(0).fields.add(MetadataField.of("conformanceMutation", MetadataField.Type.STRING));
        } catch (UnsupportedOperationException immutable) {
            // fine: nothing could be changed
        }
        String third = canonical(scanner.descriptor());
        if (!expected.equals(third)) {
            fail("descriptor() shares mutable state with an earlier answer (return a fresh object or"
                    + " unmodifiable lists):\n  " + expected + "\n  " + third);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // accepts

    @Test
    @DisplayName("accepts: true for a file with a declared extension")
    public void acceptsAFileWithADeclaredExtension() {
        List<String> extensions = declaredExtensions();
        Assumptions.assumeFalse(extensions.isEmpty(), "the scanner declares no extensions");
        MediaScanner scanner = scannerUnderTest();
        List<Path> tried = new ArrayList<>();
        for (String extension : extensions) {
            for (Path candidate : List.of(root.resolve(BASE_NAME + "/" + BASE_NAME + "." + extension),
                    root.resolve(BASE_NAME + "." + extension),
                    root.resolve("Conformance Sample/Season 01/Conformance Sample - S01E01." + extension),
                    root.resolve("Conformance Artist/Conformance Album/01 - Conformance Sample." + extension))) {
                if (scanner.accepts(candidate, root)) {
                    return;
                }
                tried.add(root.relativize(candidate));
            }
        }
        fail("accepts() is false for every file name with a declared extension, e.g. " + tried.get(0));
    }

    @Test
    @DisplayName("accepts: looks at the path only, never throws for odd paths, answers the same every time, fast")
    public void acceptsIsPureAndCheap() throws IOException {
        MediaScanner scanner = scannerUnderTest();
        String extension = extensionsOrDefault().get(0);
        Path directoryWithExtension = Files.createDirectories(root.resolve("folder." + extension));
        List<Path> odd = List.of(
                root.resolve("no-extension"),
                root.resolve("trailing-dot."),
                root.resolve("." + extension),
                root.resolve(extension),
                root.resolve("Ünïcödé 日本語 — 😀 (2001)." + extension),
                root.resolve("x".repeat(250) + "." + extension),
                root.resolve(String.join("/", java.util.Collections.nCopies(40, "y".repeat(100))) + "/deep." + extension),
                root.resolve("UPPER CASE." + extension.toUpperCase(Locale.ROOT)),
                root.resolve("sub/../dotdot." + extension),
                root,
                directoryWithExtension,
                tempDir.resolve("outside-the-root." + extension),
                Path.of("/").toAbsolutePath());
        List<String> problems = new ArrayList<>();
        for (Path path : odd) {
            try {
                boolean answer = scanner.accepts(path, root);
                if (scanner.accepts(path, root) != answer) {
                    problems.add("different answers for the same path " + shorten(path));
                }
            } catch (Throwable e) {
                problems.add("threw " + e + " for " + shorten(path));
            }
        }
        // the answer must not depend on the file system: the same name, absent and then present
        Path file = root.resolve("exists-or-not/" + BASE_NAME + "." + extension);
        try {
            boolean absent = scanner.accepts(file, root);
            Files.createDirectories(file.getParent());
            Files.write(file, randomBytes(1024, 1));
            boolean present = scanner.accepts(file, root);
            if (absent != present) {
                problems.add("the answer depends on whether the file exists (accepts must not do I/O): " + file);
            }
        } catch (Throwable e) {
            problems.add("threw " + e + " for " + shorten(file));
        }
        failIfAny("accepts() is not pure", problems);

        long start = System.nanoTime();
        int calls = 0;
        while (calls < 2000) {
            for (Path path : odd) {
                scanner.accepts(path, root);
                calls++;
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > 2000) {
            fail("accepts() is not cheap: " + calls + " calls took " + millis + " ms");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // recognise on hostile files

    @Test
    @DisplayName("recognise: a file that vanished (or is unreadable) gives MediaScanException or empty, promptly")
    public void recogniseAVanishedOrUnreadableFile() throws IOException {
        for (Case c : vanishedAndUnreadable()) {
            recognise(c);
        }
    }

    @Test
    @DisplayName("recognise: an empty file")
    public void recogniseAnEmptyFile() throws IOException {
        for (Case c : empty()) {
            recognise(c);
        }
    }

    @Test
    @DisplayName("recognise: a huge (sparse 4 GiB) file returns promptly")
    public void recogniseAHugeFile() throws IOException {
        for (Case c : huge()) {
            recognise(c);
        }
    }

    @Test
    @DisplayName("recognise: malformed bytes, with and without a format's magic, for every extension")
    public void recogniseMalformedBytes() throws IOException {
        for (Case c : malformed()) {
            recognise(c);
        }
    }

    @Test
    @DisplayName("recognise: a file of another type (a PNG image, a text file) named with each extension")
    public void recogniseAFileOfAnotherType() throws IOException {
        for (Case c : otherType()) {
            recognise(c);
        }
    }

    @Test
    @DisplayName("recognise: with the job cancelled, returns or throws MediaScanException promptly")
    public void recogniseWhenCancelled() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (Path sample : samples()) {
            cases.add(new Case("cancelled, sample " + root.relativize(sample), sample, null));
        }
        for (Case c : malformed()) {
            cases.add(new Case("cancelled, " + c.what, c.file, null));
        }
        for (Case c : cases) {
            recognise(c.what, context(c.file, c.sizeBytes, true));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // records

    @TestFactory
    @DisplayName("recognise: each sample file gives a record that is a plain DTO with declared fields")
    public Stream<DynamicTest> recognisesTheSampleFiles() throws Exception {
        // one test per sample file: a scanner without samples gets none, rather than a skipped one
        return samples().stream().map(file -> DynamicTest.dynamicTest("sample " + root.relativize(file), () -> {
            Outcome outcome = recognise(new Case("sample " + root.relativize(file), file, null));
            if (outcome.error != null) {
                fail("the sample file " + file + " was not recognised: " + outcome.error.getMessage(), outcome.error);
            }
            if (outcome.record == null) {
                fail("the sample file " + file + " was recognised as no item (Optional.empty())");
            }
        }));
    }

    @Test
    @DisplayName("recognise: the same file twice gives equal results")
    public void recognitionIsDeterministic() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (Path sample : samples()) {
            cases.add(new Case("sample " + root.relativize(sample), sample, null));
        }
        cases.addAll(malformed());
        cases.addAll(otherType());
        List<String> problems = new ArrayList<>();
        for (Case c : cases) {
            String first = recognise(c).summary();
            String second = recognise(c).summary();
            if (!first.equals(second)) {
                problems.add(c.what + ":\n      " + first + "\n      " + second);
            }
        }
        failIfAny("recognise() is not deterministic", problems);
    }

    @Test
    @DisplayName("recognise: a per-folder value depends on the folder alone, not on the file that asks")
    public void perFolderValuesDependOnTheFolderOnly() throws Exception {
        // the server works a per-folder value out once per folder and scan, for whichever file asks first, and
        // hands it to the folder's other files; a value that depends on the asking file is wrong for all of them
        List<String> problems = new ArrayList<>();
        for (Path sample : samples()) {
            Path twin = sample.resolveSibling("Conformance Twin " + sample.getFileName());
            Files.copy(sample, twin);
            try {
                Map<String, Object> ofSample = perFolderValues(sample);
                Map<String, Object> ofTwin = perFolderValues(twin);
                for (Map.Entry<String, Object> value : ofSample.entrySet()) {
                    Object other = ofTwin.get(value.getKey());
                    if (ofTwin.containsKey(value.getKey()) && !sameValue(value.getValue(), other)) {
                        problems.add("perFolder(\"" + value.getKey() + "\") in " + shorten(sample.getParent())
                                + " gave " + value.getValue() + " for " + sample.getFileName() + " but " + other
                                + " for " + twin.getFileName() + " (a copy of it in the same folder)");
                    }
                }
            } finally {
                Files.deleteIfExists(twin);
            }
        }
        failIfAny("a per-folder value depends on the file that asks for it; work it out from the folder's entries"
                + " only (see ScanContext.perFolder)", problems);
    }

    /** The values {@code recognise} asked {@link ScanContext#perFolder} for, by key. */
    private Map<String, Object> perFolderValues(Path file) {
        Map<String, Object> values = new LinkedHashMap<>();
        ScanContext context = new PerFolderRecording(context(file, null, false), values);
        recognise("file " + file, context);
        return values;
    }

    /**
     * Equal values; a type without an {@code equals} of its own is compared by its {@code toString}, and one
     * without either cannot be compared, so it passes.
     */
    private static boolean sameValue(Object a, Object b) {
        if (Objects.equals(a, b)) {
            return true;
        }
        if (a == null || b == null || a.getClass() != b.getClass() || declares(a.getClass(), "equals", Object.class)) {
            return false;
        }
        return !declares(a.getClass(), "toString") || a.toString().equals(b.toString());
    }

    private static boolean declares(Class<?> type, String method, Class<?>... parameters) {
        try {
            return type.getMethod(method, parameters).getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** A context that notes what {@code perFolder} worked out; everything else is the kit's context. */
    private static final class PerFolderRecording implements ScanContext {
        private final ScanContext context;
        private final Map<String, Object> values;

        PerFolderRecording(ScanContext context, Map<String, Object> values) {
            this.context = context;
            this.values = values;
        }

        @Override
        public <T> T perFolder(String key, Function<List<Path>, T> compute) {
            T value = context.perFolder(key, compute);
            values.putIfAbsent(key, value);
            return value;
        }

        @Override
        public Path file() {
            return context.file();
        }

        @Override
        public Path root() {
            return context.root();
        }

        @Override
        public String mediaType() {
            return context.mediaType();
        }

        @Override
        public long sizeBytes() {
            return context.sizeBytes();
        }

        @Override
        public List<Path> siblings() {
            return context.siblings();
        }

        @Override
        public List<ExternalSubtitle> externalSubtitles() {
            return context.externalSubtitles();
        }

        @Override
        public MediaProber prober() {
            return context.prober();
        }

        @Override
        public boolean isCancelled() {
            return context.isCancelled();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // threads

    @Test
    @DisplayName("recognise: starts no threads of its own")
    public void startsNoThreadsOfItsOwn() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (Path sample : samples()) {
            cases.add(new Case("sample " + root.relativize(sample), sample, null));
        }
        cases.addAll(vanishedAndUnreadable());
        cases.addAll(empty());
        cases.addAll(huge());
        cases.addAll(malformed());
        cases.addAll(otherType());

        MediaScanner scanner = scannerUnderTest();
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        Set<Thread> probers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        MediaProber prober = attributingProber(prober(), probers);
        ThreadGroup group = new ThreadGroup("omnilux-scanner-conformance");
        Thread runner = new Thread(group, () -> {
            for (Case c : cases) {
                try {
                    recogniseHere(scanner, c.what, context(c.file, c.sizeBytes, false, prober));
                } catch (Throwable e) {
                    // slow, throwing or malformed answers are reported by the recognise checks; here only threads count
                }
            }
        }, "omnilux-scanner-conformance-runner");
        runner.setDaemon(true);
        runner.start();
        Duration budget = RECOGNISE_TIMEOUT.multipliedBy(Math.max(1, cases.size()));
        runner.join(budget.toMillis());
        if (runner.isAlive()) {
            runner.interrupt();
            fail("recognise() did not finish " + cases.size() + " files within " + budget.toSeconds() + " s");
        }
        // a thread that ends on its own a moment later is still a thread of its own, but give the JVM's a chance
        List<Thread> started = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        do {
            started = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread != runner && !before.contains(thread) && !probers.contains(thread))
                    .filter(Thread::isAlive)
                    .filter(thread -> !isJvmOrTestThread(thread))
                    .toList();
            if (started.isEmpty()) {
                break;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        if (!started.isEmpty()) {
            fail("the scanner started threads of its own (the SPI forbids it; work on the calling thread): "
                    + started.stream().map(ScannerConformanceTest::describe).toList());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers for subclasses

    /** The scanner under test, created once per test method. */
    protected final MediaScanner scannerUnderTest() {
        if (scanner == null) {
            scanner = Objects.requireNonNull(scanner(), "scanner() returned null");
        }
        return scanner;
    }

    /** A context for a file below {@link #root}, with this test's media type and prober. */
    protected final TestScanContext context(Path file, boolean cancelled) {
        return context(file, null, cancelled);
    }

    /**
     * Recognises the file described by the context on a watched thread: fails the test when the call takes
     * longer than {@link #RECOGNISE_TIMEOUT}, throws anything but {@link MediaScanException}, or returns a record
     * that breaks the DTO rules.
     *
     * @return the record, or empty when the file was no item or the scanner threw {@link MediaScanException}
     */
    protected final Optional<MediaRecord> recogniseChecked(ScanContext context) {
        Outcome outcome = recognise("file " + context.file(), context);
        return Optional.ofNullable(outcome.record);
    }

    // ---------------------------------------------------------------------------------------------------------
    // internals

    private ScannerDescriptor descriptor() {
        return Objects.requireNonNull(scannerUnderTest().descriptor(), "descriptor() returned null");
    }

    private List<String> declaredExtensions() {
        List<String> extensions = descriptor().extensions;
        return extensions == null ? List.of() : extensions.stream().filter(Objects::nonNull).toList();
    }

    /** The declared extensions, or a made-up one so that a scanner without extensions is still exercised. */
    private List<String> extensionsOrDefault() {
        List<String> extensions = declaredExtensions();
        return extensions.isEmpty() ? List.of("dat") : extensions;
    }

    private List<Path> samples() throws Exception {
        if (samples == null) {
            List<Path> written = sampleFiles(root);
            samples = written == null ? List.of() : written.stream().map(Path::toAbsolutePath).toList();
            for (Path sample : samples) {
                if (!Files.isRegularFile(sample)) {
                    fail("sampleFiles() returned " + sample + ", which is not a regular file");
                }
            }
        }
        return samples;
    }

    private TestScanContext context(Path file, Long sizeBytes, boolean cancelled) {
        return context(file, sizeBytes, cancelled, prober());
    }

    private TestScanContext context(Path file, Long sizeBytes, boolean cancelled, MediaProber prober) {
        TestScanContext.Builder builder = TestScanContext.builder(file).root(root).mediaType(mediaType())
                .prober(prober).cancelled(cancelled);
        if (sizeBytes != null) {
            builder.sizeBytes(sizeBytes);
        }
        return builder.build();
    }

    private Path caseFile(String kind, String extension) throws IOException {
        Path directory = Files.createDirectories(root.resolve(kind).resolve(BASE_NAME));
        return directory.resolve(BASE_NAME + "." + extension);
    }

    private List<Case> vanishedAndUnreadable() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String extension : extensionsOrDefault()) {
            Path vanished = caseFile("vanished", extension);
            Files.write(vanished, randomBytes(4096, 7));
            Files.delete(vanished);
            cases.add(new Case("vanished ." + extension, vanished, 4096L));

            Path unreadable = caseFile("unreadable", extension);
            Files.write(unreadable, randomBytes(4096, 8));
            try {
                Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
            } catch (UnsupportedOperationException | IOException e) {
                continue;
            }
            if (!Files.isReadable(unreadable)) { // running as root, permissions do not keep anyone out
                cases.add(new Case("unreadable ." + extension, unreadable, 4096L));
            }
        }
        return cases;
    }

    private List<Case> empty() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String extension : extensionsOrDefault()) {
            cases.add(new Case("empty ." + extension, Files.write(caseFile("empty", extension), new byte[0]), null));
        }
        return cases;
    }

    private List<Case> huge() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String extension : extensionsOrDefault()) {
            Path file = caseFile("huge", extension);
            try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
                sparse.setLength(HUGE_FILE_BYTES);
            }
            cases.add(new Case("huge sparse ." + extension, file, null));
        }
        return cases;
    }

    private List<Case> malformed() throws IOException {
        List<Case> cases = new ArrayList<>();
        int seed = 0;
        for (String extension : extensionsOrDefault()) {
            cases.add(new Case("random bytes ." + extension,
                    Files.write(caseFile("malformed-random", extension), randomBytes(16 * 1024, ++seed)), null));
            for (Map.Entry<String, byte[]> magic : MAGICS.entrySet()) {
                byte[] bytes = randomBytes(16 * 1024, ++seed);
                System.arraycopy(magic.getValue(), 0, bytes, 0, magic.getValue().length);
                cases.add(new Case(magic.getKey() + " magic + garbage ." + extension,
                        Files.write(caseFile("malformed-" + magic.getKey(), extension), bytes), null));
            }
        }
        return cases;
    }

    private List<Case> otherType() throws IOException {
        List<Case> cases = new ArrayList<>();
        byte[] text = "This is not a media file.\nJust some text.\n".repeat(20).getBytes(StandardCharsets.UTF_8);
        for (String extension : extensionsOrDefault()) {
            if (!extension.equals("png")) {
                cases.add(new Case("a PNG image named ." + extension,
                        Files.write(caseFile("other-png", extension), PNG), null));
            }
            if (!extension.equals("txt")) {
                cases.add(new Case("a text file named ." + extension,
                        Files.write(caseFile("other-text", extension), text), null));
            }
        }
        return cases;
    }

    private Outcome recognise(Case c) {
        return recognise(c.what, context(c.file, c.sizeBytes, false));
    }

    private Outcome recognise(String what, ScanContext context) {
        MediaScanner scanner = scannerUnderTest();
        return assertTimeoutPreemptively(RECOGNISE_TIMEOUT, () -> recogniseHere(scanner, what, context),
                () -> "recognise() did not return within " + RECOGNISE_TIMEOUT.toSeconds() + " s for " + what);
    }

    /** Recognises on the calling thread and checks what came back. */
    private Outcome recogniseHere(MediaScanner scanner, String what, ScanContext context) {
        Optional<MediaRecord> result;
        try {
            result = scanner.recognise(context);
        } catch (MediaScanException e) {
            return new Outcome(null, e);
        } catch (Throwable e) {
            throw new AssertionError("recognise() threw " + e + " for " + what
                    + "; only MediaScanException may leave recognise()", e);
        }
        if (result == null) {
            throw new AssertionError("recognise() returned null instead of an Optional for " + what);
        }
        MediaRecord record = result.orElse(null);
        if (record != null) {
            checkRecord(what, context.mediaType(), record);
        }
        return new Outcome(record, null);
    }

    private void checkRecord(String what, String mediaType, MediaRecord record) {
        List<String> problems = new ArrayList<>();
        if (record.getClass() != MediaRecord.class) {
            problems.add("the record is a " + record.getClass().getName() + ", not a plain MediaRecord");
        }
        if (record.title == null || record.title.isBlank()) {
            problems.add("the title is blank");
        }
        if (record.probe != null && record.probe.getClass() != ProbeResult.class) {
            problems.add("the probe is a " + record.probe.getClass().getName() + ", not a plain ProbeResult");
        }
        if (record.externalSubtitles == null) {
            problems.add("externalSubtitles is null");
        } else {
            for (ExternalSubtitle subtitle : record.externalSubtitles) {
                if (subtitle == null || subtitle.getClass() != ExternalSubtitle.class) {
                    problems.add("an external subtitle is " + (subtitle == null ? "null" : subtitle.getClass()));
                }
            }
        }
        if (record.metadata == null) {
            problems.add("metadata is null");
        } else {
            Map<String, MetadataField.Type> declared = declaredFields(mediaType);
            for (Map.Entry<String, Object> entry : record.metadata.entrySet()) {
                String key = entry.getKey();
                Object value = entry.getValue();
                if ("posterUrl".equals(key)) {
                    problems.add("metadata sets posterUrl, which only the core fills (set posterFile or"
                            + " posterImage instead)");
                    continue;
                }
                if (!declared.containsKey(key)) {
                    problems.add("metadata key '" + key + "' is not a declared field of '" + mediaType + "'");
                }
                String notDto = notDto(value, "metadata." + key);
                if (notDto != null) {
                    problems.add(notDto);
                } else if (declared.get(key) != null && !hasType(value, declared.get(key))) {
                    problems.add("metadata." + key + " = " + value + " (" + value.getClass().getSimpleName()
                            + ") is not of its declared type " + declared.get(key));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("the record for " + what + " breaks the DTO rules:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    private Map<String, MetadataField.Type> declaredFields(String mediaType) {
        Map<String, MetadataField.Type> fields = new LinkedHashMap<>();
        for (MediaTypeDescriptor type : descriptor().mediaTypes) {
            if (type != null && Objects.equals(type.name, mediaType) && type.fields != null) {
                for (MetadataField field : type.fields) {
                    if (field != null) {
                        fields.put(field.name, field.type);
                    }
                }
            }
        }
        return fields;
    }

    /** @return why the value is not JSON-like data of JDK classes, or null when it is */
    private static String notDto(Object value, String where) {
        if (value == null) {
            return where + " is null (leave out fields that do not apply)";
        }
        if (value.getClass().getClassLoader() != null) {
            return where + " is a " + value.getClass().getName() + ": only JDK classes may leave a plugin";
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Number) {
            return null;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String problem = notDto(list.get(i), where + "[" + i + "]");
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String)) {
                    return where + " has a key that is not a String: " + entry.getKey();
                }
                String problem = notDto(entry.getValue(), where + "." + entry.getKey());
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        return where + " is a " + value.getClass().getName() + "; only String, Number, Boolean, List and Map are"
                + " allowed";
    }

    private static boolean hasType(Object value, MetadataField.Type type) {
        return switch (type) {
            case STRING -> value instanceof String;
            case INTEGER -> value instanceof Integer || value instanceof Long || value instanceof Short
                    || value instanceof Byte || value instanceof BigInteger;
            case DECIMAL -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case DATE -> value instanceof String date && isIsoDate(date);
            case STRING_LIST -> value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
            case OBJECT_LIST -> value instanceof List<?> list && list.stream().allMatch(Map.class::isInstance);
        };
    }

    private static boolean isIsoDate(String date) {
        try {
            LocalDate.parse(date);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static MediaProber attributingProber(MediaProber prober, Set<Thread> proberThreads) {
        return file -> {
            Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
            try {
                return prober.probe(file);
            } finally {
                for (Thread thread : Thread.getAllStackTraces().keySet()) {
                    if (!before.contains(thread)) {
                        proberThreads.add(thread);
                    }
                }
            }
        };
    }

    /** Threads of the JVM (process reaper, cleaners) and of the test framework, which the scanner did not start. */
    private static boolean isJvmOrTestThread(Thread thread) {
        ThreadGroup group = thread.getThreadGroup();
        String groupName = group == null ? "" : group.getName();
        String name = thread.getName();
        return group == null || groupName.equals("system") || groupName.equals("InnocuousThreadGroup")
                || name.equals("process reaper") || name.startsWith("junit-") || name.startsWith("surefire-")
                || name.equals("Attach Listener") || name.equals("Common-Cleaner") || name.startsWith("JFR ");
    }

    private static String describe(Thread thread) {
        ThreadGroup group = thread.getThreadGroup();
        return "'" + thread.getName() + "' (" + (thread.isDaemon() ? "daemon" : "non-daemon") + ", group "
                + (group == null ? "-" : group.getName()) + ")";
    }

    private static String canonical(ScannerDescriptor descriptor) {
        if (descriptor == null) {
            return "null";
        }
        StringBuilder text = new StringBuilder("types [");
        if (descriptor.mediaTypes != null) {
            for (MediaTypeDescriptor type : descriptor.mediaTypes) {
                text.append(type == null ? "null" : type.name).append(" {");
                if (type != null && type.fields != null) {
                    for (MetadataField field : type.fields) {
                        text.append(field == null ? "null" : field.name + ":" + field.type).append(' ');
                    }
                }
                text.append("} ");
            }
        }
        return text.append("] extensions ").append(descriptor.extensions).toString();
    }

    private static void failIfAny(String heading, List<String> problems) {
        if (!problems.isEmpty()) {
            fail(heading + ":\n  - " + String.join("\n  - ", problems));
        }
    }

    private static String shorten(Path path) {
        String text = path.toString();
        return text.length() <= 120 ? text : text.substring(0, 60) + "…" + text.substring(text.length() - 50);
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static Map<String, byte[]> magics() {
        Map<String, byte[]> magics = new LinkedHashMap<>();
        magics.put("zip", new byte[] {'P', 'K', 3, 4});
        magics.put("pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        magics.put("id3", new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0x10, 0});
        magics.put("flac", "fLaC".getBytes(StandardCharsets.US_ASCII));
        magics.put("ogg", "OggS".getBytes(StandardCharsets.US_ASCII));
        magics.put("mp4", new byte[] {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'});
        magics.put("ebml", new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3});
        magics.put("rar", new byte[] {'R', 'a', 'r', '!', 0x1A, 0x07, 0});
        magics.put("7z", new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C});
        magics.put("xml", "<?xml version=\"1.0\"?><".getBytes(StandardCharsets.US_ASCII));
        return magics;
    }

    private static byte[] unhex(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    /** One file the kit recognises; sizeBytes overrides what the walk saw (for a file that vanished). */
    private record Case(String what, Path file, Long sizeBytes) {
    }

    /** What recognise gave: a record, no item (both null), or a MediaScanException. */
    private record Outcome(MediaRecord record, MediaScanException error) {

        String summary() {
            if (error != null) {
                return "MediaScanException: " + error.getMessage();
            }
            if (record == null) {
                return "no item";
            }
            return "record title=" + record.title + ", year=" + record.year + ", container=" + record.container
                    + ", duration=" + record.durationSeconds + ", metadata=" + record.metadata
                    + ", posterFile=" + (record.posterFile != null) + ", posterImage="
                    + (record.posterImage == null ? "none" : Arrays.hashCode(record.posterImage))
                    + ", subtitles=" + (record.externalSubtitles == null ? 0 : record.externalSubtitles.size());
        }
    }
}
