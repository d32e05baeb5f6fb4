package io.vectorless.support.health;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Kafka is up when the cluster answers a metadata request and has a broker. */
class KafkaHealthIndicator extends TimeLimitedHealthIndicator implements DisposableBean {
    private final Map<String, Object> config;
    private final int timeoutMs;
    private Admin admin;

    KafkaHealthIndicator(KafkaAdmin kafkaAdmin, Duration timeout) {
        super(timeout);
        this.timeoutMs = (int) timeout.toMillis();
        this.config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "health-check");
    }

    @Override
    protected Map<String, Object> check() throws Exception {
        DescribeClusterResult cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs));
        int brokers = cluster.nodes().get().size();
        if (brokers == 0) {
            throw new IllegalStateException("the cluster has no broker");
        }
        return Map.of("clusterId", String.valueOf(cluster.clusterId().get()), "brokers", brokers);
    }

    @Override
    protected String what() {
        return "Kafka";
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(config);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
