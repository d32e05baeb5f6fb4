package io.vectorless.ingest.parse;

import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.parsed.StructureSource;
import io.vectorless.core.failure.PermanentFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.vectorless.ingest.parse.Epubs.chapter;
import static io.vectorless.ingest.parse.Epubs.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlEpubParsingTest {
    private static final DocumentParser PARSER = new DocumentParser(ParseLimits.defaults());

    @AfterAll
    static void close() {
        PARSER.close();
    }

    private static ParsedDocument parse(byte[] bytes, String name) {
        return PARSER.parse(bytes, Blocks.file(name), ImageSink.DISCARD);
    }

    private static ParsedDocument parse(String html, String name) {
        return parse(html.getBytes(StandardCharsets.UTF_8), name);
    }

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Backup Guide</title>
            <script>var tracking = "do not index";</script><style>body { color: red }</style></head>
            <body>
              <header><a href="/">Home</a> <a href="/docs">Docs</a></header>
              <nav class="sidebar"><ul><li>Installation</li><li>Upgrading</li></ul></nav>
              <main>
                <h1>Backup Guide<a class="headerlink" href="#top">¶</a></h1>
                <p>Backups protect the <b>catalogue</b> against loss.</p>
                <h2>Schedules</h2>
                <p>Backups run nightly at 02:00 UTC.</p>
                <ul><li>Full backup on Sundays</li><li>Incremental on weekdays</li></ul>
                <h3>Retention</h3>
                <table><tr><th>Kind</th><th>Kept</th></tr><tr><td>Full</td><td>90 days</td></tr></table>
                <h2>Restores</h2>
                <div>Restores are tested <span>every quarter</span>.<div>Ask the on-call engineer.</div></div>
              </main>
              <div class="cookie-banner">We use cookies</div>
              <footer>Copyright 2026 ACME</footer>
            </body></html>
            """;

    @Test
    void htmlGivesItsHeadingsTablesAndMainTextWithoutNavigation() {
        ParsedDocument parsed = parse(PAGE, "guide.html");

        assertThat(parsed.format()).isEqualTo("html");
        assertThat(parsed.title()).isEqualTo("Backup Guide");
        assertThat(parsed.structureSource()).isEqualTo(StructureSource.HEADINGS);
        assertThat(Blocks.of(parsed)).containsExactly(
                "H1 Backup Guide @1",
                "T @1 Backups protect the catalogue against loss.",
                "H2 Schedules @1",
                "T @1 Backups run nightly at 02:00 UTC.\n\nFull backup on Sundays\n\nIncremental on weekdays",
                "H3 Retention @1",
                "T @1 Kind | Kept\nFull | 90 days",
                "H2 Restores @1",
                "T @1 Restores are tested every quarter.\n\nAsk the on-call engineer.");
    }

    @Test
    void htmlIsRecognisedByContentWhateverItsName() {
        assertThat(parse(PAGE, "export.txt").format()).isEqualTo("html");
        assertThat(parse("# Title\n\n<b>bold</b> text\n", "notes.md").format()).isEqualTo("markdown");
    }

    @Test
    void sectionsGiveLevelsWhenEveryHeadingIsAnH1() {
        String html = "<html><body><article><h1>Manual</h1><section><h1>Setup</h1><p>Install it.</p>"
                + "<section><h1>Linux</h1><p>Use the package.</p></section></section></article></body></html>";

        assertThat(Blocks.of(parse(html, "m.html"))).containsExactly("H2 Manual @1", "H3 Setup @1",
                "T @1 Install it.", "H4 Linux @1", "T @1 Use the package.");
    }

    @Test
    void deeplyNestedMarkupIsReadWithoutOverflowingTheStack() {
        String html = "<html><body>" + "<div>".repeat(50_000) + "deep text" + "</div>".repeat(50_000) + "</body></html>";

        assertThat(Blocks.of(parse(html, "deep.html"))).anyMatch(b -> b.contains("deep text"));
    }

    @Test
    void hugeHtmlIsRefusedBeforeParsing() {
        byte[] huge = new byte[(int) HtmlReader.MAX_BYTES + 1024];
        byte[] start = "<!DOCTYPE html><html><body><p>".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(start, 0, huge, 0, start.length);
        java.util.Arrays.fill(huge, start.length, huge.length, (byte) 'a');

        assertThatThrownBy(() -> parse(huge, "huge.html")).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("more than the limit of 64 MB");
    }

    private static Epubs book3() {
        String opf = """
                <?xml version="1.0" encoding="UTF-8"?>
                <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
                  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>The Lighthouse Keeper</dc:title></metadata>
                  <manifest>
                    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
                    <item id="c1" href="text/chapter1.xhtml" media-type="application/xhtml+xml"/>
                    <item id="c2" href="text/chapter2.xhtml" media-type="application/xhtml+xml"/>
                    <item id="cover" href="images/cover.jpg" media-type="image/jpeg"/>
                  </manifest>
                  <spine><itemref idref="c1"/><itemref idref="c2"/></spine>
                </package>
                """;
        String nav = chapter("Contents", """
                <nav epub:type="toc"><h1>Contents</h1><ol>
                  <li><a href="text/chapter1.xhtml">Chapter One: The Storm</a>
                    <ol><li><a href="text/chapter1.xhtml#rescue">The Rescue</a></li></ol></li>
                  <li><a href="text/chapter2.xhtml">Chapter Two: The Calm</a></li>
                </ol></nav>
                <nav epub:type="landmarks"><ol><li><a href="text/chapter2.xhtml">Start</a></li></ol></nav>""");
        return new Epubs()
                .file("META-INF/container.xml", container("OEBPS/content.opf"))
                .file("OEBPS/content.opf", opf)
                .file("OEBPS/nav.xhtml", nav)
                .file("OEBPS/text/chapter1.xhtml", chapter("One", """
                        <h1>Chapter One: The Storm</h1><p>The wind rose at dusk over the cape.</p>
                        <h2 id="rescue">The Rescue</h2><p>A fishing boat was saved before midnight.</p>
                        <h3>Aftermath</h3><p>The keeper wrote it all in the log.</p>"""))
                .file("OEBPS/text/chapter2.xhtml", chapter("Two", """
                        <p>The Lighthouse Keeper</p>
                        <h1>Chapter Two: The Calm</h1><p>Morning brought a flat grey sea.</p>"""))
                .file("OEBPS/images/cover.jpg", "not really a picture");
    }

    @Test
    void epubChaptersFollowTheSpineWithTheNavigationAsOutlineAndTheirHeadingsBeneath() {
        ParsedDocument parsed = parse(book3().build(), "keeper.epub");

        assertThat(parsed.format()).isEqualTo("epub");
        assertThat(parsed.title()).isEqualTo("The Lighthouse Keeper");
        assertThat(Blocks.of(parsed)).containsExactly(
                "H1 Chapter One: The Storm @1",
                "T @1 The wind rose at dusk over the cape.",
                "H2 The Rescue @1",
                "T @1 A fishing boat was saved before midnight.",
                "H3 Aftermath @1",
                "T @1 The keeper wrote it all in the log.",
                "H1 Chapter Two: The Calm @1",
                "T @1 The Lighthouse Keeper\n\nMorning brought a flat grey sea.");
    }

    @Test
    void epub2UsesItsNcxTableOfContents() {
        String opf = """
                <package xmlns="http://www.idpf.org/2007/opf" version="2.0"><metadata/>
                <manifest><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
                <item id="a" href="a.html" media-type="application/xhtml+xml"/></manifest>
                <spine toc="ncx"><itemref idref="a"/></spine></package>""";
        String ncx = """
                <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
                <navPoint id="p1"><navLabel><text>Part I</text></navLabel><content src="a.html"/>
                  <navPoint id="p2"><navLabel><text>Letters</text></navLabel><content src="a.html#letters"/></navPoint>
                </navPoint></navMap></ncx>""";
        byte[] epub = new Epubs().file("META-INF/container.xml", container("content.opf"))
                .file("content.opf", opf).file("toc.ncx", ncx)
                .file("a.html", chapter("a", "<p>Opening words.</p><p id=\"letters\">The letters arrived.</p>"))
                .build();

        assertThat(Blocks.of(parse(epub, "old.epub"))).containsExactly("H1 Part I @1", "T @1 Opening words.",
                "H2 Letters @1", "T @1 The letters arrived.");
    }

    @Test
    void entityExpansionInAnEpubHasNothingToExpand() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE package [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>"
                + "<package><metadata><title>&e;&e;&e;&e;&e;&e;&e;&e;</title></metadata>"
                + "<manifest><item id=\"a\" href=\"a.html\"/></manifest><spine><itemref idref=\"a\"/></spine></package>";
        byte[] epub = new Epubs().file("META-INF/container.xml", container("content.opf")).file("content.opf", laughs)
                .file("a.html", chapter("a", "<h1>Only Chapter</h1><p>Text.</p>")).build();

        ParsedDocument parsed = parse(epub, "laughs.epub");

        assertThat(parsed.title()).hasSizeLessThan(100);
        assertThat(Blocks.of(parsed)).containsExactly("H1 Only Chapter @1", "T @1 Text.");
    }

    @Test
    void zipBombEpubIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("META-INF/container.xml"));
            zip.write(container("a.opf").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("OEBPS/chapter.xhtml"));
            zip.write(new byte[40 * 1024 * 1024]);
            zip.closeEntry();
        }

        assertThatThrownBy(() -> parse(out.toByteArray(), "bomb.epub")).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("decompression bomb");
    }

    @Test
    void epubWithoutPackageFailsWithReason() {
        byte[] epub = new Epubs().file("META-INF/container.xml", container("missing.opf")).build();

        assertThatThrownBy(() -> parse(epub, "broken.epub")).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("does not name a package document it contains");
    }
}
