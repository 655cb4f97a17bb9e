package io.roster.edge;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the container's error dispatch answers when a filter failed (the bearer-token check with the
 * database down, say): a problem for the API's paths, the console's page for the others.
 */
class ErrorPagesTests {

    private final ErrorPages pages = new ErrorPages();

    @Test
    void an_exception_out_of_an_api_filter_is_a_500_problem_that_gives_nothing_away() {
        Object answer = pages.error(failed("/api/v1/companies", null));

        assertThat(answer).isInstanceOf(ResponseEntity.class);
        var entity = (ResponseEntity<?>) answer;
        assertThat(entity.getStatusCode().value()).isEqualTo(500);
        assertThat(entity.getHeaders().getContentType()).hasToString(EdgeProblems.PROBLEM_JSON);
        assertThat(body(entity)).containsEntry("status", 500).containsEntry("type", "/problems/http-500")
                .containsKey("detail");
    }

    @Test
    void a_refusal_sent_by_a_filter_keeps_its_status_as_a_problem() {
        var entity = (ResponseEntity<?>) pages.error(failed("/api/v1/me", 400));

        assertThat(entity.getStatusCode().value()).isEqualTo(400);
        assertThat(body(entity)).containsEntry("type", "/problems/http-400");
    }

    @Test
    void a_console_path_gets_the_error_page_or_the_404_and_403_pages() {
        var failure = (ModelAndView) pages.error(failed("/companies/x/users", null));
        var refusal = (ModelAndView) pages.error(failed("/login", 400));
        var missing = (ModelAndView) pages.error(failed("/nowhere", 404));

        assertThat(failure.getViewName()).isEqualTo("error");
        assertThat(failure.getStatus().value()).isEqualTo(500);
        assertThat(failure.getModel()).containsEntry("clientError", false);
        assertThat(refusal.getModel()).containsEntry("clientError", true);
        assertThat(refusal.getStatus().value()).isEqualTo(400);
        assertThat(missing.getViewName()).isEqualTo("forward:/404");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(ResponseEntity<?> entity) {
        return (Map<String, Object>) entity.getBody();
    }

    private static MockHttpServletRequest failed(String uri, Integer status) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, uri);
        if (status != null) {
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        }
        return request;
    }
}
