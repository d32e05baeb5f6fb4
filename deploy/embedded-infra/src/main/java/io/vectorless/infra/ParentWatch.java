package io.vectorless.infra;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another main class as a child process that dies with its launcher. The launcher keeps this process's stdin
 * open and never writes to it; when the launcher goes away, even by {@code kill -9}, the operating system closes the
 * pipe, the read below returns end-of-file and this process exits through its shutdown hooks (Spring's graceful
 * shutdown). So no child outlives the launcher, whatever way it ends.
 *
 * <pre>java -cp ... io.vectorless.infra.ParentWatch io.vectorless.indexer.IndexerApplication --server.port=8082</pre>
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: ParentWatch <main class> [arguments...]");
            System.exit(2);
        }
        Thread watch = new Thread(() -> awaitEndOfInput(System.in), "parent-watch");
        watch.setDaemon(true);
        watch.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    private static void awaitEndOfInput(InputStream in) {
        try {
            while (in.read() >= 0) {
                // the launcher never writes; anything that arrives is ignored
            }
        } catch (IOException closed) {
            // a broken pipe means the same as end-of-file: the launcher is gone
        }
        System.err.println("the launcher has gone away: stopping");
        System.exit(0);
    }
}
