package io.vectorless.query.storage;

import io.vectorless.query.answer.QuerySource;
import io.vectorless.query.navigate.DocumentCard;
import io.vectorless.search.DocumentSearchIndex;
import io.vectorless.support.storage.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads answerable documents from query-service's own {@link AnswerableDocuments} and opens their versions' search
 * indexes from object storage, where the events named them. Workspaces are not looked up here: the gateway owns
 * them and checks a question's workspace before it forwards the question.
 */
public class MongoQuerySource implements QuerySource {
    private static final Logger log = LoggerFactory.getLogger(MongoQuerySource.class);

    private final AnswerableDocuments documents;
    private final ObjectStore objects;
    private final SearchIndexStore indexes;
    /** Where each listed document version keeps its index (a version's object never moves). */
    private final Map<Version, String> located = new ConcurrentHashMap<>();

    private record Version(long documentId, int version) {
    }

    public MongoQuerySource(AnswerableDocuments documents, ObjectStore objects, SearchIndexStore indexes) {
        this.documents = documents;
        this.objects = objects;
        this.indexes = indexes;
    }

    @Override
    public List<DocumentCard> answerableDocuments(long workspaceId) {
        return documents.answerable(workspaceId).stream().map(entry -> {
            located.put(new Version(entry.id(), entry.version()), entry.indexKey());
            return entry.card();
        }).toList();
    }

    /** Section titles, texts and summaries come from each version's search index, not from the indexer's nodes. */
    @Override
    public Optional<DocumentSearchIndex> index(DocumentCard card) {
        String key = located.get(new Version(card.docId(), card.version()));
        return key == null ? Optional.empty() : indexes.open(card.docId(), card.version(), key);
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
