package io.vectorless.ingest.parse.ocr;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The detector's and the recogniser's own arithmetic, without the models. */
class OcrStepsTest {

    private static void fill(float[] map, int width, int x0, int y0, int x1, int y1, float p) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                map[y * width + x] = p;
            }
        }
    }

    @Test
    void eachConfidentRegionOfTheMapIsOneLineGrownBackToItsTextAndScaledToThePicture() {
        int width = 64;
        int height = 32;
        float[] map = new float[width * height];
        fill(map, width, 4, 4, 44, 8, 0.9f);     // a long line: 40 x 4
        fill(map, width, 4, 16, 12, 20, 0.9f);   // a short one below: 8 x 4
        fill(map, width, 50, 25, 60, 29, 0.35f); // faint: above the pixel threshold, below the box threshold

        List<TextDetector.Box> boxes = TextDetector.boxes(map, width, height, 2.0, 2.0, 128, 64);

        assertThat(boxes).hasSize(2);
        TextDetector.Box line = boxes.get(0);
        // grown by 40*4*1.6 / (2*44) = 2.9 map pixels on every side, then doubled into picture pixels
        assertThat(line.x0()).isEqualTo(2);
        assertThat(line.y0()).isEqualTo(2);
        assertThat(line.x1()).isEqualTo(94);
        assertThat(line.y1()).isEqualTo(22);
        assertThat(boxes.get(1).y0()).isGreaterThan(line.y0());
        assertThat(boxes.get(1).width()).isLessThan(line.width());
    }

    @Test
    void aBoxShrinksToTheInkInsideIt() {
        BufferedImage image = new BufferedImage(100, 60, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 100, 60);
        g.setColor(Color.BLACK);
        g.fillRect(20, 15, 50, 30);
        g.dispose();

        TextDetector.Box inked = TextDetector.inked(image, new TextDetector.Box(5, 5, 95, 55, 0.9f));

        assertThat(List.of(inked.x0(), inked.y0(), inked.x1(), inked.y1())).containsExactly(20, 15, 70, 45);
    }

    @Test
    void columnsDecodeTheCtcWayDroppingBlanksAndRepeats() {
        List<String> alphabet = List.of("a", "b", " ");
        float[][] columns = {
                {0.1f, 0.8f, 0.1f, 0f}, {0.2f, 0.7f, 0.1f, 0f}, // a a -> a
                {0.9f, 0.05f, 0.05f, 0f},                        // blank
                {0.1f, 0.6f, 0.3f, 0f},                          // a again, after a blank
                {0f, 0f, 0.1f, 0.9f},                            // space
                {0.1f, 0.1f, 0.8f, 0f},                          // b
        };

        LineReader.Reading reading = LineReader.decode(columns, alphabet);

        assertThat(reading.text()).isEqualTo("aa b");
        assertThat(reading.score()).isBetween(0.7f, 0.8f);
    }

    @Test
    void aPictureTallerThanWideIsTurnedToReadAcross() {
        BufferedImage tall = new BufferedImage(20, 90, BufferedImage.TYPE_BYTE_GRAY);

        BufferedImage turned = LineReader.upright(tall);

        assertThat(turned.getWidth()).isEqualTo(90);
        assertThat(turned.getHeight()).isEqualTo(20);
        assertThat(LineReader.upright(new BufferedImage(90, 20, BufferedImage.TYPE_BYTE_GRAY)).getWidth())
                .isEqualTo(90);
    }
}
