// Before a product is captured: what covers it goes, what it shows lazily is loaded. Argument: the product area
// (an element), or null when the viewport is captured. Returns how many overlays were hidden and images loaded.
//
// Overlays: elements positioned fixed or sticky — cookie and consent banners, newsletter pop-ups, chat buttons,
// sticky headers and "add to cart" bars — are hidden (visibility, so the layout does not move) unless they hold the
// product area or sit inside it. Nothing is clicked: a click may consent to something on the user's behalf, or
// navigate. A page that locked scrolling behind a modal gets it back.
// Lazy images: data-src / data-lazy-src / data-original (and data-srcset) become src (srcset) and loading=lazy
// becomes eager; the images in view are then awaited for at most WAIT_MS, so the layout is final when captured.
async (area) => {
  const WAIT_MS = 1500;
  let hidden = 0;
  for (const el of document.body ? document.body.querySelectorAll('*') : []) {
    const position = getComputedStyle(el).position;
    if (position !== 'fixed' && position !== 'sticky') continue;
    if (area && (el.contains(area) || area.contains(el))) continue;
    const box = el.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) continue;
    el.style.setProperty('visibility', 'hidden', 'important');
    hidden++;
  }
  if (hidden) {
    for (const root of [document.documentElement, document.body]) {
      if (root && getComputedStyle(root).overflowY === 'hidden') root.style.setProperty('overflow', 'visible', 'important');
    }
  }
  const scope = area || document;
  const pending = [];
  for (const img of scope.querySelectorAll('img')) {
    const lazySrc = img.getAttribute('data-src') || img.getAttribute('data-lazy-src') || img.getAttribute('data-original');
    const lazySrcset = img.getAttribute('data-srcset');
    if (lazySrc && img.getAttribute('src') !== lazySrc) img.setAttribute('src', lazySrc);
    if (lazySrcset && !img.getAttribute('srcset')) img.setAttribute('srcset', lazySrcset);
    if (img.loading === 'lazy') img.loading = 'eager';
    if (!img.complete) pending.push(img.decode().catch(() => null));
  }
  if (pending.length) {
    await Promise.race([Promise.all(pending), new Promise(resolve => setTimeout(resolve, WAIT_MS))]);
  }
  return {hidden, images: pending.length};
}
