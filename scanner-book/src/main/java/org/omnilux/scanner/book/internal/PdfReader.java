package org.omnilux.scanner.book.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.omnilux.api.scanner.MediaScanException;

/**
 * Reads a PDF with PDFBox: title and author from the document information, the page count, and the first page
 * rendered small as the cover (JPEG).
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
                String title = SafeXml.blankToNull(information.getTitle());
                info.title = title == null || JUNK_TITLE.matcher(title).matches() ? null : title;
                info.addAuthor(information.getAuthor());
            }
            info.cover = withCover ? renderCover(document) : null;
            return info;
        } catch (IOException | RuntimeException e) {
            throw new MediaScanException("not a readable PDF: " + message(e), e);
        }
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

    private static String message(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    }

}
