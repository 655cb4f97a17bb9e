package io.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.shared.Problems;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class PartnerWordingTests {

    static final Locale FR = Locale.FRENCH;

    final PartnerWording wording = new PartnerWording(messages());

    @Test
    void a_license_shortage_reads_in_the_page_language_with_its_numbers() {
        String result = "No license available: 12 of 12 in use. Add licenses in Plan & billing.";
        assertThat(wording.validation(result, Locale.ENGLISH)).isEqualTo(result);
        assertThat(wording.validation(result, FR))
                .isEqualTo("Aucune licence disponible : 12 sur 12 utilisées. Ajoutez des licences dans Plan et facturation.");
    }

    @Test
    void several_problems_are_each_translated_and_unknown_text_is_kept_as_is() {
        assertThat(wording.validation("User ID is missing; Email is invalid; Something new", FR))
                .isEqualTo("Identifiant manquant ; E-mail invalide ; Something new");
        assertThat(wording.validation("Password is too short: use at least 12 characters", FR))
                .isEqualTo("Mot de passe trop court : utilisez au moins 12 caractères");
    }

    @Test
    void deleting_an_active_user_is_refused_with_the_way_forward() {
        var refused = new Problems.Conflict("user-active", "User 'jdoe' is active: deactivate it first, then delete it");
        assertThat(wording.refusal(refused, "jdoe", Locale.ENGLISH))
                .isEqualTo("jdoe is active: deactivate it first, then delete it.");
        assertThat(wording.refusal(refused, "jdoe", FR))
                .isEqualTo("jdoe est actif : désactivez-le d'abord, puis supprimez-le.");
    }

    @Test
    void field_errors_land_by_their_field() {
        var invalid = Problems.InvalidInput.of("name", "is required");
        assertThat(wording.byField(invalid, null, FR)).isEqualTo(Map.of("name", "est obligatoire"));
        assertThat(wording.byField(new Problems.Conflict("slug-taken", "taken"), null, Locale.ENGLISH))
                .isEqualTo(Map.of("form", "This slug is already used by another company."));
    }

    @Test
    void built_in_roles_are_named_in_the_page_language_and_custom_roles_as_their_company_named_them() {
        assertThat(wording.role(io.roster.access.BuiltInRole.USER_MANAGER.asRole(), FR))
                .isEqualTo("Gestionnaire des utilisateurs");
        assertThat(wording.role(new io.roster.access.Role("r1", "Consultants", false, java.util.Set.of()), FR))
                .isEqualTo("Consultants");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/partner");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        return messages;
    }
}
