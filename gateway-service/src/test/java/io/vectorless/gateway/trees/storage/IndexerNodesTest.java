package io.vectorless.gateway.trees.storage;

import io.vectorless.gateway.config.IndexerProperties;
import io.vectorless.gateway.domain.ApiException;
import io.vectorless.gateway.support.FakeIndexer;
import io.vectorless.schema.store.StoredNode;
import io.vectorless.support.web.AuthProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several indexer replicas: a dead one is passed over, and only when none answers is the tree unavailable. */
class IndexerNodesTest {
    private static final long DOCUMENT = 424_242L;

    @Test
    void aDeadReplicaIsPassedOverAndNoneAnsweringIs503() throws Exception {
        String dead = "http://127.0.0.1:" + freePort();
        FakeIndexer live = FakeIndexer.shared();
        live.save(new StoredNode(StoredNode.idOf(DOCUMENT, 1, "root"), DOCUMENT, 1, 9, "root", null, 0, 0, "Root",
                "", 1, 1, "Text", List.of(), List.of(), 1));

        IndexerNodes nodes = nodes(dead, live.url());

        assertThat(nodes.outline(DOCUMENT, 1)).extracting(StoredNode::nodeId).containsExactly("root");
        assertThat(nodes.node(DOCUMENT, 1, "root")).get().satisfies(d -> assertThat(d.node().text()).isEqualTo("Text"));
        assertThat(nodes.outline(DOCUMENT, 2)).isEmpty();
        assertThatThrownBy(() -> nodes(dead).outline(DOCUMENT, 1)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(503));
    }

    private static IndexerNodes nodes(String... urls) {
        return new IndexerNodes(new IndexerProperties(List.of(urls), Duration.ofSeconds(1), Duration.ofSeconds(5)),
                new StaticListableBeanFactory().getBeanProvider(AuthProperties.class));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
