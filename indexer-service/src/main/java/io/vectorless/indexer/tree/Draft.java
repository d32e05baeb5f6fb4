package io.vectorless.indexer.tree;

import io.vectorless.schema.parsed.Block;

import java.util.ArrayList;
import java.util.List;

/** A node while the tree is being shaped: its own text blocks (not yet joined), children, page span. */
final class Draft {
    enum Kind { ROOT, HEADING, PREFACE, PAGE, GROUP, PART }

    final Kind kind;
    String title;
    final int headingLevel;
    /** The node's own pages (heading and own text); 0 when unknown. */
    int ownStart;
    int ownEnd;
    final List<Block> blocks = new ArrayList<>();
    final List<Draft> children = new ArrayList<>();
    /** Span including children, filled in by {@link #computeSpans()}. */
    int start;
    int end;
    final List<String> imageKeys = new ArrayList<>();

    Draft(Kind kind, String title, int headingLevel, int page) {
        this.kind = kind;
        this.title = title;
        this.headingLevel = headingLevel;
        this.ownStart = Math.max(0, page);
        this.ownEnd = Math.max(0, page);
    }

    void addBlock(Block block) {
        blocks.add(block);
        includeOwn(block.page(), block.endPage());
    }

    void includeOwn(int from, int to) {
        if (from > 0 && (ownStart == 0 || from < ownStart)) {
            ownStart = from;
        }
        if (to > ownEnd) {
            ownEnd = to;
        }
    }

    long ownChars() {
        long chars = 0;
        for (Block block : blocks) {
            chars += block.text().length() + 2;
        }
        return Math.max(0, chars - 2);
    }

    boolean isLeaf() {
        return children.isEmpty();
    }

    void computeSpans() {
        start = ownStart;
        end = ownEnd;
        for (Draft child : children) {
            child.computeSpans();
            if (child.start > 0 && (start == 0 || child.start < start)) {
                start = child.start;
            }
            end = Math.max(end, child.end);
        }
    }

    /** The own blocks joined by blank lines, built once. */
    String joinedText() {
        if (blocks.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 8, ownChars()));
        for (Block block : blocks) {
            String part = block.text().strip();
            if (part.isEmpty()) {
                continue;
            }
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(part);
        }
        return text.toString();
    }
}
