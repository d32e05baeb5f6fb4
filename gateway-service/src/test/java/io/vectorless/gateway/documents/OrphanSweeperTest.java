package io.vectorless.gateway.documents;

import io.vectorless.gateway.support.GatewayTestBase;
import io.vectorless.schema.store.ObjectKeys;
import io.vectorless.support.storage.ObjectStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Objects of no live document version go; live ones and ones too recent to judge stay. */
class OrphanSweeperTest extends GatewayTestBase {
    @Autowired
    OrphanSweeper sweeper;
    @Autowired
    ObjectStore store;

    @Test
    void sweepsObjectsOfNoLiveDocumentVersionButNeverRecentOnes() {
        long ws = workspace();
        long live = uploadText(ws, 600).get("id").asLong();
        String liveOriginal = store.listObjects(ObjectKeys.versionPrefix(ws, live, 1)).stream()
                .map(ObjectStore.StoredObject::key).filter(key -> key.endsWith("/original")).findFirst().orElseThrow();
        String staleVersion = ObjectKeys.parsed(ws, live, 7);
        String otherWorkspace = ObjectKeys.original(ws + 1000, live, 1);
        String noDocument = ObjectKeys.original(ws, 999_000_000L + live, 1);
        for (String key : new String[]{staleVersion, otherWorkspace, noDocument}) {
            store.put(key, new byte[]{1, 2, 3}, "application/octet-stream");
        }
        assertThat(store.exists(liveOriginal)).isTrue();

        OrphanSweeper.Result now = sweeper.sweep(Instant.now());
        assertThat(now.tooYoung()).isGreaterThanOrEqualTo(3);
        assertThat(store.exists(noDocument)).isTrue();

        OrphanSweeper.Result later = sweeper.sweep(Instant.now().plus(Duration.ofHours(2)));
        assertThat(later.deleted()).isGreaterThanOrEqualTo(3);
        assertThat(store.exists(staleVersion)).isFalse();
        assertThat(store.exists(otherWorkspace)).isFalse();
        assertThat(store.exists(noDocument)).isFalse();
        assertThat(store.exists(liveOriginal)).isTrue();
    }
}
