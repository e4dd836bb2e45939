// Finds product links and the next listing page on a page no selector fits (ProductDiscovery.java).
// Runs in the page; returns { schemaOrg: [url], groups: [{ key, links: [url], priced }], next: [url] }.
// Bounded like ListingLinks: same-origin http(s) URLs of at most 2048 characters, 5000 per list.
() => {
  const MAX = 5000;
  const here = new URL(location.href);
  here.hash = '';
  const clean = href => {
    if (typeof href !== 'string' || href.length === 0 || href.length > 2048) return null;
    try {
      const url = new URL(href, location.href);
      url.hash = '';
      return url.origin === location.origin && url.href !== here.href ? url.href : null;
    } catch (e) {
      return null;
    }
  };
  const unique = list => [...new Set(list.filter(Boolean))].slice(0, MAX);

  // 1. schema.org Product: microdata, then JSON-LD (Product, ItemList of ListItems, @graph).
  const schemaOrg = [];
  for (const product of document.querySelectorAll('[itemtype*="schema.org/Product" i]')) {
    const url = product.querySelector('[itemprop=url]');
    const link = product.matches('a[href]') ? product : product.querySelector('a[href]');
    schemaOrg.push(clean(url ? (url.href || url.getAttribute('content') || url.getAttribute('href')) : link && link.href));
  }
  const visit = (node, depth) => {
    if (!node || typeof node !== 'object' || depth > 8 || schemaOrg.length > MAX) return;
    if (Array.isArray(node)) { node.forEach(n => visit(n, depth + 1)); return; }
    const types = [].concat(node['@type'] || []);
    if (types.includes('Product') && typeof node.url === 'string') schemaOrg.push(clean(node.url));
    if (types.includes('ListItem')) {
      if (typeof node.url === 'string') schemaOrg.push(clean(node.url));
      if (typeof node.item === 'string') schemaOrg.push(clean(node.item));
    }
    for (const key of ['@graph', 'itemListElement', 'mainEntity', 'item', 'hasPart']) {
      if (node[key] && typeof node[key] === 'object') visit(node[key], depth + 1);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try { visit(JSON.parse(script.textContent), 0); } catch (e) { /* a broken block is not ours to fix */ }
  }

  // 2. The next listing page: rel=next, "next/weiter/»/›" links, then the link to page N+1.
  const next = [];
  for (const link of document.querySelectorAll('link[rel~=next i][href], a[rel~=next i][href]')) next.push(clean(link.href));
  const nextWords = /^(next|next page|weiter|nächste|nächste seite|vor|suivant|siguiente|volgende|»|›|>|→)$/i;
  const anchors = [...document.querySelectorAll('a[href]')].slice(0, 20000);
  const label = a => ((a.innerText || '').trim() || a.getAttribute('aria-label') || a.getAttribute('title') || '').trim();
  for (const a of anchors) if (nextWords.test(label(a))) next.push(clean(a.href));
  const pageMatch = here.pathname.match(/\/page\/(\d+)\/?$/);
  const current = Number(here.searchParams.get('page') || here.searchParams.get('p') || (pageMatch && pageMatch[1]) || 1);
  for (const a of anchors) if (label(a) === String(current + 1)) next.push(clean(a.href));
  const nextPages = unique(next);
  const paging = new Set(nextPages);

  // 3. Structure: same-origin links outside navigation, grouped by where they sit in the page and by the
  //    shape of their URL; a product list is a large group whose cards show a price.
  const price = /(\d[\d.,\u00a0 ]*\s?(€|eur|usd|chf|£|\$)(?![a-z]))|((€|eur|usd|chf|£|\$)\s?\d)/i;
  const place = a => {
    const parts = [];
    for (let e = a.parentElement, i = 0; e && e !== document.body && i < 4; e = e.parentElement, i++) {
      parts.push(e.tagName.toLowerCase() + [...e.classList].filter(c => !/\d/.test(c)).sort().map(c => '.' + c).join(''));
    }
    return parts.join('<');
  };
  const shape = href => {
    const url = new URL(href);
    const segments = url.pathname.split('/').filter(Boolean);
    return segments.length + ':' + segments.slice(0, -1).map(s => (/\d/.test(s) ? '#' : s)).join('/') + (url.search ? '?' : '');
  };
  const card = a => a.closest('li, article, tr, [class*=product i], [class*=card i], [class*=item i], [class*=tile i]') || a.parentElement;
  const byKey = new Map();
  for (const a of anchors) {
    if (a.closest('nav, header, footer, aside, [role=navigation], [role=banner], [role=contentinfo]')) continue;
    const url = clean(a.href);
    if (!url || paging.has(url) || !/^https?:/.test(url)) continue;
    const key = place(a) + '|' + shape(url);
    let group = byKey.get(key);
    if (!group) byKey.set(key, group = { key, links: [], cards: 0, priced: 0 });
    if (group.links.includes(url)) continue;
    group.links.push(url);
    group.cards++;
    if (price.test((card(a).innerText || '').slice(0, 2000))) group.priced++;
  }
  const groups = [...byKey.values()]
    .filter(g => g.links.length >= 2)
    .map(g => ({ key: g.key, links: g.links.slice(0, MAX), priced: g.priced * 2 >= g.cards }))
    .sort((a, b) => (b.priced - a.priced) || (b.links.length - a.links.length))
    .slice(0, 10);
  return { schemaOrg: unique(schemaOrg), groups, next: nextPages };
}
