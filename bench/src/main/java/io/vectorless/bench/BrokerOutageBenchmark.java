package io.vectorless.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.vectorless.local.CrashTrial;
import io.vectorless.local.GatewayClient;
import io.vectorless.local.StackProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A broker outage of a set length under the local stack in a child JVM: the Kafka broker is frozen with SIGSTOP (it
 * neither answers nor refuses, as in a network partition), uploads keep coming during the outage, then the broker
 * resumes with SIGCONT. A watcher polls every upload's status throughout. Prints how uploads were answered during
 * the outage, whether any document was ever shown {@code failed}, what readiness said, and how long after the
 * broker's return every document was {@code indexed}.
 *
 * <pre>java -Xmx1g -cp $CP io.vectorless.bench.BrokerOutageBenchmark [outageSeconds=120] [uploadEverySeconds=10]</pre>
 */
public final class BrokerOutageBenchmark {
    private BrokerOutageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration outage = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 120);
        Duration every = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
        Path root = Files.createTempDirectory("vectorless-outage");
        try (StackProcess stack = StackProcess.start(root.resolve("stack"), StackProcess.Ports.free(), Map.of(),
                root.resolve("stack.log"))) {
            run(stack, outage, every);
        } finally {
            System.out.println("logs: " + root.resolve("stack.log"));
        }
    }

    private static void run(StackProcess stack, Duration outage, Duration every) throws Exception {
        GatewayClient gateway = new GatewayClient(stack.gatewayUrl());
        long workspace = gateway.createWorkspace("broker outage " + UUID.randomUUID());
        List<Long> before = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            before.add(upload(gateway, workspace, "before-" + i).id);
        }
        awaitIndexed(gateway, before, Duration.ofMinutes(3));

        Set<Long> everFailed = ConcurrentHashMap.newKeySet();
        List<Long> watched = Collections.synchronizedList(new ArrayList<>(before));
        List<String> readiness = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
        watcher.scheduleWithFixedDelay(() -> {
            try {
                for (long id : List.copyOf(watched)) {
                    if ("failed".equals(gateway.document(id).path("status").asText())) {
                        everFailed.add(id);
                    }
                }
                readiness.add(Integer.toString(gateway.get("/actuator/health/readiness").status()));
            } catch (RuntimeException e) {
                readiness.add("unreachable");
            }
        }, 0, 1, TimeUnit.SECONDS);

        long broker = stack.kafkaBroker().orElseThrow().pid();
        signal("STOP", broker);
        Instant outageStart = Instant.now();
        System.out.printf("broker %d frozen for %d s; uploading one document every %d s%n", broker,
                outage.toSeconds(), every.toSeconds());
        List<Upload> during = new ArrayList<>();
        int readinessBefore = readiness.size();
        while (Duration.between(outageStart, Instant.now()).compareTo(outage) < 0) {
            Upload upload = upload(gateway, workspace, "outage-" + during.size());
            during.add(upload);
            watched.add(upload.id);
            System.out.printf("  t=%3ds upload -> %d, status %s, answered in %.1f s%n",
                    Duration.between(outageStart, Instant.now()).toSeconds(), upload.http, upload.status,
                    upload.seconds);
            StackProcess.pause(every);
        }
        List<String> readinessDuring = List.copyOf(readiness.subList(readinessBefore, readiness.size()));
        signal("CONT", broker);
        Instant back = Instant.now();
        System.out.println("broker resumed");

        List<Long> all = new ArrayList<>(watched);
        boolean done = awaitIndexed(gateway, all, Duration.ofMinutes(5));
        double recovery = Duration.between(back, Instant.now()).toMillis() / 1000.0;
        watcher.shutdownNow();

        long acknowledged = during.stream().filter(u -> u.http == 201 || u.http == 200).count();
        double slowest = during.stream().mapToDouble(u -> u.seconds).max().orElse(0);
        long notIndexed = all.stream().filter(id -> !"indexed".equals(gateway.document(id).path("status").asText()))
                .count();
        System.out.printf("%nuploads during the outage: %d, acknowledged %d, answered failed %d, slowest answer %.1f s%n",
                during.size(), acknowledged, during.stream().filter(u -> "failed".equals(u.status)).count(), slowest);
        System.out.printf("readiness during the outage: %d checks, %d DOWN (503), %d UP (200)%n",
                readinessDuring.size(), readinessDuring.stream().filter("503"::equals).count(),
                readinessDuring.stream().filter("200"::equals).count());
        System.out.printf("documents ever shown failed: %d; not indexed at the end: %d of %d; all indexed %s%n",
                everFailed.size(), notIndexed, all.size(),
                done ? String.format("%.1f s after the broker came back", recovery) : "NOT within 5 minutes");
    }

    private record Upload(long id, int http, String status, double seconds) {
    }

    private static Upload upload(GatewayClient gateway, long workspace, String name) {
        long started = System.nanoTime();
        GatewayClient.Response response = gateway.upload(workspace, name + ".md",
                CrashTrial.document("outagemark" + UUID.randomUUID().toString().replace("-", "")), true);
        return new Upload(response.body().path("id").asLong(), response.status(),
                response.body().path("status").asText(), (System.nanoTime() - started) / 1e9);
    }

    private static boolean awaitIndexed(GatewayClient gateway, List<Long> ids, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (ids.stream().allMatch(id -> "indexed".equals(gateway.document(id).path("status").asText()))) {
                return true;
            }
            StackProcess.pause(Duration.ofSeconds(1));
        }
        return false;
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " exited with " + exit);
        }
    }
}
