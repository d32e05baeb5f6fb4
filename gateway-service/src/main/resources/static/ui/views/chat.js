import { api, readEvents, USERNAME } from '../api.js';
import { clear, errorBox, focusHeading, h, setTitle } from '../dom.js';
import { findWorkspace, workspaceHeader } from './common.js';

// Conversations live as long as the page: per workspace, kept while the person moves between pages.
const conversations = new Map();

/** Chat over a workspace: the answer as it is written, the sections it cites, and how they were found. */
export async function renderChat(main, { workspaceId }) {
  let workspace;
  let docs = [];
  try {
    [workspace, docs] = await Promise.all([findWorkspace(api, workspaceId),
      api.get(`/api/documents?workspace_id=${workspaceId}`).catch(() => [])]);
  } catch (e) {
    main.append(h('section', { class: 'page' }, errorBox(e)));
    return null;
  }
  if (!workspace) {
    main.append(h('section', { class: 'page narrow' }, h('h1', {}, 'Workspace not found'),
      h('p', {}, h('a', { href: '#/' }, 'See all workspaces'))));
    return null;
  }
  setTitle(`Chat · ${workspace.name}`);
  if (!conversations.has(workspaceId)) conversations.set(workspaceId, []);
  const turns = conversations.get(workspaceId);
  const indexed = docs.filter(d => d.indexed_version > 0 || d.status === 'indexed');

  const log = h('div', { class: 'chat-log', role: 'log', 'aria-label': 'Conversation', 'aria-live': 'polite' });
  const input = h('textarea', { id: 'chat-input', rows: 2, 'data-testid': 'chat-input', required: true,
    placeholder: 'Ask a question about this workspace…', 'aria-describedby': 'chat-help' });
  const send = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'chat-send' }, 'Ask');
  const form = h('form', { class: 'chat-form' },
    h('label', { for: 'chat-input', class: 'sr-only' }, 'Question'),
    input, send,
    h('p', { id: 'chat-help', class: 'hint chat-hint' }, 'Enter sends, Shift+Enter starts a new line.',
      turns.length ? [' ', h('button', { type: 'button', class: 'link-like', onclick: () => {
        turns.length = 0;
        drawAll();
        input.focus();
      } }, 'Start over')] : null));
  let controller = null;

  const page = h('section', { class: 'page chat-page' },
    workspaceHeader(workspace, 'chat'),
    h('div', { class: 'card chat-card' }, log, form));
  main.append(page);
  focusHeading(page);

  function drawAll() {
    clear(log);
    if (!turns.length) {
      log.append(h('div', { class: 'empty chat-empty' },
        h('p', { class: 'empty-title' }, indexed.length ? 'Ask about these documents' : 'Nothing to ask about yet'),
        indexed.length
          ? h('p', { class: 'muted' }, `${indexed.length} indexed document${indexed.length === 1 ? '' : 's'}: `,
            indexed.slice(0, 5).map((d, i) => [i ? ', ' : '', h('a', { href: `#/documents/${d.id}` },
              d.doc_title || d.file_name)]), indexed.length > 5 ? '…' : '')
          : h('p', { class: 'muted' }, 'Upload a document on the ',
            h('a', { href: `#/workspaces/${workspaceId}` }, 'Documents'), ' tab and ask once it is indexed.')));
    }
    turns.forEach(turn => log.append(drawTurn(turn)));
  }

  input.addEventListener('keydown', event => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (controller) {
      controller.abort();
      return;
    }
    const question = input.value.trim();
    if (!question) {
      input.focus();
      return;
    }
    const history = turns.filter(t => t.answer).slice(-4).flatMap(t => [
      { role: 'user', content: t.question }, { role: 'assistant', content: t.answer }]);
    const turn = { question, answer: '', result: null, error: null, pending: true };
    turns.push(turn);
    input.value = '';
    drawAll();
    const view = log.lastElementChild;
    controller = new AbortController();
    send.textContent = 'Stop';
    send.setAttribute('aria-label', 'Stop the answer');
    try {
      await readEvents('/api/chat/query', {
        body: { workspace_id: workspaceId, query: question, username: USERNAME, history, stream: true },
        signal: controller.signal,
        onEvent: ({ data }) => {
          if (data === '[DONE]') return;
          let payload;
          try {
            payload = JSON.parse(data);
          } catch (ignored) {
            return;
          }
          if (typeof payload.delta === 'string') {
            turn.answer += payload.delta;
            view.querySelector('[data-testid="chat-answer"]').textContent = turn.answer;
          } else if (typeof payload.answer === 'string') {
            turn.answer = payload.answer;
            turn.result = payload;
          } else if (payload.detail) {
            turn.error = { message: payload.detail };
          }
        },
      });
      if (turn.result) turn.citations = await citations(turn.result);
    } catch (e) {
      turn.error = e.name === 'AbortError' ? { message: 'Stopped.' } : e;
    } finally {
      turn.pending = false;
      controller = null;
      send.textContent = 'Ask';
      send.removeAttribute('aria-label');
      view.replaceWith(drawTurn(turn));
      log.lastElementChild.scrollIntoView({ block: 'nearest' });
      input.focus();
    }
  });

  drawAll();
  input.focus();
  return () => controller && controller.abort();
}

function drawTurn(turn) {
  const answerText = h('div', { class: 'answer-text', 'data-testid': 'chat-answer' });
  if (turn.citations && turn.answer) linkify(answerText, turn.answer, turn.citations);
  else answerText.textContent = turn.answer;
  const result = turn.result;
  return h('div', { class: 'turn' },
    h('div', { class: 'msg msg-user' }, h('span', { class: 'sr-only' }, 'You asked: '), turn.question),
    h('div', { class: `msg msg-answer${turn.pending ? ' pending' : ''}`, 'aria-busy': String(!!turn.pending) },
      h('span', { class: 'sr-only' }, 'Answer: '),
      turn.pending && !turn.answer ? h('span', { class: 'typing', 'aria-label': 'Answering' }, h('i'), h('i'), h('i'))
        : null,
      answerText,
      turn.error ? errorBox(turn.error) : null,
      turn.citations && turn.citations.length ? h('div', { class: 'citations' },
        h('span', { class: 'label' }, 'Sections'),
        h('ul', {}, turn.citations.map(c => h('li', {}, h('a', { class: 'citation', href: c.href,
          'data-testid': 'chat-citation', 'data-node-id': c.node_id, 'data-document-id': c.doc_id ?? '' },
        h('span', { class: 'cite-id' }, c.node_id), ' ', c.title || '',
        c.pages ? h('span', { class: 'cite-pages' }, ` · p. ${c.pages}`) : null,
        c.showDoc && c.doc_title ? h('span', { class: 'cite-doc' }, ` · ${c.doc_title}`) : null))))) : null,
      result && result.routed_docs && result.routed_docs.length ? h('div', { class: 'routed' },
        h('span', { class: 'label' }, result.routed_docs.length === 1 ? 'Document' : 'Documents'),
        result.routed_docs.map(d => h('a', { class: 'chip', href: `#/documents/${d.doc_id}`,
          'data-testid': 'chat-routed-doc' }, d.doc_title || `Document ${d.doc_id}`))) : null,
      result ? h('details', { class: 'reasoning' },
        h('summary', {}, 'How this answer was found'),
        result.routing_reasoning ? [h('h4', {}, 'Choosing documents'), h('p', {}, result.routing_reasoning)] : null,
        result.reasoning ? [h('h4', {}, 'Choosing sections'), h('p', { class: 'pre' }, result.reasoning)] : null,
        result.context ? [h('h4', {}, 'Context the answer was written from'),
          h('pre', { class: 'context', tabindex: '0' }, result.context)] : null,
        result.images && result.images.length ? [h('h4', {}, 'Images'), h('div', { class: 'answer-images' },
          result.images.map(i => h('img', { src: `data:${i.media_type};base64,${i.data}`, alt: i.caption || 'Page image' })))]
          : null) : null));
}

/** "Section 2.1" in the answer becomes a link to the cited section. */
function linkify(el, text, cited) {
  const byId = new Map(cited.map(c => [c.node_id, c]));
  const pattern = /(Sections?\s+)(\d+(?:\.\d+)*)/g;
  let last = 0;
  let match;
  while ((match = pattern.exec(text))) {
    const c = byId.get(match[2]);
    if (!c) continue;
    el.append(text.slice(last, match.index + match[1].length),
      h('a', { href: c.href, class: 'inline-cite' }, match[2]));
    last = match.index + match[0].length;
  }
  el.append(text.slice(last));
}

/**
 * The cited sections with the document each belongs to: from `sources` when the answer carries them; otherwise node
 * ids are matched against the routed documents' trees (the same id can exist in several documents, so the context's
 * section headings decide between them).
 */
async function citations(result) {
  if (Array.isArray(result.sources) && result.sources.length) {
    const many = new Set(result.sources.map(s => s.doc_id)).size > 1;
    return result.sources.map(s => ({ ...s, pages: s.pages || '', showDoc: many,
      href: `#/documents/${s.doc_id}?node=${encodeURIComponent(s.node_id)}` }));
  }
  const routed = result.routed_docs || [];
  const withTrees = await Promise.all(routed.map(async d => ({ doc: d,
    tree: await api.get(`/api/documents/${d.doc_id}/tree`).catch(() => null) })));
  const many = routed.length > 1;
  return (result.node_ids || []).map(nodeId => {
    const image = (result.images || []).find(i => i.node_id === nodeId);
    const candidates = withTrees.map(t => ({ doc: t.doc, node: t.tree ? find(t.tree, nodeId) : null }))
      .filter(c => c.node);
    const inContext = candidates.find(c => (result.context || '').includes(`# ${c.node.title}`));
    const chosen = (image && candidates.find(c => c.doc.doc_id === image.doc_id)) || inContext || candidates[0];
    const doc = chosen ? chosen.doc : routed[0];
    return { node_id: nodeId, doc_id: doc ? doc.doc_id : null, doc_title: doc ? doc.doc_title : '',
      title: chosen ? chosen.node.title : '', pages: chosen ? chosen.node.pages || '' : '', showDoc: many,
      href: doc ? `#/documents/${doc.doc_id}?node=${encodeURIComponent(nodeId)}` : '#' };
  });
}

function find(node, id) {
  if (node.node_id === id) return node;
  for (const child of node.children || []) {
    const hit = find(child, id);
    if (hit) return hit;
  }
  return null;
}
