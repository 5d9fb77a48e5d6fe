#!/usr/bin/python3
"""Benchmark: time from connect to the first painted menu, keystroke-to-echo
latency (p50, p99) alone and while 49 other sessions type 10 keys a second,
CPU time per key, and memory per idle session (PSS), for scrivano's own SSH
server and for OpenSSH's sshd serving the same UI through
`ForceCommand scrivano tui --book ...`, measured in one run.

usage: bench/session.py [--runs N] [--idle K] [--keys K] [--typists N] [--rounds R]
                        [--cipher C[,C...]] [--mac M] [--kex K]
       (run from the build tree, or set SCRIVANO)

Both servers are measured on the same algorithms, pinned by the client
(ssh -c, -m, -o KexAlgorithms=, -o HostKeyAlgorithms=): by default the
ones both servers negotiate with OpenSSH's client when nothing is pinned
(chacha20-poly1305@openssh.com, curve25519-sha256, ssh-ed25519; the MAC
only matters for a cipher that is not AEAD). Each measured session's
client writes a debug log (ssh -E), and the algorithms it really
negotiated are read back from it and printed: a run where either server
negotiated anything else stops with an error. With --cipher A,B,C every
round measures each cipher on both servers in turn, and each gets its
table.

The two servers are measured at the same time, key by key in turns: a
key to one and its echo, then a key to the other and its echo, the one
that goes first flipping every key; so whatever the machine is doing at
a moment (a shared machine's other work, a core's clock) falls on both
alike, and the ratios hold where figures measured one after the other
move by a tenth. Each echo ratio is printed with its 95% interval, the
keys resampled in pairs (bootstrap). With --rounds R all of it is
measured R times: the echo percentiles are over every key of every round,
each CPU figure is the median of the rounds, with the ratio's lowest and
highest round beside it.

A key is Down or Up in the main menu (the bar moves: two lines are
redrawn); its echo is the first byte of output after it. The CPU time is
that of every process under the server (connection processes and forms, or
sshd's session processes and forms), before and after, divided by the keys
that server was sent; the server's own part (all but the forms, the same
program under both) is printed apart.

Both servers listen on 127.0.0.1 only, on free ports, and both log in with a
password through sshpass and the OpenSSH client. sshd needs a system account
for its side: run as root, the script creates one (scrivbench) and removes it
at the end; otherwise it measures scrivano alone and says why. Run as root,
scrivano's sessions run as that same account (--service-user), as sshd's do.
"""
import argparse, os, pty, random, re, select, shutil, signal, socket, statistics, subprocess, sys, tempfile, time

PASSWORD = "bench-pw-1"
MENU_TEXT = b"Customers"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_listen(port, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


def ssh_argv(user, port, algos, log=None):
    """The client's command line: the algorithms pinned (algos: cipher,
    mac, kex), and with log a debug log there, to read back what was
    negotiated."""
    level = ["-E", log, "-o", "LogLevel=DEBUG1"] if log else ["-o", "LogLevel=ERROR"]
    return (["sshpass", "-p", PASSWORD, "ssh", "-F", "/dev/null", "-tt", "-p", str(port),
             "-c", algos["cipher"], "-m", algos["mac"],
             "-o", "KexAlgorithms=" + algos["kex"], "-o", "HostKeyAlgorithms=ssh-ed25519",
             "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
             "-o", "PreferredAuthentications=password,keyboard-interactive",
             "-o", "PubkeyAuthentication=no"] + level +
            ["-o", "SendEnv=LANG", f"{user}@127.0.0.1"])


def negotiated(log):
    """What the client's debug log says was negotiated: kex and the cipher
    (and MAC) of each direction."""
    got = {}
    try:
        with open(log, errors="replace") as f:
            for line in f:
                m = re.search(r"kex: algorithm: (\S+)", line)
                if m:
                    got["kex"] = m.group(1)
                m = re.search(r"kex: (server->client|client->server) cipher: (\S+) "
                              r"MAC: (\S+)", line)
                if m:
                    got[m.group(1)] = (m.group(2), m.group(3))
    except OSError:
        pass
    return got


def check_negotiated(server, algos, log):
    """The algorithms the session used, as text; an error if they are not
    the pinned ones."""
    got = negotiated(log)
    aead = "-gcm@" in algos["cipher"] or "poly1305" in algos["cipher"]
    want_mac = "<implicit>" if aead else algos["mac"]
    for way in ("client->server", "server->client"):
        if got.get(way) != (algos["cipher"], want_mac):
            raise RuntimeError(f"{server}: {way} negotiated {got.get(way)}, not "
                               f"{algos['cipher']} {want_mac} (see {log})")
    if got.get("kex") != algos["kex"]:
        raise RuntimeError(f"{server}: kex {got.get('kex')}, not {algos['kex']} (see {log})")
    return "%s %s, kex %s" % (algos["cipher"], want_mac, got["kex"])


def open_session(user, port, algos, log=None):
    """Starts ssh on a pty (80x24); returns (pid, fd, seconds until the menu shows)."""
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm"
        os.environ["LANG"] = "C.UTF-8"
        os.execvp("sshpass", ssh_argv(user, port, algos, log))
    import fcntl, struct, termios
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    while time.monotonic() - start < 30:
        r, _, _ = select.select([fd], [], [], 0.5)
        if fd in r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if MENU_TEXT in seen:
                return pid, fd, time.monotonic() - start
    raise RuntimeError("no menu within 30 s; saw: %r" % seen[-400:])


def close_session(pid, fd):
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    os.close(fd)


def process_kids():
    """{ppid: [pid, ...]} of every process on the machine."""
    kids = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                kids.setdefault(ppid, []).append(int(d))
            except (OSError, ValueError, IndexError):
                pass
    return kids


def descendants(root, kids=None):
    """Every process under root (not root itself)."""
    kids = process_kids() if kids is None else kids
    out, todo = [], list(kids.get(root, []))
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out


def pss_kib(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


KEYS = (b"\x1b[B", b"\x1b[A")  # Down, Up: the menu's bar moves


def is_forms(pid):
    """Whether pid runs the forms (scrivano tui): the same program under
    both servers, so its time is counted apart from the server's own."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return b"tui" in f.read().split(b"\0")
    except OSError:
        return False


def cpu_ns(root):
    """CPU time so far under root, in ns (schedstat): (the server's own
    processes, the forms)."""
    server = forms = 0
    for p in descendants(root):
        try:
            with open(f"/proc/{p}/schedstat") as f:
                ns = int(f.read().split()[0])
        except (OSError, ValueError, IndexError):
            continue
        if is_forms(p):
            forms += ns
        else:
            server += ns
    return server, forms


def drain(fd):
    try:
        while select.select([fd], [], [], 0)[0]:
            if not os.read(fd, 65536):
                return
    except OSError:
        pass


def typing_turns(measured, others, keys, interval=0.1):
    """Each of measured (one session per server) types a key every
    interval, its echo timed, in turns: the first one first on even keys,
    the last one first on odd keys, each key written only once the echo
    before it came, so that no two measured keys are ever in flight at
    once and each server's keys meet the machine as it is at the same
    moment. Each of others, (fd, index of its server), types one key every
    interval too, spread over it. Returns (latencies of each measured,
    keys written to each server's sessions)."""
    fds = [fd for fd, _ in others]
    sent = [0] * len(measured)
    due = [time.monotonic() + interval * (i + 1) / (len(fds) + 1) for i in range(len(fds))]
    flip = [0] * len(fds)
    lat = [[] for _ in measured]

    def serve(until, wait_fd=None):
        while True:
            now = time.monotonic()
            for i, t in enumerate(due):
                if t <= now:
                    os.write(fds[i], KEYS[flip[i]])
                    flip[i] ^= 1
                    due[i] = t + interval
                    sent[others[i][1]] += 1
            nxt = min(due + [until]) if due else until
            r = select.select(fds + measured, [], [], max(0.0, nxt - time.monotonic()))[0]
            for fd in r:
                try:
                    os.read(fd, 65536)
                except OSError:
                    pass
                if fd == wait_fd:
                    return time.monotonic()
            if wait_fd is None and time.monotonic() >= until:
                return None

    start = time.monotonic()
    for fd in measured:
        drain(fd)
    for k in range(keys):
        serve(start + interval * (k + 1))
        order = range(len(measured)) if k % 2 == 0 else reversed(range(len(measured)))
        for m in order:
            t0 = time.monotonic()
            os.write(measured[m], KEYS[k % 2])
            sent[m] += 1
            got = serve(t0 + 5, wait_fd=measured[m])
            lat[m].append((got or t0 + 5) - t0)
    serve(time.monotonic() + interval)
    return lat, sent


def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]


def measure_echo(results, servers, keys, typists, algos, tmp):
    """One echo measurement on these algorithms, of every server at once:
    one measured session on each, typing in turns (typing_turns), alone
    and then with typists - 1 more sessions on each server typing 10 keys
    a second. Each measured session's client logs what it negotiated,
    which must be what was pinned. Returns one result per server."""
    outs = [{} for _ in servers]
    measured, others = [], []
    for i, (user, port, _) in enumerate(servers):
        name = results[i]["name"]
        log = os.path.join(tmp, "ssh-%s-%s.log" % (name, algos["cipher"]))
        if os.path.exists(log):
            os.unlink(log)
        measured.append(open_session(user, port, algos, log)[:2])
        others += [(open_session(user, port, algos)[:2], i) for _ in range(typists - 1)]
        outs[i]["algorithms"] = check_negotiated(name, algos, log)
    time.sleep(1.0)
    for _, fd in measured + [s for s, _ in others]:
        drain(fd)
    for label, typing_too in (("alone", []), ("busy", others)):
        c0 = [cpu_ns(pid) for _, _, pid in servers]
        lats, sent = typing_turns([fd for _, fd in measured],
                                  [(s[1], i) for s, i in typing_too], keys)
        c1 = [cpu_ns(pid) for _, _, pid in servers]
        for i in range(len(servers)):
            server, forms = (c1[i][k] - c0[i][k] for k in (0, 1))
            outs[i][label] = {"p50": pct(lats[i], 50), "p99": pct(lats[i], 99),
                              "lat": lats[i],
                              "cpu_us": (server + forms) / sent[i] / 1000,
                              "server_us": server / sent[i] / 1000}
    for pid, fd in measured + [s for s, _ in others]:
        close_session(pid, fd)
    return outs


def measure(name, user, port, server_pid, runs, idle, algos):
    """Login times and memory per idle session; the echo is measured apart."""
    times = []
    for _ in range(runs):
        pid, fd, t = open_session(user, port, algos)
        times.append(t)
        close_session(pid, fd)
        time.sleep(0.2)
    sessions = [open_session(user, port, algos)[:2] for _ in range(idle)]
    time.sleep(1.0)
    procs = descendants(server_pid)
    total = sum(pss_kib(p) for p in procs)
    for pid, fd in sessions:
        close_session(pid, fd)
    return {"name": name, "median_s": statistics.median(times), "min_s": min(times),
            "pss_kib": total / idle, "procs": len(procs) / idle, "rounds": {}}


def echo_rounds(results, servers, rounds, keys, typists, ciphers, base, tmp):
    """Each round measures every cipher once, on every server at the same
    time (measure_echo); the ciphers' order turns from round to round."""
    for n in range(rounds):
        for k in range(len(ciphers)):
            cipher = ciphers[(n + k) % len(ciphers)]
            outs = measure_echo(results, servers, keys, typists, dict(base, cipher=cipher), tmp)
            for res, r in zip(results, outs):
                res["rounds"].setdefault(cipher, []).append(r)
                print(f"round {n + 1}, {cipher}, {res['name']}: echo p50 alone "
                      f"{r['alone']['p50'] * 1000:.2f} ms, CPU per key alone "
                      f"{r['alone']['cpu_us']:.0f} µs, of it the server's own "
                      f"{r['alone']['server_us']:.0f} µs ({r['algorithms']})",
                      file=sys.stderr, flush=True)


def figure(r, cipher, label, key):
    """A figure over the rounds: an echo percentile over every key of every
    round, a CPU time the median of the rounds'."""
    if key in ("p50", "p99"):
        return pct(pooled(r, cipher, label), int(key[1:]))
    return statistics.median(e[label][key] for e in r["rounds"][cipher])


def pooled(r, cipher, label):
    return [x for e in r["rounds"][cipher] for x in e[label]["lat"]]


def ratio_interval(a, b, p, resamples=400):
    """A 95% interval of pct(a, p) / pct(b, p), a and b timed key by key in
    turns: the keys are resampled as pairs (bootstrap), so a moment when
    the machine was slow falls on both servers alike."""
    rng = random.Random(1)
    n = len(a)
    ratios = []
    for _ in range(resamples):
        idx = [rng.randrange(n) for _ in range(n)]
        ratios.append(pct([a[i] for i in idx], p) / pct([b[i] for i in idx], p))
    ratios.sort()
    return ratios[int(0.025 * resamples)], ratios[int(0.975 * resamples) - 1]


def start_scrivano(exe, share, tmp, service_user=None):
    data = os.path.join(tmp, "scrivano-data")
    subprocess.run([exe, "user", "add", "bench", "--data", data], input=PASSWORD + "\n",
                   text=True, check=True, capture_output=True)
    extra = []
    if service_user:  # root: the sessions drop to it, and it owns the data
        subprocess.run(["chown", "-R", service_user, data], check=True)
        extra = ["--service-user", service_user]
    port = free_port()
    env = dict(os.environ, SCRIVANO_SHARE=share)
    log = open(os.path.join(tmp, "scrivano.log"), "w")
    # Many sessions of one account, as the typists are: no per-user limit.
    proc = subprocess.Popen([exe, "serve", "--data", data, "--listen", f"127.0.0.1:{port}",
                             "--max-per-user", "0"] + extra, stdout=log, stderr=log, env=env)
    if not wait_listen(port):
        raise RuntimeError("scrivano serve did not start; see " + log.name)
    return proc, port


def start_sshd(exe, share, tmp, user, command=None, max_startups=100):
    """sshd on a free loopback port for user, running command (by default
    the UI on a book of its own) for each session; (process, port)."""
    command = command or f"env SCRIVANO_SHARE={share} {exe} tui --book {tmp}/sshd-book.sqlite"
    sshd = shutil.which("sshd") or "/usr/sbin/sshd"
    key = os.path.join(tmp, "sshd_host_ed25519")
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key], check=True)
    subprocess.run(["chown", user, tmp], check=True)
    port = free_port()
    conf = os.path.join(tmp, "sshd_config")
    with open(conf, "w") as f:
        f.write(f"""ListenAddress 127.0.0.1
Port {port}
HostKey {key}
PidFile {tmp}/sshd.pid
PasswordAuthentication yes
KbdInteractiveAuthentication no
PubkeyAuthentication no
UsePAM yes
AllowUsers {user}
AcceptEnv LANG LC_*
PrintMotd no
PrintLastLog no
MaxStartups {max_startups}
ForceCommand {command}
""")
    log = os.path.join(tmp, "sshd.log")
    proc = subprocess.Popen([sshd, "-D", "-f", conf, "-E", log])
    if not wait_listen(port):
        raise RuntimeError("sshd did not start; see " + log)
    return proc, port


def make_account(user):
    """The system account sshd's side logs in as; one an earlier run left
    (see remove_account) is taken again, with our password."""
    r = subprocess.run(["useradd", "--system", "--create-home", "--shell", "/bin/sh", user],
                       capture_output=True, text=True)
    if r.returncode == 9:  # it exists
        print(f"the account {user} exists (left by an earlier run?): taken again",
              file=sys.stderr)
    elif r.returncode != 0:
        raise RuntimeError("useradd: " + r.stderr.strip())
    subprocess.run(["chpasswd"], input=f"{user}:{PASSWORD}\n", text=True, check=True)


def remove_account(user):
    """userdel refuses while a process of the account still runs (sshd's
    sessions end a moment after their clients): tried again for a while."""
    for _ in range(50):
        r = subprocess.run(["userdel", "--remove", user], capture_output=True, text=True)
        if r.returncode in (0, 6):  # removed, or not there
            return
        time.sleep(0.2)
    print(f"could not remove the account {user}: {r.stderr.strip()}", file=sys.stderr)


def print_table(results, cipher, args, with_logins):
    t = args.typists
    rows = [("echo p50 alone", ("alone", "p50"), 1000, "ms"),
            ("echo p99 alone", ("alone", "p99"), 1000, "ms"),
            ("echo p50, %d typing" % t, ("busy", "p50"), 1000, "ms"),
            ("echo p99, %d typing" % t, ("busy", "p99"), 1000, "ms"),
            ("CPU per key alone", ("alone", "cpu_us"), 1, "µs"),
            ("  of it the server's", ("alone", "server_us"), 1, "µs"),
            ("CPU per key, %d typing" % t, ("busy", "cpu_us"), 1, "µs"),
            ("  of it the server's", ("busy", "server_us"), 1, "µs")]
    lines = [(label, [figure(r, cipher, *key) * scale for r in results], unit, key)
             for label, key, scale, unit in rows]
    if with_logins:
        lines.insert(0, ("connect→menu median", [r["median_s"] * 1000 for r in results],
                         "ms", None))
        lines.append(("PSS per idle session", [r["pss_kib"] for r in results], "KiB", None))
    both = len(results) == 2
    keys = len(pooled(results[0], cipher, "alone"))
    print()
    print(f"cipher {cipher}, {args.rounds} round(s), {keys} keys on each server alone and "
          f"as many with {t} typing; negotiated, as each client's log says:")
    for r in results:
        used = sorted(set(e["algorithms"] for e in r["rounds"][cipher]))
        print(f"  {r['name']}: {'; '.join(used)}")
    print(f"{'':<24}" + "".join(f"{r['name']:>14}" for r in results) +
          ("   ratio scrivano/sshd   echo: 95% interval (keys resampled in pairs); "
           "CPU: lowest–highest round" if both else ""))
    for label, values, unit, key in lines:
        line = f"{label:<24}" + "".join(f"{v:>10.2f} {unit:<3}" for v in values)
        if both and values[1] > 0:
            line += f"   {values[0] / values[1]:>6.2f}"
            if key and key[1] in ("p50", "p99"):
                lo, hi = ratio_interval(pooled(results[0], cipher, key[0]),
                                        pooled(results[1], cipher, key[0]), int(key[1][1:]))
                line += f"          {lo:.2f}–{hi:.2f}"
            elif key and args.rounds > 1:
                ratios = [x[key[0]][key[1]] / y[key[0]][key[1]]
                          for x, y in zip(results[0]["rounds"][cipher],
                                          results[1]["rounds"][cipher])]
                line += f"          {min(ratios):.2f}–{max(ratios):.2f}"
        print(line)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=10, help="logins timed per server (10)")
    ap.add_argument("--idle", type=int, default=5, help="idle sessions for the PSS figure (5)")
    ap.add_argument("--keys", type=int, default=200, help="keys timed, alone and busy (200)")
    ap.add_argument("--typists", type=int, default=50, help="sessions typing when busy (50)")
    ap.add_argument("--rounds", type=int, default=1,
                    help="echo measurements per server and cipher, taking turns (1)")
    ap.add_argument("--cipher", default="chacha20-poly1305@openssh.com",
                    help="the cipher both servers are measured on, or several separated "
                         "by commas (chacha20-poly1305@openssh.com: what OpenSSH's "
                         "client asks for first)")
    ap.add_argument("--mac", default="hmac-sha2-256-etm@openssh.com",
                    help="the MAC, for a cipher that needs one (hmac-sha2-256-etm@openssh.com)")
    ap.add_argument("--kex", default="curve25519-sha256",
                    help="the key exchange (curve25519-sha256: sshd would take "
                         "sntrup761x25519-sha512, which libssh 0.10 lacks)")
    args = ap.parse_args()
    ciphers = [c for c in args.cipher.split(",") if c]
    base = {"cipher": ciphers[0], "mac": args.mac, "kex": args.kex}
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    exe = os.environ.get("SCRIVANO") or os.path.join(top, "src", "scrivano")
    share = os.environ.get("SCRIVANO_SHARE") or top
    tmp = tempfile.mkdtemp(prefix="scrivano-bench-")
    os.chmod(tmp, 0o755)
    procs, results, servers, user, made = [], [], [], "scrivbench", False
    try:
        if os.geteuid() == 0:
            make_account(user)
            made = True
        proc, port = start_scrivano(exe, share, tmp, user if made else None)
        procs.append(proc)
        servers.append(("bench", port, proc.pid))
        results.append(measure("scrivano", "bench", port, proc.pid, args.runs, args.idle,
                               base))
        if os.geteuid() != 0:
            print("sshd side skipped: it needs a system account with a password, and only "
                  "root can create one (run this script as root)")
        elif not (shutil.which("sshd") or os.path.exists("/usr/sbin/sshd")):
            print("sshd side skipped: OpenSSH's server is not installed (apt-get install "
                  "openssh-server)")
        else:
            os.makedirs("/run/sshd", exist_ok=True)
            proc, port = start_sshd(exe, share, tmp, user)
            procs.append(proc)
            servers.append((user, port, proc.pid))
            results.append(measure("sshd+tui", user, port, proc.pid, args.runs, args.idle,
                                   base))
        echo_rounds(results, servers, args.rounds, args.keys, args.typists, ciphers, base,
                    tmp)
    finally:
        for p in procs:
            p.terminate()
            p.wait()
        if made:
            remove_account(user)
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"logins and memory on {ciphers[0]}, kex {args.kex}; {args.keys} keys a "
          f"measurement on each server, in turns; {args.typists} typing is "
          f"{args.typists - 1} more sessions on each "
          "typing 10 keys a second")
    for n, cipher in enumerate(ciphers):
        print_table(results, cipher, args, n == 0)


if __name__ == "__main__":
    main()
