// Images page: drop (or pick) PNG/JPEG images, they go to POST /api/extractions as one OCR-only
// job, and each image's OCR result appears live from the job's channel.
import {getJson, postForm, ApiError} from '../lib/api.js';
import {subscribe} from '../lib/live.js';
import {h, clear, formatMoney, formatDuration, progressBar, setProgress, statusBadge, isFinal} from '../lib/dom.js';

const ACCEPT = ['image/png', 'image/jpeg'];

export function mountImages(container) {
  const cleanups = [];
  const input = h('input#image-input.visually-hidden', {type: 'file', multiple: true, accept: ACCEPT.join(',')});
  const errorEl = h('div.field-error#image-error', {role: 'alert'});
  const zone = h('label.dropzone#dropzone', {for: 'image-input', tabindex: '0'},
    h('strong', 'Drop images here'), h('span', 'or press Enter to choose PNG or JPEG files (up to 20, 10 MB each)'));
  const results = h('div#extractions');
  container.append(h('h1.page-title', 'Images'),
    h('section.card', h('p', 'Read article number, name and price from shelf or product photos.'), input, zone, errorEl),
    results);

  zone.addEventListener('keydown', ev => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      input.click();
    }
  });
  for (const type of ['dragenter', 'dragover']) {
    zone.addEventListener(type, ev => { ev.preventDefault(); zone.classList.add('over'); });
  }
  for (const type of ['dragleave', 'drop']) {
    zone.addEventListener(type, () => zone.classList.remove('over'));
  }
  zone.addEventListener('drop', ev => {
    ev.preventDefault();
    upload([...ev.dataTransfer.files]);
  });
  input.addEventListener('change', () => {
    upload([...input.files]);
    input.value = '';
  });

  async function upload(files) {
    errorEl.textContent = '';
    const images = files.filter(f => ACCEPT.includes(f.type) || /\.(png|jpe?g)$/i.test(f.name));
    if (!images.length) {
      errorEl.textContent = 'Choose PNG or JPEG images.';
      return;
    }
    const data = new FormData();
    for (const f of images) data.append('images', f, f.name);
    zone.classList.add('busy');
    try {
      const job = await postForm('/api/extractions', data);
      results.prepend(extractionPanel(job, images));
    } catch (e) {
      const detail = e instanceof ApiError ? Object.values(e.fieldErrors).join('; ') : '';
      errorEl.textContent = e.message + (detail ? ' — ' + detail : '');
    } finally {
      zone.classList.remove('busy');
    }
  }

  function extractionPanel(job, files) {
    const previews = new Map(files.map(f => [f.name, URL.createObjectURL(f)]));
    cleanups.push(() => previews.forEach(u => URL.revokeObjectURL(u)));
    const cards = new Map(); // screenshotId -> {el, result}
    const bar = progressBar(job.progress, 'Extraction progress');
    const status = h('span', statusBadge(job.status));
    const grid = h('div.extraction-grid');
    const panel = h('section.card.extraction', {dataset: {jobId: job.id}},
      h('div.progress-head', h('h2', files.length + ' image' + (files.length > 1 ? 's' : '')), status,
        h('a', {href: '/jobs/' + encodeURIComponent(job.id)}, 'Open job')),
      bar, grid);

    function card(s) {
      const el = h('figure.extraction-card', {dataset: {screenshotId: s.id}},
        h('img', {src: previews.get(s.productName) || '', alt: s.productName || 'image'}),
        h('figcaption', h('strong', s.productName || ''), h('div.result', h('span.muted', 'Reading…'))));
      cards.set(s.id, {el, name: s.productName});
      grid.append(el);
    }

    function result(screenshotId, r) {
      const entry = cards.get(screenshotId);
      if (!entry) return;
      const box = entry.el.querySelector('.result');
      if (r.status === 'failed') {
        clear(box).append(h('span.tag.tag-bad', 'failed'), ' ', r.reason || '');
      } else {
        const c = r.confidence || {};
        clear(box).append(h('dl.ocr-fields',
          h('dt', 'Article'), h('dd.mono', r.articleNumber || '—'),
          h('dt', 'Name'), h('dd', r.name || '—'),
          h('dt', 'Price'), h('dd', formatMoney(r.price, r.currency) || '—'),
          h('dt', 'Confidence'), h('dd', ['articleNumber', 'name', 'price'].map(k => c[k] != null ? Math.round(c[k]) + ' %' : '–').join(' / ')),
          r.durationMs != null ? [h('dt', 'Took'), h('dd', formatDuration(r.durationMs))] : null));
      }
      entry.el.dataset.status = r.status;
    }

    (async () => {
      const path = '/api/jobs/' + encodeURIComponent(job.id);
      const snapshot = await getJson(path);
      const [shots, ocr] = await Promise.all([getJson(path + '/screenshots'), getJson(path + '/ocr-results')]);
      shots.forEach(card);
      ocr.forEach(r => result(r.screenshotId, r));
      setProgress(bar, snapshot.progress);
      let progress = Number(snapshot.progress) || 0;
      cleanups.push(subscribe('job:' + job.id, {
        event(frame) {
          const d = frame.data || {};
          if (frame.type === 'ocr:completed') result(d.screenshotId, {...d, status: 'completed'});
          else if (frame.type === 'ocr:failed') result(d.screenshotId, {status: 'failed', reason: d.reason});
          else if (frame.type === 'job:progress') {
            progress = Math.max(progress, Number(d.progress) || 0);
            setProgress(bar, progress);
          } else if (frame.type === 'job:updated' && d.status) clear(status).append(statusBadge(d.status));
          else if (frame.type === 'job:completed') {
            setProgress(bar, 100);
            clear(status).append(statusBadge('completed'));
          } else if (frame.type === 'job:failed') clear(status).append(statusBadge('failed'));
        },
      }, snapshot.position));
      if (isFinal(snapshot.status)) clear(status).append(statusBadge(snapshot.status));
    })().catch(e => panel.append(h('p.error', 'Could not follow the extraction: ' + e.message)));
    return panel;
  }

  return () => cleanups.forEach(c => c());
}
