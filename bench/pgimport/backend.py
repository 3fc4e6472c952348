"""CPU seconds of the PostgreSQL backends of one application (by application_name) and of their parallel workers,
from /proc, sampled every 0.1 s until SIGTERM; prints "backends parallel". Needs the server on this machine."""
import os, signal, subprocess, sys, time

url, app = sys.argv[1], sys.argv[2]
initial, seen, mine = {}, {}, set()

def scan(first=False):
    for p in os.listdir('/proc'):
        if not p.isdigit():
            continue
        try:
            stat = open(f'/proc/{p}/stat').read()
            cmd = open(f'/proc/{p}/cmdline').read().replace('\0', ' ')
        except OSError:
            continue
        if '(postgres)' not in stat:
            continue
        f = stat[stat.rindex(')') + 2:].split()
        t = (int(f[11]) + int(f[12])) / 100  # utime + stime
        if first:
            initial[p] = t
        seen[p] = (t, cmd)

def find():
    q = f"SELECT pid FROM pg_stat_activity WHERE application_name = '{app}' AND pid <> pg_backend_pid() AND query NOT ILIKE '%pg_stat_activity%'"
    out = subprocess.run(['psql', '-Atq', '-X', url, '-c', q], capture_output=True, text=True).stdout.split()
    mine.update(out)

def done(*_):
    scan()
    backend = sum(seen[p][0] - initial.get(p, 0) for p in mine if p in seen)
    parallel = sum(t - initial.get(p, 0) for p, (t, cmd) in seen.items() if any(f'parallel worker for PID {m} ' in cmd + ' ' for m in mine))
    print(f'{backend:.2f} {parallel:.2f}')
    sys.exit(0)

scan(True)
signal.signal(signal.SIGTERM, done)
n = 0
while True:
    scan()
    time.sleep(0.1)
    n += 1
    if n % 3 == 0:
        find()
