package io.roster.api;

import io.roster.access.Caller;
import io.roster.notifications.Inbox;
import io.roster.notifications.Notification;
import io.roster.shared.FieldErrors;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.users.OwnProfile;
import io.roster.users.Recipient;
import io.roster.users.Recipients;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notifications and preferences: nobody else's are reachable here. */
@RestController
@RequestMapping("/api/v1/me")
class MeNotificationsController {

    private final Inbox inbox;
    private final Recipients recipients;
    private final OwnProfile profile;

    MeNotificationsController(Inbox inbox, Recipients recipients, OwnProfile profile) {
        this.inbox = inbox;
        this.recipients = recipients;
        this.profile = profile;
    }

    record PreferencesRequest(String locale, UserView.Notifications notifications) {
    }

    record PreferencesView(String locale, UserView.Notifications notifications) {
    }

    @GetMapping("/notifications")
    Page<Notification> notifications(@AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) Boolean unread, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return inbox.of(caller.accountId(), locale(caller), Boolean.TRUE.equals(unread), PageRequest.of(limit, cursor));
    }

    @GetMapping("/notifications/unread-count")
    Map<String, Long> unreadCount(@AuthenticationPrincipal Caller caller) {
        return Map.of("count", inbox.unread(caller.accountId()));
    }

    @PostMapping("/notifications/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        inbox.markRead(caller.accountId(), id);
    }

    @PostMapping("/notifications/read-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void readAll(@AuthenticationPrincipal Caller caller) {
        inbox.markAllRead(caller.accountId());
    }

    @GetMapping("/preferences")
    PreferencesView preferences(@AuthenticationPrincipal Caller caller) {
        var me = recipients.recipient(caller.accountId()).orElseThrow();
        return new PreferencesView(me.locale(), new UserView.Notifications(me.notifyInApp(), me.notifyEmail()));
    }

    /** Sets what is given; a field left out keeps its value. */
    @PutMapping("/preferences")
    PreferencesView setPreferences(@AuthenticationPrincipal Caller caller, @RequestBody PreferencesRequest request) {
        var me = recipients.recipient(caller.accountId()).orElseThrow();
        String locale = request.locale() == null ? me.locale() : request.locale();
        if (!"en".equals(locale) && !"fr".equals(locale)) {
            new FieldErrors().add("locale", "must be 'en' or 'fr'").throwIfAny();
        }
        var wanted = request.notifications();
        boolean inApp = wanted == null || wanted.inApp() == null ? me.notifyInApp() : wanted.inApp();
        boolean email = wanted == null || wanted.email() == null ? me.notifyEmail() : wanted.email();
        profile.updatePreferences(caller.accountId(), locale, inApp, email);
        return preferences(caller);
    }

    private Locale locale(Caller caller) {
        return Locale.forLanguageTag(recipients.recipient(caller.accountId()).map(Recipient::locale).orElse("en"));
    }
}
