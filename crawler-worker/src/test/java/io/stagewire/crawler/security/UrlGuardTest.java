package io.stagewire.crawler.security;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("attack")
class UrlGuardTest {

    // Plays DNS for names; literals resolve as the system would (without any lookup).
    private static final Map<String, List<String>> DNS = Map.of(
            "shop.example", List.of("93.184.215.14"),
            "intranet.example", List.of("10.0.0.5"),
            "metadata.example", List.of("169.254.169.254"),
            "v6-only.example", List.of("2606:4700::6810:84e5"),
            "ula.example", List.of("fd12:3456:789a::1"),
            "split.example", List.of("93.184.215.14", "192.168.1.20"));

    private static final HostResolver FAKE_DNS = host -> {
        List<String> addresses = DNS.get(host);
        if (addresses != null) {
            InetAddress[] resolved = new InetAddress[addresses.size()];
            for (int i = 0; i < resolved.length; i++) {
                resolved[i] = InetAddress.getByName(addresses.get(i));
            }
            return resolved;
        }
        if (host.equals("localhost") || Character.isDigit(host.charAt(0)) || host.contains(":")) {
            return InetAddress.getAllByName(host);
        }
        throw new UnknownHostException(host);
    };

    private final UrlGuard guard = new UrlGuard(List.of("localhost:8070", "127.0.0.1:8070", "[::1]:8443"), FAKE_DNS);

    @Test
    void allowsPublicHosts() {
        assertThat(guard.check("https://shop.example/products/1?x=2").isAllowed()).isTrue();
        assertThat(guard.check("http://93.184.215.14:8080/").isAllowed()).isTrue();
        assertThat(guard.check("http://[2606:4700::6810:84e5]/").isAllowed()).isTrue();
        assertThat(guard.check("https://v6-only.example/").addresses())
                .extracting(InetAddress::getHostAddress)
                .containsExactly("2606:4700:0:0:0:0:6810:84e5");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://127.0.0.1/                  | host 127.0.0.1 resolves to a loopback address
            http://127.8.9.10:8070/            | host 127.8.9.10 resolves to a loopback address
            http://10.0.0.5/                   | host 10.0.0.5 resolves to a private address
            http://172.16.0.1/                 | host 172.16.0.1 resolves to a private address
            http://172.31.255.254/             | host 172.31.255.254 resolves to a private address
            http://192.168.1.1/                | host 192.168.1.1 resolves to a private address
            http://169.254.169.254/latest/     | host 169.254.169.254 resolves to a link-local address
            http://100.64.0.1/                 | host 100.64.0.1 resolves to a carrier-grade NAT address
            http://100.127.255.254/            | host 100.127.255.254 resolves to a carrier-grade NAT address
            http://0.0.0.0/                    | host 0.0.0.0 resolves to an unspecified address
            http://224.0.0.251/                | host 224.0.0.251 resolves to a multicast address
            http://255.255.255.255/            | host 255.255.255.255 resolves to a broadcast address
            http://240.0.0.1/                  | host 240.0.0.1 resolves to a reserved address
            http://[::1]/                      | host [::1] resolves to a loopback address
            http://[::]/                       | host [::] resolves to an unspecified address
            http://[fd12:3456:789a::1]/        | host [fd12:3456:789a::1] resolves to a private address
            http://[fc00::1]/                  | host [fc00::1] resolves to a private address
            http://[fe80::1]/                  | host [fe80::1] resolves to a link-local address
            http://[ff02::1]/                  | host [ff02::1] resolves to a multicast address
            http://[::ffff:10.0.0.5]/          | host [::ffff:10.0.0.5] resolves to a private address
            http://[64:ff9b::a9fe:a9fe]/       | host [64:ff9b::a9fe:a9fe] resolves to a link-local address
            http://[2002:7f00:1::]/            | host [2002:7f00:1::] resolves to a loopback address
            http://localhost/                  | host localhost resolves to a loopback address (127.0.0.1)
            http://intranet.example/           | host intranet.example resolves to a private address (10.0.0.5)
            http://metadata.example/           | host metadata.example resolves to a link-local address (169.254.169.254)
            http://ula.example/                | host ula.example resolves to a private address (fd12:3456:789a:0:0:0:0:1)
            http://split.example/              | host split.example resolves to a private address (192.168.1.20)
            """)
    void refusesNonPublicAddressesWithTheReason(String url, String reason) {
        GuardVerdict verdict = guard.check(url);

        assertThat(verdict.isAllowed()).isFalse();
        assertThat(verdict.refusal()).isEqualTo(reason);
        assertThat(verdict.addresses()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://127.1/", "http://2130706433/", "http://0x7f000001/", "http://0177.0.0.1/",
        "http://127.000.000.001/", "http://10.0.0.5./", "http://localhost./", "http://LOCALHOST/", "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:a9fe:a9fe]/", "http://[fd00:ec2::254]/", "http://169.254.169.254./", "http://[::1]/", "http://0/"})
    void refusesNumericHostsInFormsBrowsersAndJavaReadDifferently(String url) {
        assertThat(guard.check(url).isAllowed()).isFalse();
    }

    @Test
    void namesEndingInHexLettersAreNamesNotNumbers() {
        assertThat(guard.check("http://cafe.be/").refusal()).isEqualTo("host cafe.be does not resolve");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            file:///etc/passwd                   | scheme file is not allowed (only http and https)
            ftp://shop.example/                  | scheme ftp is not allowed (only http and https)
            javascript:alert(1)                  | scheme javascript is not allowed (only http and https)
            gopher://shop.example:70/            | scheme gopher is not allowed (only http and https)
            //shop.example/                      | URL has no scheme (only http and https are allowed)
            http://user:secret@shop.example/     | URL carries user info (credentials), which is not allowed
            http://shop.example@10.0.0.5/        | URL carries user info (credentials), which is not allowed
            http:///path                         | URL has no valid host
            http://unknown.example/              | host unknown.example does not resolve
            http://exa mple/                     | not a valid URL (Illegal character in authority)
            """)
    void refusesWhatIsNotAPlainWebUrl(String url, String reason) {
        assertThat(guard.check(url).refusal()).isEqualTo(reason);
    }

    @Test
    void allowListPermitsExactlyItsHostAndPort() {
        assertThat(guard.check("http://localhost:8070/page/2/").isAllowed()).isTrue();
        assertThat(guard.check("http://LOCALHOST:8070/").isAllowed()).isTrue();
        assertThat(guard.check("http://127.0.0.1:8070/").isAllowed()).isTrue();
        assertThat(guard.check("https://[0:0:0:0:0:0:0:1]:8443/").isAllowed()).isTrue();

        assertThat(guard.check("http://localhost:8071/").refusal())
                .isEqualTo("host localhost resolves to a loopback address (127.0.0.1)");
        assertThat(guard.check("http://localhost/").isAllowed()).isFalse();
        assertThat(guard.check("http://127.0.0.2:8070/").isAllowed()).isFalse();
        // The allow-list lifts the address rule only: credentials and schemes stay refused.
        assertThat(guard.check("http://admin:pw@localhost:8070/").isAllowed()).isFalse();
    }

    @Test
    void checksEndpointsOfProxyTunnels() {
        assertThat(guard.checkEndpoint("shop.example", 443).isAllowed()).isTrue();
        assertThat(guard.checkEndpoint("[::1]", 8443).isAllowed()).isTrue();
        assertThat(guard.checkEndpoint("::1", 443).refusal()).isEqualTo("host ::1 resolves to a loopback address");
        assertThat(guard.checkEndpoint("intranet.example", 443).refusal())
                .isEqualTo("host intranet.example resolves to a private address (10.0.0.5)");
    }

    @Test
    void requireAllowedThrowsTheReason() {
        assertThatThrownBy(() -> guard.requireAllowed(URI.create("http://169.254.169.254/latest/meta-data/")))
                .isInstanceOf(RefusedUrlException.class)
                .hasMessage("refused http://169.254.169.254/latest/meta-data/: "
                        + "host 169.254.169.254 resolves to a link-local address");
    }

    @Test
    void rejectsAllowListEntriesWithoutPort() {
        assertThatThrownBy(() -> new UrlGuard(List.of("localhost"), FAKE_DNS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'localhost' is not host:port");
    }

    @Test
    void resolvesRealLocalhostToLoopback() {
        UrlGuard system = new UrlGuard(List.of(), HostResolver.SYSTEM);

        assertThat(system.check("http://localhost:8070/").refusal())
                .startsWith("host localhost resolves to a loopback address");
    }
}
