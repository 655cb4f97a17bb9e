package io.roster.edge;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the servlet container forwards to when something outside a controller fails or refuses (a
 * security filter's error, an exception out of a filter such as the bearer-token check with the
 * database down, a {@code sendError}): a problem for the API paths, the console's error page
 * otherwise, and for a browser lost at an unknown address, even under the API's paths. The 403 and
 * 404 pages are the console's own (forwarded to), with the menu and the sign-out of a signed-in
 * person. Takes the place of Spring Boot's error controller, whose JSON is no problem document.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final MediaType PROBLEM_JSON = MediaType.parseMediaType(EdgeProblems.PROBLEM_JSON);

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
                ? code : 500;
        // a browser that followed a wrong address gets a page even under /api: a person is reading it
        boolean personLost = status == 404 && EdgeProblems.browser(request);
        if (!personLost && EdgeProblems.speaksJson((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))) {
            return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(EdgeProblems.problem(status, detail(status)));
        }
        if (status == 403 || status == 404) {
            // the console's own page for it, which knows who is signed in and draws the menu and sign-out
            return new ModelAndView("forward:/" + status);
        }
        return new ModelAndView("error", Map.of("status", status, "clientError", status < 500), HttpStatusCode.valueOf(status));
    }

    private static String detail(int status) {
        return switch (status) {
            case 401 -> "Sign in first: send Authorization: Bearer <token> (get one with POST /api/v1/tokens)";
            case 403 -> "This request is not allowed";
            case 404 -> "There is nothing at this address";
            default -> status < 500 ? "The request cannot be served as sent"
                    : "Something went wrong on our side; nothing was half-done. Try again later.";
        };
    }
}
