package io.roster.web;

import io.roster.access.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page may need: whether someone is signed in. */
@ControllerAdvice(basePackages = "io.roster.web")
class ConsoleModel {

    @ModelAttribute("signedIn")
    boolean signedIn(@AuthenticationPrincipal Caller caller) {
        return caller != null;
    }
}
