package io.roster.api;

import io.roster.access.Caller;
import io.roster.shared.CompanyId;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.shared.Problems;
import io.roster.shared.FieldError;
import io.roster.workspaces.EndDatePolicy;
import io.roster.workspaces.EndDates;
import io.roster.workspaces.Member;
import io.roster.workspaces.RightSet;
import io.roster.workspaces.Workspace;
import io.roster.workspaces.WorkspaceAccess;
import io.roster.workspaces.WorkspaceGuard;
import io.roster.workspaces.WorkspaceMembers;
import io.roster.workspaces.WorkspaceRight;
import io.roster.workspaces.Workspaces;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A company's workspaces and the rights on them (docs/rules.md §8, §14). Each handler authorizes at
 * its entry through {@link WorkspaceGuard} and hands the module the access it returns.
 */
@RestController
@RequestMapping("/api/v1/companies/{companyId}/workspaces")
class WorkspacesController {

    private final WorkspaceGuard guard;
    private final Workspaces workspaces;
    private final WorkspaceMembers members;
    private final EndDates endDates;

    WorkspacesController(WorkspaceGuard guard, Workspaces workspaces, WorkspaceMembers members, EndDates endDates) {
        this.endDates = endDates;
        this.guard = guard;
        this.workspaces = workspaces;
        this.members = members;
    }

    record WorkspaceRequest(String name) {
    }

    record RightRequest(String right) {
    }

    record WorkspaceView(String id, String companyId, String name, String createdBy, Instant createdAt) {
        static WorkspaceView of(Workspace workspace) {
            return new WorkspaceView(workspace.id(), workspace.companyId().value(), workspace.name(),
                    workspace.createdBy(), workspace.createdAt());
        }
    }

    /** {@code sponsorAccountId} null on a guest: the workspace's ADMINs sponsor it. */
    record MemberView(String accountId, String userId, String email, String firstName, String lastName, String right,
            boolean external, boolean guest, String sponsorAccountId, Instant endsAt) {
        static MemberView of(Member member) {
            return new MemberView(member.accountId(), member.userId(), member.email(), member.firstName(),
                    member.lastName(), member.right().name(), member.external(), member.guest(),
                    member.sponsorAccountId(), member.endsAt());
        }
    }

    @GetMapping
    Page<WorkspaceView> list(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        return workspaces.list(guard.toList(caller, new CompanyId(companyId)), PageRequest.of(limit, cursor))
                .map(WorkspaceView::of);
    }

    @PostMapping
    ResponseEntity<WorkspaceView> create(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestBody WorkspaceRequest request) {
        Workspace workspace = workspaces.create(guard.toCreate(caller, new CompanyId(companyId)), request.name());
        return Responses.created(base(companyId) + workspace.id(), workspace.version(), WorkspaceView.of(workspace));
    }

    @GetMapping("/{workspaceId}")
    ResponseEntity<WorkspaceView> get(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String workspaceId) {
        Workspace workspace = guard.toRead(caller, new CompanyId(companyId), workspaceId).workspace();
        return Responses.ok(workspace.version(), WorkspaceView.of(workspace));
    }

    @GetMapping("/{workspaceId}/members")
    Page<MemberView> members(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String workspaceId, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return members.list(guard.toRead(caller, new CompanyId(companyId), workspaceId), PageRequest.of(limit, cursor))
                .map(MemberView::of);
    }

    @GetMapping("/{workspaceId}/members/{accountId}")
    MemberView member(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String workspaceId, @PathVariable String accountId) {
        return MemberView.of(members.get(guard.toRead(caller, new CompanyId(companyId), workspaceId), accountId));
    }

    /** 201 when the account is newly added, 200 when its right changed (or stayed the same). */
    @PutMapping("/{workspaceId}/members/{accountId}")
    ResponseEntity<MemberView> setRight(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String workspaceId, @PathVariable String accountId, @RequestBody RightRequest request) {
        WorkspaceAccess access = guard.toManage(caller, new CompanyId(companyId), workspaceId);
        RightSet set = members.set(access, accountId, right(request.right()));
        MemberView view = MemberView.of(set.member());
        return set.added()
                ? ResponseEntity.created(URI.create(base(companyId) + workspaceId + "/members/" + accountId)).body(view)
                : ResponseEntity.ok(view);
    }

    /**
     * Sets, changes or clears the member's end date: {@code {"endsAt": "2027-03-31T00:00:00Z"}}, or
     * {@code {"endsAt": null}} to clear it. The field must be present, so an empty body clears nothing.
     */
    @PatchMapping("/{workspaceId}/members/{accountId}")
    MemberView patchMember(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String workspaceId, @PathVariable String accountId, @RequestBody Map<String, Object> patch) {
        WorkspaceAccess access = guard.toManage(caller, new CompanyId(companyId), workspaceId);
        if (!patch.containsKey("endsAt")) {
            throw Problems.InvalidInput.of(new FieldError("endsAt", "is required: an ISO-8601 instant, or null to clear",
                    "ENDS_AT_REQUIRED", new Object[0])).coded("ENDS_AT_REQUIRED");
        }
        Object value = patch.get("endsAt");
        if (value != null && !(value instanceof String)) {
            throw Problems.InvalidInput.of(new FieldError("endsAt", "must be an ISO-8601 instant such as"
                    + " 2027-03-31T00:00:00Z", "ENDS_AT_FORMAT", new Object[] {String.valueOf(value)}));
        }
        return MemberView.of(endDates.set(access, accountId, EndDatePolicy.parse((String) value)));
    }

    @DeleteMapping("/{workspaceId}/members/{accountId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMember(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String workspaceId, @PathVariable String accountId) {
        members.remove(guard.toManage(caller, new CompanyId(companyId), workspaceId), accountId);
    }

    private static WorkspaceRight right(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(WorkspaceRight.values()).filter(right -> right.name().equals(value)).findFirst()
                .orElseThrow(() -> Problems.InvalidInput.of("right", "must be ADMIN, WRITE or READ"));
    }

    private static String base(String companyId) {
        return "/api/v1/companies/" + companyId + "/workspaces/";
    }
}
