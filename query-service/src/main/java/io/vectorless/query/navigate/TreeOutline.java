package io.vectorless.query.navigate;

import io.vectorless.schema.tree.TreeNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders a document's tree for the tree-search prompt: one line per section with id, title, pages and summary. A
 * tree too large for the budget is shown top-down: deep levels collapse to "(+n sub-sections)", except the branches
 * leading to the sections that match the question best, which stay expanded; picking a collapsed section still brings
 * its sub-sections' text into the context, so no extra call is needed.
 */
public final class TreeOutline {
    private static final int SUMMARY_CHARS = 240;
    private static final int SHORT_SUMMARY_CHARS = 80;

    private final int maxChars;

    public TreeOutline(int maxChars) {
        this.maxChars = Math.max(500, maxChars);
    }

    /** @param expandFirst node ids (best first) whose branches to keep open when levels must collapse */
    public String render(TreeNode root, List<String> expandFirst) {
        String full = render(root, Integer.MAX_VALUE, Set.of(), SUMMARY_CHARS);
        if (full.length() <= maxChars) {
            return full;
        }
        int deepest = height(root);
        for (int summaryChars : new int[]{SUMMARY_CHARS, SHORT_SUMMARY_CHARS, 0}) {
            for (int depth = deepest - 1; depth >= 1; depth--) {
                String collapsed = render(root, depth, Set.of(), summaryChars);
                if (collapsed.length() <= maxChars) {
                    return expand(root, depth, summaryChars, expandFirst, collapsed);
                }
            }
        }
        String minimal = render(root, 1, Set.of(), 0);
        return minimal.length() <= maxChars ? minimal : minimal.substring(0, maxChars) + "\n[…outline truncated]";
    }

    private String expand(TreeNode root, int depth, int summaryChars, List<String> expandFirst, String fallback) {
        Set<String> open = new HashSet<>();
        String best = fallback;
        for (String nodeId : expandFirst) {
            Set<String> trial = new HashSet<>(open);
            ancestorsAndSelf(root, nodeId, trial);
            String rendered = render(root, depth, trial, summaryChars);
            if (rendered.length() > maxChars) {
                break;
            }
            open = trial;
            best = rendered;
        }
        return best;
    }

    private static int height(TreeNode node) {
        int max = 0;
        for (TreeNode child : node.children()) {
            max = Math.max(max, 1 + height(child));
        }
        return max;
    }

    private static boolean ancestorsAndSelf(TreeNode node, String nodeId, Set<String> into) {
        if (node.nodeId().equals(nodeId)) {
            into.add(node.nodeId());
            return true;
        }
        for (TreeNode child : node.children()) {
            if (ancestorsAndSelf(child, nodeId, into)) {
                into.add(node.nodeId());
                return true;
            }
        }
        return false;
    }

    private static String render(TreeNode root, int depth, Set<String> open, int summaryChars) {
        StringBuilder out = new StringBuilder();
        line(out, root, 0, summaryChars);
        for (TreeNode child : root.children()) {
            render(out, child, 1, depth, open, summaryChars);
        }
        return out.toString().stripTrailing();
    }

    private static void render(StringBuilder out, TreeNode node, int indent, int depth, Set<String> open,
                               int summaryChars) {
        line(out, node, indent, summaryChars);
        if (node.children().isEmpty()) {
            return;
        }
        if (indent >= depth && !open.contains(node.nodeId())) {
            int hidden = node.flatten().size() - 1;
            out.append("  ".repeat(indent + 1)).append("(+").append(hidden).append(" sub-sections collapsed)\n");
            return;
        }
        for (TreeNode child : node.children()) {
            render(out, child, indent + 1, depth, open, summaryChars);
        }
    }

    private static void line(StringBuilder out, TreeNode node, int indent, int summaryChars) {
        out.append("  ".repeat(indent)).append('[').append(node.nodeId()).append("] ").append(node.title());
        if (!node.pages().isEmpty()) {
            out.append(" (pages ").append(node.pages()).append(')');
        }
        String summary = node.summary() == null ? "" : node.summary().replaceAll("\\s+", " ").strip();
        if (summaryChars > 0 && !summary.isEmpty()) {
            out.append(" — ").append(summary.length() > summaryChars
                    ? summary.substring(0, summaryChars) + "…" : summary);
        }
        out.append('\n');
    }
}
