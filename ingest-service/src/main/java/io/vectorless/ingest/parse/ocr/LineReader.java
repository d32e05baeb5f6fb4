package io.vectorless.ingest.parse.ocr;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * PaddleOCR's line recogniser: each line picture is scaled to the model's height, lines of similar length are read
 * together in small batches (padded to the batch's longest), and the model's per-column character probabilities
 * are decoded the CTC way (best character per column, repeats and blanks dropped).
 */
final class LineReader {
    private static final int HEIGHT = 48;
    private static final int BATCH = 6;

    /** What was read on one line, with the mean probability of its characters. */
    record Reading(String text, float score) {
    }

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final List<String> alphabet;

    /** @param alphabet the model's characters in class order after the blank (class 0) */
    LineReader(OrtEnvironment environment, OrtSession session, List<String> alphabet) {
        this.environment = environment;
        this.session = session;
        this.alphabet = alphabet;
    }

    List<Reading> read(List<BufferedImage> lines, OrtSession.RunOptions run) throws OrtException {
        Reading[] readings = new Reading[lines.size()];
        Integer[] order = new Integer[lines.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> ratio(lines.get(i))));
        for (int from = 0; from < order.length; from += BATCH) {
            int to = Math.min(order.length, from + BATCH);
            List<BufferedImage> batch = new ArrayList<>();
            for (int k = from; k < to; k++) {
                batch.add(lines.get(order[k]));
            }
            List<Reading> read = readBatch(batch, run);
            for (int k = from; k < to; k++) {
                readings[order[k]] = read.get(k - from);
            }
        }
        return Arrays.asList(readings);
    }

    /** A picture taller than wide holds a line set vertically: it is turned to read left to right. */
    static BufferedImage upright(BufferedImage line) {
        if (line.getHeight() < 1.5 * line.getWidth()) {
            return line;
        }
        AffineTransform turn = new AffineTransform(0, -1, 1, 0, 0, line.getWidth());
        return new AffineTransformOp(turn, AffineTransformOp.TYPE_BILINEAR).filter(line, null);
    }

    private static double ratio(BufferedImage line) {
        return line.getWidth() / (double) Math.max(1, line.getHeight());
    }

    private List<Reading> readBatch(List<BufferedImage> batch, OrtSession.RunOptions run) throws OrtException {
        int width = 0;
        for (BufferedImage line : batch) {
            width = Math.max(width, widthAtModelHeight(line));
        }
        int plane = HEIGHT * width;
        float[] input = new float[batch.size() * 3 * plane];
        for (int b = 0; b < batch.size(); b++) {
            fill(input, b * 3 * plane, width, batch.get(b));
        }
        try (OnnxTensor x = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input),
                new long[]{batch.size(), 3, HEIGHT, width});
             OrtSession.Result result = session.run(Map.of("x", x), run)) {
            float[][][] columns = (float[][][]) result.get(0).getValue();
            List<Reading> readings = new ArrayList<>();
            for (float[][] line : columns) {
                readings.add(decode(line, alphabet));
            }
            return readings;
        }
    }

    private static int widthAtModelHeight(BufferedImage line) {
        return Math.max(HEIGHT / 4, (int) Math.ceil(ratio(line) * HEIGHT));
    }

    /** The line scaled to the model's height, normalised to -1..1, left-aligned; the rest of the row stays 0. */
    private static void fill(float[] input, int offset, int batchWidth, BufferedImage line) {
        int width = Math.min(batchWidth, widthAtModelHeight(line));
        BufferedImage scaled = TextDetector.resized(line, width, HEIGHT);
        int[] rgb = scaled.getRGB(0, 0, width, HEIGHT, null, 0, width);
        int plane = HEIGHT * batchWidth;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < width; x++) {
                int pixel = rgb[y * width + x];
                int at = offset + y * batchWidth + x;
                input[at] = (pixel & 0xff) / 127.5f - 1;
                input[plane + at] = (pixel >> 8 & 0xff) / 127.5f - 1;
                input[2 * plane + at] = (pixel >> 16 & 0xff) / 127.5f - 1;
            }
        }
    }

    /** Best class per column; class 0 is the blank, and a class repeated in adjacent columns is one character. */
    static Reading decode(float[][] columns, List<String> alphabet) {
        StringBuilder text = new StringBuilder();
        double confidence = 0;
        int characters = 0;
        int previous = 0;
        for (float[] column : columns) {
            int best = 0;
            for (int c = 1; c < column.length; c++) {
                if (column[c] > column[best]) {
                    best = c;
                }
            }
            if (best != 0 && best != previous && best - 1 < alphabet.size()) {
                text.append(alphabet.get(best - 1));
                confidence += column[best];
                characters++;
            }
            previous = best;
        }
        return new Reading(text.toString().strip(), characters == 0 ? 0 : (float) (confidence / characters));
    }
}
