package io.vectorless.indexer.tree;

import io.vectorless.schema.tree.Pages;
import io.vectorless.schema.tree.TreeNode;

import java.util.ArrayList;
import java.util.List;

/** Turns the shaped drafts into immutable nodes: dotted ids in document order, levels, texts, titles, summaries. */
final class TreeFreezer {
    private static final int GROUP_TITLE_CHARS = 60;

    private final TreeOptions options;
    private int nodeCount;
    private String firstText;

    TreeFreezer(TreeOptions options) {
        this.options = options;
    }

    record Frozen(TreeNode root, int nodeCount) {
    }

    Frozen freeze(Draft root, String docTitle) {
        String rootText = root.joinedText();
        firstText = rootText.isBlank() ? null : rootText;
        List<TreeNode> children = new ArrayList<>(root.children.size());
        boolean guessed = !root.children.isEmpty();
        for (int i = 0; i < root.children.size(); i++) {
            Draft child = root.children.get(i);
            guessed &= child.kind == Draft.Kind.PAGE || child.kind == Draft.Kind.GROUP;
            children.add(freeze(child, Integer.toString(i + 1), 1));
        }
        // a lone top-level heading (a document's own title as its only H1) says nothing: list what it holds
        List<TreeNode> top = children.size() == 1 && !children.get(0).children().isEmpty()
                ? children.get(0).children() : children;
        List<String> sectionTitles = guessed ? List.of() : top.stream().map(TreeNode::title).toList();
        String summary = QuickSummaries.ofRoot(docTitle, sectionTitles, firstText == null ? "" : firstText,
                options.summaryChars());
        TreeNode node = new TreeNode(TreeNode.ROOT_ID, docTitle, summary, 0, root.start, root.end, rootText,
                root.imageKeys, children);
        return new Frozen(node, nodeCount);
    }

    private TreeNode freeze(Draft draft, String id, int level) {
        nodeCount++;
        String text = draft.joinedText();
        if (firstText == null && !text.isBlank()) {
            firstText = text;
        }
        List<TreeNode> children = new ArrayList<>(draft.children.size());
        List<String> childTitles = new ArrayList<>(draft.children.size());
        for (int i = 0; i < draft.children.size(); i++) {
            TreeNode child = freeze(draft.children.get(i), id + "." + (i + 1), level + 1);
            children.add(child);
            childTitles.add(child.title());
        }
        String title = titleOf(draft, text);
        String summary = QuickSummaries.ofNode(text, childTitles, options.summaryChars());
        return new TreeNode(id, title, summary, level, draft.start, draft.end, text, draft.imageKeys, children);
    }

    private static String titleOf(Draft draft, String text) {
        return switch (draft.kind) {
            case PAGE -> pagesTitle(draft);
            case GROUP -> {
                String words = TextCuts.snippet(firstLine(text), GROUP_TITLE_CHARS);
                yield words.isEmpty() ? pagesTitle(draft) : words;
            }
            default -> draft.title;
        };
    }

    private static String pagesTitle(Draft draft) {
        if (draft.start <= 0) {
            return "Section";
        }
        return (draft.end > draft.start ? "Pages " : "Page ") + Pages.range(draft.start, draft.end);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
