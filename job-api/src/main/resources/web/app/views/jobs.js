// Jobs page: the create form and the list of jobs, live from the `user:SUB` channel (no polling).
import {getJson, postJson, postForm, ApiError} from '../lib/api.js';
import {subscribe} from '../lib/live.js';
import {h, clear, formatTime, progressBar, setProgress, statusBadge, isFinal} from '../lib/dom.js';

const DEMO_SHOP = 'http://localhost:8070/';
const STATUS_RANK = {pending: 0, crawling: 1, 'processing-ocr': 2, matching: 3, rendering: 4, completed: 5, failed: 5, cancelled: 5};

export function ownerText(job, session) {
  if (job.userId === session.me.sub) return session.me.username;
  return job.userId && job.userId.length > 13 ? job.userId.slice(0, 8) + '…' : job.userId;
}

export function jobTitle(job) {
  if (job.kind === 'extraction') return 'Images (' + job.expectedItems + ')';
  if (job.kind === 'external') return 'External job ' + job.id;
  return job.shopUrl ? job.shopUrl.replace(/^https?:\/\//, '') : job.id;
}

function countersText(job) {
  const c = job.counters || {};
  const parts = [];
  parts.push((c.screenshots ?? 0) + ' screenshots');
  parts.push((c.ocrCompleted ?? 0) + ' read' + (c.ocrFailed ? ', ' + c.ocrFailed + ' failed' : ''));
  if (job.kind !== 'extraction') parts.push((c.labelsGenerated ?? 0) + ' labels');
  return parts.join(' · ');
}

function fieldRow(id, label, control, hint) {
  return h('div.field', {dataset: {field: id}},
    h('label', {for: 'f-' + id}, label),
    control,
    hint ? h('small.hint', hint) : null,
    h('div.field-error', {id: 'err-' + id, role: 'alert'}));
}

function showErrors(form, errors) {
  for (const el of form.querySelectorAll('.field-error')) el.textContent = '';
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const [field, message] of Object.entries(errors)) {
    const box = form.querySelector('#err-' + CSS.escape(field.split('.').pop())) || form.querySelector('#err-form');
    box.textContent = box.textContent ? box.textContent + '; ' + message : message;
    const input = form.querySelector('#f-' + CSS.escape(field.split('.').pop()));
    if (input) input.setAttribute('aria-invalid', 'true');
  }
}

function createForm(navigate) {
  const shopUrl = h('input#f-shopUrl', {type: 'url', name: 'shopUrl', required: true, value: DEMO_SHOP, 'aria-describedby': 'err-shopUrl'});
  const template = h('select#f-templateId', {name: 'templateId', required: true, 'aria-describedby': 'err-templateId'}, h('option', {value: 'default'}, 'Loading…'));
  const priceList = h('select#f-priceListId', {name: 'priceListId', 'aria-describedby': 'err-priceListId'}, h('option', {value: ''}, 'No price list'));
  const upload = h('input#f-file', {type: 'file', accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'aria-describedby': 'err-file'});
  const maxProducts = h('input#f-maxProducts', {type: 'number', min: '1', max: '500', value: '10', name: 'maxProducts', 'aria-describedby': 'err-maxProducts'});
  const submit = h('button.primary#create-job', {type: 'submit'}, 'Start job');
  const uploadStatus = h('small.hint#upload-status');

  const form = h('form.card.create-form#create-form', {novalidate: true},
    h('h2', 'New job'),
    h('div.form-grid',
      fieldRow('shopUrl', 'Shop URL', shopUrl),
      fieldRow('templateId', 'Label template', template),
      fieldRow('priceListId', 'Price list', priceList),
      fieldRow('file', 'Upload a price list (.xlsx)', upload, uploadStatus),
      fieldRow('maxProducts', 'Products at most', maxProducts, '1-500')),
    h('div.form-actions', submit, h('div.field-error#err-form', {role: 'alert'})));

  getJson('/api/label-templates').then(list => {
    clear(template).append(...list.map(t => h('option', {value: t.id},
      t.name + ' (' + t.widthMm + '×' + t.heightMm + ' mm)')));
  }, e => showErrors(form, {templateId: e.message}));
  const addPriceList = (p, select) => {
    const option = h('option', {value: p.id}, p.name + ' (' + p.rowCount + ' articles)');
    priceList.append(option);
    if (select) priceList.value = p.id;
  };
  getJson('/api/price-lists').then(list => list.forEach(p => addPriceList(p, false)), () => {});

  upload.addEventListener('change', async () => {
    const file = upload.files[0];
    if (!file) return;
    showErrors(form, {});
    uploadStatus.textContent = 'Uploading ' + file.name + '…';
    const data = new FormData();
    data.append('file', file, file.name);
    try {
      const p = await postForm('/api/price-lists', data);
      addPriceList(p, true);
      uploadStatus.textContent = 'Uploaded: ' + p.rowCount + ' articles';
    } catch (e) {
      uploadStatus.textContent = '';
      const errors = e instanceof ApiError ? Object.values(e.fieldErrors) : [];
      showErrors(form, {file: e.message + (errors.length ? ' — ' + errors.join('; ') : '')});
    } finally {
      upload.value = '';
    }
  });

  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    showErrors(form, {});
    submit.disabled = true;
    const body = {
      shopUrl: shopUrl.value.trim(),
      templateId: template.value,
      crawlerConfig: {maxProducts: Number(maxProducts.value) || undefined},
    };
    if (priceList.value) body.priceListId = priceList.value;
    try {
      const job = await postJson('/api/jobs', body);
      navigate('/jobs/' + encodeURIComponent(job.id));
    } catch (e) {
      const errors = e instanceof ApiError ? e.fieldErrors : {};
      showErrors(form, Object.keys(errors).length ? errors : {form: e.message});
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

export function mountJobs(container, {session, navigate}) {
  const rows = new Map(); // job id -> {job, el}
  const tbody = h('tbody');
  const empty = h('p.empty', 'No jobs yet: start one above.');
  const table = h('table.jobs-table#jobs',
    h('thead', h('tr',
      h('th', {scope: 'col'}, 'Job'),
      session.admin ? h('th', {scope: 'col'}, 'Owner') : null,
      h('th', {scope: 'col'}, 'Status'),
      h('th', {scope: 'col'}, 'Progress'),
      h('th.hide-narrow', {scope: 'col'}, 'Items'),
      h('th.hide-narrow', {scope: 'col'}, 'Created'))),
    tbody);
  const listCard = h('section.card', h('h2', session.admin ? 'All jobs' : 'Your jobs'), h('div.table-wrap', table), empty);
  container.append(h('h1.page-title', 'Jobs'), createForm(navigate), listCard);

  function renderRow(job) {
    let entry = rows.get(job.id);
    const cells = [
      h('td', h('a.job-link', {href: '/jobs/' + encodeURIComponent(job.id)}, jobTitle(job)), h('small.job-id.muted', job.id.slice(0, 8))),
      session.admin ? h('td.owner', {title: job.userId}, ownerText(job, session)) : null,
      h('td', statusBadge(job.status), job.queuePosition != null && job.status === 'pending' ? h('small.queue', ' #' + (job.queuePosition + 1) + ' in queue') : null),
      h('td.progress-cell', progressBar(job.progress, 'Progress of ' + jobTitle(job))),
      h('td.hide-narrow.counters', countersText(job)),
      h('td.hide-narrow', formatTime(job.createdAt)),
    ];
    const tr = h('tr', {dataset: {jobId: job.id, status: job.status}}, cells);
    if (entry) {
      entry.el.replaceWith(tr);
      entry.el = tr;
      entry.job = job;
    } else {
      entry = {job, el: tr};
      rows.set(job.id, entry);
      const after = [...rows.values()].filter(r => r !== entry && r.el.isConnected && r.job.createdAt > job.createdAt);
      const before = after.length ? after[after.length - 1].el.nextSibling : tbody.firstChild;
      tbody.insertBefore(tr, before);
    }
    empty.hidden = rows.size > 0;
  }

  function patch(jobId, change, eventTime) {
    const entry = rows.get(jobId);
    if (!entry) return;
    const job = {...entry.job};
    if (eventTime && job.updatedAt && eventTime < job.updatedAt && !change.progress) return; // older than the snapshot
    if (change.progress !== undefined) job.progress = Math.max(Number(job.progress) || 0, Number(change.progress) || 0);
    if (change.counters) job.counters = {...job.counters, ...change.counters};
    if (change.stage) job.stage = change.stage;
    if (change.queuePosition !== undefined) job.queuePosition = change.queuePosition;
    if (change.status && (change.reopen || (STATUS_RANK[change.status] ?? 0) >= (STATUS_RANK[job.status] ?? 0) && !isFinal(job.status))) {
      job.status = change.status;
    }
    if (eventTime) job.updatedAt = eventTime;
    if (job.status !== entry.job.status || job.progress !== entry.job.progress || job.counters !== entry.job.counters
        || job.queuePosition !== entry.job.queuePosition) {
      renderRow(job);
    }
  }

  const refetch = id => getJson('/api/jobs/' + encodeURIComponent(id)).then(renderRow, () => {});

  // An event of a job not in the list: the list (not a GET of that id) says whether the user has it, so a job
  // job-api does not know — another system's events it has not applied yet, history from before a reset — costs
  // one debounced list read instead of a 404 per event. Ids the list did not contain are left alone for a while.
  const RELOAD_AFTER_MS = 1000;
  const UNKNOWN_FOR_MS = 15000;
  const unknownUntil = new Map(); // job id -> time until which its events do not trigger a reload
  let reloadTimer = null;
  const pendingIds = new Set();
  function lookUp(id) {
    if ((unknownUntil.get(id) || 0) > Date.now()) return;
    pendingIds.add(id);
    if (reloadTimer) return;
    reloadTimer = setTimeout(async () => {
      reloadTimer = null;
      const asked = [...pendingIds];
      pendingIds.clear();
      await load();
      for (const jobId of asked) if (!rows.has(jobId)) unknownUntil.set(jobId, Date.now() + UNKNOWN_FOR_MS);
    }, RELOAD_AFTER_MS);
  }
  const refresh = id => (rows.has(id) ? refetch(id) : lookUp(id));

  let loaded = false;
  const early = [];
  function onEvent(frame) {
    if (!loaded) {
      early.push(frame);
      return;
    }
    const id = frame.jobId;
    const d = frame.data || {};
    switch (frame.type) {
      case 'job:created':
        if (!rows.has(id)) lookUp(id);
        break;
      case 'job:progress':
        patch(id, {progress: d.progress, counters: d.counters, stage: d.stage});
        break;
      case 'job:updated':
        patch(id, {status: d.status, stage: d.stage, reopen: isFinal(d.previousStatus)}, frame.time);
        break;
      case 'queue:position':
        patch(id, {queuePosition: d.position});
        break;
      case 'job:completed':
      case 'job:failed':
      case 'job:cancelled':
        refresh(id);
        break;
      default:
        if (!rows.has(id) && frame.type !== 'system:notification') lookUp(id);
    }
  }

  const unsubscribers = [];
  // The list only draws each job's latest progress: a slow browser may skip queued job:progress frames
  // (conflate, issue 11); status changes and every other event still arrive one by one.
  const listen = sub => unsubscribers.push(subscribe('user:' + sub, {event: onEvent, reset: () => load()}, null, {conflate: true}));
  listen(session.me.sub);
  const watchedOwners = new Set([session.me.sub]);

  async function load() {
    try {
      const page = await getJson('/api/jobs?size=50');
      loaded = false;
      for (const job of page.items) renderRow(job);
      if (session.admin) {
        // An admin may subscribe to anyone's user channel: follow the owners on this page live too.
        for (const job of page.items) {
          if (!watchedOwners.has(job.userId) && watchedOwners.size < 32) {
            watchedOwners.add(job.userId);
            listen(job.userId);
          }
        }
      }
      loaded = true;
      early.splice(0).forEach(onEvent);
      empty.hidden = rows.size > 0;
    } catch (e) {
      listCard.append(h('p.error', 'Could not load jobs: ' + e.message));
    }
  }
  load();

  return () => unsubscribers.forEach(u => u());
}
