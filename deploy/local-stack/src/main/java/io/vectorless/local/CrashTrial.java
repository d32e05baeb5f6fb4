package io.vectorless.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One crash trial against the local stack in a child JVM: upload a burst of documents, {@code kill -9} the stack
 * (and its Kafka broker) while uploads are still arriving and earlier ones are being parsed and indexed, start it
 * again on the same data, and check every document the API acknowledged: it must exist (not lost), reach
 * {@code indexed} or {@code failed} with a reason (not stuck), keep an id no other acknowledgement got (not
 * duplicated), and carry its own content (not mixed). Documents uploaded after the restart must get fresh ids.
 */
public final class CrashTrial {
    private static final String MARKER_PREFIX = "crashmark";

    /**
     * @param burst        documents uploaded before each kill
     * @param killAfter    acknowledgements (of this burst) before the kill
     * @param kills        kills in a row: each restart is killed again mid-burst, while it is still recovering
     * @param afterRestart documents uploaded after the last restart (they must get fresh ids)
     * @param settle       time the restarted stack gets to bring every document to a final status
     */
    public record Settings(int burst, int killAfter, int kills, int afterRestart, Duration settle) {
        public static Settings standard() {
            return new Settings(24, 10, 1, 3, Duration.ofMinutes(2));
        }
    }

    /** What one trial found; every count but {@code acknowledged} must be zero. */
    public record Outcome(int acknowledged, int lost, int stuck, int duplicated, int mixed, int failedWithoutReason,
                          int failed, List<String> problems) {
        public boolean clean() {
            return lost == 0 && stuck == 0 && duplicated == 0 && mixed == 0 && failedWithoutReason == 0;
        }
    }

    /** One document the API acknowledged with 200/201. */
    public record Acknowledged(long id, String marker) {
    }

    private CrashTrial() {
    }

    /**
     * Runs the trial; returns its outcome and the restarted stack, still running, for the caller to use or close.
     */
    public static Result run(Path data, Settings settings, Path log) {
        StackProcess.Ports ports = StackProcess.Ports.free();
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        long workspace = -1;
        for (int kill = 0; kill < settings.kills(); kill++) {
            StackProcess running = StackProcess.start(data, ports, Map.of(), log);
            GatewayClient gateway = new GatewayClient(running.gatewayUrl());
            if (workspace < 0) {
                workspace = gateway.createWorkspace("crash trial " + UUID.randomUUID());
            }
            uploadUntilKilled(running, gateway, workspace, settings, acknowledged);
        }

        StackProcess second = StackProcess.start(data, ports, Map.of(), log);
        GatewayClient restarted = new GatewayClient(second.gatewayUrl());
        List<Acknowledged> all = new ArrayList<>(acknowledged);
        for (int i = 0; i < settings.afterRestart(); i++) {
            Acknowledged fresh = upload(restarted, workspace, "after-restart-" + i);
            if (fresh != null) {
                all.add(fresh);
            }
        }
        return new Result(check(restarted, all, settings.settle()), second, workspace, all);
    }

    /** The outcome, the restarted stack, the trial's workspace and every acknowledged document. */
    public record Result(Outcome outcome, StackProcess stack, long workspace, List<Acknowledged> acknowledged) {
    }

    private static void uploadUntilKilled(StackProcess stack, GatewayClient gateway, long workspace,
                                          Settings settings, Collection<Acknowledged> acknowledged) {
        AtomicInteger next = new AtomicInteger();
        ExecutorService uploaders = Executors.newFixedThreadPool(3);
        for (int t = 0; t < 3; t++) {
            uploaders.submit(() -> {
                int n;
                while ((n = next.getAndIncrement()) < settings.burst()) {
                    try {
                        Acknowledged ack = upload(gateway, workspace, "burst-" + n);
                        if (ack != null) {
                            acknowledged.add(ack);
                        }
                    } catch (RuntimeException stackGone) {
                        return;
                    }
                }
            });
        }
        int before = acknowledged.size();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (acknowledged.size() - before < settings.killAfter() && Instant.now().isBefore(deadline)) {
            StackProcess.pause(Duration.ofMillis(50));
        }
        stack.kill();
        uploaders.shutdown();
        try {
            uploaders.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Acknowledged upload(GatewayClient gateway, long workspace, String name) {
        String marker = MARKER_PREFIX + UUID.randomUUID().toString().replace("-", "");
        GatewayClient.Response response = gateway.upload(workspace, name + ".md", document(marker), true);
        if (response.status() == 200 || response.status() == 201) {
            return new Acknowledged(response.body().path("id").asLong(), marker);
        }
        return null;
    }

    /** A Markdown report whose title and every section carry the marker, so its tree shows whose content it is. */
    public static byte[] document(String marker) {
        StringBuilder text = new StringBuilder("# Report " + marker + "\n\n");
        for (int section = 1; section <= 40; section++) {
            text.append("## Section ").append(section).append(" of ").append(marker).append("\n\n");
            for (int line = 0; line < 6; line++) {
                text.append("Finding ").append(line).append(" of section ").append(section).append(" in ")
                        .append(marker).append(" covers revenue, costs, staffing and the outlook for the year. ");
            }
            text.append("\n\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Outcome check(GatewayClient gateway, List<Acknowledged> acknowledged, Duration settle) {
        List<String> problems = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        int duplicated = 0;
        for (Acknowledged ack : acknowledged) {
            if (!ids.add(ack.id())) {
                duplicated++;
                problems.add("id " + ack.id() + " acknowledged for two uploads");
            }
        }
        Instant deadline = Instant.now().plus(settle);
        Map<Long, JsonNode> last = new java.util.HashMap<>();
        while (true) {
            boolean allFinal = true;
            for (Acknowledged ack : acknowledged) {
                GatewayClient.Response doc = gateway.get("/api/documents/" + ack.id());
                last.put(ack.id(), doc.status() == 200 ? doc.body() : null);
                String status = doc.status() == 200 ? doc.body().path("status").asText() : "missing";
                allFinal &= status.equals("indexed") || status.equals("failed");
            }
            if (allFinal || Instant.now().isAfter(deadline)) {
                break;
            }
            StackProcess.pause(Duration.ofSeconds(1));
        }
        int lost = 0;
        int stuck = 0;
        int mixed = 0;
        int failedWithoutReason = 0;
        int failed = 0;
        Set<String> markers = new HashSet<>();
        acknowledged.forEach(a -> markers.add(a.marker()));
        for (Acknowledged ack : acknowledged) {
            JsonNode doc = last.get(ack.id());
            if (doc == null) {
                lost++;
                problems.add("document " + ack.id() + " was acknowledged and is gone");
                continue;
            }
            String status = doc.path("status").asText();
            if (status.equals("failed")) {
                failed++;
                String reason = doc.path("error").asText("");
                if (reason.isBlank() || reason.contains("null")) {
                    failedWithoutReason++;
                    problems.add("document " + ack.id() + " failed without a reason: '" + reason + "'");
                }
            } else if (!status.equals("indexed")) {
                stuck++;
                problems.add("document " + ack.id() + " stuck in " + status + " at " + doc.path("progress"));
            } else if (!ownContent(gateway, ack, doc, markers)) {
                mixed++;
                problems.add("document " + ack.id() + " shows content that is not its own: "
                        + doc.path("doc_title").asText());
            }
        }
        return new Outcome(acknowledged.size(), lost, stuck, duplicated, mixed, failedWithoutReason, failed,
                problems);
    }

    /** Its title and tree carry its own marker and no other document's. */
    private static boolean ownContent(GatewayClient gateway, Acknowledged ack, JsonNode doc, Set<String> markers) {
        if (!doc.path("doc_title").asText().equals("Report " + ack.marker())) {
            return false;
        }
        String tree = gateway.get("/api/documents/" + ack.id() + "/tree").raw();
        if (!tree.contains(ack.marker())) {
            return false;
        }
        for (String other : markers) {
            if (!other.equals(ack.marker()) && tree.contains(other)) {
                return false;
            }
        }
        return true;
    }
}
