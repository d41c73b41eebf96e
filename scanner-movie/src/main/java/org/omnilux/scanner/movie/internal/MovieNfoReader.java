package org.omnilux.scanner.movie.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Reads Kodi-style movie NFO sidecars ({@code movie.nfo}, {@code <name>.nfo}), as written by Kodi, Jellyfin,
 * Emby, Radarr and tinyMediaManager. Also understands the Kodi "URL NFO": a text file holding only an IMDb or
 * TMDB link, possibly after the XML. An NFO that cannot be read is treated as absent: it is a hint, and a bad
 * one must not keep the movie out of the library. Thread-safe.
 */
public final class MovieNfoReader {

    // NFOs are a few kB; anything far larger is not one, and is not worth reading into memory
    private static final long MAX_NFO_BYTES = 1024 * 1024;
    private static final byte[] MOVIE_END_TAG = "</movie>".getBytes(StandardCharsets.US_ASCII);

    private static final Pattern IMDB_ID = Pattern.compile("tt[0-9]{7,10}");
    private static final Pattern IMDB_URL = Pattern.compile("imdb\\.com/title/(tt[0-9]{7,10})", Pattern.CASE_INSENSITIVE);
    private static final Pattern TMDB_URL = Pattern.compile("themoviedb\\.org/movie/([0-9]{1,9})", Pattern.CASE_INSENSITIVE);
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
     * @param file     the movie file
     * @param root     the library root
     * @param siblings the other entries of its directory
     * @return {@code <name>.nfo} when present, else {@code movie.nfo} when the movie has a folder of its own,
     *         else empty
     */
    public Optional<Path> findNfo(Path file, Path root, List<Path> siblings) {
        String ownNfoName = FileNames.baseName(FileNames.name(file)) + ".nfo";
        Path folderNfo = null;
        for (Path sibling : siblings) {
            String name = FileNames.name(sibling);
            if (name.equalsIgnoreCase(ownNfoName)) {
                return Optional.of(sibling);
            }
            if (name.equalsIgnoreCase("movie.nfo")) {
                folderNfo = sibling;
            }
        }
        // like Kodi: a movie.nfo in the library root would describe every loose movie there
        return FileNames.inOwnFolder(file, root) ? Optional.ofNullable(folderNfo) : Optional.empty();
    }

    /**
     * @param nfo an NFO file
     * @return what it says, or empty when it cannot be read, is not well-formed, is not a movie NFO, or is
     *         too large to be one
     */
    public Optional<MovieNfo> read(Path nfo) {
        byte[] bytes;
        try {
            if (Files.size(nfo) > MAX_NFO_BYTES) {
                return Optional.empty();
            }
            bytes = Files.readAllBytes(nfo);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).strip();
        }
        if (!text.startsWith("<")) {
            return Optional.of(fromUrls(text));
        }
        try {
            return fromXml(parse(bytes).getDocumentElement());
        } catch (SAXException e) {
            return xmlFollowedByUrl(bytes);
        } catch (ParserConfigurationException | IOException e) {
            return Optional.empty();
        }
    }

    /** Kodi allows a scraper link after the XML: "&lt;movie&gt;…&lt;/movie&gt; https://www.imdb.com/title/tt…". */
    private static Optional<MovieNfo> xmlFollowedByUrl(byte[] bytes) {
        int xmlEnd = lastIndexOf(bytes, MOVIE_END_TAG);
        if (xmlEnd < 0) {
            return Optional.empty();
        }
        xmlEnd += MOVIE_END_TAG.length;
        MovieNfo urls = fromUrls(new String(bytes, xmlEnd, bytes.length - xmlEnd, StandardCharsets.UTF_8));
        try {
            return fromXml(parse(Arrays.copyOf(bytes, xmlEnd)).getDocumentElement())
                    .map(nfo -> withIdsFrom(nfo, urls));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return Optional.empty();
        }
    }

    private static Document parse(byte[] xml) throws ParserConfigurationException, SAXException, IOException {
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
        return builder.parse(new ByteArrayInputStream(xml));
    }

    private static Optional<MovieNfo> fromXml(Element root) {
        if (!root.getTagName().equalsIgnoreCase("movie")) {
            return Optional.empty(); // a <tvshow> or <episodedetails> NFO says nothing about a movie
        }
        String title = null;
        Integer year = null;
        Integer premieredYear = null;
        String plot = null;
        String outline = null;
        List<String> genres = new ArrayList<>();
        Double rating = null;
        Double ratingsRating = null;
        Integer uniqueTmdb = null;
        String uniqueImdb = null;
        Integer tmdbTag = null;
        String imdbTag = null;
        for (Element child : childElements(root)) {
            String value = text(child);
            switch (child.getTagName().toLowerCase(Locale.ROOT)) {
                case "title" -> title = value;
                case "year" -> year = year(value);
                case "premiered", "releasedate" -> premieredYear = year(value);
                case "plot" -> plot = value;
                case "outline" -> outline = value;
                case "genre" -> addGenres(genres, value);
                case "rating" -> rating = rating(value, null);
                case "ratings" -> ratingsRating = ratings(child);
                case "uniqueid" -> {
                    String type = child.getAttribute("type").toLowerCase(Locale.ROOT);
                    if (type.equals("tmdb") || type.equals("themoviedb")) {
                        uniqueTmdb = tmdbId(value);
                    } else if (type.equals("imdb")) {
                        uniqueImdb = imdbId(value);
                    }
                }
                case "tmdbid" -> tmdbTag = tmdbId(value);
                case "imdbid", "imdb_id" -> imdbTag = imdbId(value);
                // the default scraper's id; only an IMDb id is recognisable without its type
                case "id" -> imdbTag = imdbTag != null ? imdbTag : imdbId(value);
                default -> {
                }
            }
        }
        return Optional.of(new MovieNfo(title,
                year != null ? year : premieredYear,
                plot != null ? plot : outline,
                genres,
                rating != null ? rating : ratingsRating,
                uniqueTmdb != null ? uniqueTmdb : tmdbTag,
                uniqueImdb != null ? uniqueImdb : imdbTag));
    }

    /** {@code <ratings><rating name="imdb" max="10" default="true"><value>8.8</value>…}: the default one. */
    private static Double ratings(Element ratings) {
        Element chosen = null;
        for (Element rating : childElements(ratings)) {
            if (!rating.getTagName().equalsIgnoreCase("rating")) {
                continue;
            }
            if (chosen == null || "true".equalsIgnoreCase(rating.getAttribute("default"))) {
                chosen = rating;
            }
        }
        if (chosen == null) {
            return null;
        }
        for (Element value : childElements(chosen)) {
            if (value.getTagName().equalsIgnoreCase("value")) {
                return rating(text(value), text(chosen.getAttributeNode("max")));
            }
        }
        return null;
    }

    /** @return the rating on a 0–10 scale, or {@code null} when it is not a usable number */
    private static Double rating(String value, String max) {
        if (value == null) {
            return null;
        }
        try {
            double rating = Double.parseDouble(value);
            double scale = max == null ? 10 : Double.parseDouble(max);
            if (scale <= 0 || rating < 0 || rating > scale) {
                return null;
            }
            return Math.round(rating * 10 / scale * 100) / 100.0;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void addGenres(List<String> genres, String value) {
        if (value == null) {
            return;
        }
        // older Kodi versions wrote all genres into one element: "Action / Sci-Fi"
        for (String genre : value.split("\\s*/\\s*")) {
            if (!genre.isBlank() && !genres.contains(genre.strip())) {
                genres.add(genre.strip());
            }
        }
    }

    private static Integer year(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = YEAR_PREFIX.matcher(value);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static Integer tmdbId(String value) {
        if (value == null || !value.matches("[0-9]{1,9}")) {
            return null;
        }
        int id = Integer.parseInt(value);
        return id > 0 ? id : null;
    }

    private static String imdbId(String value) {
        return value != null && IMDB_ID.matcher(value).matches() ? value : null;
    }

    private static MovieNfo fromUrls(String text) {
        Matcher imdb = IMDB_URL.matcher(text);
        Matcher tmdb = TMDB_URL.matcher(text);
        return new MovieNfo(null, null, null, List.of(), null,
                tmdb.find() ? tmdbId(tmdb.group(1)) : null,
                imdb.find() ? imdb.group(1) : null);
    }

    private static MovieNfo withIdsFrom(MovieNfo nfo, MovieNfo urls) {
        return new MovieNfo(nfo.title(), nfo.year(), nfo.overview(), nfo.genres(), nfo.rating(),
                nfo.tmdbId() != null ? nfo.tmdbId() : urls.tmdbId(),
                nfo.imdbId() != null ? nfo.imdbId() : urls.imdbId());
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

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                // ASCII case-insensitive: "</Movie>" closes the document as well
                if (Character.toLowerCase((char) haystack[i + j]) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
