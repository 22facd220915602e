'use strict';
// Voting: the key file is read here, the vote built, canonicalised (RFC 8785) and signed here
// (WebCrypto Ed25519). Only the signed vote leaves the page.
// ballots: what GET /api/ballots/I gave, by index (as text); ballot: the one shown.
const state = { ballots: new Map(), ballot: null, open: 0, signer: null, key: null };

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

// The open ballots, from the ballots' own list (GET /api/ballots): no need to read the log.
const loadBallots = async () => {
  const select = document.getElementById('ballot');
  const open = (await G.api('/api/ballots')).filter((b) => b.closed === null);
  for (const b of open) {
    select.append(G.el('option', { value: String(b.index) }, b.index + ': ' + (b.title || 'ballot ' + b.index)));
  }
  state.open = open.length;
  if (!open.length) select.append(G.el('option', { value: '' }, 'no ballot is open'));
  // a ballot's page links here as /vote#I
  if (open.some((b) => String(b.index) === location.hash.slice(1))) select.value = location.hash.slice(1);
  await showBallot();
};

// Approval and equal shares take a set of approved options; Schulze and STV a ranking.
const approves = (b) => b.method === 'approval' || b.method === 'equal-shares';

// What an option costs, as GET /api/ballots/I gives it: each resource's use (the budget's first,
// for equal shares) and the valuation, on the economy and plan that stood when the ballot opened.
const costText = (b, o) => {
  if (!o.cost) return o.why ? 'cost unknown: ' + o.why : '';
  const budget = b.budget && b.budget.resource;
  const names = Object.keys(o.cost.resources).sort((x, y) => (y === budget) - (x === budget));
  const parts = names.map((r) => G.fmt(o.cost.resources[r]) + ' ' + r
    + (r === budget ? ' (of a budget of ' + G.fmt(b.budget.amount) + ')' : ''));
  if (o.cost.valuation !== null && o.cost.valuation !== undefined) parts.push('valuation ' + G.fmt(o.cost.valuation));
  return 'costs ' + parts.join(', ');
};

const showBallot = async () => {
  const value = document.getElementById('ballot').value;
  const box = document.getElementById('options');
  const info = document.getElementById('ballot-info');
  box.replaceChildren();
  info.textContent = '';
  state.ballot = null;
  ready();
  if (value === '') {
    if (!state.open) {
      info.replaceChildren('No ballot is open now. Closed ballots and their counts are on the ',
        G.el('a', { href: '/ballots' }, 'Ballots'), ' page.');
    }
    return;
  }
  let b = state.ballots.get(value);
  if (!b) {
    info.textContent = 'reading ballot ' + value + '…';
    b = await G.api('/api/ballots/' + encodeURIComponent(value));
    state.ballots.set(value, b);
    // another ballot was chosen while this one was read
    if (document.getElementById('ballot').value !== value) return;
  }
  state.ballot = b;
  const electorate = b.opened && b.opened.body ? b.opened.body.electorate : '';
  info.textContent = 'Method: ' + b.method + (electorate ? ', electorate: ' + electorate : '')
    + (b.method === 'equal-shares' ? ', budget: ' + G.fmt(b.budget.amount) + ' ' + b.budget.resource : '')
    + (approves(b) ? '. Tick every option you approve.' : '. Number the options, 1 for your first choice.');
  b.options.forEach((o, k) => {
    const label = o.title !== undefined && o.title !== null ? o.option + ': ' + o.title : String(o.option);
    const input = approves(b)
      ? G.el('input', { type: 'checkbox', id: 'option-' + k, value: String(k) })
      : G.el('input', { type: 'number', min: '1', id: 'option-' + k, value: '', class: 'rank' });
    const cost = costText(b, o);
    box.append(G.el('div', { class: 'option' }, G.el('label', { for: 'option-' + k }, input, ' ', label),
      cost ? G.el('div', { class: 'muted cost', id: 'cost-' + k }, cost) : ''));
  });
  ready();
};

const ready = () => {
  document.getElementById('cast').disabled = !(state.key && state.ballot);
};

const body = () => {
  const b = state.ballot;
  if (approves(b)) {
    // a vote names the options themselves (a proposal's log index, a candidate's label), as councils.md says
    const approve = b.options.filter((o, k) => document.getElementById('option-' + k).checked).map((o) => o.option);
    return { ballot: b.index, approve };
  }
  const ranks = new Map();
  b.options.forEach((o, k) => {
    const r = Number(document.getElementById('option-' + k).value);
    if (r > 0) ranks.set(r, (ranks.get(r) || []).concat([o.option]));
  });
  return { ballot: b.index, rank: [...ranks.keys()].sort((x, y) => x - y).map((r) => ranks.get(r)) };
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
  document.getElementById('ballot').addEventListener('change', () => showBallot().catch((e) => {
    document.getElementById('ballot-info').textContent = e.message;
  }));
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
