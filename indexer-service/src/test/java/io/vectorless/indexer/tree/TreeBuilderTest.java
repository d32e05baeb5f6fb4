package io.vectorless.indexer.tree;

import io.vectorless.schema.parsed.Block;
import io.vectorless.schema.parsed.BlockKind;
import io.vectorless.schema.parsed.PageImage;
import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.parsed.StructureSource;
import io.vectorless.schema.tree.TreeNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.vectorless.indexer.tree.Docs.doc;
import static io.vectorless.indexer.tree.Docs.find;
import static io.vectorless.indexer.tree.Docs.h;
import static io.vectorless.indexer.tree.Docs.image;
import static io.vectorless.indexer.tree.Docs.outline;
import static io.vectorless.indexer.tree.Docs.pdf;
import static io.vectorless.indexer.tree.Docs.t;
import static io.vectorless.indexer.tree.Docs.words;
import static org.assertj.core.api.Assertions.assertThat;

class TreeBuilderTest {
    private final TreeBuilder builder = new TreeBuilder(TreeOptions.defaults());

    @Test
    void nestsOutlineHeadingsByLevelAcrossLevelGapsWithDottedIdsInDocumentOrder() {
        BuiltTree tree = builder.build(pdf(6, StructureSource.OUTLINE,
                h(1, "Introduction", 1), t("Why this matters.", 1),
                h(3, "Deep detail", 2), t("Three levels down.", 2, 3),
                h(2, "Problem Statement", 3), t("The core challenge.", 3),
                h(1, "Methods", 4), t("How.", 4, 5),
                h(2, "Setup", 6)));

        assertThat(outline(tree.root())).containsExactly(
                "1 1 1-3 Introduction",
                "1.1 2 2-3 Deep detail",
                "1.2 2 3 Problem Statement",
                "2 1 4-6 Methods",
                "2.1 2 6 Setup");
        assertThat(tree.nodeCount()).isEqualTo(5);
        assertThat(tree.pageCount()).isEqualTo(6);
        assertThat(tree.root().pages()).isEqualTo("1-6");
        assertThat(tree.root().level()).isZero();
        assertThat(find(tree.root(), "1").text()).isEqualTo("Why this matters.");
        assertThat(find(tree.root(), "1.1").text()).isEqualTo("Three levels down.");
        assertThat(find(tree.root(), "2.1").text()).isEmpty();
    }

    @Test
    void treatsHeadingsWithoutALevelAsTopLevelAndBlankTitlesAsUntitled() {
        BuiltTree tree = builder.build(pdf(2, StructureSource.LAYOUT,
                new Block(BlockKind.HEADING, 0, "Zero", 1, 1), t("a", 1), h(2, "  ", 2), t("b", 2)));

        assertThat(outline(tree.root())).containsExactly("1 1 1-2 Zero", "1.1 2 2 Untitled section");
    }

    @Test
    void keepsTinyOutlineHeadingsExactlyAsTheOutlineHasThem() {
        BuiltTree tree = builder.build(pdf(3, StructureSource.OUTLINE,
                h(1, "A", 1), h(1, "B", 1), t("x", 1), h(1, "C", 2), h(1, "D", 3)));

        assertThat(outline(tree.root())).containsExactly("1 1 1 A", "2 1 1 B", "3 1 2 C", "4 1 3 D");
    }

    @Test
    void putsSubstantialTextBeforeTheFirstHeadingIntoAPrefaceNode() {
        String intro = words(600);
        BuiltTree tree = builder.build(doc("markdown", null, 2, StructureSource.HEADINGS,
                List.of(t(intro, 1), h(1, "Usage", 2), t("Run it.", 2)), List.of()));

        assertThat(outline(tree.root())).containsExactly("1 1 1 Preface", "2 1 2 Usage");
        assertThat(find(tree.root(), "1").text()).isEqualTo(intro);
        assertThat(tree.root().text()).isEmpty();
    }

    @Test
    void keepsTinyTextBeforeTheFirstHeadingAsTheRootsOwnText() {
        BuiltTree tree = builder.build(doc("markdown", null, 1, StructureSource.HEADINGS,
                List.of(t("Draft v2", 1), h(1, "Usage", 1), t("Run it.", 1)), List.of()));

        assertThat(outline(tree.root())).containsExactly("1 1 1 Usage");
        assertThat(tree.root().text()).isEqualTo("Draft v2");
    }

    @Test
    void keepsAnOutlinesPrefaceInTheRootSoOutlineIdsDoNotShift() {
        BuiltTree tree = builder.build(pdf(3, StructureSource.OUTLINE,
                t(words(2000).strip(), 1), h(1, "Chapter 1", 2), t("Body.", 2, 3)));

        assertThat(outline(tree.root())).containsExactly("1 1 2-3 Chapter 1");
        assertThat(tree.root().text()).isEqualTo(words(2000).strip());
    }

    @Test
    void givesSectionsRunningAcrossPagesTheirFullPageRangeAndParentsTheSpanOfTheirChildren() {
        BuiltTree tree = builder.build(pdf(9, StructureSource.LAYOUT,
                h(1, "Part A", 2), t("Opening.", 2, 3),
                h(2, "Long section", 3), t("First.", 3, 5), t("Second.", 6, 8),
                h(1, "Part B", 9), t("End.", 9)));

        assertThat(outline(tree.root())).containsExactly(
                "1 1 2-8 Part A",
                "1.1 2 3-8 Long section",
                "2 1 9 Part B");
        assertThat(find(tree.root(), "1.1").text()).isEqualTo("First.\n\nSecond.");
        assertThat(find(tree.root(), "1").text()).isEqualTo("Opening.");
    }

    @Test
    void splitsANodeOverThePageBudgetIntoPartsAtParagraphBoundaries() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(h(1, "Big chapter", 3));
        for (int page = 3; page <= 25; page++) {
            blocks.add(t("Paragraph on page " + page + ".", page));
        }
        blocks.add(h(1, "Next", 26));
        BuiltTree tree = builder.build(pdf(26, StructureSource.OUTLINE, blocks.toArray(Block[]::new)));

        assertThat(outline(tree.root())).containsExactly(
                "1 1 3-25 Big chapter",
                "1.1 2 3-12 Part 1 (pages 3-12)",
                "1.2 2 13-22 Part 2 (pages 13-22)",
                "1.3 2 23-25 Part 3 (pages 23-25)",
                "2 1 26 Next");
        assertThat(find(tree.root(), "1").text()).isEmpty();
        assertThat(find(tree.root(), "1.2").text()).startsWith("Paragraph on page 13.")
                .endsWith("Paragraph on page 22.");
    }

    @Test
    void splitsASingleBlockOverTheTokenBudgetAtWordBoundariesWithoutLosingText() {
        TreeOptions small = new TreeOptions(10, 1_000, 200, 4, 500, 200);
        String huge = words(10_000);
        BuiltTree tree = new TreeBuilder(small).build(pdf(2, StructureSource.HEADINGS, h(1, "Only", 1), t(huge, 1, 2)));

        TreeNode only = find(tree.root(), "1");
        assertThat(only.children()).hasSize(3);
        StringBuilder joined = new StringBuilder();
        for (TreeNode part : only.children()) {
            assertThat(part.text().length()).isLessThanOrEqualTo(4_000);
            assertThat(part.title()).startsWith("Part ");
            joined.append(part.text());
        }
        assertThat(joined.toString().replaceAll("\\s", "")).isEqualTo(huge.replaceAll("\\s", ""));
        assertThat(only.children().get(0).startPage()).isEqualTo(1);
        assertThat(only.children().get(2).endPage()).isEqualTo(2);
    }

    @Test
    void buildsOneNodePerPageForAPdfWithoutHeadings() {
        BuiltTree tree = builder.build(pdf(3, StructureSource.PAGES,
                t(words(500), 1), t(words(400), 2), t(words(300), 3)));

        assertThat(outline(tree.root())).containsExactly("1 1 1 Page 1", "2 1 2 Page 2", "3 1 3 Page 3");
        assertThat(tree.nodeCount()).isEqualTo(3);
    }

    @Test
    void mergesTinyAdjacentPageNodesButNotSubstantialOnes() {
        BuiltTree tree = builder.build(pdf(5, StructureSource.PAGES,
                t("Cover", 1), t("Copyright 2024", 2), t("Contents", 3), t(words(800), 4), t("Back", 5)));

        assertThat(outline(tree.root())).containsExactly("1 1 1-3 Pages 1-3", "2 1 4 Page 4", "3 1 5 Page 5");
        assertThat(find(tree.root(), "1").text()).isEqualTo("Cover\n\nCopyright 2024\n\nContents");
    }

    @Test
    void mergesTinyParagraphStyleHeadingsButNeverDeclaredHeadings() {
        List<Block> blocks = List.of(h(1, "One", 1), t("a", 1), h(1, "Two", 1), t("b", 1), h(1, "Three", 2),
                t(words(400), 2));
        BuiltTree paragraphs = builder.build(doc("text", "T", 2, StructureSource.PARAGRAPHS, blocks, List.of()));
        BuiltTree headings = builder.build(doc("markdown", "T", 2, StructureSource.HEADINGS, blocks, List.of()));

        assertThat(outline(paragraphs.root())).containsExactly("1 1 1 One / Two", "2 1 2 Three");
        assertThat(outline(headings.root())).hasSize(3);
    }

    @Test
    void foldsEmptyLayoutHeadingsIntoTheHeadingAfterThem() {
        BuiltTree tree = builder.build(pdf(2, StructureSource.LAYOUT,
                h(1, "Chapter 1", 1), h(1, "Introduction", 1), t("Text.", 1, 2)));

        assertThat(outline(tree.root())).containsExactly("1 1 1-2 Chapter 1 — Introduction");
    }

    @Test
    void groupsParagraphsOfATextWithoutHeadingsIntoSizedSections() {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            blocks.add(t("Paragraph " + i + " " + words(1000), 1 + i / 4));
        }
        BuiltTree tree = builder.build(doc("text", null, 5, StructureSource.PARAGRAPHS, blocks, List.of()));

        // 2,000 tokens = 8,000 characters: seven paragraphs of about 1,012 characters a group
        assertThat(tree.nodeCount()).isEqualTo(3);
        assertThat(find(tree.root(), "1").title()).startsWith("Paragraph 0 word0");
        assertThat(find(tree.root(), "1").text()).contains("Paragraph 6 ").doesNotContain("Paragraph 7 ");
        assertThat(tree.root().summary()).startsWith("Untitled document: Paragraph 0");
    }

    @Test
    void attachesImagesToTheDeepestCoveringNodesBoundedPerNode() {
        List<PageImage> images = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            images.add(image(2, i));
        }
        images.add(image(3, 0));
        ParsedDocument parsed = doc("pdf", "Doc", 3, StructureSource.OUTLINE, List.of(
                h(1, "Chapter", 1), t("Intro.", 1),
                h(2, "First", 2), t("One.", 2),
                h(2, "Second", 3), t("Two.", 3)), images);
        BuiltTree tree = builder.build(parsed);

        assertThat(find(tree.root(), "1.1").imageKeys()).hasSize(4).allMatch(key -> key.contains("/p2-"));
        assertThat(find(tree.root(), "1.2").imageKeys()).containsExactly("ws/1/doc/1/v1/images/p3-0.png");
        assertThat(find(tree.root(), "1").imageKeys()).isEmpty();
        assertThat(tree.imageCount()).isEqualTo(5);
    }

    @Test
    void attachesAnImageOnAPageSharedByTwoSectionsToBoth() {
        ParsedDocument parsed = doc("pdf", "Doc", 2, StructureSource.OUTLINE, List.of(
                h(1, "A", 1), t("a", 1, 2), h(1, "B", 2), t("b", 2)), List.of(image(2, 0)));
        BuiltTree tree = builder.build(parsed);

        assertThat(find(tree.root(), "1").imageKeys()).hasSize(1);
        assertThat(find(tree.root(), "2").imageKeys()).hasSize(1);
        assertThat(tree.imageCount()).isEqualTo(1);
    }

    @Test
    void givesScannedPagesWithOnlyImagesTheirOwnNodes() {
        ParsedDocument parsed = doc("pdf", null, 2, StructureSource.PAGES, List.of(),
                List.of(image(1, 0), image(2, 0)));
        BuiltTree tree = new TreeBuilder(new TreeOptions(10, 20_000, 200, 1, 2_000, 200)).build(parsed);

        assertThat(outline(tree.root())).containsExactly("1 1 1 Page 1", "2 1 2 Page 2");
        assertThat(tree.imageCount()).isEqualTo(2);
    }

    @Test
    void takesTheTitleFromMetadataThenTheFirstTopHeadingThenTheFileName() {
        List<Block> withHeading = List.of(h(2, "Minor", 1), h(1, "Main Heading", 1), t("x", 1));
        assertThat(builder.build(doc("pdf", "Real Title", 1, StructureSource.OUTLINE, withHeading, List.of()),
                "f.pdf").docTitle()).isEqualTo("Real Title");
        ParsedDocument metadataTitle = new ParsedDocument(1, 1, 1, "docx", null, 1, StructureSource.HEADINGS,
                withHeading, List.of(), Map.of("title", "From Metadata"), List.of());
        assertThat(builder.build(metadataTitle, "f.docx").docTitle()).isEqualTo("From Metadata");
        assertThat(builder.build(doc("pdf", " ", 1, StructureSource.OUTLINE, withHeading, List.of()), "f.pdf")
                .docTitle()).isEqualTo("Main Heading");
        assertThat(builder.build(doc("text", null, 1, StructureSource.PARAGRAPHS, List.of(t("x", 1)), List.of()),
                "notes/meeting-notes.txt").docTitle()).isEqualTo("meeting-notes");
        assertThat(builder.build(doc("text", null, 1, StructureSource.PARAGRAPHS, List.of(t("x", 1)), List.of()))
                .docTitle()).isEqualTo("Untitled document");
    }

    @Test
    void writesQuickSummariesFromTextStartsAndChildTitles() {
        String body = "The system answers questions. " + words(400);
        BuiltTree tree = builder.build(pdf(2, StructureSource.OUTLINE,
                h(1, "Overview", 1), h(2, "Goals", 1), t(body, 1), h(2, "Limits", 2), t("Few.", 2)));

        TreeNode goals = find(tree.root(), "1.1");
        assertThat(goals.summary()).startsWith("The system answers questions.").hasSizeLessThanOrEqualTo(200);
        assertThat(body).startsWith(goals.summary().replace("…", ""));
        assertThat(find(tree.root(), "1").summary()).isEqualTo("Covers: Goals; Limits");
        assertThat(tree.rootSummary()).as("a lone top-level section is looked through")
                .isEqualTo("A Title — sections: Goals; Limits.");
    }

    @Test
    void buildsATreeOfAThousandPageBookWithOneRecordPerSection() {
        List<Block> blocks = new ArrayList<>();
        String pageText = words(3_000);
        List<PageImage> images = new ArrayList<>();
        for (int chapter = 0; chapter < 50; chapter++) {
            int first = chapter * 20 + 1;
            blocks.add(h(1, "Chapter " + (chapter + 1), first));
            for (int section = 0; section < 4; section++) {
                int start = first + section * 5;
                blocks.add(h(2, "Section " + (chapter + 1) + "." + (section + 1), start));
                for (int page = start; page < start + 5; page++) {
                    blocks.add(t(pageText, page));
                    images.add(image(page, 0));
                }
            }
        }
        BuiltTree tree = builder.build(doc("pdf", "Book", 1000, StructureSource.OUTLINE, blocks, images));

        assertThat(tree.nodeCount()).isEqualTo(250);
        assertThat(tree.pageCount()).isEqualTo(1000);
        // five images a section, at most four attached to each
        assertThat(tree.imageCount()).isEqualTo(800);
        assertThat(find(tree.root(), "50.4").pages()).isEqualTo("996-1000");
        assertThat(find(tree.root(), "50").pages()).isEqualTo("981-1000");
        assertThat(tree.nodes()).allMatch(node -> node.text().length() <= 80_000);
        assertThat(tree.textBytes()).isEqualTo(1000L * 3_000 + 250 * 0 + headingBytes(blocks));
    }

    private static long headingBytes(List<Block> blocks) {
        return blocks.stream().filter(Block::isHeading).mapToLong(b -> b.text().length()).sum();
    }
}
