# Part of ./stagewire (sourced, not run): the two test shops, static files served by the JDK's own jwebserver —
# the demo shop (deploy/demo-shop/site, docs/demo-shop.md) and the market shop (deploy/market-shop/site,
# docs/market-shop.md), as different from each other as real shops are.

DEMO_SHOP_URL=http://localhost:8070
MARKET_SHOP_URL=http://localhost:8071

shop_start() { # name, port, site directory
  local url="http://localhost:$2"
  if alive "$1" || http_ok "$url/"; then return 0; fi
  [[ -x "$JAVA_HOME/bin/jwebserver" ]] || die "$JAVA_HOME has no jwebserver (JDK 18+ ships it)"
  say "serving the $1 on $url"
  # A stand-in for a shop on another machine: it takes as little of this one as it can (a small heap, C1 only; the
  # market shop's server cost 1.2 CPU-s of the first pipeline job and 0.6 of each later one with the defaults).
  launch "$1" "$JAVA_HOME/bin/jwebserver" -J-Xmx64m -J-XX:+UseSerialGC -J-XX:TieredStopAtLevel=1 -b 127.0.0.1 -p "$2" -d "$3" -o info
}

demo_shop_start() {
  shop_start demo-shop 8070 "$ROOT/deploy/demo-shop/site"
  shop_start market-shop 8071 "$ROOT/deploy/market-shop/site"
}
