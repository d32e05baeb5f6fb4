package io.vectorless.indexer.tree;

import io.vectorless.schema.parsed.PageImage;
import io.vectorless.schema.parsed.StructureSource;

import java.util.ArrayList;
import java.util.List;

/**
 * Merges tiny adjacent sibling leaves where the structure is our own guess (page and paragraph groups, headings of
 * page- or paragraph-style documents), and folds empty layout-detected headings into the heading after them.
 * Outline, TOC, declared headings and slides are left exactly as the document has them.
 */
final class SiblingMerger {
    private final TreeOptions options;
    private final StructureSource source;
    private final int[] imagesUpTo;

    SiblingMerger(TreeOptions options, StructureSource source, List<PageImage> images, int pageCount) {
        this.options = options;
        this.source = source;
        int pages = pageCount;
        for (PageImage image : images) {
            pages = Math.max(pages, image.page());
        }
        this.imagesUpTo = new int[pages + 2];
        for (PageImage image : images) {
            if (image.page() > 0) {
                imagesUpTo[image.page()]++;
            }
        }
        for (int p = 1; p < imagesUpTo.length; p++) {
            imagesUpTo[p] += imagesUpTo[p - 1];
        }
    }

    void merge(Draft node) {
        for (Draft child : node.children) {
            merge(child);
        }
        if (node.children.size() < 2) {
            return;
        }
        if (source == StructureSource.LAYOUT) {
            foldEmptyHeadings(node);
        }
        mergeTinyLeaves(node);
    }

    private void foldEmptyHeadings(Draft node) {
        List<Draft> out = new ArrayList<>(node.children.size());
        List<Draft> pending = new ArrayList<>();
        for (Draft child : node.children) {
            boolean empty = child.kind == Draft.Kind.HEADING && child.isLeaf() && child.blocks.isEmpty();
            if (empty) {
                pending.add(child);
                continue;
            }
            if (!pending.isEmpty() && child.kind == Draft.Kind.HEADING) {
                StringBuilder title = new StringBuilder();
                for (Draft folded : pending) {
                    title.append(folded.title).append(" — ");
                    child.includeOwn(folded.ownStart, folded.ownStart);
                }
                child.title = title.append(child.title).toString();
            } else {
                out.addAll(pending);
            }
            pending.clear();
            out.add(child);
        }
        out.addAll(pending);
        node.children.clear();
        node.children.addAll(out);
    }

    private void mergeTinyLeaves(Draft node) {
        List<Draft> out = new ArrayList<>(node.children.size());
        for (Draft child : node.children) {
            Draft previous = out.isEmpty() ? null : out.get(out.size() - 1);
            if (previous != null && canMerge(previous, child)) {
                absorb(previous, child);
            } else {
                out.add(child);
            }
        }
        node.children.clear();
        node.children.addAll(out);
    }

    private boolean canMerge(Draft a, Draft b) {
        if (!mergeable(a) || !mergeable(b) || a.kind != b.kind) {
            return false;
        }
        int threshold = options.mergeThresholdChars();
        if (a.ownChars() >= threshold || b.ownChars() >= threshold) {
            return false;
        }
        int start = a.ownStart <= 0 ? b.ownStart : (b.ownStart <= 0 ? a.ownStart : Math.min(a.ownStart, b.ownStart));
        int end = Math.max(a.ownEnd, b.ownEnd);
        return NodeSplitter.span(start, end) <= options.maxPagesPerNode()
                && imagesBetween(start, end) <= options.maxImagesPerNode();
    }

    private boolean mergeable(Draft draft) {
        if (!draft.isLeaf()) {
            return false;
        }
        return switch (draft.kind) {
            case PAGE, GROUP -> true;
            case HEADING -> source == StructureSource.PAGES || source == StructureSource.PARAGRAPHS;
            default -> false;
        };
    }

    private static void absorb(Draft into, Draft other) {
        into.blocks.addAll(other.blocks);
        into.includeOwn(other.ownStart, other.ownEnd);
        if (into.kind == Draft.Kind.HEADING) {
            into.title = into.title + " / " + other.title;
        }
    }

    private int imagesBetween(int start, int end) {
        if (start <= 0) {
            return 0;
        }
        int hi = Math.min(end, imagesUpTo.length - 1);
        int lo = Math.min(start - 1, imagesUpTo.length - 1);
        return hi < lo ? 0 : imagesUpTo[hi] - imagesUpTo[lo];
    }
}
