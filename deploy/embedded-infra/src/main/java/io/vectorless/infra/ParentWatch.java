package io.vectorless.infra;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * Runs another main class as a child process that dies with its launcher. The launcher passes its process id as
 * {@value #PARENT_PID}; when that process ends, even by {@code kill -9}, this one exits through its shutdown hooks
 * (Spring's graceful shutdown). So no child outlives the launcher, whatever way it ends.
 *
 * <pre>java -Dvectorless.parent-pid=1234 -cp ... io.vectorless.infra.ParentWatch io.vectorless.indexer.IndexerApplication --server.port=8082</pre>
 */
public final class ParentWatch {
    public static final String PARENT_PID = "vectorless.parent-pid";

    private ParentWatch() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: ParentWatch <main class> [arguments...]");
            System.exit(2);
        }
        Optional<ProcessHandle> parent = parent();
        if (parent.isEmpty()) {
            System.err.println("the launcher has already gone away: not starting");
            System.exit(1);
        }
        parent.get().onExit().thenRun(() -> {
            System.err.println("the launcher (pid " + parent.get().pid() + ") has gone away: stopping");
            haltAfter(60_000);
            System.exit(0);
        });
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    /** A shutdown that hangs (say, a context still starting) must not leave an orphan behind. */
    private static void haltAfter(long millis) {
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(1);
        }, "parent-watch-halt");
        halt.setDaemon(true);
        halt.start();
    }

    private static Optional<ProcessHandle> parent() {
        String pid = System.getProperty(PARENT_PID);
        Optional<ProcessHandle> handle = pid == null ? ProcessHandle.current().parent()
                : ProcessHandle.of(Long.parseLong(pid));
        return handle.filter(ProcessHandle::isAlive);
    }
}
