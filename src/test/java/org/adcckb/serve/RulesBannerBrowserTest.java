package org.adcckb.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.adcckb.HeadlessChromium;
import org.adcckb.TestKb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A rule file broken while the explorer is open: the page says so in its banner, naming the file, and
 * keeps answering with the last rules that loaded; once the file is fixed the banner goes.
 */
class RulesBannerBrowserTest {

    @TempDir
    Path tmp;

    @Test
    void aBrokenRuleFileIsReportedOnThePageAndTheExplorerGoesOn() throws IOException {
        Path rules = tmp.resolve("rules");
        Files.createDirectories(rules);
        TestKb.copyRules(rules);
        Path adcc = rules.resolve("adcc.drl");
        String good = Files.readString(adcc);
        ServeConfig config = ServeConfig.local(TestKb.FACTS, rules).withRulesPoll(Duration.ofMillis(200));
        try (Server server = Api.start(config); HeadlessChromium chromium = new HeadlessChromium(1280, 2200)) {
            WebDriver driver = chromium.driver;
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            driver.get(server.url().toString());
            By banner = By.id("rules-banner");
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#scenario-select option[value='lejeune-2021/low-target-dara.json']")));
            assertThat(driver.findElement(banner).isDisplayed()).as("no banner while the rules load").isFalse();

            Files.writeString(adcc, good.replaceFirst("\\bthen\\b", "thenn"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(banner));
            assertThat(driver.findElement(banner).getText())
                    .contains("do not load").contains("adcc.drl");

            // The page still answers, with the last rules that loaded.
            new Select(driver.findElement(By.id("scenario-select"))).selectByValue("lejeune-2021/low-target-dara.json");
            wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-state", "ready"));
            wait.until(ExpectedConditions.attributeToBe(By.id("outcome-fratricide"), "data-level", "high"));
            WebElement adccLevel = driver.findElement(By.id("outcome-adcc"));
            assertThat(adccLevel.getAttribute("data-level")).isEqualTo("none");

            Files.writeString(adcc, good);
            wait.until(ExpectedConditions.invisibilityOfElementLocated(banner));
        }
    }
}
