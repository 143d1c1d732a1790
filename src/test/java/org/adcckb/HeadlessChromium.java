package org.adcckb;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven through its own ChromeDriver, both named explicitly so that Selenium Manager
 * downloads nothing. Starting it costs seconds: a test class opens one and closes it after its tests.
 * A machine without them fails the test with the package to install rather than skipping it. The
 * background-networking flags keep Chromium from calling out of a closed network.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /**
     * Selenium warns on every driver start that it has no DevTools (CDP) binding for Debian's newer
     * Chromium; the tests drive the browser through WebDriver only and never use CDP, so the warning is
     * noise in the build's output. Held here, because java.util.logging keeps loggers only weakly.
     */
    private static final java.util.logging.Logger CDP = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    static {
        CDP.setLevel(java.util.logging.Level.SEVERE);
    }

    public final ChromeDriver driver;
    public final Path dir;
    private final ChromeDriverService service;

    public HeadlessChromium() throws IOException {
        this(1280, 1024);
    }

    /** With a window of this size, so that screenshots and layout do not depend on a default. */
    public HeadlessChromium(int width, int height) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("the browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": install the Debian packages chromium and chromium-driver (.ci/run does)");
        }
        dir = Files.createTempDirectory("adcc-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + dir.resolve("profile"),
                "--window-size=" + width + "," + height);
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /** Writes a file into the browser's scratch folder and returns its file: address. */
    public String page(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p.toUri().toString();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
