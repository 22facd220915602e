import json, os, re, sys, glob
W = os.environ.get('WORK', '/tmp/scotland2017')  # where the inputs were unpacked (see README.md)
def blt(path):
    lines = open(path, encoding='utf-8', errors='replace').read().strip().split('\n')
    n, seats = map(int, lines[0].split()[:2])
    i = 1; ballots = []
    while lines[i].strip() != '0':
        t = lines[i].split(); ballots.append((int(t[0]), [int(x) for x in t[1:-1]])); i += 1
    names = []
    for k in range(n):
        i += 1; q = lines[i].strip()
        m = re.match(r'^"(.*?)(\s*""(.*)"")?"$', q)
        names.append(m.group(1).strip() if m else q.strip('"'))
    return n, seats, ballots, names
def surname(full):
    full = re.sub(r'\(.*?\)', ' ', full).replace('"', ' ')
    caps = [w for w in re.split(r'\s+', full.strip()) if w.upper() == w and len(re.sub('[^A-Z]','',w)) >= 2]
    return ' '.join(caps).upper() if caps else full.split()[-1].upper()
def main():
  pass
res = {}
for f in glob.glob(W + '/res2017/*.json'):
    try:
        d = json.load(open(f))['Constituency']
    except Exception as e:
        continue
    names = sorted({g['Surname'].upper().strip() for g in d['countGroup']})
    res.setdefault(tuple(names), []).append(f)
pairs = []
for f in sorted(glob.glob(W + '/blt2017/*.blt')):
    n, seats, ballots, names = blt(f)
    key = tuple(sorted(surname(x) for x in names))
    if key in res and len(res[key]) == 1:
        pairs.append((f, res[key][0]))
    else:
        print('unmatched', os.path.basename(f), key[:3], file=sys.stderr)
if __name__ == "__main__":
  for a, b in pairs:
    print(a, b)
