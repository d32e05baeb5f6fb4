package io.vectorless.gateway.web;

import io.vectorless.gateway.documents.OrphanSweeper;
import io.vectorless.gateway.messaging.StatusReplay;
import io.vectorless.support.web.Caller;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.lang.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.time.Duration;
import java.time.Instant;

/**
 * Self-healing on demand, behind the API key like every actuator endpoint but health:
 * {@code POST /actuator/statusreplay[?hours=N]} rebuilds the status projection from {@code document.status} (the
 * whole topic without {@code hours}); {@code POST /actuator/orphansweep} removes objects of no live document
 * version now. Both are the admin's: a user key gets 404, as for anything that is not its own.
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

    /** Whether the request came with the admin key (a call from inside the process counts as the admin). */
    static boolean admin() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object caller = request == null ? null : request.getAttribute(Caller.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return !(caller instanceof Caller known) || known.admin();
    }

    static <T> WebEndpointResponse<T> notFound() {
        return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
    }

    @WebEndpoint(id = "statusreplay")
    static class StatusReplayEndpoint {
        private final StatusReplay replay;

        StatusReplayEndpoint(StatusReplay replay) {
            this.replay = replay;
        }

        @WriteOperation
        public WebEndpointResponse<StatusReplay.Result> replay(@Nullable Integer hours) {
            if (!admin()) {
                return notFound();
            }
            return new WebEndpointResponse<>(replay.replay(hours == null ? null
                    : Instant.now().minus(Duration.ofHours(Math.max(0, hours)))));
        }
    }

    @WebEndpoint(id = "orphansweep")
    static class OrphanSweepEndpoint {
        private final OrphanSweeper sweeper;

        OrphanSweepEndpoint(OrphanSweeper sweeper) {
            this.sweeper = sweeper;
        }

        @WriteOperation
        public WebEndpointResponse<OrphanSweeper.Result> sweep() {
            return admin() ? new WebEndpointResponse<>(sweeper.sweep(Instant.now())) : notFound();
        }
    }
}
