package io.vectorless.ingest.parse;

import io.vectorless.ingest.parse.ocr.Pictures;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The picture on a page, as a small PNG: the largest image the page uses (decorations under the minimum size are
 * ignored), decoded with subsampling so a huge scan never has to be held at full size.
 */
final class PdfImages {
    private PdfImages() {
    }

    /** True when the page uses a picture at least the minimum size (cheap: reads only image dictionaries). */
    static PDImageXObject largestImage(PDPage page, int minDimension) {
        try {
            return largest(page.getResources(), minDimension, 0);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static PDImageXObject largest(PDResources resources, int minDimension, int depth) throws IOException {
        if (resources == null || depth > 3) {
            return null;
        }
        PDImageXObject best = null;
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            PDImageXObject candidate = null;
            if (object instanceof PDImageXObject image) {
                candidate = image.getWidth() >= minDimension && image.getHeight() >= minDimension ? image : null;
            } else if (object instanceof PDFormXObject form) {
                candidate = largest(form.getResources(), minDimension, depth + 1);
            }
            if (candidate != null && (best == null
                    || (long) candidate.getWidth() * candidate.getHeight() > (long) best.getWidth() * best.getHeight())) {
                best = candidate;
            }
        }
        return best;
    }

    static byte[] png(PDImageXObject image, int maxDimension) throws IOException {
        int longest = Math.max(image.getWidth(), image.getHeight());
        int subsampling = Math.max(1, longest / maxDimension);
        BufferedImage decoded = image.getImage(null, subsampling);
        return png(scaled(decoded, maxDimension));
    }

    static BufferedImage scaled(BufferedImage image, int maxDimension) {
        int longest = Math.max(image.getWidth(), image.getHeight());
        if (longest <= maxDimension && image.getType() != BufferedImage.TYPE_CUSTOM) {
            return image;
        }
        double scale = Math.min(1.0, (double) maxDimension / longest);
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        return Pictures.resized(image, width, height);
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer");
        }
        return out.toByteArray();
    }
}
