import { api } from '../api.js';
import { clear, errorBox, focusHeading, formatBytes, h, progressBar, setTitle, statusBadge } from '../dom.js';
import { isFinal, StatusWatcher } from '../status.js';
import { findWorkspace } from './common.js';
import { structureReport } from './structure.js';

/** One document: its tree on the left, the chosen section's text and page images on the right. */
export async function renderDocument(main, { documentId, query }) {
  let doc;
  try {
    doc = await api.get(`/api/documents/${documentId}`);
  } catch (e) {
    main.append(h('section', { class: 'page narrow' },
      h('h1', {}, e.status === 404 ? 'Document not found' : 'The document cannot be shown'), errorBox(e),
      h('p', {}, h('a', { href: '#/' }, 'Back to the workspaces'))));
    return null;
  }
  const workspace = await findWorkspace(api, doc.workspace_id).catch(() => null);
  setTitle(doc.doc_title || doc.file_name);

  const head = h('div', { class: 'doc-head' });
  const report = h('div');
  const body = h('div', { class: 'doc-layout' });
  const page = h('section', { class: 'page page-wide' }, head, report, body);
  main.append(page);

  let watcher = null;
  const selected = { id: query.get('node') };

  function drawHead() {
    clear(head,
      h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' },
        h('a', { href: '#/' }, 'Workspaces'), h('span', { 'aria-hidden': 'true' }, ' / '),
        h('a', { href: `#/workspaces/${doc.workspace_id}` }, workspace ? workspace.name : `Workspace ${doc.workspace_id}`),
        h('span', { 'aria-hidden': 'true' }, ' / ')),
      h('div', { class: 'doc-title-row' },
        h('h1', {}, doc.doc_title || doc.file_name),
        statusBadge(doc),
        h('a', { class: 'btn btn-small', href: `#/workspaces/${doc.workspace_id}/chat` }, 'Ask this workspace')),
      h('p', { class: 'meta' }, [doc.file_name, doc.page_count != null ? plural(doc.page_count, 'page') : null,
        doc.node_count != null ? plural(doc.node_count, 'section') : null, formatBytes(doc.file_size), `version ${doc.version}`]
        .filter(Boolean).join(' · ')),
      doc.root_summary ? h('p', { class: 'doc-summary' }, doc.root_summary) : null,
      doc.status === 'failed' && doc.error
        ? h('div', { class: 'alert alert-error', role: 'alert', 'data-testid': 'document-error' },
          h('strong', {}, 'Indexing failed. '), doc.error) : null);
    clear(report, doc.structure ? structureReport(doc.structure) : null);
  }

  async function loadTree() {
    clear(body, h('p', { class: 'muted loading' }, 'Loading the tree…'));
    let tree;
    try {
      tree = await api.get(`/api/documents/${documentId}/tree`);
    } catch (e) {
      if (e.status === 409) {
        waitForIndex();
        return;
      }
      clear(body, errorBox(e, loadTree));
      return;
    }
    const detail = h('div', { class: 'node-panel', 'aria-live': 'polite' });
    const treeView = renderTree(tree, nodeId => openNode(nodeId, detail, treeView), selected.id);
    clear(body,
      h('aside', { class: 'tree-panel', 'aria-label': 'Table of contents' },
        h('h2', { class: 'panel-title' }, 'Contents'), treeView),
      detail);
    const first = selected.id || (tree.children && tree.children.length ? tree.children[0].node_id : null);
    if (first) openNode(first, detail, treeView, false);
    else clear(detail, h('p', { class: 'muted' }, 'This document has no sections.'));
  }

  function waitForIndex() {
    const failed = doc.status === 'failed';
    clear(body, h('div', { class: 'card waiting', 'data-testid': failed ? 'no-tree' : 'tree-pending' },
      h('h2', {}, failed ? 'There is no tree for this document' : 'The tree is being built'),
      failed ? [h('p', { class: 'muted' }, 'Fix the file and replace it from the workspace page, or try indexing it '
        + 'again (useful when the failure was on the server\'s side).'),
      h('button', { type: 'button', class: 'btn', onclick: async () => {
        try {
          doc = await api.post(`/api/documents/${documentId}/reindex`);
          drawHead();
          waitForIndex();
        } catch (e) {
          body.prepend(errorBox(e));
        }
      } }, 'Index again')]
        : [progressBar((doc.progress || 0) / 100, 'Indexing progress'),
          h('p', { class: 'muted' }, `Status: ${doc.status}, ${Math.round(doc.progress || 0)}%. `
            + 'This page updates by itself.')]));
    if (watcher && isFinal(doc)) {
      watcher.stop();
      watcher = null;
    }
    if (!watcher && !isFinal(doc)) {
      watcher = new StatusWatcher({
        onUpdate: updated => {
          doc = updated;
          drawHead();
          if (doc.status === 'indexed') loadTree();
          else waitForIndex();
        },
        onDeleted: () => clear(body, h('p', {}, 'The document was deleted.')),
      });
      watcher.watch(documentId);
    }
  }

  async function openNode(nodeId, detail, treeView, moveFocus = true) {
    selected.id = nodeId;
    treeView.querySelectorAll('[data-testid="tree-node"]').forEach(button => {
      const on = button.dataset.nodeId === nodeId;
      button.classList.toggle('selected', on);
      if (on) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    });
    revealNode(treeView, nodeId);
    history.replaceState(null, '', `#/documents/${documentId}?node=${encodeURIComponent(nodeId)}`);
    detail.setAttribute('aria-busy', 'true');
    try {
      const node = await api.get(`/api/documents/${documentId}/tree/${encodeURIComponent(nodeId)}`);
      if (selected.id !== nodeId) return;
      clear(detail, nodeView(node, id => openNode(id, detail, treeView)));
      if (moveFocus) detail.querySelector('h2').focus({ preventScroll: false });
    } catch (e) {
      clear(detail, errorBox(e));
    } finally {
      detail.setAttribute('aria-busy', 'false');
    }
  }

  drawHead();
  focusHeading(page);
  // a failed first version has no tree to ask for; a failed replacement still has the last indexed one
  if (doc.status === 'failed' && !doc.indexed_version) waitForIndex();
  else await loadTree();
  return () => watcher && watcher.stop();
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function pagesOf(node) {
  if (node.pages) return node.pages.includes('-') ? `pages ${node.pages}` : `page ${node.pages}`;
  if (node.start_page != null) {
    return node.end_page != null && node.end_page !== node.start_page
      ? `pages ${node.start_page}-${node.end_page}` : `page ${node.start_page}`;
  }
  return '';
}

function nodeView(node, open) {
  const images = node.images || [];
  return h('article', { class: 'node', 'data-testid': 'node-text', 'data-node-id': node.node_id },
    h('p', { class: 'meta' }, `Section ${node.node_id}`, pagesOf(node) ? ` · ${pagesOf(node)}` : ''),
    h('h2', { tabindex: '-1' }, node.title || '(untitled)'),
    node.summary ? h('div', { class: 'node-summary' }, h('span', { class: 'label' }, 'Summary'), node.summary) : null,
    h('div', { class: 'node-body' }, node.text ? node.text : h('span', { class: 'muted' }, 'No text of its own.')),
    images.length ? h('div', { class: 'node-images' },
      h('h3', {}, images.length === 1 ? 'Page image' : `Page images (${images.length})`),
      images.map(image => h('figure', {},
        h('img', { src: `data:${image.media_type};base64,${image.data}`, alt: image.caption || 'Page image',
          loading: 'lazy' }),
        image.caption ? h('figcaption', {}, image.caption) : null))) : null,
    node.children && node.children.length ? h('div', { class: 'node-children' },
      h('h3', {}, 'Sub-sections'),
      h('ul', {}, node.children.map(child => h('li', {},
        h('button', { type: 'button', class: 'link-like', onclick: () => open(child.node_id) },
          `${child.node_id} ${child.title}`))))) : null);
}

/** The tree as nested lists of buttons; arrow keys move, open and close like a file tree. */
function renderTree(tree, onOpen, selectedId) {
  const count = countNodes(tree) - 1;
  const root = h('ul', { class: 'tree', role: 'tree', 'aria-label': 'Sections', 'data-testid': 'tree' });
  (tree.children || []).forEach(child => root.append(treeItem(child, 1, count <= 80, onOpen)));
  root.addEventListener('keydown', event => keyboard(event, root));
  if (selectedId) revealNode(root, selectedId);
  return root;
}

function countNodes(node) {
  return 1 + (node.children || []).reduce((n, c) => n + countNodes(c), 0);
}

function treeItem(node, level, expandAll, onOpen) {
  const children = node.children || [];
  const expanded = children.length > 0 && (expandAll || level < 2);
  const groupId = `group-${node.node_id.replace(/[^\w-]/g, '_')}`;
  const toggle = children.length
    ? h('button', { type: 'button', class: 'tree-toggle', 'aria-expanded': String(expanded), 'aria-controls': groupId,
      'aria-label': `${expanded ? 'Collapse' : 'Expand'} ${node.title}`, tabindex: '-1' }, h('span', { 'aria-hidden': 'true' }, '▸'))
    : h('span', { class: 'tree-toggle-space', 'aria-hidden': 'true' });
  const pages = pagesOf(node);
  const button = h('button', { type: 'button', class: 'tree-node', 'data-testid': 'tree-node', 'data-node-id': node.node_id,
    onclick: () => onOpen(node.node_id) },
  h('span', { class: 'tree-line' },
    h('span', { class: 'tree-id' }, node.node_id),
    h('span', { class: 'tree-title' }, node.title || '(untitled)'),
    pages ? h('span', { class: 'tree-pages' }, pages.replace('pages ', 'p. ').replace('page ', 'p. ')) : null),
  node.summary ? h('span', { class: 'tree-summary' }, node.summary) : null);
  const group = children.length
    ? h('ul', { role: 'group', id: groupId, hidden: !expanded },
      children.map(child => treeItem(child, level + 1, expandAll, onOpen))) : null;
  const item = h('li', { role: 'treeitem', 'aria-expanded': children.length ? String(expanded) : null,
    'aria-level': level }, h('div', { class: 'tree-row' }, toggle, button), group);
  if (children.length) toggle.addEventListener('click', () => setExpanded(item, item.getAttribute('aria-expanded') !== 'true'));
  return item;
}

function setExpanded(item, open) {
  const toggle = item.querySelector(':scope > .tree-row > .tree-toggle');
  const group = item.querySelector(':scope > ul');
  if (!toggle || !group) return;
  item.setAttribute('aria-expanded', String(open));
  toggle.setAttribute('aria-expanded', String(open));
  toggle.setAttribute('aria-label', `${open ? 'Collapse' : 'Expand'} ${item.querySelector('.tree-title').textContent}`);
  group.hidden = !open;
}

function revealNode(treeView, nodeId) {
  const button = [...treeView.querySelectorAll('[data-testid="tree-node"]')].find(b => b.dataset.nodeId === nodeId);
  if (!button) return;
  let item = button.closest('li').parentElement.closest('li');
  while (item) {
    setExpanded(item, true);
    item = item.parentElement.closest('li');
  }
  button.scrollIntoView({ block: 'nearest' });
}

function keyboard(event, root) {
  const current = event.target.closest('.tree-node');
  if (!current) return;
  const visible = [...root.querySelectorAll('.tree-node')].filter(b => b.offsetParent !== null);
  const index = visible.indexOf(current);
  const item = current.closest('li');
  if (event.key === 'ArrowDown' && index < visible.length - 1) visible[index + 1].focus();
  else if (event.key === 'ArrowUp' && index > 0) visible[index - 1].focus();
  else if (event.key === 'ArrowRight') setExpanded(item, true);
  else if (event.key === 'ArrowLeft') {
    if (item.getAttribute('aria-expanded') === 'true') setExpanded(item, false);
    else {
      const parent = item.parentElement.closest('li');
      if (parent) parent.querySelector(':scope > .tree-row > .tree-node').focus();
    }
  } else return;
  event.preventDefault();
}
