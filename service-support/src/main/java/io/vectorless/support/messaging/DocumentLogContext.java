package io.vectorless.support.messaging;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Puts the record's key, the document id, into the logging context while a listener handles it, so every log line
 * about a document can be found by its id ({@code %X{documentId}}).
 */
public class DocumentLogContext implements RecordInterceptor<Object, Object> {
    public static final String KEY = "documentId";

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                    Consumer<Object, Object> consumer) {
        if (record.key() != null) {
            MDC.put(KEY, record.key().toString());
        }
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        MDC.remove(KEY);
    }
}
