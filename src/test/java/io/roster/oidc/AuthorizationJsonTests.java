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

    /** The JSON of a map, with spaces Jackson would not write: a text written again shows. */
    static final String READ = "{ \"a\" : 1, \"b\" : \"two\" }";

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
    void nothing_is_kept_outside_a_request_or_from_one_request_to_the_next() {
        Map<String, Object> read = json.readValue(READ, map);
        assertThat(json.writeValueAsString(read)).isNotEqualTo(READ);

        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        json.readValue(READ, map);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        assertThat(json.writeValueAsString(read)).isNotEqualTo(READ);
    }
}
