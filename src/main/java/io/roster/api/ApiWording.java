package io.roster.api;

import io.roster.shared.FieldError;
import io.roster.users.ValidationProblem;
import io.roster.users.ValidationResult;
import io.roster.users.ValidationTexts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import io.roster.shared.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The words of the API's validation results and coded refusals, in the caller's
 * {@code Accept-Language} (English or French; English when it names neither), or the {@code lang}
 * parameter a console link adds: an API client has no saved console language, so the request
 * alone decides. The codes go beside the words,
 * unchanged whatever the language, for clients to branch on.
 */
@Component
class ApiWording {

    private static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

    private final ValidationTexts texts;
    private final MessageSource messages;

    ApiWording(ValidationTexts texts, MessageSource messages) {
        this.texts = texts;
        this.messages = messages;
    }

    /**
     * The language of the current request: its {@code lang} parameter when it names English or
     * French (the console's links carry the page's language, which a saved preference may have made
     * other than the browser's), else its {@code Accept-Language}.
     */
    Locale locale() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String lang = lang(attributes.getRequest());
            if ("fr".equals(lang) || "en".equals(lang)) {
                return Locale.forLanguageTag(lang);
            }
            return of(attributes.getRequest().getHeader("Accept-Language"));
        }
        return Locale.ENGLISH;
    }

    /** The {@code lang} parameter, or null; parameters that cannot be parsed name no language. */
    private static String lang(jakarta.servlet.http.HttpServletRequest request) {
        try {
            return request.getParameter("lang");
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return best == null ? Locale.ENGLISH : best;
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    /** The result in words, or null when there is none. */
    String text(ValidationResult result) {
        return result == null ? null : texts.text(result, locale());
    }

    /** Each problem as {@code {code, params}}, or null when there is no result. */
    static List<Map<String, Object>> problems(ValidationResult result) {
        return result == null ? null : result.asMaps();
    }

    /** True when the caller reads another language than the English the modules write their details in. */
    boolean translated() {
        return !Locale.ENGLISH.equals(locale());
    }

    /**
     * A problem's detail in the caller's language, or empty to keep the module's English: the coded
     * sentence ({@code problem.<code>}), else the fields to fix, else the sentence of its type.
     */
    Optional<String> problem(ProblemException problem) {
        if (!translated()) {
            return Optional.empty();
        }
        if (problem.worded()) {
            Optional<String> sentence = problem(problem.code(), problem.args());
            if (sentence.isPresent()) {
                return sentence;
            }
        }
        List<FieldError> errors = problem.errors();
        if (errors.size() == 1 && errors.getFirst().coded()) {
            return Optional.of(errors.getFirst().field() + " : " + message(errors.getFirst()));
        }
        if (!errors.isEmpty()) {
            return problem("FIELDS_INVALID", List.of(String.join(", ",
                    errors.stream().map(FieldError::field).distinct().toList())));
        }
        return problem(problem.code(), problem.args());
    }

    /** The sentence {@code problem.<code>} in the caller's language, or empty in English or without one. */
    Optional<String> problem(String code, List<Object> args) {
        if (!translated()) {
            return Optional.empty();
        }
        return Optional.ofNullable(messages.getMessage("problem." + code, args.toArray(), null, locale()));
    }

    /** The title of a status ({@code problem.title.<status>}) in the caller's language, or empty in English. */
    Optional<String> title(int status) {
        if (!translated()) {
            return Optional.empty();
        }
        return Optional.ofNullable(messages.getMessage("problem.title." + status, null, null, locale()));
    }

    /** A field error's message: a coded one in the caller's words, any other as the module wrote it. */
    String message(FieldError error) {
        if (!error.coded()) {
            return error.message();
        }
        return messages.getMessage("validation." + error.code(), error.args().toArray(), error.message(), locale());
    }
}
