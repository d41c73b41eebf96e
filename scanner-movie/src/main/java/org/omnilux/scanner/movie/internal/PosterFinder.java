package org.omnilux.scanner.movie.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a movie's local poster among the files next to it, by the names Kodi, Jellyfin and Plex use. Looks at
 * names only, no I/O.
 */
public final class PosterFinder {

    // most specific first: a poster named after the file beats the one for the whole folder
    private static final List<String> FOLDER_POSTER_NAMES = List.of("poster.jpg", "poster.jpeg", "poster.png",
            "folder.jpg", "folder.jpeg", "folder.png", "cover.jpg", "cover.jpeg", "cover.png");
    private static final List<String> OWN_POSTER_SUFFIXES = List.of("-poster.jpg", "-poster.jpeg", "-poster.png");

    /**
     * @param file     the movie file
     * @param root     the library root
     * @param siblings the other entries of its directory
     * @return the best poster image, or empty
     */
    public Optional<Path> find(Path file, Path root, List<Path> siblings) {
        String base = FileNames.baseName(FileNames.name(file)).toLowerCase(Locale.ROOT);
        for (String suffix : OWN_POSTER_SUFFIXES) {
            Optional<Path> poster = named(base + suffix, siblings);
            if (poster.isPresent()) {
                return poster;
            }
        }
        if (!FileNames.inOwnFolder(file, root)) {
            return Optional.empty(); // a poster.jpg in the root is not every loose movie's poster
        }
        for (String name : FOLDER_POSTER_NAMES) {
            Optional<Path> poster = named(name, siblings);
            if (poster.isPresent()) {
                return poster;
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> named(String lowerCaseName, List<Path> siblings) {
        return siblings.stream()
                .filter(sibling -> FileNames.name(sibling).toLowerCase(Locale.ROOT).equals(lowerCaseName))
                .findFirst();
    }
}
