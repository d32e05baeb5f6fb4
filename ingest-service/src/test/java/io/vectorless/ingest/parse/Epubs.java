package io.vectorless.ingest.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds EPUB files as e-book tools write them: stored mimetype first, container, package, chapters. */
final class Epubs {
    private final Map<String, String> files = new LinkedHashMap<>();

    Epubs file(String name, String content) {
        files.put(name, content);
        return this;
    }

    static String chapter(String title, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\">"
                + "<head><title>" + title + "</title></head><body>" + body + "</body></html>";
    }

    static String container(String opf) {
        return "<?xml version=\"1.0\"?><container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">"
                + "<rootfiles><rootfile full-path=\"" + opf + "\" media-type=\"application/oebps-package+xml\"/>"
                + "</rootfiles></container>";
    }

    byte[] build() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                byte[] mimetype = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
                ZipEntry entry = new ZipEntry("mimetype");
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(mimetype.length);
                CRC32 crc = new CRC32();
                crc.update(mimetype);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(mimetype);
                zip.closeEntry();
                for (Map.Entry<String, String> file : files.entrySet()) {
                    zip.putNextEntry(new ZipEntry(file.getKey()));
                    zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
