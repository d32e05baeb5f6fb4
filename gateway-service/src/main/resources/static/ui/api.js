// The API as the console uses it: the key kept for this browser tab only, errors carrying the server's own words,
// server-sent events read with fetch (EventSource cannot send the key), uploads through XHR for their progress.

const KEY = 'vectorless.apiKey';
export const USERNAME = 'default';

export function apiKey() {
  return sessionStorage.getItem(KEY);
}

export function saveKey(key) {
  sessionStorage.setItem(KEY, key);
}

export function forgetKey() {
  sessionStorage.removeItem(KEY);
}

/** An answer other than 2xx, with the API's message as it was sent. */
export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/** The message a person should read: {"detail": "..."}, FastAPI's list, OpenAI's error object, or the raw text. */
export function messageOf(status, text) {
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (ignored) {
    // not JSON: the text is the message
  }
  if (body && typeof body.detail === 'string') return body.detail;
  if (body && Array.isArray(body.detail)) {
    return body.detail.map(d => (d.loc ? d.loc.join('.') + ': ' : '') + d.msg).join('; ');
  }
  if (body && body.error && body.error.message) return body.error.message;
  if (text && text.length < 400) return text;
  return `HTTP ${status}`;
}

const listeners = new Set();

/** Called with every 401, so the console can ask for the key again. */
export function onUnauthorized(listener) {
  listeners.add(listener);
}

function unauthorized(message) {
  listeners.forEach(listener => listener(message));
}

function headers(extra, key) {
  const out = Object.assign({}, extra);
  const k = key === undefined ? apiKey() : key;
  if (k) out.Authorization = 'Bearer ' + k;
  return out;
}

async function failure(response, notify = true) {
  const text = await response.text();
  const message = messageOf(response.status, text);
  if (response.status === 401 && notify) unauthorized(message);
  return new ApiError(response.status, message, text);
}

export async function request(method, path, body, options = {}) {
  const init = { method, headers: headers(options.headers, options.key), signal: options.signal };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'The server cannot be reached: ' + e.message);
  }
  if (!response.ok) throw await failure(response, options.key === undefined);
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

export const api = {
  get: (path, options) => request('GET', path, undefined, options),
  post: (path, body, options) => request('POST', path, body, options),
  patch: (path, body, options) => request('PATCH', path, body, options),
  del: (path, options) => request('DELETE', path, undefined, options),
};

/**
 * Reads a server-sent event stream: calls onEvent({event, data}) per event until the stream ends or signal aborts.
 * POSTs when body is given. Rejects with an ApiError when the server answers with an error instead of a stream.
 */
export async function readEvents(path, { body, signal, onEvent }) {
  const init = { method: body === undefined ? 'GET' : 'POST', signal,
    headers: headers({ Accept: 'text/event-stream, application/json' }) };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'The server cannot be reached: ' + e.message);
  }
  if (!response.ok) throw await failure(response);
  const type = response.headers.get('Content-Type') || '';
  if (!type.startsWith('text/event-stream')) {
    // a plain answer (some proxies or older servers): hand it over as one event
    onEvent({ event: 'message', data: await response.text() });
    return;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = 'message';
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let newline;
    while ((newline = buffer.search(/\r?\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(buffer[newline] === '\r' ? newline + 2 : newline + 1);
      if (line === '') {
        if (data.length) onEvent({ event, data: data.join('\n') });
        event = 'message';
        data = [];
      } else if (line.startsWith(':')) {
        // a comment: keep-alive
      } else {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = text;
        else if (field === 'data') data.push(text);
      }
    }
  }
  if (data.length) onEvent({ event, data: data.join('\n') });
}

/**
 * Uploads one file as multipart form data with XHR, whose upload events give the progress fetch cannot.
 * Resolves {status, body}; rejects with an ApiError.
 */
export function uploadFile(path, file, fields, onProgress) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('file', file, file.name);
    Object.entries(fields).forEach(([name, value]) => form.append(name, String(value)));
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    const key = apiKey();
    if (key) xhr.setRequestHeader('Authorization', 'Bearer ' + key);
    xhr.upload.onprogress = e => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        let body = null;
        try {
          body = JSON.parse(xhr.responseText);
        } catch (ignored) {
          // left null
        }
        resolve({ status: xhr.status, body });
      } else {
        const message = messageOf(xhr.status, xhr.responseText);
        if (xhr.status === 401) unauthorized(message);
        reject(new ApiError(xhr.status, message, xhr.responseText));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'The upload was interrupted: the server cannot be reached'));
    xhr.send(form);
  });
}
