package io.vectorless.ingest.parse;

import io.vectorless.schema.parsed.Block;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Text recognised inside pictures (a chart's labels, a screenshot) joins the text of the page the picture is on,
 * after that page's own text and marked, so a reader and the answer can tell it was read from an image.
 */
final class ImageText {
    static final String MARK = "[text in image]";

    private ImageText() {
    }

    static List<Block> attach(List<Block> blocks, Map<Integer, List<String>> byPage) {
        if (byPage.isEmpty()) {
            return blocks;
        }
        List<Block> out = new ArrayList<>(blocks.size() + byPage.size());
        List<Integer> pages = byPage.keySet().stream().sorted().toList();
        int next = 0;
        for (Block block : blocks) {
            // a picture's text goes before the first block of a later page, so it stays in its page's section
            while (next < pages.size() && pages.get(next) < block.page()) {
                out.add(block(pages.get(next), byPage.get(pages.get(next))));
                next++;
            }
            out.add(block);
        }
        while (next < pages.size()) {
            out.add(block(pages.get(next), byPage.get(pages.get(next))));
            next++;
        }
        return List.copyOf(out);
    }

    private static Block block(int page, List<String> lines) {
        return Block.text(MARK + " " + String.join("\n", lines), page, page);
    }
}
