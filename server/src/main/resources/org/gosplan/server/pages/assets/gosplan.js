// Gosplan's shared page code: navigation, the API, and the checks every page makes in the
// browser (SHA-256, RFC 8785 canonical JSON, RFC 9162 inclusion proofs, signed-note Ed25519
// signatures) with WebCrypto: nothing is taken on the server's word.
'use strict';

const G = {};

G.el = (tag, attrs, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v; else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
};

G.api = async (path, options) => {
  const r = await fetch(path, Object.assign({ cache: 'no-store' }, options || {}));
  const text = await r.text();
  let body;
  try { body = JSON.parse(text); } catch (e) { body = { error: text }; }
  if (!r.ok) throw new Error(body.error || r.status + ' ' + r.statusText);
  return body;
};

// The navigation: every capability's pages, as the server lists them.
G.nav = async () => {
  const header = G.el('header', {}, G.el('a', { href: '/', class: 'brand' }, 'Gosplan'));
  document.body.prepend(header);
  try {
    for (const p of await G.api('/api/pages')) header.append(G.el('a', { href: p.path }, p.title));
  } catch (e) { /* the page works without its navigation */ }
};

G.hex = (bytes) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
G.unhex = (s) => new Uint8Array(s.match(/../g).map((h) => parseInt(h, 16)));
G.b64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
G.unb64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
G.utf8 = (s) => new TextEncoder().encode(s);
G.concat = (...parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
};
G.sha256 = async (bytes) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
G.equal = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

// RFC 8785: keys sorted by UTF-16 code units, numbers and strings as ECMAScript writes them.
G.canonical = (v) => {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return '[' + v.map(G.canonical).join(',') + ']';
  return '{' + Object.keys(v).sort().map((k) => JSON.stringify(k) + ':' + G.canonical(v[k])).join(',') + '}';
};

// The log entry of an event as the API shows it: the canonical JSON of its own six fields.
G.entry = (shown) => {
  const e = {};
  for (const k of ['v', 'type', 'time', 'signer', 'body', 'sig']) e[k] = shown[k];
  return G.utf8(G.canonical(e));
};

// RFC 9162 section 2.1.3.2: the root an inclusion proof leads to from a leaf hash.
G.inclusionRoot = async (index, size, leaf, path) => {
  if (index >= size) throw new Error('index ' + index + ' is outside the tree of ' + size);
  let fn = index, sn = size - 1, r = leaf;
  for (const p of path) {
    if (sn === 0) throw new Error('the proof is longer than the tree is deep');
    if (fn % 2 === 1 || fn === sn) {
      r = await G.sha256(G.concat(new Uint8Array([1]), p, r));
      if (fn % 2 === 0) { while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); } }
    } else {
      r = await G.sha256(G.concat(new Uint8Array([1]), r, p));
    }
    fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
  }
  if (sn !== 0) throw new Error('the proof is shorter than the tree is deep');
  return r;
};

// The first n - 1 '+'-separated fields of a key, and the rest (base64, which may hold '+') as the last.
G.splitKey = (text, n) => {
  const parts = text.split('+');
  return parts.length < n ? parts : parts.slice(0, n - 1).concat([parts.slice(n - 1).join('+')]);
};

// A signed-note verifier key: <name>+<key id hex>+<base64(0x01 || 32-byte Ed25519 key)>.
G.parseVkey = async (vkey) => {
  // The base64 may hold '+' too: only the first two split.
  const [name, id, b64] = G.splitKey(vkey, 3);
  const raw = G.unb64(b64);
  if (raw[0] !== 1 || raw.length !== 33) throw new Error('not an Ed25519 note key');
  const want = (await G.sha256(G.concat(G.utf8(name + '\n'), raw))).slice(0, 4);
  if (G.hex(want) !== id) throw new Error('the key id does not match the key');
  const key = await crypto.subtle.importKey('raw', raw.slice(1), { name: 'Ed25519' }, false, ['verify']);
  return { name, id: want, key };
};

// Checks a checkpoint note's signature by the log's key; returns {origin, size, root}.
G.verifyCheckpoint = async (note, vkey) => {
  const k = await G.parseVkey(vkey);
  const blank = note.indexOf('\n\n');
  if (blank < 0) throw new Error('the checkpoint is not a signed note');
  const text = note.slice(0, blank + 1);
  let verified = false;
  for (const line of note.slice(blank + 2).split('\n')) {
    const m = /^\u2014 (\S+) (\S+)$/.exec(line);
    if (!m || m[1] !== k.name) continue;
    const sig = G.unb64(m[2]);
    if (!G.equal(sig.slice(0, 4), k.id)) continue;
    verified = await crypto.subtle.verify({ name: 'Ed25519' }, k.key, sig.slice(4), G.utf8(text));
    if (verified) break;
  }
  if (!verified) throw new Error('no signature by the log\u2019s key ' + k.name + ' verifies');
  const [origin, size, root] = text.split('\n');
  if (origin !== k.name) throw new Error('the checkpoint is for ' + origin + ', not ' + k.name);
  return { origin, size: Number(size), root: G.unb64(root) };
};

// A sortable table of [key, number] rows.
G.table = (columns, rows) => {
  const tbody = G.el('tbody');
  const head = G.el('tr');
  const table = G.el('table', {}, G.el('thead', {}, head), tbody);
  const fill = () => {
    tbody.replaceChildren(...rows.map((r) => G.el('tr', {}, ...r.map((c, i) =>
      G.el('td', columns[i].num ? { class: 'num' } : {}, columns[i].num ? G.fmt(c) : c)))));
  };
  columns.forEach((c, i) => {
    let asc = false;
    const th = G.el('th', { class: 'sortable' + (c.num ? ' num' : ''), role: 'button', tabindex: '0' }, c.title);
    const sort = () => {
      asc = !asc;
      rows.sort((a, b) => (c.num ? a[i] - b[i] : String(a[i]).localeCompare(String(b[i]))) * (asc ? 1 : -1));
      fill();
    };
    th.addEventListener('click', sort);
    th.addEventListener('keydown', (e) => { if (e.key === 'Enter') sort(); });
    head.append(th);
  });
  fill();
  return G.el('div', { class: 'scroll' }, table);
};

// Numbers for people: 7 significant digits at most (801,871.2, not 801,871.172232), up to 6 decimals
// below 1, powers of ten outside [0.001, 1e6). The API has every digit.
G.fmt = (x) => (typeof x !== 'number' ? String(x)
  : Math.abs(x) >= 1e6 || (x !== 0 && Math.abs(x) < 1e-3) ? x.toExponential(4)
    : Math.abs(x) >= 1 ? x.toLocaleString('en', { maximumSignificantDigits: 7 })
      : x.toLocaleString('en', { maximumFractionDigits: 6 }));

G.check = (node, ok, text) => { node.className = 'check ' + (ok ? 'ok' : 'bad'); node.textContent = text; };

// Reads the API at path; on a refusal says what failed in node (a .check) and gives null.
G.load = async (path, node) => {
  try {
    return await G.api(path);
  } catch (e) {
    G.check(node, false, e.message);
    return null;
  }
};

document.addEventListener('DOMContentLoaded', G.nav);
