package io.roster.workspaces;

import io.roster.shared.CompanyId;

/**
 * What happened to workspaces and their rights. Each names the company, the workspace, the account
 * whose right it is, the right, and the acting account ({@code byAccountId}). Audit and
 * notifications listen to these.
 */
public final class WorkspaceEvents {

    private WorkspaceEvents() {
    }

    /** Created by {@code byAccountId}, who holds {@code right} (ADMIN) on it from then on. */
    public record WorkspaceCreated(CompanyId companyId, String workspaceId, String name, String accountId,
            WorkspaceRight right, String byAccountId) {
    }

    public record WorkspaceRightGranted(CompanyId companyId, String workspaceId, String accountId,
            WorkspaceRight right, String byAccountId) {
    }

    public record WorkspaceRightChanged(CompanyId companyId, String workspaceId, String accountId,
            WorkspaceRight previousRight, WorkspaceRight right, String byAccountId) {
    }

    /** {@code right} is the one removed. */
    public record WorkspaceRightRemoved(CompanyId companyId, String workspaceId, String accountId,
            WorkspaceRight right, String byAccountId) {
    }

    /** A member's end date was set, changed or cleared ({@code endsAt} null); {@code byAccountId} null: the system. */
    public record WorkspaceRightEndDateChanged(CompanyId companyId, String workspaceId, String accountId,
            java.time.Instant previousEndsAt, java.time.Instant endsAt, String byAccountId) {
    }

    /**
     * A right reached its end date and was removed by the system ({@link WorkspaceRightRemoved} is
     * published with it). {@code sponsorAccountId} is told; null when the workspace's ADMINs sponsor.
     */
    public record WorkspaceRightEnded(CompanyId companyId, String workspaceId, String accountId, WorkspaceRight right,
            String sponsorAccountId, java.time.Instant endsAt) {
    }

    /**
     * A sponsor is gone ({@code reason}: DEACTIVATED, DELETED or RIGHT_REMOVED): its guests on the
     * workspace are sponsored by the workspace's ADMINs from now on, who are {@code admins}.
     */
    public record GuestsHandedOver(CompanyId companyId, String workspaceId, String formerSponsorAccountId,
            java.util.List<String> guestAccountIds, String reason, java.util.List<String> admins) {
    }

    /** A reviewer answered a review link: {@code kept} true kept the guest, false removed its right. */
    public record GuestReviewed(CompanyId companyId, String workspaceId, String accountId, String reviewerAccountId,
            boolean kept) {
    }
}
