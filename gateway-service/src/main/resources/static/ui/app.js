// The console's entry: a router over the URL fragment (#/workspaces/1, #/documents/7?node=2.1), the key gate, and
// the session bar. Each page renders into <main> and returns what to stop when it is left.
import { apiKey, forgetKey, onUnauthorized } from './api.js';
import { clear, h } from './dom.js';
import { renderKey } from './views/key.js';
import { renderWorkspaces } from './views/workspaces.js';
import { renderWorkspace } from './views/workspace.js';
import { renderDocument } from './views/document.js';
import { renderChat } from './views/chat.js';

const routes = [
  { pattern: /^\/key$/, view: renderKey, open: true, nav: null },
  { pattern: /^\/?$/, view: renderWorkspaces, nav: 'workspaces' },
  { pattern: /^\/workspaces\/(\d+)$/, view: renderWorkspace, names: ['workspaceId'], nav: 'workspaces' },
  { pattern: /^\/workspaces\/(\d+)\/chat$/, view: renderChat, names: ['workspaceId'], nav: 'workspaces' },
  { pattern: /^\/documents\/(\d+)$/, view: renderDocument, names: ['documentId'], nav: 'workspaces' },
];

let leave = null;
let keyMessage = null;

function parse() {
  const hash = decodeURIComponent(location.hash.replace(/^#/, '')) || '/';
  const [path, query] = hash.split('?');
  return { path, query: new URLSearchParams(query || '') };
}

async function route() {
  const { path, query } = parse();
  if (leave) {
    try {
      leave();
    } catch (ignored) {
      // the old page is gone either way
    }
    leave = null;
  }
  renderSession();
  const match = routes.map(r => ({ r, m: path.match(r.pattern) })).find(x => x.m);
  const main = document.getElementById('main');
  document.querySelectorAll('[data-nav]').forEach(a => {
    if (match && a.dataset.nav === match.r.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  if (!match) {
    clear(main, h('section', { class: 'page narrow' },
      h('h1', {}, 'Page not found'),
      h('p', {}, 'Nothing lives at this address. ', h('a', { href: '#/' }, 'Back to the workspaces'), '.')));
    return;
  }
  if (!match.r.open && !apiKey()) {
    sessionStorage.setItem('vectorless.after', location.hash);
    location.hash = '#/key';
    return;
  }
  const params = { query };
  (match.r.names || []).forEach((name, i) => {
    params[name] = Number(match.m[i + 1]);
  });
  if (match.r.view === renderKey) {
    params.message = keyMessage;
    keyMessage = null;
  }
  clear(main);
  const result = await match.r.view(main, params);
  leave = typeof result === 'function' ? result : null;
}

function renderSession() {
  const session = document.getElementById('session');
  if (!apiKey()) {
    clear(session);
    return;
  }
  clear(session,
    h('span', { class: 'session-key', title: 'The key is kept in this tab only' },
      h('span', { class: 'dot', 'aria-hidden': 'true' }), 'Key set'),
    h('button', { type: 'button', class: 'btn btn-ghost btn-small', 'data-testid': 'key-forget', onclick: () => {
      forgetKey();
      location.hash = '#/key';
    } }, 'Change key'));
}

onUnauthorized(message => {
  forgetKey();
  keyMessage = `The API did not accept the key: ${message}`;
  if (parse().path !== '/key') {
    sessionStorage.setItem('vectorless.after', location.hash);
    location.hash = '#/key';
  } else {
    route();
  }
});

window.addEventListener('hashchange', route);
route();
