package io.vectorless.search;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period and form a question names ("Amazon's 10-K for fiscal 2021", "Apple's Q1 2023 10-Q", "the third
 * quarter of 2022 quarterly report"), matched against {@link DocumentFacts}; {@code rest} is the question without
 * them, which is what names a document by its words (the company) rather than by the date every cover carries.
 */
public record QuestionFacts(Set<Integer> years, int quarter, String form, String rest) {
    private static final Pattern YEAR = Pattern.compile("(?<![\\d$.,])(?:FY\\s?)?(19[5-9]\\d|20\\d\\d)(?![\\d%])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SHORT_FISCAL_YEAR = Pattern.compile("\\bFY\\s?'?(\\d\\d)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUARTER = Pattern.compile("\\b(?:Q([1-4])|(first|second|third|fourth|1st|2nd|3rd|"
            + "4th)\\s+(?:fiscal\\s+)?quarter)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern FORM = Pattern.compile("\\b(?:form\\s+)?(10-?K|10-?Q|20-?F|40-?F|8-?K)\\b|\\b(annual|"
            + "quarterly)\\s+(?:report|filing)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern POSSESSIVE = Pattern.compile("(?<=\\p{L})['’]s\\b");
    private static final Pattern FISCAL = Pattern.compile("\\bfiscal(?:\\s+year)?\\b", Pattern.CASE_INSENSITIVE);

    public static QuestionFacts of(String question) {
        String text = question == null ? "" : question;
        Set<Integer> years = new LinkedHashSet<>();
        Matcher year = YEAR.matcher(text);
        while (year.find()) {
            years.add(Integer.parseInt(year.group(1)));
        }
        Matcher shortYear = SHORT_FISCAL_YEAR.matcher(text);
        while (shortYear.find()) {
            years.add(2000 + Integer.parseInt(shortYear.group(1)));
        }
        int quarter = 0;
        Matcher q = QUARTER.matcher(text);
        if (q.find()) {
            quarter = q.group(1) != null ? Integer.parseInt(q.group(1)) : ordinal(q.group(2));
        }
        String form = "";
        Matcher f = FORM.matcher(text);
        if (f.find()) {
            form = f.group(1) != null ? f.group(1).toUpperCase(Locale.ROOT).replaceFirst("(\\d+)-?", "$1-")
                    : f.group(2).equalsIgnoreCase("annual") ? "10-K" : "10-Q";
        }
        String rest = FISCAL.matcher(FORM.matcher(QUARTER.matcher(SHORT_FISCAL_YEAR.matcher(YEAR.matcher(text)
                .replaceAll(" ")).replaceAll(" ")).replaceAll(" ")).replaceAll(" ")).replaceAll(" ");
        // "Acme's" names Acme under every analyzer, including those that keep the possessive on the word
        rest = POSSESSIVE.matcher(rest).replaceAll("");
        return new QuestionFacts(Set.copyOf(years), quarter, form, rest.replaceAll("\\s+", " ").strip());
    }

    public boolean namesPeriodOrForm() {
        return !years.isEmpty() || quarter > 0 || !form.isEmpty();
    }

    private static int ordinal(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "first", "1st" -> 1;
            case "second", "2nd" -> 2;
            case "third", "3rd" -> 3;
            default -> 4;
        };
    }
}
