package io.roster.access;

import io.roster.shared.CompanyId;
import io.roster.shared.PartnerId;
import io.roster.shared.Problems;
import org.springframework.stereotype.Component;

/**
 * The authorization check at the entry of every operation. For now the platform operator may do
 * everything and everyone else nothing administrative; company and partner roles extend the
 * checks below without changing their callers.
 */
@Component
public class Guard {

    public void requireOperator(Caller caller) {
        if (caller == null || !caller.operator()) {
            throw new Problems.Forbidden("Only the platform operator may do this");
        }
    }

    /** May the caller exercise {@code permission} in this company? */
    public void requireCompany(Caller caller, CompanyId company, Permission permission) {
        requireOperator(caller);
    }

    /** May the caller manage this partner space? */
    public void requirePartner(Caller caller, PartnerId partner) {
        requireOperator(caller);
    }
}
