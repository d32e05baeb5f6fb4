import { h } from '../dom.js';

// The document's structure report (where its headings came from, how far the sources agree, how sure the parser is),
// drawn from whatever fields it carries: a new field shows up without a change here.

function label(key) {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isShare(key, value) {
  return typeof value === 'number' && value >= 0 && value <= 1 && /confidence|share|ratio|agreement|coverage|fraction/i
    .test(key);
}

function scalar(key, value) {
  if (value === null || value === undefined) return h('span', { class: 'muted' }, '—');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (isShare(key, value)) {
    const pct = Math.round(value * 100);
    return h('span', { class: 'share' }, h('meter', { min: 0, max: 1, low: 0.5, high: 0.8, optimum: 1, value,
      'aria-label': label(key) }), ` ${pct}%`);
  }
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  return String(value);
}

function value(key, v) {
  if (Array.isArray(v)) {
    if (!v.length) return h('span', { class: 'muted' }, 'none');
    if (v.every(x => x === null || typeof x !== 'object')) return v.map(x => scalar(key, x)).join(', ');
    const columns = [...new Set(v.flatMap(x => Object.keys(x || {})))];
    return h('table', { class: 'mini-table' },
      h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col' }, label(c))))),
      h('tbody', {}, v.map(row => h('tr', {}, columns.map(c => h('td', {},
        row && typeof row[c] === 'object' && row[c] !== null ? JSON.stringify(row[c]) : scalar(c, row ? row[c] : null)))))));
  }
  if (v && typeof v === 'object') return list(v);
  return scalar(key, v);
}

function list(object) {
  return h('dl', { class: 'kv' }, Object.entries(object).flatMap(([k, v]) => [h('dt', {}, label(k)), h('dd', {}, value(k, v))]));
}

export function structureReport(structure) {
  const confidence = typeof structure.confidence === 'number' ? structure.confidence : null;
  const level = confidence === null ? '' : confidence >= 0.8 ? 'high' : confidence >= 0.5 ? 'medium' : 'low';
  return h('details', { class: `card structure structure-${level}`, 'data-testid': 'structure-report',
    open: level === 'low' },
  h('summary', {}, h('span', { class: 'structure-title' }, 'Structure report'),
    confidence === null ? null : h('span', { class: `pill pill-${level}` },
      `${level} confidence · ${Math.round(confidence * 100)}%`),
    level === 'low' ? h('span', { class: 'hint' }, ' The headings may not match the document\'s real sections.') : null),
  typeof structure === 'object' ? list(structure) : h('p', {}, String(structure)));
}
