// Whether a loaded page presents a product with a price (SitemapDiscovery.java): schema.org Product or Offer in
// JSON-LD or microdata, OpenGraph/product meta tags, or a price in the page's main text.
() => {
  if (document.querySelector('[itemtype*="schema.org/Product" i], [itemtype*="schema.org/Offer" i], [itemprop=price]')) return true;
  if (document.querySelector('meta[property="product:price:amount"], meta[property="og:price:amount"], meta[property="og:type"][content="product" i]')) return true;
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    if (/"@type"\s*:\s*"(Product|Offer|AggregateOffer)"/.test(script.textContent || '')) return true;
  }
  const main = document.querySelector('main, [role=main], [data-product]') || document.body;
  const text = main ? (main.innerText || '').slice(0, 20000) : '';
  return /(\d[\d.,\u00a0 ]*\s?(€|eur|usd|chf|£|\$)(?![a-z]))|((€|eur|usd|chf|£|\$)\s?\d)/i.test(text);
}
