package io.vectorless.schema.store;

/**
 * Field names of the gateway-owned collections that other services read. The gateway writes them; query-service
 * reads documents and workspaces to route questions. Ids are integers (as in the API), stored as {@code _id} longs.
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
     * {@code search_indexes} (written by the indexer, read by query-service): {@code _id} "{documentId}:{version}",
     * where the version's search index is in object storage, its language and size.
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

        private SearchIndex() {
        }

        public static String idOf(long documentId, int version) {
            return documentId + ":" + version;
        }
    }
}
