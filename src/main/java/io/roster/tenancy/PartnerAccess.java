package io.roster.tenancy;

import io.roster.shared.CompanyId;
import io.roster.shared.Cursor;
import io.roster.shared.FieldError;
import io.roster.shared.Ids;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.shared.PartnerId;
import io.roster.shared.Problems;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner access approved by the company (docs/rules.md §7): a partner asks, the company accepts
 * with a scope and an end date, or revokes at once. Callers authorize first (the partner's
 * administrators request, the company's administrators answer); this class holds the rules of the
 * grant itself. "Current" is always read with the {@link Clock} bean, so an end date cuts access at
 * once, before the expiry job has marked the grant.
 */
@Service
public class PartnerAccess {

    /** The longest an acceptance may run: the company reviews its partners at least that often. */
    static final int LONGEST_YEARS = 3;

    /** A current grant this close to its end is "ending": its partner is offered to ask for a renewal. */
    static final int RENEWAL_WINDOW_DAYS = 60;

    private final PartnerGrants grants;
    private final Companies companies;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PartnerAccess(PartnerGrants grants, Companies companies, Clock clock, ApplicationEventPublisher events) {
        this.grants = grants;
        this.companies = companies;
        this.clock = clock;
        this.events = events;
    }

    /** One year from now: the term of a company opened by a partner and of an acceptance naming none. */
    Instant defaultEnd(Instant now) {
        return now.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
    }

    /** The grant a company opened by a partner starts with: ACTIVE, both scopes, one year. */
    void open(CompanyId company, PartnerId partner) {
        Instant now = clock.instant();
        grants.insert(new PartnerGrant(Ids.newId(), company, partner, GrantStatus.ACTIVE, GrantScope.all(),
                defaultEnd(now), null, null, null, now, 0), true, now);
    }

    /**
     * A partner asks for access to the company of this slug: a new PENDING grant, a REVOKED or
     * EXPIRED one made PENDING again, or a renewal asked of an ACTIVE one (which stays ACTIVE).
     */
    @Transactional
    public PartnerGrant request(PartnerId partner, String companySlug, String byAccountId) {
        if (companySlug == null || companySlug.isBlank()) {
            throw Problems.InvalidInput.of(new FieldError("companySlug", "is required", "COMPANY_SLUG_REQUIRED", List.of()));
        }
        Company company = companies.findBySlug(companySlug.strip()).orElseThrow(() ->
                new Problems.NotFound("No company of slug '" + companySlug.strip() + "'").coded("NO_COMPANY_SLUG", companySlug.strip()));
        Instant now = clock.instant();
        Optional<PartnerGrant> existing = grants.find(company.id(), partner);
        if (existing.isEmpty()) {
            PartnerGrant pending = new PartnerGrant(Ids.newId(), company.id(), partner, GrantStatus.PENDING,
                    GrantScope.all(), null, byAccountId, now, null, null, 0);
            grants.insert(pending, partner.equals(company.partnerId()), now);
            events.publishEvent(new PartnerAccessEvents.AccessRequested(pending.id(), company.id(), partner, false, byAccountId));
            return pending;
        }
        PartnerGrant grant = existing.get();
        if (grant.requestWaiting()) {
            throw new Problems.Conflict("access-already-requested", "A request for access to this company already waits"
                    + " for its administrators").coded("ACCESS_ALREADY_REQUESTED", company.name());
        }
        boolean renewal = grant.status() == GrantStatus.ACTIVE;
        GrantStatus status = renewal ? GrantStatus.ACTIVE : GrantStatus.PENDING;
        PartnerGrant asked = new PartnerGrant(grant.id(), grant.companyId(), partner, status, grant.scope(),
                grant.endsAt(), byAccountId, now, grant.decidedBy(), grant.decidedAt(), grant.version());
        write(asked, now);
        events.publishEvent(new PartnerAccessEvents.AccessRequested(grant.id(), company.id(), partner, renewal, byAccountId));
        return reread(asked);
    }

    /**
     * The company accepts a request, or changes the scope or end of an ACTIVE grant (a renewal):
     * {@code scope} null means both, {@code endsAt} null one year from now; the end must be in the
     * future and at most {@value #LONGEST_YEARS} years away.
     */
    @Transactional
    public PartnerGrant accept(CompanyId company, String grantId, Set<GrantScope> scope, Instant endsAt,
            String byAccountId) {
        PartnerGrant grant = grant(company, grantId);
        Instant now = clock.instant();
        Set<GrantScope> granted = scope == null ? GrantScope.all() : scope;
        if (granted.isEmpty()) {
            throw Problems.InvalidInput.of(new FieldError("scope", "choose at least one of 'users' and 'billing'",
                    "GRANT_SCOPE_EMPTY", List.of()));
        }
        Instant end = endsAt == null ? defaultEnd(now) : endsAt;
        Instant latest = now.atOffset(ZoneOffset.UTC).plusYears(LONGEST_YEARS).toInstant();
        if (!end.isAfter(now) || end.isAfter(latest)) {
            throw Problems.InvalidInput.of(new FieldError("endsAt", "must be in the future and at most "
                    + LONGEST_YEARS + " years away", "GRANT_END_OUT_OF_RANGE", List.of(LONGEST_YEARS)));
        }
        if (grant.status() != GrantStatus.PENDING && grant.status() != GrantStatus.ACTIVE) {
            throw new Problems.Conflict("grant-ended", "This access was " + grant.status().name().toLowerCase()
                    + ": the partner asks again first").coded("GRANT_ENDED", grant.status().name());
        }
        PartnerGrant accepted = new PartnerGrant(grant.id(), company, grant.partnerId(), GrantStatus.ACTIVE,
                Set.copyOf(granted), end, null, null, byAccountId, now, grant.version());
        write(accepted, now);
        events.publishEvent(new PartnerAccessEvents.AccessAccepted(grant.id(), company, grant.partnerId(),
                accepted.scope(), end, grant.status(), byAccountId));
        return reread(accepted);
    }

    /** The company ends the partner's access at once, or declines its pending request. */
    @Transactional
    public PartnerGrant revoke(CompanyId company, String grantId, String byAccountId) {
        PartnerGrant grant = grant(company, grantId);
        if (grant.status() != GrantStatus.PENDING && grant.status() != GrantStatus.ACTIVE) {
            throw new Problems.Conflict("grant-ended", "This access was already " + grant.status().name().toLowerCase())
                    .coded("GRANT_ENDED", grant.status().name());
        }
        Instant now = clock.instant();
        PartnerGrant revoked = new PartnerGrant(grant.id(), company, grant.partnerId(), GrantStatus.REVOKED,
                grant.scope(), grant.endsAt(), null, null, byAccountId, now, grant.version());
        write(revoked, now);
        events.publishEvent(new PartnerAccessEvents.AccessRevoked(grant.id(), company, grant.partnerId(), grant.status(),
                byAccountId));
        return reread(revoked);
    }

    /**
     * The company refuses what the partner asks, and only that: a PENDING request is refused (the
     * grant becomes REVOKED, as a revocation of it does); a renewal waiting on an ACTIVE grant is
     * dropped and the grant stays ACTIVE with its scope and end. Anything else has no request to
     * decline (409 {@code NO_REQUEST_WAITING}).
     */
    @Transactional
    public PartnerGrant decline(CompanyId company, String grantId, String byAccountId) {
        PartnerGrant grant = grant(company, grantId);
        boolean renewal = grant.status() == GrantStatus.ACTIVE && grant.requestWaiting();
        if (grant.status() != GrantStatus.PENDING && !renewal) {
            throw new Problems.Conflict("no-request-waiting", "No request of this partner waits for an answer")
                    .coded("NO_REQUEST_WAITING");
        }
        Instant now = clock.instant();
        PartnerGrant declined = renewal
                ? new PartnerGrant(grant.id(), company, grant.partnerId(), GrantStatus.ACTIVE, grant.scope(),
                        grant.endsAt(), null, null, grant.decidedBy(), grant.decidedAt(), grant.version())
                : new PartnerGrant(grant.id(), company, grant.partnerId(), GrantStatus.REVOKED, grant.scope(),
                        grant.endsAt(), null, null, byAccountId, now, grant.version());
        write(declined, now);
        events.publishEvent(new PartnerAccessEvents.AccessDeclined(grant.id(), company, grant.partnerId(), renewal,
                grant.requestedBy(), byAccountId));
        return reread(declined);
    }

    /**
     * Marks up to {@code limit} ended grants EXPIRED, each by a conditional update: on several
     * nodes, the one whose update counts audits and tells. Returns how many it marked.
     */
    @Transactional
    public int expireEnded(int limit) {
        Instant now = clock.instant();
        int marked = 0;
        for (PartnerGrant ended : grants.ended(now, limit)) {
            PartnerGrant expired = new PartnerGrant(ended.id(), ended.companyId(), ended.partnerId(), GrantStatus.EXPIRED,
                    ended.scope(), ended.endsAt(), ended.requestedBy(), ended.requestedAt(), ended.decidedBy(),
                    ended.decidedAt(), ended.version());
            if (grants.update(expired, now)) {
                marked++;
                events.publishEvent(new PartnerAccessEvents.AccessExpired(ended.id(), ended.companyId(),
                        ended.partnerId(), ended.endsAt()));
            }
        }
        return marked;
    }

    /** Every grant of the company (one per partner that ever asked or opened it). */
    public List<PartnerGrant> ofCompany(CompanyId company) {
        return grants.ofCompany(company);
    }

    public PartnerGrant grant(CompanyId company, String grantId) {
        return grants.find(company, grantId).orElseThrow(() ->
                new Problems.NotFound("No partner access " + grantId + " in this company").coded("NO_GRANT", grantId));
    }

    /** The partner's grant in the company, if current (ACTIVE and not ended, by the clock). */
    public Optional<PartnerGrant> current(CompanyId company, PartnerId partner) {
        Instant now = clock.instant();
        return grants.find(company, partner).filter(grant -> grant.isCurrent(now));
    }

    /** The partner's current grants (ACTIVE and not ended, by the clock) among these companies, by company. */
    public Map<CompanyId, PartnerGrant> currentIn(PartnerId partner, Collection<CompanyId> companies) {
        Instant now = clock.instant();
        Map<CompanyId, PartnerGrant> current = new HashMap<>();
        grants.find(partner, companies).stream().filter(grant -> grant.isCurrent(now))
                .forEach(grant -> current.put(grant.companyId(), grant));
        return current;
    }

    /** The current grants of each of these companies ({@link #currentOf} for many in one statement), by company. */
    public Map<CompanyId, List<PartnerGrant>> currentOfAll(Collection<CompanyId> companies) {
        Instant now = clock.instant();
        Map<CompanyId, List<PartnerGrant>> current = new HashMap<>();
        grants.ofCompanies(companies).stream().filter(grant -> grant.isCurrent(now))
                .forEach(grant -> current.computeIfAbsent(grant.companyId(), company -> new ArrayList<>()).add(grant));
        return current;
    }

    /**
     * The first {@code limit} companies whose users the partner reaches now (a current grant with
     * the users scope), by name, only those whose name starts with {@code prefix} (case folded)
     * when it is given: a company picker's short list, however many companies the partner has.
     */
    public List<Company> reachedByName(PartnerId partner, String prefix, int limit) {
        String from = prefix == null || prefix.isBlank() ? "" : Companies.nameKey(prefix.strip());
        // without an upper bound to write (a rare last character), the range is cut here
        return grants.reachedByName(partner, from, from.isEmpty() ? null : Tenancy.afterPrefix(from), limit,
                clock.instant()).stream().filter(company -> Companies.nameKey(company.name()).startsWith(from)).toList();
    }

    /** The partner's grant in the company, whatever its status. */
    public Optional<PartnerGrant> grantOf(CompanyId company, PartnerId partner) {
        return grants.find(company, partner);
    }

    /** The current grants of a company. */
    public List<PartnerGrant> currentOf(CompanyId company) {
        Instant now = clock.instant();
        return grants.ofCompany(company).stream().filter(grant -> grant.isCurrent(now)).toList();
    }

    /** The companies the partner's staff reach now for this scope. */
    public List<CompanyId> companiesInScope(PartnerId partner, GrantScope scope) {
        return grants.currentCompanies(partner, scope, clock.instant());
    }

    /** The partner's companies whatever the status of its grant, by name. */
    public Page<GrantedCompany> companiesOf(PartnerId partner, PageRequest page) {
        return Page.fromLookahead(grants.companiesOf(partner, page), page.limit(),
                last -> new Cursor("name", last.company().name(), last.company().id().value()));
    }

    /** True when the grant is current now. */
    public boolean isCurrent(PartnerGrant grant) {
        return grant.isCurrent(clock.instant());
    }

    /** True when the partner may want to ask again: the grant is not current, or ends within the renewal window. */
    public boolean renewable(PartnerGrant grant) {
        Instant now = clock.instant();
        return !grant.isCurrent(now) || grant.endsAt().isBefore(now.plus(java.time.Duration.ofDays(RENEWAL_WINDOW_DAYS)));
    }

    /** True when the grant is current now and covers the scope. */
    public boolean covers(PartnerGrant grant, GrantScope scope) {
        return grant.covers(scope, clock.instant());
    }

    private void write(PartnerGrant grant, Instant now) {
        if (!grants.update(grant, now)) {
            throw new Problems.Conflict("grant-changed", "This partner access changed meanwhile: reload and try again")
                    .coded("GRANT_CHANGED");
        }
    }

    private PartnerGrant reread(PartnerGrant written) {
        return grants.find(written.companyId(), written.id()).orElse(written);
    }
}
