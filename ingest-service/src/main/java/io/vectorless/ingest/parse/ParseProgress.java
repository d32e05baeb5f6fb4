package io.vectorless.ingest.parse;

/** Hears how far a long parse has come; called on the parsing thread, so it must be quick. */
public interface ParseProgress {
    ParseProgress NONE = (stage, done, total, perSecond) -> {
    };

    /**
     * @param stage     what is being done, e.g. {@code ocr}
     * @param done      units finished (pages)
     * @param total     units to do
     * @param perSecond units per second so far
     */
    void update(String stage, int done, int total, double perSecond);
}
