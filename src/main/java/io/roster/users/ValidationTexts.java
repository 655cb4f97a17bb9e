package io.roster.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A validation result in words, in the reader's language: the console (the page's language), the
 * API (the caller's {@code Accept-Language}), mails (the recipient's preference) and CSV reports
 * all read it through here, so one code always reads the same.
 */
@Component
public class ValidationTexts {

    private final MessageSource messages;

    ValidationTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** Every problem, in order, joined the way the language punctuates a list; empty for null. */
    public String text(ValidationResult result, Locale locale) {
        if (result == null) {
            return "";
        }
        return String.join(separator(locale), lines(result, locale));
    }

    /** Every problem as its own sentence, for a message that lists them. */
    public List<String> lines(ValidationResult result, Locale locale) {
        List<String> lines = new ArrayList<>();
        if (result != null) {
            for (ValidationProblem problem : result.problems()) {
                lines.add(problem(problem, locale));
            }
        }
        return lines;
    }

    public String problem(ValidationProblem problem, Locale locale) {
        if (problem.code() == ValidationCode.TEXT) {
            return problem.params().get("text");
        }
        return messages.getMessage(problem.code().messageKey(), problem.arguments(), problem.code().name(), locale);
    }

    /** French typography sets a space before ';'. */
    private static String separator(Locale locale) {
        return locale != null && "fr".equals(locale.getLanguage()) ? " ; " : "; ";
    }
}
