package org.omnilux.scanner.tv.internal;

import java.nio.file.Path;

/**
 * Where an episode sits: the season folder holding it and the show folder above. Both are below the library
 * root; the root itself is a library of shows, never a show.
 *
 * @param seasonFolder the file's folder when it is a season folder ({@code Season 01}, {@code Specials},
 *                     {@code Show.S01.1080p-GRP}), else {@code null}
 * @param showFolder   the file's folder when it is not a season folder, else the folder above the season
 *                     folder; {@code null} when that would be the root or lie outside it
 */
public record EpisodeFolders(Path seasonFolder, Path showFolder) {

    /** @return {@code true} when the show folder is the file's own folder (its listing is the siblings) */
    public boolean showFolderIsParentOf(Path file) {
        return showFolder != null && showFolder.equals(file.getParent());
    }
}
