package io.roster.shared;

import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Remembers, on the current request, the last refusal (403) raised while serving it. The console
 * shows many refusals in place, inside a page answered 200, so the response status alone does not
 * tell that an attempt was refused; the access module reads this mark to audit every refused
 * attempt, wherever it was raised and however it was shown.
 */
public final class RefusedRequests {

    private static final String ATTRIBUTE = RefusedRequests.class.getName() + ".refusal";

    private RefusedRequests() {
    }

    static void mark(ProblemException refusal) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, refusal, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** The refusal raised while serving this request, if any. */
    public static Optional<ProblemException> of(jakarta.servlet.ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof ProblemException refusal ? Optional.of(refusal) : Optional.empty();
    }
}
