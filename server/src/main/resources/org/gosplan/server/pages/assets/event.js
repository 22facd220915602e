'use strict';
// One event, and the proof that it is in the log the checkpoint signs, checked here.
document.addEventListener('DOMContentLoaded', async () => {
  const inclusion = document.getElementById('inclusion-check');
  const signature = document.getElementById('signature-check');
  const index = Number(location.pathname.split('/').pop());
  let e, log;
  try {
    [e, log] = await Promise.all([G.api('/api/events/' + index), G.api('/api/log')]);
  } catch (x) {
    G.check(inclusion, false, 'cannot read event ' + index + ': ' + x.message);
    signature.remove();
    return;
  }
  document.title = 'Event ' + index + ' \u00b7 Gosplan';
  document.getElementById('title').textContent = 'Event ' + index + ': ' + e.type;
  document.getElementById('facts').append(
    G.el('dt', {}, 'Type'), G.el('dd', {}, e.type),
    G.el('dt', {}, 'Time'), G.el('dd', {}, e.time),
    G.el('dt', {}, 'Signed by'), G.el('dd', {}, e.signer + (e.signerRole ? ' (' + e.signerRole + ')' : '')),
    G.el('dt', {}, 'Signature'), G.el('dd', {}, G.el('code', {}, e.sig)));
  document.getElementById('body').textContent = JSON.stringify(e.body, null, 2);
  document.getElementById('proof').textContent = 'log key ' + log.vkey + '\n\n' + e.proof.checkpoint
    + '\ninclusion proof (' + e.proof.inclusion.length + ' hashes):\n' + e.proof.inclusion.join('\n');

  const note = e.proof.checkpoint;
  const [, size, rootB64] = note.slice(0, note.indexOf('\n\n') + 1).split('\n');
  try {
    await G.verifyCheckpoint(note, log.vkey);
    G.check(signature, true, 'checkpoint signature verified: Ed25519 by the log\u2019s key '
      + log.vkey.split('+').slice(0, 2).join('+'));
  } catch (x) {
    G.check(signature, false, 'checkpoint signature NOT verified: ' + x.message);
  }
  try {
    if (Number(size) !== e.proof.size) {
      throw new Error('the proof is for a tree of ' + e.proof.size + ' entries, the checkpoint signs ' + size);
    }
    const leaf = await G.sha256(G.concat(new Uint8Array([0]), G.entry(e)));
    const root = await G.inclusionRoot(index, e.proof.size, leaf, e.proof.inclusion.map(G.unhex));
    if (!G.equal(root, G.unb64(rootB64))) {
      throw new Error('the proof leads to root ' + G.hex(root).slice(0, 16) + '\u2026, not to the checkpoint\u2019s '
        + G.hex(G.unb64(rootB64)).slice(0, 16) + '\u2026');
    }
    G.check(inclusion, true, 'inclusion verified: entry ' + index + ' is in the tree of ' + size
      + ' entries the checkpoint signs');
  } catch (x) {
    G.check(inclusion, false, 'inclusion NOT verified: ' + x.message);
  }
});
