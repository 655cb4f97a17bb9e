package io.roster.tenancy;

import io.roster.licensing.LicensePool;
import io.roster.shared.CompanyId;
import io.roster.shared.FieldErrors;
import io.roster.shared.Ids;
import io.roster.shared.PartnerId;
import io.roster.shared.Problems;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens and finds partners and companies. Callers authorize first; this module does not know who asks. */
@Service
public class Tenancy {

    static final int MAX_NAME = 200;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    private final Partners partners;
    private final Companies companies;
    private final LicensePool licenses;
    private final PartnerAccess access;
    private final ApplicationEventPublisher events;

    Tenancy(Partners partners, Companies companies, LicensePool licenses, PartnerAccess access,
            ApplicationEventPublisher events) {
        this.access = access;
        this.partners = partners;
        this.companies = companies;
        this.licenses = licenses;
        this.events = events;
    }

    @Transactional
    public Partner createPartner(String name) {
        nameErrors(name).throwIfAny();
        Partner partner = new Partner(new PartnerId(Ids.newId()), name.trim(), 0, Instant.now());
        partners.insert(partner);
        events.publishEvent(new PartnerCreated(partner.id(), partner.name()));
        return partner;
    }

    @Transactional
    public Company createCompany(NewCompany request) {
        FieldErrors errors = nameErrors(request.name());
        if (request.slug() == null || !SLUG.matcher(request.slug()).matches()) {
            errors.add("slug", "use 1 to 64 characters among a-z, 0-9 and '-', not starting or ending with '-'");
        }
        if (request.licensesPurchased() == null || request.licensesPurchased() < 0
                || request.licensesPurchased() > LicensePool.MAX_PURCHASED) {
            errors.add("licensesPurchased", "must be a number between 0 and " + LicensePool.MAX_PURCHASED);
        }
        errors.throwIfAny();
        if (request.partnerId() != null && partners.find(request.partnerId()).isEmpty()) {
            throw Problems.InvalidInput.of("partnerId", "no such partner");
        }
        if (companies.slugTaken(request.slug())) {
            throw new Problems.Conflict("slug-taken", "The slug '" + request.slug() + "' is already used by another company").coded("SLUG_USED", request.slug());
        }
        Company company = new Company(new CompanyId(Ids.newId()), request.name().trim(), request.slug(),
                request.partnerId(), 0, Instant.now());
        try {
            companies.insert(company);
        } catch (DuplicateKeyException raced) {
            throw new Problems.Conflict("slug-taken", "The slug '" + request.slug() + "' is already used by another company").coded("SLUG_USED", request.slug());
        }
        licenses.open(company.id(), request.licensesPurchased());
        if (company.partnerId() != null) {
            access.open(company.id(), company.partnerId());
        }
        events.publishEvent(new CompanyCreated(company.id(), company.name(), company.partnerId(), request.licensesPurchased(),
                company.slug()));
        return company;
    }

    /** True while no partner and no company exists: nobody has started using this database yet. */
    public boolean isEmpty() {
        return !partners.any() && !companies.any();
    }

    public Partner partner(PartnerId id) {
        return partners.find(id).orElseThrow(() -> new Problems.NotFound("No partner " + id).coded("NO_PARTNER", id));
    }

    public Company company(CompanyId id) {
        return companies.find(id).orElseThrow(() -> new Problems.NotFound("No company " + id).coded("NO_COMPANY", id));
    }

    /** The company, if it exists: for callers that answer "no such company" their own way. */
    public Optional<Company> findCompany(CompanyId id) {
        return companies.find(id);
    }

    /** The company of this slug, if any (an app's sign-in may name its company by slug). */
    public Optional<Company> findCompanyBySlug(String slug) {
        return slug == null || slug.isBlank() ? Optional.empty() : companies.findBySlug(slug.strip());
    }

    /** The companies of these ids that exist, by id. */
    public Map<CompanyId, Company> companies(Collection<CompanyId> ids) {
        return companies.findAll(ids).stream().collect(Collectors.toUnmodifiableMap(Company::id, company -> company));
    }

    /** A name as searches by name compare it (case folded), and as companies are ordered by name. */
    public static String nameKey(String name) {
        return Companies.nameKey(name);
    }

    /**
     * The first string after every string that starts with {@code prefix}, or null when there is
     * none to write: a prefix search is the range {@code [prefix, afterPrefix(prefix))}.
     */
    public static String afterPrefix(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        if (last >= Character.MIN_SURROGATE - 1) {
            return null;
        }
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }

    /**
     * The platform's first partners and companies by name, for the operator's home: a short list to
     * start from, not a directory (the operator reaches the rest through the API).
     */
    public Overview overview(int limit) {
        return new Overview(partners.newest(limit), companies.newest(limit));
    }

    /** Partners and companies of the whole platform, each by name. */
    public record Overview(List<Partner> partners, List<Company> companies) {
    }

    private static FieldErrors nameErrors(String name) {
        return new FieldErrors().required("name", name).maxLength("name", name == null ? null : name.trim(), MAX_NAME);
    }
}
