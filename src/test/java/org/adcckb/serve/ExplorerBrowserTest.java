package org.adcckb.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.adcckb.HeadlessChromium;
import org.adcckb.TestKb;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The explorer end to end, in Debian's headless Chromium: pick the CD38-low Lejeune scenario with
 * daratumumab alone, mask the NK cells' CD38 with the nanobody, and read on the page that fratricide
 * falls and ADCC rises (Lejeune 2021). Leaves a screenshot in artifacts/screenshots/explorer.png (outside target/, so the launcher's clean build keeps it).
 *
 * <p>The browser and its driver are the system's, named explicitly, so nothing is downloaded; without
 * them the test fails (it never skips) and says which packages to install.
 */
class ExplorerBrowserTest {

    private static final List<String> GRADES = List.of("none", "low", "moderate", "high");
    static final Path SCREENSHOT = Path.of("artifacts", "screenshots", "explorer.png");

    @Test
    void maskingNkCd38WithTheNanobodyLowersFratricideAndRaisesAdcc() throws IOException {
        try (Server server = Api.start(ServeConfig.local(TestKb.FACTS, TestKb.RULES));
             HeadlessChromium browser = new HeadlessChromium(1280, 2200)) {
            explore(browser.driver, server);
        }
    }

    private static void explore(WebDriver browser, Server server) throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(server.url().toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#scenario-select option[value='lejeune-2021/low-target-dara.json']")));
        new Select(browser.findElement(By.id("scenario-select"))).selectByValue("lejeune-2021/low-target-dara.json");
        By nanobodyOnNk = By.cssSelector("input[data-agent='cd38_nanobody'][data-cell='nk']");
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-state", "ready"));
        wait.until(ExpectedConditions.presenceOfElementLocated(nanobodyOnNk));

        String adccBefore = level(browser, "adcc");
        String fratricideBefore = level(browser, "fratricide");
        assertThat(browser.findElement(By.id("cell-mm-cd38")).getText()).isEqualTo("low");
        WebElement toggle = browser.findElement(nanobodyOnNk);
        assertThat(toggle.isSelected()).isFalse();

        toggle.click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-state", "ready"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#whatif-outcome li[data-direction]")));

        String adccAfter = level(browser, "adcc");
        String fratricideAfter = level(browser, "fratricide");
        assertThat(GRADES.indexOf(fratricideAfter)).as("fratricide %s -> %s", fratricideBefore, fratricideAfter)
                .isLessThan(GRADES.indexOf(fratricideBefore));
        assertThat(GRADES.indexOf(adccAfter)).as("ADCC %s -> %s", adccBefore, adccAfter)
                .isGreaterThan(GRADES.indexOf(adccBefore));
        assertThat(browser.findElements(By.cssSelector("#whatif-outcome li[data-path='outcome.adcc'][data-direction='increased']")))
                .as("the what-if diff shows ADCC going up").hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#whatif-outcome li[data-path='outcome.fratricide'][data-direction='decreased']")))
                .as("the what-if diff shows fratricide going down").hasSize(1);
        assertThat(browser.findElement(By.id("graph")).findElements(By.tagName("svg"))).hasSize(1);
        assertThat(browser.findElement(By.id("whatif")).getText()).contains("cd38_nanobody@nk");
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();

        Files.createDirectories(SCREENSHOT.getParent());
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(SCREENSHOT)).isPositive();

        // Why not moderate ADCC, with the nanobody on the NK cells? ATRA on the targets gets there.
        WebElement goal = browser.findElement(By.id("whynot-goal"));
        goal.clear();
        goal.sendKeys("adcc>=moderate");
        browser.findElement(By.id("whynot-agents")).sendKeys("atra,ifn_alpha");
        browser.findElement(By.id("whynot-run")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#whynot-summary[data-met='false']")));
        assertThat(browser.findElement(By.id("whynot-solutions")).getText()).contains("atra").contains("ADCC moderate");
    }

    /** An outcome grade as the page shows it, checked against the scale. */
    private static String level(WebDriver browser, String field) {
        WebElement dd = browser.findElement(By.id("outcome-" + field));
        String shown = dd.getText().strip();
        assertThat(shown).as("#outcome-%s", field).isIn(GRADES).isEqualTo(dd.getAttribute("data-level"));
        return shown;
    }
}
