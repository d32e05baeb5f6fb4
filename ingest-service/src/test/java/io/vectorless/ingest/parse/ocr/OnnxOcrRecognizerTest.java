package io.vectorless.ingest.parse.ocr;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OnnxOcrRecognizerTest {

    private static BufferedImage picture(String... lines) {
        BufferedImage image = new BufferedImage(900, 120 + 70 * lines.length, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 36));
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 40, 90 + 70 * i);
        }
        g.dispose();
        return image;
    }

    @Test
    void readsEnglishLinesWithTheirBoxesTopToBottom() {
        OnnxOcrRecognizer ocr = OnnxOcrRecognizer.shared(1);
        assertThat(ocr.unavailableReason()).isNull();

        List<RecognizedLine> lines = ocr.recognize(picture("Quarterly revenue grew", "Backups run nightly"),
                Duration.ofMinutes(1));

        assertThat(lines).extracting(RecognizedLine::text)
                .containsExactly("Quarterly revenue grew", "Backups run nightly");
        assertThat(lines.get(0).y1()).isLessThan(lines.get(1).y0() + 10);
        assertThat(lines.get(0).height()).isBetween(25f, 80f);
        assertThat(lines.get(0).x0()).isBetween(20f, 60f);
    }

    @Test
    void aSkewedScanIsTurnedUprightBeforeItsLinesAreRead() {
        String[] lines = {"Pumps are serviced every spring", "Valves are tested after each repair",
                "Reports go to the harbour council", "Budgets are reviewed each quarter"};
        BufferedImage skewed = TextDetector.rotated(picture(lines), Math.toRadians(3));

        List<RecognizedLine> read = OnnxOcrRecognizer.shared(1).recognize(skewed, Duration.ofMinutes(1));

        assertThat(read).extracting(RecognizedLine::text).containsExactly(lines);
    }

    @Test
    void anEmptyPictureHasNoLines() {
        assertThat(OnnxOcrRecognizer.shared(1).recognize(picture(), Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void theEngineIsOnePerProcess() {
        assertThat(OnnxOcrRecognizer.shared(1)).isSameAs(OnnxOcrRecognizer.shared(4));
    }
}
