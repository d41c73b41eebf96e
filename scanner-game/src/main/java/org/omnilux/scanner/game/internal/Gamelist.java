package org.omnilux.scanner.game.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The {@code gamelist.xml} that EmulationStation front ends (RetroPie, Batocera, Recalbox, ES-DE in its legacy
 * layout) and their scrapers (Skyscraper, the built-in ones) keep in a system's ROM folder: per game its
 * {@code path} ({@code ./sf2.zip}), its {@code name} as the scraper found it ("Street Fighter II: The World
 * Warrior" for MAME's {@code sf2}) and its {@code releasedate} ({@code 19910301T000000}). Only the games of the
 * list's own folder are taken: a path into a sub-folder, or out of the folder, names nothing here. Older front ends
 * wrote absolute paths ({@code /home/pi/RetroPie/roms/mame/sf2.zip}, {@code ~/RetroPie/roms/mame/sf2.zip},
 * {@code C:\ROMs\mame\sf2.zip}): one whose folder has the list's folder's name counts as the list's own.
 *
 * <p>Read with StAX, no DTD and no external entities; a list larger than {@value #MAX_BYTES} bytes or that cannot be
 * parsed is no list (the games keep what their files and names say). Immutable once read.
 */
final class Gamelist {

    static final String FILE_NAME = "gamelist.xml";
    /** A scraped list of a few thousand games with descriptions is a few MB. */
    static final int MAX_BYTES = 32 * 1024 * 1024;
    static final Gamelist NONE = new Gamelist(Map.of());

    private static final Pattern YEAR = Pattern.compile("^((?:19|20)\\d\\d)");

    /** What the list says of one game; either may be {@code null}. */
    record Game(String name, Integer year) {
    }

    private final Map<String, Game> byFileName;

    private Gamelist(Map<String, Game> byFileName) {
        this.byFileName = byFileName;
    }

    /** @return the list among a folder's entries, or {@link #NONE} */
    static Gamelist in(List<Path> entries) {
        for (Path entry : entries) {
            if (FileNames.name(entry).equalsIgnoreCase(FILE_NAME)) {
                return read(entry);
            }
        }
        return NONE;
    }

    /** The list's folder's own name, which an absolute path in it must end with. */
    private static String folderName(Path list) {
        Path folder = list.toAbsolutePath().getParent();
        return folder == null ? "" : FileNames.name(folder);
    }

    /** @return what the list says of the game file of this name (in any case, as a list made on Windows), or {@code null} */
    Game game(String fileName) {
        return byFileName.get(fileName.toLowerCase(Locale.ROOT));
    }

    static Gamelist read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                return NONE;
            }
            try (InputStream in = Files.newInputStream(file)) {
                return parse(in, folderName(file));
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            return NONE; // a broken list: the games keep what their files and names say
        }
    }

    static Gamelist parse(InputStream in, String folderName) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        XMLStreamReader xml = factory.createXMLStreamReader(in);
        Map<String, Game> games = new HashMap<>();
        try {
            String path = null;
            String name = null;
            String date = null;
            int depth = 0;
            int gameDepth = -1;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String element = xml.getLocalName();
                    if (element.equals("game") && gameDepth < 0) {
                        gameDepth = depth;
                        path = null;
                        name = null;
                        date = null;
                    } else if (gameDepth > 0 && depth == gameDepth + 1) {
                        switch (element) {
                            case "path" -> path = xml.getElementText().strip();
                            case "name" -> name = xml.getElementText().strip();
                            case "releasedate" -> date = xml.getElementText().strip();
                            default -> {
                                continue; // read on: its own content may be elements
                            }
                        }
                        depth--; // getElementText consumed the end tag
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == gameDepth) {
                        String fileName = ownFileName(path, folderName);
                        if (fileName != null) {
                            games.putIfAbsent(fileName.toLowerCase(Locale.ROOT), new Game(name == null || name.isEmpty() ? null : name,
                                    year(date)));
                        }
                        gameDepth = -1;
                    }
                    depth--;
                }
            }
        } finally {
            xml.close();
        }
        return games.isEmpty() ? NONE : new Gamelist(Map.copyOf(games));
    }

    /**
     * {@code ./sf2.zip}, {@code sf2.zip}, or an absolute path through a folder of the list's folder's name →
     * {@code sf2.zip}; a path into or out of another folder → {@code null}.
     */
    private static String ownFileName(String path, String folderName) {
        if (path == null) {
            return null;
        }
        String p = path.replace('\\', '/');
        if (p.startsWith("./")) {
            p = p.substring(2);
        }
        int slash = p.lastIndexOf('/');
        if (slash < 0) {
            return p.isEmpty() ? null : p;
        }
        boolean absolute = p.startsWith("/") || p.startsWith("~/") || p.length() > 2 && p.charAt(1) == ':';
        String folder = p.substring(p.lastIndexOf('/', slash - 1) + 1, slash);
        return absolute && !folder.isEmpty() && folder.equalsIgnoreCase(folderName) && slash < p.length() - 1
                ? p.substring(slash + 1) : null;
    }

    /** {@code 19910301T000000} → 1991; ES front ends write {@code 19700101T010000} for "unknown": none. */
    private static Integer year(String date) {
        if (date == null) {
            return null;
        }
        Matcher m = YEAR.matcher(date);
        if (!m.find()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        return year == 1970 && date.startsWith("19700101") ? null : year;
    }
}
