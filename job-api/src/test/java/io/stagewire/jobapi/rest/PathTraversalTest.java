package io.stagewire.jobapi.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.jobapi.support.LoggedFailures;
import io.stagewire.testing.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Path traversal in ids and static paths, in the spellings scanners try (percent-encoded dots and slashes, double
 * encoding, overlong UTF-8, backslashes, {@code ;} parameters). Sent byte for byte over a socket, since HTTP clients
 * normalise or refuse them. Every one gets 400 or 404 (a problem document on the API), no file of the server's
 * comes back, and nothing is logged with a stack trace. Ids are never file names (files live in Postgres), so this
 * guards the routing and the static file handler rather than a file system lookup.
 */
@Tag("attack")
@QuarkusTest
class PathTraversalTest {
    private static final List<String> SPELLINGS = List.of("%2e%2e", "%2E%2E", ".%2e", "%2e.", "..%2f..%2fetc%2fpasswd",
            "..%2F..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%5c..%5cetc%5cpasswd",
            "%252e%252e%252fetc%252fpasswd", "..%c0%af..%c0%afetc%c0%afpasswd", "%c0%ae%c0%ae%c0%af", "%e0%80%ae%e0%80%ae",
            "....%2f%2f....%2f%2fetc%2fpasswd", "..;", "..%3b", "..%00", "%2e%2e%3b%2fetc");
    private static final List<String> ID_ROUTES = List.of("/api/jobs/%s", "/api/jobs/%s/events", "/api/jobs/%s/labels.zip",
            "/api/jobs/%s/screenshots", "/api/files/%s", "/api/price-lists/%s", "/api/label-templates/%s");
    private static final List<String> STATIC_ROUTES = List.of("/%s/application.properties", "/static/%s/application.properties",
            "/static/%s%%2fapplication.properties", "/app/%s/%s/etc/passwd");
    /** What would show that a file of the server came back: its configuration, the system's password file. */
    private static final List<String> LEAKS = List.of("quarkus.", "stagewire.dashboard", "root:x:0:0", "[boot loader]");

    @TestHTTPResource("/")
    URI base;

    @Test
    void traversalInIdsIsNotFoundOrBadRequestWithAProblem() throws IOException {
        String token = Tokens.accessToken("bob");
        List<String> wrong = new ArrayList<>();
        try (LoggedFailures logged = LoggedFailures.capture()) {
            for (String route : ID_ROUTES) {
                for (String spelling : SPELLINGS) {
                    String path = route.formatted(spelling);
                    Answer answer = get(path, token);
                    if (!(answer.status == 400 || answer.status == 404) || !answer.head.contains(Problem.MEDIA_TYPE)
                            || leaks(answer)) {
                        wrong.add(path + " -> " + answer.status + " " + answer.contentType());
                    }
                }
            }
            assertThat(wrong).as("answers that are not a 400/404 problem, or leak a file").isEmpty();
            assertThat(logged.withStackTraces()).isEmpty();
        }
    }

    @Test
    void traversalOutOfTheDashboardsStaticFilesFindsNothing() throws IOException {
        List<String> wrong = new ArrayList<>();
        try (LoggedFailures logged = LoggedFailures.capture()) {
            for (String route : STATIC_ROUTES) {
                for (String spelling : SPELLINGS) {
                    String path = route.replace("%s", spelling).replace("%%", "%");
                    Answer answer = get(path, null);
                    if (!(answer.status == 400 || answer.status == 404) || leaks(answer)) {
                        wrong.add(path + " -> " + answer.status + " " + answer.contentType());
                    }
                }
            }
            assertThat(wrong).as("answers other than 400/404, or that leak a file").isEmpty();
            assertThat(logged.withStackTraces()).isEmpty();
        }
    }

    private static boolean leaks(Answer answer) {
        return LEAKS.stream().anyMatch(answer.body::contains);
    }

    private record Answer(int status, String head, String body) {
        String contentType() {
            return head.lines().filter(line -> line.toLowerCase().startsWith("content-type:")).findFirst().orElse("");
        }
    }

    /** One GET with the path exactly as given. */
    private Answer get(String path, String token) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String head = split < 0 ? all : all.substring(0, split);
            String body = split < 0 ? "" : all.substring(split + 4);
            String[] statusLine = head.split(" ", 3);
            return new Answer(statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1, head, body);
        }
    }
}
