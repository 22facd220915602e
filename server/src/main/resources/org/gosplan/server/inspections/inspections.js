'use strict';
// Every inspection on the record, each linking to its page.
document.addEventListener('DOMContentLoaded', async () => {
  const status = document.getElementById('status');
  const list = await G.load('/api/inspections', status);
  if (!list) return;
  G.check(status, true, list.length + ' inspection' + (list.length === 1 ? '' : 's'));
  document.getElementById('inspections').append(G.table([{ title: 'Entry', num: true }, { title: 'Unit' },
    { title: 'Panel', num: true }, { title: 'State' }], list.map((i) => [i.index,
    G.el('a', { href: '/inspections/' + i.index }, i.unit), i.panel,
    i.drawn === null ? 'not drawn yet' : 'drawn at entry ' + i.drawn])));
});
