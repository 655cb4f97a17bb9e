package io.roster.web;

import io.roster.access.PartnerAssignments;
import io.roster.access.Role;
import io.roster.shared.FieldError;
import io.roster.shared.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Says in the page's language what the modules say in English: validation results (stored as the
 * system wrote them, docs/rules.md §2), refusals and built-in role names. Text it does not know is shown as is.
 */
@Component
class PartnerWording {

    private static final Pattern NO_LICENSE =
            Pattern.compile("No license available: (\\d+) of (\\d+) in use\\. Add licenses in Plan & billing\\.");
    private static final Pattern TOO_SHORT = Pattern.compile("Password is too short: use at least (\\d+) characters");
    private static final Pattern TOO_LONG = Pattern.compile("Password is too long: use at most (\\d+) characters");
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("OK", "partner.validation.ok"),
            Map.entry("User ID is missing", "partner.validation.userIdMissing"),
            Map.entry("User ID is invalid: use 3 to 64 characters among a-z, 0-9, '.', '_', '-', '@' and '+'",
                    "partner.validation.userIdInvalid"),
            Map.entry("User ID already taken", "partner.validation.userIdTaken"),
            Map.entry("User ID or email already taken", "partner.validation.userIdOrEmailTaken"),
            Map.entry("First name is missing", "partner.validation.firstNameMissing"),
            Map.entry("Last name is missing", "partner.validation.lastNameMissing"),
            Map.entry("Email is missing", "partner.validation.emailMissing"),
            Map.entry("Email is invalid", "partner.validation.emailInvalid"),
            Map.entry("Email already in use by another account", "partner.validation.emailTaken"),
            Map.entry("Password is too common: choose one that is harder to guess", "partner.validation.passwordCommon"),
            Map.entry("is required", "partner.field.required"));
    private static final Map<String, String> REFUSALS = Map.of(
            "user-active", "partner.refused.userActive",
            "user-draft", "partner.refused.userDraft",
            "user-not-active", "partner.refused.userNotActive",
            "slug-taken", "partner.refused.slugTaken",
            "licenses-in-use", "partner.refused.licensesInUse",
            "self-removal", "partner.refused.selfRemoval",
            "stale-etag", "partner.refused.stale",
            "external-user", "partner.refused.external",
            "grantee-not-active", "partner.refused.granteeNotActive",
            "outranked", "partner.refused.outranked");

    private final MessageSource messages;

    PartnerWording(MessageSource messages) {
        this.messages = messages;
    }

    /** A validation result such as "Email is invalid; No license available: 2 of 2 in use. …". */
    String validation(String result, Locale locale) {
        if (result == null || result.isBlank()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String part : result.split("; ")) {
            parts.add(phrase(part.trim(), locale));
        }
        return String.join(french(locale) ? " ; " : "; ", parts);
    }

    /** Why an operation was refused, in the page's language; {@code subject} names the user or company. */
    String refusal(ProblemException problem, String subject, Locale locale) {
        String key = REFUSALS.get(problem.type());
        if (key != null) {
            Object used = problem.properties().getOrDefault("licensesUsed", "");
            return messages.getMessage(key, new Object[] {subject == null ? "" : subject, String.valueOf(used)}, locale);
        }
        if (problem.detail() != null && problem.detail().startsWith("You cannot grant the role")) {
            return messages.getMessage("partner.refused.roleTooStrong", null, locale);
        }
        if (problem.detail() != null && problem.detail().startsWith("You cannot remove the role")) {
            return messages.getMessage("partner.refused.roleTooStrongToRemove", null, locale);
        }
        if (!problem.errors().isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (FieldError error : problem.errors()) {
                parts.add(messages.getMessage("partner.field." + error.field(), null, error.field(), locale)
                        + (french(locale) ? " : " : ": ") + phrase(error.message(), locale));
            }
            return String.join(french(locale) ? " ; " : "; ", parts);
        }
        return validation(problem.detail(), locale);
    }

    /**
     * A refusal spread over the form's fields, so each message sits by its field; a refusal of no
     * particular field goes under {@code "form"}.
     */
    Map<String, String> byField(ProblemException problem, String subject, Locale locale) {
        if (problem.errors().isEmpty()) {
            return Map.of("form", refusal(problem, subject, locale));
        }
        Map<String, String> byField = new java.util.LinkedHashMap<>();
        for (FieldError error : problem.errors()) {
            byField.merge(error.field(), phrase(error.message(), locale), (a, b) -> a + (french(locale) ? " ; " : "; ") + b);
        }
        return byField;
    }

    /** A role's name: built-in roles in the page's language, custom roles as their company named them. */
    String role(Role role, Locale locale) {
        return role.builtIn() ? builtIn(role.id(), role.name(), locale) : role.name();
    }

    String role(PartnerAssignments.Held held, Locale locale) {
        return held.builtIn() ? builtIn(held.roleId(), held.roleId(), locale) : held.customName();
    }

    private String builtIn(String id, String fallback, Locale locale) {
        return messages.getMessage("partner.role." + id, null, fallback, locale);
    }

    private String phrase(String english, Locale locale) {
        String key = KNOWN.get(english);
        if (key != null) {
            return messages.getMessage(key, null, locale);
        }
        Matcher license = NO_LICENSE.matcher(english);
        if (license.matches()) {
            return messages.getMessage("partner.validation.noLicense", new Object[] {license.group(1), license.group(2)},
                    locale);
        }
        Matcher shortPassword = TOO_SHORT.matcher(english);
        if (shortPassword.matches()) {
            return messages.getMessage("partner.validation.passwordShort", new Object[] {shortPassword.group(1)}, locale);
        }
        Matcher longPassword = TOO_LONG.matcher(english);
        if (longPassword.matches()) {
            return messages.getMessage("partner.validation.passwordLong", new Object[] {longPassword.group(1)}, locale);
        }
        return english;
    }

    /** French typography sets a space before ';' and ':'. */
    private static boolean french(Locale locale) {
        return "fr".equals(locale.getLanguage());
    }
}
