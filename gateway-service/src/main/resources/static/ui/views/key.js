import { api, ApiError, saveKey } from '../api.js';
import { h, setTitle } from '../dom.js';

/** The key gate: the key is checked against the API before it is kept (in this tab's session storage only). */
export function renderKey(main, { message }) {
  setTitle('API key');
  const input = h('input', { id: 'key-input', type: 'password', name: 'key', autocomplete: 'current-password',
    required: true, spellcheck: 'false', 'data-testid': 'key-input', 'aria-describedby': 'key-help' });
  const feedback = h('div', { id: 'key-feedback', 'aria-live': 'assertive' });
  const save = h('button', { type: 'submit', class: 'btn btn-primary btn-block', 'data-testid': 'key-save' },
    'Continue');
  const show = h('input', { id: 'key-show', type: 'checkbox' });
  show.addEventListener('change', () => {
    input.type = show.checked ? 'text' : 'password';
  });
  if (message) {
    feedback.append(h('div', { class: 'alert alert-error', role: 'alert', 'data-testid': 'key-error' }, message));
  }

  const form = h('form', { class: 'card key-card', novalidate: true },
    h('div', { class: 'key-mark', 'aria-hidden': 'true' }, h('img', { src: 'icon.svg', alt: '', width: 44, height: 44 })),
    h('h1', {}, 'Welcome'),
    h('p', { class: 'muted' }, 'Upload long documents, explore them as a table of contents, and ask questions that '
      + 'are answered from the right section.'),
    h('label', { for: 'key-input' }, 'API key'),
    input,
    h('p', { id: 'key-help', class: 'hint' },
      'The server\'s RAG_API_KEY. It stays in this browser tab and is forgotten when the tab closes.'),
    h('label', { class: 'check' }, show, ' Show the key'),
    feedback,
    save);

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const key = input.value.trim();
    feedback.replaceChildren();
    if (!key) {
      feedback.append(h('div', { class: 'alert alert-error', role: 'alert', 'data-testid': 'key-error' },
        'Enter the API key.'));
      input.focus();
      return;
    }
    save.disabled = true;
    save.textContent = 'Checking…';
    try {
      // a call that needs the key and changes nothing; passing the key explicitly keeps a 401 here local
      await api.get('/api/workspaces', { key });
      saveKey(key);
      const after = sessionStorage.getItem('vectorless.after');
      sessionStorage.removeItem('vectorless.after');
      location.hash = after && after !== '#/key' ? after : '#/';
    } catch (e) {
      const text = e instanceof ApiError && e.status === 401
        ? `That key was not accepted (${e.message}). Check RAG_API_KEY on the server.`
        : e.message;
      feedback.append(h('div', { class: 'alert alert-error', role: 'alert', 'data-testid': 'key-error' }, text));
      input.select();
      input.focus();
    } finally {
      save.disabled = false;
      save.textContent = 'Continue';
    }
  });

  main.append(h('section', { class: 'page key-page' }, form));
  input.focus();
}
