package org.omnilux.scanner.audiobook.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Works out which files make up the book a file belongs to.
 *
 * <ul>
 * <li>A file directly in the library root is a book of its own.</li>
 * <li>Otherwise its folder is the book folder — or the folder above, when its folder is a disc folder
 *     ({@code CD1}, {@code Disc 2}, {@code Disk 03}). Every audio file in the book folder and in its disc
 *     folders is a part of that one book, ordered naturally by path ({@code CD1/02} before {@code CD1/10}
 *     before {@code CD2/01}).</li>
 * <li>Exception: a folder holding only {@code .m4b} files whose names differ in more than their numbers
 *     ({@code Book One.m4b}, {@code Book Two.m4b}) holds one book per file, since m4b is the one-file book
 *     format; {@code Book - Part 1.m4b}, {@code Book - Part 2.m4b} stay parts of one book.</li>
 * </ul>
 */
final class BookLayout {

    private static final Pattern DISC_FOLDER = Pattern.compile("^(?:cd|disc|disk)\\s*[-_]?\\s*\\d{1,3}\\b.*$",
            Pattern.CASE_INSENSITIVE);
    private static final Comparator<Path> NATURAL = Comparator.comparing(Path::toString, FileNames.NATURAL_ORDER);

    /**
     * @param bookFolder the folder the book's name comes from, or {@code null} for a file loose in the root
     * @param parts      the book's files in playing order; just the file itself for a single-file book
     * @param shared     {@code true} when the file's folder holds other books too (separate m4b books), so that
     *                   neither its name nor its images are this book's
     */
    record Book(Path bookFolder, List<Path> parts, boolean shared) {
        boolean isSingleFile() {
            return parts.size() == 1;
        }

        Path first() {
            return parts.get(0);
        }
    }

    /**
     * @param file     an audio file the scanner accepts
     * @param root     the library root
     * @param siblings the other entries of the file's folder
     * @param isAudio  which paths are parts (the scanner's extensions, dot-files left out)
     */
    Book find(Path file, Path root, List<Path> siblings, Predicate<Path> isAudio) {
        Path folder = file.getParent();
        if (folder == null || folder.equals(root) || !folder.startsWith(root)) {
            return new Book(null, List.of(file), false);
        }
        Path bookFolder = folder;
        Path above = folder.getParent();
        if (DISC_FOLDER.matcher(FileNames.name(folder)).matches() && above != null && above.startsWith(root)
                && !above.equals(root)) {
            bookFolder = above;
        }
        List<Path> entries = new ArrayList<>();
        if (bookFolder.equals(folder)) {
            entries.addAll(siblings);
            entries.add(file);
        } else {
            entries.addAll(list(bookFolder));
        }
        List<Path> parts = new ArrayList<>();
        for (Path entry : entries) {
            if (isAudio.test(entry) && !Files.isDirectory(entry)) {
                parts.add(entry);
            } else if (DISC_FOLDER.matcher(FileNames.name(entry)).matches() && Files.isDirectory(entry)) {
                for (Path inDisc : entry.equals(folder) ? withFile(siblings, file) : list(entry)) {
                    if (isAudio.test(inDisc) && !Files.isDirectory(inDisc)) {
                        parts.add(inDisc);
                    }
                }
            }
        }
        if (!parts.contains(file)) {
            parts.add(file);
        }
        Path base = bookFolder;
        parts.sort(Comparator.comparing((Path p) -> base.relativize(p).toString(), FileNames.NATURAL_ORDER)
                .thenComparing(NATURAL));
        if (parts.size() > 1 && separateM4bBooks(parts)) {
            return new Book(folder, List.of(file), true);
        }
        return new Book(bookFolder, List.copyOf(parts), false);
    }

    private static boolean separateM4bBooks(List<Path> parts) {
        String shape = null;
        boolean allM4b = true;
        boolean sameShape = true;
        for (Path part : parts) {
            String name = FileNames.name(part);
            allM4b &= FileNames.extension(name).equals("m4b");
            String withoutNumbers = name.replaceAll("\\d+", "#").toLowerCase(Locale.ROOT);
            if (shape == null) {
                shape = withoutNumbers;
            }
            sameShape &= shape.equals(withoutNumbers);
        }
        return allM4b && !sameShape;
    }

    private static List<Path> withFile(List<Path> siblings, Path file) {
        List<Path> all = new ArrayList<>(siblings);
        all.add(file);
        return all;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        } catch (IOException e) {
            return List.of(); // a folder that vanished mid-scan has no parts
        }
    }
}
