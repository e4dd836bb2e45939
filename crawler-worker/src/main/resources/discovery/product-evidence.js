// What a product page states about its product in machine-readable form (PageEvidenceReader.java):
// schema.org Product in JSON-LD, else in microdata, else OpenGraph/product meta tags. Values as stated.
() => {
  const text = v => (v === undefined || v === null ? null : String(typeof v === 'object' ? (v['@value'] ?? v.name ?? '') : v).trim().slice(0, 200) || null);
  const first = v => (Array.isArray(v) ? v[0] : v);
  const isProduct = n => n && typeof n === 'object' && [].concat(n['@type'] || []).some(t => /(^|\/)Product$/.test(String(t)));
  const fromJsonLd = () => {
    const found = [];
    const visit = (node, depth) => {
      if (!node || typeof node !== 'object' || depth > 8 || found.length) return;
      if (Array.isArray(node)) { node.forEach(n => visit(n, depth + 1)); return; }
      if (isProduct(node)) { found.push(node); return; }
      for (const key of ['@graph', 'mainEntity', 'itemListElement', 'item']) if (node[key]) visit(node[key], depth + 1);
    };
    for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
      try { visit(JSON.parse(script.textContent), 0); } catch (e) { /* not ours to fix */ }
      if (found.length) break;
    }
    if (!found.length) return null;
    const product = found[0];
    const offer = first(product.offers) || {};
    const spec = first(offer.priceSpecification) || {};
    return {
      source: 'json-ld', name: text(product.name), sku: text(product.sku || product.mpn),
      gtin: text(product.gtin13 || product.gtin || product.gtin14 || product.gtin12 || product.gtin8),
      price: text(offer.price ?? offer.lowPrice ?? spec.price), currency: text(offer.priceCurrency || spec.priceCurrency),
    };
  };
  const fromMicrodata = () => {
    const product = document.querySelector('[itemtype*="schema.org/Product" i]');
    if (!product) return null;
    const prop = name => {
      const e = product.querySelector('[itemprop="' + name + '"]');
      return e ? text(e.getAttribute('content') || e.getAttribute('value') || e.textContent) : null;
    };
    return {
      source: 'microdata', name: prop('name'), sku: prop('sku') || prop('mpn'),
      gtin: prop('gtin13') || prop('gtin') || prop('gtin14') || prop('gtin12') || prop('gtin8'),
      price: prop('price') || prop('lowPrice'), currency: prop('priceCurrency'),
    };
  };
  const fromMeta = () => {
    const meta = p => { const e = document.querySelector('meta[property="' + p + '"], meta[name="' + p + '"]'); return e ? text(e.getAttribute('content')) : null; };
    const price = meta('product:price:amount') || meta('og:price:amount');
    if (!price) return null;
    return {
      source: 'meta', name: meta('og:title'), sku: meta('product:retailer_item_id'), gtin: meta('product:ean') || meta('product:upc'),
      price, currency: meta('product:price:currency') || meta('og:price:currency'),
    };
  };
  return fromJsonLd() || fromMicrodata() || fromMeta();
}
