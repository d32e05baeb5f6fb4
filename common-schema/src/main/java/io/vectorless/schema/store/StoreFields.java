package io.vectorless.schema.store;

/**
 * Field names of the collections more than one service touches, in one place. Each collection has one writing
 * service ({@link StoreNames}). Ids are integers (as in the API), stored as {@code _id} longs.
 */
public final class StoreFields {
    private StoreFields() {
    }

    /** {@code workspaces}: {@code _id}, name, description, ownerUsername, createdAt, updatedAt. */
    public static final class Workspace {
        public static final String ID = "_id";
        public static final String NAME = "name";
        public static final String DESCRIPTION = "description";
        public static final String OWNER_USERNAME = "ownerUsername";
        public static final String CREATED_AT = "createdAt";

        private Workspace() {
        }
    }

    /**
     * {@code documents}: the latest uploaded {@code version} and the {@code indexedVersion} whose nodes answer
     * questions (0 while none is indexed). Queries and tree reads use {@code indexedVersion}, so an older version keeps
     * answering while a replacement is processed.
     */
    public static final class Document {
        public static final String ID = "_id";
        public static final String WORKSPACE_ID = "workspaceId";
        public static final String FILE_NAME = "fileName";
        public static final String DOC_TITLE = "docTitle";
        public static final String ROOT_SUMMARY = "rootSummary";
        public static final String STATUS = "status";
        public static final String VERSION = "version";
        public static final String INDEXED_VERSION = "indexedVersion";
        public static final String PAGE_COUNT = "pageCount";
        public static final String NODE_COUNT = "nodeCount";
        public static final String IMAGE_COUNT = "imageCount";
        public static final String CREATED_AT = "createdAt";

        private Document() {
        }
    }

    /**
     * {@code search_indexes} (the indexer's own): {@code _id} "{documentId}:{version}", where the version's search
     * index is in object storage, its language and size; {@code announced} when the {@code indexed} event named the
     * object, {@code versionKey} the copy backfilled under the version's key for a version whose event did not.
     */
    public static final class SearchIndex {
        public static final String ID = "_id";
        public static final String DOCUMENT_ID = "documentId";
        public static final String VERSION = "version";
        public static final String WORKSPACE_ID = "workspaceId";
        public static final String OBJECT_KEY = "objectKey";
        public static final String LANGUAGE = "language";
        public static final String BYTES = "bytes";
        public static final String CREATED_AT = "createdAt";
        public static final String ANNOUNCED = "announced";
        public static final String VERSION_KEY = "versionKey";

        private SearchIndex() {
        }

        public static String idOf(long documentId, int version) {
            return documentId + ":" + version;
        }
    }

    /**
     * {@code nodes} (the indexer's own; the gateway asks the indexer over HTTP, query-service opens search
     * indexes): one {@link StoredNode} per tree node. The names are StoredNode's components, {@code id} stored as {@code _id}, so
     * every reader maps records with the same type; a test keeps the two in step.
     */
    public static final class Node {
        public static final String ID = "_id";
        public static final String DOCUMENT_ID = "documentId";
        public static final String VERSION = "version";
        public static final String WORKSPACE_ID = "workspaceId";
        public static final String NODE_ID = "nodeId";
        public static final String PARENT_ID = "parentId";
        public static final String LEVEL = "level";
        public static final String ORDINAL = "ordinal";
        public static final String TITLE = "title";
        public static final String SUMMARY = "summary";
        public static final String START_PAGE = "startPage";
        public static final String END_PAGE = "endPage";
        public static final String TEXT = "text";
        public static final String IMAGE_KEYS = "imageKeys";
        public static final String CHILD_IDS = "childIds";
        public static final String TOKENS = "tokens";
        /** On the root record only: the parser's structure report (not a StoredNode component). */
        public static final String STRUCTURE = "structure";

        private Node() {
        }
    }
}
