package io.vectorless.schema.store;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Object-storage keys, derived from workspace, document, version and the upload's random identity, never from
 * user-supplied file names. The upload identity makes keys unrepeatable: if a crash ever handed a document id out
 * twice, the second upload's objects would still live under other keys than the first's. Methods without an upload
 * id give the layout of objects written before upload ids existed.
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

    /** Where one upload of a document version keeps its objects. */
    public static String uploadPrefix(long workspaceId, long documentId, int version, String uploadId) {
        String prefix = versionPrefix(workspaceId, documentId, version);
        return uploadId == null || uploadId.isBlank() ? prefix : prefix + "u-" + uploadId + "/";
    }

    public static String original(long workspaceId, long documentId, int version) {
        return original(workspaceId, documentId, version, null);
    }

    public static String original(long workspaceId, long documentId, int version, String uploadId) {
        return uploadPrefix(workspaceId, documentId, version, uploadId) + "original";
    }

    public static String parsed(long workspaceId, long documentId, int version) {
        return parsed(workspaceId, documentId, version, null);
    }

    public static String parsed(long workspaceId, long documentId, int version, String uploadId) {
        return uploadPrefix(workspaceId, documentId, version, uploadId) + "parsed.json";
    }

    /**
     * The version's search index (Lucene segment files in one archive) under no upload: written by the indexer for
     * versions indexed before their {@code indexed} event named the object (it backfills them at start), and where
     * query-service looks when the event it learnt a version from names none.
     */
    public static String searchIndex(long workspaceId, long documentId, int version) {
        return searchIndex(workspaceId, documentId, version, null);
    }

    /** The search index built from one upload of a version, beside that upload's original and parsed form. */
    public static String searchIndex(long workspaceId, long documentId, int version, String uploadId) {
        return uploadPrefix(workspaceId, documentId, version, uploadId) + "search-index.zip";
    }

    public static String image(long workspaceId, long documentId, int version, int page, int index, String ext) {
        return image(workspaceId, documentId, version, null, page, index, ext);
    }

    public static String image(long workspaceId, long documentId, int version, String uploadId, int page, int index,
                               String ext) {
        return uploadPrefix(workspaceId, documentId, version, uploadId) + "images/p" + page + "-" + index + "." + ext;
    }

    /** Whether {@code key} is an original file (of any version and upload). */
    public static boolean isOriginal(String key) {
        return key.endsWith("/original");
    }

    /** The media type of an image key written by {@link #image}, from its extension. */
    public static String imageMediaType(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
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
        Matcher page = IMAGE_PAGE.matcher(key);
        return page.find() ? Integer.parseInt(page.group(1)) : 0;
    }

    private static final Pattern IMAGE_PAGE = Pattern.compile("/images/p(\\d+)-\\d+\\.");
}
