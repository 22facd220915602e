import sys, os, re
W = os.environ.get('WORK', '/tmp/scotland2017')  # where the inputs were unpacked (see README.md)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from match import blt, surname
for line in open(W + '/pairs.txt'):
    b, r = line.split()
    n, seats, ballots, names = blt(b)
    out = os.path.join(W + '/soi', os.path.basename(b)[:-4] + '.soi')
    agg = {}
    for w, order in ballots:
        if not order:
            continue
        agg[tuple(order)] = agg.get(tuple(order), 0) + w
    with open(out, 'w') as f:
        f.write('# FILE NAME: %s\n# DATA TYPE: soi\n# NUMBER ALTERNATIVES: %d\n# NUMBER VOTERS: %d\n# NUMBER UNIQUE ORDERS: %d\n' % (os.path.basename(out), n, sum(agg.values()), len(agg)))
        for k, nm in enumerate(names):
            f.write('# ALTERNATIVE NAME %d: %s\n' % (k + 1, surname(nm)))
        for order, w in agg.items():
            f.write('%d: %s\n' % (w, ','.join(map(str, order))))
    print(out, seats, r)
