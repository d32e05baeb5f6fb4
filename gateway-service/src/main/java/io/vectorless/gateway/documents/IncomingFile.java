package io.vectorless.gateway.documents;

import io.vectorless.gateway.domain.ApiException;
import io.vectorless.gateway.domain.FileTypes;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A file as it arrived; {@code content} can be opened more than once (once to hash it, once to store it). */
public record IncomingFile(String originalName, Content content) {

    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    /** A file whose name, type and content passed the checks, with its MD5 and size. */
    public record Checked(String fileName, String contentType, String md5, long size, Content content) {
    }

    /** Checks the name and type, then reads the content once for its MD5 and size; rejects empty files. */
    public Checked check() {
        String fileName = FileTypes.baseName(originalName);
        if (fileName.isEmpty()) {
            throw ApiException.badRequest("The uploaded file has no name");
        }
        String contentType = FileTypes.contentTypeOf(fileName).orElseThrow(() -> ApiException.badRequest(
                "Unsupported file type: '" + fileName + "'. Supported types: " + FileTypes.SUPPORTED));
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = new DigestInputStream(content.open(), md5)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                size += n;
            }
        } catch (IOException e) {
            throw ApiException.badRequest("Could not read the uploaded file: " + e.getMessage());
        }
        if (size == 0) {
            throw ApiException.badRequest("The uploaded file is empty");
        }
        return new Checked(fileName, contentType, HexFormat.of().formatHex(md5.digest()), size, content);
    }
}
