package io.roster.mail;

/** Hands one rendered mail to the world; throws when it could not. */
interface MailTransport {

    void send(String recipient, String subject, String text, String html) throws Exception;
}
