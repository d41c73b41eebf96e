package org.omnilux.scanner.tv.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds an episode's local image by the names Kodi, Jellyfin and Plex use, most specific first: the episode's
 * own thumbnail, then the season's poster, then the show's. Looks at names in listings it is given: no I/O.
 */
public final class TvPosterFinder {

    private static final List<String> IMAGE_EXTENSIONS = List.of("jpg", "jpeg", "png");
    private static final List<String> FOLDER_IMAGES = List.of("poster", "folder", "cover");
    private static final List<String> SHOW_IMAGES = List.of("poster", "folder", "cover", "show");

    /**
     * @param file              the episode file
     * @param folders           its season and show folders
     * @param season            its season, or {@code null}
     * @param siblings          the entries of the file's own folder
     * @param showFolderEntries the entries of the show folder (the siblings when the show folder is the file's
     *                          own), empty when there is no show folder
     * @return the best image, or empty
     */
    public Optional<Path> find(Path file, EpisodeFolders folders, Integer season, List<Path> siblings,
            List<Path> showFolderEntries) {
        String base = FileNames.baseName(FileNames.name(file)).toLowerCase(Locale.ROOT);
        Optional<Path> thumb = first(siblings, List.of(base + "-thumb", base));
        if (thumb.isPresent()) {
            return thumb;
        }
        if (folders.seasonFolder() != null) {
            Optional<Path> seasonFolderImage = first(siblings, FOLDER_IMAGES);
            if (seasonFolderImage.isPresent()) {
                return seasonFolderImage;
            }
        }
        if (season != null) {
            Optional<Path> seasonPoster = first(showFolderEntries, seasonPosterNames(season));
            if (seasonPoster.isPresent()) {
                return seasonPoster;
            }
        }
        // without a show folder, an image in the root is not every loose episode's poster
        return first(showFolderEntries, SHOW_IMAGES);
    }

    /** Kodi/Jellyfin {@code season01-poster.jpg}, {@code season-specials-poster.jpg}; Plex {@code Season01.jpg}. */
    private static List<String> seasonPosterNames(int season) {
        List<String> names = new ArrayList<>();
        if (season == 0) {
            names.add("season-specials-poster");
        }
        names.add(String.format(Locale.ROOT, "season%02d-poster", season));
        names.add("season" + season + "-poster");
        names.add(String.format(Locale.ROOT, "season%02d", season));
        names.add("season" + season);
        if (season == 0) {
            names.add("season-specials");
            names.add("specials");
        }
        return names;
    }

    private static Optional<Path> first(List<Path> entries, List<String> lowerCaseBaseNames) {
        for (String baseName : lowerCaseBaseNames) {
            for (String extension : IMAGE_EXTENSIONS) {
                Optional<Path> image = FileNames.named(baseName + "." + extension, entries);
                if (image.isPresent()) {
                    return image;
                }
            }
        }
        return Optional.empty();
    }
}
