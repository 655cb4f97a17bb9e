package io.roster.access;

import io.roster.shared.Problems;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's passkeys (WebAuthn, docs/rules.md §21), kept by Spring Security's JDBC repositories:
 * the WebAuthn user entity of an account is named by its account id, and each passkey is a
 * credential of that entity with the name the person gave it. Spring's WebAuthn filters register
 * and verify them ({@link SecurityConfig}); this lists and removes them, always for one account,
 * and tells audit and the security mails of every passkey added or removed.
 */
@Service
public class Passkeys {

    /** The method a passkey stands for in events and sign-in records ({@code amr} {@code hwk}). */
    public static final String METHOD = "passkey";
    /** The longest name a person may give a passkey. */
    static final int LABEL_MAX = 100;

    private final JdbcClient jdbc;
    private final PublicKeyCredentialUserEntityRepository userEntities;
    private final Credentials credentials;

    Passkeys(JdbcClient jdbc, JdbcOperations operations, ApplicationEventPublisher events,
            io.roster.users.Accounts accounts, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.userEntities = new UserEntities(new JdbcPublicKeyCredentialUserEntityRepository(operations), accounts);
        this.credentials = new Credentials(new JdbcUserCredentialRepository(operations), this.userEntities, events,
                accounts, new TransactionTemplate(transactions));
    }

    /** One passkey as the person sees it: never its key. */
    public record Passkey(String id, String label, Instant createdAt, Instant lastUsedAt) {
    }

    PublicKeyCredentialUserEntityRepository userEntities() {
        return userEntities;
    }

    UserCredentialRepository credentials() {
        return credentials;
    }

    /** The account's passkeys, oldest first. */
    public List<Passkey> list(String accountId) {
        return jdbc.sql("SELECT c.credential_id, c.label, c.created, c.last_used FROM user_credentials c"
                        + " JOIN user_entities e ON e.id = c.user_entity_user_id WHERE e.name = ?"
                        + " ORDER BY c.created, c.credential_id")
                .param(accountId)
                .query((rs, n) -> new Passkey(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4))))
                .list();
    }

    public int count(String accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM user_credentials c JOIN user_entities e ON e.id = c.user_entity_user_id"
                + " WHERE e.name = ?").param(accountId).query(Integer.class).single();
    }

    /** The account a passkey belongs to, by its credential id (base64url); empty for one Roster does not know. */
    public java.util.Optional<String> ownerOf(String credentialId) {
        if (credentialId == null || credentialId.isBlank() || credentialId.length() > 1000) {
            return java.util.Optional.empty();
        }
        return jdbc.sql("SELECT e.name FROM user_credentials c JOIN user_entities e ON e.id = c.user_entity_user_id"
                + " WHERE c.credential_id = ?").param(credentialId).query(String.class).optional();
    }

    /** The caller removes one of their own passkeys; 404 for any other (someone else's included). */
    @Transactional
    public void remove(Caller caller, String passkeyId) {
        boolean own = passkeyId != null && jdbc.sql("SELECT COUNT(*) FROM user_credentials c"
                        + " JOIN user_entities e ON e.id = c.user_entity_user_id WHERE e.name = ? AND c.credential_id = ?")
                .params(caller.accountId(), passkeyId).query(Integer.class).single() == 1;
        if (!own) {
            throw new Problems.NotFound("No such passkey");
        }
        credentials.delete(Bytes.fromBase64(passkeyId));
    }

    /** Removes every passkey of the account (an administrator's reset); how many there were. */
    @Transactional
    int removeAll(String accountId) {
        return jdbc.sql("DELETE FROM user_credentials WHERE user_entity_user_id IN"
                + " (SELECT id FROM user_entities WHERE name = ?)").param(accountId).update();
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * Spring's user entity repository, where a person's entity is made at their first passkey with
     * their email (or user ID) as the name their device shows, rather than Spring's default (the
     * authentication's name: here the account id). Only an existing account gets one.
     */
    static final class UserEntities implements PublicKeyCredentialUserEntityRepository {
        private final PublicKeyCredentialUserEntityRepository delegate;
        private final io.roster.users.Accounts accounts;

        UserEntities(PublicKeyCredentialUserEntityRepository delegate, io.roster.users.Accounts accounts) {
            this.delegate = delegate;
            this.accounts = accounts;
        }

        @Override
        public PublicKeyCredentialUserEntity findById(Bytes id) {
            return delegate.findById(id);
        }

        @Override
        public PublicKeyCredentialUserEntity findByUsername(String accountId) {
            PublicKeyCredentialUserEntity found = delegate.findByUsername(accountId);
            if (found != null) {
                return found;
            }
            return accounts.byId(accountId).map(account -> {
                String shown = account.email() != null ? account.email() : account.userId();
                shown = shown.length() > 200 ? shown.substring(0, 200) : shown;
                PublicKeyCredentialUserEntity entity = ImmutablePublicKeyCredentialUserEntity.builder()
                        .id(Bytes.random()).name(accountId).displayName(shown).build();
                delegate.save(entity);
                return entity;
            }).orElse(null);
        }

        @Override
        public void save(PublicKeyCredentialUserEntity entity) {
            delegate.save(entity);
        }

        @Override
        public void delete(Bytes id) {
            delegate.delete(id);
        }
    }

    /**
     * Spring's credential repository, telling audit and the mails when a passkey is added (a new
     * credential saved by the registration) or removed. A save of a known credential is a sign-in
     * moving its counter and last use: nothing to tell.
     */
    static final class Credentials implements UserCredentialRepository {
        private final UserCredentialRepository delegate;
        private final PublicKeyCredentialUserEntityRepository userEntities;
        private final ApplicationEventPublisher events;
        private final io.roster.users.Accounts accounts;
        private final TransactionTemplate transaction;

        Credentials(UserCredentialRepository delegate, PublicKeyCredentialUserEntityRepository userEntities,
                ApplicationEventPublisher events, io.roster.users.Accounts accounts, TransactionTemplate transaction) {
            this.transaction = transaction;
            this.delegate = delegate;
            this.userEntities = userEntities;
            this.events = events;
            this.accounts = accounts;
        }

        @Override
        public void delete(Bytes credentialId) {
            transaction.executeWithoutResult(status -> deleteAndTell(credentialId));
        }

        private void deleteAndTell(Bytes credentialId) {
            CredentialRecord record = delegate.findByCredentialId(credentialId);
            delegate.delete(credentialId);
            Caller owner = record == null ? null : owner(record);
            if (owner != null) {
                events.publishEvent(new SecondFactorEvents.Removed(owner.accountId(), owner.userId(), METHOD,
                        owner.homeCompanyId(), owner.homePartnerId()));
            }
        }

        @Override
        public void save(CredentialRecord record) {
            transaction.executeWithoutResult(status -> saveAndTell(record));
        }

        /** In one transaction with the mail and the audit entry it causes. */
        private void saveAndTell(CredentialRecord record) {
            boolean added = delegate.findByCredentialId(record.getCredentialId()) == null;
            if (added && (record.getLabel() == null || record.getLabel().isBlank()
                    || record.getLabel().length() > LABEL_MAX)) {
                throw new IllegalArgumentException("A passkey needs a name of 1 to " + LABEL_MAX + " characters");
            }
            delegate.save(record);
            Caller owner = added ? owner(record) : null;
            if (owner != null) {
                events.publishEvent(new SecondFactorEvents.Enrolled(owner.accountId(), owner.userId(), METHOD,
                        owner.homeCompanyId(), owner.homePartnerId()));
            }
        }

        @Override
        public CredentialRecord findByCredentialId(Bytes credentialId) {
            return delegate.findByCredentialId(credentialId);
        }

        @Override
        public List<CredentialRecord> findByUserId(Bytes userId) {
            return delegate.findByUserId(userId);
        }

        private Caller owner(CredentialRecord record) {
            var entity = userEntities.findById(record.getUserEntityUserId());
            return entity == null ? null : accounts.byId(entity.getName())
                    .map(account -> new Caller(account.accountId(), account.userId(), account.operator(),
                            account.homeCompanyId(), account.homePartnerId(), null, null))
                    .orElse(null);
        }
    }
}
