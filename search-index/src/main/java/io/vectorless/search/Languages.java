package io.vectorless.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The document's language and the Lucene analyzer that goes with it (stemming per language, CJK bigrams, ICU word
 * segmentation for other scripts).
 *
 * <p>Detection is a script count followed, for Latin script, by counting each language's most frequent function
 * words. Documents are long, so a few thousand words make both decisive; a statistical detector library (the
 * maintained one, Lingua, ships ~100 MB of n-gram models and a Kotlin runtime; the small ones are unmaintained since
 * 2016) would buy accuracy on short snippets that indexing never sees.
 */
public final class Languages {
    /** Language-neutral analysis (ICU word segmentation and folding) for text in languages not listed. */
    public static final String UNKNOWN = "und";
    private static final int SAMPLE_CHARS = 60_000;

    private static final Map<String, Set<String>> FUNCTION_WORDS = Map.ofEntries(
            Map.entry("en", Set.of("the", "and", "of", "to", "is", "in", "that", "for", "with", "are", "this", "be",
                    "by", "which", "from")),
            Map.entry("de", Set.of("der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "eine", "zu",
                    "auf", "sich", "dem", "werden")),
            Map.entry("fr", Set.of("le", "la", "les", "et", "des", "est", "une", "dans", "pour", "que", "qui",
                    "sur", "pas", "du", "au")),
            Map.entry("es", Set.of("el", "la", "los", "las", "y", "que", "en", "del", "por", "una", "para", "con",
                    "es", "se", "su")),
            Map.entry("it", Set.of("il", "di", "che", "la", "per", "non", "sono", "una", "della", "gli", "nel",
                    "del", "con", "anche", "è")),
            Map.entry("pt", Set.of("de", "que", "não", "uma", "os", "para", "com", "da", "do", "em", "por", "as",
                    "mais", "dos", "são")),
            Map.entry("nl", Set.of("de", "het", "een", "van", "en", "niet", "dat", "op", "te", "zijn", "voor",
                    "met", "ook", "wordt", "bij")),
            Map.entry("sv", Set.of("och", "att", "det", "som", "en", "är", "på", "för", "med", "av", "inte",
                    "till", "den", "har", "om")),
            Map.entry("da", Set.of("og", "at", "det", "er", "en", "til", "på", "af", "med", "ikke", "der", "som",
                    "den", "har", "for")),
            Map.entry("no", Set.of("og", "er", "det", "ikke", "til", "på", "som", "en", "av", "med", "for", "har",
                    "den", "jeg", "å")),
            Map.entry("fi", Set.of("ja", "on", "ei", "että", "se", "oli", "ovat", "tai", "kun", "mutta", "myös",
                    "sen", "joka", "ole", "hän")),
            Map.entry("tr", Set.of("ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "daha", "çok", "gibi",
                    "olan", "ama", "değil", "kadar")));

    private static final Map<String, Analyzer> ANALYZERS = new ConcurrentHashMap<>();
    private static final Map<Analyzer, Set<String>> QUESTION_WORDS = new ConcurrentHashMap<>();

    private Languages() {
    }

    /** An ISO 639-1 code, or {@link #UNKNOWN}. */
    public static String detect(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        int han = 0, kana = 0, hangul = 0, cyrillic = 0, arabic = 0, persian = 0, greek = 0, devanagari = 0,
                thai = 0, latin = 0;
        for (int i = 0; i < sample.length(); ) {
            int cp = sample.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            switch (Character.UnicodeScript.of(cp)) {
                case HAN -> han++;
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                case CYRILLIC -> cyrillic++;
                case ARABIC -> {
                    arabic++;
                    if (cp == 'پ' || cp == 'چ' || cp == 'گ' || cp == 'ی' || cp == 'ژ') {
                        persian++;
                    }
                }
                case GREEK -> greek++;
                case DEVANAGARI -> devanagari++;
                case THAI -> thai++;
                case LATIN -> latin++;
                default -> { }
            }
        }
        int letters = han + kana + hangul + cyrillic + arabic + greek + devanagari + thai + latin;
        if (letters == 0) {
            return UNKNOWN;
        }
        // CJK characters each carry a word's worth of meaning, so a modest share already makes the text CJK
        if ((han + kana + hangul) * 4 >= letters) {
            if (hangul > han + kana) {
                return "ko";
            }
            return kana > 0 && kana * 10 >= han + kana ? "ja" : "zh";
        }
        int[] counts = {cyrillic, arabic, greek, devanagari, thai, latin};
        String[] names = {"ru", persian * 20 > arabic ? "fa" : "ar", "el", "hi", "th", "latin"};
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return "latin".equals(names[best]) ? latinLanguage(sample) : names[best];
    }

    private static String latinLanguage(String sample) {
        Map<String, Integer> hits = new java.util.HashMap<>();
        for (String word : sample.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, Set<String>> language : FUNCTION_WORDS.entrySet()) {
                if (language.getValue().contains(word)) {
                    hits.merge(language.getKey(), 1, Integer::sum);
                }
            }
        }
        String best = UNKNOWN;
        int bestHits = 0;
        for (Map.Entry<String, Integer> e : hits.entrySet()) {
            if (e.getValue() > bestHits || (e.getValue() == bestHits && "en".equals(e.getKey()))) {
                best = e.getKey();
                bestHits = e.getValue();
            }
        }
        // a list of part numbers or a table of figures has no function words: analyse it neutrally
        return bestHits > 0 ? best : UNKNOWN;
    }

    /** The analyzer for a language code (shared, thread-safe). */
    public static Analyzer analyzer(String language) {
        return ANALYZERS.computeIfAbsent(language == null ? UNKNOWN : language, Languages::create);
    }

    private static Analyzer create(String language) {
        return switch (language) {
            case "en" -> new EnglishAnalyzer();
            case "de" -> new GermanAnalyzer();
            case "fr" -> new FrenchAnalyzer();
            case "es" -> new SpanishAnalyzer();
            case "it" -> new ItalianAnalyzer();
            case "pt" -> new PortugueseAnalyzer();
            case "nl" -> new DutchAnalyzer();
            case "sv" -> new SwedishAnalyzer();
            case "da" -> new DanishAnalyzer();
            case "no" -> new NorwegianAnalyzer();
            case "fi" -> new FinnishAnalyzer();
            case "tr" -> new TurkishAnalyzer();
            case "ru" -> new RussianAnalyzer();
            case "ar" -> new ArabicAnalyzer();
            case "fa" -> new PersianAnalyzer();
            case "el" -> new GreekAnalyzer();
            case "hi" -> new HindiAnalyzer();
            case "th" -> new ThaiAnalyzer();
            case "zh", "ja", "ko" -> new CJKAnalyzer();
            default -> new NeutralAnalyzer();
        };
    }

    /**
     * The function words a question is phrased with, as the analyzer's terms: English's analyzer keeps words such as
     * "what", "how", "did", "which", "about" (its stop set is 33 words), which inside one document are rare and so
     * weigh as much as the words asked about; Snowball's English stop list removes them from queries. The other
     * languages' analyzers already drop their Snowball stop lists: nothing more is removed for them.
     */
    public static Set<String> questionWords(Analyzer analyzer) {
        if (!(analyzer instanceof EnglishAnalyzer)) {
            return Set.of();
        }
        return QUESTION_WORDS.computeIfAbsent(analyzer, a -> {
            try (java.io.Reader list = IOUtils.getDecodingReader(SnowballFilter.class, "english_stop.txt",
                    java.nio.charset.StandardCharsets.UTF_8)) {
                Set<String> out = new java.util.HashSet<>();
                for (Object word : WordlistLoader.getSnowballWordSet(list)) {
                    out.addAll(terms(a, "body", new String((char[]) word)));
                }
                return Set.copyOf(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The terms an analyzer makes of a text, in order (duplicates kept). */
    public static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** ICU word segmentation (dictionary-based for Thai, Lao, Khmer, Myanmar and CJK) and Unicode case folding. */
    static final class NeutralAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new ICUTokenizer();
            TokenStream stream = new ICUFoldingFilter(new LowerCaseFilter(tokenizer));
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
