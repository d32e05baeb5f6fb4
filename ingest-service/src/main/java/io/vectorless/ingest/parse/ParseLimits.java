package io.vectorless.ingest.parse;

import java.time.Duration;

/**
 * Bounds that keep a hostile or huge file from hurting the service.
 *
 * @param maxPages             more physical pages (or slides) than this fails the document
 * @param maxImages            images kept per document; the rest are skipped with a warning
 * @param maxImageDimension    longest side of a stored image, in pixels (larger ones are scaled down)
 * @param minImageDimension    pictures smaller than this on both sides are decoration (bullets, logos) and ignored
 * @param timeout              wall-clock budget for one document
 * @param maxZipEntryBytes     an archive entry that inflates past this is refused
 * @param maxUncompressedBytes an archive whose entries inflate past this in total is refused
 * @param maxInflateRatio      an archive inflating more than this many times its size is a decompression bomb
 * @param charsPerPage         page size used to approximate pages of formats without pages
 */
public record ParseLimits(
        int maxPages,
        int maxImages,
        int maxImageDimension,
        int minImageDimension,
        Duration timeout,
        long maxZipEntryBytes,
        long maxUncompressedBytes,
        double maxInflateRatio,
        int charsPerPage) {

    public static ParseLimits defaults() {
        return new ParseLimits(2000, 50, 1024, 64, Duration.ofMinutes(5), 256L << 20, 1L << 30, 100.0, 3000);
    }

    public ParseLimits withTimeout(Duration newTimeout) {
        return new ParseLimits(maxPages, maxImages, maxImageDimension, minImageDimension, newTimeout,
                maxZipEntryBytes, maxUncompressedBytes, maxInflateRatio, charsPerPage);
    }

    public ParseLimits withMaxPages(int newMaxPages) {
        return new ParseLimits(newMaxPages, maxImages, maxImageDimension, minImageDimension, timeout,
                maxZipEntryBytes, maxUncompressedBytes, maxInflateRatio, charsPerPage);
    }

    public ParseLimits withMaxImages(int newMaxImages) {
        return new ParseLimits(maxPages, newMaxImages, maxImageDimension, minImageDimension, timeout,
                maxZipEntryBytes, maxUncompressedBytes, maxInflateRatio, charsPerPage);
    }
}
