package io.vectorless.search;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A search index's files as one object (a zip of the segment files, stored, not deflated: Lucene compresses what is
 * worth compressing). One object per version is written and read atomically, so a reader never sees half an index.
 * This is the only place that knows the object's form: the indexer writes it with {@link #build}, query-service
 * reads it back with {@link #unpack} into its local cache and opens the directory with
 * {@link DocumentSearchIndex#open}.
 */
public final class IndexArchive {
    public static final String CONTENT_TYPE = "application/zip";

    private IndexArchive() {
    }

    /** A version's index, written and packed: the archive's bytes and what {@link SearchIndexWriter} reported. */
    public record Built(byte[] archive, SearchIndexWriter.Written written) {
    }

    /** Writes {@code input}'s search index in memory and packs it into one archive. */
    public static Built build(io.vectorless.search.IndexInput input) {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            SearchIndexWriter.Written written = SearchIndexWriter.write(input, directory);
            return new Built(pack(directory), written);
        } catch (IOException e) {
            throw new UncheckedIOException("the search index could not be built", e);
        }
    }

    public static byte[] pack(Directory directory) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(0);
            byte[] buffer = new byte[64 * 1024];
            for (String name : directory.listAll()) {
                if (name.equals("write.lock")) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(name));
                try (IndexInput in = directory.openInput(name, IOContext.READONCE)) {
                    long left = in.length();
                    while (left > 0) {
                        int n = (int) Math.min(buffer.length, left);
                        in.readBytes(buffer, 0, n);
                        zip.write(buffer, 0, n);
                        left -= n;
                    }
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the search index could not be packed", e);
        }
        return bytes.toByteArray();
    }

    /** Unpacks into an empty directory {@code target}; entry names that would leave it are refused. */
    public static void unpack(InputStream in, Path target) {
        try (ZipInputStream zip = new ZipInputStream(in)) {
            Files.createDirectories(target);
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.getParent().equals(target.normalize()) || entry.isDirectory()) {
                    throw new IOException("unexpected entry in a search index archive: " + entry.getName());
                }
                try (OutputStream out = Files.newOutputStream(file)) {
                    zip.transferTo(out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the search index could not be unpacked", e);
        }
    }
}
