package io.vectorless.search;

import io.vectorless.schema.tree.TreeNode;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds a document version's search index, once, at indexing time: one entry per node (own title, title path,
 * text, summary, children's titles), one per page (text, anchored to the smallest section holding it, with that
 * section's title path), one card for routing. Everything a question needs is stored, so answering never reads the
 * node texts anywhere else.
 */
public final class SearchIndexWriter {
    static final int ROUTING_TERMS = 150;
    private static final int SECTION_TITLES = 400;

    /** What was written. */
    public record Written(String language, int nodes, int pages) {
    }

    private SearchIndexWriter() {
    }

    public static Written write(IndexInput input, Directory directory) {
        String language = Languages.detect(sample(input));
        Analyzer analyzer = Languages.analyzer(language);
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setCodec(new Lucene912Codec(Lucene912Codec.Mode.BEST_COMPRESSION))
                .setUseCompoundFile(true)
                .setRAMBufferSizeMB(256);
        List<TreeNode> nodes = input.root().flatten();
        Map<String, String> paths = new HashMap<>();
        titlePaths(input.root(), input.docTitle(), paths);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            writer.addDocument(card(input, language, analyzer, nodes));
            int ordinal = 0;
            Map<String, String> parents = new HashMap<>();
            for (TreeNode node : nodes) {
                node.children().forEach(c -> parents.put(c.nodeId(), node.nodeId()));
            }
            for (TreeNode node : nodes) {
                writer.addDocument(node(node, parents.get(node.nodeId()), paths.get(node.nodeId()), ordinal++));
            }
            int pages = 0;
            for (PageText page : input.pages()) {
                if (page.page() > 0 && !page.text().isBlank()) {
                    TreeNode owner = owner(input.root(), page.page());
                    writer.addDocument(page(page, owner, paths.get(owner.nodeId())));
                    pages++;
                }
            }
            writer.forceMerge(1);
            writer.commit();
            return new Written(language, nodes.size(), pages);
        } catch (IOException e) {
            throw new UncheckedIOException("the search index could not be written", e);
        }
    }

    /** The smallest section whose pages include {@code page}; among equals the deeper, then the later one. */
    static TreeNode owner(TreeNode root, int page) {
        TreeNode best = root;
        int bestSpan = Integer.MAX_VALUE;
        for (TreeNode node : root.flatten()) {
            if (node == root || node.startPage() <= 0 || node.startPage() > page || Math.max(node.startPage(),
                    node.endPage()) < page) {
                continue;
            }
            int span = Math.max(node.startPage(), node.endPage()) - node.startPage();
            if (span < bestSpan || (span == bestSpan && node.level() >= best.level())) {
                best = node;
                bestSpan = span;
            }
        }
        return best;
    }

    private static void titlePaths(TreeNode node, String prefix, Map<String, String> out) {
        String own = TreeNode.ROOT_ID.equals(node.nodeId()) ? prefix : join(prefix, node.title());
        out.put(node.nodeId(), own);
        for (TreeNode child : node.children()) {
            titlePaths(child, own, out);
        }
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b == null ? "" : b;
        }
        return b == null || b.isBlank() ? a : a + "\n" + b;
    }

    private static Document node(TreeNode node, String parent, String path, int ordinal) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.KIND, IndexFields.KIND_NODE, Field.Store.YES));
        doc.add(new StringField(IndexFields.NODE_ID, node.nodeId(), Field.Store.YES));
        if (parent != null) {
            doc.add(new StoredField(IndexFields.PARENT, parent));
        }
        doc.add(new StoredField(IndexFields.LEVEL, node.level()));
        doc.add(new StoredField(IndexFields.START, node.startPage()));
        doc.add(new StoredField(IndexFields.END, node.endPage()));
        doc.add(new StoredField(IndexFields.ORDINAL, ordinal));
        node.imageKeys().forEach(key -> doc.add(new StoredField(IndexFields.IMAGES, key)));
        doc.add(new TextField(IndexFields.TITLE, node.title(), Field.Store.YES));
        doc.add(new TextField(IndexFields.PATH, path == null ? "" : path, Field.Store.NO));
        doc.add(new TextField(IndexFields.BODY, node.text() == null ? "" : node.text(), Field.Store.YES));
        doc.add(new TextField(IndexFields.SUMMARY, node.summary() == null ? "" : node.summary(), Field.Store.YES));
        String children = node.children().stream()
                .map(c -> c.title() + (c.summary() == null || c.summary().isBlank() ? "" : " " + c.summary()))
                .collect(Collectors.joining("\n"));
        doc.add(new TextField(IndexFields.CHILDREN, children, Field.Store.NO));
        return doc;
    }

    private static Document page(PageText page, TreeNode owner, String path) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.KIND, IndexFields.KIND_PAGE, Field.Store.YES));
        doc.add(new StringField(IndexFields.NODE_ID, owner.nodeId(), Field.Store.YES));
        doc.add(new StoredField(IndexFields.PAGE, page.page()));
        doc.add(new TextField(IndexFields.PATH, path == null ? "" : path, Field.Store.NO));
        doc.add(new TextField(IndexFields.BODY, page.text(), Field.Store.YES));
        return doc;
    }

    private static Document card(IndexInput input, String language, Analyzer analyzer, List<TreeNode> nodes) {
        List<String> titles = nodes.stream().filter(n -> !TreeNode.ROOT_ID.equals(n.nodeId()))
                .map(TreeNode::title).filter(t -> t != null && !t.isBlank()).distinct().limit(SECTION_TITLES)
                .toList();
        String terms = String.join(" ", frequentTerms(analyzer, nodes));
        String overview = input.root().summary() == null ? "" : input.root().summary();
        Document doc = new Document();
        doc.add(new StringField(IndexFields.KIND, IndexFields.KIND_CARD, Field.Store.YES));
        doc.add(new StoredField(IndexFields.DOC_ID, input.documentId()));
        doc.add(new StoredField(IndexFields.VERSION, input.version()));
        doc.add(new StoredField(IndexFields.DOC_TITLE, input.docTitle()));
        doc.add(new StoredField(IndexFields.LANGUAGE, language));
        doc.add(new StoredField(IndexFields.OVERVIEW, overview));
        doc.add(new StoredField(IndexFields.SECTIONS, String.join("\n", titles)));
        doc.add(new StoredField(IndexFields.TERMS, terms));
        doc.add(new StoredField(IndexFields.COVER, CardText.cover(input)));
        doc.add(new TextField(IndexFields.TITLE, CardText.words(input.docTitle()), Field.Store.NO));
        doc.add(new TextField(IndexFields.ROUTING, String.join("\n", overview, String.join("\n", titles), terms),
                Field.Store.NO));
        return doc;
    }

    /**
     * The document's most frequent content terms (analysed, so stopwords are gone): a workspace's routing index
     * weighs them by how few other documents share them, which makes them the document's distinctive terms.
     */
    static List<String> frequentTerms(Analyzer analyzer, List<TreeNode> nodes) {
        Map<String, Integer> counts = new HashMap<>();
        for (TreeNode node : nodes) {
            for (String term : Languages.terms(analyzer, IndexFields.BODY, node.text())) {
                if (term.length() > 2 && !term.chars().allMatch(Character::isDigit)) {
                    counts.merge(term, 1, Integer::sum);
                }
            }
        }
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return ranked.stream().filter(e -> e.getValue() > 1).limit(ROUTING_TERMS).map(Map.Entry::getKey).toList();
    }

    private static String sample(IndexInput input) {
        StringBuilder text = new StringBuilder();
        for (TreeNode node : input.root().flatten()) {
            text.append(node.title()).append('\n').append(node.text() == null ? "" : node.text()).append('\n');
            if (text.length() > 60_000) {
                break;
            }
        }
        return text.toString();
    }
}
