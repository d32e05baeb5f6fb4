package io.vectorless.query.navigate;

import io.vectorless.schema.tree.TreeNode;
import io.vectorless.search.DocumentSearchIndex;
import io.vectorless.search.Queries;
import io.vectorless.search.SectionInfo;
import org.apache.lucene.search.ScoreDoc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the few tight places of one document that answer a question, over its prebuilt index. Sections and pages
 * are scored together (BM25 over a section's own title, its title path, its text, its summary and its children's
 * titles; over a page's text and the title path of the section holding it). A match on a long section (a chapter)
 * is not returned whole: it lifts the sections and pages inside it, and when nothing inside matched, the chapter is
 * represented by its first page. What comes out are units of at most {@link #TIGHT_PAGES} pages: a small section
 * (with its sub-sections) or one page of a long section.
 */
final class TreeSearch {
    /**
     * A unit is one page: a two-page section that matches lifts the page inside it that matched (or stands by its
     * first page), so that a budget of five pages holds five places rather than two or three.
     */
    static final int TIGHT_PAGES = 1;
    private static final int HITS = 80;
    /** How much of a matching chapter's score passes to what is inside it. */
    private static final double CHAPTER_SHARE = 0.35;

    /** A candidate answer place: a small section ({@code page} 0) or one page anchored to its section. */
    record Unit(IndexedDocument doc, SectionInfo section, int page, double score, String why) {
        String key() {
            return doc.card().docId() + "/" + (page > 0 ? "p" + page : section.nodeId());
        }

        int firstPage() {
            return page > 0 ? page : section.startPage();
        }

        int lastPage() {
            return page > 0 ? page : Math.max(section.startPage(), section.endPage());
        }

        Unit times(double factor, String reason) {
            return new Unit(doc, section, page, score * factor, why + "; " + reason);
        }

        Unit plus(double extra, String reason) {
            return new Unit(doc, section, page, score + extra, why + "; " + reason);
        }
    }

    private TreeSearch() {
    }

    static List<Unit> units(IndexedDocument doc, String question) {
        DocumentSearchIndex index = doc.index();
        try {
            return units(doc, List.of(index.searcher().search(Queries.sections(question, Set.of(index.analyzer()),
                    index.namingTerms()), HITS).scoreDocs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The places the given hits (Lucene document numbers of this document's own index, best first) stand for: the
     * hits may come from this document's search or from a search of the whole workspace.
     */
    static List<Unit> units(IndexedDocument doc, List<ScoreDoc> hits) {
        DocumentSearchIndex index = doc.index();
        boolean single = index.sections().size() <= 1;
        Map<String, Unit> units = new LinkedHashMap<>();
        Map<String, Double> chapters = new LinkedHashMap<>();
        for (ScoreDoc hit : hits) {
            int page = index.pageOf(hit.doc);
            if (page > 0) {
                SectionInfo owner = index.pageOwner(page).flatMap(index::section).orElse(null);
                if (owner != null) {
                    add(units, owner.span() <= TIGHT_PAGES
                            ? new Unit(doc, owner, 0, hit.score, "text on page " + page)
                            : new Unit(doc, owner, page, hit.score, "page " + page));
                }
                continue;
            }
            SectionInfo section = index.bySearchDoc(hit.doc).orElse(null);
            if (section == null) {
                continue;
            }
            boolean root = section.parentId() == null;
            // a long section with no sub-sections and no page texts cannot be narrowed: it is its own unit
            boolean indivisible = section.childIds().isEmpty() && !index.hasPages();
            if ((section.span() <= TIGHT_PAGES || indivisible) && (!root || single)) {
                add(units, new Unit(doc, section, 0, hit.score, "section matches"));
            } else {
                chapters.merge(section.nodeId(), (double) hit.score, Math::max);
            }
        }
        // a matching chapter lifts what matched inside it; with nothing inside, its first page stands for it
        Map<String, Unit> lifted = new LinkedHashMap<>(units);
        for (Map.Entry<String, Double> chapter : chapters.entrySet()) {
            SectionInfo info = index.section(chapter.getKey()).orElseThrow();
            if (info.parentId() == null) {
                continue; // the whole document matching lifts everything alike: it tells nothing
            }
            boolean inside = false;
            for (Unit unit : units.values()) {
                if (within(index, unit, info)) {
                    inside = true;
                    Unit current = lifted.get(unit.key());
                    lifted.put(unit.key(), current.plus(CHAPTER_SHARE * chapter.getValue(),
                            "inside \"" + info.title() + "\""));
                }
            }
            if (!inside) {
                Unit first = index.hasPages() && info.startPage() > 0
                        ? new Unit(doc, info, info.startPage(), chapter.getValue() * CHAPTER_SHARE * 2,
                        "start of the matching section")
                        : smallestFirst(doc, info, chapter.getValue() * CHAPTER_SHARE * 2);
                add(lifted, first);
            }
        }
        List<Unit> out = new ArrayList<>(lifted.values());
        out.sort(Comparator.comparingDouble(Unit::score).reversed());
        return out;
    }

    /** Without page texts, a long section is represented by its first small descendant (or itself). */
    private static Unit smallestFirst(IndexedDocument doc, SectionInfo info, double score) {
        SectionInfo at = info;
        while (at.span() > TIGHT_PAGES && !at.childIds().isEmpty()) {
            SectionInfo child = doc.index().section(at.childIds().get(0)).orElse(null);
            if (child == null) {
                break;
            }
            at = child;
        }
        return new Unit(doc, at, 0, score, "start of the matching section \"" + info.title() + "\"");
    }

    private static boolean within(DocumentSearchIndex index, Unit unit, SectionInfo chapter) {
        SectionInfo at = unit.section();
        while (at != null) {
            if (at.nodeId().equals(chapter.nodeId())) {
                return true;
            }
            at = at.parentId() == null ? null : index.section(at.parentId()).orElse(null);
        }
        return false;
    }

    private static void add(Map<String, Unit> units, Unit unit) {
        units.merge(unit.key(), unit, (a, b) -> a.score() >= b.score() ? a : b);
    }

    /** The unit as the section answers and contexts are made of: a real subtree, or a page of one. */
    static TreeNode node(Unit unit, int lastPage) {
        DocumentSearchIndex index = unit.doc().index();
        if (unit.page() <= 0) {
            return index.subtree(unit.section().nodeId()).orElseThrow();
        }
        StringBuilder text = new StringBuilder();
        for (int p = unit.page(); p <= lastPage; p++) {
            index.pageText(p).ifPresent(t -> text.append(text.isEmpty() ? "" : "\n\n").append(t.strip()));
        }
        SectionInfo s = unit.section();
        List<String> images = s.imageKeys().stream().filter(k -> {
            int page = io.vectorless.schema.store.ObjectKeys.imagePage(k);
            return page >= unit.page() && page <= lastPage;
        }).toList();
        return new TreeNode(s.nodeId(), s.title(), "", s.level(), unit.page(), lastPage, text.toString(), images,
                List.of());
    }
}
