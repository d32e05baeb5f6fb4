package io.vectorless.query.navigate;

import io.vectorless.schema.tree.TreeNode;
import io.vectorless.search.DocumentSearchIndex;
import io.vectorless.search.IndexInput;
import io.vectorless.search.PageText;
import io.vectorless.search.SearchIndexWriter;
import io.vectorless.search.WorkspaceIndex;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.util.List;

/** Small documents for the navigator tests. */
public final class SampleTrees {
    private SampleTrees() {
    }

    public static TreeNode node(String id, String title, String summary, int level, int start, int end, String text,
                                TreeNode... children) {
        return new TreeNode(id, title, summary, level, start, end, text, List.of(), List.of(children));
    }

    public static TreeNode operationsGuide() {
        return node("root", "Platform Operations Guide", "How the platform is built, secured and run.", 0, 1, 12, "",
                node("1", "Introduction", "Purpose and audience of the guide.", 1, 1, 2,
                        "This guide describes the platform for operators. It assumes basic Linux knowledge."),
                node("2", "Architecture", "Components and how they connect.", 1, 3, 8,
                        "The platform has three tiers.",
                        node("2.1", "Network Layout", "Zones and firewalls.", 2, 3, 4,
                                "The network is split into three zones. Traffic between zones passes a firewall."),
                        node("2.2", "Security Architecture", "Encryption and access control.", 2, 5, 8,
                                "Access is granted per role. The system encrypts data at rest using AES-256 with keys "
                                        + "rotated every 90 days. Auditors review access logs monthly.")),
                node("3", "Operations", "Running the platform day to day.", 1, 9, 12, "",
                        node("3.1", "Backups", "Backup schedule and retention.", 2, 9, 10,
                                "Backups run nightly at 02:00 UTC. Each backup is retained for 35 days in a second "
                                        + "region."),
                        node("3.2", "Monitoring", "Dashboards and alerts.", 2, 11, 12,
                                "Alerts page the on-call engineer. Dashboards show latency and error rates.")));
    }

    public static TreeNode recipeBook() {
        return node("root", "Bread Baking Handbook", "Recipes and techniques for sourdough and yeast breads.", 0, 1, 6,
                "",
                node("1", "Sourdough Starter", "Feeding a starter.", 1, 1, 3,
                        "Feed the starter twice a day with equal weights of flour and water."),
                node("2", "Baguettes", "Shaping and baking baguettes.", 1, 4, 6,
                        "Bake baguettes at 250 degrees with steam for the first ten minutes."));
    }

    public static TreeNode travelPolicy() {
        return node("root", "Employee Travel Policy", "Booking, expenses and per diem rules for business travel.", 0,
                1, 4, "",
                node("1", "Booking Flights", "Economy class rules.", 1, 1, 2,
                        "Flights under six hours are booked in economy class."),
                node("2", "Expenses", "Per diem and receipts.", 1, 3, 4,
                        "The per diem for meals is 60 euros. Receipts are required for hotels."));
    }

    public static IndexedDocument doc(long id, TreeNode root) {
        return doc(id, root, List.of());
    }

    /** The document with its search index built the way the indexer builds it (in memory). */
    public static IndexedDocument doc(long id, TreeNode root, List<PageText> pages) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        SearchIndexWriter.write(new IndexInput(id, 1, root.title(), root, pages), directory);
        DocumentSearchIndex index = DocumentSearchIndex.open(directory);
        return new IndexedDocument(new DocumentCard(id, 1, root.title(), root.summary(), index.sectionTitles()),
                index);
    }

    public static WorkspaceIndex workspace(List<IndexedDocument> docs) {
        return new WorkspaceIndex(docs.stream().map(IndexedDocument::index).toList());
    }

    /** A long book: chapters x sections x 3 topics, each topic with about {@code textChars} characters of text. */
    public static TreeNode book(String title, int chapters, int sections, int textChars) {
        List<TreeNode> chapterNodes = new java.util.ArrayList<>();
        int page = 1;
        for (int c = 1; c <= chapters; c++) {
            List<TreeNode> sectionNodes = new java.util.ArrayList<>();
            for (int s = 1; s <= sections; s++) {
                List<TreeNode> topics = new java.util.ArrayList<>();
                for (int t = 1; t <= 3; t++) {
                    String id = c + "." + s + "." + t;
                    StringBuilder text = new StringBuilder();
                    while (text.length() < textChars) {
                        text.append("Topic ").append(id).append(" of ").append(title)
                                .append(" explains procedure ").append(text.length()).append(" in detail. ");
                    }
                    topics.add(new TreeNode(id, "Topic " + id, "How topic " + id + " works.", 3, page, page,
                            text.toString(), List.of(), List.of()));
                    page++;
                }
                String id = c + "." + s;
                sectionNodes.add(new TreeNode(id, "Section " + id, "What section " + id + " covers.", 2,
                        page - 3, page - 1, "", List.of(), topics));
            }
            chapterNodes.add(new TreeNode(Integer.toString(c), "Chapter " + c, "Chapter " + c + " overview.", 1,
                    page - 3 * sections, page - 1, "", List.of(), sectionNodes));
        }
        return new TreeNode("root", title, "A long reference book: " + title + ".", 0, 1, page - 1, "", List.of(),
                chapterNodes);
    }

    /** Approximate tokens of everything stored for a tree (4 characters a token). */
    public static int tokens(TreeNode root) {
        return root.flatten().stream()
                .mapToInt(n -> (n.title().length() + n.summary().length() + n.text().length()) / 4).sum();
    }
}
