package io.vectorless.query.answer;

import io.vectorless.query.navigate.ContextAssembler;
import io.vectorless.schema.store.ObjectKeys;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Reads the chosen sections' images as base64; an image that cannot be read is left out, not an error. */
final class ImageLoader {
    private final QuerySource source;

    ImageLoader(QuerySource source) {
        this.source = source;
    }

    List<QueryAnswer.Image> load(List<ContextAssembler.ImageRef> refs) {
        List<QueryAnswer.Image> out = new ArrayList<>();
        for (ContextAssembler.ImageRef ref : refs) {
            Optional<byte[]> bytes = source.image(ref.key());
            if (bytes.isEmpty()) {
                continue;
            }
            String caption = ref.page() > 0 ? "Page " + ref.page() + " visual content"
                    : "Visual content of section " + ref.nodeId();
            out.add(new QueryAnswer.Image(Base64.getEncoder().encodeToString(bytes.get()), ObjectKeys.imageMediaType(ref.key()),
                    caption, ref.docId(), ref.nodeId()));
        }
        return out;
    }
}
