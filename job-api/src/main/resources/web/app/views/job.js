// Job monitor (/jobs/ID): a snapshot from REST, then live from the `job:ID` channel resumed at
// the snapshot's position. Every row is keyed by its item (screenshot id; label by screenshot or
// label id), so an event seen twice — replay after a reconnect, or an item already in the REST
// lists — updates its row instead of adding one.
import {getJson, postJson, jobHistory, ApiError} from '../lib/api.js';
import {subscribe} from '../lib/live.js';
import {loadImage, saveDownload} from '../lib/files.js';
import {h, clear, formatDuration, formatTime, formatMoney, progressBar, setProgress, statusBadge, statusLabel, isFinal, toast} from '../lib/dom.js';
import {jobTitle, ownerText} from './jobs.js';
import {openViewer} from './viewer.js';
import {reviewPanel} from './review.js';

const STAGES = [
  {status: 'pending', label: 'Queued'},
  {status: 'crawling', label: 'Crawling'},
  {status: 'processing-ocr', label: 'OCR'},
  {status: 'matching', label: 'Matching'},
  {status: 'rendering', label: 'Rendering'},
  {status: 'completed', label: 'Done'},
];
const STAGE_NAMES = {queue: 'Queue', crawl: 'Crawl', ocr: 'OCR', match: 'Match', render: 'Render', done: 'Done'};

function confidenceText(c) {
  if (!c || typeof c !== 'object') return '';
  const values = ['articleNumber', 'name', 'price'].map(k => c[k]).filter(v => typeof v === 'number');
  if (!values.length) return '';
  return Math.round(Math.min(...values)) + ' %';
}

export function mountJob(container, {id, session, navigate}) {
  let job = null;
  let stopped = false;
  const cleanups = [];
  const screenshots = new Map(); // screenshotId -> {data, el}
  const ocrRows = new Map(); // screenshotId -> {data, el}
  const labels = new Map(); // key -> {data, el}
  const transitions = new Map(); // status -> time (first entry into it)

  const loading = h('p.loading', 'Loading job…');
  container.append(loading);

  // --- layout ---------------------------------------------------------------------------------
  const titleEl = h('h1.page-title.job-title');
  const statusEl = h('span#job-status');
  const ownerEl = h('span.owner#job-owner');
  const cancelBtn = h('button#cancel-job', {type: 'button', onclick: () => command('cancel')}, 'Cancel');
  const retryBtn = h('button#retry-job', {type: 'button', onclick: () => command('retry')}, 'Retry failed items');
  const zipBtn = h('button#download-all', {type: 'button', onclick: downloadAll}, 'Download all labels (.zip)');
  const bar = progressBar(0, 'Job progress');
  bar.id = 'job-progress';
  const stageEl = h('span#job-stage');
  const countersEl = h('dl.counters#job-counters');
  const failureEl = h('p.error#job-failure', {hidden: true});
  const timelineEl = h('ol.timeline#timeline');
  const summaryCard = h('section.card#summary', {hidden: true});
  const gallery = h('div.gallery#screenshots');
  const shotsCount = h('span.count#screenshots-count', '0');
  const ocrBody = h('tbody');
  const ocrCount = h('span.count#ocr-count', '0');
  const labelsEl = h('div.labels#labels');
  const labelsCount = h('span.count#labels-count', '0');
  let review = null; // crawl jobs only: extractions make no labels, another system's jobs are its to correct

  function layout() {
    const isCrawl = job.kind !== 'extraction';
    if (job.kind === 'crawl') {
      review = reviewPanel(id, {hasPriceList: !!job.priceListId});
      cleanups.push(review.stop);
    }
    container.append(
      h('p.breadcrumb', h('a', {href: '/'}, '← Jobs')),
      h('div.job-head', titleEl, h('div.job-meta', statusEl, session.admin ? h('span', ' · owner ', ownerEl) : null,
        h('span.muted', ' · created ' + formatTime(job.createdAt)))),
      h('div.actions', cancelBtn, retryBtn, isCrawl ? zipBtn : null),
      h('section.card.progress-card',
        h('div.progress-head', h('strong', 'Progress'), stageEl),
        bar, failureEl, countersEl),
      h('section.card', h('h2', 'Stages'), timelineEl),
      summaryCard,
      review ? review.el : null,
      h('section.card', h('h2', 'Screenshots ', shotsCount), gallery),
      h('section.card', h('h2', 'OCR results ', ocrCount),
        h('div.table-wrap', h('table.ocr-table#ocr-results',
          h('thead', h('tr',
            h('th', {scope: 'col'}, '#'),
            h('th', {scope: 'col'}, 'Article'),
            h('th', {scope: 'col'}, 'Name'),
            h('th', {scope: 'col'}, 'Price'),
            h('th', {scope: 'col'}, 'Confidence'),
            h('th', {scope: 'col'}, 'Match'),
            h('th', {scope: 'col'}, 'List price'),
            h('th', {scope: 'col'}, 'Difference'))),
          ocrBody))),
      isCrawl ? h('section.card', h('h2', 'Labels ', labelsCount), labelsEl) : null);
  }

  // --- job state --------------------------------------------------------------------------------
  function renderJob() {
    titleEl.textContent = jobTitle(job);
    clear(statusEl).append(statusBadge(job.status));
    ownerEl.textContent = ownerText(job, session);
    ownerEl.title = job.userId;
    setProgress(bar, job.progress);
    stageEl.textContent = isFinal(job.status) ? statusLabel(job.status) : 'Stage: ' + (STAGE_NAMES[job.stage] || job.stage || '') +
      (job.queuePosition != null && job.status === 'pending' ? ' · #' + (job.queuePosition + 1) + ' in queue' : '');
    // job:progress is rate-limited; the items on the page may already be further along.
    const count = (map, test) => [...map.values()].filter(e => test(e.data)).length;
    const c = {...(job.counters || {})};
    c.screenshots = Math.max(c.screenshots || 0, screenshots.size);
    c.ocrCompleted = Math.max(c.ocrCompleted || 0, count(ocrRows, r => r.status === 'completed'));
    c.matched = Math.max(c.matched || 0, count(ocrRows, r => r.match && r.match.status === 'matched'));
    c.labelsGenerated = Math.max(c.labelsGenerated || 0, count(labels, l => l.status === 'generated'));
    clear(countersEl).append(...[
      ['Screenshots', c.screenshots], ['Read', c.ocrCompleted], ['OCR failed', c.ocrFailed],
      ['Matched', c.matched], ['Unmatched', c.unmatched], ['Labels', c.labelsGenerated], ['Labels failed', c.labelsFailed],
    ].filter(([, v], i) => job.kind !== 'extraction' || i < 3).map(([k, v]) => h('div', h('dt', k), h('dd', String(v ?? 0)))));
    failureEl.hidden = !job.failureReason;
    failureEl.textContent = job.failureReason ? 'Failed: ' + job.failureReason : '';
    cancelBtn.hidden = isFinal(job.status) || job.kind === 'external';
    const somethingFailed = job.status === 'failed' || c.ocrFailed > 0 || c.labelsFailed > 0;
    retryBtn.hidden = !(isFinal(job.status) && job.status !== 'cancelled' && somethingFailed) || job.kind === 'external';
    renderSummary();
    renderTimeline();
  }

  function renderSummary() {
    const s = job.summary;
    summaryCard.hidden = !s;
    if (!s) return;
    const rows = [
      ['Products', s.totalProducts], ['OCR succeeded', s.successfulOCR], ['OCR failed', s.failedOCR],
      ['Matched', s.matched], ['Unmatched', s.unmatched], ['Labels', s.labelsGenerated],
      ['Total time', formatDuration(s.totalProcessingTime)],
    ];
    clear(summaryCard).append(h('h2', 'Summary'), h('dl.summary', rows.map(([k, v]) => h('div', h('dt', k), h('dd', String(v ?? ''))))));
  }

  function renderTimeline() {
    const stages = job.kind === 'extraction' ? STAGES.filter(s => ['pending', 'processing-ocr', 'completed'].includes(s.status)) : STAGES;
    const reached = stages.filter(s => transitions.has(s.status));
    const endTime = job.finishedAt || (isFinal(job.status) && transitions.get(job.status)) || null;
    clear(timelineEl);
    const durations = (job.summary && job.summary.stageDurations) || {};
    stages.forEach((s, i) => {
      const start = transitions.get(s.status);
      const nextReached = reached.find(r => stages.indexOf(r) > i);
      const end = nextReached ? transitions.get(nextReached.status) : (isFinal(job.status) ? endTime : null);
      const current = job.status === s.status && !isFinal(job.status);
      let duration = '';
      if (s.status === 'completed') duration = '';
      else if (durations[s.status] !== undefined) duration = formatDuration(durations[s.status]);
      else if (start && end) duration = formatDuration(new Date(end) - new Date(start));
      else if (start && current) duration = formatDuration(Date.now() - new Date(start)) + '…';
      const state = current ? 'current' : start ? 'done' : 'upcoming';
      timelineEl.append(h('li', {class: 'stage-' + state, dataset: {status: s.status}},
        h('span.dot', {'aria-hidden': 'true'}),
        h('span.stage-name', s.label),
        h('span.stage-duration', duration),
        start ? h('time.muted', {datetime: start}, new Date(start).toLocaleTimeString()) : null));
    });
    if (job.status === 'failed' || job.status === 'cancelled') {
      timelineEl.append(h('li.stage-end', {dataset: {status: job.status}}, h('span.dot', {'aria-hidden': 'true'}),
        h('span.stage-name', statusLabel(job.status)), h('span.stage-duration', ''),
        endTime ? h('time.muted', new Date(endTime).toLocaleTimeString()) : null));
    }
  }

  // --- items ------------------------------------------------------------------------------------
  function upsertScreenshot(s) {
    const key = s.id;
    const prev = screenshots.get(key);
    const data = {...(prev && prev.data), ...s};
    if (prev) {
      prev.data = data;
      return;
    }
    const img = h('img', {alt: data.productName || 'Screenshot ' + ((data.index ?? screenshots.size) + 1), loading: 'lazy', width: '320', height: '200'});
    loadImage(img, data.fileId);
    const el = h('button.shot', {type: 'button', dataset: {screenshotId: key}, title: data.productUrl || '',
      onclick: () => openViewer({fileId: data.fileId, caption: data.productName || data.productUrl || ''})},
    img, h('span.caption', data.productName || data.productUrl || key));
    screenshots.set(key, {data, el});
    insertSorted(gallery, el, screenshots, key);
    shotsCount.textContent = String(screenshots.size);
    scheduleRender();
    const row = ocrRows.get(key);
    if (row) renderOcrRow(key);
  }

  function indexOf(key) {
    const s = screenshots.get(key);
    return s && s.data.index != null ? s.data.index : Number.MAX_SAFE_INTEGER;
  }

  function insertSorted(parent, el, map, key) {
    const idx = indexOf(key);
    const next = [...parent.children].find(child => {
      const k = child.dataset.screenshotId;
      return k && k !== key && indexOf(k) > idx;
    });
    parent.insertBefore(el, next || null);
  }

  function upsertOcr(key, change) {
    const prev = ocrRows.get(key);
    const data = {screenshotId: key, ...(prev && prev.data), ...change};
    if (change.match) data.match = {...(prev && prev.data.match), ...change.match};
    if (prev) prev.data = data;
    else ocrRows.set(key, {data, el: null});
    renderOcrRow(key);
    ocrCount.textContent = String(ocrRows.size);
    scheduleRender();
  }

  function renderOcrRow(key) {
    const entry = ocrRows.get(key);
    const r = entry.data;
    const m = r.match;
    const diff = m && m.priceDifference != null ? Number(m.priceDifference) : null;
    const shot = screenshots.get(key);
    const n = shot && shot.data.index != null ? shot.data.index + 1 : '';
    let matchCell;
    if (r.status === 'failed') matchCell = h('span.tag.tag-bad', 'OCR failed');
    else if (!m) matchCell = h('span.tag', job.kind === 'extraction' ? '—' : 'pending');
    else if (m.status === 'matched') matchCell = h('span.tag.tag-good', 'matched' + (m.matchedBy && m.matchedBy !== 'exact' ? ' (' + m.matchedBy + ')' : ''));
    else matchCell = h('span.tag.tag-bad', {title: m.reason || ''}, 'no match');
    const tr = h('tr', {dataset: {screenshotId: key, status: r.status || ''}, class: diff ? 'price-diff' : null},
      h('td', String(n)),
      h('td.mono', r.articleNumber || ''),
      h('td', r.status === 'failed' ? h('span.muted', r.reason || 'failed') : (r.name || '')),
      h('td.num', [
        r.previousPrice != null
          ? [h('del.muted.previous-price', {title: 'The shop\u2019s previous price, printed struck through on a label with the shop\u2019s price'},
              formatMoney(r.previousPrice, r.currency)), ' '] : null,
        r.pricePrefix ? [h('span.price-prefix', {title: 'The shop shows this as a from-price; a label with the shop\u2019s price prints the word too'},
              r.pricePrefix), ' '] : null,
        formatMoney(r.price, r.currency)]),
      h('td.num', confidenceText(r.confidence)),
      h('td', matchCell),
      h('td.num', m && m.listPrice != null ? formatMoney(m.listPrice, m.currency || r.currency) : ''),
      h('td.num', diff ? h('strong.diff', {title: 'Shop price differs from the price list'}, (diff > 0 ? '+' : '') + formatMoney(diff, m.currency || r.currency))
        : (diff === 0 ? h('span.muted', '±0') : '')));
    if (entry.el) entry.el.replaceWith(tr);
    else insertSorted(ocrBody, tr, ocrRows, key);
    entry.el = tr;
  }

  function labelKey(l) {
    return l.screenshotId || l.labelId || l.id;
  }

  function upsertLabel(l) {
    const key = labelKey(l);
    const prev = labels.get(key);
    if (prev && prev.data.status === 'generated' && l.status !== 'generated') return; // a success stays
    const data = {...(prev && prev.data), ...l};
    let card;
    if (data.status === 'generated') {
      const img = h('img', {alt: 'Label ' + (data.articleNumber || ''), loading: 'lazy'});
      loadImage(img, data.pngFileId);
      const name = (data.articleNumber || key).replace(/[^A-Za-z0-9._-]/g, '_') + '.pdf';
      card = h('figure.label-card', {dataset: {labelKey: key, screenshotId: data.screenshotId || ''}},
        h('button.label-preview', {type: 'button', 'aria-label': 'Enlarge label ' + (data.articleNumber || ''),
          onclick: () => openViewer({fileId: data.pngFileId, caption: data.articleNumber || ''})}, img),
        h('figcaption',
          h('span.mono', data.articleNumber || ''),
          h('button.link.pdf-download', {type: 'button', onclick: () => saveDownload('/api/files/' + encodeURIComponent(data.pdfFileId), name)
            .catch(e => toast('Download failed: ' + e.message, 'error'))}, 'PDF')));
    } else {
      card = h('figure.label-card.label-failed', {dataset: {labelKey: key, screenshotId: data.screenshotId || ''}},
        h('div.label-preview', 'No label'), h('figcaption', h('span.mono', data.articleNumber || ''), h('span.muted', data.reason || 'failed')));
    }
    if (prev) prev.el.replaceWith(card);
    else insertSorted(labelsEl, card, labels, data.screenshotId || key);
    labels.set(key, {data, el: card});
    labelsCount.textContent = String(labels.size);
    scheduleRender();
  }

  let renderPending = false;
  function scheduleRender() {
    if (renderPending || !job || !titleEl.isConnected) return;
    renderPending = true;
    requestAnimationFrame(() => {
      renderPending = false;
      if (!stopped) renderJob();
    });
  }

  // --- live events ------------------------------------------------------------------------------
  function onEvent(frame) {
    const d = frame.data || {};
    if (review) review.onEvent(frame);
    switch (frame.type) {
      case 'job:progress':
        job.progress = Math.max(Number(job.progress) || 0, Number(d.progress) || 0);
        if (d.counters) job.counters = {...job.counters, ...d.counters};
        if (d.stage) job.stage = d.stage;
        break;
      case 'job:updated':
        if (d.status) {
          job.status = d.status;
          if (!transitions.has(d.status) || isFinal(d.previousStatus)) transitions.set(d.status, frame.time);
        }
        if (d.stage) job.stage = d.stage;
        if (isFinal(d.previousStatus)) job.summary = null;
        break;
      case 'queue:position':
        job.queuePosition = d.position;
        break;
      case 'job:completed':
        job.status = 'completed';
        job.summary = d;
        job.progress = 100;
        job.finishedAt = frame.time;
        transitions.set('completed', transitions.get('completed') || frame.time);
        refreshJob();
        break;
      case 'job:failed':
        job.status = 'failed';
        job.failureReason = d.reason;
        job.finishedAt = frame.time;
        transitions.set('failed', frame.time);
        refreshJob();
        break;
      case 'job:cancelled':
        job.status = 'cancelled';
        job.finishedAt = frame.time;
        transitions.set('cancelled', frame.time);
        break;
      case 'screenshot:captured':
        upsertScreenshot({id: d.screenshotId, fileId: d.fileId, productUrl: d.productUrl, productName: d.productName,
          index: d.index, width: d.width, height: d.height, capturedAt: frame.time});
        return;
      case 'ocr:completed':
        upsertOcr(d.screenshotId, {status: 'completed', articleNumber: d.articleNumber, name: d.name, price: d.price,
          previousPrice: d.previousPrice, pricePrefix: d.pricePrefix, currency: d.currency, ean: d.ean, confidence: d.confidence, durationMs: d.durationMs, reason: null});
        return;
      case 'ocr:failed':
        if (!(ocrRows.get(d.screenshotId) && ocrRows.get(d.screenshotId).data.status === 'completed')) {
          upsertOcr(d.screenshotId, {status: 'failed', reason: d.reason});
        }
        return;
      case 'match:found':
        upsertOcr(d.screenshotId, {match: {status: 'matched', articleNumber: d.articleNumber, matchedBy: d.matchedBy, name: d.name,
          listPrice: d.listPrice, shopPrice: d.shopPrice, priceDifference: d.priceDifference, currency: d.currency, reason: null}});
        return;
      case 'match:failed':
        if (!(ocrRows.get(d.screenshotId) && ocrRows.get(d.screenshotId).data.match && ocrRows.get(d.screenshotId).data.match.status === 'matched')) {
          upsertOcr(d.screenshotId, {match: {status: 'unmatched', reason: d.reason}});
        }
        return;
      case 'label:generated':
        upsertLabel({status: 'generated', labelId: d.labelId, screenshotId: d.screenshotId, pngFileId: d.pngFileId,
          pdfFileId: d.pdfFileId, articleNumber: d.articleNumber, barcodeFormat: d.barcodeFormat});
        return;
      case 'label:failed':
        upsertLabel({status: 'failed', screenshotId: d.screenshotId, labelId: frame.id, articleNumber: d.articleNumber, reason: d.reason});
        return;
      default:
        return;
    }
    renderJob();
  }

  async function refreshJob() {
    try {
      const fresh = await getJson('/api/jobs/' + encodeURIComponent(id));
      if (stopped) return;
      // Keep what live events moved further than this read.
      fresh.progress = Math.max(Number(fresh.progress) || 0, Number(job.progress) || 0);
      job = {...job, ...fresh};
      renderJob();
    } catch (e) { /* the live state stays */ }
  }

  async function command(what) {
    const button = what === 'cancel' ? cancelBtn : retryBtn;
    button.disabled = true;
    try {
      const updated = await postJson('/api/jobs/' + encodeURIComponent(id) + '/' + what);
      job = {...job, ...updated};
      if (what === 'retry') job.summary = null;
      renderJob();
      toast(what === 'cancel' ? 'Job cancelled' : 'Retrying failed items', 'info');
    } catch (e) {
      toast((what === 'cancel' ? 'Cancel' : 'Retry') + ' refused: ' + e.message, 'error');
    } finally {
      button.disabled = false;
    }
  }

  async function downloadAll() {
    zipBtn.disabled = true;
    try {
      await saveDownload('/api/jobs/' + encodeURIComponent(id) + '/labels.zip', 'labels-' + id + '.zip');
    } catch (e) {
      toast('Download failed: ' + e.message, 'error');
    } finally {
      zipBtn.disabled = false;
    }
  }

  // --- start: snapshot, then live from its position ------------------------------------------------
  async function start() {
    try {
      job = await getJson('/api/jobs/' + encodeURIComponent(id));
    } catch (e) {
      loading.remove();
      container.append(e instanceof ApiError && e.status === 404
        ? h('section.card.not-found#not-found', h('h1', 'Job not found'), h('p', 'There is no job ' + id + ' that you can see.'), h('p', h('a', {href: '/'}, 'Back to your jobs')))
        : h('section.card.error', h('h1', 'Could not load the job'), h('p', e.message)));
      return;
    }
    if (stopped) return;
    const since = job.position; // lists below are at least as new as this; live resumes after it
    const path = '/api/jobs/' + encodeURIComponent(id);
    const [shots, ocr, lbls, history] = await Promise.all([
      getJson(path + '/screenshots'), getJson(path + '/ocr-results'),
      job.kind === 'extraction' ? Promise.resolve([]) : getJson(path + '/labels'), jobHistory(id).catch(() => [])]);
    if (stopped) return;
    loading.remove();
    for (const e of history) {
      if (e.type === 'job:created') transitions.set('pending', transitions.get('pending') || e.time);
      if (e.type === 'job:updated' && e.data && e.data.status) {
        if (!transitions.has(e.data.status) || isFinal(e.data.previousStatus)) transitions.set(e.data.status, e.time);
      }
    }
    if (!transitions.has('pending')) transitions.set('pending', job.createdAt);
    layout();
    renderJob();
    for (const s of shots) upsertScreenshot(s);
    for (const r of ocr) upsertOcr(r.screenshotId, r);
    for (const l of lbls) upsertLabel(l);
    cleanups.push(subscribe('job:' + id, {
      event: onEvent,
      reset: () => { refreshJob(); },
      error: frame => {
        if (frame.code === 'forbidden' || frame.code === 'not_found') toast('Live updates unavailable: ' + frame.message, 'error');
      },
    }, since));
    const ticker = setInterval(() => { if (!isFinal(job.status)) renderTimeline(); }, 1000);
    cleanups.push(() => clearInterval(ticker));
  }
  start().catch(e => {
    loading.remove();
    container.append(h('section.card.error', h('h1', 'Could not load the job'), h('p', e.message)));
  });

  return () => {
    stopped = true;
    cleanups.forEach(c => c());
  };
}
