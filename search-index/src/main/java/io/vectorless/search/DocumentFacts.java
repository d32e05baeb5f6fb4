package io.vectorless.search;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a document's cover states about it as fields rather than words: who issued it (a registrant's name, its
 * trading symbols), which form it is (10-K, 10-Q, ...) and which period it covers. A filing's cover says "For the
 * fiscal year ended December 31, 2021" once and nearly every other filing's cover says the same words with another
 * date; matched as bag-of-words, such a cover is chosen by its boilerplate, and the one word that matters (the year,
 * the company) is drowned. Facts the cover does not state are absent: the document is then routed by its words.
 */
public record DocumentFacts(Set<String> names, String form, LocalDate periodEnd, boolean quarterly,
                            Set<Integer> titleYears) {
    static final DocumentFacts NONE = new DocumentFacts(Set.of(), "", null, false, Set.of());

    private static final Pattern FORM = Pattern.compile("\\bFORM\\s+(10-K|10-Q|20-F|40-F|8-K)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PERIOD = Pattern.compile("for\\s+the\\s+(fiscal\\s+year|year|quarterly\\s+period|"
            + "quarter|period)\\s+ended:?\\s+([A-Za-z]{3,9})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})", Pattern.CASE_INSENSITIVE);
    /** A company's name on a line of its own, ending in its legal form. */
    private static final Pattern COMPANY = Pattern.compile("^\\p{Lu}[\\p{L}\\p{N}.&,' -]{0,60}?,?\\s+(?:INC|Inc|"
            + "CORPORATION|Corporation|CORP|Corp|LTD|Ltd|LLC|PLC|plc|N\\.V|S\\.A|AG|SE|Co|COMPANY|Company|HOLDINGS|"
            + "Holdings|GROUP|Group|LIMITED|Limited)\\.?$");
    private static final Pattern REGISTRANT = Pattern.compile("\\(\\s*Exact name of registrant",
            Pattern.CASE_INSENSITIVE);
    /** A trading symbol in a cover's table of listed securities: the symbol, then the exchange. */
    private static final Pattern TICKER = Pattern.compile("\\b([A-Z]{1,5})\\s+(?:The\\s+)?(?:Nasdaq|NASDAQ|NYSE|"
            + "New\\s+York\\s+Stock\\s+Exchange)");
    private static final Pattern YEAR = Pattern.compile("(?<![\\d/.-])(19[5-9]\\d|20\\d\\d)(?![\\d/.])");

    /** Facts read from a document's title and cover; {@link #NONE}-like when the cover states none. */
    public static DocumentFacts of(String title, String cover) {
        String text = cover == null ? "" : cover;
        Set<String> names = new LinkedHashSet<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length && i < 80; i++) {
            String line = lines[i].strip();
            if (COMPANY.matcher(line).matches()) {
                names.add(line);
            }
            if (i > 0 && REGISTRANT.matcher(line).find() && !lines[i - 1].isBlank()) {
                names.add(lines[i - 1].strip());
            }
        }
        Matcher ticker = TICKER.matcher(text);
        while (ticker.find()) {
            names.add(ticker.group(1));
        }
        Matcher form = FORM.matcher(text);
        String formName = form.find() ? form.group(1).toUpperCase(Locale.ROOT) : "";
        if (formName.isEmpty() && title != null) {
            Matcher inTitle = FORM.matcher("Form " + title.replaceFirst("(?i)^form\\s+", ""));
            formName = inTitle.find() ? inTitle.group(1).toUpperCase(Locale.ROOT) : "";
        }
        LocalDate end = null;
        boolean quarterly = false;
        Matcher period = PERIOD.matcher(text);
        if (period.find()) {
            Month month = month(period.group(2));
            int day = Integer.parseInt(period.group(3));
            if (month != null && day >= 1 && day <= 31) {
                YearMonth yearMonth = YearMonth.of(Integer.parseInt(period.group(4)), month);
                end = yearMonth.atDay(Math.min(day, yearMonth.lengthOfMonth()));
                quarterly = period.group(1).toLowerCase(Locale.ROOT).startsWith("quarter");
            }
        }
        Set<Integer> years = new LinkedHashSet<>();
        Matcher year = YEAR.matcher(title == null ? "" : title.replace('_', ' '));
        while (year.find()) {
            years.add(Integer.parseInt(year.group(1)));
        }
        return new DocumentFacts(Set.copyOf(names), formName, end, quarterly || "10-Q".equals(formName),
                Set.copyOf(years));
    }

    /**
     * How well the period the question names fits this document, 0..1; 0 when the question names none or the
     * document states none. Fiscal years and quarters are named by companies in their own way (a fiscal year ending
     * in January is often named after the year before; a first fiscal quarter may end in the December before), so
     * a period ending just after the named year, or a quarter just before it, counts in part.
     */
    public double period(QuestionFacts question) {
        if (question.years().isEmpty()) {
            return 0;
        }
        if (periodEnd == null) {
            return question.years().stream().anyMatch(titleYears::contains) ? 1 : 0;
        }
        double best = 0;
        for (int year : question.years()) {
            double score;
            if (periodEnd.getYear() == year) {
                score = 1;
            } else if (periodEnd.getYear() == year + 1 && periodEnd.getMonthValue() <= 3) {
                score = 0.7;
            } else if (quarterly && periodEnd.getYear() == year - 1 && periodEnd.getMonthValue() >= 10) {
                score = 0.7;
            } else {
                score = 0;
            }
            if (score > 0 && question.quarter() > 0 && quarterly) {
                // 13-week quarters end a few days into the next month: "July 1" closes the second quarter
                int calendarQuarter = (periodEnd.minusDays(15).getMonthValue() - 1) / 3 + 1;
                score *= calendarQuarter == question.quarter() ? 1 : 0.6;
            }
            best = Math.max(best, score);
        }
        return best;
    }

    /** 1 when the question names this document's form (10-K, 10-Q, ...), else 0. */
    public double form(QuestionFacts question) {
        return !form.isEmpty() && form.equals(question.form()) ? 1 : 0;
    }

    /** The names as searchable text: registrants, trading symbols. */
    public String namesText() {
        return String.join("\n", names);
    }

    private static Month month(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Month m : Month.values()) {
            String full = m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (full.equals(lower) || (lower.length() >= 3 && full.startsWith(lower))) {
                return m;
            }
        }
        return null;
    }
}
