package io.roster.web;

import io.roster.shared.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Console pages answer a refusal with the 403 page and an unknown id with the 404 page, never data. */
@ControllerAdvice(basePackages = "io.roster.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleProblems {

    @ExceptionHandler(Problems.Forbidden.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "403";
    }

    @ExceptionHandler(Problems.NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "404";
    }
}
