package io.vectorless.ingest.parse;

import io.vectorless.core.failure.PermanentFailure;
import org.apache.poi.openxml4j.util.ZipSecureFile;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;

/** What DOCX and PPTX reading share: decompression-bomb guards, failure wording, embedded pictures. */
final class OoxmlSupport {
    private OoxmlSupport() {
    }

    /** POI's own guard, on top of the inflation count the detector already did (these settings are JVM-wide). */
    static void guard(ParseLimits limits) {
        ZipSecureFile.setMinInflateRatio(1.0 / limits.maxInflateRatio());
        ZipSecureFile.setMaxEntrySize(Math.min(limits.maxZipEntryBytes(), 0xFFFFFFFFL));
    }

    static PermanentFailure failure(String kind, Throwable e) {
        String message = DocumentParser.describe(e);
        if (message.toLowerCase(Locale.ROOT).contains("zip bomb")) {
            return new PermanentFailure("the " + kind + " file expands far beyond its size: it looks like a"
                    + " decompression bomb and was not processed", e);
        }
        return new PermanentFailure("the " + kind + " file is damaged and cannot be read (" + message + ")", e);
    }

    /** Stores an embedded picture as a bounded PNG; formats Java cannot decode (EMF, WMF) are skipped. */
    static void picture(ParseContext context, int page, byte[] data, String caption) {
        if (data == null || data.length == 0 || !context.wantsMoreImages()) {
            return;
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(data));
            int min = context.limits.minImageDimension();
            if (image == null || image.getWidth() < min && image.getHeight() < min) {
                return;
            }
            byte[] png = PdfImages.png(PdfImages.scaled(image, context.limits.maxImageDimension()));
            context.image(page, "png", "image/png", png, caption);
        } catch (IOException | RuntimeException e) {
            context.warn("an embedded picture on page " + page + " could not be decoded: "
                    + DocumentParser.describe(e));
        }
    }
}
