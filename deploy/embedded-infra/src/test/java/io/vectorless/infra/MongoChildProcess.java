package io.vectorless.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The embedded MongoDB in a child JVM, so a test can {@code kill -9} it; {@link #main} prints the port, then waits. */
final class MongoChildProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private MongoChildProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static MongoChildProcess start(Path directory) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                MongoChildProcess.class.getName(), directory.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("PORT ")) {
                return new MongoChildProcess(process, Integer.parseInt(line.substring(5).trim()));
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the child MongoDB exited before it was up: " + process.exitValue());
    }

    String uri() {
        return "mongodb://127.0.0.1:" + port + "/vectorless";
    }

    /** SIGKILL: no shutdown hook, no close, no last background commit. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedMongo mongo = new EmbeddedMongo(Path.of(args[0]), 0);
        System.out.println("PORT " + mongo.uri("x").replaceAll(".*:(\\d+)/.*", "$1"));
        System.out.flush();
        Thread.currentThread().join();
    }
}
