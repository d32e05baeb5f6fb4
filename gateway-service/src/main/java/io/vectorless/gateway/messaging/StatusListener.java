package io.vectorless.gateway.messaging;

import io.vectorless.gateway.documents.PipelineTimes;
import io.vectorless.gateway.documents.StatusProjector;
import io.vectorless.schema.EventJson;
import io.vectorless.schema.event.DocumentEvent;
import io.vectorless.schema.event.DocumentStatusChanged;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Projects pipeline status events into documents and RAG-index records. */
@Component
class StatusListener {
    private final StatusProjector projector;
    private final PipelineTimes times;

    StatusListener(StatusProjector projector, PipelineTimes times) {
        this.projector = projector;
        this.times = times;
    }

    @KafkaListener(id = "gateway-status-projection", topics = "${vectorless.kafka.topics.status:document.status}",
            groupId = "${spring.kafka.consumer.group-id:gateway-service}")
    void onStatus(String json) {
        DocumentEvent event = EventJson.readEvent(json);
        if (event instanceof DocumentStatusChanged status) {
            MDC.put("documentId", Long.toString(status.documentId()));
            try {
                projector.apply(status);
                times.observe(status);
            } finally {
                MDC.remove("documentId");
            }
        }
    }
}
