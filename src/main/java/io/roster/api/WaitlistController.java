package io.roster.api;

import io.roster.access.Caller;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.shared.CompanyId;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.shared.Problems;
import io.roster.users.Waitlist;
import io.roster.users.WaitlistEntry;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The company's settings ({@code seatWaitlist}) and its seat waitlist: who waits for a license, in
 * which order; an administrator may move or remove a waiting row. All of it is Plan &amp; billing's:
 * {@code billing.manage} (the operator, a partner administrator for an attached company).
 */
@RestController
@RequestMapping("/api/v1/companies/{companyId}")
class WaitlistController {

    private final Guard guard;
    private final Waitlist waitlist;

    WaitlistController(Guard guard, Waitlist waitlist) {
        this.guard = guard;
        this.waitlist = waitlist;
    }

    record Settings(Boolean seatWaitlist) {
    }

    record MoveRequest(Integer position) {
    }

    /** One waiting row: {@code userId} is the row's user ID, {@code accountId} the row itself. */
    record Item(String id, String userId, String accountId, int position, Instant since) {

        static Item of(WaitlistEntry entry) {
            return new Item(entry.id(), entry.userId(), entry.accountId(), entry.position(), entry.since());
        }
    }

    @GetMapping("/settings")
    Settings settings(@AuthenticationPrincipal Caller caller, @PathVariable String companyId) {
        return new Settings(waitlist.enabled(billing(caller, companyId)));
    }

    /** A field left out keeps its value. */
    @PutMapping("/settings")
    Settings change(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestBody(required = false) Settings request) {
        CompanyId company = billing(caller, companyId);
        if (request == null) {
            throw Problems.InvalidInput.of("seatWaitlist", "send {\"seatWaitlist\": true} or false");
        }
        if (request.seatWaitlist() != null) {
            waitlist.setEnabled(company, request.seatWaitlist());
        }
        return new Settings(waitlist.enabled(company));
    }

    @GetMapping("/waitlist")
    Page<Item> list(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        CompanyId company = billing(caller, companyId);
        return waitlist.page(company, PageRequest.of(limit, cursor)).map(Item::of);
    }

    @DeleteMapping("/waitlist/{id}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String id) {
        waitlist.remove(billing(caller, companyId), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/waitlist/{id}/move")
    Item move(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @RequestBody(required = false) MoveRequest request) {
        CompanyId company = billing(caller, companyId);
        return Item.of(waitlist.move(company, id, request == null ? null : request.position()));
    }

    private CompanyId billing(Caller caller, String companyId) {
        return guard.requireCompany(caller, new CompanyId(companyId), Permission.BILLING_MANAGE).company();
    }
}
