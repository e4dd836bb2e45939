# Part of ./stagewire (sourced, not run): Keycloak from its Maven Central distribution, realm imported from deploy/keycloak.

keycloak_home() {
  local home="$CACHE/keycloak-$KEYCLOAK_VERSION"
  if [[ ! -x "$home/bin/kc.sh" ]]; then
    say "fetching Keycloak $KEYCLOAK_VERSION (about 180 MB, once)"
    mkdir -p "$CACHE"
    mvnw -f "$ROOT/deploy/kafka/pom.xml" dependency:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$CACHE" \
      >"$LOGS/keycloak-fetch.log" 2>&1 || die "could not fetch Keycloak, see $LOGS/keycloak-fetch.log"
    rm -rf "$home"
    unzip -q "$CACHE/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$CACHE"
    mv "$CACHE/keycloak-$KEYCLOAK_VERSION" "$home" 2>/dev/null || true
    rm -f "$CACHE/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  fi
  echo "$home"
}

keycloak_start() {
  if alive keycloak || http_ok "$REALM_URL/.well-known/openid-configuration"; then return 0; fi
  local home realm sum
  home=$(keycloak_home)
  realm="$ROOT/deploy/keycloak/stagewire-realm.json"
  # The store's version is part of the sum: v2 stores are made without the services' Postgres user name (see below).
  sum=$( (cat "$realm"; echo "store v2") | sha256sum | cut -c1-16)
  # --import-realm skips a realm that exists: start from a clean store when the realm file (or the store) changed.
  if [[ "$(cat "$home/data/.stagewire-realm" 2>/dev/null)" != "$sum" ]]; then
    rm -rf "$home/data/h2" "$home/data/import"
    mkdir -p "$home/data/import"
    cp "$realm" "$home/data/import/stagewire-realm.json"
    echo "$sum" >"$home/data/.stagewire-realm"
  fi
  say "starting Keycloak on $KEYCLOAK_URL"
  # A local-only admin console login (admin/admin); the realm users are in the realm file. Keycloak is a Quarkus
  # application too: the services' QUARKUS_DATASOURCE_* (from STAGEWIRE_PG_URL) would become the credentials of its
  # own dev database, which refuses them ("Wrong user name or password"), and the Postgres password has no business there.
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" launch keycloak \
    env -u QUARKUS_DATASOURCE_USERNAME -u QUARKUS_DATASOURCE_PASSWORD "$home/bin/kc.sh" start-dev \
    --http-port=8180 --http-host=127.0.0.1 --hostname="$KEYCLOAK_URL" --import-realm
}

keycloak_ready() {
  if alive keycloak; then wait_for keycloak 240 http_ok "$REALM_URL/.well-known/openid-configuration"; fi
  http_ok "$REALM_URL/.well-known/openid-configuration" || die "Keycloak realm not reachable at $REALM_URL"
}
