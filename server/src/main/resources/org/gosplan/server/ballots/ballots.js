'use strict';
// Every ballot on the record, each linking to its page.
document.addEventListener('DOMContentLoaded', async () => {
  const status = document.getElementById('status');
  const list = await G.load('/api/ballots', status);
  if (!list) return;
  G.check(status, true, list.length + ' ballot' + (list.length === 1 ? '' : 's'));
  document.getElementById('ballots').append(G.table([{ title: 'Entry', num: true }, { title: 'Ballot' },
    { title: 'Method' }, { title: 'State' }], list.map((b) => [b.index,
    G.el('a', { href: '/ballots/' + b.index }, b.title || 'ballot ' + b.index), b.method,
    b.closed === null ? 'open' : 'closed'])));
});
