package io.vectorless.gateway.web;

import io.vectorless.gateway.documents.OrphanSweeper;
import io.vectorless.gateway.messaging.StatusReplay;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.lang.Nullable;

import java.time.Duration;
import java.time.Instant;

/**
 * Self-healing on demand, behind the API key like every actuator endpoint but health:
 * {@code POST /actuator/statusreplay[?hours=N]} rebuilds the status projection from {@code document.status} (the
 * whole topic without {@code hours}); {@code POST /actuator/orphansweep} removes objects of no live document
 * version now.
 */
@Configuration(proxyBeanMethods = false)
class HealingEndpoints {

    @Bean
    StatusReplayEndpoint statusReplayEndpoint(StatusReplay replay) {
        return new StatusReplayEndpoint(replay);
    }

    @Bean
    OrphanSweepEndpoint orphanSweepEndpoint(OrphanSweeper sweeper) {
        return new OrphanSweepEndpoint(sweeper);
    }

    @Endpoint(id = "statusreplay")
    static class StatusReplayEndpoint {
        private final StatusReplay replay;

        StatusReplayEndpoint(StatusReplay replay) {
            this.replay = replay;
        }

        @WriteOperation
        public StatusReplay.Result replay(@Nullable Integer hours) {
            return replay.replay(hours == null ? null : Instant.now().minus(Duration.ofHours(Math.max(0, hours))));
        }
    }

    @Endpoint(id = "orphansweep")
    static class OrphanSweepEndpoint {
        private final OrphanSweeper sweeper;

        OrphanSweepEndpoint(OrphanSweeper sweeper) {
            this.sweeper = sweeper;
        }

        @WriteOperation
        public OrphanSweeper.Result sweep() {
            return sweeper.sweep(Instant.now());
        }
    }
}
