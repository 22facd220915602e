'use strict';
// A ballot: its options with what each proposal costs, the votes so far, and once closed the count,
// with each STV stage and each equal-shares purchase in the order the count made them.
// An option as people know it: a proposal's entry and title, or a candidate's label.
const titles = new Map();
const named = (x) => (titles.has(String(x)) ? x + ': ' + titles.get(String(x)) : String(x));
const words = (list) => (list.length ? list.map((x) => (Array.isArray(x) ? x.map(named).join(' = ') : named(x)))
  .join(', ') : 'none');

// Each equal-shares purchase, in the order the count made it (tally rounds {proposal, cost, rho, remaining}).
const purchases = (b, t) => {
  const resource = b.budget ? b.budget.resource : 'cost';
  return G.table([{ title: '#', num: true }, { title: 'Proposal' }, { title: 'Cost (' + resource + ')', num: true },
    { title: 'Most one voter paid', num: true }, { title: 'Voters\u2019 budgets left', num: true }],
  t.rounds.map((r, k) => [k + 1, named(r.proposal), r.cost, r.rho, r.remaining]));
};

const step = (round) => {
  const parts = [];
  for (const [k, v] of Object.entries(round)) {
    const shown = v !== null && typeof v === 'object'
      ? (Array.isArray(v) ? words(v) : Object.entries(v).map(([a, b]) => a + ': ' + G.fmt(b)).join(', '))
      : G.fmt(v);
    parts.push(G.el('span', { class: 'step-part' }, G.el('strong', {}, k + ' '), shown, '; '));
  }
  return G.el('li', {}, ...parts);
};

document.addEventListener('DOMContentLoaded', async () => {
  const status = document.getElementById('status');
  const index = location.pathname.split('/').pop();
  const b = await G.load('/api/ballots/' + encodeURIComponent(index), status);
  if (!b) return;
  for (const o of b.options) if (o.title !== undefined && o.title !== null) titles.set(String(o.option), o.title);
  document.getElementById('title').textContent = b.title || 'Ballot ' + b.index;
  G.check(status, true, b.closed === null ? 'open: ' + b.votes + ' vote' + (b.votes === 1 ? '' : 's') + ' so far'
    : 'closed at entry ' + b.closed + ' after ' + b.votes + ' vote' + (b.votes === 1 ? '' : 's'));
  const facts = document.getElementById('facts');
  const fact = (t, v) => facts.append(G.el('dt', {}, t), G.el('dd', {}, v));
  fact('Opened', G.el('a', { href: '/events/' + b.index }, 'entry ' + b.index));
  fact('Method', b.method);
  if (b.seats !== undefined && b.seats !== null) fact('Seats', b.seats);
  if (b.budget && b.budget.amount !== undefined) fact('Budget', G.fmt(b.budget.amount) + ' of ' + b.budget.resource);
  fact('Votes', b.votes);

  const budget = b.budget && b.budget.resource;
  const resources = budget ? [budget] : [];
  for (const o of b.options) {
    if (o.cost) for (const r of Object.keys(o.cost.resources)) if (!resources.includes(r)) resources.push(r);
  }
  const columns = [{ title: 'Option' }].concat(resources.map((r) => ({ title: r, num: true })));
  if (resources.length) columns.push({ title: 'Valuation', num: true });
  const rows = b.options.map((o) => {
    const row = [named(o.option)];
    for (const r of resources) row.push(o.cost ? o.cost.resources[r] : '-');
    if (resources.length) row.push(o.cost && o.cost.valuation !== null ? o.cost.valuation : '-');
    return row;
  });
  document.getElementById('options').append(G.table(columns, rows));
  if (b.closed === null) {
    document.getElementById('vote').href = '/vote#' + b.index;
    return;
  }
  document.getElementById('vote').hidden = true;
  const t = b.tally;
  document.getElementById('count').hidden = false;
  const result = document.getElementById('result');
  result.append(G.el('dt', {}, 'Winners'), G.el('dd', { id: 'winners' }, words(t.winners)));
  if (t.ranking.length) result.append(G.el('dt', {}, 'Ranking'), G.el('dd', {}, words(t.ranking)));
  for (const tie of t.ties) result.append(G.el('dt', {}, 'Tie'), G.el('dd', {}, tie));
  const first = t.method === 'stv' || t.method === 'schulze' ? 'First preferences' : 'Approvals';
  document.getElementById('counts').append(G.table([{ title: 'Option' }, { title: first, num: true }],
    Object.entries(t.counts).map(([o, n]) => [named(o), n])));
  document.getElementById('steps-title').textContent = t.method === 'stv' ? 'Stages of the count'
    : t.method === 'equal-shares' ? 'Purchases, in order' : 'Step by step';
  const steps = document.getElementById('steps');
  if (t.method === 'equal-shares' && t.rounds.length) {
    steps.replaceWith(G.el('div', { id: 'purchases' }, purchases(b, t)));
    return;
  }
  for (const r of t.rounds) steps.append(step(r));
  if (!t.rounds.length) steps.append(G.el('li', {}, 'the count took one step: the counts above'));
});
