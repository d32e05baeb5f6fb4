package io.vectorless.indexer.tree;

import io.vectorless.schema.parsed.Block;
import io.vectorless.schema.parsed.PageImage;
import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.parsed.StructureSource;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Turns a parsed document into its tree. Headings nest by level (a heading becomes a child of the nearest open
 * heading of a lower level, gaps allowed); text belongs to the heading before it; text before the first heading is
 * the root's own text when tiny (or, for an outline, when within budget), else a "Preface" node. Without headings:
 * one node per page for paged formats, sized paragraph groups otherwise. Then oversized nodes are split into parts,
 * tiny guessed siblings merged, ids assigned in document order, images attached and quick summaries written.
 */
public final class TreeBuilder {
    static final String PREFACE = "Preface";

    private final TreeOptions options;

    public TreeBuilder(TreeOptions options) {
        this.options = Objects.requireNonNull(options);
    }

    public BuiltTree build(ParsedDocument document) {
        return build(document, null);
    }

    /** @param fileName the uploaded file's name, the title of last resort; may be null */
    public BuiltTree build(ParsedDocument document, String fileName) {
        StructureSource source = document.structureSource() == null ? StructureSource.HEADINGS
                : document.structureSource();
        Draft root = new Draft(Draft.Kind.ROOT, "", 0, 0);
        if (document.blocks().stream().anyMatch(Block::isHeading)) {
            nestHeadings(document.blocks(), root, source);
        } else if (pagedByDefault(document, source)) {
            onePerPage(document, root);
        } else {
            paragraphGroups(document.blocks(), root);
        }
        new NodeSplitter(options).splitOversized(root);
        int knownPages = Math.max(document.pageCount(), lastPage(document));
        new SiblingMerger(options, source, document.images(), knownPages).merge(root);
        root.computeSpans();
        int pageCount = document.pageCount() > 0 ? document.pageCount() : root.end;
        if (pageCount > 0) {
            root.start = 1;
            root.end = Math.max(pageCount, root.end);
        }
        int imageCount = attachImages(root, document.images());
        String docTitle = docTitle(document, fileName);
        TreeFreezer.Frozen frozen = new TreeFreezer(options).freeze(root, docTitle);
        return new BuiltTree(frozen.root(), docTitle, frozen.nodeCount(), imageCount, pageCount,
                document.textBytes());
    }

    private void nestHeadings(List<Block> blocks, Draft root, StructureSource source) {
        Deque<Draft> open = new ArrayDeque<>();
        open.push(root);
        Draft preface = new Draft(Draft.Kind.PREFACE, PREFACE, 1, 0);
        for (Block block : blocks) {
            if (block.isHeading()) {
                int level = Math.max(1, block.level());
                while (open.peek().headingLevel >= level) {
                    open.pop();
                }
                String title = TextCuts.collapse(block.text(), 1000);
                Draft heading = new Draft(Draft.Kind.HEADING, title.isEmpty() ? "Untitled section" : title,
                        level, block.page());
                open.peek().children.add(heading);
                open.push(heading);
            } else if (!block.text().isBlank()) {
                (open.peek() == root ? preface : open.peek()).addBlock(block);
            }
        }
        if (preface.blocks.isEmpty()) {
            return;
        }
        long chars = preface.ownChars();
        boolean outline = source == StructureSource.OUTLINE || source == StructureSource.TOC;
        boolean withinBudget = TextCuts.tokens(chars) <= options.maxTokensPerNode()
                && NodeSplitter.span(preface.ownStart, preface.ownEnd) <= options.maxPagesPerNode();
        if (chars < options.mergeThresholdChars() || (outline && withinBudget)) {
            // an outline is reproduced exactly, so its ids must not shift for a few lines before the first entry
            preface.blocks.forEach(root::addBlock);
        } else {
            root.children.add(0, preface);
        }
    }

    private static boolean pagedByDefault(ParsedDocument document, StructureSource source) {
        if (source == StructureSource.PAGES) {
            return true;
        }
        String format = document.format() == null ? "" : document.format().toLowerCase(Locale.ROOT);
        return source != StructureSource.PARAGRAPHS && (format.equals("pdf") || format.equals("pptx"));
    }

    private static void onePerPage(ParsedDocument document, Draft root) {
        TreeMap<Integer, Draft> pages = new TreeMap<>();
        for (Block block : document.blocks()) {
            if (!block.text().isBlank()) {
                int page = Math.max(1, block.page());
                pages.computeIfAbsent(page, p -> new Draft(Draft.Kind.PAGE, "", 1, p)).addBlock(block);
            }
        }
        for (PageImage image : document.images()) {
            if (image.page() > 0) {
                pages.computeIfAbsent(image.page(), p -> new Draft(Draft.Kind.PAGE, "", 1, p));
            }
        }
        root.children.addAll(pages.values());
    }

    private void paragraphGroups(List<Block> blocks, Draft root) {
        List<Block> text = blocks.stream().filter(block -> !block.text().isBlank()).toList();
        int groupChars = options.groupTokens() * TextCuts.CHARS_PER_TOKEN;
        for (List<Block> group : NodeSplitter.pack(text, groupChars, options.maxPagesPerNode())) {
            Draft draft = new Draft(Draft.Kind.GROUP, "", 1, 0);
            group.forEach(draft::addBlock);
            root.children.add(draft);
        }
    }

    private static int lastPage(ParsedDocument document) {
        int last = 0;
        for (Block block : document.blocks()) {
            last = Math.max(last, block.endPage());
        }
        return last;
    }

    /** Attaches each image to the deepest nodes whose span covers its page; returns how many were attached. */
    private int attachImages(Draft root, List<PageImage> images) {
        int attached = 0;
        for (PageImage image : images) {
            if (attach(root, image)) {
                attached++;
            }
        }
        return attached;
    }

    private boolean attach(Draft node, PageImage image) {
        boolean anyChild = false;
        boolean attached = false;
        for (Draft child : node.children) {
            if (child.start > 0 && child.start <= image.page() && image.page() <= child.end) {
                anyChild = true;
                attached |= attach(child, image);
            }
        }
        if (anyChild) {
            return attached;
        }
        if (node.imageKeys.size() < options.maxImagesPerNode() && !node.imageKeys.contains(image.objectKey())) {
            node.imageKeys.add(image.objectKey());
            return true;
        }
        return false;
    }

    static String docTitle(ParsedDocument document, String fileName) {
        if (document.title() != null && !document.title().isBlank()) {
            return TextCuts.collapse(document.title(), 500);
        }
        String fromMetadata = document.metadata().get("title");
        if (fromMetadata != null && !fromMetadata.isBlank()) {
            return TextCuts.collapse(fromMetadata, 500);
        }
        Block first = null;
        for (Block block : document.blocks()) {
            if (block.isHeading() && !block.text().isBlank() && (first == null || block.level() < first.level())) {
                first = block;
                if (block.level() == 1) {
                    break;
                }
            }
        }
        if (first != null) {
            return TextCuts.collapse(first.text(), 500);
        }
        if (fileName != null && !fileName.isBlank()) {
            String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            return stem.isBlank() ? name : stem.strip();
        }
        return "Untitled document";
    }
}
