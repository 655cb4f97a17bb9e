package io.roster.audit;

import io.roster.shared.CompanyId;
import io.roster.shared.Ids;
import io.roster.shared.PartnerId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes entries for the listeners, in the caller's transaction: an entry that cannot be written
 * fails the change with it. Fields named like a secret are refused outright, so a listener that
 * one day passes one fails its tests instead of leaking it.
 */
@Component
class AuditTrail {

    private static final Set<String> SECRET_WORDS = Set.of("password", "token", "hash", "secret");

    /** What an entry is about: e.g. {@code ("user", accountId)}. */
    record Target(String type, String id) {
    }

    private final AuditEntries entries;
    private final Actors actors;
    private final JsonMapper json;

    AuditTrail(AuditEntries entries, Actors actors, JsonMapper json) {
        this.entries = entries;
        this.actors = actors;
        this.json = json;
    }

    /** A change in a company by the current caller; a partner's action is also filed under the partner. */
    void inCompany(CompanyId company, String action, Target target, Map<String, Object> before,
            Map<String, Object> after) {
        Actors.InCompany who = actors.inCompany(company);
        write(company.value(), who.partnerId(), who.actor(), action, target, before, after, null);
    }

    /** A change of a partner space (and of one of its companies, if {@code company} is set). */
    void inPartner(PartnerId partner, CompanyId company, String action, Target target, Map<String, Object> before,
            Map<String, Object> after) {
        write(company == null ? null : company.value(), partner.value(), actors.inPartner(), action, target, before,
                after, null);
    }

    /** A change whose actor the event names (a sign-in, a mailed link), with its own client address if known. */
    void as(Actors.Actor actor, String companyId, String partnerId, String action, Target target,
            Map<String, Object> before, Map<String, Object> after, String clientAddress) {
        write(companyId, partnerId, actor, action, target, before, after, clientAddress);
    }

    Actors actors() {
        return actors;
    }

    private void write(String companyId, String partnerId, Actors.Actor actor, String action, Target target,
            Map<String, Object> before, Map<String, Object> after, String clientAddress) {
        Actors.Origin origin = actors.origin();
        entries.insert(new AuditEntry(Ids.newId(), Instant.now().truncatedTo(ChronoUnit.MICROS), companyId, partnerId,
                actor.accountId(), actor.userId(), actor.kind(), action, target.type(), target.id(), toJson(before),
                toJson(after), clientAddress != null ? clientAddress : origin.clientAddress(), origin.requestId()));
    }

    private String toJson(Map<String, Object> fields) {
        if (fields == null) {
            return null;
        }
        fields.keySet().forEach(AuditTrail::refuseSecret);
        return json.writeValueAsString(fields);
    }

    private static void refuseSecret(String field) {
        String lower = field.toLowerCase(java.util.Locale.ROOT);
        if (SECRET_WORDS.stream().anyMatch(lower::contains) && !field.equals("passwordSet")) {
            throw new IllegalArgumentException("The audit log never records a secret: field '" + field + "'");
        }
    }

    /** An ordered map of field names and values (values may be null): {@code fields("name", name, …)}. */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            fields.put((String) namesAndValues[i], value instanceof Enum<?> e ? e.name() : value);
        }
        return fields;
    }
}
