package io.roster.users;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The folded copy of a name, email or userId that the Users table sorts and searches on
 * (docs/rules.md §1): trimmed, lower-cased and without accents, so {@code lefevre} finds Lefèvre
 * and Bélanger sorts before Besançon as in a French dictionary. The database compares these copies
 * byte by byte (an index range serves a prefix); the folding is what makes that order the one a
 * reader expects, on H2 and PostgreSQL alike.
 */
public final class SearchKey {

    /** Cut to the narrowest sort column: folding can lengthen text (æ, U+0130). */
    static final int MAX = 255;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** What separates the words of a name: anything but a letter or a digit (space, hyphen, apostrophe). */
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchKey() {
    }

    /** The folded copy of {@code value}, {@code ""} for null. */
    public static String of(String value) {
        if (value == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(value.trim(), Normalizer.Form.NFD);
        String folded = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        // Letters that no decomposition splits: folded the way French and German readers spell them.
        folded = folded.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss").replace("ø", "o")
                .replace("ł", "l").replace("đ", "d").replace("ı", "i");
        return folded.length() > MAX ? folded.substring(0, MAX) : folded;
    }

    /**
     * The folded words of first and last names that do not start them: "Marie-Claire" gives
     * {@code claire}, "de la Tour" {@code la} and {@code tour}. A name's first word is already the
     * start of its sort column; these others are kept in their own index so a search also finds a
     * name by the start of any of its words.
     */
    static List<String> laterWords(String... names) {
        LinkedHashSet<String> words = new LinkedHashSet<>();
        for (String name : names) {
            List<String> parts = new ArrayList<>(List.of(SEPARATORS.split(of(name))));
            parts.removeIf(String::isEmpty);
            boolean startsWithWord = !of(name).isEmpty() && !SEPARATORS.matcher(of(name).substring(0, 1)).matches();
            for (int i = startsWithWord ? 1 : 0; i < parts.size(); i++) {
                words.add(parts.get(i));
            }
        }
        return List.copyOf(words);
    }
}
