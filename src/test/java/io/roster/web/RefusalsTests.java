package io.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.shared.Problems;
import io.roster.users.PasswordPolicy;
import io.roster.users.ValidationCode;
import io.roster.users.ValidationProblem;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Refusals worded from their codes in the page's language: never the module's English sentence. */
class RefusalsTests {

    static final Locale FR = Locale.FRENCH;

    final Refusals refusals = new Refusals(messages());

    @Test
    void a_refused_password_reads_in_the_page_language() {
        var refused = Problems.InvalidInput.of(PasswordPolicy.problemOf("qwerty123456").orElseThrow().asFieldError("password"));

        assertThat(refusals.of(refused, FR)).isEqualTo("Mot de passe trop courant : choisissez-en un plus difficile à deviner");
        assertThat(refusals.of(refused, Locale.ENGLISH)).isEqualTo("Password is too common: choose one that is harder to guess");
    }

    @Test
    void a_taken_user_id_reads_in_french() {
        var taken = new Problems.Conflict("user-id-taken", "User ID already taken");

        assertThat(refusals.of(taken, FR)).isEqualTo("Identifiant déjà pris");
        assertThat(refusals.partner(taken, "jdoe", FR)).isEqualTo("Identifiant déjà pris");
    }

    @Test
    void deleting_an_active_user_is_refused_with_the_way_forward() {
        var refused = new Problems.Conflict("user-active", "User 'jdoe' is active: deactivate it first, then delete it");

        assertThat(refusals.partner(refused, "jdoe", Locale.ENGLISH)).isEqualTo("jdoe is active: deactivate it first, then delete it.");
        assertThat(refusals.partner(refused, "jdoe", FR)).isEqualTo("jdoe est actif : désactivez-le d'abord, puis supprimez-le.");
    }

    @Test
    void a_role_too_strong_is_told_by_its_reason_not_by_its_sentence() {
        var refused = new Problems.Forbidden("forbidden", "You cannot grant the role 'Administrator': …",
                Map.of("reason", "role-too-strong"));

        assertThat(refusals.partner(refused, "jdoe", FR)).startsWith("Vous ne pouvez pas attribuer ce rôle");
        assertThat(refusals.ofTypeOr(refused, FR, "?")).startsWith("Vous ne pouvez pas donner ce rôle");
    }

    @Test
    void coded_field_errors_land_by_their_field_in_the_page_language() {
        var invalid = new Problems.InvalidInput("x", List.of(
                ValidationProblem.of(ValidationCode.EMAIL_INVALID).asFieldError("email"),
                ValidationProblem.of(ValidationCode.FIRST_NAME_MISSING).asFieldError("firstName")));

        assertThat(refusals.byField(invalid, null, FR))
                .isEqualTo(Map.of("email", "E-mail invalide", "firstName", "Prénom manquant"));
        assertThat(refusals.byField(Problems.InvalidInput.of("name", "is required"), null, FR))
                .isEqualTo(Map.of("name", "est obligatoire"));
    }

    @Test
    void built_in_roles_are_named_in_the_page_language_and_custom_roles_as_their_company_named_them() {
        RoleLabels labels = new RoleLabels(null, messages());

        assertThat(labels.name(io.roster.access.BuiltInRole.USER_MANAGER.asRole(), FR))
                .isEqualTo("Gestionnaire des utilisateurs");
        assertThat(labels.name(new io.roster.access.Role("r1", "Consultants", false, java.util.Set.of()), FR))
                .isEqualTo("Consultants");
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "i18n/users", "i18n/admin", "i18n/partner", "i18n/setup");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        return messages;
    }
}
