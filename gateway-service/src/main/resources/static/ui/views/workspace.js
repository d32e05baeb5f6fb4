import { api, uploadFile, USERNAME } from '../api.js';
import { clear, confirmDialog, errorBox, focusHeading, formatBytes, formatTime, h, progressBar, setTitle, statusBadge,
  toast, uid } from '../dom.js';
import { isFinal, StatusWatcher } from '../status.js';
import { findWorkspace, workspaceHeader } from './common.js';

const ACCEPT = '.pdf,.md,.markdown,.txt,.docx,.pptx,.html,.htm,.epub';

/** One workspace: its documents with live status, and uploads (drag and drop, several at once). */
export async function renderWorkspace(main, { workspaceId }) {
  let workspace;
  try {
    workspace = await findWorkspace(api, workspaceId);
  } catch (e) {
    main.append(h('section', { class: 'page' }, errorBox(e)));
    return null;
  }
  if (!workspace) {
    main.append(h('section', { class: 'page narrow' }, h('h1', {}, 'Workspace not found'),
      h('p', {}, `There is no workspace ${workspaceId}. `, h('a', { href: '#/' }, 'See all workspaces'), '.')));
    return null;
  }
  setTitle(workspace.name);

  const rows = new Map();
  const tbody = h('tbody');
  const table = h('table', { class: 'doc-table' },
    h('caption', { class: 'sr-only' }, `Documents in ${workspace.name}`),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Document'),
      h('th', { scope: 'col' }, 'Status'),
      h('th', { scope: 'col', class: 'num' }, 'Pages'),
      h('th', { scope: 'col', class: 'num' }, 'Sections'),
      h('th', { scope: 'col', class: 'num' }, 'Size'),
      h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Actions')))),
    tbody);
  const listArea = h('div', { class: 'doc-list', 'aria-busy': 'true' }, h('p', { class: 'muted loading' }, 'Loading…'));
  const count = h('span', { class: 'count' });

  const watcher = new StatusWatcher({
    onUpdate: doc => upsert(doc),
    onDeleted: id => removeRow(id),
  });

  const page = h('section', { class: 'page' },
    workspaceHeader(workspace, 'documents'),
    uploader(workspace, doc => {
      upsert(doc);
      if (!isFinal(doc)) watcher.watch(doc.id);
    }),
    h('div', { class: 'section-head' }, h('h2', {}, 'Documents ', count),
      h('button', { type: 'button', class: 'btn btn-ghost btn-small', onclick: () => load() }, 'Refresh')),
    listArea);
  main.append(page);
  focusHeading(page);

  function upsert(doc) {
    let row = rows.get(doc.id);
    const fresh = documentRow(doc, { watcher, onDeleted: removeRow, onChanged: upsert });
    if (row) {
      // keep keyboard focus on the same control when a status change redraws the row
      const focused = row.contains(document.activeElement) ? document.activeElement.getAttribute('aria-label')
        || document.activeElement.dataset.testid : null;
      row.replaceWith(fresh);
      const again = focused && [...fresh.querySelectorAll('a,button')].find(el =>
        (el.getAttribute('aria-label') || el.dataset.testid) === focused);
      if (again) again.focus();
    } else {
      tbody.prepend(fresh);
    }
    rows.set(doc.id, fresh);
    showTable();
  }

  function removeRow(id) {
    const row = rows.get(id);
    if (row) row.remove();
    rows.delete(id);
    showTable();
  }

  function showTable() {
    count.textContent = `(${rows.size})`;
    if (rows.size) {
      if (!listArea.contains(table)) clear(listArea, table);
    } else {
      clear(listArea, h('div', { class: 'empty' },
        h('p', { class: 'empty-title' }, 'No documents yet'),
        h('p', { class: 'muted' }, 'Drop PDF, Word, PowerPoint, Markdown or text files above.')));
    }
  }

  async function load() {
    listArea.setAttribute('aria-busy', 'true');
    try {
      const docs = await api.get(`/api/documents?workspace_id=${workspaceId}`);
      rows.clear();
      tbody.replaceChildren();
      docs.sort((a, b) => a.id - b.id).forEach(doc => {
        upsert(doc);
        if (!isFinal(doc)) watcher.watch(doc.id);
      });
      showTable();
    } catch (e) {
      clear(listArea, errorBox(e, load));
    } finally {
      listArea.setAttribute('aria-busy', 'false');
    }
  }
  await load();
  return () => watcher.stop();
}

function documentRow(doc, { watcher, onDeleted, onChanged }) {
  const name = doc.doc_title || doc.file_name;
  const busy = !isFinal(doc);
  const replaceInput = h('input', { type: 'file', accept: ACCEPT, class: 'sr-only', tabindex: '-1',
    'aria-hidden': 'true', 'data-testid': 'replace-input' });
  replaceInput.addEventListener('change', async () => {
    const file = replaceInput.files[0];
    if (!file) return;
    try {
      const result = await uploadFile(`/api/documents/${doc.id}/replace`, file,
        { username: USERNAME, quick_index: doc.quick_index }, () => {});
      toast(`${file.name} replaces version ${doc.version}`, 'success');
      onChanged(result.body);
      watcher.watch(doc.id);
    } catch (e) {
      toast(`Replacing ${doc.file_name} failed: ${e.message}`, 'error');
    }
  });

  const statusCell = h('td', { class: 'status-cell' }, statusBadge(doc),
    busy ? progressBar((doc.progress || 0) / 100, `${doc.file_name} progress`) : null,
    doc.status === 'failed' && doc.error
      ? h('p', { class: 'doc-error', 'data-testid': 'document-error' }, doc.error) : null,
    doc.indexed_version && doc.version > doc.indexed_version && busy
      ? h('p', { class: 'hint' }, `Version ${doc.indexed_version} answers until version ${doc.version} is indexed`)
      : null);

  return h('tr', { 'data-testid': 'document-row', 'data-status': doc.status, 'data-document-id': doc.id,
    class: `doc-row doc-${doc.status}` },
  h('td', { class: 'doc-name' },
    h('a', { href: `#/documents/${doc.id}`, 'data-testid': 'document-link' }, name),
    h('div', { class: 'meta', title: `Updated ${formatTime(doc.updated_at || doc.created_at)}` },
      [name !== doc.file_name ? doc.file_name : null, `version ${doc.version}`, doc.quick_index ? 'quick index' : null]
        .filter(Boolean).join(' · '))),
  statusCell,
  h('td', { class: 'num' }, doc.page_count ?? '—'),
  h('td', { class: 'num' }, doc.node_count ?? '—'),
  h('td', { class: 'num' }, formatBytes(doc.file_size)),
  h('td', { class: 'actions' },
    replaceInput,
    h('button', { type: 'button', class: 'btn btn-small', 'aria-label': `Replace ${doc.file_name} with a new version`,
      onclick: () => replaceInput.click() }, 'Replace'),
    h('button', { type: 'button', class: 'btn btn-small', 'aria-label': `Index ${doc.file_name} again`,
      'data-testid': 'document-reindex', onclick: async () => {
        try {
          onChanged(await api.post(`/api/documents/${doc.id}/reindex`));
          watcher.watch(doc.id);
          toast(`Indexing ${doc.file_name} again`, 'info');
        } catch (e) {
          toast(e.message, 'error');
        }
      } }, 'Reindex'),
    h('button', { type: 'button', class: 'btn btn-small btn-danger-ghost', 'aria-label': `Delete ${doc.file_name}`,
      'data-testid': 'document-delete', onclick: async () => {
        const ok = await confirmDialog({ title: `Delete ${doc.file_name}?`,
          message: 'Its tree, page images and stored files are removed. This cannot be undone.',
          confirm: 'Delete document' });
        if (!ok) return;
        try {
          await api.del(`/api/documents/${doc.id}`);
          onDeleted(doc.id);
          toast(`${doc.file_name} deleted`, 'success');
        } catch (e) {
          toast(e.message, 'error');
        }
      } }, 'Delete')));
}

/** The drop zone, the file input, the quick-index switch and one progress line per file being sent. */
function uploader(workspace, onUploaded) {
  const inputId = uid('upload');
  const input = h('input', { id: inputId, type: 'file', multiple: true, accept: ACCEPT, class: 'file-input',
    'data-testid': 'upload-input' });
  const quick = h('input', { id: 'quick-index', type: 'checkbox', role: 'switch', 'data-testid': 'quick-index',
    'aria-describedby': 'quick-help' });
  const queue = h('ul', { class: 'upload-queue', 'aria-label': 'Uploads', 'aria-live': 'polite' });
  const zone = h('div', { class: 'dropzone' },
    h('svg', { class: 'drop-icon', viewBox: '0 0 24 24', 'aria-hidden': 'true' }),
    h('p', { class: 'drop-title' }, 'Drop files here or ',
      h('label', { for: inputId, class: 'link-like' }, 'choose files'), input),
    h('p', { class: 'hint' }, 'PDF, DOCX, PPTX, Markdown, TXT · several at once'));
  zone.querySelector('svg').innerHTML = '<path fill="none" stroke="currentColor" stroke-width="1.6" '
    + 'stroke-linecap="round" stroke-linejoin="round" d="M12 16V4m0 0L7 9m5-5 5 5M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 '
    + '1-1v-3"/>';

  ['dragenter', 'dragover'].forEach(type => zone.addEventListener(type, e => {
    e.preventDefault();
    zone.classList.add('dragging');
  }));
  ['dragleave', 'drop'].forEach(type => zone.addEventListener(type, e => {
    e.preventDefault();
    if (type === 'drop' || !zone.contains(e.relatedTarget)) zone.classList.remove('dragging');
  }));
  zone.addEventListener('drop', e => send([...e.dataTransfer.files]));
  input.addEventListener('change', () => {
    send([...input.files]);
    input.value = '';
  });

  let chain = Promise.resolve();
  function send(files) {
    files.forEach(file => enqueue(file));
  }

  function enqueue(file, replacing) {
    const bar = progressBar(0, `Uploading ${file.name}`);
    const state = h('span', { class: 'upload-state' }, 'waiting');
    const item = h('li', { class: 'upload-item', 'data-testid': 'upload-item' },
      h('span', { class: 'upload-name' }, file.name), h('span', { class: 'meta' }, formatBytes(file.size)), bar,
      state);
    if (replacing) replacing.replaceWith(item); else queue.append(item);
    // one file after the other: the browser's few connections stay free for the status streams
    chain = chain.then(async () => {
      state.textContent = 'sending';
      try {
        const result = await uploadFile('/api/documents/upload', file, { workspace_id: workspace.id,
          username: USERNAME, quick_index: quick.checked }, fraction => {
          bar.firstChild.style.width = `${Math.round(fraction * 100)}%`;
          bar.setAttribute('aria-valuenow', Math.round(fraction * 100));
        });
        bar.firstChild.style.width = '100%';
        item.classList.add('done');
        state.textContent = result.status === 200 ? 'already here' : 'uploaded';
        onUploaded(result.body);
        setTimeout(() => item.remove(), 3000);
      } catch (e) {
        item.classList.add('failed');
        state.textContent = e.message;
        state.setAttribute('role', 'alert');
        item.append(
          h('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'upload-retry',
            'aria-label': `Upload ${file.name} again`, onclick: () => enqueue(file, item) }, 'Try again'),
          h('button', { type: 'button', class: 'btn btn-ghost btn-small', 'aria-label': 'Dismiss',
            onclick: () => item.remove() }, '×'));
      }
    });
  }

  return h('div', { class: 'card upload-card' },
    zone,
    h('div', { class: 'upload-options' },
      h('label', { class: 'switch', for: 'quick-index' }, quick, h('span', { class: 'switch-track', 'aria-hidden': 'true' }),
        ' Quick index'),
      h('span', { id: 'quick-help', class: 'hint' },
        'Skips LLM summaries: faster, and the same when no LLM is configured.')),
    queue);
}
