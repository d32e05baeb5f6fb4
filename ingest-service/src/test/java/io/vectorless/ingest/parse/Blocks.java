package io.vectorless.ingest.parse;

import io.vectorless.schema.parsed.Block;
import io.vectorless.schema.parsed.ParsedDocument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: blocks as one readable string each, a parser and an image sink that remembers. */
final class Blocks {
    private Blocks() {
    }

    static List<String> of(ParsedDocument document) {
        List<String> out = new ArrayList<>();
        for (Block block : document.blocks()) {
            out.add(block.isHeading() ? "H" + block.level() + " " + block.text() + " @" + block.page()
                    : "T @" + block.page() + " " + block.text());
        }
        return out;
    }

    static SourceFile file(String name) {
        return new SourceFile(7, 42, 1, name, "");
    }

    /** Remembers stored images by key. */
    static final class MemorySink implements ImageSink {
        final Map<String, byte[]> stored = new LinkedHashMap<>();

        @Override
        public String store(int page, int index, String extension, String mediaType, byte[] bytes) {
            String key = "img/p" + page + "-" + index + "." + extension;
            stored.put(key, bytes);
            return key;
        }
    }
}
