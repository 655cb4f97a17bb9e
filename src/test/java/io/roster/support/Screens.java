package io.roster.support;

import com.microsoft.playwright.Page;

/**
 * Screenshots of a console screen at the two sizes it is designed for: a 1366 px laptop and a
 * 390 px phone. Each lands in target/screenshots as {@code <name>-1366.png} and {@code <name>-390.png};
 * the page is left at the laptop size it had.
 */
public final class Screens {

    public static final int LAPTOP_WIDTH = 1366;
    public static final int LAPTOP_HEIGHT = 800;
    public static final int PHONE_WIDTH = 390;
    public static final int PHONE_HEIGHT = 844;

    private Screens() {
    }

    /** Keeps the screen at both widths (full page), then puts the laptop size back. */
    public static void capture(Page page, String name) {
        page.setViewportSize(LAPTOP_WIDTH, LAPTOP_HEIGHT);
        Chromium.screenshot(page, name + "-" + LAPTOP_WIDTH);
        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        Chromium.screenshot(page, name + "-" + PHONE_WIDTH);
        page.setViewportSize(LAPTOP_WIDTH, LAPTOP_HEIGHT);
    }
}
