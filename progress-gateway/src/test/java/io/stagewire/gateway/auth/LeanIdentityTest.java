package io.stagewire.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.stagewire.gateway.fanout.Viewer;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The identity a connection keeps holds subject, roles, expiry and the raw token, and nothing else of the token. */
class LeanIdentityTest {
    private static final String RAW = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJl";

    @Test
    void keepsWhatTheGatewayReadsAndDropsTheRest() {
        SecurityIdentity full = QuarkusSecurityIdentity.builder()
                .setPrincipal(new FullToken("bob-id", 1_900_000_000L, RAW))
                .addRoles(Set.of("user", "admin"))
                .addCredential(new TokenCredential(RAW, "bearer"))
                .addAttribute("quarkus.identity.expire-time", 1_900_000_000L)
                .addAttribute("io.vertx.ext.web.RoutingContext", new Object())
                .build();

        SecurityIdentity lean = new LeanIdentity().augment(full, null).await().indefinitely();

        assertThat(lean.getPrincipal()).isInstanceOf(VerifiedToken.class);
        assertThat(lean.getRoles()).containsExactlyInAnyOrder("user", "admin");
        assertThat(lean.getCredentials()).isEmpty();
        assertThat(lean.getAttributes()).isEmpty();
        Viewer viewer = Viewers.of(lean);
        assertThat(viewer).isEqualTo(new Viewer("bob-id", true, RAW, 1_900_000_000L));
        JsonWebToken jwt = (JsonWebToken) lean.getPrincipal();
        assertThat(jwt.getName()).isEqualTo("bob-id");
        assertThat((String) jwt.getClaim("sub")).isEqualTo("bob-id");
        assertThat((Long) jwt.getClaim("exp")).isEqualTo(1_900_000_000L);
        assertThat((Object) jwt.getClaim("email")).isNull();
        assertThat(jwt.toString()).doesNotContain(RAW);
    }

    @Test
    void leavesOtherIdentitiesAlone() {
        SecurityIdentity anonymous = QuarkusSecurityIdentity.builder().setAnonymous(true).build();
        SecurityIdentity basic = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("svc")).build();
        LeanIdentity augmentor = new LeanIdentity();

        assertThat(augmentor.augment(anonymous, null).await().indefinitely()).isSameAs(anonymous);
        assertThat(augmentor.augment(basic, null).await().indefinitely()).isSameAs(basic);
    }

    /** Stands for quarkus-oidc's principal: every claim of the token. */
    private record FullToken(String sub, long exp, String raw) implements JsonWebToken {
        @Override
        public String getName() {
            return sub;
        }

        @Override
        public Set<String> getClaimNames() {
            return Map.of("sub", sub, "exp", exp, "email", "bob@example.com").keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return switch (claimName) {
                case "sub" -> (T) sub;
                case "exp" -> (T) Long.valueOf(exp);
                case "raw_token" -> (T) raw;
                case "email" -> (T) "bob@example.com";
                default -> null;
            };
        }
    }
}
