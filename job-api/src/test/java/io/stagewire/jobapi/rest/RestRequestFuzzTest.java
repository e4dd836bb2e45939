package io.stagewire.jobapi.rest;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.stagewire.jobapi.support.Api;
import io.stagewire.jobapi.support.InMemoryJobEvents;
import io.stagewire.jobapi.support.LoggedFailures;
import io.stagewire.testing.Tokens;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated REST requests (jqwik's generators, sampled: new requests every run) against every endpoint a
 * user can call: JSON bodies built from the requests' own fields with values of every type and size, bodies that are
 * no JSON, nested thousands deep or truncated, every content type, ids and query parameters of any text, multipart
 * uploads of random bytes and broken zips. Every answer is a documented one (docs/api.md), every error a problem
 * document naming its status and a reason, nothing is logged with a stack trace, and afterwards job-api serves as
 * before and nobody got anything of another user. On the in-memory bus: what a job's creation sends stays here.
 */
@Tag("attack")
@QuarkusTest
@TestProfile(InMemoryJobEvents.Profile.class)
class RestRequestFuzzTest {
    /** More with -Dfuzz.requests=N (surefire passes system properties through). */
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 2000);
    /** docs/api.md: the statuses job-api answers; 500 is not among them. */
    private static final Set<Integer> DOCUMENTED = Set.of(200, 201, 202, 400, 401, 404, 409, 411, 413, 415, 422);
    /** Vert.x's limit on the request line (quarkus.http.limits.max-initial-line-length, default 4096). */
    private static final int MAX_REQUEST_LINE = 4096;
    private static final int URI_TOO_LONG = 414;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @TestHTTPResource("/")
    URI root;

    /** One generated request. */
    record Request(String method, String path, String contentType, byte[] body, String authorization) {
        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return method + " " + path + " [" + contentType + "] " + shown + " as " + (authorization == null ? "nobody"
                    : authorization.length() > 30 ? authorization.substring(0, 30) + "..." : authorization);
        }
    }

    @Test
    void generatedRequestsGetDocumentedAnswersAndJobApiKeepsServing() throws Exception {
        String bob = "Bearer " + Tokens.accessToken("bob");
        String[] parts = Tokens.accessToken("bob").split("\\.");
        // Mostly bob; now and then nobody, a tampered signature, a token that is no JWT, another scheme.
        Arbitrary<String> callers = Arbitraries.frequency(net.jqwik.api.Tuple.of(16, bob),
                net.jqwik.api.Tuple.of(1, "Bearer " + parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse()),
                net.jqwik.api.Tuple.of(1, "Bearer e30.e30."), net.jqwik.api.Tuple.of(1, "Basic Ym9iOmJvYg=="), net.jqwik.api.Tuple.of(1, ""));
        List<Request> requests = Combinators.combine(requests(), callers)
                .as((r, caller) -> new Request(r.method(), r.path(), r.contentType(), r.body(), caller.isEmpty() ? null : caller))
                .sampleStream().limit(REQUESTS).toList();
        HttpClient http = newClient();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();

        String previous = null;
        try (LoggedFailures logged = LoggedFailures.capture()) {
            for (Request request : requests) {
                HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body());
                HttpRequest.Builder builder = HttpRequest.newBuilder(root.resolve(request.path())).timeout(Duration.ofSeconds(20))
                        .method(request.method(), body);
                if (request.authorization() != null) {
                    builder.header("Authorization", request.authorization());
                }
                if (request.contentType() != null) {
                    builder.header("Content-Type", request.contentType());
                }
                HttpResponse<String> response;
                try {
                    response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException e) {
                    throw new AssertionError("no answer to " + request + " after " + previous, e);
                }
                int status = response.statusCode();
                previous = request + " -> " + status;
                statuses.merge(status, 1, Integer::sum);
                if (status == URI_TOO_LONG) {
                    // The HTTP server's own answer, before job-api sees the request (docs/api.md): only past its limit.
                    assertThat(request.method().length() + request.path().length() + " HTTP/1.1".length() + 1)
                            .as("%s answered 414", request).isGreaterThan(MAX_REQUEST_LINE);
                    // Vert.x closes the connection after it without 'Connection: close' (docs/api.md): a new one.
                    http = newClient();
                    continue;
                }
                assertThat(status).as("%s answered %s: %s", request, status, response.body()).isIn(DOCUMENTED);
                if (status >= 400) {
                    assertThat(response.headers().firstValue("Content-Type")).as("%s", request).hasValue(Problem.MEDIA_TYPE);
                    JsonNode problem = io.stagewire.events.StageEventJson.mapper().readTree(response.body());
                    assertThat(problem.path("status").asInt()).as("%s: %s", request, response.body()).isEqualTo(status);
                    assertThat(problem.path("detail").asText()).as("%s: %s", request, response.body()).isNotBlank();
                }
            }
            assertThat(logged.withStackTraces()).as("logged with a stack trace").isEmpty();
        }
        System.out.printf("RestRequestFuzzTest: %d requests in %d ms, statuses %s%n", REQUESTS,
                (System.nanoTime() - started) / 1_000_000, statuses);

        // Every kind of answer came up: the generators reach the validation, the parsers and the happy path.
        assertThat(statuses.keySet()).contains(200, 202, 400, 401, 404, 413, 415);
        // job-api serves as before, and what bob created is bob's alone.
        String id = Api.createJob("bob", 1);
        assertThat(Api.job("bob", id).getString("status")).isEqualTo("pending");
        Api.as("carol").get("/api/jobs/" + id).then().statusCode(404);
        assertThat(Api.as("carol").get("/api/jobs?size=100").then().statusCode(200).extract().jsonPath()
                .getList("items.userId", String.class)).doesNotContain(Api.sub("bob"));
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static Arbitrary<Request> requests() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, jsonPost("/api/jobs", jobBody())),
                net.jqwik.api.Tuple.of(3, jsonPost("/api/label-templates", templateBody())),
                net.jqwik.api.Tuple.of(2, jsonPost("/api/jobs", rawBody())),
                net.jqwik.api.Tuple.of(1, jsonPost("/api/jobs", nearTheLimit())),
                net.jqwik.api.Tuple.of(4, reads()),
                net.jqwik.api.Tuple.of(1, commands()),
                net.jqwik.api.Tuple.of(2, uploads()));
    }

    // --- JSON bodies

    private static Arbitrary<Request> jsonPost(String path, Arbitrary<byte[]> bodies) {
        Arbitrary<String> contentTypes = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(8, "application/json"),
                net.jqwik.api.Tuple.of(1, "application/json; charset=ISO-8859-1"),
                net.jqwik.api.Tuple.of(1, "text/plain"),
                net.jqwik.api.Tuple.of(1, "application/xml"),
                net.jqwik.api.Tuple.of(1, "multipart/form-data"),
                net.jqwik.api.Tuple.of(1, "application/x-www-form-urlencoded"));
        return Combinators.combine(contentTypes, bodies).as((type, body) -> new Request("POST", path, type, body, null));
    }

    private static Arbitrary<byte[]> jobBody() {
        Arbitrary<JsonNode> shopUrl = Arbitraries.oneOf(plausible("https://shop.example/", "http://127.0.0.1:8070/",
                "http://169.254.169.254/latest/meta-data/", "file:///etc/passwd", "javascript:alert(1)", "https://user:pw@shop.example/",
                "http://[::ffff:127.0.0.1]/", "http://0x7f000001/", "https://shop.example/\u0000", ""), value(2));
        Arbitrary<JsonNode> templateId = Arbitraries.oneOf(plausible("default", "../../etc/passwd", "x".repeat(200)), value(2));
        Arbitrary<JsonNode> crawlerConfig = Arbitraries.oneOf(object(Map.of(
                "maxProducts", Arbitraries.oneOf(numbers(), value(1)),
                "maxPages", Arbitraries.oneOf(numbers(), value(1)),
                "productLinkSelector", Arbitraries.oneOf(plausible("a.product-link", "a[href*='/p/']", "<<<", ":has("), value(1)),
                "nextPageSelector", value(1),
                "productAreaSelector", value(1))), value(2));
        return object(Map.of("shopUrl", shopUrl, "templateId", templateId, "priceListId", value(1),
                "crawlerConfig", crawlerConfig, "extra", value(3))).map(RestRequestFuzzTest::bytes);
    }

    private static Arbitrary<byte[]> templateBody() {
        return object(Map.of("name", Arbitraries.oneOf(plausible("Shelf 58x40", " ", "n".repeat(300)), value(1)),
                "widthMm", Arbitraries.oneOf(numbers(), value(1)),
                "heightMm", Arbitraries.oneOf(numbers(), value(1)),
                "barcodeFormat", Arbitraries.oneOf(plausible("AUTO", "EAN_13", "CODE_128", "NONE", "QR", "auto"), value(1)),
                "currency", Arbitraries.oneOf(plausible("EUR", "USD", "eur", "EURO", "€"), value(1)),
                "fontSizePt", Arbitraries.oneOf(numbers(), value(1)))).map(RestRequestFuzzTest::bytes);
    }

    /** Bodies that are not one JSON object: other JSON, text, broken or nested thousands deep. */
    private static Arbitrary<byte[]> rawBody() {
        Arbitrary<String> text = Arbitraries.oneOf(
                texts(),
                value(3).map(JsonNode::toString),
                Arbitraries.integers().between(1, 5000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.integers().between(1, 3000).map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)),
                Arbitraries.integers().between(1, 3000).map(depth -> "{\"shopUrl\":".repeat(depth)),
                jobBody().map(b -> new String(b, StandardCharsets.UTF_8)).flatMap(json -> Arbitraries.integers()
                        .between(0, Math.max(0, json.length() - 1)).map(cut -> json.substring(0, cut))),
                Arbitraries.just("{\"shopUrl\":\"https://shop.example/\",\"shopUrl\":\"https://evil.example/\",\"templateId\":\"default\"}"));
        return Arbitraries.oneOf(text.map(t -> t.getBytes(StandardCharsets.UTF_8)), Arbitraries.bytes().array(byte[].class).ofMaxSize(2000));
    }

    /** A job body just under or over the 64 KiB limit on JSON bodies. */
    private static Arbitrary<byte[]> nearTheLimit() {
        return Combinators.combine(jobBody(), Arbitraries.integers().between(64 * 1024 - 300, 64 * 1024 + 300))
                .as((body, size) -> {
                    String json = new String(body, StandardCharsets.UTF_8);
                    String pad = "\"pad\":\"" + "x".repeat(Math.max(0, size - json.length() - 9)) + "\"";
                    String padded = json.length() <= 2 ? "{" + pad + "}" : "{" + pad + "," + json.substring(1);
                    return padded.getBytes(StandardCharsets.UTF_8);
                });
    }

    // --- reads and commands with generated ids and parameters

    private static Arbitrary<Request> reads() {
        Arbitrary<String> path = Arbitraries.oneOf(
                segment().map(id -> "/api/jobs/" + id),
                Combinators.combine(segment(), Arbitraries.of("events", "screenshots", "ocr-results", "labels", "labels.zip"))
                        .as((id, what) -> "/api/jobs/" + id + "/" + what),
                Combinators.combine(segment(), parameter(), parameter())
                        .as((id, after, limit) -> "/api/jobs/" + id + "/events?after=" + after + "&limit=" + limit),
                Combinators.combine(parameter(), parameter(), parameter(), parameter())
                        .as((status, user, page, size) -> "/api/jobs?status=" + status + "&userId=" + user + "&page=" + page + "&size=" + size),
                segment().map(id -> "/api/files/" + id),
                segment().map(id -> "/api/price-lists/" + id),
                segment().map(id -> "/api/label-templates/" + id),
                Arbitraries.of("/api/jobs", "/api/price-lists", "/api/label-templates", "/api/me"));
        return path.map(p -> new Request("GET", p, null, null, null));
    }

    private static Arbitrary<Request> commands() {
        return Combinators.combine(segment(), Arbitraries.of("cancel", "retry"))
                .as((id, what) -> new Request("POST", "/api/jobs/" + id + "/" + what, null, null, null));
    }

    /** A path segment: any text, percent-encoded (so NUL, slashes and dots arrive as such), or a hostile classic. */
    private static Arbitrary<String> segment() {
        return Arbitraries.oneOf(texts().filter(t -> !t.isEmpty()).map(RestRequestFuzzTest::encode),
                Arbitraries.of("%00", "..", "%2e%2e", "..%2F..%2Fetc%2Fpasswd", "%2F", "default", "a%00b", "x".repeat(2000),
                        "00000000-0000-0000-0000-000000000000", "acme%3A1"));
    }

    private static Arbitrary<String> parameter() {
        return Arbitraries.oneOf(texts().map(RestRequestFuzzTest::encode), Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("0-0", "7-1042", "-1", "2147483648", "99999999999999999999", "active", "completed", "%00"));
    }

    // --- uploads

    private static Arbitrary<Request> uploads() {
        Arbitrary<byte[]> file = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(4000),
                // a zip's local header and then anything: an .xlsx that is no workbook
                Arbitraries.bytes().array(byte[].class).ofMaxSize(2000).map(rest -> concat(new byte[]{'P', 'K', 3, 4}, rest)),
                // a PNG or JPEG signature and then anything: an image that does not decode
                Arbitraries.bytes().array(byte[].class).ofMaxSize(2000).map(rest -> concat(new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, rest)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(2000).map(rest -> concat(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, rest)));
        Arbitrary<String> fileName = Arbitraries.oneOf(Arbitraries.of("list.xlsx", "image.png", "photo.jpg", "../../x.xlsx", "a\u0000.xlsx", ""),
                texts());
        Arbitrary<String> partName = Arbitraries.of("file", "files", "images", "name", "x");
        return Combinators.combine(Arbitraries.of("/api/price-lists", "/api/extractions"), partName, fileName, file, texts())
                .as((path, part, name, content, text) -> {
                    String boundary = "fuzz" + Long.toHexString(Double.doubleToLongBits(Math.random()));
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                            + name.replace("\"", "").replace("\r", "").replace("\n", "") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
                    out.writeBytes(content);
                    out.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + text
                            + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
                    return new Request("POST", path, "multipart/form-data; boundary=" + boundary, out.toByteArray(), null);
                });
    }

    // --- values

    /** Any text: every code point class, control characters and NUL included, now and then long. */
    private static Arbitrary<String> texts() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.strings().all().ofMaxLength(40)),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().ascii().ofMaxLength(40)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(500).ofMaxLength(20_000)));
    }

    private static Arbitrary<JsonNode> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-5, 600).map(JSON::numberNode),
                Arbitraries.longs().map(JSON::numberNode),
                Arbitraries.doubles().map(JSON::numberNode),
                Arbitraries.of(new BigInteger("9".repeat(40)), BigInteger.TWO.pow(31), BigInteger.TWO.pow(63)).map(JSON::numberNode));
    }

    private static Arbitrary<JsonNode> plausible(String... values) {
        return Arbitraries.of(values).map(JSON::textNode);
    }

    /** Any JSON value, nested up to {@code depth}. */
    private static Arbitrary<JsonNode> value(int depth) {
        List<Arbitrary<? extends JsonNode>> leaves = List.of(texts().map(JSON::textNode), numbers(),
                Arbitraries.of(JSON.booleanNode(true), JSON.booleanNode(false), JSON.nullNode()));
        if (depth == 0) {
            return Arbitraries.oneOf(leaves);
        }
        Arbitrary<JsonNode> nested = Arbitraries.lazy(() -> value(depth - 1));
        Arbitrary<JsonNode> array = nested.list().ofMaxSize(4).map(items -> {
            var node = JSON.arrayNode();
            items.forEach(node::add);
            return node;
        });
        Arbitrary<JsonNode> object = Arbitraries.maps(Arbitraries.strings().ascii().ofMaxLength(12), nested).ofMaxSize(4).map(fields -> {
            ObjectNode node = JSON.objectNode();
            fields.forEach(node::set);
            return node;
        });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.oneOf(leaves)), net.jqwik.api.Tuple.of(1, array),
                net.jqwik.api.Tuple.of(1, object));
    }

    /** An object with a random subset of {@code fields}, each with its generated value. */
    private static Arbitrary<JsonNode> object(Map<String, Arbitrary<JsonNode>> fields) {
        List<String> names = List.copyOf(new TreeMap<>(fields).keySet());
        return Arbitraries.subsetOf(names).flatMap(present -> {
            List<String> chosen = names.stream().filter(present::contains).toList();
            if (chosen.isEmpty()) {
                return Arbitraries.just(JSON.objectNode());
            }
            List<Arbitrary<JsonNode>> values = chosen.stream().map(fields::get).toList();
            return Combinators.combine(values).as(generated -> {
                ObjectNode node = JSON.objectNode();
                for (int i = 0; i < chosen.size(); i++) {
                    node.set(chosen.get(i), generated.get(i));
                }
                return (JsonNode) node;
            });
        });
    }

    private static byte[] bytes(JsonNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
