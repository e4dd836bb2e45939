# Part of ./stagewire (sourced, not run): The demo shop: static files (deploy/demo-shop/site) served by the JDK's own jwebserver.

DEMO_SHOP_URL=http://localhost:8070

demo_shop_start() {
  if alive demo-shop || http_ok "$DEMO_SHOP_URL/"; then return 0; fi
  [[ -x "$JAVA_HOME/bin/jwebserver" ]] || die "$JAVA_HOME has no jwebserver (JDK 18+ ships it)"
  say "serving the demo shop on $DEMO_SHOP_URL"
  launch demo-shop "$JAVA_HOME/bin/jwebserver" -b 127.0.0.1 -p 8070 -d "$ROOT/deploy/demo-shop/site" -o info
}
