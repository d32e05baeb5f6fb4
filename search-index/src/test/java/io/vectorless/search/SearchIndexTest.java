package io.vectorless.search;

import io.vectorless.schema.tree.TreeNode;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchIndexTest {
    private static TreeNode node(String id, String title, int start, int end, String text, TreeNode... children) {
        return new TreeNode(id, title, "", id.split("\\.").length, start, end, text, List.of(), List.of(children));
    }

    private static final TreeNode TREE = new TreeNode("root", "Manual", "How to run it.", 0, 1, 12, "", List.of(),
            List.of(node("1", "Install", 1, 2, "Unpack the archive."),
                    node("2", "Operate", 3, 12, "Daily work.",
                            node("2.1", "Backups", 3, 3, "Backups run nightly."),
                            node("2.2", "Upgrades", 4, 12, "Upgrades take a maintenance window."))));

    private static final List<PageText> PAGES = List.of(new PageText(1, "Install. Unpack the archive."),
            new PageText(3, "Operate. Daily work. Backups run nightly."),
            new PageText(9, "The maintenance window is Sunday at 04:00."));

    @Test
    void storesTheTreeTheCardAndPageTextsAndSurvivesAnArchiveRoundTrip(@TempDir Path dir) throws Exception {
        byte[] archive;
        try (ByteBuffersDirectory memory = new ByteBuffersDirectory()) {
            SearchIndexWriter.Written written = SearchIndexWriter.write(
                    new IndexInput(42, 3, "Manual", TREE, PAGES), memory);
            assertThat(written.nodes()).isEqualTo(5);
            assertThat(written.pages()).isEqualTo(3);
            assertThat(written.language()).isEqualTo("en");
            archive = IndexArchive.pack(memory);
        }
        IndexArchive.unpack(new ByteArrayInputStream(archive), dir.resolve("index"));

        try (DocumentSearchIndex index = DocumentSearchIndex.open(FSDirectory.open(dir.resolve("index")))) {
            assertThat(index.documentId()).isEqualTo(42);
            assertThat(index.version()).isEqualTo(3);
            assertThat(index.sectionTitles()).containsExactly("Install", "Operate", "Backups", "Upgrades");
            assertThat(index.section("2").orElseThrow().childIds()).containsExactly("2.1", "2.2");
            assertThat(index.subtree("2").orElseThrow().flatten()).extracting(TreeNode::text)
                    .containsExactly("Daily work.", "Backups run nightly.", "Upgrades take a maintenance window.");
            assertThat(index.outline().flatten()).allSatisfy(n -> assertThat(n.text()).isEmpty());
            assertThat(index.pageText(9)).contains("The maintenance window is Sunday at 04:00.");
            assertThat(index.pageOwner(9)).contains("2.2");
            assertThat(index.pageOwner(3)).contains("2.1");
            assertThat(index.pageOwner(1)).contains("1");
        }
    }

    @Test
    void aPageBelongsToTheSmallestSectionHoldingIt() {
        assertThat(SearchIndexWriter.owner(TREE, 3).nodeId()).isEqualTo("2.1");
        assertThat(SearchIndexWriter.owner(TREE, 7).nodeId()).isEqualTo("2.2");
        assertThat(SearchIndexWriter.owner(TREE, 40).nodeId()).isEqualTo("root");
    }

    @Test
    void anArchiveEntryCannotEscapeItsDirectory(@TempDir Path dir) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("../evil"));
            zip.write(1);
            zip.closeEntry();
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                IndexArchive.unpack(new ByteArrayInputStream(bytes.toByteArray()), dir.resolve("x")))
                .hasMessageContaining("unpacked");
        assertThat(dir.resolve("evil")).doesNotExist();
    }

    @Test
    void workspaceRoutingWeighsTitlesAndPassagesAcrossDocuments() throws Exception {
        DocumentSearchIndex manual = open(1, "Manual", TREE, PAGES);
        DocumentSearchIndex recipes = open(2, "Bread Recipes", new TreeNode("root", "Bread Recipes", "", 0, 1, 2, "",
                List.of(), List.of(node("1", "Sourdough", 1, 2, "Feed the starter twice a day."))), List.of());
        WorkspaceIndex workspace = new WorkspaceIndex(List.of(manual, recipes));

        List<WorkspaceIndex.DocumentScore> scores = workspace.score("How often do I feed the sourdough starter?");

        WorkspaceIndex.DocumentScore bread = scores.stream().filter(s -> s.document().documentId() == 2)
                .findFirst().orElseThrow();
        assertThat(scores).filteredOn(s -> s != bread).allSatisfy(s -> {
            assertThat(bread.card()).isGreaterThanOrEqualTo(s.card());
            assertThat(bread.passages()).isGreaterThanOrEqualTo(s.passages() * 10);
        });
        manual.close();
        recipes.close();
    }

    @Test
    void theCoverNamesTheCompanyAndPeriodAFilingIsRoutedBy() {
        String body = "Net sales increased due to growth in subscriptions. Operating expenses include fulfillment, "
                + "marketing and technology costs. Risk factors include competition and regulation.";
        DocumentSearchIndex acme2021 = filing(1, "2021_FY_ACME.pdf", "ACME.COM, INC. FORM 10-K For the fiscal year "
                + "ended December 31, 2021", body);
        DocumentSearchIndex acme2022 = filing(2, "2022_FY_ACME.pdf", "ACME.COM, INC. FORM 10-K For the fiscal year "
                + "ended December 31, 2022", body + " Comparisons with 2021 are restated.");
        DocumentSearchIndex globex2021 = filing(3, "2021_FY_GLBX.pdf", "GLOBEX CORPORATION FORM 10-K For the fiscal "
                + "year ended December 31, 2021", body);
        WorkspaceIndex workspace = new WorkspaceIndex(List.of(acme2021, acme2022, globex2021));

        List<WorkspaceIndex.DocumentScore> scores = workspace.score(
                "In Acme's 10-K for fiscal 2021, why did net sales increase?");

        WorkspaceIndex.DocumentScore best = scores.stream()
                .max(java.util.Comparator.comparingDouble(WorkspaceIndex.DocumentScore::identity)).orElseThrow();
        assertThat(best.document().documentId()).isEqualTo(1);
        assertThat(acme2021.cover()).startsWith("ACME.COM, INC.");
    }

    private static DocumentSearchIndex filing(long id, String file, String cover, String body) {
        TreeNode root = new TreeNode("root", file, "", 0, 1, 3, "", List.of(), List.of(
                node("1", "Part I", 2, 2, body), node("2", "Part II", 3, 3, "Financial statements.")));
        return open(id, file, root, List.of(new PageText(1, cover), new PageText(2, body),
                new PageText(3, "Financial statements.")));
    }

    private static DocumentSearchIndex open(long id, String title, TreeNode root, List<PageText> pages) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        SearchIndexWriter.write(new IndexInput(id, 1, title, root, pages), directory);
        return DocumentSearchIndex.open(directory);
    }
}
