package io.vectorless.ingest.ingestion;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether the original found in storage is the file the upload announced: its MD5 must be the upload's file hash.
 * A file under a document's keys that is another upload's is never parsed as this one.
 */
final class UploadCheck {
    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");

    private UploadCheck() {
    }

    /** True when the bytes hash to {@code fileHash}, or when the event carries no MD5 to compare with. */
    static boolean matches(byte[] original, String fileHash) {
        if (fileHash == null || !MD5.matcher(fileHash.toLowerCase(Locale.ROOT)).matches()) {
            return true;
        }
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(original);
            return HexFormat.of().formatHex(digest).equalsIgnoreCase(fileHash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }
}
