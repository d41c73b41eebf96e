package org.omnilux.scanner.music.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the names say about a track, for files without tags (or with holes in them). The layouts are the
 * ones Plex, Jellyfin, Lidarr and beets produce: {@code Artist/Album (Year)/01 - Title.flac}, optionally with a
 * {@code CD1}/{@code Disc 2} folder below the album, and the usual file names ({@code 01 - Title},
 * {@code 01. Title}, {@code 1-01 Title}, {@code Artist - Title}, {@code 01 - Artist - Title}). Pure string work.
 */
final class TrackNameParser {

    /** {@code 1-01 Title}, {@code 2-05 - Title}: disc and track. */
    private static final Pattern DISC_TRACK = Pattern.compile("^(\\d)-(\\d{2})(?:\\s*[-.]\\s*|\\s+|_)(.+)$");
    /** {@code 01 - Title}, {@code 01. Title}, {@code 01_Title}, {@code Track 01 - Title}, {@code 01) Title}. */
    private static final Pattern TRACK_SEPARATED = Pattern.compile(
            "^(?:track\\s*)?(\\d{1,3})(?:\\s*[-.)_]\\s*)(.+)$", Pattern.CASE_INSENSITIVE);
    /** {@code 01 Title}: a bare space only after a zero-padded or two-digit number. */
    private static final Pattern TRACK_SPACED = Pattern.compile("^(\\d{2})\\s+(.+)$");
    /** {@code Track 07}, {@code 07}: a number and nothing else. */
    private static final Pattern TRACK_ONLY = Pattern.compile("^(?:track\\s*)?(\\d{1,3})$", Pattern.CASE_INSENSITIVE);
    /** {@code Artist - 03 - Title}. */
    private static final Pattern ARTIST_TRACK_TITLE = Pattern.compile("^(.+?)\\s+-\\s+(\\d{1,3})\\s+-\\s+(.+)$");
    private static final Pattern DASH = Pattern.compile("\\s+-\\s+");
    /** Words that make "Title - Live" a version of the title rather than "Artist - Title". */
    private static final Pattern VERSION_SUFFIX = Pattern.compile(
            "(?i).*\\b(remaster(ed)?|live|remix|mix|edit|version|demo|acoustic|mono|stereo|bonus|instrumental|single)\\b.*");
    private static final Pattern DISC_FOLDER = Pattern.compile("^(?:cd|disc|disk|dvd)\\s*[-_]?\\s*0*(\\d{1,2})(?:\\b.*)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR_IN_BRACKETS = Pattern.compile("\\s*[(\\[]((?:19|20)\\d\\d)[)\\]]\\s*");
    /** {@code Album - 2009} */
    private static final Pattern TRAILING_YEAR = Pattern.compile("^(.+?)\\s+-\\s+((?:19|20)\\d\\d)$");
    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
    private static final Pattern EDGE_DASHES = Pattern.compile("^[-\\s]+|[-\\s]+$");
    private static final Pattern LEADING_YEAR = Pattern.compile("^[(\\[]?((?:19|20)\\d\\d)[)\\]]?\\s*(?:-\\s*|\\.\\s*|\\s)(.+)$");
    /** {@code [FLAC]}, {@code [MP3 320]}, {@code (24bit-96kHz)}: release details, not part of the album name. */
    private static final Pattern FORMAT_TAG = Pattern.compile(
            "\\s*[(\\[][^)\\]]*\\b(flac|mp3|aac|alac|ogg|opus|wav|\\d{3}\\s*kbps|v0|v2|320|24\\s*-?\\s*bit|16\\s*-?\\s*bit|\\d+(?:\\.\\d)?\\s*khz|web|cd|vinyl|lossless)\\b[^)\\]]*[)\\]]",
            Pattern.CASE_INSENSITIVE);

    /**
     * @param file a track file
     * @param root the library root it was found under; folders at or above the root say nothing
     */
    ParsedTrack parse(Path file, Path root) {
        FileName name = parseFileName(FileNames.baseName(FileNames.name(file)));
        List<String> folders = foldersBelowRoot(file, root);

        Integer disc = name.disc;
        if (!folders.isEmpty()) {
            Matcher discFolder = DISC_FOLDER.matcher(folders.get(folders.size() - 1));
            if (discFolder.matches()) {
                folders.remove(folders.size() - 1);
                if (disc == null) {
                    disc = positive(discFolder.group(1));
                }
            }
        }
        String folderArtist = null;
        String albumFolder = null;
        if (folders.size() >= 2) {
            folderArtist = folders.get(folders.size() - 2);
            albumFolder = folders.get(folders.size() - 1);
        } else if (folders.size() == 1) {
            albumFolder = folders.get(0);
        }
        Album album = albumFolder == null ? new Album(null, null, null) : parseAlbumFolder(albumFolder, folderArtist == null);
        if (folderArtist == null) {
            folderArtist = album.artist;
        }
        String artist = name.artist != null ? name.artist : folderArtist;
        return new ParsedTrack(name.title, name.track, disc, artist, folderArtist, album.title, album.year);
    }

    private record FileName(String title, Integer track, Integer disc, String artist) {
    }

    record Album(String title, Integer year, String artist) {
    }

    private static FileName parseFileName(String base) {
        String name = spaces(base);
        Matcher m = DISC_TRACK.matcher(name);
        if (m.matches()) {
            return withArtist(m.group(3), positive(m.group(2)), positive(m.group(1)));
        }
        m = ARTIST_TRACK_TITLE.matcher(name);
        if (m.matches()) {
            return new FileName(clean(m.group(3)), positive(m.group(2)), null, clean(m.group(1)));
        }
        m = TRACK_SEPARATED.matcher(name);
        if (!m.matches()) {
            m = TRACK_SPACED.matcher(name);
        }
        if (m.matches()) {
            return withArtist(m.group(2), positive(m.group(1)), null);
        }
        m = TRACK_ONLY.matcher(name);
        if (m.matches()) {
            return new FileName(null, positive(m.group(1)), null, null); // the title must come from elsewhere
        }
        return withArtist(name, null, null);
    }

    /** {@code Artist - Title} unless the part after the dash is a version ({@code Title - Live}). */
    private static FileName withArtist(String rest, Integer track, Integer disc) {
        String[] parts = DASH.split(rest.trim(), 2);
        if (parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank()
                && !VERSION_SUFFIX.matcher(parts[1]).matches()) {
            return new FileName(clean(parts[1]), track, disc, clean(parts[0]));
        }
        return new FileName(clean(rest), track, disc, null);
    }

    /**
     * @param name          an album folder name
     * @param mayHoldArtist {@code true} when there is no artist folder above, so that {@code Artist - Album} is
     *                      read as both
     */
    static Album parseAlbumFolder(String name, boolean mayHoldArtist) {
        String album = FORMAT_TAG.matcher(spaces(name)).replaceAll(" ").trim();
        Integer year = null;
        Matcher m = YEAR_IN_BRACKETS.matcher(album);
        if (m.find()) {
            year = Integer.valueOf(m.group(1));
            album = (album.substring(0, m.start()) + " " + album.substring(m.end())).trim();
        }
        String artist = null;
        if (mayHoldArtist) {
            String[] parts = DASH.split(album, 2);
            if (parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank()
                    && !FOUR_DIGITS.matcher(parts[0]).matches()) {
                artist = parts[0].trim();
                album = parts[1].trim();
            }
        }
        m = LEADING_YEAR.matcher(album);
        if (year == null && m.matches()) {
            year = Integer.valueOf(m.group(1));
            album = m.group(2).trim();
        }
        m = TRAILING_YEAR.matcher(album);
        if (year == null && m.matches()) {
            year = Integer.valueOf(m.group(2));
            album = m.group(1).trim();
        }
        album = EDGE_DASHES.matcher(album).replaceAll("");
        return new Album(album.isEmpty() ? null : album, year, artist);
    }

    private static List<String> foldersBelowRoot(Path file, Path root) {
        List<String> folders = new ArrayList<>();
        Path parent = file.getParent();
        if (parent == null || root == null || !parent.startsWith(root) || parent.equals(root)) {
            return folders;
        }
        for (Path part : root.relativize(parent)) {
            folders.add(part.toString());
        }
        return folders;
    }

    /** Underscores stand for spaces in names that have no spaces at all ({@code 01_my_song}). */
    private static String spaces(String name) {
        return name.indexOf(' ') < 0 ? name.replace('_', ' ').trim() : name.trim();
    }

    private static String clean(String value) {
        String v = value == null ? "" : value.trim();
        return v.isEmpty() ? null : v;
    }

    private static Integer positive(String digits) {
        int n = Integer.parseInt(digits);
        return n > 0 ? n : null;
    }
}
