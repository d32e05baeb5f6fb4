package io.vectorless.ingest.parse;

/** Stores an image found while parsing and answers where it went (an object key). */
@FunctionalInterface
public interface ImageSink {

    /**
     * @param page      1-based page or slide the image belongs to
     * @param index     0-based index of the image on that page
     * @param extension file extension without dot, e.g. {@code png}
     * @param mediaType e.g. {@code image/png}
     * @param bytes     the encoded image
     * @return the key the image is stored under
     */
    String store(int page, int index, String extension, String mediaType, byte[] bytes);

    /** Drops every image: for callers that only want text. */
    ImageSink DISCARD = (page, index, extension, mediaType, bytes) -> "discarded/p" + page + "-" + index;
}
