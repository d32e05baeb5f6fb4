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
import java.util.List;
import java.util.Map;

/**
 * PaddleOCR's line recogniser: each line picture is scaled to the model's height and read on its own (batches of
 * similar lines, padded to the longest, were measured slower on CPU: 4.7 s against 2.9-3.5 s for a page's 35 lines),
 * and the model's per-column character probabilities are decoded the CTC way (best character per column, repeats
 * and blanks dropped).
 */
final class LineReader {
    private static final int HEIGHT = 48;

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
        List<Reading> readings = new ArrayList<>(lines.size());
        for (BufferedImage line : lines) {
            readings.add(read(line, run));
        }
        return readings;
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

    private Reading read(BufferedImage line, OrtSession.RunOptions run) throws OrtException {
        int width = widthAtModelHeight(line);
        float[] input = new float[3 * HEIGHT * width];
        fill(input, width, line);
        try (OnnxTensor x = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input),
                new long[]{1, 3, HEIGHT, width});
             OrtSession.Result result = session.run(Map.of("x", x), run)) {
            float[][][] columns = (float[][][]) result.get(0).getValue();
            return decode(columns[0], alphabet);
        }
    }

    private static int widthAtModelHeight(BufferedImage line) {
        return Math.max(HEIGHT / 4, (int) Math.ceil(ratio(line) * HEIGHT));
    }

    /** The line scaled to the model's height, normalised to -1..1, channels first. */
    private static void fill(float[] input, int width, BufferedImage line) {
        BufferedImage scaled = Pictures.resized(line, width, HEIGHT);
        int[] rgb = scaled.getRGB(0, 0, width, HEIGHT, null, 0, width);
        int plane = HEIGHT * width;
        for (int i = 0; i < plane; i++) {
            int pixel = rgb[i];
            input[i] = (pixel & 0xff) / 127.5f - 1;
            input[plane + i] = (pixel >> 8 & 0xff) / 127.5f - 1;
            input[2 * plane + i] = (pixel >> 16 & 0xff) / 127.5f - 1;
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
