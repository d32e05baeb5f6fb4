package io.vectorless.query.navigate;

import io.vectorless.schema.tree.TreeNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContextAssemblerTest {
    private final IndexedDocument guide = SampleTrees.doc(1, SampleTrees.operationsGuide());

    private SectionRef ref(String nodeId) {
        return new SectionRef(1, guide.card().title(), guide.find(nodeId).orElseThrow());
    }

    @Test
    void rendersHeadingPagesAndTextWithChildren() {
        String context = new ContextAssembler(10_000, 4).assemble(new Selection(List.of(ref("2")), "")).context();

        assertThat(context).startsWith("### Architecture (Pages 3-8)\n\nThe platform has three tiers.")
                .contains("#### Network Layout (Pages 3-4)\n\nThe network is split")
                .contains("AES-256");
    }

    @Test
    void leavesOutASectionAlreadyInsideAChosenParent() {
        String context = new ContextAssembler(10_000, 4)
                .assemble(new Selection(List.of(ref("2.2"), ref("2")), "")).context();

        assertThat(context.split("AES-256", -1)).hasSize(2);
    }

    @Test
    void staysWithinTheCharacterBudget() {
        String context = new ContextAssembler(300, 4)
                .assemble(new Selection(List.of(ref("2"), ref("3"), ref("1")), "")).context();

        assertThat(context.length()).isLessThanOrEqualTo(300 + 2 * 2);
        assertThat(context).contains("### Architecture").contains("### Operations").contains("[…truncated]");
    }

    @Test
    void collectsImagesOfChosenSectionsUpToTheLimit() {
        TreeNode withImages = new TreeNode("4", "Figures", "", 1, 2, 3, "Diagrams.",
                List.of("ws/1/doc/1/v1/images/p2-0.png", "ws/1/doc/1/v1/images/p2-1.png",
                        "ws/1/doc/1/v1/images/p3-0.jpg"), List.of());
        ContextAssembler.Assembled assembled = new ContextAssembler(1000, 2)
                .assemble(new Selection(List.of(new SectionRef(1, "Doc", withImages)), ""));

        assertThat(assembled.images()).hasSize(2).first().satisfies(i -> {
            assertThat(i.page()).isEqualTo(2);
            assertThat(i.nodeId()).isEqualTo("4");
        });
    }
}
