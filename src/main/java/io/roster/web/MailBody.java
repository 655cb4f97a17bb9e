package io.roster.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail's plain text cut into pieces for the operator's preview: plain text, and the http(s)
 * links in it, which the page makes clickable. The page escapes every piece; only a piece that
 * is a whole http or https address becomes a link, so a mail cannot inject markup or a script URL.
 */
final class MailBody {

    // up to the first blank or angle bracket; a closing period or parenthesis ends a sentence, not the link
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)]");

    /** One piece: {@code href} is set when it is a usable link, and then equals {@code text}. */
    record Piece(String text, String href) {
    }

    private MailBody() {
    }

    static List<Piece> pieces(String body) {
        List<Piece> pieces = new ArrayList<>();
        if (body == null) {
            return pieces;
        }
        Matcher link = LINK.matcher(body);
        int at = 0;
        while (link.find()) {
            if (link.start() > at) {
                pieces.add(new Piece(body.substring(at, link.start()), null));
            }
            // a masked link (its token shown as dots) leads nowhere: it stays text
            pieces.add(new Piece(link.group(), link.group().contains("\u2022") ? null : link.group()));
            at = link.end();
        }
        if (at < body.length()) {
            pieces.add(new Piece(body.substring(at), null));
        }
        return pieces;
    }
}
