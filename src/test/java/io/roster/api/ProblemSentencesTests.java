package io.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every refusal the modules can raise has its sentence in English and in French: the API words a
 * problem from {@code problem.<code>} (the code given to {@code coded(…)}, else its kind in capitals),
 * and a kind without a sentence would reach a French reader as the module's English words, or as the
 * generic sentence of another kind. Read from the sources, so a new kind or code cannot be added
 * without its words.
 */
class ProblemSentencesTests {

    private static final Path MAIN = Path.of("src/main/java/io/roster");
    /** A problem's kind: {@code new Problems.Conflict("user-active", …)} or a subclass's {@code super(409, "kind", …)}. */
    private static final Pattern KIND = Pattern.compile(
            "(?:new Problems\\.[A-Za-z]+\\(|super\\(\\d{3}, )\"([a-z0-9]+(?:-[a-z0-9]+)*)\",");
    /** A code named in full; codes built from parts ({@code "REVIEW_LINK_" + state}) are left to their own tests. */
    private static final Pattern CODE = Pattern.compile("\\.coded\\(\"([A-Z0-9_]+)\"[,)]");

    @Test
    void every_kind_and_code_of_refusal_has_its_english_and_french_sentence() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher kind = KIND.matcher(source);
                while (kind.find()) {
                    keys.add(kind.group(1).toUpperCase(Locale.ROOT).replace('-', '_'));
                }
                Matcher code = CODE.matcher(source);
                while (code.find()) {
                    if (!code.group(1).endsWith("_")) {
                        keys.add(code.group(1));
                    }
                }
            }
        }
        Properties english = bundle("messages.properties");
        Properties french = bundle("messages_fr.properties");

        assertThat(keys).as("the scan finds the kinds and codes").contains("MFA_REQUIRED", "NO_USER", "TOO_MANY_ATTEMPTS");
        assertThat(keys.stream().filter(key -> !english.containsKey("problem." + key)).toList())
                .as("kinds and codes without an English sentence in messages.properties").isEmpty();
        assertThat(keys.stream().filter(key -> !french.containsKey("problem." + key)).toList())
                .as("kinds and codes without a French sentence in messages_fr.properties").isEmpty();
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
