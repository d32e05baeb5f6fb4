// Accessibility basics of the page as it is shown, run in the browser by ConsoleBrowserTest. Returns a list of
// problems (empty when none): form fields without a label, buttons and links without a name, and text whose contrast
// against its background is under WCAG AA (4.5:1; 3:1 for large text).
const problems = [];

function visible(el) {
  const style = getComputedStyle(el);
  if (style.visibility === 'hidden' || style.display === 'none') return false;
  const rect = el.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0;
}

function describe(el) {
  return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (el.dataset.testid ? '[data-testid=' + el.dataset.testid + ']' : '')
    + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '');
}

// 1. every field has a label a screen reader announces
for (const field of document.querySelectorAll('input, textarea, select')) {
  if (field.type === 'hidden' || field.getAttribute('aria-hidden') === 'true') continue;
  const labelled = (field.id && document.querySelector('label[for="' + CSS.escape(field.id) + '"]'))
    || field.closest('label') || field.getAttribute('aria-label') || field.getAttribute('aria-labelledby');
  if (!labelled) problems.push('field without a label: ' + describe(field));
}

// 2. every button and link has a name
for (const el of document.querySelectorAll('button, a[href]')) {
  if (!visible(el)) continue;
  const name = (el.getAttribute('aria-label') || el.textContent || '').trim()
    || (el.querySelector('img[alt]') && el.querySelector('img[alt]').alt);
  if (!name) problems.push('control without a name: ' + describe(el));
}

// 3. text contrast
function rgba(color) {
  const m = color.match(/rgba?\(([^)]+)\)/);
  if (!m) return [0, 0, 0, 1];
  const parts = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
  return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
}

function luminance([r, g, b]) {
  const channel = c => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function blend(top, bottom) {
  const a = top[3];
  return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
}

function background(el) {
  const layers = [];
  for (let node = el; node; node = node.parentElement) {
    const bg = rgba(getComputedStyle(node).backgroundColor);
    if (bg[3] > 0) layers.push(bg);
    if (bg[3] >= 1) break;
  }
  let color = [255, 255, 255, 1];
  for (let i = layers.length - 1; i >= 0; i--) color = blend(layers[i], color);
  return color;
}

const seen = new Set();
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const text = walker.currentNode;
  const el = text.parentElement;
  if (!text.textContent.trim() || !el || seen.has(el) || !visible(el)) continue;
  if (el.closest('.sr-only, [aria-hidden="true"], noscript, .toast, dialog:not([open])')) continue;
  seen.add(el);
  const style = getComputedStyle(el);
  if (Number(style.opacity) < 1 && el.closest('button:disabled')) continue;
  const fg = blend(rgba(style.color), background(el));
  const bg = background(el);
  const l1 = luminance(fg);
  const l2 = luminance(bg);
  const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  const size = parseFloat(style.fontSize);
  const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
  if (ratio < (large ? 3 : 4.5)) {
    problems.push('contrast ' + ratio.toFixed(2) + ':1 for "' + text.textContent.trim().slice(0, 40) + '" in '
      + describe(el));
  }
}
return problems;
