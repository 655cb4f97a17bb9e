package io.roster.demo;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Believable, repeatable names for the demo's people: the n-th person of a list of first and last
 * names, never the same pair twice within a few hundred, with a user ID and an email made from it.
 */
record Names(List<String> firstNames, List<String> lastNames, String locale) {

    static final Names ENGLISH = new Names(List.of("Oliver", "Amelia", "Harry", "Isla", "George", "Ava", "Noah", "Mia",
            "Jack", "Grace", "Leo", "Freya", "Arthur", "Lily", "Oscar", "Emily", "Henry", "Sophie", "Samuel", "Chloe"),
            List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
                    "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke"),
            "en");

    static final Names FRENCH = new Names(List.of("Camille", "Louis", "Léa", "Hugo", "Chloé", "Jules", "Manon", "Théo",
            "Inès", "Gabriel", "Zoé", "Raphaël", "Élodie", "Mathis", "Margaux", "Étienne", "Juliette", "Nathan", "Céline",
            "Benoît"),
            List.of("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
                    "Simon", "Lefèvre", "Michel", "Garcia", "Bertrand", "Roux", "Vincent", "Fournier", "Girard", "Bonnet"),
            "fr");

    /** One generated person, before it becomes a row of a Users table. */
    record Person(String firstName, String lastName, String userId, String locale) {

        String emailAt(String domain) {
            return userId + "@" + domain;
        }
    }

    /** The n-th person: each round through the first names shifts the last names, so pairs do not repeat. */
    Person person(int n) {
        String first = firstNames.get(n % firstNames.size());
        String last = lastNames.get((n + 7 * (n / firstNames.size())) % lastNames.size());
        return new Person(first, last, ascii(first) + "." + ascii(last), locale);
    }

    /** Lower-case ASCII: what a user ID may hold (accents dropped, as people write their logins). */
    static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
