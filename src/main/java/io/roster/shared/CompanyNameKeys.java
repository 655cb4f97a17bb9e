package io.roster.shared;

/**
 * A company's name as companies are ordered and searched by name (case folded), for a module that
 * keeps it beside its own rows: a company's name never changes, so a copy written once stays
 * right. The tenancy module, which owns companies, answers; the asking module does not depend on it.
 */
public interface CompanyNameKeys {

    /**
     * An SQL expression: the folded name of the company whose id is {@code companyIdExpression}
     * (a column or a {@code ?} placeholder), one probe of the companies' primary key.
     */
    String nameKeyOf(String companyIdExpression);
}
