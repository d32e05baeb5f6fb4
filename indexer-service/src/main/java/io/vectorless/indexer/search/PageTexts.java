package io.vectorless.indexer.search;

import io.vectorless.schema.parsed.Block;
import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.search.PageText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parsed document's text page by page, for the page passages of its search index. A block that runs over a
 * page break is counted on the page it starts on (the parser does not say where inside it the break falls).
 */
public final class PageTexts {
    private PageTexts() {
    }

    public static List<PageText> of(ParsedDocument parsed) {
        Map<Integer, StringBuilder> pages = new TreeMap<>();
        for (Block block : parsed.blocks()) {
            if (block.page() <= 0 || block.text().isBlank()) {
                continue;
            }
            StringBuilder text = pages.computeIfAbsent(block.page(), p -> new StringBuilder());
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(block.text().strip());
        }
        List<PageText> out = new ArrayList<>(pages.size());
        pages.forEach((page, text) -> out.add(new PageText(page, text.toString())));
        return out;
    }
}
