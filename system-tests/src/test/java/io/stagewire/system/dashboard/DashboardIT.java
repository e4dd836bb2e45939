package io.stagewire.system.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.FilePayload;

import io.restassured.path.json.JsonPath;
import io.stagewire.system.DemoShop;
import io.stagewire.system.JobApi;
import io.stagewire.system.RunningStack;

/**
 * Issue 6's browser tests, and issue 15's review: the dashboard in Chromium against the running stack, signed in through Keycloak's login page.
 * Screenshots of the main pages land in target/dashboard/.
 */
@ExtendWith(RunningStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {
    private static final int PRODUCTS = 12;
    private static final double JOB_MINUTES = 4;
    private static final int REVIEW_PRODUCTS = 3;
    private static final String LAMP_PATH = "/products/led-desk-lamp-arc/";
    private static final String LISTED_AS = "LMP-20140";

    private static Browser browser;
    private static String bobsJob;

    @BeforeAll
    static void start() {
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private static LocatorAssertions.IsVisibleOptions within(double seconds) {
        return new LocatorAssertions.IsVisibleOptions().setTimeout(seconds * 1000);
    }

    /** Playwright's retrying assertion on a locator. */
    private static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }

    private static List<String> attributes(Locator items, String attribute) {
        List<String> values = new ArrayList<>();
        for (Locator item : items.all()) {
            values.add(item.getAttribute(attribute));
        }
        return values;
    }

    @Test
    @Order(1)
    void bobCreatesAJobAndWatchesItLiveThroughANetworkCutToTheEndWithEveryRowOnce() throws Exception {
        try (Browser.Tab bob = browser.login("bob", "bob")) {
            Page page = bob.page;
            List<String> urls = Collections.synchronizedList(new ArrayList<>());
            page.onRequest(r -> urls.add(r.url()));
            page.onWebSocket(ws -> urls.add(ws.url()));

            // A file that is not a workbook: job-api's problem shows next to the upload field.
            Path notAWorkbook = Files.createTempFile("not-a-workbook", ".xlsx");
            Files.writeString(notAWorkbook, "just text");
            page.locator("#f-file").setInputFiles(notAWorkbook);
            expect(page.locator("#err-file")).containsText("xlsx");

            // The demo shop's price list, a small crawl, and off it goes.
            page.locator("#f-file").setInputFiles(DemoShop.priceList());
            expect(page.locator("#upload-status")).containsText("Uploaded");
            expect(page.locator("#f-shopUrl")).hasValue(RunningStack.DEMO_SHOP);
            page.locator("#f-maxProducts").fill(String.valueOf(PRODUCTS));
            bob.screenshot("jobs-page");
            page.locator("#create-job").click();
            page.waitForURL(Pattern.compile(".*/jobs/[^/]+$"));
            bobsJob = page.url().substring(page.url().lastIndexOf('/') + 1);

            // Mid-crawl, cut the network: the badge says so, the socket goes, events go on without us.
            page.locator("#screenshots .shot").first().waitFor(new Locator.WaitForOptions().setTimeout(120_000));
            bob.context.setOffline(true);
            expect(page.locator("#connection[data-state=offline]")).isVisible();
            page.waitForTimeout(3000);
            bob.context.setOffline(false);
            expect(page.locator("#connection[data-state=live]")).isVisible(within(30));
            // Thumbnails that failed while offline load again now.
            // A locator, not waitForFunction: Playwright polls a function predicate with eval, which the page's CSP refuses.
            expect(page.locator("#screenshots img:not([src]), #labels img:not([src])"))
                    .hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(20_000));
            bob.screenshot("job-monitor-mid-job");
            // And once more from the page itself, as a dropped connection would.
            page.evaluate("window.stagewire.dropConnection()");
            expect(page.locator("#connection[data-state=live]")).isVisible(within(30));

            // The end: 100 %, completed, summary.
            expect(page.locator("#job-status [data-status=completed]")).isVisible(within(JOB_MINUTES * 60));
            expect(page.locator("#job-progress")).hasAttribute("aria-valuenow", "100");
            expect(page.locator("#summary")).isVisible();
            page.locator("#labels .label-card img[src^='blob:']").first().waitFor();
            bob.screenshot("job-monitor-completed");

            // Every screenshot, OCR row and label exactly once: as many as job-api holds, none twice.
            JobApi api = JobApi.as("bob");
            int screenshots = api.items(bobsJob, "screenshots").getList("$").size();
            int ocrResults = api.items(bobsJob, "ocr-results").getList("$").size();
            int labels = api.items(bobsJob, "labels").getList("$").size();
            assertThat(screenshots).isEqualTo(PRODUCTS);
            assertThat(labels).isPositive();
            List<String> shotIds = attributes(page.locator("#screenshots .shot"), "data-screenshot-id");
            List<String> ocrIds = attributes(page.locator("#ocr-results tbody tr"), "data-screenshot-id");
            List<String> labelKeys = attributes(page.locator("#labels .label-card"), "data-label-key");
            assertThat(shotIds).hasSize(screenshots).doesNotHaveDuplicates();
            assertThat(ocrIds).hasSize(ocrResults).doesNotHaveDuplicates();
            assertThat(labelKeys).hasSize(labels).doesNotHaveDuplicates();
            expect(page.locator("#screenshots-count")).hasText(String.valueOf(screenshots));

            // A screenshot enlarges, and closes with Escape.
            page.locator("#screenshots .shot").first().click();
            expect(page.locator("#viewer img[src^='blob:']")).isVisible();
            page.keyboard().press("Escape");
            expect(page.locator("#viewer")).hasCount(0);

            // A label's PDF and the zip of all of them download.
            Download pdf = page.waitForDownload(() -> page.locator("#labels .pdf-download").first().click());
            assertThat(new String(Files.readAllBytes(pdf.path()), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
            Download zip = page.waitForDownload(() -> page.locator("#download-all").click());
            assertThat(new String(Files.readAllBytes(zip.path()), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");

            // The jobs page lists it, completed, live.
            page.locator("nav.main-nav a[data-nav=jobs]").click();
            expect(page.locator("#jobs tr[data-job-id='" + bobsJob + "'][data-status=completed]")).isVisible();

            assertThat(urls).as("no token in any URL").noneMatch(u -> u.contains("eyJ") || u.contains("access_token"));
            assertThat(bob.unexpectedErrors(415)).as("console errors").isEmpty();
        }
    }

    @Test
    @Order(2)
    void aliceAsAdminSeesBobsJobWithItsOwner() {
        String jobId = bobsJob != null ? bobsJob : JobApi.as("bob").createDemoShopJob(null, 1);
        String bobSub = JobApi.as("bob").sub();
        try (Browser.Tab alice = browser.login("alice", "alice")) {
            Locator row = alice.page.locator("#jobs tr[data-job-id='" + jobId + "']");
            expect(row).isVisible();
            expect(row.locator(".owner")).hasAttribute("title", bobSub);
            alice.screenshot("jobs-page-admin");
            row.locator("a.job-link").click();
            expect(alice.page.locator("#job-owner")).hasAttribute("title", bobSub);
            assertThat(alice.unexpectedErrors()).isEmpty();
        }
    }

    @Test
    @Order(3)
    void bobCannotOpenAlicesJob() {
        JobApi alice = JobApi.as("alice");
        String alicesJob = alice.createDemoShopJob(null, 1);
        given().baseUri(RunningStack.JOB_API).auth().oauth2(alice.token()).post("/api/jobs/" + alicesJob + "/cancel");
        try (Browser.Tab bob = browser.login("bob", "bob")) {
            bob.page.navigate(Browser.DASHBOARD + "jobs/" + alicesJob);
            expect(bob.page.locator("#not-found")).isVisible();
            expect(bob.page.locator("#jobs tr[data-job-id='" + alicesJob + "']")).hasCount(0);
            bob.page.navigate(Browser.DASHBOARD);
            expect(bob.page.locator("#jobs")).isVisible();
            expect(bob.page.locator("#jobs tr[data-job-id='" + alicesJob + "']")).hasCount(0);
        }
    }

    @Test
    @Order(4)
    void droppedImagesAreReadLive() {
        try (Browser.Tab bob = browser.login("bob", "bob")) {
            Page page = bob.page;
            // A product page of the demo shop, as a photo of it would be.
            Page shop = bob.context.newPage();
            shop.navigate(RunningStack.DEMO_SHOP.replaceAll("/$", "") + DemoShop.productsByPath().keySet().iterator().next());
            byte[] png = shop.screenshot();
            shop.close();

            page.locator("nav.main-nav a[data-nav=images]").click();
            page.locator("#image-input").setInputFiles(new FilePayload("product.png", "image/png", png));
            Locator card = page.locator(".extraction-card[data-status]");
            expect(card).isVisible(within(120));
            expect(card).hasAttribute("data-status", "completed");
            bob.screenshot("images-page");

            // Not an image: the problem shows on the page.
            page.locator("#image-input").setInputFiles(new FilePayload("notes.png", "image/png", "text".getBytes(StandardCharsets.UTF_8)));
            expect(page.locator("#image-error")).containsText("notes.png");
            assertThat(bob.unexpectedErrors(415)).as("console errors").isEmpty();
        }
    }

    @Test
    @Order(5)
    void atAPhoneWidthNothingScrollsSideways() {
        try (Browser.Tab bob = browser.login("bob", "bob", 390, 844)) {
            expect(bob.page.locator("#jobs")).isVisible();
            assertThat((Boolean) bob.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
            bob.screenshot("jobs-page-phone");
            if (bobsJob != null) {
                bob.page.navigate(Browser.DASHBOARD + "jobs/" + bobsJob);
                expect(bob.page.locator("#summary")).isVisible();
                assertThat((Boolean) bob.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
                bob.screenshot("job-monitor-phone");
            }
            assertThat(bob.unexpectedErrors()).isEmpty();
        }
    }

    /** The demo shop's products at their shop prices, the desk lamp under the supplier's own number. */
    private static byte[] priceListWithTheLampRenumbered() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Preise");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Art.-Nr.");
            header.createCell(1).setCellValue("Bezeichnung");
            header.createCell(2).setCellValue("Preis");
            int r = 1;
            for (DemoShop.Product product : DemoShop.productsByPath().values()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(product.path().equals(LAMP_PATH) ? LISTED_AS : product.article());
                row.createCell(1).setCellValue(product.name());
                row.createCell(2).setCellValue(product.price().doubleValue());
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /**
     * Issue 15, item 5: a price list that lists the desk lamp under another article number than the shop shows, so its
     * item matches no row and lands in the job's review. Bob chooses the row; the label is made again and both Bob and
     * Alice (an admin watching the same job) see it arrive live, matched "manual".
     */
    @Test
    @Order(6)
    void bobChoosesThePriceListRowAndEveryViewerSeesTheLabelArriveLive() throws Exception {
        JobApi bobsApi = JobApi.as("bob");
        String priceList = bobsApi.uploadPriceList("renumbered.xlsx", priceListWithTheLampRenumbered());
        String job = bobsApi.createDemoShopJob(priceList, REVIEW_PRODUCTS);

        try (Browser.Tab bob = browser.login("bob", "bob"); Browser.Tab alice = browser.login("alice", "alice")) {
            Page page = bob.page;
            page.navigate(Browser.DASHBOARD + "jobs/" + job);
            alice.page.navigate(Browser.DASHBOARD + "jobs/" + job);
            expect(page.locator("#job-status [data-status=completed]")).isVisible(
                    new LocatorAssertions.IsVisibleOptions().setTimeout(240_000));

            // The lamp, and only the lamp, is for review: no row for the number the shop shows.
            String lamp = lampScreenshotId(bobsApi, job);
            Locator item = page.locator("#review-items li.review-item");
            expect(item).hasCount(1);
            expect(item).hasAttribute("data-screenshot-id", lamp);
            expect(item.locator("[data-need=unmatched]")).isVisible();
            expect(item.locator(".review-reason")).containsText("ART-20140");
            expect(alice.page.locator("#review-items li[data-screenshot-id='" + lamp + "']")).isVisible();
            bob.screenshot("job-review");

            // A number the list does not have is refused next to the form; nothing is sent.
            item.locator("input[name=articleNumber]").fill("NOPE-1");
            item.locator("button[type=submit]").click();
            expect(item.locator(".review-error")).containsText("no row with article number 'NOPE-1'");

            // The row's number, typed as people type: the label is made again, matched by hand.
            item.locator("input[name=articleNumber]").fill(" lmp-20140 ");
            item.locator("button[type=submit]").click();
            for (Page viewer : List.of(page, alice.page)) {
                Locator row = viewer.locator("#ocr-results tr[data-screenshot-id='" + lamp + "']");
                expect(row).containsText("matched (manual)", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
                expect(viewer.locator("#labels .label-card[data-screenshot-id='" + lamp + "'] img[src^='blob:']")).isVisible(
                        new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
                expect(viewer.locator("#labels .label-card[data-screenshot-id='" + lamp + "'] figcaption")).containsText(LISTED_AS);
                expect(viewer.locator("#review-items li.review-item")).hasCount(0);
                expect(viewer.locator("#review-empty")).isVisible();
                expect(viewer.locator("#job-status [data-status=completed]")).isVisible(
                        new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
            }
            bob.screenshot("job-review-done");

            JsonPath ocr = bobsApi.items(job, "ocr-results");
            assertThat(ocr.getString("find { it.screenshotId == '" + lamp + "' }.match.matchedBy")).isEqualTo("manual");
            assertThat(ocr.getString("find { it.screenshotId == '" + lamp + "' }.match.articleNumber")).isEqualTo(LISTED_AS);
            assertThat(bobsApi.job(job).getInt("counters.labelsGenerated")).isEqualTo(REVIEW_PRODUCTS);
            assertThat(bob.unexpectedErrors(400)).as("console errors").isEmpty();
            assertThat(alice.unexpectedErrors()).as("console errors").isEmpty();
        }
    }

    private static String lampScreenshotId(JobApi api, String job) {
        List<String> ids = api.items(job, "screenshots").getList("findAll { it.productUrl.endsWith('" + LAMP_PATH + "') }.id");
        assertThat(ids).as("the crawl took the desk lamp among its first %d products", REVIEW_PRODUCTS).hasSize(1);
        return ids.get(0);
    }
}
