'use strict';
// Voting: the key file is read here, the vote built, canonicalised (RFC 8785) and signed here
// (WebCrypto Ed25519). Only the signed vote leaves the page.
const state = { ballots: new Map(), signer: null, key: null };

// PKCS #8 wrapping of a 32-byte Ed25519 seed (RFC 8410): a fixed prefix.
const PKCS8 = G.unhex('302e020100300506032b657004220420');

const readKey = async (text) => {
  const parts = G.splitKey(text.trim(), 5);
  if (parts.length !== 5 || parts[0] !== 'PRIVATE' || parts[1] !== 'KEY') {
    throw new Error('this is not a Gosplan key file (it starts PRIVATE+KEY+NAME+ID+...)');
  }
  const [, , name, id, b64] = parts;
  const raw = G.unb64(b64);
  if (raw.length !== 33 || raw[0] !== 1) throw new Error('the key file does not hold an Ed25519 key');
  const key = await crypto.subtle.importKey('pkcs8', G.concat(PKCS8, raw.slice(1)), { name: 'Ed25519' }, true,
    ['sign']);
  const pub = G.unb64((await crypto.subtle.exportKey('jwk', key)).x.replace(/-/g, '+').replace(/_/g, '/') + '=');
  const want = (await G.sha256(G.concat(G.utf8(name + '\n'), new Uint8Array([1]), pub))).slice(0, 4);
  if (G.hex(want) !== id) throw new Error('the key id in the file does not match its key');
  return { signer: name + '+' + id, key };
};

const loadBallots = async () => {
  const select = document.getElementById('ballot');
  const log = await G.api('/api/log');
  for (let from = 0; from < log.size; from += 1000) {
    const page = await G.api('/api/events?from=' + from + '&limit=1000');
    for (const e of page.events) {
      if (e.type === 'ballot.opened') state.ballots.set(e.index, e.body);
      if (e.type === 'ballot.closed') state.ballots.delete(e.body.ballot);
    }
  }
  for (const [i, b] of state.ballots) select.append(G.el('option', { value: String(i) }, i + ': ' + b.title));
  if (!state.ballots.size) select.append(G.el('option', { value: '' }, 'no ballot is open'));
  // a ballot's page links here as /vote#I
  if (state.ballots.has(Number(location.hash.slice(1)))) select.value = location.hash.slice(1);
  showBallot();
};

const showBallot = () => {
  const i = Number(document.getElementById('ballot').value);
  const b = state.ballots.get(i);
  const box = document.getElementById('options');
  box.replaceChildren();
  document.getElementById('ballot-info').textContent = b ? 'Method: ' + b.method + ', electorate: ' + b.electorate
    + (b.method === 'approval' ? '. Tick every option you approve.' : '. Number the options, 1 for your first choice.')
    : '';
  if (!b) return;
  b.options.forEach((o, k) => {
    const label = typeof o === 'string' ? o : (o.title || o.name || JSON.stringify(o));
    const input = b.method === 'approval'
      ? G.el('input', { type: 'checkbox', id: 'option-' + k, value: String(k) })
      : G.el('input', { type: 'number', min: '1', id: 'option-' + k, value: '', class: 'rank' });
    box.append(G.el('label', { for: 'option-' + k }, input, ' ', label));
  });
  ready();
};

const ready = () => {
  document.getElementById('cast').disabled = !(state.key && state.ballots.size);
};

const body = () => {
  const i = Number(document.getElementById('ballot').value);
  const b = state.ballots.get(i);
  if (b.method === 'approval') {
    // a vote names the options themselves (a proposal's log index, a candidate's label), as councils.md says
    const approve = b.options.filter((o, k) => document.getElementById('option-' + k).checked);
    return { ballot: i, approve };
  }
  const ranks = new Map();
  b.options.forEach((o, k) => {
    const r = Number(document.getElementById('option-' + k).value);
    if (r > 0) ranks.set(r, (ranks.get(r) || []).concat([o]));
  });
  return { ballot: i, rank: [...ranks.keys()].sort((x, y) => x - y).map((r) => ranks.get(r)) };
};

const cast = async () => {
  const result = document.getElementById('result');
  try {
    const event = { v: 1, type: 'vote.cast', time: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      signer: state.signer, body: body() };
    const sig = await crypto.subtle.sign({ name: 'Ed25519' }, state.key, G.utf8(G.canonical(event)));
    event.sig = G.b64(sig);
    const r = await G.api('/api/events', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: G.canonical(event) });
    result.replaceChildren(G.el('div', { class: 'check ok', id: 'cast-result' }, 'vote recorded at entry ' + r.index
      + ' ', G.el('a', { href: '/events/' + r.index }, 'see it on the record')));
  } catch (e) {
    result.replaceChildren(G.el('div', { class: 'check bad', id: 'cast-result' }, 'vote NOT recorded: ' + e.message));
  }
};

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('ballot').addEventListener('change', showBallot);
  document.getElementById('cast').addEventListener('click', cast);
  document.getElementById('key').addEventListener('change', async (ev) => {
    const info = document.getElementById('key-info');
    try {
      const k = await readKey(await ev.target.files[0].text());
      state.signer = k.signer;
      state.key = k.key;
      info.textContent = 'Signing as ' + k.signer + '. The key stays on this device.';
    } catch (e) {
      state.key = null;
      info.textContent = e.message;
    }
    ready();
  });
  loadBallots().catch((e) => { document.getElementById('ballot-info').textContent = e.message; });
});
