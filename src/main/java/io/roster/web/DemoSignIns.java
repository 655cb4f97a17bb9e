package io.roster.web;

import java.util.List;

/**
 * The sign-ins of the demo data, shown on the sign-in page while the demo data is on. The demo
 * module provides them; the console only shows what it is given, so it does not depend on it.
 */
public interface DemoSignIns {

    /**
     * One persona: {@code persona} names it in the message bundles ({@code signin.demo.persona.*}).
     */
    record SignIn(String persona, String login) {
    }

    /** The personas to show, in order; empty when there is no demo data to sign in to. */
    List<SignIn> signIns();

    /** The password every persona shares (demo data only). */
    String password();
}
