package io.vectorless.bench;

import io.vectorless.local.CrashTrial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Runs N crash trials against the local stack in a child JVM ({@link CrashTrial}): each uploads a burst, kills the
 * stack and its Kafka broker with SIGKILL at a different point (early in the burst, mid-burst with documents being
 * parsed and indexed, late, and twice in a row), restarts it on the same data and checks every acknowledged document.
 * Prints per trial and in total how many acknowledged documents were lost, stuck, given a repeated id, showed
 * another document's content, or failed without a reason.
 *
 * <pre>java -Xmx1g -cp $CP io.vectorless.bench.ChaosBenchmark [trials]</pre>
 */
public final class ChaosBenchmark {
    private ChaosBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path root = Files.createTempDirectory("vectorless-chaos");
        int acknowledged = 0, lost = 0, stuck = 0, duplicated = 0, mixed = 0, noReason = 0, failed = 0;
        System.out.printf("%-6s %-22s %6s %5s %6s %6s %6s %9s %7s %6s%n", "trial", "kill", "acked", "lost",
                "stuck", "dup-id", "mixed", "no-reason", "failed", "secs");
        for (int trial = 1; trial <= trials; trial++) {
            CrashTrial.Settings settings = settingsFor(trial);
            Path data = root.resolve("trial-" + trial);
            long started = System.nanoTime();
            CrashTrial.Result result = CrashTrial.run(data.resolve("stack"), settings, root.resolve("trial-" + trial + ".log"));
            result.stack().close();
            CrashTrial.Outcome o = result.outcome();
            System.out.printf("%-6d %-22s %6d %5d %6d %6d %6d %9d %7d %6.0f%n", trial, describe(settings),
                    o.acknowledged(), o.lost(), o.stuck(), o.duplicated(), o.mixed(), o.failedWithoutReason(),
                    o.failed(), (System.nanoTime() - started) / 1e9);
            o.problems().forEach(problem -> System.out.println("       " + problem));
            acknowledged += o.acknowledged();
            lost += o.lost();
            stuck += o.stuck();
            duplicated += o.duplicated();
            mixed += o.mixed();
            noReason += o.failedWithoutReason();
            failed += o.failed();
            deleteTree(data);
        }
        System.out.printf("%ntotal: %d trials, %d acknowledged documents: lost %d, stuck %d, duplicated ids %d, "
                        + "mixed content %d, failed without reason %d (failed with a reason: %d)%n", trials,
                acknowledged, lost, stuck, duplicated, mixed, noReason, failed);
        System.out.println("logs: " + root);
    }

    /** Kill points cycle: early in the burst, mid-burst, late in the burst, and twice in a row. */
    private static CrashTrial.Settings settingsFor(int trial) {
        return switch (trial % 4) {
            case 1 -> new CrashTrial.Settings(20, 2, 1, 2, Duration.ofMinutes(2));
            case 2 -> new CrashTrial.Settings(20, 10, 1, 2, Duration.ofMinutes(2));
            case 3 -> new CrashTrial.Settings(20, 18, 1, 2, Duration.ofMinutes(2));
            default -> new CrashTrial.Settings(12, 6, 2, 2, Duration.ofMinutes(2));
        };
    }

    private static String describe(CrashTrial.Settings settings) {
        return (settings.kills() > 1 ? settings.kills() + " kills, " : "") + "after " + settings.killAfter() + "/"
                + settings.burst() + " acks";
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
