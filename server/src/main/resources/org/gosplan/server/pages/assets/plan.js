'use strict';
// The latest recorded plan: what it achieves, what binds, levels and valuations as tables and charts.
const bars = (canvas, label, rows) => {
  canvas.parentNode.style.height = (60 + 22 * rows.length) + 'px';
  return new Chart(canvas, {
    type: 'bar',
    data: { labels: rows.map((r) => r[0]), datasets: [{ label, data: rows.map((r) => r[1]), backgroundColor: '#b33a2b' }] },
    options: { indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { display: false } } },
  });
};

document.addEventListener('DOMContentLoaded', async () => {
  const status = document.getElementById('status');
  let d;
  try {
    d = await G.api('/api/plans/latest');
  } catch (e) {
    G.check(status, false, e.message);
    return;
  }
  const p = d.plan, ev = d.event;
  G.check(status, p.status === 'optimal', 'plan ' + p.status + ', recorded at entry ' + ev.index);
  const facts = document.getElementById('facts');
  const fact = (t, v, id) => facts.append(G.el('dt', {}, t), G.el('dd', id ? { id } : {}, v));
  fact('Objective', p.objective === 'fulfil' ? 'meet every target as fully as resources allow'
    : 'least ' + p.resource + ' that meets the targets');
  if (p.objective === 'fulfil') {
    fact('\u03bb', G.fmt(p.value) + ': every target met ' + G.fmt(p.value) + ' times over', 'value');
  } else {
    fact(p.resource + ' used', G.fmt(p.value), 'value');
  }
  fact('Recorded', G.el('a', { href: '/events/' + ev.index }, 'entry ' + ev.index + ' (' + ev.time + ')'));
  fact('Solver', p.solver.method + (p.solver.note ? ': ' + p.solver.note : ''));
  fact('Planner', ev.body.planner);
  const use = p.resourceUse || {}, prices = p.resourcePrices || {};
  const binding = (p.binding && p.binding.resources) || [];
  document.getElementById('binding').append(binding.length
    ? G.table([{ title: 'Resource' }, { title: 'Used', num: true }, { title: 'Price', num: true }],
      binding.map((r) => [r, use[r], prices[r]]))
    : G.el('p', { class: 'muted' }, 'No resource limits this plan.'));
  const levels = Object.entries(p.levels || {});
  const valuations = Object.entries(p.valuations || {});
  document.getElementById('levels').append(G.table([{ title: 'Technique' }, { title: 'Level', num: true }], levels));
  document.getElementById('valuations').append(
    G.table([{ title: 'Product' }, { title: 'Valuation', num: true }], valuations));
  const top = (rows) => rows.slice().sort((a, b) => b[1] - a[1]).slice(0, 20);
  bars(document.getElementById('levels-chart'), 'level', top(levels));
  bars(document.getElementById('valuations-chart'), 'valuation', top(valuations));
});
