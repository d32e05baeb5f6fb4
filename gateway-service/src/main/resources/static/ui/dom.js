// Small helpers for building the page: elements from plain data, never from HTML strings (so nothing the API
// returns is ever parsed as markup).

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') el.className = value;
    else if (name === 'text') el.textContent = value;
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let unique = 0;
export function uid(prefix) {
  unique += 1;
  return `${prefix}-${unique}`;
}

export function formatBytes(bytes) {
  if (bytes === null || bytes === undefined) return '—';
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 && unit > 0 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

export function formatTime(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A toast in the live region; errors stay until dismissed, the rest fade. */
export function toast(message, kind = 'info') {
  const region = document.getElementById('toasts');
  const close = h('button', { class: 'toast-close', type: 'button', 'aria-label': 'Dismiss' }, '×');
  const item = h('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : null },
    h('span', {}, message), close);
  close.addEventListener('click', () => item.remove());
  region.append(item);
  if (kind !== 'error') setTimeout(() => item.remove(), 4000);
}

/** A modal confirmation on the native dialog element; resolves true when confirmed. */
export function confirmDialog({ title, message, confirm = 'Delete', danger = true }) {
  return new Promise(resolve => {
    const titleId = uid('dialog-title');
    const ok = h('button', { type: 'submit', value: 'ok', class: danger ? 'btn btn-danger' : 'btn btn-primary',
      'data-testid': 'confirm-ok' }, confirm);
    const cancel = h('button', { type: 'submit', value: 'cancel', class: 'btn', 'data-testid': 'confirm-cancel' },
      'Cancel');
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId },
      h('form', { method: 'dialog' },
        h('h2', { id: titleId }, title),
        h('p', {}, message),
        h('div', { class: 'dialog-actions' }, cancel, ok)));
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'ok');
      dialog.remove();
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}

/** An error box with the API's message, as it was sent. */
export function errorBox(error, retry) {
  return h('div', { class: 'alert alert-error', role: 'alert', 'data-testid': 'error' },
    h('strong', {}, error.status ? `Error ${error.status}` : 'Error'),
    h('span', {}, ' ' + (error.message || String(error))),
    retry ? h('button', { type: 'button', class: 'btn btn-small', onclick: retry }, 'Try again') : null);
}

export function statusBadge(doc) {
  const status = doc.status || 'queued';
  const busy = status !== 'indexed' && status !== 'failed';
  const pct = Math.max(0, Math.min(100, Math.round(doc.progress || 0)));
  return h('span', { class: `badge badge-${status}` },
    busy ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null,
    status,
    busy ? h('span', { class: 'badge-pct' }, ` ${pct}%`) : null);
}

export function progressBar(fraction, label) {
  const pct = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  return h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100,
    'aria-valuenow': pct, 'aria-label': label },
  h('div', { class: 'progress-fill', style: `width:${pct}%` }));
}

/** Moves focus to the new page's heading, so keyboard and screen-reader users land where the page starts. */
export function focusHeading(container) {
  const heading = container.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}

export function setTitle(text) {
  document.title = text ? `${text} · Vectorless RAG` : 'Vectorless RAG';
}
