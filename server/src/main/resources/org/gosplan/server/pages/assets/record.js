'use strict';
// The record: the latest checkpoint, checked here, its witnesses and the newest events.
document.addEventListener('DOMContentLoaded', async () => {
  const check = document.getElementById('checkpoint-check');
  try {
    const log = await G.api('/api/log');
    document.getElementById('log').append(
      G.el('dt', {}, 'Log'), G.el('dd', {}, log.origin),
      G.el('dt', {}, 'Entries'), G.el('dd', { id: 'size' }, String(log.size)),
      G.el('dt', {}, 'Log\u2019s key'), G.el('dd', {}, G.el('code', {}, log.vkey)));
    document.getElementById('checkpoint').textContent = log.checkpoint;
    try {
      const cp = await G.verifyCheckpoint(log.checkpoint, log.vkey);
      G.check(check, true, 'checkpoint signature verified: ' + cp.size + ' entries, root '
        + G.hex(cp.root).slice(0, 16) + '\u2026, signed by the log\u2019s key');
    } catch (e) {
      G.check(check, false, 'checkpoint signature NOT verified: ' + e.message);
    }
    const lines = log.checkpoint.slice(log.checkpoint.indexOf('\n\n') + 2).split('\n');
    const witnesses = lines.filter((l) => l.startsWith('\u2014 ')).map((l) => l.split(' ')[1])
      .filter((n) => n !== log.origin);
    document.getElementById('witnesses').textContent = witnesses.length
      ? 'Cosigned by ' + witnesses.join(', ') + '.'
      : 'No witness has cosigned this checkpoint yet.';
    const from = Math.max(0, log.size - 20);
    const page = await G.api('/api/events?from=' + from + '&limit=20');
    const rows = page.events.reverse().map((e) => G.el('tr', {},
      G.el('td', { class: 'num' }, G.el('a', { href: '/events/' + e.index }, String(e.index))),
      G.el('td', {}, e.type),
      G.el('td', {}, (e.signerName || e.signer) + (e.signerRole ? ' (' + e.signerRole + ')' : '')),
      // the time may wrap between its date and its hour on a phone
      G.el('td', {}, e.time.split('T')[0], G.el('wbr'), e.time.includes('T') ? 'T' + e.time.split('T')[1] : '')));
    const head = G.el('tr', {}, ...['#', 'Event', 'Signed by', 'Time'].map((t) => G.el('th', {}, t)));
    document.getElementById('events').append(G.el('div', { class: 'scroll' },
      G.el('table', { id: 'events-table' }, G.el('thead', {}, head), G.el('tbody', {}, ...rows))));
  } catch (e) {
    G.check(check, false, 'cannot read the record: ' + e.message);
  }
});
