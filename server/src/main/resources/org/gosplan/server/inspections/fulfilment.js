'use strict';
// Fulfilment: the plan against the units' reports, per product, as a table and a chart, and the
// reconciliation's findings.
let chart = null;

const show = async () => {
  const status = document.getElementById('status');
  const q = new URLSearchParams();
  for (const f of ['plan', 'period']) {
    const v = document.getElementById(f).value;
    if (v) q.set(f, v);
  }
  const r = await G.load('/api/reconcile?' + q, status);
  if (!r) return;
  const none = r.reported === 0;
  if (none) {
    // nothing to reconcile yet: not a failure, and a chart of zeros would say nothing
    status.className = 'check wait';
    status.textContent = 'no unit has reported against this plan' + (r.period === null ? '' : ' for ' + r.period)
      + ' yet; reports name the plan they answer: choose a plan with reports above';
  } else {
    G.check(status, r.findings.length === 0, r.findings.length === 0 ? 'reports agree with the plan'
      : r.findings.length + ' finding' + (r.findings.length === 1 ? '' : 's'));
  }
  const facts = document.getElementById('facts');
  facts.replaceChildren(G.el('dt', {}, 'Plan'), G.el('dd', {}, G.el('code', {}, r.plan)),
    G.el('dt', {}, 'Period'), G.el('dd', { id: 'period-value' }, r.period === null ? 'none reported' : r.period),
    G.el('dt', {}, 'Units reporting'), G.el('dd', { id: 'reported' }, r.reported + ' of ' + r.units));
  // null: planned at rounding level, where a ratio would say nothing (findings name the amounts)
  const rows = Object.entries(r.fulfilment).filter((x) => x[1] !== null);
  document.getElementById('products').replaceChildren(G.table([{ title: 'Product' },
    { title: 'Fulfilment (reported / planned)', num: true }],
  Object.entries(r.fulfilment).map((x) => [x[0], x[1] === null ? '\u2014' : x[1]])));
  document.getElementById('findings').replaceChildren(r.findings.length ? G.table([{ title: 'Kind' },
    { title: 'What' }, { title: 'Difference', num: true }],
  r.findings.map((f) => [f.kind, f.message, f.difference])) : G.el('p', { class: 'muted' }, 'none'));
  const canvas = document.getElementById('fulfilment-chart');
  canvas.parentNode.hidden = none;
  if (none) return;
  // the 30 products furthest from their plan, on an axis from 0 to 2 times the plan: a ratio over a
  // plan of almost nothing (thousands of times over, or below zero) would flatten every other bar;
  // the table below has every ratio as it is
  const top = rows.slice().sort((a, b) => Math.abs(b[1] - 1) - Math.abs(a[1] - 1)).slice(0, 30);
  canvas.parentNode.style.height = (60 + 22 * top.length) + 'px';
  if (chart) chart.destroy();
  chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: top.map((x) => x[0]), datasets: [{ label: 'fulfilment', data: top.map((x) => x[1]),
      backgroundColor: '#b33a2b' }] },
    options: { indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
      scales: { x: { min: 0, max: 2 } }, plugins: { legend: { display: false } } },
  });
};

// The recorded plans (GET /api/plans), each with the periods units reported on against it: people
// choose from them instead of typing a plan's hash.
let plans = [];

const choice = (select, value, text) => {
  if (![...select.options].some((o) => o.value === value)) select.append(G.el('option', { value }, text));
  select.value = value;
};

const fillPeriods = (wanted) => {
  const select = document.getElementById('period');
  select.replaceChildren(G.el('option', { value: '' }, 'the latest period reported'));
  const hash = document.getElementById('plan').value;
  const p = hash ? plans.find((x) => x.plan === hash) : plans[0];
  for (const [period, units] of Object.entries(p ? p.reports : {})) {
    select.append(G.el('option', { value: period }, period + ' (' + units + ' unit' + (units === 1 ? '' : 's')
      + ' reported)'));
  }
  if (wanted) choice(select, wanted, wanted);
};

const loadPlans = async (q) => {
  const select = document.getElementById('plan');
  try {
    plans = await G.api('/api/plans');
  } catch (e) {
    plans = [];
  }
  for (const p of plans) {
    const n = Object.values(p.reports).reduce((a, b) => a + b, 0);
    select.append(G.el('option', { value: p.plan }, 'entry ' + p.index + ' (' + p.time.replace('T', ' ')
      .replace('Z', '') + '): ' + p.status + ', ' + (n ? n + ' report' + (n === 1 ? '' : 's') : 'no reports')));
  }
  if (q.get('plan')) choice(select, q.get('plan'), q.get('plan'));
  fillPeriods(q.get('period'));
};

document.addEventListener('DOMContentLoaded', async () => {
  const q = new URLSearchParams(location.search);
  document.getElementById('show').addEventListener('click', show);
  // choosing is enough: the page shows the choice at once (Show reads the log again)
  document.getElementById('plan').addEventListener('change', () => {
    fillPeriods(null);
    show();
  });
  document.getElementById('period').addEventListener('change', show);
  await loadPlans(q);
  show();
});
