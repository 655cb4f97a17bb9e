package io.roster.mail;

/** Hands one rendered mail to the world; throws when it could not. */
interface MailTransport {

    void send(String recipient, String subject, String text, String html) throws Exception;

    /**
     * True when mails never leave Roster (no SMTP server: they are written to the log), so the
     * operator's mail view is the only way to reach their links and must show them whole.
     */
    default boolean linksStayReadable() {
        return false;
    }
}
