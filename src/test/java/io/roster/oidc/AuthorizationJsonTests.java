package io.roster.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JavaType;

class AuthorizationJsonTests {

    final AuthorizationJson json = new AuthorizationJson();
    final JavaType map = json.getTypeFactory().constructMapType(Map.class, String.class, Object.class);

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    /** The typed JSON of a map, with spaces Jackson would not write: a text serialized again shows. */
    final String READ = json.writeValueAsString(new LinkedHashMap<>(Map.of("a", 1, "b", "two"))).replace("{", "{ ");

    @Test
    void a_map_equal_to_one_read_in_this_request_is_written_as_the_text_it_was_read_from() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        Map<String, Object> read = json.readValue(READ, map);

        assertThat(json.writeValueAsString(new LinkedHashMap<>(read))).isEqualTo(READ);
        Map<String, Object> changed = new LinkedHashMap<>(read);
        changed.put("b", "three");
        String written = json.writeValueAsString(changed);
        assertThat(written).isNotEqualTo(READ).contains("three");
    }

    @Test
    void an_authorizations_attributes_are_parsed_once_per_text_on_any_thread_and_others_every_time() {
        String attributes = json.writeValueAsString(new LinkedHashMap<>(Map.of(
                java.security.Principal.class.getName(), "account-1", "b", "two")));
        Map<String, Object> first = json.readValue(attributes, map);
        Map<String, Object> again = json.readValue(attributes, map);
        assertThat(again).isEqualTo(first);
        Map<String, Object> third = json.readValue(attributes, map);
        assertThat(again.get(java.security.Principal.class.getName()))
                .isSameAs(third.get(java.security.Principal.class.getName()));

        Map<String, Object> other = json.readValue(READ, map);
        Map<String, Object> otherAgain = json.readValue(READ, map);
        assertThat(otherAgain.get("b")).isEqualTo(other.get("b")).isNotSameAs(other.get("b"));
    }

    @Test
    void nothing_is_kept_outside_a_request_or_from_one_request_to_the_next() {
        Map<String, Object> read = json.readValue(READ, map);
        assertThat(json.writeValueAsString(read)).isNotEqualTo(READ);

        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        json.readValue(READ, map);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        assertThat(json.writeValueAsString(read)).isNotEqualTo(READ);
    }
}
