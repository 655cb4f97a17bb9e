package io.roster.webhooks;

import java.util.Optional;

/** The events an endpoint may subscribe to, by their wire name (docs/rules.md §18). */
public enum WebhookEventType {
    USER_CREATED("user.created"),
    USER_ACTIVATED("user.activated"),
    USER_DEACTIVATED("user.deactivated"),
    USER_DELETED("user.deleted"),
    USER_UPDATED("user.updated"),
    ROLE_GRANTED("role.granted"),
    ROLE_REVOKED("role.revoked"),
    WORKSPACE_RIGHT_CHANGED("workspace.right_changed"),
    LICENSES_CHANGED("licenses.changed");

    private final String code;

    WebhookEventType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<WebhookEventType> byCode(String code) {
        for (WebhookEventType type : values()) {
            if (type.code.equals(code)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
