package io.vectorless.infra;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;

/**
 * The entry point of the child-process broker ({@link ChildProcessKafka}): runs {@code kafka.Kafka} and ends with
 * its parent. The parent holds the write end of this process's standard input; however the parent ends (even
 * {@code kill -9}) the pipe closes, the read here sees end-of-file and the broker shuts down, so no orphan broker
 * holds the port for the next start. That is also how the parent stops it on purpose. SIGINT, SIGTERM and SIGHUP
 * are ignored: Ctrl-C, a closing terminal or a service manager signal the whole process group at once, and the
 * parent must stop its services first (their consumers leave their groups) and the broker last.
 */
public final class KafkaChild {
    private KafkaChild() {
    }

    public static void main(String[] args) throws Exception {
        for (String signal : new String[]{"INT", "TERM", "HUP"}) {
            ignore(signal);
        }
        Thread watch = new Thread(() -> {
            awaitEndOfInput(System.in);
            System.err.println("the parent process has ended: stopping the Kafka broker");
            Thread deadline = new Thread(() -> {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
                Runtime.getRuntime().halt(1);
            }, "shutdown-deadline");
            deadline.setDaemon(true);
            deadline.start();
            System.exit(0); // runs Kafka's shutdown hook: a controlled shutdown that flushes the logs
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
        Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) args);
    }

    private static void awaitEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // the parent writes nothing; anything it does write is ignored
            }
        } catch (IOException closed) {
            // a broken pipe means the same as end-of-file
        }
    }

    /** sun.misc.Signal through reflection, as Kafka itself does: the API is not part of the compiled-against JDK. */
    private static void ignore(String name) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object ignore = Proxy.newProxyInstance(KafkaChild.class.getClassLoader(), new Class<?>[]{handler},
                    (proxy, method, arguments) -> switch (method.getName()) {
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == arguments[0];
                        case "toString" -> "ignore SIG" + name;
                        default -> null; // handle(signal): nothing to do
                    });
            signal.getMethod("handle", signal, handler)
                    .invoke(null, signal.getConstructor(String.class).newInstance(name), ignore);
        } catch (ReflectiveOperationException | RuntimeException unavailable) {
            System.err.println("cannot ignore SIG" + name + " (" + unavailable + "): it stops the broker at once");
        }
    }
}
