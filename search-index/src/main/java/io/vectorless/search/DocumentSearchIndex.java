package io.vectorless.search;

import io.vectorless.schema.tree.TreeNode;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An opened search index of one document version. Keeps the tree's shape (ids, titles, pages; no text) in memory;
 * reads texts from the index's stored fields only for the sections a question picks. Thread-safe.
 */
public final class DocumentSearchIndex implements Closeable {
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final long documentId;
    private final int version;
    private final String docTitle;
    private final String language;
    private final String overview;
    private final List<String> sectionTitles;
    private final String terms;
    private final String cover;
    private volatile Set<String> naming;
    private final Map<String, SectionInfo> sections;
    private final Map<Integer, SectionInfo> byDocNumber = new java.util.HashMap<>();
    private final TreeMap<Integer, Integer> pageDocs;
    private final Map<Integer, String> pageOwners;
    private final Map<Integer, Integer> pageByDocNumber = new java.util.HashMap<>();

    private DocumentSearchIndex(Directory directory, DirectoryReader reader) throws IOException {
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setQueryCache(null);
        StoredFields stored = reader.storedFields();
        Map<String, SectionInfo> nodes = new LinkedHashMap<>();
        Map<String, List<String>> children = new LinkedHashMap<>();
        TreeMap<Integer, Integer> pages = new TreeMap<>();
        Map<Integer, String> owners = new LinkedHashMap<>();
        Document card = null;
        List<SectionInfo> ordered = new ArrayList<>();
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            Document d = stored.document(doc, java.util.Set.of(IndexFields.KIND, IndexFields.NODE_ID,
                    IndexFields.PARENT, IndexFields.LEVEL, IndexFields.START, IndexFields.END, IndexFields.ORDINAL,
                    IndexFields.TITLE, IndexFields.SUMMARY, IndexFields.IMAGES, IndexFields.PAGE,
                    IndexFields.DOC_ID, IndexFields.VERSION, IndexFields.DOC_TITLE, IndexFields.LANGUAGE,
                    IndexFields.OVERVIEW, IndexFields.SECTIONS, IndexFields.TERMS, IndexFields.COVER));
            switch (d.get(IndexFields.KIND)) {
                case IndexFields.KIND_CARD -> card = d;
                case IndexFields.KIND_PAGE -> {
                    int page = number(d, IndexFields.PAGE);
                    pages.put(page, doc);
                    owners.put(page, d.get(IndexFields.NODE_ID));
                }
                case IndexFields.KIND_NODE -> {
                    SectionInfo info = new SectionInfo(d.get(IndexFields.NODE_ID), d.get(IndexFields.PARENT),
                            number(d, IndexFields.LEVEL), number(d, IndexFields.START), number(d, IndexFields.END),
                            number(d, IndexFields.ORDINAL), d.get(IndexFields.TITLE), d.get(IndexFields.SUMMARY),
                            List.of(), Arrays.asList(d.getValues(IndexFields.IMAGES)), doc);
                    ordered.add(info);
                    if (info.parentId() != null) {
                        children.computeIfAbsent(info.parentId(), k -> new ArrayList<>()).add(info.nodeId());
                    }
                }
                default -> { }
            }
        }
        ordered.sort(java.util.Comparator.comparingInt(SectionInfo::ordinal));
        for (SectionInfo info : ordered) {
            SectionInfo withChildren = info.withChildren(children.getOrDefault(info.nodeId(), List.of()));
            nodes.put(info.nodeId(), withChildren);
            byDocNumber.put(info.docNumber(), withChildren);
        }
        if (card == null || nodes.isEmpty()) {
            throw new IOException("the search index has no card or no nodes");
        }
        this.sections = nodes;
        this.pageDocs = pages;
        pages.forEach((page, doc) -> pageByDocNumber.put(doc, page));
        this.pageOwners = owners;
        this.documentId = card.getField(IndexFields.DOC_ID).numericValue().longValue();
        this.version = card.getField(IndexFields.VERSION).numericValue().intValue();
        this.docTitle = card.get(IndexFields.DOC_TITLE);
        this.language = card.get(IndexFields.LANGUAGE);
        this.overview = card.get(IndexFields.OVERVIEW);
        String titles = card.get(IndexFields.SECTIONS);
        this.sectionTitles = titles == null || titles.isEmpty() ? List.of() : List.of(titles.split("\n"));
        this.terms = card.get(IndexFields.TERMS);
        // indexes written before the card kept its opening pages have none: routing then uses the rest of the card
        this.cover = card.get(IndexFields.COVER) == null ? "" : card.get(IndexFields.COVER);
    }

    /** Opens an index written by {@link SearchIndexWriter}; closing it closes the directory. */
    public static DocumentSearchIndex open(Directory directory) {
        try {
            return new DocumentSearchIndex(directory, DirectoryReader.open(directory));
        } catch (IOException | RuntimeException e) {
            try {
                directory.close();
            } catch (IOException ignored) {
                // the first failure is the one worth reporting
            }
            throw new UncheckedIOException("the search index cannot be opened: " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    public long documentId() {
        return documentId;
    }

    public int version() {
        return version;
    }

    public String docTitle() {
        return docTitle;
    }

    public String language() {
        return language;
    }

    public String overview() {
        return overview;
    }

    public List<String> sectionTitles() {
        return sectionTitles;
    }

    /** The document's most frequent content terms, space-separated. */
    public String terms() {
        return terms;
    }

    /** The opening pages' text (title page, cover), at most a few thousand characters; empty for older indexes. */
    public String cover() {
        return cover;
    }

    /** The analysed terms of the title and cover: what names this document (company, form, period, authors). */
    public Set<String> namingTerms() {
        Set<String> terms = naming;
        if (terms == null) {
            terms = Set.copyOf(Languages.terms(analyzer(), IndexFields.BODY,
                    CardText.words(docTitle) + "\n" + CardText.words(cover)));
            naming = terms;
        }
        return terms;
    }

    public Analyzer analyzer() {
        return Languages.analyzer(language);
    }

    public IndexReader reader() {
        return reader;
    }

    public IndexSearcher searcher() {
        return searcher;
    }

    public Optional<SectionInfo> section(String nodeId) {
        return Optional.ofNullable(sections.get(nodeId));
    }

    /** Every node in document order, root first. */
    public List<SectionInfo> sections() {
        return List.copyOf(sections.values());
    }

    /** The node a search hit (a Lucene document number of this index) stands for; empty for pages and the card. */
    public Optional<SectionInfo> bySearchDoc(int doc) {
        return Optional.ofNullable(byDocNumber.get(doc));
    }

    /** The page a search hit stands for, or 0 when it is not a page. */
    public int pageOf(int doc) {
        return pageByDocNumber.getOrDefault(doc, 0);
    }

    /** The page's text, or empty when the index has no text for it. */
    public Optional<String> pageText(int page) {
        Integer doc = pageDocs.get(page);
        return doc == null ? Optional.empty() : Optional.ofNullable(stored(doc, IndexFields.BODY));
    }

    /** The node the page is anchored to. */
    public Optional<String> pageOwner(int page) {
        return Optional.ofNullable(pageOwners.get(page));
    }

    public boolean hasPages() {
        return !pageDocs.isEmpty();
    }

    /** The node and everything below it, with their texts. */
    public Optional<TreeNode> subtree(String nodeId) {
        SectionInfo info = sections.get(nodeId);
        return info == null ? Optional.empty() : Optional.of(build(info, true));
    }

    /** The whole tree with titles, summaries and pages, without texts (what a table of contents shows). */
    public TreeNode outline() {
        return build(sections.values().iterator().next(), false);
    }

    private TreeNode build(SectionInfo info, boolean withText) {
        List<TreeNode> children = new ArrayList<>();
        for (String child : info.childIds()) {
            SectionInfo c = sections.get(child);
            if (c != null) {
                children.add(build(c, withText));
            }
        }
        String text = withText ? stored(info.docNumber(), IndexFields.BODY) : "";
        return new TreeNode(info.nodeId(), info.title(), info.summary(), info.level(), info.startPage(),
                info.endPage(), text, info.imageKeys(), children);
    }

    private String stored(int doc, String field) {
        try {
            Document d = reader.storedFields().document(doc, java.util.Set.of(field));
            IndexableField value = d.getField(field);
            return value == null ? "" : value.stringValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int number(Document d, String field) {
        IndexableField value = d.getField(field);
        return value == null || value.numericValue() == null ? 0 : value.numericValue().intValue();
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            directory.close();
        }
    }
}
