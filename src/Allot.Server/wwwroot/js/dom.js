// Building the page without innerHTML: every piece of data goes in as a text node, so a customer called
// "<script>…" shows as those characters and never runs.

/**
 * An element: h('td', { class: 'num', on: { click } }, 'text', otherNode, [more, children]).
 * Strings and numbers become text nodes; null, undefined and false are left out.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'on') {
        for (const [event, fn] of Object.entries(value)) el.addEventListener(event, fn);
      } else if (name === 'class') {
        el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
      } else if (name === 'dataset') {
        Object.assign(el.dataset, value);
      } else if (name === 'style') {
        Object.assign(el.style, value);
      } else if (name === 'value' || name === 'checked' || name === 'disabled' || name === 'selected') {
        el[name] = value;
      } else {
        if (/^on/i.test(name)) throw new Error('event handlers go in attrs.on');
        el.setAttribute(name, value === true ? '' : String(value));
      }
    }
  }
  append(el, children);
  return el;
}

/** Appends children (nested arrays flattened; strings as text). */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces all children of an element. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** A table: columns [{ label, num?, cell: row => node|string, class? }], rows. */
export function table(columns, rows, { empty, rowClass } = {}) {
  const head = h('thead', null, h('tr', null, columns.map(c => h('th', { class: c.num ? 'num' : null }, c.label))));
  const body = h('tbody', null, rows.length === 0 && empty
    ? h('tr', null, h('td', { class: 'empty', colspan: columns.length }, empty))
    : rows.map(r => h('tr', { class: rowClass ? rowClass(r) : null }, columns.map(c => h('td', { class: c.num ? 'num' : c.class }, c.cell(r))))));
  return h('div', { class: 'table-wrap' }, h('table', { class: 'grid' }, head, body));
}

/** A card with a title and content. */
export function card(title, ...content) {
  return h('section', { class: 'card' }, title ? h('h2', null, title) : null, content);
}
