// The <loc> entries of a sitemap or sitemap index loaded in the page (SitemapDiscovery.java). Chromium keeps
// an XML document's own DOM; the text fallback covers a sitemap served as text/plain or shown as source.
max => {
  const urls = [];
  const sitemaps = [];
  for (const loc of document.getElementsByTagName('loc')) {
    const parent = loc.parentElement ? loc.parentElement.localName : '';
    (parent === 'sitemap' ? sitemaps : urls).push((loc.textContent || '').trim());
    if (urls.length + sitemaps.length >= max) break;
  }
  if (urls.length === 0 && sitemaps.length === 0) {
    const text = (document.body ? document.body.innerText : document.documentElement.textContent || '').slice(0, 10000000);
    const index = /<sitemapindex/i.test(text);
    for (const match of text.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/gi)) {
      (index ? sitemaps : urls).push(match[1]);
      if (urls.length + sitemaps.length >= max) break;
    }
  }
  return { urls, sitemaps };
}
