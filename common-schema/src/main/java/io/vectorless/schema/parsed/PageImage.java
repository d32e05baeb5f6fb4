package io.vectorless.schema.parsed;

/**
 * An image stored in object storage, attached to the page (slide) it appears on.
 *
 * @param page      1-based page or slide number
 * @param objectKey where the image bytes are
 * @param mediaType e.g. {@code image/png}
 * @param caption   a short human-readable caption, e.g. "Page 2 visual content"
 * @param bytes     stored size
 */
public record PageImage(int page, String objectKey, String mediaType, String caption, long bytes) {
}
