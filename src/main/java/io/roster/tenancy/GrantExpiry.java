package io.roster.tenancy;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks ended grants EXPIRED so the company and the partner see it, and both are told. Access itself
 * ends with the date, not with this job ({@link PartnerGrant#isCurrent}); the job is safe on several
 * nodes because each grant changes by a conditional update only one node wins.
 */
@Component
class GrantExpiry {

    private static final int BATCH = 200;

    private final PartnerAccess access;

    GrantExpiry(PartnerAccess access) {
        this.access = access;
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    void expire() {
        while (access.expireEnded(BATCH) == BATCH) {
            // another batch: more grants ended than one batch holds
        }
    }
}
