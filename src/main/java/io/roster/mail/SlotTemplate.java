package io.roster.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A mail layout with named slots: {@code {{name}}} is replaced by a value, and
 * {@code {{#name}}…{{/name}}} is kept only when that value is present. Parsed once; filling it is
 * a walk over a handful of parts, where a general template engine spent most of a user creation's
 * CPU (three mails, each as HTML and text). Values pass through {@code escape} (HTML escaping for
 * the HTML layout), so no value can inject markup; the one exception, {@code {{&name}}}, takes a
 * value the caller has already escaped (the list of a review mail, built by {@link MailTemplates}).
 */
final class SlotTemplate {

    private sealed interface Part permits Text, Slot, Raw, Section {
    }

    private record Text(String text) implements Part {
    }

    private record Slot(String name) implements Part {
    }

    private record Raw(String name) implements Part {
    }

    private record Section(String name, List<Part> body) implements Part {
    }

    private final List<Part> parts;
    private final UnaryOperator<String> escape;

    private SlotTemplate(List<Part> parts, UnaryOperator<String> escape) {
        this.parts = parts;
        this.escape = escape;
    }

    static SlotTemplate load(String resource, UnaryOperator<String> escape) {
        try (InputStream in = SlotTemplate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing mail layout " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), escape);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SlotTemplate parse(String source, UnaryOperator<String> escape) {
        List<List<Part>> open = new ArrayList<>();
        List<String> names = new ArrayList<>();
        open.add(new ArrayList<>());
        int at = 0;
        while (at < source.length()) {
            int start = source.indexOf("{{", at);
            if (start < 0) {
                open.getLast().add(new Text(source.substring(at)));
                break;
            }
            int end = source.indexOf("}}", start);
            if (end < 0) {
                throw new IllegalArgumentException("Unclosed {{ at " + start);
            }
            if (start > at) {
                open.getLast().add(new Text(source.substring(at, start)));
            }
            String tag = source.substring(start + 2, end).trim();
            if (tag.startsWith("#")) {
                names.add(tag.substring(1));
                open.add(new ArrayList<>());
            } else if (tag.startsWith("/")) {
                if (names.isEmpty() || !names.getLast().equals(tag.substring(1))) {
                    throw new IllegalArgumentException("{{" + tag + "}} closes no open section");
                }
                List<Part> body = open.removeLast();
                open.getLast().add(new Section(names.removeLast(), List.copyOf(body)));
            } else if (tag.startsWith("&")) {
                open.getLast().add(new Raw(tag.substring(1).trim()));
            } else {
                open.getLast().add(new Slot(tag));
            }
            at = end + 2;
        }
        if (!names.isEmpty()) {
            throw new IllegalArgumentException("Section {{#" + names.getLast() + "}} is not closed");
        }
        return new SlotTemplate(List.copyOf(open.getFirst()), escape);
    }

    /** The layout with its slots filled; a missing or null value leaves an empty slot and hides its sections. */
    String fill(Map<String, String> values) {
        StringBuilder out = new StringBuilder(1024);
        write(parts, values, out);
        return out.toString();
    }

    private void write(List<Part> list, Map<String, String> values, StringBuilder out) {
        for (Part part : list) {
            switch (part) {
                case Text text -> out.append(text.text());
                case Slot slot -> {
                    String value = values.get(slot.name());
                    if (value != null) {
                        out.append(escape.apply(value));
                    }
                }
                case Raw raw -> {
                    String value = values.get(raw.name());
                    if (value != null) {
                        out.append(value);
                    }
                }
                case Section section -> {
                    String value = values.get(section.name());
                    if (value != null && !value.isEmpty()) {
                        write(section.body(), values, out);
                    }
                }
            }
        }
    }
}
