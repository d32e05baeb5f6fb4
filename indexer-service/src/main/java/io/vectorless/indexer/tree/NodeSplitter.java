package io.vectorless.indexer.tree;

import io.vectorless.schema.parsed.Block;
import io.vectorless.schema.tree.Pages;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a node whose own text is over the page or token budget into "Part n (pages a-b)" children, at block
 * (paragraph) boundaries; a single block over budget is cut at paragraph, line, sentence or word ends.
 */
final class NodeSplitter {
    private final int maxChars;
    private final int maxPages;

    NodeSplitter(TreeOptions options) {
        this.maxChars = options.maxChars();
        this.maxPages = options.maxPagesPerNode();
    }

    void splitOversized(Draft node) {
        for (Draft child : List.copyOf(node.children)) {
            splitOversized(child);
        }
        if (node.kind == Draft.Kind.ROOT || node.kind == Draft.Kind.PART || node.blocks.isEmpty()) {
            return;
        }
        List<List<Block>> groups = pack(node.blocks, maxChars, maxPages);
        if (groups.size() < 2) {
            return;
        }
        List<Draft> parts = new ArrayList<>(groups.size());
        for (List<Block> group : groups) {
            Draft part = new Draft(Draft.Kind.PART, "", node.headingLevel + 1, 0);
            group.forEach(part::addBlock);
            part.title = partTitle(parts.size() + 1, part.ownStart, part.ownEnd);
            parts.add(part);
        }
        int headingPage = node.kind == Draft.Kind.HEADING ? node.ownStart : 0;
        node.blocks.clear();
        node.ownStart = headingPage;
        node.ownEnd = headingPage;
        node.children.addAll(0, parts);
    }

    static String partTitle(int number, int start, int end) {
        if (start <= 0) {
            return "Part " + number;
        }
        return "Part " + number + (end > start ? " (pages " : " (page ") + Pages.range(start, end) + ")";
    }

    /** Groups blocks in order so each group stays within {@code maxChars} and {@code maxPages}. */
    static List<List<Block>> pack(List<Block> blocks, int maxChars, int maxPages) {
        List<List<Block>> groups = new ArrayList<>();
        List<Block> current = new ArrayList<>();
        long chars = 0;
        int start = 0;
        int end = 0;
        for (Block block : blocks) {
            for (Block piece : pieces(block, maxChars, maxPages)) {
                int len = piece.text().length();
                int newStart = start <= 0 ? piece.page() : (piece.page() <= 0 ? start : Math.min(start, piece.page()));
                int newEnd = Math.max(end, piece.endPage());
                boolean fits = current.isEmpty()
                        || (chars + 2 + len <= maxChars && span(newStart, newEnd) <= maxPages);
                if (!fits) {
                    groups.add(current);
                    current = new ArrayList<>();
                    chars = 0;
                    newStart = piece.page();
                    newEnd = piece.endPage();
                }
                chars += len + (current.isEmpty() ? 0 : 2);
                current.add(piece);
                start = newStart;
                end = newEnd;
            }
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    /** The block itself when within budget, else consecutive pieces of it with pages spread in proportion. */
    static List<Block> pieces(Block block, int maxChars, int maxPages) {
        String text = block.text();
        int len = text.length();
        int pages = span(block.page(), block.endPage());
        if (len == 0 || (len <= maxChars && pages <= maxPages)) {
            return List.of(block);
        }
        int limit = maxChars;
        if (pages > maxPages) {
            limit = (int) Math.max(1, Math.min(limit, (long) len * Math.max(1, maxPages - 1) / pages));
        }
        List<Block> out = new ArrayList<>();
        int from = 0;
        while (from < len) {
            int to = TextCuts.boundary(text, from, limit);
            if (to <= from) {
                to = Math.min(len, from + limit);
            }
            int first = block.page() <= 0 ? block.page() : block.page() + (int) ((long) from * pages / len);
            int last = block.page() <= 0 ? block.endPage() : block.page() + (int) ((long) (to - 1) * pages / len);
            out.add(Block.text(text.substring(from, to), first, last));
            from = to;
        }
        return out;
    }

    static int span(int start, int end) {
        return start <= 0 ? 1 : Math.max(1, end - start + 1);
    }
}
