package io.vectorless.schema.store;

/**
 * Object-storage keys, derived from workspace, document and version only, never from user-supplied file names.
 */
public final class ObjectKeys {
    private ObjectKeys() {
    }

    public static String documentPrefix(long workspaceId, long documentId) {
        return "ws/" + workspaceId + "/doc/" + documentId + "/";
    }

    public static String versionPrefix(long workspaceId, long documentId, int version) {
        return documentPrefix(workspaceId, documentId) + "v" + version + "/";
    }

    public static String original(long workspaceId, long documentId, int version) {
        return versionPrefix(workspaceId, documentId, version) + "original";
    }

    public static String parsed(long workspaceId, long documentId, int version) {
        return versionPrefix(workspaceId, documentId, version) + "parsed.json";
    }

    /** The version's search index (Lucene segment files in one archive), written by the indexer. */
    public static String searchIndex(long workspaceId, long documentId, int version) {
        return versionPrefix(workspaceId, documentId, version) + "search-index.zip";
    }

    public static String image(long workspaceId, long documentId, int version, int page, int index, String ext) {
        return versionPrefix(workspaceId, documentId, version) + "images/p" + page + "-" + index + "." + ext;
    }

    /** The media type of an image key written by {@link #image}, from its extension. */
    public static String imageMediaType(String key) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (lower.endsWith(".gif")) {
            return "image/gif";
        }
        if (lower.endsWith(".webp")) {
            return "image/webp";
        }
        return "image/png";
    }

    /** The page an image key written by {@link #image} belongs to, or 0 when the key says none. */
    public static int imagePage(String key) {
        java.util.regex.Matcher page = IMAGE_PAGE.matcher(key);
        return page.find() ? Integer.parseInt(page.group(1)) : 0;
    }

    private static final java.util.regex.Pattern IMAGE_PAGE = java.util.regex.Pattern.compile("/images/p(\\d+)-\\d+\\.");
}
