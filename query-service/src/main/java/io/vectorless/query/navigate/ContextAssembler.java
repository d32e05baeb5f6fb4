package io.vectorless.query.navigate;

import io.vectorless.schema.tree.TreeNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the answer context from the chosen sections: "### Title (Pages a-b)" then the section's text and its
 * sub-sections' text, within a character budget, and collects the sections' images within an image budget.
 */
public final class ContextAssembler {
    private static final String TRUNCATED = "\n[…truncated]";

    /** One image of a chosen section. */
    public record ImageRef(long docId, String nodeId, String key, int page) {
    }

    public record Assembled(String context, List<ImageRef> images) {
    }

    private final int maxChars;
    private final int maxImages;

    public ContextAssembler(int maxChars, int maxImages) {
        this.maxChars = Math.max(200, maxChars);
        this.maxImages = Math.max(0, maxImages);
    }

    public Assembled assemble(Selection selection) {
        List<SectionRef> sections = withoutDescendantsOfChosen(selection.sections());
        boolean manyDocs = sections.stream().map(SectionRef::docId).distinct().count() > 1;
        StringBuilder context = new StringBuilder();
        List<ImageRef> images = new ArrayList<>();
        int remaining = sections.size();
        for (SectionRef ref : sections) {
            // share what is left evenly, so one long section cannot crowd out the others
            int budget = (maxChars - context.length()) / remaining--;
            String block = block(ref, manyDocs);
            if (block.length() > budget) {
                block = block.substring(0, Math.max(0, budget - TRUNCATED.length())) + TRUNCATED;
            }
            if (!context.isEmpty()) {
                context.append("\n\n");
            }
            context.append(block);
            for (TreeNode node : ref.node().flatten()) {
                for (String key : node.imageKeys()) {
                    if (images.size() < maxImages) {
                        images.add(new ImageRef(ref.docId(), node.nodeId(), key, pageOf(key, node)));
                    }
                }
            }
        }
        return new Assembled(context.toString(), images);
    }

    private static String block(SectionRef ref, boolean manyDocs) {
        TreeNode node = ref.node();
        StringBuilder out = new StringBuilder("### ").append(node.title());
        if (manyDocs) {
            out.append(" — ").append(ref.docTitle());
        }
        String pages = node.pages();
        if (!pages.isEmpty()) {
            out.append(" (Pages ").append(pages).append(')');
        }
        out.append("\n\n").append(text(node));
        for (TreeNode child : node.children()) {
            appendChild(out, child);
        }
        return out.toString().strip();
    }

    private static void appendChild(StringBuilder out, TreeNode node) {
        out.append("\n\n#### ").append(node.title());
        if (!node.pages().isEmpty()) {
            out.append(" (Pages ").append(node.pages()).append(')');
        }
        out.append("\n\n").append(text(node));
        for (TreeNode child : node.children()) {
            appendChild(out, child);
        }
    }

    private static String text(TreeNode node) {
        return node.text() == null ? "" : node.text().strip();
    }

    /** A section whose ancestor is also chosen is already in that ancestor's block. */
    static List<SectionRef> withoutDescendantsOfChosen(List<SectionRef> sections) {
        Set<String> covered = new HashSet<>();
        for (SectionRef ref : sections) {
            for (TreeNode child : ref.node().children()) {
                child.flatten().forEach(n -> covered.add(ref.docId() + "/" + n.nodeId()));
            }
        }
        List<SectionRef> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SectionRef ref : sections) {
            String key = ref.docId() + "/" + ref.node().nodeId();
            if (!covered.contains(key) && seen.add(key)) {
                out.add(ref);
            }
        }
        return out;
    }

    private static int pageOf(String key, TreeNode node) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/p(\\d+)-\\d+\\.[^/]+$").matcher(key);
        return m.find() ? Integer.parseInt(m.group(1)) : node.startPage();
    }
}
