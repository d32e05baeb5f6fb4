package io.vectorless.schema.store;

import io.vectorless.schema.tree.TreeNode;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class StoredNodesTest {
    private static final TreeNode TREE = new TreeNode("root", "Handbook", "About operations.", 0, 1, 9, "", List.of(),
            List.of(new TreeNode("1", "Backups", "Nightly.", 1, 1, 4, "Backups run at 02:00.", List.of("ws/1/img.png"),
                            List.of(new TreeNode("1.1", "Restore", "How to.", 2, 3, 4, "Restore from S3.", List.of(),
                                    List.of()))),
                    new TreeNode("2", "Security", "AES.", 1, 5, 9, "Data is encrypted.", List.of(), List.of())));

    @Test
    void aFlattenedTreeAssemblesBackToTheSameTree() {
        List<StoredNode> records = StoredNodes.flatten(7, 2, 3, TREE, String::length);

        assertThat(records).extracting(StoredNode::nodeId).containsExactly("root", "1", "1.1", "2");
        assertThat(records).extracting(StoredNode::ordinal).containsExactly(0, 1, 2, 3);
        assertThat(records.get(2).parentId()).isEqualTo("1");
        assertThat(records.get(2).id()).isEqualTo("7:2:1.1");
        assertThat(records.get(1).tokens()).isEqualTo("Backups run at 02:00.".length());
        assertThat(StoredNodes.assemble(records)).contains(TREE);
    }

    @Test
    void recordsInAnyOrderWithoutChildListsAssembleByParentInRecordOrder() {
        List<StoredNode> records = new ArrayList<>(StoredNodes.flatten(7, 2, 3, TREE, String::length).stream()
                .map(StoredNodesTest::withoutChildIds).toList());
        Collections.swap(records, 0, 2);

        TreeNode tree = StoredNodes.assemble(records).orElseThrow();

        assertThat(tree.flatten()).extracting(TreeNode::nodeId).containsExactly("root", "1", "1.1", "2");
    }

    @Test
    void aLoopIsNotFollowedTwiceAndNoRootIsNoTree() {
        StoredNode root = node("root", null, List.of("1"));
        StoredNode loop = node("1", "root", List.of("1", "root"));

        assertThat(StoredNodes.assemble(List.of(root, loop)).orElseThrow().flatten()).hasSize(2);
        assertThat(StoredNodes.assemble(List.of(loop))).isEmpty();
    }

    @Test
    void missingStringsReadAsEmpty() {
        TreeNode tree = StoredNodes.assemble(List.of(node("root", null, null))).orElseThrow();

        assertThat(tree.title()).isEmpty();
        assertThat(tree.summary()).isEmpty();
        assertThat(tree.text()).isEmpty();
    }

    @Test
    void nodeFieldNamesAreTheStoredNodeComponents() {
        Set<String> components = Arrays.stream(StoredNode.class.getRecordComponents()).map(RecordComponent::getName)
                .map(name -> name.equals("id") ? "_id" : name).collect(Collectors.toSet());
        Set<String> fields = Arrays.stream(StoreFields.Node.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers())).map(f -> {
                    try {
                        return (String) f.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }).filter(name -> !name.equals(StoreFields.Node.STRUCTURE)).collect(Collectors.toSet());

        assertThat(fields).isEqualTo(components);
    }

    private static StoredNode withoutChildIds(StoredNode n) {
        return new StoredNode(n.id(), n.documentId(), n.version(), n.workspaceId(), n.nodeId(), n.parentId(), n.level(),
                n.ordinal(), n.title(), n.summary(), n.startPage(), n.endPage(), n.text(), n.imageKeys(), List.of(),
                n.tokens());
    }

    private static StoredNode node(String nodeId, String parentId, List<String> childIds) {
        return new StoredNode(StoredNode.idOf(1, 1, nodeId), 1, 1, 1, nodeId, parentId, 0, 0, null, null, 0, 0, null,
                null, childIds, 0);
    }
}
