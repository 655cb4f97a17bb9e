package io.roster.web;

import io.roster.shared.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Console pages answer a refusal with the 403 page and an unknown id with the 404 page, never data.
 * Both by a forward to the page's own handler: an exception handler's model lacks what
 * {@link ConsoleModel} adds, and the error pages keep the menu and the sign-out of every page.
 */
@ControllerAdvice(basePackages = "io.roster.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleProblems {

    @ExceptionHandler(Problems.Forbidden.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "forward:/403";
    }

    @ExceptionHandler(Problems.NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "forward:/404";
    }
}
