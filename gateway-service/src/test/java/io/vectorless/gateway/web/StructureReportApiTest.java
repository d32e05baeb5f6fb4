package io.vectorless.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.vectorless.gateway.support.GatewayTestBase;
import io.vectorless.schema.event.DocumentStatusChanged;
import io.vectorless.schema.event.IndexResult;
import io.vectorless.schema.parsed.StructureReport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The structure report arrives on the final status event and is served with the document it describes. */
class StructureReportApiTest extends GatewayTestBase {

    @Test
    void indexedDocumentIsServedWithTheStructureReportOfItsLiveVersion() {
        long ws = workspace();
        long id = uploadText(ws, 700).get("id").asLong();
        JsonNode queued = http.get("/api/documents/" + id).json();
        assertThat(queued.has("structure")).isFalse();

        StructureReport report = new StructureReport("layout", Map.of("layout", 12, "contents", 3), 0.25, 0.4, 12,
                StructureReport.LOW, List.of("printed contents list one part only"));
        publisher.publish(DocumentStatusChanged.indexed(id, 1, ws,
                new IndexResult("Title", "Summary", 13, 0, 9, 5000, 4096, 0, report), "test"));

        JsonNode document = awaitDocument(id, d -> d.has("structure"));
        assertThat(document.get("status").asText()).isEqualTo("indexed");
        JsonNode structure = document.get("structure");
        assertThat(structure.get("primary").asText()).isEqualTo("layout");
        assertThat(structure.get("sources").get("layout").asInt()).isEqualTo(12);
        assertThat(structure.get("agreement").asDouble()).isEqualTo(0.25);
        assertThat(structure.get("coverage").asDouble()).isEqualTo(0.4);
        assertThat(structure.get("confidence").asText()).isEqualTo("low");
        assertThat(structure.get("notes").get(0).asText()).contains("one part only");
        // lists keep their shape: the report is a single-document read
        JsonNode listed = http.get("/api/documents?workspace_id=" + ws).json().get(0);
        assertThat(listed.has("structure")).isFalse();
    }
}
