package io.roster.api;

import io.roster.shared.PlainText;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every JSON text a request body carries passes {@link PlainText} as it is read, whatever record
 * or list it lands in, so the refusal names the field ({@link ProblemHandler}). Spring Boot adds
 * this module to the application's JSON mapper.
 */
@Component
class PlainTextJson extends SimpleModule {

    PlainTextJson() {
        super("roster-plain-text");
        addDeserializer(String.class, new CheckedStrings());
    }

    private static final class CheckedStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            if (!PlainText.isPlain(text)) {
                throw new ControlCharacters(parser);
            }
            return text;
        }
    }

    /** A text with control characters; its path names the field. */
    static final class ControlCharacters extends MismatchedInputException {

        ControlCharacters(JsonParser parser) {
            super(parser, "text with control characters", String.class);
        }
    }
}
