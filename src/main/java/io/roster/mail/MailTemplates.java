package io.roster.mail;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail in the recipient's language, as HTML and as plain text, from one pair of
 * templates ({@code mail/message.html|txt}) and the kind's messages.
 */
@Component
class MailTemplates {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MessageSource messages;

    MailTemplates(MessageSource messages) {
        this.messages = messages;
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
        engine.setTemplateEngineMessageSource(messages);
    }

    record Rendered(String subject, String text, String html) {
    }

    Rendered render(MailRequest request) {
        Locale locale = Locale.forLanguageTag(request.locale() == null ? "en" : request.locale());
        Context context = new Context(locale);
        String key = "mail." + request.kind().key();
        Object[] arguments = request.arguments().toArray();
        context.setVariable("intro", messages.getMessage(key + ".intro", arguments, locale));
        context.setVariable("action", request.link() == null ? null : messages.getMessage(key + ".action", null, locale));
        context.setVariable("link", request.link());
        context.setVariable("expiry", request.linkExpiresAt() == null ? null
                : messages.getMessage("mail.expiry", new Object[] {EXPIRY.format(request.linkExpiresAt().atOffset(ZoneOffset.UTC))}, locale));
        String subject = messages.getMessage(key + ".subject", arguments, locale);
        context.setVariable("subject", subject);
        return new Rendered(subject, engine.process("message.txt", context), engine.process("message.html", context));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        resolver.setCacheable(true);
        return resolver;
    }
}
