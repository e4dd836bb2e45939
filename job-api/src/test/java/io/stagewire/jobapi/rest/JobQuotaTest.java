package io.stagewire.jobapi.rest;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.stagewire.jobapi.support.Api;
import io.stagewire.jobapi.support.InMemoryJobEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One user's share of the pipeline: at most 3 unfinished jobs and 5 created per minute here (the defaults are 100 and
 * 60). Past either bound creating a job answers 429 with a problem document and Retry-After; other users are not
 * affected; concurrent requests of one user are counted one after the other, so the bound is exact.
 */
@Tag("attack")
@QuarkusTest
@TestProfile(JobQuotaTest.LowQuota.class)
class JobQuotaTest {

    public static class LowQuota extends InMemoryJobEvents.Profile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stagewire.jobs.max-unfinished-per-user", "3", "stagewire.jobs.max-created-per-minute", "5");
        }
    }

    private static int create(String user) {
        return Api.as(user).contentType(ContentType.JSON)
                .body(Map.of("shopUrl", "https://shop.example/", "templateId", "default", "crawlerConfig", Map.of("maxProducts", 1)))
                .post("/api/jobs").then().extract().statusCode();
    }

    private static void cancel(String user, String id) {
        Api.as(user).post("/api/jobs/" + id + "/cancel").then().statusCode(202);
    }

    @Test
    void unfinishedJobsAndJobsPerMinuteAreBoundedPerUser() throws Exception {
        List<String> alices = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            alices.add(Api.createJob("alice", 1));
        }
        Api.as("alice").contentType(ContentType.JSON)
                .body(Map.of("shopUrl", "https://shop.example/", "templateId", "default"))
                .post("/api/jobs").then().statusCode(429)
                .contentType(containsString("application/problem+json"))
                .header("Retry-After", "30")
                .body("type", endsWith("/too-many-jobs"))
                .body("status", org.hamcrest.Matchers.is(429))
                .body("detail", containsString("3 unfinished jobs"));

        // Nobody else waits for alice's bound: ten requests of carol's at once, of which exactly three may pass.
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> create("carol")));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).as("carol's concurrent creations").containsOnly(202, 429).filteredOn(s -> s == 202).hasSize(3);
        } finally {
            pool.shutdownNow();
        }

        // A finished (here: cancelled) job frees its place, until the per-minute bound: alice has created 3, may create 2 more.
        cancel("alice", alices.get(0));
        assertThat(create("alice")).isEqualTo(202);
        cancel("alice", alices.get(1));
        assertThat(create("alice")).isEqualTo(202);
        cancel("alice", alices.get(2));
        Api.as("alice").contentType(ContentType.JSON)
                .body(Map.of("shopUrl", "https://shop.example/", "templateId", "default"))
                .post("/api/jobs").then().statusCode(429)
                .header("Retry-After", "60")
                .body("detail", containsString("5 jobs within the last minute"));
    }
}
