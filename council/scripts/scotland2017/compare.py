import os
import json, sys
from decimal import Decimal, ROUND_HALF_UP, ROUND_DOWN
W = os.environ.get('WORK', '/tmp/scotland2017')  # where the inputs were unpacked (see README.md)
full_ok = win_ok = 0; bad = []
for line in open(W + '/stv_out.jsonl'):
    o = json.loads(line)
    d = json.load(open(o['res']))['Constituency']
    stages = {}
    for g in d['countGroup']:
        stages.setdefault(int(g['Count_Number']), {})[g['Surname'].upper().strip()] = (g['Total_Votes'], g['Status'])
    elected_off = sorted({s for st in stages.values() for s, (v, status) in st.items() if status == 'Elected'})
    ours = sorted(o['winners'])
    quota = str(d['countInfo'].get('Quota'))
    wins = elected_off == ours
    win_ok += wins
    # stage comparison: official count k vs our round k-1, rounded to the official's decimals
    mism = []
    rounds = o['rounds']
    if len(rounds) != len(stages):
        mism.append('stages %d official, %d ours' % (len(stages), len(rounds)))
    for k in sorted(stages):
        if k - 1 >= len(rounds):
            break
        vals = rounds[k - 1]['values']
        for name, (v, status) in stages[k].items():
            if name not in vals:
                continue  # excluded / not shown
            ov = Decimal(str(v)) if str(v) != '' else None
            if ov is None: continue
            places = -ov.as_tuple().exponent if ov.as_tuple().exponent < 0 else 0
            q = Decimal(1).scaleb(-places)
            mine = Decimal(vals[name])
            if mine.quantize(q, ROUND_HALF_UP) != ov and mine.quantize(q, ROUND_DOWN) != ov:
                mism.append('count %d %s official %s ours %s' % (k, name, v, vals[name]))
    if not mism and wins:
        full_ok += 1
    else:
        bad.append((o['file'].split('/')[-1], o['res'].split('/')[-1], 'WINNERS DIFFER %s vs %s' % (elected_off, ours) if not wins else 'winners agree', mism[:4], len(mism)))
print('wards', win_ok + len([b for b in bad if 'DIFFER' in b[2]]), 'winners agree', win_ok, 'every stage agrees', full_ok)
for b in bad:
    print(b)
