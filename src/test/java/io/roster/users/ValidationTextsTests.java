package io.roster.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The codes of a validation result worded from the console's bundles, in English and in French. */
class ValidationTextsTests {

    private final ValidationTexts texts = new ValidationTexts(messages());

    @Test
    void a_license_shortage_reads_in_each_language_with_its_figures() {
        ValidationResult full = ValidationResult.of(ValidationProblem.noLicense(48, 48));

        assertThat(texts.text(full, Locale.ENGLISH)).isEqualTo("No license available: 48 of 48 in use");
        assertThat(texts.text(full, Locale.FRENCH)).isEqualTo("Aucune licence disponible : 48 sur 48 utilisées");
    }

    @Test
    void every_problem_is_worded_in_order_and_joined_as_each_language_punctuates() {
        ValidationResult result = ValidationResult.of(List.of(ValidationProblem.of(ValidationCode.USER_ID_MISSING),
                ValidationProblem.of(ValidationCode.EMAIL_INVALID), ValidationProblem.noLicense(2, 2)));

        assertThat(texts.text(result, Locale.ENGLISH))
                .isEqualTo("User ID is missing; Email is invalid; No license available: 2 of 2 in use");
        assertThat(texts.text(result, Locale.FRENCH))
                .isEqualTo("Identifiant manquant ; E-mail invalide ; Aucune licence disponible : 2 sur 2 utilisées");
        assertThat(texts.lines(result, Locale.FRENCH)).hasSize(3);
    }

    @Test
    void every_code_has_words_in_both_languages() {
        for (ValidationCode code : ValidationCode.values()) {
            if (code == ValidationCode.TEXT) {
                continue;
            }
            Map<String, String> params = new java.util.HashMap<>();
            code.parameters().forEach(name -> params.put(name, "7"));
            ValidationProblem problem = new ValidationProblem(code, params);
            String english = texts.problem(problem, Locale.ENGLISH);
            String french = texts.problem(problem, Locale.FRENCH);
            if (code == ValidationCode.OK) {
                assertThat(english).isEqualTo("OK");
                continue;
            }
            assertThat(english).as(code.name()).isNotEqualTo(code.name()).doesNotContain("{");
            assertThat(french).as(code.name()).isNotEqualTo(code.name()).doesNotContain("{").isNotEqualTo(english);
        }
    }

    @Test
    void password_and_import_refusals_carry_their_parameters_into_the_words() {
        assertThat(texts.problem(PasswordPolicy.problemOf("short").orElseThrow(), Locale.FRENCH))
                .isEqualTo("Mot de passe trop court : utilisez au moins 12 caractères");
        assertThat(texts.problem(PasswordPolicy.problemOf("qwerty123456").orElseThrow(), Locale.FRENCH))
                .isEqualTo("Mot de passe trop courant : choisissez-en un plus difficile à deviner");
        assertThat(texts.problem(new ValidationProblem(ValidationCode.ROLE_UNKNOWN, Map.of("role", "BOSS")), Locale.ENGLISH))
                .isEqualTo("Role 'BOSS' does not exist in this company");
    }

    @Test
    void words_written_before_codes_are_shown_as_they_are() {
        ValidationResult legacy = ValidationResult.decode("Something the system once wrote");

        assertThat(legacy.code()).isEqualTo(ValidationCode.TEXT);
        assertThat(texts.text(legacy, Locale.FRENCH)).isEqualTo("Something the system once wrote");
    }

    @Test
    void no_result_reads_as_nothing() {
        assertThat(texts.text(null, Locale.FRENCH)).isEmpty();
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        return messages;
    }
}
