package io.roster.audit;

import io.roster.access.ActingCapacities;
import io.roster.access.Caller;
import io.roster.access.ScimClient;
import io.roster.shared.CompanyId;
import io.roster.shared.TransactionMemo;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who causes the change being recorded and where the request comes from, read when the event is
 * published: the caller from the security context, the request from the request context.
 */
@Component
class Actors {

    /** An actor: the account (null for SYSTEM and ANONYMOUS), its userId at the time, and its capacity. */
    record Actor(String accountId, String userId, ActorKind kind) {

        static Actor of(Caller caller, ActorKind kind) {
            return new Actor(caller.accountId(), caller.userId(), kind);
        }
    }

    /** An actor in a company, and the partner space whose action it is when it acts through a partner role. */
    record InCompany(Actor actor, String partnerId) {
    }

    /** Where a request comes from. Both null outside a request. */
    record Origin(String clientAddress, String requestId) {
    }

    /** Read once per change, however many entries it files (a creation files four). */
    private final TransactionMemo<CapacityQuestion, ActingCapacities.Capacity> capacities;

    Actors(ActingCapacities capacities) {
        this.capacities = new TransactionMemo<>(question -> capacities.of(question.accountId(), question.company()));
    }

    private record CapacityQuestion(String accountId, CompanyId company) {
    }

    /**
     * The operator is OPERATOR. Partner staff (an account whose home is a partner space) is
     * PARTNER_STAFF; so is a member of the company's partner who has no role and no home in the
     * company, since it can only be acting through its partner role: then the entry also belongs
     * to that partner space. Anyone else is USER.
     */
    InCompany inCompany(CompanyId company) {
        Optional<ScimClient> directory = scimClient();
        if (directory.isPresent()) {
            return new InCompany(scim(directory.get()), null);
        }
        Optional<Caller> found = caller();
        if (found.isEmpty()) {
            return new InCompany(nobody(), null);
        }
        Caller caller = found.get();
        if (caller.operator()) {
            return new InCompany(Actor.of(caller, ActorKind.OPERATOR), null);
        }
        ActingCapacities.Capacity standing = capacities.get(new CapacityQuestion(caller.accountId(), company));
        boolean staff = caller.homePartnerId() != null;
        boolean home = company.value().equals(caller.homeCompanyId());
        boolean viaPartner = standing.partnerMember() && (staff || (!standing.holdsRole() && !home));
        ActorKind kind = staff || viaPartner ? ActorKind.PARTNER_STAFF : ActorKind.USER;
        return new InCompany(Actor.of(caller, kind), viaPartner ? standing.partnerId() : null);
    }

    /** In a partner space: the operator, or its staff (only they reach it). */
    Actor inPartner() {
        return caller().map(caller -> Actor.of(caller, caller.operator() ? ActorKind.OPERATOR : ActorKind.PARTNER_STAFF))
                .orElseGet(this::nobody);
    }

    /** The caller in its own capacity, outside any tenant (a platform operation). */
    Actor current() {
        return caller().map(caller -> Actor.of(caller, kindOf(caller.operator(), caller.homePartnerId())))
                .orElseGet(this::nobody);
    }

    /** The capacity of an account acting for itself (signing in, using a mailed link). */
    static ActorKind kindOf(boolean operator, String homePartnerId) {
        return operator ? ActorKind.OPERATOR : homePartnerId != null ? ActorKind.PARTNER_STAFF : ActorKind.USER;
    }

    Optional<Caller> caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? Optional.of(caller) : Optional.empty();
    }

    /**
     * A company's directory calling through SCIM: no account; the actor's name is its token's id, so
     * the log tells which token (and so which directory) made each change.
     */
    static Actor scim(ScimClient client) {
        return new Actor(null, client.getName(), ActorKind.SCIM);
    }

    Optional<ScimClient> scimClient() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ScimClient client
                ? Optional.of(client) : Optional.empty();
    }

    /** No caller: ANONYMOUS within a request, SYSTEM outside (scheduled jobs, start-up). */
    Actor nobody() {
        Optional<ScimClient> directory = scimClient();
        if (directory.isPresent()) {
            return scim(directory.get());
        }
        return new Actor(null, null, request().isPresent() ? ActorKind.ANONYMOUS : ActorKind.SYSTEM);
    }

    Origin origin() {
        return request().map(request -> new Origin(request.getRemoteAddr(),
                        request.getAttribute(RequestIdFilter.ATTRIBUTE) instanceof String id ? id : null))
                .orElse(new Origin(null, null));
    }

    private static Optional<HttpServletRequest> request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest()) : Optional.empty();
    }
}
