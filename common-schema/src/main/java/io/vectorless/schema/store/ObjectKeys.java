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

    public static String image(long workspaceId, long documentId, int version, int page, int index, String ext) {
        return versionPrefix(workspaceId, documentId, version) + "images/p" + page + "-" + index + "." + ext;
    }
}
