package io.roster.workspaces;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Ends the due rights regularly ({@code ROSTER_END_DATES_INTERVAL}, one minute by default) on every node. */
@Component
class EndDateSchedule {

    private final EndDates endDates;

    EndDateSchedule(EndDates endDates) {
        this.endDates = endDates;
    }

    @Scheduled(fixedDelayString = "${roster.end-dates.interval:PT1M}", initialDelayString = "${roster.end-dates.interval:PT1M}")
    void endDue() {
        endDates.endDue();
    }
}
