package org.omnilux.scanner.music.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds an album's cover image in its folder, by the names players and rippers write (by default {@code cover},
 * {@code folder}, {@code front}, {@code album}, {@code albumart}, each as {@code .jpg}, {@code .jpeg}, {@code .png}),
 * in that order of preference. A disc folder ({@code CD2}) without a cover of its own uses the album folder's.
 * With {@code albumart} among the names, Windows Media Player's own files count too: its
 * {@code AlbumArt_{GUID}_Large.jpg} as {@code albumart}, its 75-pixel {@code AlbumArtSmall.jpg} after every other.
 */
final class CoverFinder {

    static final String DEFAULT_BASE_NAMES = "cover, folder, front, album, albumart";
    private static final List<String> EXTENSIONS = List.of("jpg", "jpeg", "png");
    private static final Pattern DISC_FOLDER = Pattern.compile("^(?:cd|disc|disk|dvd)\\s*[-_]?\\s*\\d{1,2}\\b.*$",
            Pattern.CASE_INSENSITIVE);

    /** Windows Media Player's large cover: {@code AlbumArt_{} and a GUID, {@code }_Large.jpg}. */
    private static final Pattern WMP_LARGE = Pattern.compile("albumart_\\{[0-9a-f-]{36}}_large\\.jpg");
    private static final String WMP_LARGE_EXAMPLE = "albumart_{00000000-0000-0000-0000-000000000000}_large.jpg";
    private static final String WMP_ALBUM_ART = "albumart";

    /** lower-case file name to its preference, 0 the best; looked up once per entry of the folder */
    private final Map<String, Integer> ranks = new HashMap<>();
    /** the rank of WMP's large cover (that of {@code albumart.jpg}), or {@code null} when albumart is not wanted */
    private final Integer wmpLargeRank;
    private final int longestName;
    /** the key of a folder's cover among the scan's per-folder values: other names, another key */
    final String folderKey;

    /** @param baseNames lower-case image names without extension, the preferred first */
    CoverFinder(List<String> baseNames) {
        int longest = 0;
        for (String base : baseNames) {
            for (String extension : EXTENSIONS) {
                String name = base + "." + extension;
                ranks.putIfAbsent(name, ranks.size());
                longest = Math.max(longest, name.length());
            }
        }
        if (baseNames.contains(WMP_ALBUM_ART)) {
            wmpLargeRank = ranks.get(WMP_ALBUM_ART + "." + EXTENSIONS.get(0));
            ranks.putIfAbsent("albumartsmall.jpg", ranks.size());
            longest = Math.max(longest, WMP_LARGE_EXAMPLE.length());
        } else {
            wmpLargeRank = null;
        }
        this.longestName = longest;
        this.folderKey = "org.omnilux.scanner.music.cover " + baseNames;
    }

    /**
     * The same for every track of a folder, so worked out once per folder (see {@code ScanContext.perFolder}).
     *
     * @param folder  the tracks' folder
     * @param root    the library root: a cover in the root is not every loose track's cover
     * @param entries the folder's entries
     */
    Optional<Path> find(Path folder, Path root, List<Path> entries) {
        if (folder == null || folder.equals(root)) {
            return Optional.empty();
        }
        Optional<Path> own = best(entries);
        if (own.isPresent()) {
            return own;
        }
        Path album = folder.getParent();
        if (album != null && !folder.equals(root) && album.startsWith(root) && !album.equals(root)
                && DISC_FOLDER.matcher(FileNames.name(folder)).matches()) {
            try (Stream<Path> albumEntries = Files.list(album)) {
                return best(albumEntries.toList());
            } catch (IOException e) {
                return Optional.empty(); // no cover is no error
            }
        }
        return Optional.empty();
    }

    /**
     * One pass over the folder: called for every track, and an album folder holds dozens of them, so the names are
     * not compared with every wanted name in turn (that cost as much as reading the track's tags).
     */
    Optional<Path> best(List<Path> candidates) {
        Path best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Path candidate : candidates) {
            // the path's string is kept by the path; getFileName() would make a new path for every entry
            String path = candidate.toString();
            int start = shortNameStart(path, candidate.getFileSystem().getSeparator());
            if (start < 0) {
                continue; // a track, most likely: longer than any cover name
            }
            String name = path.substring(start).toLowerCase(Locale.ROOT);
            Integer rank = ranks.get(name);
            if (rank == null && wmpLargeRank != null && WMP_LARGE.matcher(name).matches()) {
                rank = wmpLargeRank;
            }
            if (rank != null && rank < bestRank) {
                best = candidate;
                bestRank = rank;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * @return where the file name starts in {@code path}, or -1 when the name is longer than any cover name — told
     *         from the path's tail alone: most entries are tracks with long names, and searching each of them back
     *         to its separator was most of this class's time
     */
    private int shortNameStart(String path, String separator) {
        if (separator.length() != 1) {
            int start = path.lastIndexOf(separator) + 1;
            return path.length() - start > longestName ? -1 : start;
        }
        char sep = separator.charAt(0);
        int tail = path.length() - longestName - 1;
        if (tail >= 0 && path.indexOf(sep, tail) < 0) {
            return -1; // no separator among the last longestName + 1 characters
        }
        return path.lastIndexOf(sep) + 1;
    }
}
