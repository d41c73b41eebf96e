package org.omnilux.scanner.tv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TvNfoReaderTest {

    private final TvNfoReader reader = new TvNfoReader();

    @TempDir
    Path dir;

    @Test
    void readsAKodiEpisodeNfo() throws IOException {
        Path nfo = write("Breaking Bad - S01E01.nfo", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <episodedetails>
                  <title>Pilot</title>
                  <showtitle>Breaking Bad</showtitle>
                  <season>1</season>
                  <episode>1</episode>
                  <aired>2008-01-20</aired>
                  <plot>A high school chemistry teacher turns to crime.</plot>
                  <uniqueid type="tvdb" default="true">349232</uniqueid>
                  <actor><name>Bryan Cranston</name></actor>
                </episodedetails>
                """);

        assertEquals(Optional.of(new EpisodeNfo("Breaking Bad", "Pilot", 1, 1, null, LocalDate.of(2008, 1, 20),
                "A high school chemistry teacher turns to crime.")), reader.readEpisode(nfo));
    }

    @Test
    void readsAMultiEpisodeNfoOfSeveralRoots() throws IOException {
        Path nfo = write("Show - S01E01-E03.nfo", """
                <?xml version="1.0" encoding="UTF-8"?>
                <episodedetails><title>Part One</title><season>1</season><episode>1</episode>
                  <aired>2010-05-01</aired><plot>The first part.</plot></episodedetails>
                <episodedetails><title>Part Two</title><season>1</season><episode>2</episode></episodedetails>
                <episodedetails><title>Part Three</title><season>1</season><episode>3</episode></episodedetails>
                """);

        assertEquals(Optional.of(new EpisodeNfo(null, "Part One / Part Two / Part Three", 1, 1, 3,
                LocalDate.of(2010, 5, 1), "The first part.")), reader.readEpisode(nfo));
    }

    @Test
    void readsADeclaredLatin1EncodingInAMultiEpisodeNfo() throws IOException {
        byte[] latin1 = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <episodedetails><title>Café</title><episode>4</episode></episodedetails>
                <episodedetails><title>Crème</title><episode>5</episode></episodedetails>
                """.getBytes(StandardCharsets.ISO_8859_1);
        Path nfo = Files.write(dir.resolve("latin1.nfo"), latin1);

        EpisodeNfo episode = reader.readEpisode(nfo).orElseThrow();

        assertEquals("Café / Crème", episode.title());
        assertEquals(4, episode.episode());
        assertEquals(5, episode.episodeEnd());
    }

    @Test
    void ignoresValuesThatAreNotWhatTheirTagPromises() throws IOException {
        Path nfo = write("x.nfo", """
                <episodedetails>
                  <title>  </title><season>-1</season><episode>two</episode><aired>soon</aired>
                </episodedetails>
                """);

        assertEquals(Optional.of(new EpisodeNfo(null, null, null, null, null, null, null)), reader.readEpisode(nfo));
    }

    @Test
    void readsATvShowNfo() throws IOException {
        Path nfo = write("tvshow.nfo", """
                <tvshow>
                  <title>Doctor Who</title>
                  <plot>The Doctor travels through time and space.</plot>
                  <premiered>2005-03-26</premiered>
                  <uniqueid type="tvdb" default="true">78804</uniqueid>
                  <uniqueid type="tmdb">57243</uniqueid>
                </tvshow>
                """);
        Path withYear = write("other.nfo", "<tvshow><title>X</title><year>1999</year><premiered>2001-01-01</premiered>"
                + "<outline>Short.</outline></tvshow>");

        assertEquals(Optional.of(new ShowNfo("Doctor Who", 2005, "The Doctor travels through time and space.")),
                reader.readShow(nfo));
        assertEquals(Optional.of(new ShowNfo("X", 1999, "Short.")), reader.readShow(withYear));
    }

    @Test
    void anNfoOfAnotherKindIsIgnored() throws IOException {
        Path show = write("tvshow.nfo", "<tvshow><title>Lost</title></tvshow>");
        Path movie = write("movie.nfo", "<movie><title>Heat</title></movie>");
        Path episode = write("e.nfo", "<episodedetails><title>Pilot</title></episodedetails>");

        assertEquals(Optional.empty(), reader.readEpisode(show));
        assertEquals(Optional.empty(), reader.readEpisode(movie));
        assertEquals(Optional.empty(), reader.readShow(episode));
    }

    @Test
    void malformedAndUrlOnlyNfosAreIgnored() throws IOException {
        assertEquals(Optional.empty(), reader.readEpisode(write("a.nfo", "<episodedetails><title>Pilot</episodedetails>")));
        assertEquals(Optional.empty(), reader.readEpisode(write("b.nfo", "https://thetvdb.com/?tab=episode&id=349232")));
        assertEquals(Optional.empty(), reader.readShow(write("c.nfo", "https://thetvdb.com/series/lost")));
        assertEquals(Optional.empty(), reader.readShow(write("d.nfo", "")));
        assertEquals(Optional.empty(), reader.readEpisode(dir.resolve("missing.nfo")));
    }

    @Test
    void externalEntitiesAreNeverResolved() throws IOException {
        Path secret = write("secret.txt", "TOP-SECRET");
        String doctype = "<!DOCTYPE episodedetails [ <!ENTITY xxe SYSTEM \"%s\"> ]>".formatted(secret.toUri());
        Path single = write("single.nfo", doctype + "<episodedetails><title>&xxe;</title></episodedetails>");
        Path multi = write("multi.nfo", doctype + "<episodedetails><title>&xxe;</title></episodedetails>"
                + "<episodedetails><title>&xxe;</title></episodedetails>");
        Path show = write("tvshow.nfo", doctype.replace("episodedetails", "tvshow") + "<tvshow><title>&xxe;</title></tvshow>");

        Optional<EpisodeNfo> fromSingle = reader.readEpisode(single);
        Optional<EpisodeNfo> fromMulti = reader.readEpisode(multi);

        assertFalse(fromSingle.map(EpisodeNfo::title).orElse("").contains("TOP-SECRET"));
        assertEquals(Optional.empty(), fromSingle, "a DOCTYPE is refused outright");
        assertEquals(Optional.empty(), fromMulti, "also inside the wrapper for several episodes");
        assertEquals(Optional.empty(), reader.readShow(show));
    }

    @Test
    void findsTheEpisodeNfoAndTheShowNfoByNameInAnyCase() {
        Path file = dir.resolve("Show - S01E01.mkv");
        Path own = dir.resolve("SHOW - S01E01.NFO");
        Path other = dir.resolve("Show - S01E02.nfo");
        Path show = dir.resolve("TVShow.nfo");

        assertEquals(Optional.of(own), reader.findEpisodeNfo(file, List.of(other, own, show)));
        assertEquals(Optional.empty(), reader.findEpisodeNfo(file, List.of(other, show)));
        assertEquals(Optional.of(show), reader.findShowNfo(List.of(other, show)));
        assertEquals(Optional.empty(), reader.findShowNfo(List.of(other)));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
