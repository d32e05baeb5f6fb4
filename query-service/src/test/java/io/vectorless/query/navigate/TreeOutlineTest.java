package io.vectorless.query.navigate;

import io.vectorless.schema.tree.TreeNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TreeOutlineTest {

    @Test
    void smallTreeIsShownWhole() {
        String outline = new TreeOutline(10_000).render(SampleTrees.operationsGuide(), List.of());

        assertThat(outline).contains("[root] Platform Operations Guide")
                .contains("    [2.2] Security Architecture (pages 5-8) — Encryption and access control.")
                .doesNotContain("collapsed");
    }

    @Test
    void largeTreeCollapsesDeepLevelsButKeepsTheBestBranchOpen() {
        TreeNode book = book(12, 8);
        int budget = 3_000;

        String outline = new TreeOutline(budget).render(book, List.of("7.3.2"));

        assertThat(outline.length()).isLessThanOrEqualTo(budget);
        assertThat(outline).contains("[1] Chapter 1").contains("[12] Chapter 12")
                .contains("sub-sections collapsed")
                .contains("[7.3.2] Topic 7.3.2")
                .doesNotContain("[5.3.2] Topic 5.3.2");
    }

    @Test
    void hugeTreeIsCutToTheBudget() {
        String outline = new TreeOutline(600).render(book(60, 8), List.of());

        assertThat(outline.length()).isLessThanOrEqualTo(600 + "\n[…outline truncated]".length());
    }

    /** chapters x sections x topics, each with a summary */
    static TreeNode book(int chapters, int sections) {
        List<TreeNode> chapterNodes = new ArrayList<>();
        for (int c = 1; c <= chapters; c++) {
            List<TreeNode> sectionNodes = new ArrayList<>();
            for (int s = 1; s <= sections; s++) {
                List<TreeNode> topics = new ArrayList<>();
                for (int t = 1; t <= 3; t++) {
                    String id = c + "." + s + "." + t;
                    topics.add(new TreeNode(id, "Topic " + id, "Details of topic " + id + " in depth.", 3, c, c,
                            "Text " + id, List.of(), List.of()));
                }
                String id = c + "." + s;
                sectionNodes.add(new TreeNode(id, "Section " + id, "What section " + id + " covers.", 2, c, c,
                        "", List.of(), topics));
            }
            chapterNodes.add(new TreeNode(Integer.toString(c), "Chapter " + c, "Chapter " + c + " overview.", 1, c,
                    c, "", List.of(), sectionNodes));
        }
        return new TreeNode("root", "Big Book", "A long book.", 0, 1, chapters, "", List.of(), chapterNodes);
    }
}
