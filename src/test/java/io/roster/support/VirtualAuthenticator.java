package io.roster.support;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.regex.Pattern;

/**
 * The DevTools virtual authenticator standing for a device's own (a platform authenticator that
 * keeps resident keys and verifies its user), and adding a passkey with it on the profile page.
 */
public final class VirtualAuthenticator {

    private VirtualAuthenticator() {
    }

    /** Gives the page's browser a virtual authenticator such as a laptop's (ctap2, internal, user verified). */
    public static Page attach(Page page) {
        var devTools = page.context().newCDPSession(page);
        devTools.send("WebAuthn.enable");
        JsonObject options = new JsonObject();
        options.addProperty("protocol", "ctap2");
        options.addProperty("transport", "internal");
        options.addProperty("hasResidentKey", true);
        options.addProperty("hasUserVerification", true);
        options.addProperty("isUserVerified", true);
        options.addProperty("automaticPresenceSimulation", true);
        JsonObject params = new JsonObject();
        params.add("options", options);
        devTools.send("WebAuthn.addVirtualAuthenticator", params);
        return page;
    }

    /**
     * Adds a passkey named {@code label} on the profile of the signed-in person, and waits until the
     * profile lists it (the page is on the profile all along: its address alone says nothing).
     */
    public static void addPasskey(Page page, String label) {
        page.navigate("/profile");
        page.locator("#passkey-label").fill(label);
        page.locator("#passkey-register button").click();
        PlaywrightAssertions.assertThat(page.locator("#passkeys .passkey-label")
                .filter(new Locator.FilterOptions().setHasText(label))).hasCount(1);
        page.waitForURL(Pattern.compile(".*/profile(#.*)?$"));
    }
}
