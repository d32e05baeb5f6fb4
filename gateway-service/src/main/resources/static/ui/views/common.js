import { h } from '../dom.js';

/** Breadcrumbs, the workspace's name and the tabs between its documents and its chat. */
export function workspaceHeader(workspace, current) {
  const tab = (id, label, href) => h('a', { href, class: 'tab', 'aria-current': current === id ? 'page' : null,
    'data-testid': `tab-${id}` }, label);
  return h('div', { class: 'page-head' },
    h('div', {},
      h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/' }, 'Workspaces'),
        h('span', { 'aria-hidden': 'true' }, ' / ')),
      h('h1', {}, workspace.name),
      workspace.description ? h('p', { class: 'muted' }, workspace.description) : null),
    h('nav', { class: 'tabs', 'aria-label': 'Workspace' },
      tab('documents', 'Documents', `#/workspaces/${workspace.id}`),
      tab('chat', 'Chat', `#/workspaces/${workspace.id}/chat`)));
}

/** The workspace with this id, or null. The API has no single-workspace read, so the list is searched. */
export async function findWorkspace(api, id) {
  const all = await api.get('/api/workspaces');
  return all.find(w => w.id === id) || null;
}
