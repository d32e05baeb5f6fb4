package io.vectorless.query.storage;

import io.vectorless.query.answer.QuerySource;
import io.vectorless.query.navigate.DocumentCard;
import io.vectorless.search.DocumentSearchIndex;
import io.vectorless.support.storage.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Reads answerable documents from query-service's own {@link AnswerableDocuments} and opens their versions' search
 * indexes. Workspaces are not looked up here: the gateway owns them and checks a question's workspace before it
 * forwards the question.
 */
public class MongoQuerySource implements QuerySource {
    private static final Logger log = LoggerFactory.getLogger(MongoQuerySource.class);

    private final AnswerableDocuments documents;
    private final ObjectStore objects;
    private final SearchIndexStore indexes;

    public MongoQuerySource(AnswerableDocuments documents, ObjectStore objects, SearchIndexStore indexes) {
        this.documents = documents;
        this.objects = objects;
        this.indexes = indexes;
    }

    @Override
    public List<DocumentCard> answerableDocuments(long workspaceId) {
        return documents.cards(workspaceId);
    }

    /** Section titles and summaries for routing come from each version's search index, not from the nodes. */
    @Override
    public Optional<DocumentSearchIndex> index(DocumentCard card) {
        return indexes.open(card.docId(), card.version());
    }

    @Override
    public Optional<byte[]> image(String key) {
        try {
            return Optional.of(objects.getBytes(key));
        } catch (RuntimeException e) {
            log.warn("image {} cannot be read: {}", key, e.getMessage());
            return Optional.empty();
        }
    }
}
