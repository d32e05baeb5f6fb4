// Live document status from GET /api/documents/{id}/events, read with fetch so the key goes along. A browser keeps
// only about six connections per server, so at most MAX_STREAMS documents stream at once; the others wait their turn
// (a document's stream ends by itself once it is indexed or failed).
import { readEvents } from './api.js';

const MAX_STREAMS = 3;
const FINAL = new Set(['indexed', 'failed']);

export function isFinal(doc) {
  return FINAL.has(doc.status);
}

export class StatusWatcher {
  constructor({ onUpdate, onDeleted, onError }) {
    this.onUpdate = onUpdate;
    this.onDeleted = onDeleted;
    this.onError = onError || (() => {});
    this.waiting = [];
    this.running = new Map();
    this.stopped = false;
  }

  /** Starts following a document that is not final yet; a second call for the same document does nothing. */
  watch(id) {
    if (this.stopped || this.running.has(id) || this.waiting.includes(id)) return;
    this.waiting.push(id);
    this.pump();
  }

  pump() {
    while (!this.stopped && this.running.size < MAX_STREAMS && this.waiting.length) {
      const id = this.waiting.shift();
      const controller = new AbortController();
      this.running.set(id, controller);
      this.follow(id, controller).finally(() => {
        this.running.delete(id);
        this.pump();
      });
    }
  }

  async follow(id, controller) {
    let last = null;
    let deleted = false;
    try {
      await readEvents(`/api/documents/${id}/events`, {
        signal: controller.signal,
        onEvent: ({ event, data }) => {
          if (event === 'deleted') {
            deleted = true;
            this.onDeleted(id);
            return;
          }
          try {
            last = JSON.parse(data);
          } catch (ignored) {
            return;
          }
          this.onUpdate(last);
        },
      });
    } catch (e) {
      if (e.name === 'AbortError') return;
      if (e.status === 404) {
        this.onDeleted(id);
        return;
      }
      this.onError(id, e);
    }
    // the stream ended early (server time-out, network): follow again after a pause unless it is done
    if (!this.stopped && !deleted && !(last && isFinal(last))) {
      setTimeout(() => this.watch(id), 2000);
    }
  }

  stop() {
    this.stopped = true;
    this.waiting = [];
    this.running.forEach(controller => controller.abort());
    this.running.clear();
  }
}
