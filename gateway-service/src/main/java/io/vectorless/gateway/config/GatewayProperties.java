package io.vectorless.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/** The gateway's own settings ({@code vectorless.gateway.*}). */
@ConfigurationProperties("vectorless.gateway")
public record GatewayProperties(
        @DefaultValue("http://localhost:8083") String queryServiceUrl,
        @DefaultValue("5s") Duration queryServiceConnectTimeout,
        @DefaultValue("5m") Duration queryServiceReadTimeout,
        @DefaultValue("1073741824") long ragMaxBytesPerWorkspace,
        @DefaultValue("10m") Duration stallTimeout,
        @DefaultValue("30s") Duration watchdogInterval,
        @DefaultValue("120s") Duration maxUploadWait,
        @DefaultValue("30m") Duration eventStreamTimeout,
        @DefaultValue("250ms") Duration eventStreamPollInterval,
        @DefaultValue Cors cors) {

    public record Cors(@DefaultValue("*") List<String> allowedOrigins) {
    }
}
