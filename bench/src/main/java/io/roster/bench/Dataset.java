package io.roster.bench;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The people a company is filled with, derived from their index alone, so a run can be repeated
 * and a search can ask for what is there. Names are built from syllables: about 120 first names
 * and 3,800 last names, so a 3-letter prefix matches from a few dozen to a few thousand of 100,000
 * rows, as in a real directory. {@code tag} keeps userIds and emails (unique platform-wide) apart
 * between companies and runs.
 */
final class Dataset {

    private static final String[] FIRST = {"anna", "louis", "emma", "jules", "lea", "hugo", "chloe", "lucas", "ines",
            "gabriel", "manon", "arthur", "sarah", "adam", "camille", "raphael", "julia", "leo", "lina", "noah",
            "alice", "paul", "rose", "tom", "mila", "nathan", "zoe", "victor", "eva", "samuel", "nina", "theo",
            "clara", "maxime", "jade", "simon", "lucie", "martin", "agathe", "felix", "louise", "oscar", "juliette",
            "yanis", "margaux", "axel", "elise", "robin", "anais", "marius", "celia", "bastien", "ambre", "quentin",
            "irene", "baptiste", "helene", "antoine", "pauline", "nicolas", "marie", "pierre", "sophie", "jean",
            "claire", "olivier", "laura", "thomas", "aurelie", "vincent", "julie", "david", "sandrine", "eric",
            "nadia", "karim", "fatou", "mamadou", "yasmine", "mehdi", "sofia", "diego", "ana", "jonas", "greta",
            "lars", "ingrid", "piotr", "agnieszka", "marco", "giulia", "luca", "chiara", "joao", "beatriz", "kenji",
            "yuki", "wei", "mei", "arjun", "priya", "omar", "leila", "ivan", "olga", "sean", "aoife", "liam", "emily",
            "james", "olivia", "jack", "grace", "ethan", "mia", "ben", "ella", "finn", "ruby", "otto"};
    private static final String[] ONSET = {"b", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "ch", "gr",
            "br", "tr", "pl", "fl", "st", "cl"};
    private static final String[] MIDDLE = {"a", "e", "i", "o", "u", "ou", "ai", "au", "ie", "ea"};
    private static final String[] CODA = {"rt", "lle", "rd", "nd", "ssier", "mont", "vin", "ret", "bert", "chet",
            "ral", "rin", "ton", "nier", "zet", "lard", "gnon", "court", "vel"};

    private final String tag;

    Dataset(String tag) {
        this.tag = tag.toLowerCase(Locale.ROOT);
    }

    record Person(String userId, String firstName, String lastName, String email) {
    }

    Person person(int index) {
        long h = mix(index);
        String first = FIRST[(int) Long.remainderUnsigned(h, FIRST.length)];
        long l = Long.remainderUnsigned(h >>> 16, (long) ONSET.length * MIDDLE.length * CODA.length);
        String last = ONSET[(int) (l % ONSET.length)] + MIDDLE[(int) (l / ONSET.length % MIDDLE.length)]
                + CODA[(int) (l / ONSET.length / MIDDLE.length % CODA.length)];
        String userId = first + "." + last + "." + tag + index;
        return new Person(userId, capital(first), capital(last), userId + "@" + tag + ".bench.example");
    }

    /**
     * The {@code seq}-th search of a run: the first 2–5 letters of a random person's last name
     * (40 %), first name (20 %), userId (20 %) or email (20 %), as people type into the search box.
     */
    String query(int population, long seq) {
        SplittableRandom random = new SplittableRandom(mix(seq) ^ 0x5eedL);
        Person p = person(random.nextInt(population));
        int kind = random.nextInt(5);
        String source = switch (kind) {
            case 0, 1 -> p.lastName();
            case 2 -> p.firstName();
            case 3 -> p.userId();
            default -> p.email();
        };
        int length = Math.min(source.length(), kind >= 3 ? 4 + random.nextInt(6) : 2 + random.nextInt(4));
        return source.substring(0, length).toLowerCase(Locale.ROOT);
    }

    /** The CSV the import takes, rows {@code from} (inclusive) to {@code to} (exclusive). */
    String csv(int from, int to, String status, String role) {
        StringBuilder csv = new StringBuilder((to - from) * 110);
        csv.append("userId,firstName,lastName,email,status,roles\n");
        for (int i = from; i < to; i++) {
            Person p = person(i);
            csv.append(p.userId()).append(',').append(p.firstName()).append(',').append(p.lastName()).append(',')
                    .append(p.email()).append(',').append(status).append(',').append(role).append('\n');
        }
        return csv.toString();
    }

    private static String capital(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static long mix(long x) {
        x += 0x9E3779B97F4A7C15L;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }
}
