package io.roster.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's action list ({@link AuditActions}) offers every action the audit listeners write
 * into a company's log, and nothing they never write: read from the listeners' source.
 */
class AuditActionsTests {

    /** An action as the listeners spell it, e.g. "user.created", as the second argument of a trail call. */
    private static final Pattern ACTION = Pattern.compile("\"([a-z_]+\\.[a-z_]+)\"");
    /** Written only to a partner space's or the platform's log: no company's audit page shows them. */
    private static final Set<String> OUTSIDE_COMPANIES = Set.of("partner.created", "partner.member_added",
            "partner.member_removed", "operator.created", "oidc_client.registered", "oidc_client.updated",
            "oidc_client.rotated", "oidc_client.deleted", "oidc.key_rotated");

    @Test
    void the_action_list_is_every_action_the_listeners_write() throws IOException {
        Set<String> written = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/roster/audit"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Changes.java")).toList()) {
                Matcher action = ACTION.matcher(Files.readString(file));
                while (action.find()) {
                    written.add(action.group(1));
                }
            }
        }
        written.add("sign_in.succeeded");
        written.add("sign_in.failed");
        written.removeAll(OUTSIDE_COMPANIES);
        Set<String> offered = new TreeSet<>();
        AuditActions.GROUPS.forEach(group -> {
            group.actions().forEach(action -> assertThat(action).startsWith(group.prefix()));
            offered.addAll(group.actions());
        });
        assertThat(offered).isEqualTo(written);
    }
}
