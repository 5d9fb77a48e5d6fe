#!/usr/bin/python3
"""Benchmark: N sessions (default 200) log in to `scrivano serve` on
127.0.0.1, each as a user of its own with a book of its own, and type
records into forms for S seconds (default 120): customers (a name and a
P.IVA) in even sessions, articles (code, description, unit, price) in odd
ones, a key every PACE seconds (default 0.2, ±50% at random), F2 to save,
F10 back to the list. A record is acknowledged when its form says "Saved."
and has become the saved record's.

usage: bench/load.py [SESSIONS [SECONDS]] [--quick] [--pace S] [--solo-seconds S]
                     [--burst B] [--no-sshd] [--seed N] [--keep]
       (bench/load.sh builds first and runs it from the build tree)

Afterwards: every acknowledged record must be in its user's book (read
with sqlite3: the customer's name, the article's code), each book's
integrity_check ok and `scrivano book verify` clean; no session may hang
(a screen or an echo later than 30 s), end by itself, or outlive its
client's hang-up; and the listener's open files must be as many as before
the logins. Any of these failing is printed and makes the exit status 1.

Printed: echo latency p50/p99 (a typed character sent → the first output
after it, one key in flight per session), logins (connect → first screen),
keys typed and those late (the echo of the one before came after it was
due), records acknowledged and found, the server's CPU (every process
under the listener: in the window from /proc, and for the whole run from
the rusage of the listener and its reaped children), its peak memory (the
sum of the RSS of its processes, and of their PSS, sampled every second), and
the client side apart: the ssh processes' CPU, this driver's CPU and how
late its loop sent the keys that were due (when those grow, the driver is
the bottleneck, not the server); and what the rest of the machine used.

Peers, in the same run: the same typing at 1 session (--solo-seconds,
default a quarter of SECONDS, at least 10), and, run as root with
openssh-server installed, OpenSSH's sshd serving a shell running `cat` on
a raw terminal (cat's own output is the echo) at N sessions and at 1, the
same characters typed at the same pace; printed as ratios.
"""
import argparse
import json
import os
import re
import resource
import select
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
os.environ.setdefault("SCRIVANO", os.path.join(TOP, "src", "scrivano"))
os.environ.setdefault("SCRIVANO_SHARE", TOP)
sys.path[:0] = [HERE, os.path.join(TOP, "tests", "e2e")]
import harness  # noqa: E402
import typists  # noqa: E402  (tests/e2e/typists.py)
import session as sessionbench  # noqa: E402  (bench/session.py)

CLK = os.sysconf("SC_CLK_TCK")
PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024
SSHD_USER = "scrivbench"
# Both servers on the same algorithms (bench/session.py's defaults: what
# OpenSSH's client takes with either, but for sshd's sntrup761 kex, which
# libssh 0.10 lacks).
PINNED = ["-c", "chacha20-poly1305@openssh.com", "-o", "KexAlgorithms=curve25519-sha256",
          "-o", "HostKeyAlgorithms=ssh-ed25519"]


def reaped_s(pid):
    """The CPU of a process's children that ended and were reaped
    (cutime+cstime), in seconds."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            x = f.read().rsplit(")", 1)[1].split()
        return (int(x[13]) + int(x[14])) / CLK
    except (OSError, IndexError, ValueError):
        return 0.0


def run_s(pid):
    """The CPU time a live process has run, in seconds, to the nanosecond
    (schedstat, over its threads; /proc's stat counts in clock ticks,
    too coarse for a process that runs 50 µs a key)."""
    total = 0
    try:
        for task in os.listdir("/proc/%d/task" % pid):
            with open("/proc/%d/task/%s/schedstat" % (pid, task)) as f:
                total += int(f.read().split()[0])
    except (OSError, IndexError, ValueError):
        pass
    return total / 1e9


def run_delay_s(pid):
    """How long a process has waited, runnable, for a CPU (schedstat)."""
    try:
        with open("/proc/%d/schedstat" % pid) as f:
            return int(f.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


def tree_cpu(pids):
    """What a process tree has run: each live process's own time, and what
    its children that ended and were reaped had (cutime+cstime)."""
    return sum(run_s(p) + reaped_s(p) for p in pids)


def rss_kib(pid):
    try:
        with open("/proc/%d/statm" % pid) as f:
            return int(f.read().split()[1]) * PAGE_KIB
    except (OSError, IndexError, ValueError):
        return 0


def machine_busy():
    """Seconds of CPU the whole machine spent busy (all cores)."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return (sum(v[:8]) - v[3] - v[4]) / CLK


def open_fds(pid):
    try:
        return len(os.listdir("/proc/%d/fd" % pid))
    except OSError:
        return None


def self_cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


class Sampler:
    """A process of its own that sums the RSS and PSS of the server's
    processes every second, and at mark() takes the CPU of the server's
    tree, of the ssh clients (this driver's other children) and of the
    machine: so that reading /proc for 600 processes never holds up the
    typists. Forked before any client starts (it holds none of their
    terminals); stop() returns what it found."""

    def __init__(self, root, every=1.0):
        self.driver = os.getpid()
        self.marks = {}
        self.ctl_r, ctl_w = os.pipe()
        res_r, self.res_w = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            os.close(ctl_w)
            os.close(res_r)
            self.child(root, every)
        os.close(self.ctl_r)
        os.close(self.res_w)
        self.ctl, self.res = ctl_w, res_r

    def child(self, root, every):
        peak = [0, 0, 0]  # RSS, PSS, processes
        marks = {}
        try:
            while True:
                if select.select([self.ctl_r], [], [], every)[0]:
                    names = os.read(self.ctl_r, 4096).decode().split()
                    if not names:
                        break
                    kids = sessionbench.process_kids()
                    server = [root] + sessionbench.descendants(root, kids)
                    clients = [p for p in kids.get(self.driver, []) if p not in (root, os.getpid())]
                    for name in names:
                        marks[name] = {"server": tree_cpu(server),
                                       "clients": sum(run_s(p) for p in clients),
                                       "machine": machine_busy(), "t": time.monotonic()}
                    for name in names:  # after the CPU: reading PSS takes a while
                        marks[name]["pss"] = sum(sessionbench.pss_kib(p) for p in server)
                    continue
                pids = [root] + sessionbench.descendants(root)
                sample = (sum(rss_kib(p) for p in pids),
                          sum(sessionbench.pss_kib(p) for p in pids), len(pids))
                peak = [max(a, b) for a, b in zip(peak, sample)]
            os.write(self.res_w, json.dumps({"peak": peak, "marks": marks,
                                             "cpu": self_cpu()}).encode())
        finally:
            os._exit(0)

    def mark(self, name):
        """Asks for the CPU figures now; this driver's own are taken here."""
        os.write(self.ctl, (name + "\n").encode())
        self.marks[name] = {"driver": self_cpu(), "driver_wait": run_delay_s(self.driver)}

    def stop(self):
        os.close(self.ctl)
        data = b""
        while True:
            chunk = os.read(self.res, 65536)
            if not chunk:
                break
            data += chunk
        os.close(self.res)
        os.waitpid(self.pid, 0)
        out = json.loads(data)
        for name, m in out["marks"].items():
            m.update(self.marks.get(name, {}))
        return out

    @staticmethod
    def window(out, key):
        return out["marks"]["end"][key] - out["marks"]["start"][key]


def wait_no_children(pid, timeout):
    end = time.monotonic() + timeout
    while sessionbench.descendants(pid):
        if time.monotonic() > end:
            return False
        time.sleep(0.1)
    return True


def run_phase(name, n, seconds, args, start, spawn, users, script_for):
    """One measurement: start() gives the server's (process, stop function);
    n typists log in and type; then all hang up, the server's sessions
    must end, and it is stopped. Returns the figures."""
    print("%s: %d session(s), %.0f s of typing ..." % (name, n, seconds), file=sys.stderr,
          flush=True)
    crowd = typists.make_typists(users[:n], script_for, args.pace, args.seed)
    proc, stop = start()
    c0 = children_cpu()
    fds_before, rss_before = open_fds(proc.pid), rss_kib(proc.pid)
    sampler = Sampler(proc.pid, float(os.environ.get("EVERY", "1")))
    fleet = typists.Fleet(crowd, spawn, seconds, burst=args.burst, mark=sampler.mark)
    fleet.run()
    got = sampler.stop()
    fleet.hang_up()
    c1 = children_cpu() - got["cpu"]
    ended = wait_no_children(proc.pid, 30)
    left = len(sessionbench.descendants(proc.pid))
    fds_after, rss_after = open_fds(proc.pid), rss_kib(proc.pid)
    stop()
    c2 = children_cpu()
    return {"name": name, "n": n, "seconds": seconds, "typists": crowd,
            "echo": [e for t in crowd for e in t.echo],
            "logins": [t.login_s for t in crowd if t.login_s is not None],
            "keys": sum(t.keys for t in crowd), "late": sum(t.late for t in crowd),
            "problems": [t for t in crowd if t.problem],
            "server_window": Sampler.window(got, "server"),
            "clients_window": Sampler.window(got, "clients"),
            "driver_window": Sampler.window(got, "driver"),
            "driver_wait": Sampler.window(got, "driver_wait"),
            "machine_window": Sampler.window(got, "machine"), "wall": Sampler.window(got, "t"),
            "server_total": c2 - c1, "clients_total": c1 - c0, "sampler": got["cpu"],
            "peak_rss": got["peak"][0], "peak_pss": got["peak"][1], "peak_procs": got["peak"][2],
            "lateness": fleet.lateness,
            "pss": (got["marks"]["start"]["pss"], got["marks"]["end"]["pss"]),
            "ended": ended, "left": left, "fds": (fds_before, fds_after),
            "listener_rss": (rss_before, rss_after)}


def check_books(srv, phases):
    """Every acknowledged record in its book; integrity and history."""
    acked = found = 0
    lost, bad = [], []
    for ph in phases:
        for t in ph["typists"]:
            book = srv.book_path(t.user)
            if not t.acked and not os.path.exists(book):
                continue
            db = sqlite3.connect("file:%s?mode=ro" % book, uri=True)
            try:
                sql = {"customers": "SELECT name FROM parties",
                       "articles": "SELECT code FROM articles"}[t.kind]
                rows = {r[0] for r in db.execute(sql)}
                ok = db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            finally:
                db.close()
            acked += len(t.acked)
            found += sum(1 for a in t.acked if a in rows)
            lost += ["%s: %s" % (t.user, a) for a in t.acked if a not in rows]
            if not ok:
                bad.append("%s: integrity_check fails" % t.user)
            r = subprocess.run([harness.SCRIVANO, "book", "verify", book], capture_output=True,
                               text=True)
            if r.returncode != 0:
                bad.append("%s: book verify: %s" % (t.user, (r.stdout + r.stderr).strip()))
    return acked, found, lost, bad


LOG_EXPECTED = re.compile(r"scrivano\[\d+\]: (login \S+ from |logout \S+ from .*: the client left$|"
                          r"listening on |host key |made a new host key |stopping: |stopped$)")


def check_log(srv, phases):
    """The server's log: a login and a logout (the client left) for each
    session, and no line of any other kind (a refusal, a drop, a crash, a
    sanitizer's report)."""
    text = srv.log()
    out = ["the server's log: " + line for line in text.splitlines()
           if line.strip() and not LOG_EXPECTED.search(line)][:20]
    want = sum(ph["n"] for ph in phases)
    logins = len(re.findall(r": login \S+ from ", text))
    logouts = len(re.findall(r": logout \S+ from .*: the client left$", text, re.M))
    if logins != want or logouts != want:
        out.append("the server's log has %d logins and %d logouts for %d sessions"
                   % (logins, logouts, want))
    return out


def pct(values, p):
    return sessionbench.pct(values, p) if values else float("nan")


def problems_of(ph):
    out = []
    for t in ph["problems"]:
        out.append("%s (%s): %s" % (t.user, t.kind, t.problem))
        if t.screen:
            out += ["    | " + line for line in t.screen.splitlines() if line.strip()][-8:]
    if not ph["ended"]:
        out.append("%d server process(es) left 30 s after every client hung up" % ph["left"])
    if "scrivano" in ph["name"] and ph["fds"][1] != ph["fds"][0]:
        out.append("the listener had %d open files before the logins, %d after the logouts"
                   % ph["fds"])
    return out


def report(phases, args, books):
    n = args.sessions
    print()
    print("%d sessions typing for %.0f s on 127.0.0.1 (a key every %.2f s ± 50%%, one in "
          "flight each); %d cores, shared" % (n, args.seconds, args.pace, os.cpu_count()))
    cols = [ph["name"] for ph in phases]
    print("%-34s" % "" + "".join("%18s" % c for c in cols))

    def row(label, fmt, f):
        print("%-34s" % label + "".join(("%18s" % (fmt % f(ph))) for ph in phases))

    row("sessions", "%d", lambda ph: ph["n"])
    row("login (connect→screen) p50, ms", "%.0f", lambda ph: pct(ph["logins"], 50) * 1000)
    row("login p99, ms", "%.0f", lambda ph: pct(ph["logins"], 99) * 1000)
    row("characters typed (timed)", "%d", lambda ph: len(ph["echo"]))
    row("keys a second (all sessions)", "%.0f", lambda ph: ph["keys"] / max(ph["wall"], 1e-9))
    row("echo p50, ms", "%.2f", lambda ph: pct(ph["echo"], 50) * 1000)
    row("echo p99, ms", "%.2f", lambda ph: pct(ph["echo"], 99) * 1000)
    row("echo max, ms", "%.1f", lambda ph: max(ph["echo"] or [0]) * 1000)
    row("keys late (echo after next due)", "%d", lambda ph: ph["late"])
    row("records acknowledged", "%s",
        lambda ph: sum(len(t.acked) for t in ph["typists"]) if ph["typists"][0].kind != "cat"
        else "-")
    row("server CPU in window, s", "%.1f", lambda ph: ph["server_window"])
    row("  that is, cores", "%.2f", lambda ph: ph["server_window"] / ph["wall"])
    row("  per key, ms", "%.2f", lambda ph: ph["server_window"] / max(len(ph["echo"]), 1) * 1000)
    row("server CPU whole phase, s", "%.1f", lambda ph: ph["server_total"])
    row("server peak RSS (sum), MiB", "%.0f", lambda ph: ph["peak_rss"] / 1024)
    row("server peak PSS (sum), MiB", "%.0f", lambda ph: ph["peak_pss"] / 1024)
    row("  per session (listener's share in), KiB", "%.0f", lambda ph: ph["peak_pss"] / ph["n"])
    row("server PSS, window's start → end, MiB", "%s",
        lambda ph: "%.0f → %.0f" % (ph["pss"][0] / 1024, ph["pss"][1] / 1024))
    row("listener's open files, before → after", "%s", lambda ph: "%s → %s" % ph["fds"])
    row("listener's RSS, before → after, KiB", "%s", lambda ph: "%d → %d" % ph["listener_rss"])
    row("server processes at peak", "%d", lambda ph: ph["peak_procs"])
    row("ssh clients' CPU in window, cores", "%.2f", lambda ph: ph["clients_window"] / ph["wall"])
    row("this driver's CPU in window, cores", "%.2f", lambda ph: ph["driver_window"] / ph["wall"])
    row("  waiting for a CPU, s", "%.2f", lambda ph: ph["driver_wait"])
    row("memory sampler's CPU, cores", "%.2f", lambda ph: ph["sampler"] / ph["wall"])
    row("driver's lateness p99, ms", "%.1f", lambda ph: pct(ph["lateness"], 99) * 1000)
    row("rest of the machine, cores", "%.2f",
        lambda ph: (ph["machine_window"] - ph["server_window"] - ph["clients_window"]
                    - ph["driver_window"]) / ph["wall"])
    by = {ph["name"]: ph for ph in phases}

    def ratio(label, a, b):
        if a in by and b in by:
            for p in (50, 99):
                x, y = pct(by[a]["echo"], p), pct(by[b]["echo"], p)
                print("  echo p%d %-46s %6.2f" % (p, label, x / y if y else float("nan")))
    print()
    print("ratios:")
    sc_n, sc_1, sd_n, sd_1 = ("scrivano×%d" % n, "scrivano×1", "sshd+cat×%d" % n,
                              "sshd+cat×1")
    ratio("scrivano, %d sessions / 1 session" % n, sc_n, sc_1)
    ratio("sshd+cat, %d sessions / 1 session" % n, sd_n, sd_1)
    ratio("%d sessions, scrivano / sshd+cat" % n, sc_n, sd_n)
    ratio("1 session, scrivano / sshd+cat", sc_1, sd_1)
    if sc_n in by and sd_n in by and by[sd_n]["server_window"]:
        print("  server CPU, %d sessions, scrivano / sshd+cat %19.2f"
              % (n, by[sc_n]["server_window"] / by[sd_n]["server_window"]))
        print("  server PSS, %d sessions, scrivano / sshd+cat %19.2f"
              % (n, by[sc_n]["peak_pss"] / max(by[sd_n]["peak_pss"], 1)))
    acked, found, lost, bad, log = books
    print()
    print("records: %d acknowledged, %d found in their books" % (acked, found))
    trouble = lost and ["lost: " + x for x in lost[:20]] or []
    trouble += bad + log
    for ph in phases:
        trouble += ["%s: %s" % (ph["name"], p) for p in problems_of(ph)]
    for line in trouble:
        print("PROBLEM " + line)
    print("checks: %s" % ("all passed" if not trouble else "%d problem(s)" % len(trouble)))
    return 1 if trouble else 0


def scrivano_phases(args, users, top):
    """The two scrivano phases on one data folder; returns (server, phases)."""
    n = max(args.sessions, 1)
    limits = ["--max-sessions", str(n + 1), "--max-startups", str(n + 1),
              "--max-startups-per-address", str(n + 1), "--login-grace", "60s"]
    srv = harness.Server(users=dict(users), args=limits)

    def start():
        srv.start()
        return srv.proc, srv.stop

    def spawn(t):
        return srv.client(t.user, None, ssh_args=PINNED)

    solo = run_phase("scrivano×1", 1, args.solo_seconds, args, start, spawn, users[-1:],
                     lambda i: "customers")
    full = run_phase("scrivano×%d" % n, n, args.seconds, args, start, spawn, users[:-1],
                     lambda i: ("customers", "articles")[i % 2])
    return srv, [solo, full]


class Port:
    def __init__(self, port):
        self.port = port


def sshd_phases(args, top):
    """sshd serving `cat` on a raw terminal, at N sessions and at 1; []
    with the reason printed when it cannot be run here."""
    if args.no_sshd:
        return []
    if os.geteuid() != 0:
        print("sshd peer skipped: it needs a system account, which only root can make",
              file=sys.stderr)
        return []
    if not (shutil.which("sshd") or os.path.exists("/usr/sbin/sshd")):
        print("sshd peer skipped: openssh-server is not installed", file=sys.stderr)
        return []
    sessionbench.make_account(SSHD_USER)
    os.makedirs("/run/sshd", exist_ok=True)
    tmp = os.path.join(top, "sshd")
    os.mkdir(tmp)
    n = args.sessions
    users = [(SSHD_USER, sessionbench.PASSWORD)] * n
    box = {}
    first = [True]

    def start():
        if not first[0]:
            os.unlink(os.path.join(tmp, "sshd_host_ed25519"))
            os.unlink(os.path.join(tmp, "sshd_host_ed25519.pub"))
        first[0] = False
        proc, port = sessionbench.start_sshd(harness.SCRIVANO, "", tmp, SSHD_USER,
                                             command="stty raw -echo; echo READY; exec cat",
                                             max_startups=max(n + 1, 10))
        box["port"] = port

        def stop():
            proc.terminate()
            proc.wait()
        return proc, stop

    def spawn(t):
        return harness.Client(Port(box["port"]), t.user, None, ssh_args=PINNED)

    try:
        full = run_phase("sshd+cat×%d" % n, n, args.seconds, args, start, spawn, users,
                         lambda i: "cat")
        solo = run_phase("sshd+cat×1", 1, args.solo_seconds, args, start, spawn, users,
                         lambda i: "cat")
    finally:
        sessionbench.remove_account(SSHD_USER)
    return [full, solo]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sessions", type=int, nargs="?", default=200,
                    help="sessions at once (200)")
    ap.add_argument("seconds", type=float, nargs="?", default=120,
                    help="seconds of typing (120)")
    ap.add_argument("--quick", action="store_true",
                    help="a try in seconds: 4 sessions, 10 s (numbers given win)")
    ap.add_argument("--pace", type=float, default=0.2, help="seconds between keys (0.2)")
    ap.add_argument("--solo-seconds", type=float, help="seconds of the 1-session runs")
    ap.add_argument("--burst", type=int, default=20, help="logins under way at once (20)")
    ap.add_argument("--no-sshd", action="store_true", help="no sshd peer")
    ap.add_argument("--seed", type=int, default=1, help="the typists' random seed (1)")
    ap.add_argument("--keep", action="store_true", help="keep the data folder")
    args = ap.parse_args()
    if args.quick:
        given = [a for a in sys.argv[1:] if not a.startswith("-")]
        args.sessions = int(given[0]) if given else 4
        args.seconds = float(given[1]) if len(given) > 1 else 10
    if args.solo_seconds is None:
        args.solo_seconds = min(args.seconds, max(10, args.seconds / 4))
    top = tempfile.mkdtemp(prefix="scrivano-load-")
    os.chmod(top, 0o711)
    users = [("u%03d" % i, "pw-load-%03d" % i) for i in range(1, args.sessions + 1)]
    users.append(("solo", "pw-load-solo"))
    srv, status = None, 1
    try:
        srv, phases = scrivano_phases(args, users, top)
        phases += sshd_phases(args, top)
        order = {"scrivano×1": 0, "sshd+cat×1": 3}
        phases.sort(key=lambda ph: order.get(ph["name"], 1 if "scrivano" in ph["name"] else 2))
        ours = [ph for ph in phases if "scrivano" in ph["name"]]
        books = check_books(srv, ours) + (check_log(srv, ours),)
        status = report(phases, args, books)
    finally:
        shutil.rmtree(top, ignore_errors=True)
        if srv is not None:
            srv.stop()
            if status or args.keep:
                print("the data folder and the server's log are kept: %s" % srv.top)
            else:
                srv.cleanup()
    return status


if __name__ == "__main__":
    sys.exit(main())
