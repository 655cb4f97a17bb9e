package io.roster.users;

import io.roster.shared.CompanyId;

/** What happened on a company's seat waitlist. The audit listens to these. */
public final class WaitlistEvents {

    private WaitlistEvents() {
    }

    /** The company turned its seat waitlist on or off. */
    public record SettingChanged(CompanyId companyId, boolean before, boolean after) {
    }

    /** An activation refused for want of a seat joined the queue at {@code position}. */
    public record Joined(CompanyId companyId, String accountId, String userId, int position) {
    }

    /** A seat freed and the row at the head of the queue was activated with it. */
    public record ActivatedFromWaitlist(CompanyId companyId, String accountId, String userId, int position) {
    }

    /** An administrator moved the row from one position to another. */
    public record Moved(CompanyId companyId, String accountId, String userId, int from, int to) {
    }

    /**
     * The row left the queue without a seat, at {@code position}: {@code reason} is the code of its
     * validation result now (removed by an administrator, deleted, no longer valid, waitlist off).
     */
    public record Left(CompanyId companyId, String accountId, String userId, int position, String reason) {
    }
}
