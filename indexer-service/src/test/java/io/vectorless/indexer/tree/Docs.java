package io.vectorless.indexer.tree;

import io.vectorless.schema.parsed.Block;
import io.vectorless.schema.parsed.PageImage;
import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.parsed.StructureSource;
import io.vectorless.schema.tree.TreeNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parsed documents and tree renderings for tests. */
public final class Docs {
    private Docs() {
    }

    public static ParsedDocument doc(String format, String title, int pages, StructureSource source,
                                     List<Block> blocks, List<PageImage> images) {
        return new ParsedDocument(ParsedDocument.SCHEMA_VERSION, 1, 1, format, title, pages, source, blocks, images,
                Map.of(), List.of());
    }

    public static ParsedDocument pdf(int pages, StructureSource source, Block... blocks) {
        return doc("pdf", "A Title", pages, source, List.of(blocks), List.of());
    }

    public static Block h(int level, String title, int page) {
        return Block.heading(level, title, page);
    }

    public static Block t(String text, int page) {
        return Block.text(text, page, page);
    }

    public static Block t(String text, int page, int endPage) {
        return Block.text(text, page, endPage);
    }

    public static PageImage image(int page, int index) {
        return new PageImage(page, "ws/1/doc/1/v1/images/p" + page + "-" + index + ".png", "image/png",
                "Page " + page + " visual content", 100);
    }

    public static String words(int chars) {
        StringBuilder out = new StringBuilder(chars + 8);
        int i = 0;
        while (out.length() < chars) {
            out.append(i % 12 == 11 ? "end. " : "word" + (i % 10) + " ");
            i++;
        }
        return out.substring(0, chars);
    }

    /** One line per node below root: "id level pages title". */
    public static List<String> outline(TreeNode root) {
        List<String> lines = new ArrayList<>();
        for (TreeNode node : root.flatten()) {
            if (!node.nodeId().equals(TreeNode.ROOT_ID)) {
                lines.add(node.nodeId() + " " + node.level() + " " + node.pages() + " " + node.title());
            }
        }
        return lines;
    }

    public static TreeNode find(TreeNode root, String id) {
        return root.flatten().stream().filter(n -> n.nodeId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + id));
    }
}
