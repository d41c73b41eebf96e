package org.omnilux.scanner.movie.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieNfoReaderTest {

    private final MovieNfoReader reader = new MovieNfoReader();

    @TempDir
    Path dir;

    @Test
    void readsAKodiMovieNfo() throws IOException {
        Path nfo = write("movie.nfo", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <movie>
                  <title>Inception</title>
                  <originaltitle>Inception</originaltitle>
                  <year>2010</year>
                  <plot>A thief who steals corporate secrets through dream-sharing technology.</plot>
                  <genre>Action</genre>
                  <genre>Science Fiction</genre>
                  <genre>Action</genre>
                  <rating>8.8</rating>
                  <uniqueid type="imdb" default="true">tt1375666</uniqueid>
                  <uniqueid type="tmdb">27205</uniqueid>
                  <actor><name>Leonardo DiCaprio</name><role>Cobb</role></actor>
                </movie>
                """);

        MovieNfo movie = reader.read(nfo).orElseThrow();

        assertEquals("Inception", movie.title());
        assertEquals(2010, movie.year());
        assertEquals("A thief who steals corporate secrets through dream-sharing technology.", movie.overview());
        assertEquals(List.of("Action", "Science Fiction"), movie.genres());
        assertEquals(8.8, movie.rating());
        assertEquals(27205, movie.tmdbId());
        assertEquals("tt1375666", movie.imdbId());
    }

    @Test
    void readsTheDefaultOfTheNewerRatingsElementOnATenPointScale() throws IOException {
        Path nfo = write("Heat (1995).nfo", """
                <movie>
                  <title>Heat</title>
                  <ratings>
                    <rating name="metacritic" max="100"><value>76</value><votes>22</votes></rating>
                    <rating name="themoviedb" max="10" default="true"><value>7.9</value><votes>6500</votes></rating>
                  </ratings>
                </movie>
                """);
        Path metacriticOnly = write("other.nfo", """
                <movie><ratings><rating name="metacritic" max="100"><value>76</value></rating></ratings></movie>
                """);

        assertEquals(7.9, reader.read(nfo).orElseThrow().rating());
        assertEquals(7.6, reader.read(metacriticOnly).orElseThrow().rating());
    }

    @Test
    void readsTheOlderIdTagsAndPremieredDateAndSlashSeparatedGenres() throws IOException {
        Path nfo = write("movie.nfo", """
                <movie>
                  <title>Heat</title>
                  <premiered>1995-12-15</premiered>
                  <outline>A group of professional bank robbers.</outline>
                  <genre>Action / Crime / Drama</genre>
                  <id>tt0113277</id>
                  <tmdbid>949</tmdbid>
                </movie>
                """);

        MovieNfo movie = reader.read(nfo).orElseThrow();

        assertEquals(1995, movie.year());
        assertEquals("A group of professional bank robbers.", movie.overview());
        assertEquals(List.of("Action", "Crime", "Drama"), movie.genres());
        assertEquals("tt0113277", movie.imdbId());
        assertEquals(949, movie.tmdbId());
    }

    @Test
    void ignoresValuesThatAreNotWhatTheirTagPromises() throws IOException {
        Path nfo = write("movie.nfo", """
                <movie>
                  <title>  </title>
                  <year>soon</year>
                  <rating>eleven</rating>
                  <uniqueid type="tmdb">abc</uniqueid>
                  <uniqueid type="imdb">1375666</uniqueid>
                  <id>27205</id>
                </movie>
                """);

        MovieNfo movie = reader.read(nfo).orElseThrow();

        assertNull(movie.title());
        assertNull(movie.year());
        assertNull(movie.rating());
        assertNull(movie.tmdbId());
        assertNull(movie.imdbId());
    }

    @Test
    void readsAUrlOnlyNfoAndALinkAfterTheXml() throws IOException {
        Path urlOnly = write("a.nfo", "https://www.imdb.com/title/tt1375666/\n");
        Path xmlThenUrl = write("b.nfo", """
                <movie><title>Inception</title></movie>
                https://www.themoviedb.org/movie/27205-inception
                """);

        assertEquals("tt1375666", reader.read(urlOnly).orElseThrow().imdbId());
        MovieNfo movie = reader.read(xmlThenUrl).orElseThrow();
        assertEquals("Inception", movie.title());
        assertEquals(27205, movie.tmdbId());
    }

    @Test
    void aMalformedNfoIsIgnored() throws IOException {
        Path nfo = write("movie.nfo", "<movie><title>Inception</title><year>2010</movie>");

        assertEquals(Optional.empty(), reader.read(nfo));
    }

    @Test
    void anNfoOfAnotherKindIsIgnored() throws IOException {
        // holds a <movie> element, but the root says what the NFO describes
        Path nfo = write("tvshow.nfo", "<tvshow><title>Lost</title><movie></movie></tvshow>");

        assertEquals(Optional.empty(), reader.read(nfo));
    }

    @Test
    void externalEntitiesAreNeverResolved() throws IOException {
        Path secret = write("secret.txt", "TOP-SECRET");
        Path nfo = write("movie.nfo", """
                <?xml version="1.0"?>
                <!DOCTYPE movie [ <!ENTITY xxe SYSTEM "%s"> ]>
                <movie><title>&xxe;</title><plot>&xxe;</plot></movie>
                """.formatted(secret.toUri()));

        Optional<MovieNfo> movie = reader.read(nfo);

        assertFalse(movie.map(MovieNfo::title).orElse("").contains("TOP-SECRET"));
        assertEquals(Optional.empty(), movie, "a DOCTYPE is refused outright");
    }

    @Test
    void aMissingNfoIsIgnored() {
        assertEquals(Optional.empty(), reader.read(dir.resolve("nothing.nfo")));
    }

    @Test
    void prefersTheNfoNamedAfterTheFileToMovieNfo() {
        Path root = dir;
        Path file = root.resolve("Heat (1995)/Heat (1995).mkv");
        Path own = root.resolve("Heat (1995)/HEAT (1995).NFO");
        Path folder = root.resolve("Heat (1995)/movie.nfo");

        assertEquals(Optional.of(own), reader.findNfo(file, root, List.of(file, folder, own)));
        assertEquals(Optional.of(folder), reader.findNfo(file, root, List.of(file, folder)));
    }

    @Test
    void movieNfoInTheLibraryRootBelongsToNoLooseMovie() {
        Path file = dir.resolve("Heat (1995).mkv");

        assertTrue(reader.findNfo(file, dir, List.of(dir.resolve("movie.nfo"))).isEmpty());
        assertEquals(Optional.of(dir.resolve("Heat (1995).nfo")),
                reader.findNfo(file, dir, List.of(dir.resolve("Heat (1995).nfo"), dir.resolve("movie.nfo"))));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
