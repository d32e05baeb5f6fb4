package io.vectorless.gateway.messaging;

import io.vectorless.gateway.documents.PipelineTimes;
import io.vectorless.gateway.documents.StatusProjector;
import io.vectorless.schema.event.DocumentStatusChanged;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Projects pipeline status events into documents and RAG-index records. The offset is committed after the
 * listener returned, that is after the projection's write was acknowledged (durably) by MongoDB.
 */
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
    void onStatus(DocumentStatusChanged status) {
        projector.apply(status);
        times.observe(status);
    }
}
