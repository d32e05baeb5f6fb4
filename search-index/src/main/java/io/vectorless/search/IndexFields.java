package io.vectorless.search;

/**
 * Field names of a document version's search index. One Lucene document per tree node ({@link #KIND_NODE}), one
 * per page of text ({@link #KIND_PAGE}, anchored to the smallest section holding the page) and one describing the
 * document for routing ({@link #KIND_CARD}).
 */
public final class IndexFields {
    public static final String KIND = "kind";
    public static final String KIND_NODE = "node";
    public static final String KIND_PAGE = "page";
    public static final String KIND_CARD = "card";

    /** node id; for a page, the section it is anchored to */
    public static final String NODE_ID = "node_id";
    public static final String PARENT = "parent";
    public static final String LEVEL = "level";
    public static final String START = "start";
    public static final String END = "end";
    public static final String ORDINAL = "ordinal";
    public static final String IMAGES = "images";
    public static final String PAGE = "page";

    /** searched: the node's own title */
    public static final String TITLE = "title";
    /** searched: the titles from the document down to the node (its ancestors' and its own) */
    public static final String PATH = "path";
    /** searched: the node's own text, or the page's text */
    public static final String BODY = "body";
    /** searched: the node's summary */
    public static final String SUMMARY = "summary";
    /** searched: the children's titles and summaries */
    public static final String CHILDREN = "children";

    public static final String DOC_ID = "doc_id";
    public static final String VERSION = "version";
    public static final String DOC_TITLE = "doc_title";
    public static final String LANGUAGE = "language";
    /** searched (card): title, overview, section titles and the document's most frequent terms */
    public static final String ROUTING = "routing";
    /** stored (card): section titles, one a line, for routing prompts */
    public static final String SECTIONS = "sections";
    /** stored (card): the document's most frequent terms */
    public static final String TERMS = "terms";
    /** searched and stored (card): the opening pages' text (a title page, a filing's cover: names, form, period) */
    public static final String COVER = "cover";
    /** searched (workspace card, built when a workspace is opened): registrant names and trading symbols */
    public static final String NAMES = "names";
    /** stored (card): the overview (root summary) */
    public static final String OVERVIEW = "overview";

    private IndexFields() {
    }
}
