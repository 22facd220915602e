'use strict';
// An inspection: who was drawn, everyone's probability, what the seed was made of, and the findings
// with the unit's answers.
document.addEventListener('DOMContentLoaded', async () => {
  const status = document.getElementById('status');
  const index = location.pathname.split('/').pop();
  const i = await G.load('/api/inspections/' + encodeURIComponent(index), status);
  if (!i) return;
  document.getElementById('title').textContent = 'Inspection of ' + i.unit;
  const facts = document.getElementById('facts');
  const fact = (list, t, v, id) => list.append(G.el('dt', {}, t), G.el('dd', id ? { id } : {}, v));
  fact(facts, 'Ordered', G.el('a', { href: '/events/' + i.index }, 'entry ' + i.index));
  fact(facts, 'Unit', i.unit);
  fact(facts, 'Panel', i.panel + ' inspectors');
  fact(facts, 'Drawn', i.drawn === null ? 'once the log has ' + i.drawAt + ' entries and secrets are revealed'
    : G.el('a', { href: '/events/' + i.drawn }, 'entry ' + i.drawn));
  if (i.draw === null) {
    G.check(status, true, 'ordered; not drawn yet');
  } else {
    const d = i.draw;
    G.check(status, d.recomputed, d.recomputed ? 'drawn; the seed and panel recompute from the log'
      : 'drawn; the draw does NOT recompute from the log' + (d.why ? ': ' + d.why : ''));
    document.getElementById('draw-section').hidden = false;
    const seed = document.getElementById('seed');
    fact(seed, 'Seed', G.el('code', {}, d.seed), 'seed-value');
    fact(seed, 'Log root', G.el('code', {}, d.seedInputs.root));
    fact(seed, 'Root at size', d.seedInputs.rootSize);
    if (d.seedInputs.secrets !== undefined) fact(seed, 'Secrets revealed', d.seedInputs.secrets);
    for (const why of d.seedInputs.ignored || []) fact(seed, 'Ignored', why);
    fact(seed, 'Panel', d.panel.join(', '), 'panel');
    const p = d.probabilities.probabilities || {};
    const rows = Object.entries(p).map(([id, pr]) => [id, pr, d.panel.includes(id) ? 'drawn' : '']);
    document.getElementById('probabilities').append(G.table([{ title: 'Inspector' },
      { title: 'Probability', num: true }, { title: 'Drawn' }], rows));
  }
  const findings = document.getElementById('findings');
  if (i.findings.length) findings.replaceChildren();
  for (const f of i.findings) {
    const box = G.el('section', { class: 'finding' },
      G.el('h3', {}, 'Finding at ', G.el('a', { href: '/events/' + f.index }, 'entry ' + f.index),
        f.finding.verdict ? ': ' + f.finding.verdict : ''),
      G.el('p', {}, f.finding.summary || ''));
    if (Array.isArray(f.finding.findings) && f.finding.findings.length) {
      box.append(G.el('ul', {}, ...f.finding.findings.map((x) => G.el('li', {},
        typeof x === 'string' ? x : x.message || JSON.stringify(x)))));
    }
    for (const a of f.answers) {
      box.append(G.el('p', { class: 'muted' }, 'Answer at entry ' + a.index + ': ', a.answer.summary || ''));
    }
    findings.append(box);
  }
});
