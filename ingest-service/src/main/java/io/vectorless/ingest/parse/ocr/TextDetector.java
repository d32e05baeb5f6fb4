package io.vectorless.ingest.parse.ocr;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * PaddleOCR's DB text detector: the model gives, for every pixel, the probability that it lies inside a line of
 * text (the line's core, shrunk); each connected region above the threshold is a line, grown back by the model's
 * unclip ratio. Lines in scanned documents are upright, so a region's box is its bounding rectangle.
 */
final class TextDetector {
    /** PaddleOCR's own limit: more pixels make detection slower, not better, for text of body size. */
    static final int LIMIT_SIDE = 960;
    private static final float PIXEL_THRESHOLD = 0.3f;
    private static final float BOX_THRESHOLD = 0.5f;
    private static final double UNCLIP_RATIO = 1.6;
    /** Tilts below this are left alone (a fraction of a pixel per word); beyond the maximum it is not a skew. */
    private static final double MIN_SKEW = Math.toRadians(0.4);
    private static final double MAX_SKEW = Math.toRadians(15);
    private static final double MIN_SCALE = 0.5;
    private static final double MAX_PIXELS = 6_000_000;
    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    /**
     * A line's box in the picture's pixels, with the mean probability of its region and the region's tilt (radians,
     * positive when the line runs down to the right).
     */
    record Box(int x0, int y0, int x1, int y1, float score, double tilt) {
        Box(int x0, int y0, int x1, int y1, float score) {
            this(x0, y0, x1, y1, score, 0);
        }

        int width() {
            return x1 - x0;
        }

        int height() {
            return y1 - y0;
        }
    }

    private final OrtEnvironment environment;
    private final OrtSession session;

    TextDetector(OrtEnvironment environment, OrtSession session) {
        this.environment = environment;
        this.session = session;
    }

    /** The picture the lines were found on (turned upright when the scan was skewed) and their boxes on it. */
    record Detection(BufferedImage picture, List<Box> boxes) {
    }

    /**
     * Lines of a scan taken askew are found at a slant, and their upright boxes overlap and cut through each other:
     * the picture is turned by the lines' median tilt, when there is one, and the lines found again.
     */
    Detection detect(BufferedImage image, OrtSession.RunOptions run) throws OrtException {
        List<Box> boxes = boxes(image, run);
        double skew = skew(boxes);
        if (Math.abs(skew) < MIN_SKEW || Math.abs(skew) > MAX_SKEW) {
            return new Detection(image, boxes);
        }
        BufferedImage upright = rotated(image, -skew);
        return new Detection(upright, boxes(upright, run));
    }

    private List<Box> boxes(BufferedImage image, OrtSession.RunOptions run) throws OrtException {
        int longest = Math.max(image.getWidth(), image.getHeight());
        // pages are rendered so body text is ~20 px high: it stays readable at half size, not much smaller, so a
        // large page (a poster, a drawing) is detected at half size, within a bound on the map's pixels
        double scale = Math.min(1.0, Math.max(LIMIT_SIDE / (double) longest, MIN_SCALE));
        scale = Math.min(scale, Math.sqrt(MAX_PIXELS / ((double) image.getWidth() * image.getHeight())));
        int width = Math.max(32, (int) Math.round(image.getWidth() * scale / 32) * 32);
        int height = Math.max(32, (int) Math.round(image.getHeight() * scale / 32) * 32);
        float[] input = tensor(resized(image, width, height));
        try (OnnxTensor x = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input),
                new long[]{1, 3, height, width});
             OrtSession.Result result = session.run(Map.of("x", x), run)) {
            float[] probability = ((OnnxTensor) result.get(0)).getFloatBuffer().array();
            return boxes(probability, width, height, image.getWidth() / (double) width,
                    image.getHeight() / (double) height, image.getWidth(), image.getHeight());
        }
    }

    /** The median tilt of the long lines, weighted by length; 0 when there are too few to say. */
    static double skew(List<Box> boxes) {
        List<Box> lines = boxes.stream().filter(b -> b.width() >= 4 * b.height())
                .sorted(Comparator.comparingDouble(Box::tilt)).toList();
        if (lines.size() < 3) {
            return 0;
        }
        long total = lines.stream().mapToLong(Box::width).sum();
        long seen = 0;
        for (Box line : lines) {
            seen += line.width();
            if (2 * seen >= total) {
                return line.tilt();
            }
        }
        return 0;
    }

    /** The picture turned by {@code angle} radians about its centre, on a white canvas large enough to hold it. */
    static BufferedImage rotated(BufferedImage image, double angle) {
        double sin = Math.abs(Math.sin(angle));
        double cos = Math.abs(Math.cos(angle));
        int width = (int) Math.ceil(image.getWidth() * cos + image.getHeight() * sin);
        int height = (int) Math.ceil(image.getHeight() * cos + image.getWidth() * sin);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.translate(width / 2.0, height / 2.0);
            g.rotate(angle);
            g.drawImage(image, -image.getWidth() / 2, -image.getHeight() / 2, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The lines in a probability map of {@code width × height}, scaled to a picture of the given size. */
    static List<Box> boxes(float[] probability, int width, int height, double scaleX, double scaleY,
                           int imageWidth, int imageHeight) {
        int[] region = new int[width * height];
        int[] stack = new int[width * height];
        List<Box> boxes = new ArrayList<>();
        int regions = 0;
        for (int start = 0; start < probability.length; start++) {
            if (probability[start] <= PIXEL_THRESHOLD || region[start] != 0) {
                continue;
            }
            regions++;
            int top = 0;
            stack[top++] = start;
            region[start] = regions;
            int x0 = width, y0 = height, x1 = -1, y1 = -1, pixels = 0;
            double sum = 0;
            double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
            while (top > 0) {
                int p = stack[--top];
                int px = p % width;
                int py = p / width;
                x0 = Math.min(x0, px);
                x1 = Math.max(x1, px);
                y0 = Math.min(y0, py);
                y1 = Math.max(y1, py);
                sum += probability[p];
                pixels++;
                sx += px;
                sy += py;
                sxx += (double) px * px;
                syy += (double) py * py;
                sxy += (double) px * py;
                if (px > 0) top = visit(probability, region, stack, top, p - 1, regions);
                if (px < width - 1) top = visit(probability, region, stack, top, p + 1, regions);
                if (py > 0) top = visit(probability, region, stack, top, p - width, regions);
                if (py < height - 1) top = visit(probability, region, stack, top, p + width, regions);
            }
            float score = (float) (sum / pixels);
            double w = x1 - x0 + 1;
            double h = y1 - y0 + 1;
            if (pixels < 9 || Math.min(w, h) < 2 || score < BOX_THRESHOLD) {
                continue;
            }
            // the model marks a line's core; the region grows back by area × ratio / perimeter on every side
            double grow = w * h * UNCLIP_RATIO / (2 * (w + h));
            int bx0 = (int) Math.max(0, Math.floor((x0 - grow) * scaleX));
            int by0 = (int) Math.max(0, Math.floor((y0 - grow) * scaleY));
            int bx1 = (int) Math.min(imageWidth, Math.ceil((x1 + 1 + grow) * scaleX));
            int by1 = (int) Math.min(imageHeight, Math.ceil((y1 + 1 + grow) * scaleY));
            if (bx1 - bx0 >= 3 && by1 - by0 >= 3) {
                // the region's main axis from its second moments; the map is scaled alike on both axes but for
                // rounding to 32, which the scale factors undo
                double mx = sx / pixels;
                double my = sy / pixels;
                double cxx = (sxx / pixels - mx * mx) * scaleX * scaleX;
                double cyy = (syy / pixels - my * my) * scaleY * scaleY;
                double cxy = (sxy / pixels - mx * my) * scaleX * scaleY;
                boxes.add(new Box(bx0, by0, bx1, by1, score, 0.5 * Math.atan2(2 * cxy, cxx - cyy)));
            }
        }
        boxes.sort(Comparator.comparingInt(Box::y0).thenComparingInt(Box::x0));
        return boxes;
    }

    /**
     * The box shrunk to the ink inside it. The detector's boxes carry a margin that grows with the line's length,
     * so their heights say little about type size; the ink's height does, and headings are found by type size.
     */
    static Box inked(BufferedImage image, Box box) {
        int width = box.width();
        int height = box.height();
        int[] rgb = image.getRGB(box.x0(), box.y0(), width, height, null, 0, width);
        int darkest = 255;
        int lightest = 0;
        int[] luminance = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            luminance[i] = ((p >> 16 & 0xff) * 299 + (p >> 8 & 0xff) * 587 + (p & 0xff) * 114) / 1000;
            darkest = Math.min(darkest, luminance[i]);
            lightest = Math.max(lightest, luminance[i]);
        }
        if (lightest - darkest < 40) {
            return box;
        }
        int threshold = (darkest + lightest) / 2;
        int x0 = width, y0 = height, x1 = -1, y1 = -1;
        for (int y = 0; y < height; y++) {
            int dark = 0;
            for (int x = 0; x < width; x++) {
                if (luminance[y * width + x] < threshold) {
                    dark++;
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                }
            }
            // a lone dark pixel is a speck, not a row of the line's glyphs
            if (dark > 1) {
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
            }
        }
        if (y1 < y0 || x1 < x0) {
            return box;
        }
        return new Box(box.x0() + x0, box.y0() + y0, box.x0() + x1 + 1, box.y0() + y1 + 1, box.score(), box.tilt());
    }

    private static int visit(float[] probability, int[] region, int[] stack, int top, int q, int label) {
        if (region[q] == 0 && probability[q] > PIXEL_THRESHOLD) {
            region[q] = label;
            stack[top++] = q;
        }
        return top;
    }

    static BufferedImage resized(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Channels first in the models' BGR order, normalised with ImageNet's mean and deviation. */
    private static float[] tensor(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int plane = width * height;
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        float[] out = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            int pixel = rgb[i];
            out[i] = ((pixel & 0xff) / 255f - MEAN[0]) / STD[0];
            out[plane + i] = ((pixel >> 8 & 0xff) / 255f - MEAN[1]) / STD[1];
            out[2 * plane + i] = ((pixel >> 16 & 0xff) / 255f - MEAN[2]) / STD[2];
        }
        return out;
    }
}
