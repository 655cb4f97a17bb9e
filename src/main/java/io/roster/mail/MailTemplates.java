package io.roster.mail;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders a mail in the recipient's language, as HTML and as plain text, from one pair of layouts
 * ({@code mail/message.html|txt}, see {@link SlotTemplate}) and the kind's messages.
 */
@Component
class MailTemplates {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final SlotTemplate html = SlotTemplate.load("mail/message.html", value -> HtmlUtils.htmlEscape(value, "UTF-8"));
    private final SlotTemplate text = SlotTemplate.load("mail/message.txt", value -> value);
    private final MessageSource messages;

    MailTemplates(MessageSource messages) {
        this.messages = messages;
    }

    record Rendered(String subject, String text, String html) {
    }

    Rendered render(MailRequest request) {
        Locale locale = Locale.forLanguageTag(request.locale() == null ? "en" : request.locale());
        String key = "mail." + request.kind().key();
        Object[] arguments = request.arguments().toArray();
        String subject = messages.getMessage(key + ".subject", arguments, locale);
        Map<String, String> values = new HashMap<>();
        values.put("lang", locale.getLanguage());
        values.put("subject", subject);
        values.put("intro", messages.getMessage(key + ".intro", arguments, locale));
        values.put("footer", messages.getMessage("mail.footer", null, locale));
        if (request.link() != null) {
            values.put("link", request.link());
            values.put("action", messages.getMessage(key + ".action", null, locale));
            values.put("linkText", messages.getMessage("mail.link-text", null, locale));
        }
        if (request.linkExpiresAt() != null) {
            values.put("expiry", messages.getMessage("mail.expiry",
                    new Object[] {EXPIRY.format(request.linkExpiresAt().atOffset(ZoneOffset.UTC))}, locale));
        }
        if (!request.items().isEmpty()) {
            values.put("itemsText", itemsText(request, key, locale));
            values.put("itemsHtml", itemsHtml(request, key, locale));
        }
        return new Rendered(subject, text.fill(values), html.fill(values));
    }

    private String itemsText(MailRequest request, String key, Locale locale) {
        StringBuilder out = new StringBuilder();
        for (MailRequest.Item item : request.items()) {
            out.append("- ").append(item.text()).append('\n');
            for (MailRequest.ItemLink link : item.links()) {
                out.append("  ").append(messages.getMessage(key + "." + link.label(), null, locale)).append(": ")
                        .append(link.url()).append('\n');
            }
        }
        return out.toString();
    }

    /** Escaped here: the HTML layout takes this list as it is ({@code {{&itemsHtml}}}). */
    private String itemsHtml(MailRequest request, String key, Locale locale) {
        StringBuilder out = new StringBuilder("<ul>");
        for (MailRequest.Item item : request.items()) {
            out.append("<li style=\"margin-bottom: 8px;\">").append(escape(item.text()));
            for (MailRequest.ItemLink link : item.links()) {
                out.append(" &middot; <a href=\"").append(escape(link.url())).append("\">")
                        .append(escape(messages.getMessage(key + "." + link.label(), null, locale))).append("</a>");
            }
            out.append("</li>");
        }
        return out.append("</ul>").toString();
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
