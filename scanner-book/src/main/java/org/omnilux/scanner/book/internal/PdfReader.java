package org.omnilux.scanner.book.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.omnilux.api.scanner.MediaScanException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads a PDF with PDFBox: title and author from the document information (else from the XMP metadata), the page
 * count, and the first page rendered small as the cover (JPEG); a blank first page gives no cover.
 *
 * <p>Rendering uses {@code java.awt} off-screen ({@link BufferedImage}); it needs no display, and on a server
 * without one the JDK runs headless by itself. A page that cannot be rendered leaves the book without a cover.
 * Stateless and thread-safe: each call opens its own document.
 */
final class PdfReader {

    /** Render DPI of the cover: 72 makes an A4 page about 595×842 pixels. */
    static final float COVER_DPI = 72f;
    /** No side of the cover larger than this, whatever the page size. */
    static final int MAX_COVER_SIDE = 1200;

    /** Titles that word processors and scanners write instead of a title. */
    private static final Pattern JUNK_TITLE = Pattern.compile(
            "(?i)^(untitled.*|microsoft (word|powerpoint) - .*|document\\d*|.*\\.(docx?|pdf|tex|dvi|indd|qxd|rtf|odt))$");

    /** The darkest a channel of a pixel may be on a page still taken as blank paper. */
    private static final int PAPER = 0xE0;

    private static final String DC = "http://purl.org/dc/elements/1.1/";

    /** PDFBox reads a whole cross-reference structure into memory; past this size the book is listed by its name. */
    static final long MAX_PARSED_BYTES = 1L << 30;

    BookInfo read(Path file) throws MediaScanException {
        return read(file, true);
    }

    /** @param withCover whether to render the first page as the cover (most of the time a PDF takes) */
    BookInfo read(Path file, boolean withCover) throws MediaScanException {
        PDDocument document;
        try {
            if (Files.size(file) > MAX_PARSED_BYTES) {
                return new BookInfo();
            }
            document = Loader.loadPDF(file.toFile());
        } catch (InvalidPasswordException e) {
            // a PDF that needs a password to open is still a book the user has: listed by its name
            return new BookInfo();
        } catch (IOException | RuntimeException e) {
            throw new MediaScanException("not a readable PDF: " + message(e), e);
        }
        try (document) {
            BookInfo info = new BookInfo();
            int pages = document.getNumberOfPages();
            if (pages <= 0) {
                throw new MediaScanException("not a readable PDF: no pages");
            }
            info.pageCount = pages;
            PDDocumentInformation information = document.getDocumentInformation();
            if (information != null) {
                info.title = title(information.getTitle());
                info.addAuthor(information.getAuthor());
            }
            if (info.title == null || info.authors.isEmpty()) {
                // PDF 2.0 deprecates the Info dictionary, and some producers write only XMP
                readXmp(document, info);
            }
            info.cover = withCover ? renderCover(document) : null;
            return info;
        } catch (IOException | RuntimeException e) {
            throw new MediaScanException("not a readable PDF: " + message(e), e);
        }
    }

    private static String title(String value) {
        String title = SafeXml.blankToNull(value);
        return title == null || JUNK_TITLE.matcher(title).matches() ? null : title;
    }

    /**
     * Fills a missing title and authors from the XMP packet's {@code dc:title} (the {@code x-default} language, else
     * the first) and {@code dc:creator} (each {@code rdf:li}). Parsed with {@link SafeXml}: two fields do not
     * warrant embedding PDFBox's xmpbox as well. Malformed XMP is ignored.
     */
    private static void readXmp(PDDocument document, BookInfo info) {
        PDMetadata metadata = document.getDocumentCatalog().getMetadata();
        if (metadata == null) {
            return;
        }
        Element root;
        try (InputStream in = metadata.createInputStream()) {
            root = SafeXml.parse(Limits.readBounded(in, Limits.MAX_XML_BYTES, "the XMP metadata")).getDocumentElement();
        } catch (IOException | RuntimeException e) {
            return; // the Info dictionary and the file name still say what they can
        }
        if (info.title == null) {
            Element title = first(root.getElementsByTagNameNS(DC, "title"));
            List<Element> items = title == null ? List.of() : SafeXml.descendants(title, "li");
            Element chosen = items.stream().filter(li -> "x-default".equals(SafeXml.attribute(li, "lang")))
                    .findFirst().orElse(items.isEmpty() ? title : items.get(0));
            info.title = title(SafeXml.text(chosen));
        }
        if (info.authors.isEmpty()) {
            Element creator = first(root.getElementsByTagNameNS(DC, "creator"));
            List<Element> items = creator == null ? List.of() : SafeXml.descendants(creator, "li");
            if (items.isEmpty()) {
                info.addAuthor(SafeXml.text(creator));
            }
            items.forEach(li -> info.addAuthor(SafeXml.text(li)));
        }
    }

    private static Element first(NodeList nodes) {
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static byte[] renderCover(PDDocument document) {
        try {
            PDPage page = document.getPage(0);
            PDRectangle box = page.getCropBox();
            float largest = Math.max(box.getWidth(), box.getHeight());
            float dpi = largest <= 0 ? COVER_DPI : Math.min(COVER_DPI, MAX_COVER_SIDE * 72f / largest);
            PDFRenderer renderer = new PDFRenderer(document);
            renderer.setSubsamplingAllowed(true);
            BufferedImage image = renderer.renderImageWithDPI(0, dpi, ImageType.RGB);
            if (isBlank(image)) {
                return null; // a white rectangle says less than the UI's placeholder with the title on it
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, "jpg", out)) {
                return null;
            }
            byte[] bytes = out.toByteArray();
            return bytes.length <= Limits.MAX_COVER_BYTES ? bytes : null;
        } catch (IOException | RuntimeException | LinkageError e) {
            // LinkageError: a JRE without the AWT native libraries; the book is listed without a cover
            return null;
        }
    }

    /**
     * Nothing but light paper, give or take scanner noise: an empty first page, a blank scanned leaf. A page of one
     * dark or bright colour is not blank: it may well be the cover.
     */
    static boolean isBlank(BufferedImage image) {
        int width = image.getWidth();
        int[] row = new int[width];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int rgb : row) {
                if ((rgb >> 16 & 0xFF) < PAPER || (rgb >> 8 & 0xFF) < PAPER || (rgb & 0xFF) < PAPER) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String message(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    }

}
