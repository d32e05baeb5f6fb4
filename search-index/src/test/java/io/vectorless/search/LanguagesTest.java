package io.vectorless.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagesTest {

    @Test
    void tellsLanguagesApartByScriptAndFunctionWords() {
        assertThat(Languages.detect("The backups of the database run every night and are kept for 35 days in "
                + "a second region, which is required by the policy.")).isEqualTo("en");
        assertThat(Languages.detect("Die Sicherungen der Datenbank laufen jede Nacht und werden für 35 Tage in "
                + "einer zweiten Region aufbewahrt, das ist nicht optional.")).isEqualTo("de");
        assertThat(Languages.detect("Les sauvegardes de la base sont faites chaque nuit et elles sont conservées "
                + "pendant 35 jours dans une autre région pour la sécurité.")).isEqualTo("fr");
        assertThat(Languages.detect("Las copias de seguridad de la base de datos se hacen cada noche y se guardan "
                + "durante 35 días en una segunda región por la política.")).isEqualTo("es");
        assertThat(Languages.detect("系统每天凌晨两点自动备份数据，备份保留三十五天。")).isEqualTo("zh");
        assertThat(Languages.detect("データベースのバックアップは毎晩実行され、三十五日間保存されます。")).isEqualTo("ja");
        assertThat(Languages.detect("데이터베이스 백업은 매일 밤 실행되며 35일 동안 보관됩니다.")).isEqualTo("ko");
        assertThat(Languages.detect("Резервные копии базы данных создаются каждую ночь и хранятся 35 дней."))
                .isEqualTo("ru");
    }

    @Test
    void textWithoutWordsIsAnalysedNeutrally() {
        assertThat(Languages.detect("")).isEqualTo(Languages.UNKNOWN);
        assertThat(Languages.detect("12 345 678 — 9.1 %")).isEqualTo(Languages.UNKNOWN);
    }

    @Test
    void analyzersStemPerLanguageAndSplitChineseIntoBigrams() {
        assertThat(Languages.terms(Languages.analyzer("en"), "body", "Encrypted encryption of the backups"))
                .containsExactly("encrypt", "encrypt", "backup");
        assertThat(Languages.terms(Languages.analyzer("de"), "body", "Die Sicherungen")).containsExactly("sicherung");
        assertThat(Languages.terms(Languages.analyzer("zh"), "body", "备份数据")).containsExactly("备份", "份数", "数据");
        assertThat(Languages.terms(Languages.analyzer(Languages.UNKNOWN), "body", "Ünïcode TEXT"))
                .containsExactly("unicode", "text");
    }

    @Test
    void aQuestionsPhrasingWordsAreNotSearchedInEnglishButItsSubjectIs() {
        java.util.Set<org.apache.lucene.analysis.Analyzer> english = java.util.Set.of(Languages.analyzer("en"));

        assertThat(Queries.questionTerms("What did the board approve, and how much was it about?", english))
                .containsExactly("board", "approv", "much");
        // a question made only of such words still searches something
        assertThat(Queries.questionTerms("What about it?", english)).containsExactly("what", "about");
        assertThat(Languages.questionWords(Languages.analyzer("de"))).isEmpty();
    }
}
