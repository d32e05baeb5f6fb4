import { api, USERNAME } from '../api.js';
import { clear, confirmDialog, errorBox, focusHeading, formatTime, h, setTitle, toast } from '../dom.js';

/** All workspaces: create, open, rename, delete. */
export async function renderWorkspaces(main) {
  setTitle('Workspaces');
  const list = h('div', { class: 'workspace-list', 'aria-live': 'polite', 'aria-busy': 'true' },
    h('p', { class: 'muted loading' }, 'Loading workspaces…'));
  const page = h('section', { class: 'page' },
    h('div', { class: 'page-head' },
      h('div', {},
        h('h1', {}, 'Workspaces'),
        h('p', { class: 'muted' }, 'A workspace holds documents that are asked about together.'))),
    createForm(() => load()),
    list);
  main.append(page);
  focusHeading(page);

  async function load() {
    list.setAttribute('aria-busy', 'true');
    try {
      const workspaces = await api.get('/api/workspaces');
      clear(list, workspaces.length ? workspaces.map(ws => card(ws, load))
        : h('div', { class: 'empty' },
          h('p', { class: 'empty-title' }, 'No workspaces yet'),
          h('p', { class: 'muted' }, 'Create the first one above, then upload documents into it.')));
    } catch (e) {
      clear(list, errorBox(e, load));
    } finally {
      list.setAttribute('aria-busy', 'false');
    }
  }
  await load();
}

function createForm(reload) {
  const name = h('input', { id: 'workspace-name', name: 'name', required: true, maxlength: 200,
    placeholder: 'e.g. Handbooks', 'data-testid': 'workspace-name', autocomplete: 'off' });
  const description = h('input', { id: 'workspace-description', name: 'description', maxlength: 1000,
    placeholder: 'What it holds (optional)', autocomplete: 'off' });
  const feedback = h('div', { 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'workspace-create' },
    'Create workspace');
  const form = h('form', { class: 'card create-form', 'aria-labelledby': 'create-title' },
    h('h2', { id: 'create-title', class: 'card-title' }, 'New workspace'),
    h('div', { class: 'form-row' },
      h('div', { class: 'field grow' }, h('label', { for: 'workspace-name' }, 'Name'), name),
      h('div', { class: 'field grow2' }, h('label', { for: 'workspace-description' }, 'Description'), description),
      h('div', { class: 'field field-action' }, submit)),
    feedback);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    feedback.replaceChildren();
    if (!name.value.trim()) {
      feedback.append(h('div', { class: 'alert alert-error', role: 'alert' }, 'Give the workspace a name.'));
      name.focus();
      return;
    }
    submit.disabled = true;
    try {
      const ws = await api.post('/api/workspaces', { name: name.value.trim(),
        description: description.value.trim(), owner_username: USERNAME });
      name.value = '';
      description.value = '';
      toast(`Workspace “${ws.name}” created`, 'success');
      await reload();
      name.focus();
    } catch (e) {
      feedback.append(errorBox(e));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

function card(ws, reload) {
  const body = h('div', { class: 'ws-body' });
  const item = h('article', { class: 'card ws-card', 'data-workspace-id': ws.id }, body);
  showing();
  return item;

  function showing() {
    clear(body,
      h('div', { class: 'ws-main' },
        h('h2', { class: 'ws-name' },
          h('a', { href: `#/workspaces/${ws.id}`, 'data-testid': 'workspace-link' }, ws.name)),
        ws.description ? h('p', { class: 'muted ws-desc' }, ws.description) : null,
        h('p', { class: 'meta' }, `Created ${formatTime(ws.created_at)} · `, h('span', {}, `id ${ws.id}`))),
      h('div', { class: 'ws-actions' },
        h('a', { class: 'btn btn-small', href: `#/workspaces/${ws.id}/chat` }, 'Chat'),
        h('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'workspace-rename',
          'aria-label': `Rename ${ws.name}`, onclick: editing }, 'Rename'),
        h('button', { type: 'button', class: 'btn btn-small btn-danger-ghost', 'data-testid': 'workspace-delete',
          'aria-label': `Delete ${ws.name}`, onclick: remove }, 'Delete')));
  }

  function editing() {
    const nameId = `rename-${ws.id}`;
    const descId = `redesc-${ws.id}`;
    const name = h('input', { id: nameId, value: ws.name, required: true, maxlength: 200,
      'data-testid': 'workspace-rename-input' });
    const desc = h('input', { id: descId, value: ws.description || '', maxlength: 1000 });
    const feedback = h('div', { 'aria-live': 'assertive' });
    const form = h('form', { class: 'rename-form' },
      h('div', { class: 'form-row' },
        h('div', { class: 'field grow' }, h('label', { for: nameId }, 'Name'), name),
        h('div', { class: 'field grow2' }, h('label', { for: descId }, 'Description'), desc),
        h('div', { class: 'field field-action' },
          h('button', { type: 'submit', class: 'btn btn-primary btn-small', 'data-testid': 'workspace-rename-save' },
            'Save'),
          h('button', { type: 'button', class: 'btn btn-small', onclick: showing }, 'Cancel'))),
      feedback);
    form.addEventListener('keydown', e => {
      if (e.key === 'Escape') showing();
    });
    form.addEventListener('submit', async event => {
      event.preventDefault();
      try {
        const updated = await api.patch(`/api/workspaces/${ws.id}`, { name: name.value.trim(),
          description: desc.value.trim() });
        Object.assign(ws, updated);
        toast('Workspace renamed', 'success');
        showing();
        item.querySelector('[data-testid="workspace-link"]').focus();
      } catch (e) {
        clear(feedback, errorBox(e));
      }
    });
    clear(body, form);
    name.focus();
    name.select();
  }

  async function remove() {
    const ok = await confirmDialog({ title: `Delete “${ws.name}”?`,
      message: 'Its documents, their trees and files go with it. This cannot be undone.',
      confirm: 'Delete workspace' });
    if (!ok) return;
    try {
      await api.del(`/api/workspaces/${ws.id}`);
      toast(`Workspace “${ws.name}” deleted`, 'success');
      await reload();
    } catch (e) {
      toast(e.message, 'error');
    }
  }
}
