package org.omnilux.scanner.tv.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads Kodi-style TV NFO sidecars, as written by Kodi, Jellyfin, Emby, Sonarr and tinyMediaManager:
 * {@code tvshow.nfo} in the show folder and {@code <episode file name>.nfo} next to an episode, including the
 * multi-episode form (several {@code <episodedetails>} one after the other). An NFO that cannot be read is
 * treated as absent: it is a hint, and a bad one must not keep the episode out of the library. Thread-safe.
 */
public final class TvNfoReader {

    // NFOs are a few kB; anything far larger is not one, and is not worth reading into memory
    private static final long MAX_NFO_BYTES = 1024 * 1024;
    private static final String SHOW_NFO = "tvshow.nfo";
    private static final String WRAPPER = "omnilux-episodes";
    private static final Pattern XML_DECLARATION = Pattern.compile("^<\\?xml[^>]*\\?>");
    private static final Pattern DECLARED_ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");
    private static final Pattern EPISODE_START = Pattern.compile("<episodedetails[\\s>]", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR_PREFIX = Pattern.compile("^([12][0-9]{3})(?:$|-)");

    /** Fails on errors instead of the JDK default, which prints "[Fatal Error]" to stderr. */
    private static final ErrorHandler THROWING_ERROR_HANDLER = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    /**
     * @param file     the episode file
     * @param siblings the other entries of its directory
     * @return {@code <file name without extension>.nfo} (any case) when present
     */
    public Optional<Path> findEpisodeNfo(Path file, List<Path> siblings) {
        String own = (FileNames.baseName(FileNames.name(file)) + ".nfo").toLowerCase(Locale.ROOT);
        return FileNames.named(own, siblings);
    }

    /**
     * @param showFolderEntries the entries of the show folder
     * @return its {@code tvshow.nfo} (any case) when present
     */
    public Optional<Path> findShowNfo(List<Path> showFolderEntries) {
        return FileNames.named(SHOW_NFO, showFolderEntries);
    }

    /**
     * @param nfo an episode NFO file
     * @return what it says, or empty when it cannot be read, is not well-formed, is not an episode NFO, or is
     *         too large to be one
     */
    public Optional<EpisodeNfo> readEpisode(Path nfo) {
        byte[] bytes = readSmallFile(nfo);
        if (bytes == null) {
            return Optional.empty();
        }
        Element root;
        try {
            root = parse(new InputSource(new ByteArrayInputStream(bytes))).getDocumentElement();
        } catch (SAXException e) {
            root = parseConcatenatedEpisodes(bytes);
        } catch (ParserConfigurationException | IOException e) {
            return Optional.empty();
        }
        if (root == null) {
            return Optional.empty();
        }
        List<Element> episodes = new ArrayList<>();
        if (root.getTagName().equalsIgnoreCase("episodedetails")) {
            episodes.add(root);
        } else if (root.getTagName().equals(WRAPPER)) {
            for (Element child : childElements(root)) {
                if (child.getTagName().equalsIgnoreCase("episodedetails")) {
                    episodes.add(child);
                }
            }
        }
        // a <tvshow> or <movie> NFO says nothing about this episode
        return episodes.isEmpty() ? Optional.empty() : Optional.of(episode(episodes));
    }

    /**
     * @param nfo a {@code tvshow.nfo} file
     * @return what it says, or empty when it cannot be read, is not well-formed or is not a show NFO
     */
    public Optional<ShowNfo> readShow(Path nfo) {
        byte[] bytes = readSmallFile(nfo);
        if (bytes == null) {
            return Optional.empty();
        }
        Element root;
        try {
            root = parse(new InputSource(new ByteArrayInputStream(bytes))).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return Optional.empty(); // also a URL-only NFO: provider links are not fields of this type
        }
        if (!root.getTagName().equalsIgnoreCase("tvshow")) {
            return Optional.empty();
        }
        String title = null;
        Integer year = null;
        Integer premieredYear = null;
        String plot = null;
        String outline = null;
        for (Element child : childElements(root)) {
            String value = text(child);
            switch (child.getTagName().toLowerCase(Locale.ROOT)) {
                case "title" -> title = value;
                case "year" -> year = year(value);
                case "premiered" -> premieredYear = year(value);
                case "plot" -> plot = value;
                case "outline" -> outline = value;
                default -> {
                }
            }
        }
        return Optional.of(new ShowNfo(title, year != null ? year : premieredYear, plot != null ? plot : outline));
    }

    private static EpisodeNfo episode(List<Element> episodes) {
        String showTitle = null;
        List<String> titles = new ArrayList<>();
        Integer season = null;
        Integer first = null;
        Integer last = null;
        LocalDate aired = null;
        String plot = null;
        for (int i = 0; i < episodes.size(); i++) {
            String ownTitle = null;
            Integer ownSeason = null;
            Integer ownEpisode = null;
            String ownPlot = null;
            String ownOutline = null;
            LocalDate ownAired = null;
            for (Element child : childElements(episodes.get(i))) {
                String value = text(child);
                switch (child.getTagName().toLowerCase(Locale.ROOT)) {
                    case "title" -> ownTitle = value;
                    case "showtitle" -> showTitle = showTitle != null ? showTitle : value;
                    case "season" -> ownSeason = number(value);
                    case "episode" -> ownEpisode = number(value);
                    case "aired" -> ownAired = date(value);
                    case "premiered" -> ownAired = ownAired != null ? ownAired : date(value);
                    case "plot" -> ownPlot = value;
                    case "outline" -> ownOutline = value;
                    default -> {
                    }
                }
            }
            if (ownTitle != null && !titles.contains(ownTitle)) {
                titles.add(ownTitle);
            }
            if (i == 0) {
                season = ownSeason;
                first = ownEpisode;
                aired = ownAired;
                plot = ownPlot != null ? ownPlot : ownOutline;
            } else if (first != null && ownEpisode != null && ownEpisode > first
                    && (ownSeason == null || ownSeason.equals(season))) {
                last = last == null ? ownEpisode : Math.max(last, ownEpisode);
            }
        }
        return new EpisodeNfo(showTitle, titles.isEmpty() ? null : String.join(" / ", titles), season, first, last,
                aired, plot);
    }

    /** Kodi's multi-episode NFO has one root per episode, which no XML parser takes as it is: wrap them. */
    private static Element parseConcatenatedEpisodes(byte[] bytes) {
        String text = new String(bytes, charsetOf(bytes)).strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).strip();
        }
        Matcher episodeStarts = EPISODE_START.matcher(text);
        int count = 0;
        while (episodeStarts.find()) {
            count++;
        }
        if (count < 2) {
            return null;
        }
        text = XML_DECLARATION.matcher(text).replaceFirst("");
        try {
            // a DOCTYPE inside the wrapper is an error, so this refuses entities as the plain parse does
            return parse(new InputSource(new StringReader("<" + WRAPPER + ">" + text + "</" + WRAPPER + ">")))
                    .getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return null;
        }
    }

    private static Charset charsetOf(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
        Matcher declaration = XML_DECLARATION.matcher(head.replace("\uFEFF", "").replace("ï»¿", "").strip());
        if (declaration.find()) {
            Matcher encoding = DECLARED_ENCODING.matcher(declaration.group());
            if (encoding.find()) {
                try {
                    return Charset.forName(encoding.group(1));
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static byte[] readSmallFile(Path file) {
        try {
            if (Files.size(file) > MAX_NFO_BYTES) {
                return null;
            }
            return Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    private static Document parse(InputSource source) throws ParserConfigurationException, SAXException, IOException {
        // the built-in JDK parser: its security features are known, and OSGi service lookup is not needed
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        // NFOs come with downloaded media: no DTDs, no entities, nothing fetched from files or the network
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(THROWING_ERROR_HANDLER);
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        return builder.parse(source);
    }

    private static Integer number(String value) {
        if (value == null || !value.matches("[0-9]{1,6}")) {
            return null; // Kodi writes -1 for "unknown"
        }
        return Integer.valueOf(value);
    }

    private static LocalDate date(String value) {
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Integer year(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = YEAR_PREFIX.matcher(value);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static List<Element> childElements(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    private static String text(Node node) {
        if (node == null) {
            return null;
        }
        String text = node.getTextContent();
        return text == null || text.isBlank() ? null : text.strip();
    }
}
