"""Prints the table of docs/cdk-unit-tests.md from the module headers of the ported tests."""
import re,glob
rows=[];T=[0]*5
for f in sorted(glob.glob('tests/tests/cdk_unit_[ab]/*.rs')):
    head=[]
    for l in open(f):
        if not l.startswith('//!'): break
        head.append(l[3:].strip())
    h=' '.join(head)
    m=re.search(r'`(test/[^`]+)`: tests in CDK (\d+).*?ported (\d+),?\s*passing (\d+),?\s*ignored (\d+).*?newer\s+than\s+2\.276\.0:?\s*(\d+)',h)
    if not m: print('??',f); continue
    name,cdk,ported,passing,ignored,newer=m.group(1),*map(int,m.groups()[1:])
    rows.append((name,cdk,ported,passing,ignored,newer,f))
    for i,v in enumerate([cdk,ported,passing,ignored,newer]): T[i]+=v
print('| CDK test file | tests in CDK | newer than 2.276.0 | applicable | ported | passing | ignored | not ported |')
print('|---|---:|---:|---:|---:|---:|---:|---:|')
for name,cdk,ported,passing,ignored,newer,f in rows:
    app=cdk-newer
    print(f'| `{name}` | {cdk} | {newer} | {app} | {ported} | {passing} | {ignored} | {app-ported} |')
app=T[0]-T[4]
print(f'| **total** | {T[0]} | {T[4]} | {app} | {T[1]} | {T[2]} | {T[3]} | {app-T[1]} |')
print(f'\npassing / applicable = {T[2]}/{app} = {100*T[2]/app:.1f}%')
