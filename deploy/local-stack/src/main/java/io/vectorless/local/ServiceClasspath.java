package io.vectorless.local;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The classpath a service child process runs with: this JVM's, with jar manifests' {@code Class-Path} expanded (the
 * run command's jar lists {@code lib/}; Maven's test runner hides the real classpath in a manifest-only jar), minus
 * every entry that carries its own {@code logback.xml}/{@code logback-test.xml}: the launcher's one-JVM logging set-up
 * must not replace each service's own (its pattern names the service; {@code LOG_FORMAT=json} switches it to JSON).
 */
final class ServiceClasspath {
    private static final String[] LOGGING_CONFIGS = {"logback.xml", "logback-test.xml"};

    private ServiceClasspath() {
    }

    static String of(String classpath) {
        Set<Path> entries = new LinkedHashSet<>();
        Set<Path> listing = new LinkedHashSet<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                expand(Path.of(entry).toAbsolutePath().normalize(), entries, listing);
            }
        }
        List<String> kept = new ArrayList<>();
        for (Path entry : entries) {
            // a jar that lists others would bring them back, logging set-ups included, when the child opens it
            if (Files.exists(entry) && !listing.contains(entry) && !carriesLoggingConfig(entry)) {
                kept.add(entry.toString());
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    private static void expand(Path entry, Set<Path> into, Set<Path> listing) {
        if (!into.add(entry) || !entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
            return;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            String listed = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (listed == null) {
                return;
            }
            listing.add(entry);
            for (String item : listed.trim().split("\\s+")) {
                Path resolved = item.startsWith("file:") ? Path.of(URI.create(item))
                        : entry.getParent().resolve(item);
                expand(resolved.toAbsolutePath().normalize(), into, listing);
            }
        } catch (IOException | IllegalArgumentException unreadable) {
            // not a jar we can read: kept as it is
        }
    }

    private static boolean carriesLoggingConfig(Path entry) {
        if (Files.isDirectory(entry)) {
            for (String name : LOGGING_CONFIGS) {
                if (Files.exists(entry.resolve(name))) {
                    return true;
                }
            }
            return false;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            for (String name : LOGGING_CONFIGS) {
                if (jar.getEntry(name) != null) {
                    return true;
                }
            }
            return false;
        } catch (IOException notAJar) {
            return false;
        }
    }
}
