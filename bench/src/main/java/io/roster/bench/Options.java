package io.roster.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Command-line options of the harness; {@code --help} lists them. */
final class Options {

    static final List<String> ALL = List.of("load", "floor", "create", "search", "cursor", "scim", "signin", "race",
            "webhooks", "oidc-code", "oidc-refresh", "partner");

    String url;
    String adminEmail = System.getenv("ROSTER_BOOTSTRAP_ADMIN_EMAIL");
    String adminPassword = System.getenv("ROSTER_BOOTSTRAP_ADMIN_PASSWORD");
    int clients = 4;
    int users = 100_000;
    int smallUsers = 10_000;
    int importChunk = 10_000;
    int creates = 4_000;
    /** creations before the measured ones */
    int warmUp = 200;
    /** user.created events filed at once (one import) for the webhook delivery rate */
    int webhookEvents = 2_000;
    int searches = 4_000;
    int signIns = 400;
    /** most OIDC code flows (authorize + code exchange) per measured run */
    int oidcCodes = 4_000;
    /** most OIDC refreshes per measured run */
    int oidcRefreshes = 10_000;
    /** what the oidc scenarios' client registers to sign its ID tokens with: ES256 or RS256 */
    String oidcIdTokenAlg = "ES256";
    /** companies of the partner scenario */
    int partnerCompanies = 5_000;
    int seconds = 30;
    int loadSeconds = 1_200;
    int raceActivations = 200;
    int raceLicenses = 50;
    int settleSeconds = 5;
    long serverPid = -1;
    long startupMs = -1;
    double hashMs = -1;
    double hashPairPerSecond = -1;
    double rsaSignMs = -1;
    double esSignMs = -1;
    String db = "?";
    String pgDatabase;
    String largeCompany;
    String smallCompany;
    String out;
    String tag = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
    Set<String> scenarios = new LinkedHashSet<>(ALL);

    static final String HELP = """
            java -jar bench/target/roster-bench.jar --url http://127.0.0.1:PORT [options]
              --url URL               a running Roster on loopback (required)
              --admin-email E         the platform operator (default $ROSTER_BOOTSTRAP_ADMIN_EMAIL)
              --admin-password P      its password (default $ROSTER_BOOTSTRAP_ADMIN_PASSWORD)
              --clients N             concurrent clients of the multi-client runs (default 4)
              --users N               users of the large company (default 100000)
              --small-users N         users of the small company, searched side by side (default 10000)
              --creates N             most user creations per measured run (default 4000)
              --warm-up N             creations before the measured ones (default 200; more for a
                                      JIT-warm figure of CPU per creation)
              --searches N            most searches per measured run (default 4000)
              --sign-ins N            most sign-ins per measured run (default 400)
              --seconds S             time bound of each measured run (default 30)
              --load-seconds S        time bound of filling the companies (default 1200)
              --webhook-events N      events filed at once to measure webhook deliveries/s (default 2000)
              --oidc-codes N          most OIDC code flows (authorize + code exchange) per measured run (default 4000)
              --oidc-refreshes N      most OIDC refreshes per measured run (default 10000)
              --oidc-id-token-alg A   ES256 or RS256: what the oidc scenarios' client registers its ID
                                      tokens to be signed with (default ES256; RS256 is not sent, so a
                                      server older than the choice takes it)
              --partner-companies N   companies of the partner scenario, each with 3 users (default 5000)
              --scenarios a,b         among load,floor,create,search,cursor,scim,signin,race,webhooks,oidc-code,
                                      oidc-refresh,partner (default all); "oidc" names both oidc scenarios;
                                      partner: a partner whose staff manage --partner-companies companies
                                      (its Users list, companies list, sign-in, the app sign-in's chooser);
                                      webhooks needs the server started with
                                      ROSTER_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true (run.sh sets it)
              --quick                 a small smoke run: 2000/500 users, 300 creations, 200 partner companies,
                                      10 s per run
              --server-pid PID        read the server's resident memory from /proc/PID/status
              --startup-ms MS         start-to-healthy time measured by the caller, for the table
              --hash-ms MS            one Argon2id hash measured by the caller, for the sign-in bound
              --hash-pair-per-second R  Argon2id hashes/s on two threads measured by the caller
              --rsa-sign-ms MS        one RS256 signature (2048-bit key) measured by the caller, for the OIDC bound
              --es-sign-ms MS         one ES256 signature (P-256 key) measured by the caller, for the OIDC bound
              --db NAME               label of the database in the table
              --pg-database NAME      count only this database's PostgreSQL sessions in the CPU columns
              --out FILE              also write the table as Markdown to FILE
              --tag T                 suffix of userIds, emails and slugs (default: from the clock)
              --large-company ID      search and page an already filled company (with --small-company;
                                      filled by an earlier run with the same --tag and sizes) instead of loading
            """;

    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    System.out.println(HELP);
                    System.exit(0);
                }
                case "--quick" -> {
                    o.users = 2_000;
                    o.smallUsers = 500;
                    o.importChunk = 1_000;
                    o.creates = 300;
                    o.webhookEvents = 300;
                    o.searches = 300;
                    o.signIns = 40;
                    o.oidcCodes = 400;
                    o.oidcRefreshes = 1_000;
                    o.seconds = 10;
                    o.raceActivations = 40;
                    o.raceLicenses = 10;
                    o.settleSeconds = 2;
                    o.partnerCompanies = 200;
                }
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("Missing value after " + arg + "\n" + HELP);
                    }
                    String v = args[++i];
                    switch (arg) {
                        case "--url" -> o.url = v;
                        case "--admin-email" -> o.adminEmail = v;
                        case "--admin-password" -> o.adminPassword = v;
                        case "--clients" -> o.clients = positive(arg, v);
                        case "--users" -> o.users = positive(arg, v);
                        case "--small-users" -> o.smallUsers = positive(arg, v);
                        case "--import-chunk" -> o.importChunk = positive(arg, v);
                        case "--creates" -> o.creates = positive(arg, v);
                        case "--warm-up" -> o.warmUp = positive(arg, v);
                        case "--webhook-events" -> o.webhookEvents = positive(arg, v);
                        case "--searches" -> o.searches = positive(arg, v);
                        case "--sign-ins" -> o.signIns = positive(arg, v);
                        case "--oidc-codes" -> o.oidcCodes = positive(arg, v);
                        case "--oidc-refreshes" -> o.oidcRefreshes = positive(arg, v);
                        case "--oidc-id-token-alg" -> {
                            if (!v.equals("ES256") && !v.equals("RS256")) {
                                throw new IllegalArgumentException("--oidc-id-token-alg must be ES256 or RS256");
                            }
                            o.oidcIdTokenAlg = v;
                        }
                        case "--seconds" -> o.seconds = positive(arg, v);
                        case "--partner-companies" -> o.partnerCompanies = positive(arg, v);
                        case "--load-seconds" -> o.loadSeconds = positive(arg, v);
                        case "--race" -> o.raceActivations = positive(arg, v);
                        case "--race-licenses" -> o.raceLicenses = positive(arg, v);
                        case "--settle-seconds" -> o.settleSeconds = Integer.parseInt(v);
                        case "--server-pid" -> o.serverPid = Long.parseLong(v);
                        case "--startup-ms" -> o.startupMs = Long.parseLong(v);
                        case "--hash-ms" -> o.hashMs = Double.parseDouble(v);
                        case "--hash-pair-per-second" -> o.hashPairPerSecond = Double.parseDouble(v);
                        case "--rsa-sign-ms" -> o.rsaSignMs = Double.parseDouble(v);
                        case "--es-sign-ms" -> o.esSignMs = Double.parseDouble(v);
                        case "--db" -> o.db = v;
                        case "--pg-database" -> o.pgDatabase = v;
                        case "--large-company" -> o.largeCompany = v;
                        case "--small-company" -> o.smallCompany = v;
                        case "--out" -> o.out = v;
                        case "--tag" -> o.tag = v.toLowerCase();
                        case "--scenarios" -> {
                            o.scenarios = new LinkedHashSet<>();
                            for (String s : v.split(",")) {
                                if (s.trim().equals("oidc")) {
                                    o.scenarios.addAll(List.of("oidc-code", "oidc-refresh"));
                                    continue;
                                }
                                if (!ALL.contains(s.trim())) {
                                    throw new IllegalArgumentException("Unknown scenario " + s + "; known: " + ALL);
                                }
                                o.scenarios.add(s.trim());
                            }
                        }
                        default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + HELP);
                    }
                }
            }
        }
        if (o.url == null || o.adminEmail == null || o.adminPassword == null) {
            throw new IllegalArgumentException("--url, --admin-email and --admin-password are required\n" + HELP);
        }
        if (!o.tag.matches("[a-z0-9]{1,12}")) {
            throw new IllegalArgumentException("--tag must be 1-12 of a-z 0-9");
        }
        o.smallUsers = Math.min(o.smallUsers, o.users);
        return o;
    }

    private static int positive(String name, String value) {
        int n = Integer.parseInt(value);
        if (n <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return n;
    }
}
