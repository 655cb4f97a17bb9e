package io.roster.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load harness: drives a running Roster over HTTP on loopback, scenario by scenario, and prints
 * throughput, median and p95 of each. {@code bench/run.sh} starts the server, measures its start and
 * memory, and calls this; it can also be pointed at a server started by hand ({@code --help}).
 */
public final class Bench {

    private final Options o;
    private final Report report = new Report();
    private Api operator;
    private String largeCompany;
    private String smallCompany;
    private String createCompany;
    private boolean importWorks = true;
    private Cpu cpu;

    private Bench(Options options) {
        this.o = options;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("free-port")) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                System.out.println(socket.getLocalPort());
            }
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        new Bench(options).run();
    }

    private void run() throws Exception {
        String title = String.format(Locale.ROOT, "Roster on %s, %d cores, %d clients, %,d users (tag %s)", o.db,
                Runtime.getRuntime().availableProcessors(), o.clients, o.users, o.tag);
        System.out.println(title);
        Api anonymous = Api.to(o.url);
        String token = anonymous.basic(o.adminEmail, o.adminPassword).post("/api/v1/tokens")
                .expect(201, "operator sign-in").json().get("token").asText();
        operator = anonymous.bearer(token);
        cpu = new Cpu(o.serverPid, o.pgDatabase);
        if (o.startupMs >= 0) {
            report.fact("start: process start to healthy", o.startupMs + " ms");
        }
        memory("resident memory at idle");
        if (o.largeCompany != null && o.smallCompany != null) {
            largeCompany = o.largeCompany;
            smallCompany = o.smallCompany;
        } else if (o.scenarios.contains("load")) {
            load();
        }
        if (o.scenarios.contains("floor")) {
            floor();
        }
        if (o.scenarios.contains("create")) {
            create();
        }
        if (o.scenarios.contains("search")) {
            search();
        }
        if (o.scenarios.contains("cursor")) {
            cursor();
        }
        if (o.scenarios.contains("scim")) {
            scim();
        }
        if (o.scenarios.contains("signin")) {
            signIn();
        }
        if (o.scenarios.contains("race")) {
            race();
        }
        if (o.scenarios.contains("webhooks")) {
            webhooks();
        }
        if (o.scenarios.contains("oidc-code") || o.scenarios.contains("oidc-refresh")) {
            oidc();
        }
        if (o.scenarios.contains("partner")) {
            new PartnerScenario(o, operator, report, cpu, this::measureAs, this::outboxEmpty).run();
        }
        memory("resident memory after the load");
        report.print(title);
        if (o.out != null) {
            report.writeMarkdown(Path.of(o.out), title);
        }
    }

    // --- companies and users ------------------------------------------------------------------

    private String company(String label, int licenses) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Bench " + label + " " + o.tag);
        body.put("slug", "bench-" + o.tag + "-" + label);
        body.put("licensesPurchased", licenses);
        return operator.postJson("/api/v1/companies", body).expect(201, "create company " + label).json()
                .get("id").asText();
    }

    private static Map<String, Object> newUser(Dataset.Person p, String status, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", p.userId());
        body.put("firstName", p.firstName());
        body.put("lastName", p.lastName());
        body.put("email", p.email());
        body.put("status", status);
        body.put("roles", List.of("MEMBER"));
        if (password != null) {
            body.put("password", password);
            body.put("emailVerified", true);
        }
        return body;
    }

    /**
     * Fills a company through the product's bulk path (the CSV import, in chunks); when the server
     * has no import endpoint, through concurrent API creations, and the table says so.
     */
    private void fill(String company, Dataset people, int count, String status, String label) {
        Cpu.Sample cpuBefore = cpu.sample();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(o.loadSeconds);
        Api importer = operator.timeout(Duration.ofSeconds(Math.min(o.loadSeconds, 900)));
        int done = 0;
        while (importWorks && done < count && System.nanoTime() < deadline) {
            int to = Math.min(count, done + o.importChunk);
            Api.Response answer = importer.postCsv("/api/v1/companies/" + company + "/users/import",
                    people.csv(done, to, status, "MEMBER"));
            if (done == 0 && (answer.status() == 404 || answer.status() == 405 || answer.status() == 415)) {
                importWorks = false;
                report.line("The CSV import answered " + answer.status() + ": companies filled through concurrent API creations instead");
                break;
            }
            JsonNode json = answer.expect(200, "import rows " + done + "-" + to).json();
            int expected = "ACTIVE".equals(status) ? to - done : 0;
            if (json.path("rows").asInt() != to - done || json.path("activated").asInt() != expected) {
                throw new IllegalStateException("import of rows " + done + "-" + to + " reported " + Api.abbreviate(answer.body()));
            }
            done = to;
            if (o.pgDatabase != null) {
                Vacuum.statistics(o.pgDatabase);
            }
        }
        if (!importWorks && done < count) {
            int from = done;
            AtomicInteger next = new AtomicInteger(from);
            Stats s = Load.run("fill " + label + " by API", Load.clients(operator, o.clients), count - from,
                    Duration.ofNanos(Math.max(1, deadline - System.nanoTime())), (client, seq, api) -> {
                        Api.Response r = api.postJson("/api/v1/companies/" + company + "/users",
                                newUser(people.person(next.getAndIncrement()), status, null));
                        return r.status() == 201;
                    });
            done = from + (int) s.ops();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (done < count) {
            throw new IllegalStateException("Filled only " + done + " of " + count + " users of " + label + " in time");
        }
        report.fact("fill " + label + " (" + (importWorks ? "CSV import, chunks of " + o.importChunk : "API creates")
                + ")", String.format(Locale.ROOT, "%,d %s users in %.1f s = %,.0f users/s; CPU ms per user: %s", count,
                status, seconds, count / seconds, Cpu.perOp(cpuBefore, cpu.sample(), count)));
    }

    private void load() {
        smallCompany = company("small", o.smallUsers + 10);
        largeCompany = company("large", o.users + 10);
        fill(smallCompany, new Dataset(o.tag + "s"), o.smallUsers, "ACTIVE", String.format(Locale.ROOT, "%,d", o.smallUsers));
        fill(largeCompany, new Dataset(o.tag + "l"), o.users, "ACTIVE", String.format(Locale.ROOT, "%,d", o.users));
        drainOutbox();
        if (o.pgDatabase != null) {
            report.fact("statistics after the fill", Vacuum.analyze(o.pgDatabase));
        }
        // what a later run needs to search the same companies again (bench/profile.sh reads it)
        System.out.println("filled: --tag " + o.tag + " --users " + o.users + " --small-users " + o.smallUsers
                + " --large-company " + largeCompany + " --small-company " + smallCompany);
    }

    // --- scenarios -------------------------------------------------------------------------------

    /** A measured run, reported with the CPU it cost per operation. */
    private Stats measure(String name, int clients, long maxOps, Duration bound, String note, Load.Op op) {
        Cpu.Sample before = cpu.sample();
        Stats stats = Load.run(name, Load.clients(operator, clients), maxOps, bound, op);
        report.add(stats, Cpu.perOp(before, cpu.sample(), stats.ops()), note);
        return stats;
    }

    /**
     * The least an API request costs: one company read back with a bearer token (the token and the
     * caller's standing checked, one read of the license pool, a small JSON answer). Whatever an
     * operation does, it pays this first: the floor under every figure per operation.
     */
    private void floor() {
        String company = createCompany != null ? createCompany : company("floor", 10);
        String path = "/api/v1/companies/" + company;
        Load.Op op = (client, seq, api) -> api.get(path).status() == 200;
        Duration bound = Duration.ofSeconds(o.seconds);
        Load.run("warm-up", Load.clients(operator, o.clients), Math.min(1000, o.searches), bound, op);
        measure("floor: GET one company (bearer token)", 1, Math.max(1, o.searches / 4), bound, null, op);
        measure("floor: GET one company (bearer token)", o.clients, o.searches, bound, null, op);
    }

    private void create() {
        createCompany = company("create", 1_000_000);
        Dataset people = new Dataset(o.tag + "c");
        AtomicInteger next = new AtomicInteger();
        String path = "/api/v1/companies/" + createCompany + "/users";
        Load.Op op = (client, seq, api) -> {
            Api.Response r = api.postJson(path, newUser(people.person(next.getAndIncrement()), "ACTIVE", null));
            return r.status() == 201 && r.body().contains("\"status\":\"ACTIVE\"");
        };
        Duration bound = Duration.ofSeconds(o.seconds);
        Load.run("warm-up", Load.clients(operator, o.clients), o.warmUp, Duration.ofSeconds(Math.max(o.seconds, o.warmUp / 10)), op);
        outboxEmpty();
        measureUntilMailed("create user (ACTIVE, role MEMBER)", 1, Math.max(1, o.creates / 4), bound, null, op);
        measureUntilMailed("create user (ACTIVE, role MEMBER)", o.clients, o.creates, bound,
                "target: server <= 0.7 ms, PostgreSQL <= 1.0 ms CPU per creation", op);
    }

    /**
     * A measured run of creations whose CPU is counted until their mails have left the outbox: a
     * creation's mails are part of its cost, whether rendered in the request or by the dispatcher.
     */
    private void measureUntilMailed(String name, int clients, long maxOps, Duration bound, String note, Load.Op op) {
        Cpu.Sample before = cpu.sample();
        Stats stats = Load.run(name, Load.clients(operator, clients), maxOps, bound, op);
        double waited = outboxEmpty();
        String until = waited < 0 ? "the outbox was not empty after 60 s: CPU counted until then"
                : String.format(Locale.ROOT, "CPU until the outbox was empty, %.1f s after the last creation", waited);
        report.add(stats, Cpu.perOp(before, cpu.sample(), stats.ops()), note == null ? until : note + "; " + until);
    }

    /** Waits (at most 60 s) until no mail is PENDING; the seconds it took, or -1. */
    private double outboxEmpty() {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Api.Response pending = operator.get("/api/v1/mail?status=PENDING&limit=1");
            if (pending.status() != 200 || pending.json().get("items").isEmpty()) {
                return (System.nanoTime() - start) / 1e9;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        return -1;
    }

    private void search() {
        if (largeCompany == null) {
            report.line("search skipped: it needs the load scenario");
            return;
        }
        record Target(String label, String company, Dataset people, int population) {
        }
        List<Target> targets = List.of(
                new Target(String.format(Locale.ROOT, "%,d", o.smallUsers), smallCompany, new Dataset(o.tag + "s"), o.smallUsers),
                new Target(String.format(Locale.ROOT, "%,d", o.users), largeCompany, new Dataset(o.tag + "l"), o.users));
        Duration bound = Duration.ofSeconds(o.seconds);
        AtomicLong seqBase = new AtomicLong(1_000_000);
        for (Target t : targets) {
            Load.run("warm-up", Load.clients(operator, o.clients), Math.min(400, o.searches), bound,
                    searchOp(t.company(), t.people(), t.population(), 20, seqBase.getAndAdd(10_000), new AtomicLong(), new AtomicLong()));
        }
        for (int limit : new int[] {20, 50}) {
            for (int clients : new int[] {1, o.clients}) {
                for (Target t : targets) {
                    AtomicLong rows = new AtomicLong();
                    AtomicLong empty = new AtomicLong();
                    Cpu.Sample before = cpu.sample();
                    Stats s = Load.run("search q, limit " + limit + ", " + t.label() + " users", Load.clients(operator, clients),
                            clients == 1 ? Math.max(1, o.searches / 4) : o.searches, bound,
                            searchOp(t.company(), t.people(), t.population(), limit, 0, rows, empty));
                    String note = String.format(Locale.ROOT, "avg %.1f rows, %.0f %% empty", rows.get() / (double) Math.max(1, s.ops()),
                            100.0 * empty.get() / Math.max(1, s.ops()));
                    if (limit == 20) {
                        note += clients == 1 ? "; target p95 <= 5 ms (peer 10-40 ms)" : "; target >= 1,000/s";
                    }
                    report.add(s, Cpu.perOp(before, cpu.sample(), s.ops()), note);
                }
            }
        }
    }

    /**
     * SCIM as a directory drives it: POST /scim/v2/Users (ACTIVE, the company's role for provisioned
     * people) in a company of its own, as the REST creation scenario, and the lookup a directory
     * makes before each creation, {@code userName eq "…"} of an existing person, in the loaded
     * companies.
     */
    private void scim() {
        if (largeCompany == null) {
            report.line("scim skipped: it needs the load scenario");
            return;
        }
        Duration bound = Duration.ofSeconds(o.seconds);
        String company = company("scim", 1_000_000);
        Api directory = directoryOf(company);
        Dataset people = new Dataset(o.tag + "m");
        AtomicInteger next = new AtomicInteger();
        Load.Op create = (client, seq, api) -> {
            Dataset.Person p = people.person(next.getAndIncrement());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"));
            body.put("userName", p.userId());
            body.put("externalId", "ext-" + p.userId());
            body.put("name", Map.of("givenName", p.firstName(), "familyName", p.lastName()));
            body.put("emails", List.of(Map.of("value", p.email(), "type", "work", "primary", true)));
            body.put("active", true);
            Api.Response r = api.postJson("/scim/v2/Users", body);
            return r.status() == 201 && r.body().contains("\"active\":true");
        };
        Load.run("warm-up", Load.clients(directory, o.clients), Math.min(200, o.creates), bound, create);
        measureAs(directory, "SCIM create user (ACTIVE)", 1, Math.max(1, o.creates / 4), bound, null, create);
        measureAs(directory, "SCIM create user (ACTIVE)", o.clients, o.creates, bound, "REST create: see above", create);

        record Target(String label, String company, Dataset people, int population) {
        }
        for (Target t : List.of(
                new Target(String.format(Locale.ROOT, "%,d", o.smallUsers), smallCompany, new Dataset(o.tag + "s"), o.smallUsers),
                new Target(String.format(Locale.ROOT, "%,d", o.users), largeCompany, new Dataset(o.tag + "l"), o.users))) {
            Api reader = directoryOf(t.company());
            Load.Op filter = (client, seq, api) -> {
                Dataset.Person p = t.people().person((int) Long.remainderUnsigned(seq * 7919L + client * 104_729L, t.population()));
                Api.Response r = api.get("/scim/v2/Users?filter=" + URLEncoder.encode("userName eq \"" + p.userId() + "\"",
                        StandardCharsets.UTF_8));
                return r.status() == 200 && r.body().contains("\"totalResults\":1");
            };
            Load.run("warm-up", Load.clients(reader, o.clients), Math.min(400, o.searches), bound, filter);
            measureAs(reader, "SCIM filter userName eq, " + t.label() + " users", 1, Math.max(1, o.searches / 4), bound,
                    "one exact match", filter);
            measureAs(reader, "SCIM filter userName eq, " + t.label() + " users", o.clients, o.searches, bound,
                    "one exact match", filter);
        }
    }

    /** A directory of the company: a SCIM token the operator creates. */
    private Api directoryOf(String company) {
        String token = operator.post("/api/v1/companies/" + company + "/scim-tokens")
                .expect(201, "create a SCIM token").json().get("token").asText();
        return Api.to(o.url).bearer(token);
    }

    private Stats measureAs(Api as, String name, int clients, long maxOps, Duration bound, String note, Load.Op op) {
        Cpu.Sample before = cpu.sample();
        Stats stats = Load.run(name, Load.clients(as, clients), maxOps, bound, op);
        report.add(stats, Cpu.perOp(before, cpu.sample(), stats.ops()), note);
        return stats;
    }

    private static Load.Op searchOp(String company, Dataset people, int population, int limit, long base, AtomicLong rows,
            AtomicLong empty) {
        String path = "/api/v1/companies/" + company + "/users?limit=" + limit + "&q=";
        return (client, seq, api) -> {
            String q = people.query(population, base + seq);
            Api.Response r = api.get(path + URLEncoder.encode(q, StandardCharsets.UTF_8));
            int found = count(r.body(), "\"userId\":");
            rows.addAndGet(found);
            if (found == 0) {
                empty.incrementAndGet();
            }
            return r.status() == 200;
        };
    }

    private void cursor() {
        if (largeCompany == null) {
            report.line("cursor skipped: it needs the load scenario");
            return;
        }
        String base = "/api/v1/companies/" + largeCompany + "/users?limit=50";
        int pages = o.users / 50 + 1;
        String[] sorts = {"userId", "lastName", "email", "-userId"};
        String[][] cursors = new String[Math.max(o.clients, 1)][1];
        Load.Op op = (client, seq, api) -> {
            String sort = sorts[client % sorts.length];
            String cursor = cursors[client][0];
            Api.Response r = api.get(base + "&sort=" + URLEncoder.encode(sort, StandardCharsets.UTF_8)
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            if (r.status() != 200) {
                return false;
            }
            JsonNode next = r.json().get("nextCursor");
            cursors[client][0] = next == null || next.isNull() ? null : next.asText();
            return true;
        };
        Stats walk = measure("cursor pages of 50, whole table", 1, pages, Duration.ofSeconds(o.seconds * 3L),
                String.format(Locale.ROOT, "%,d users by userId, first to last page", o.users), op);
        report.add(walk.tail("cursor pages of 50, deeper half only", 0.5), null,
                "rows " + String.format(Locale.ROOT, "%,d", o.users / 2) + " and beyond");
        for (String[] c : cursors) {
            c[0] = null;
        }
        measure("cursor pages of 50", o.clients, o.searches, Duration.ofSeconds(o.seconds),
                "each client walks its own sort: userId, lastName, email, -userId", op);
    }

    private void signIn() {
        String company = createCompany != null ? createCompany : company("signin", 1_000);
        Dataset people = new Dataset(o.tag + "p");
        int accounts = 8;
        List<Api> logins = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            Dataset.Person p = people.person(i);
            String password = "Bench sign-in " + o.tag + " #" + i + " long enough";
            Api.Response r = operator.postJson("/api/v1/companies/" + company + "/users", newUser(p, "ACTIVE", password))
                    .expect(201, "create sign-in account");
            if (!r.body().contains("\"status\":\"ACTIVE\"")) {
                throw new IllegalStateException("sign-in account not active: " + Api.abbreviate(r.body()));
            }
            logins.add(Api.to(o.url).basic(p.userId(), password));
        }
        Load.Op op = (client, seq, api) -> {
            Api login = logins.get((int) (seq % accounts));
            return login.post("/api/v1/tokens").status() == 201;
        };
        Duration bound = Duration.ofSeconds(o.seconds);
        Load.run("warm-up", Load.clients(operator, o.clients), 2L * accounts, bound, op);
        measure("sign in (POST /api/v1/tokens, Basic)", 1, Math.max(8, o.signIns / 8), bound, null, op);
        Cpu.Sample before = cpu.sample();
        Stats many = Load.run("sign in (POST /api/v1/tokens, Basic)", Load.clients(operator, o.clients), o.signIns, bound, op);
        int cores = Runtime.getRuntime().availableProcessors();
        String note = "";
        if (o.hashMs > 0) {
            double ceiling = cores * 1000.0 / o.hashMs;
            note = String.format(Locale.ROOT, "cores / hash time = %d / %.1f ms = %.1f/s; measured %.0f %% of it (target >= 90 %%)",
                    cores, o.hashMs, ceiling, 100 * many.throughput() / ceiling);
            if (o.hashPairPerSecond > 0) {
                note += String.format(Locale.ROOT, "; two hashing threads alone: %.1f/s", o.hashPairPerSecond);
            }
        }
        report.add(many, Cpu.perOp(before, cpu.sample(), many.ops()), note);
    }

    private void race() throws InterruptedException {
        String company = company("race", o.raceLicenses);
        Dataset people = new Dataset(o.tag + "r");
        fill(company, people, o.raceActivations, "DRAFT", o.raceActivations + " race drafts");
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < o.raceActivations / 200 + 2 && ids.size() < o.raceActivations; page++) {
            JsonNode json = operator.get("/api/v1/companies/" + company + "/users?status=DRAFT&limit=200"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)))
                    .expect(200, "list drafts").json();
            json.get("items").forEach(item -> ids.add(item.get("id").asText()));
            cursor = json.get("nextCursor").isNull() ? null : json.get("nextCursor").asText();
            if (cursor == null) {
                break;
            }
        }
        if (ids.size() != o.raceActivations) {
            throw new IllegalStateException("expected " + o.raceActivations + " drafts, found " + ids.size());
        }
        Api shared = operator.another();
        CountDownLatch ready = new CountDownLatch(ids.size());
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(ids.size());
        AtomicInteger activated = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        for (String id : ids) {
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    ready.countDown();
                    go.await(60, TimeUnit.SECONDS);
                    int status = shared.post("/api/v1/companies/" + company + "/users/" + id + "/activate").status();
                    (status == 200 ? activated : status == 409 ? refused : other).incrementAndGet();
                } catch (Exception e) {
                    other.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }
        ready.await(60, TimeUnit.SECONDS);
        long start = System.nanoTime();
        go.countDown();
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the activations did not finish in 120 s");
        }
        double ms = (System.nanoTime() - start) / 1e6;
        int used = operator.get("/api/v1/companies/" + company).expect(200, "read company").json().get("licensesUsed").asInt();
        int active = operator.get("/api/v1/companies/" + company + "/users?status=ACTIVE&limit=200").expect(200, "list active")
                .json().get("items").size();
        boolean pass = activated.get() == o.raceLicenses && refused.get() == ids.size() - o.raceLicenses
                && used == o.raceLicenses && active == o.raceLicenses && other.get() == 0;
        report.fact(ids.size() + " concurrent activations for " + o.raceLicenses + " licenses",
                String.format(Locale.ROOT, "%s: %d activated, %d refused (409), %d other; licensesUsed %d, ACTIVE rows %d; %.0f ms",
                        pass ? "PASS" : "FAIL", activated.get(), refused.get(), other.get(), used, active, ms));
        if (!pass) {
            System.err.println("LICENSE RACE FAILED");
        }
    }

    /**
     * Webhooks, against a receiver on loopback: the added cost of a user creation when its company
     * has one enabled endpoint subscribed to every event (each creation files user.created,
     * role.granted, user.activated and licenses.changed), with the CPU counted until every event of
     * the run was delivered; then the delivery rate to one endpoint, from a backlog of user.created
     * events that one CSV import files in one transaction.
     */
    private void webhooks() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            Duration bound = Duration.ofSeconds(o.seconds);
            String company = company("hooks", 1_000_000);
            Dataset people = new Dataset(o.tag + "w");
            AtomicInteger next = new AtomicInteger();
            String path = "/api/v1/companies/" + company + "/users";
            Load.Op op = (client, seq, api) -> {
                Api.Response r = api.postJson(path, newUser(people.person(next.getAndIncrement()), "ACTIVE", null));
                return r.status() == 201;
            };
            Load.run("warm-up", Load.clients(operator, o.clients), Math.min(200, o.creates), bound, op);
            measure("create user, no webhook endpoint", o.clients, o.creates, bound, null, op);

            Map<String, Object> endpoint = new LinkedHashMap<>();
            endpoint.put("url", receiver.url());
            endpoint.put("events", List.of("user.created", "user.activated", "user.deactivated", "user.deleted",
                    "user.updated", "role.granted", "role.revoked", "workspace.right_changed", "licenses.changed"));
            Api.Response registered = operator.postJson("/api/v1/companies/" + company + "/webhooks", endpoint);
            if (registered.status() != 201) {
                report.line("webhooks skipped: registering a loopback endpoint answered " + registered.status()
                        + " (start the server with ROSTER_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true)");
                return;
            }
            receiver.reset();
            Cpu.Sample before = cpu.sample();
            Stats stats = Load.run("create user, one webhook endpoint", Load.clients(operator, o.clients), o.creates,
                    bound, op);
            // three events per creation: user.created, role.granted, user.activated
            long expected = 3 * stats.ops();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.loadSeconds);
            while (receiver.count() < expected && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            report.add(stats, Cpu.perOp(before, cpu.sample(), stats.ops()), String.format(Locale.ROOT,
                    "CPU until delivered: %,d of %,d events, %.1f s after the last creation", receiver.count(), expected,
                    (receiver.lastNanos() - before.nanos()) / 1e9 - stats.seconds()));

            String drain = company("hooksdrain", 1_000_000);
            endpoint.put("events", List.of("user.created"));
            operator.postJson("/api/v1/companies/" + drain + "/webhooks", endpoint).expect(201, "register endpoint");
            receiver.reset();
            Api importer = operator.timeout(Duration.ofSeconds(Math.min(o.loadSeconds, 900)));
            importer.postCsv("/api/v1/companies/" + drain + "/users/import",
                    new Dataset(o.tag + "v").csv(0, o.webhookEvents, "DRAFT", "MEMBER")).expect(200, "import");
            long filed = System.nanoTime();
            long drainDeadline = filed + TimeUnit.SECONDS.toNanos(o.loadSeconds);
            while (receiver.count() < o.webhookEvents && System.nanoTime() < drainDeadline) {
                Thread.sleep(50);
            }
            double seconds = (receiver.lastNanos() - filed) / 1e9;
            report.fact("webhook deliveries to one endpoint (" + String.format(Locale.ROOT, "%,d", o.webhookEvents)
                    + " user.created filed by one import)", String.format(Locale.ROOT,
                    "%,d delivered in %.1f s after the import answered = %,.0f events/s", receiver.count(), seconds,
                    receiver.count() / Math.max(seconds, 1e-9)));
        }
    }

    /**
     * Sign-in for apps (OpenID Connect), as an app and its users drive it: a confidential client the
     * operator registers, one person per harness client signed in to the console once (session
     * cookie), then in the measured loop the whole code flow (authorize with the session → code →
     * token, an id_token checked to be there) and, separately, refresh with the rotated refresh
     * token each time.
     */
    private void oidc() {
        String slug = "bench-" + o.tag + "-oidc";
        String companyId = company("oidc", 1_000);
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("name", "Bench app " + o.tag);
        registration.put("redirectUris", List.of(AppSignIn.REDIRECT_URI));
        registration.put("confidential", true);
        if (!"RS256".equals(o.oidcIdTokenAlg)) {
            // RS256 is the default: not sent, so that a server older than the choice takes the client too
            registration.put("idTokenSignedResponseAlg", o.oidcIdTokenAlg);
        }
        JsonNode registered = operator.postJson("/api/v1/oidc-clients", registration).expect(201, "register an OIDC client").json();
        String clientId = registered.get("clientId").asText();
        String secret = registered.get("clientSecret").asText();
        Dataset people = new Dataset(o.tag + "o");
        List<AppSignIn> apps = new ArrayList<>();
        for (int i = 0; i < o.clients; i++) {
            Dataset.Person p = people.person(i);
            String password = "Bench app sign-in " + o.tag + " #" + i + " long enough";
            operator.postJson("/api/v1/companies/" + companyId + "/users", newUser(p, "ACTIVE", password))
                    .expect(201, "create an app user");
            AppSignIn app = new AppSignIn(o.url, clientId, secret, slug);
            app.signIn(p.userId(), password);
            apps.add(app);
        }
        Duration bound = Duration.ofSeconds(o.seconds);
        // what the server signs access tokens with (ES256 by default, RS256 when set so, or an
        // older build): read from the header of one, for the bound printed below
        AppSignIn.Tokens first = apps.getFirst().codeFlow();
        accessTokenAlg = first.accessTokenAlg();
        idTokenAlg = first.idTokenAlg();
        System.out.println("   oidc client registered with idTokenSignedResponseAlg=" + o.oidcIdTokenAlg
                + ": ID tokens signed " + idTokenAlg + ", access tokens " + accessTokenAlg);
        report.fact("tokens signed", "ID tokens " + idTokenAlg + " (the client registered "
                + o.oidcIdTokenAlg + "), access tokens " + accessTokenAlg);
        Load.Op code = (client, seq, api) -> {
            AppSignIn app = apps.get(client);
            app.refreshToken = app.codeFlow().refreshToken();
            return app.refreshToken != null;
        };
        Load.run("warm-up", Load.clients(operator, o.clients), Math.min(200, o.oidcCodes), bound, code);
        if (o.scenarios.contains("oidc-code")) {
            measure("app sign-in: authorize + code exchange", 1, Math.max(1, o.oidcCodes / 4), bound,
                    "GET /oauth2/authorize (session, PKCE) → 302 code → POST /oauth2/token", code);
            measure("app sign-in: authorize + code exchange", o.clients, o.oidcCodes, bound,
                    "target >= 200/s" + signatureBound(), code);
        }
        if (o.scenarios.contains("oidc-refresh")) {
            Load.Op refresh = (client, seq, api) -> apps.get(client).refresh().accessToken() != null;
            Load.run("warm-up", Load.clients(operator, o.clients), Math.min(200, o.oidcRefreshes), bound, refresh);
            measure("app token refresh (rotated refresh token)", 1, Math.max(1, o.oidcRefreshes / 4), bound,
                    "POST /oauth2/token grant_type=refresh_token", refresh);
            measure("app token refresh (rotated refresh token)", o.clients, o.oidcRefreshes, bound,
                    "target >= 1,000/s" + signatureBound(), refresh);
        }
    }

    private String accessTokenAlg = "RS256";
    private String idTokenAlg = "RS256";

    /**
     * The ceiling the two signatures of each operation set alone: the ID token's and the access
     * token's, each RS256 or ES256 as read from the tokens of one sign-in.
     */
    private String signatureBound() {
        int rs = ("RS256".equals(idTokenAlg) ? 1 : 0) + ("RS256".equals(accessTokenAlg) ? 1 : 0);
        int es = ("ES256".equals(idTokenAlg) ? 1 : 0) + ("ES256".equals(accessTokenAlg) ? 1 : 0);
        if (rs > 0 && o.rsaSignMs <= 0 || es > 0 && o.esSignMs <= 0) {
            return "";
        }
        double ms = rs * Math.max(0, o.rsaSignMs) + es * Math.max(0, o.esSignMs);
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder signatures = new StringBuilder();
        if (rs > 0) {
            signatures.append(String.format(Locale.ROOT, "%d RS256 (%.2f ms)", rs, o.rsaSignMs));
        }
        if (es > 0) {
            signatures.append(rs > 0 ? " + " : "").append(String.format(Locale.ROOT, "%d ES256 (%.2f ms)", es, o.esSignMs));
        }
        return String.format(Locale.ROOT, "; %s signature/op on %d cores: at most %.0f/s", signatures, cores,
                cores * 1000.0 / ms);
    }

    /**
     * Waits until the fill's invitation mails have left the outbox, so that their delivery does
     * not run beside the measured scenarios; reports how long it took (the mail throughput).
     */
    private void drainOutbox() {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(o.loadSeconds);
        while (System.nanoTime() < deadline) {
            Api.Response pending = operator.get("/api/v1/mail?status=PENDING&limit=1");
            if (pending.status() != 200) {
                report.line("outbox not watched: GET /api/v1/mail?status=PENDING answered " + pending.status());
                return;
            }
            if (pending.json().get("items").isEmpty()) {
                report.fact("outbox drained after the fill", String.format(Locale.ROOT,
                        "%.1f s after the last import (mails delivered through the server's transport)",
                        (System.nanoTime() - start) / 1e9));
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        report.line("the outbox still held mails after --load-seconds; scenarios ran beside their delivery");
    }

    private void memory(String label) throws InterruptedException {
        if (o.serverPid <= 0) {
            return;
        }
        Thread.sleep(o.settleSeconds * 1000L);
        report.fact(label, Proc.memory(o.serverPid));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            n++;
        }
        return n;
    }
}
