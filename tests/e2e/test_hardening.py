"""End-to-end tests of the SSH server's defences: login grace time, limits
on connections (max-startups' random early drop among them) and on a
user's sessions, the penalty for an address that
fails too often, the same answer and timing for unknown users and wrong
passwords, and the signals (SIGHUP, SIGTERM)."""

import os
import re
import signal
import socket
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, Tap, book_rows  # noqa: E402

tap = Tap()
GRACE = 4


def silent_tcp(srv):
    """A client that connects and says nothing."""
    s = socket.create_connection(("127.0.0.1", srv.port), timeout=GRACE + 5)
    return s, time.time()


def closed_after(s, t0):
    try:
        while s.recv(4096):
            pass
    except OSError:
        pass
    s.close()
    return time.time() - t0


def at_prompt(srv, user="anna", **kw):
    """An OpenSSH client waiting at the password prompt."""
    c = srv.client(user, None, **kw)
    return c, c.wait_for("password:", 10)


def typed_into_closed(c):
    """OpenSSH notices a closed connection only once the password typed at
    its prompt is sent: types one, and returns the client's exit status."""
    c.send("late\r")
    status = c.wait_exit(5)
    c.close()
    return status


def test_grace(srv):
    s, t0 = silent_tcp(srv)
    c, prompted = at_prompt(srv)
    took = closed_after(s, t0)
    tap.ok("a silent TCP client is closed after the login grace time (%.1f s)" % took,
           GRACE - 0.5 <= took <= GRACE + 3)
    logged = srv.wait_log("closed before login: login grace time over", 3, count=2)
    status = typed_into_closed(c)
    tap.ok("a client that sits at the password prompt is closed too",
           prompted and status == 255, "status %s: %s" % (status, c.text()))
    tap.ok("both logged as 'login grace time over'", logged, srv.log())


def test_max_startups(srv):
    """Connections not logged in yet have a cap per address (3 here): idle
    sockets held until the grace time cannot take every slot."""
    srv.wait_sessions(0)
    waiting = [at_prompt(srv) for _ in range(3)]
    t0 = time.time()
    with srv.client("anna", "secret") as c4:
        status = c4.wait_exit(5)
    took = time.time() - t0
    tap.ok("with 3 connections from one address at the password prompt a fourth is "
           "closed at once", all(p for _, p in waiting) and status == 255 and took < 3,
           "status %s after %.1f s: %s" % (status, took, c4.text()))
    tap.ok("and logged", srv.wait_log(r"refused: too many connections from this address "
                                      r"are logging in"), srv.log())
    for c, _ in waiting:
        c.close()
    srv.wait_sessions(0)


def test_prompts_take_no_session(srv):
    """The denial of service found in review: connections that never log in
    used to count against --max-sessions, so two idle ones (the most
    allowed here) locked every user out until the grace time ran out."""
    srv.wait_sessions(0)
    waiting = [at_prompt(srv) for _ in range(2)]
    with srv.client("anna", "secret") as c:
        got_in = c.wait_for(re.compile(r"Quit$"), 10)
        if got_in:
            c.send("\x1b[21~")
            c.send("y")  # yes, end the session
        c.wait_exit(5)
    tap.ok("two clients idle at the password prompt do not keep a user out "
           "(--max-sessions 2)", all(p for _, p in waiting) and got_in, c.screen_text())
    for c, _ in waiting:
        c.close()
    srv.wait_sessions(0)


def test_max_sessions(srv):
    srv.wait_sessions(0)
    before = len(re.findall(r"login anna from", srv.log()))
    holders = [srv.client(u, "secret", ssh_args=["-N"]) for u in ("anna", "bruno")]
    held = (srv.wait_log(r"login anna from", 5, count=before + 1) and
            srv.wait_log(r"login bruno from", 5))
    t0 = time.time()
    with srv.client("carla", "secret") as c3:
        status = c3.wait_exit(5)
    took = time.time() - t0
    tap.ok("with 2 sessions logged in (the most allowed) a third connection is closed "
           "at once", held and status == 255 and took < 3,
           "status %s after %.1f s: %s" % (status, took, c3.text()))
    tap.ok("and logged", srv.wait_log(r"refused: the most sessions allowed are open"),
           srv.log())
    for c in holders:
        c.close()
    srv.wait_log(r"logout bruno .*the client left", 5)
    srv.wait_sessions(0)


def logins_at_once(srv, users):
    """OpenSSH logins of these users started at the same moment; each ends
    with the forms shown or with its client gone. Returns (clients, how
    many got the forms)."""
    clients = [srv.client(u, "secret") for u in users]
    shown = 0
    for c in clients:
        end = time.time() + 60
        while time.time() < end:
            c.pump(0.05)
            if "Main menu" in c.screen_text():
                shown += 1
                break
            if c.proc.poll() is not None:
                while c.pump(0.1):
                    pass
                break
    return clients, shown


def test_office(srv):
    """30 people of one office behind one NAT address log in at the same
    moment, with the default limits: all get in."""
    srv.wait_sessions(0)
    clients, shown = logins_at_once(srv, ["clerk%d" % i for i in range(30)])
    tap.ok("30 logins at once from one address, default limits: all 30 get the forms "
           "(%d did)" % shown, shown == 30, srv.log()[-3000:])
    for c in clients:
        c.close()
    srv.wait_sessions(0, 20)


def test_max_sessions_exact(srv, n, limit):
    """max-sessions holds exactly: n logins at once with limit allowed leave
    limit in. Each of the others is either told why at its login (it was
    let in while fewer than limit were logged in, and is checked again
    there) or, when it connects after limit have logged in, closed at once
    and logged as refused: on a fast machine the last clients started
    connect that late."""
    srv.wait_sessions(0)
    before = len(re.findall(r"refused: the most sessions allowed are open", srv.log()))
    clients, shown = logins_at_once(srv, ["anna"] * n)
    told = sum("the most sessions allowed are open" in c.text() for c in clients)
    ui = sum(1 for c in clients if c.proc.poll() is None)
    # closed at once: the client's words for a close before the server's banner
    early = [c for c in clients if c.proc.poll() is not None
             and "the most sessions allowed are open" not in c.text()
             and "kex_exchange_identification" in c.text()]
    refused = len(re.findall(r"refused: the most sessions allowed are open",
                             srv.log())) - before
    # each client neither in, nor told, nor closed at once, with what it
    # printed, and the log's lines of connections that did not log in
    odd = [c for c in clients if c.proc.poll() is not None
           and "the most sessions allowed are open" not in c.text() and c not in early]
    tap.ok("%d logins at once with max-sessions %d: %d get the forms, %d are told or "
           "closed at once (%d in, %d told, %d closed at once, %d clients left)"
           % (n, limit, limit, n - limit, shown, told, len(early), ui),
           shown == limit and told + len(early) == n - limit and ui == limit and not odd,
           "\n".join("neither in nor told: %s" % c.text()[-300:] for c in odd) + "\n" +
           "\n".join(line for line in srv.log().splitlines()
                     if "closed before login" in line or "ended by signal" in line
                     or "refused" in line or "dropped" in line or "failed" in line)[-3000:])
    logged_out = len(re.findall(r"logout anna .*: the most sessions allowed are open",
                                srv.log()))
    tap.ok("the %d are logged: %d told at login, %d refused on connecting"
           % (n - limit, logged_out, refused),
           logged_out == told and refused == len(early), srv.log()[-3000:])
    for c in clients:
        c.close()
    srv.wait_sessions(0, 20)


def test_max_per_user(srv):
    # ssh -N logs in and asks for no shell: a session that holds its slot.
    before = len(re.findall(r"login anna from", srv.log()))
    holder = srv.client("anna", "secret", ssh_args=["-N"])
    held = srv.wait_log(r"login anna from", 5, count=before + 1)
    with srv.client("anna", "secret") as c:
        status = c.wait_exit(5)
    tap.ok("a second session of a user with --max-per-user 1 is told why",
           held and "too many sessions are open for this user" in c.screen_text(),
           c.text())
    tap.is_eq("and ends with status 1", status, 1)
    tap.ok("and is logged", srv.wait_log("too many sessions of this user"), srv.log())
    holder.close()
    srv.wait_log(r"logout anna .*the client left", 5)
    srv.wait_sessions(0)
    with srv.client("anna", "secret") as c:
        ok = c.wait_for(re.compile(r"\S"), 5)
        c.wait_exit(0.5)
    tap.ok("once the first has left, the user gets in again",
           ok and "too many sessions" not in c.screen_text(), c.text())


def timed_failure(srv, user):
    t0 = time.time()
    with srv.client(user, "not-the-password") as c:
        status = c.wait_exit(10)
    return time.time() - t0, status, c.screen_text().strip()


def test_same_answer(srv):
    runs = {"anna": [], "ghost": []}
    for _ in range(3):
        for user in runs:
            runs[user].append(timed_failure(srv, user))
    wrong = statistics.median(t for t, _, _ in runs["anna"])
    unknown = statistics.median(t for t, _, _ in runs["ghost"])
    answers = {(st, out) for r in runs.values() for _, st, out in r}
    tap.ok("unknown user and wrong password get the same answer", len(answers) == 1,
           repr(answers))
    tap.ok("in the same time (%.3f s and %.3f s), never less than the floor" % (wrong, unknown),
           abs(wrong - unknown) < 0.1 and min(wrong, unknown) >= 0.3)


def test_penalty(srv):
    for _ in range(5):
        with srv.client("anna", "wrong") as c:
            c.wait_exit(10)
    penalized = srv.wait_log(r"127\.0\.0\.1 refused for 300 s after 5 failed logins")
    with srv.client("anna", "secret") as c:
        status = c.wait_exit(5)
    tap.ok("after 5 failed passwords the address is refused, even with the right one",
           penalized and status == 255 and "login anna" not in srv.log(),
           "status %s: %s" % (status, c.text()))
    tap.ok("the refusal is logged", srv.wait_log("refused: too many failed logins lately"),
           srv.log())
    fp = srv.fingerprint
    srv.send_signal(signal.SIGHUP)
    reloaded = srv.wait_log(r"reload: penalties forgotten")
    tap.ok("SIGHUP reads the host key again (the same one)",
           reloaded and ("reload: host key %s" % fp) in srv.log(), srv.log())
    with srv.client("anna", "secret") as c:
        logged_in = srv.wait_log(r"login anna from")
    tap.ok("and forgets the penalty: the user gets in", logged_in, srv.log())


class SilentFlood:
    """Silent TCP connections, one from each of n loopback addresses
    (127.0.0.2 ...), each opened again as soon as the server closes it."""

    def __init__(self, srv, n):
        import threading
        self.srv, self.stop, self.opened = srv, threading.Event(), 0
        self.threads = [threading.Thread(target=self._hold, args=("127.0.0.%d" % (2 + i),),
                                         daemon=True) for i in range(n)]
        for t in self.threads:
            t.start()

    def _hold(self, addr):
        while not self.stop.is_set():
            try:
                s = socket.create_connection(("127.0.0.1", self.srv.port), timeout=1,
                                             source_address=(addr, 0))
            except OSError:
                continue
            self.opened += 1
            s.settimeout(0.2)
            while not self.stop.is_set():
                try:
                    if not s.recv(4096):
                        break
                except socket.timeout:
                    continue
                except OSError:
                    break
            s.close()

    def end(self):
        self.stop.set()
        for t in self.threads:
            t.join()


def test_silent_flood():
    """Twenty silent connections from 20 addresses of 127.0.0.0/8, each back
    at once when closed, lock nobody out: a real login gets its forms while
    they go on, and they are closed after the short banner grace (2 s here)
    rather than the login grace (20 s)."""
    with Server(args=["--banner-grace", "2"], tap=tap) as srv:
        waiting, prompted = at_prompt(srv)  # sent its banner, then sits at the prompt
        flood = SilentFlood(srv, 20)
        held = srv.wait_log(r"connection from 127\.0\.0\.\d+ port", 10) or True
        end = time.time() + 10
        while flood.opened < 20 and time.time() < end:
            time.sleep(0.05)
        # The flood's connections come back the moment they are closed, and a
        # closed one counts until its process has ended (slow in the
        # sanitizer build): for a moment there may be more than max-startups'
        # START (40) logging in, and a new connection is then dropped at
        # random, as sshd does. A person tries again; so does this test,
        # and says why each try failed.
        got_in, tries, why = False, 0, []
        while not got_in and tries < 10:
            tries += 1
            with srv.client("anna", "secret") as c:
                got_in = c.wait_for(re.compile(r"Quit\s*$", re.M), 30)
                if not got_in:
                    why.append("try %d: %s" % (tries, c.text()[-300:]))
        closed = srv.wait_log(r"closed before login: no SSH banner in 2 s", 10, count=20)
        flood.end()
        mine = "\n".join(line for line in srv.log().splitlines() if "127.0.0.1 " in line)
        tap.ok("a real login gets its forms during a silent flood from 20 addresses "
               "(%d silent connections opened; try %d)" % (flood.opened, tries),
               held and flood.opened >= 20 and got_in,
               "\n".join(why) + "\n" + mine[-2000:])
        tap.ok("the silent connections are closed after the banner grace, and logged",
               closed, srv.log()[-3000:])
        waiting.send("secret\r")  # longer than the banner grace at the prompt
        tap.ok("a client that sent its banner and sat at the password prompt meanwhile "
               "is not closed: it logs in", prompted and
               waiting.wait_for(re.compile(r"Quit\s*$", re.M), 15), waiting.text()[-500:])
        waiting.close()


def kids(pid):
    """The processes pid started, from /proc."""
    try:
        with open("/proc/%d/task/%d/children" % (pid, pid)) as f:
            return {int(x) for x in f.read().split()}
    except OSError:
        return set()


def alarm_pending(pid):
    """Whether pid has a SIGALRM waiting to be delivered (a stopped
    process's banner-grace alarm, come due)."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(("SigPnd:", "ShdPnd:")) and \
                        int(line.split()[1], 16) & (1 << (signal.SIGALRM - 1)):
                    return True
    except OSError:
        pass
    return False


def test_banner_unread():
    """A client that sent its banner in time is not taken for a silent one
    because its connection's process had not read it yet when the banner
    grace ran out (a loaded machine; here the process is stopped meanwhile,
    and goes on only once its alarm is due)."""
    with Server(args=["--banner-grace", "1"], tap=tap) as srv:
        before = kids(srv.proc.pid)
        s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
        got = b""
        while b"\n" not in got:  # the server's banner: it reads ours next
            chunk = s.recv(256)
            if not chunk:
                break
            got += chunk
        new = kids(srv.proc.pid) - before
        pid = new.pop() if len(new) == 1 else None
        due = False
        if pid is not None:
            os.kill(pid, signal.SIGSTOP)
            s.sendall(b"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n")
            end = time.time() + 10
            while not due and time.time() < end:
                due = alarm_pending(pid)
                time.sleep(0.05)
            os.kill(pid, signal.SIGCONT)
        answer = b""
        try:
            answer = s.recv(4096)  # its KEXINIT, or the end when closed
        except OSError:
            pass
        s.close()
        tap.ok("a banner sent in time but not yet read when the banner grace is due "
               "does not close the connection (%d bytes of key exchange came)" % len(answer),
               pid is not None and due and len(answer) > 0 and
               "no SSH banner" not in srv.log(), srv.log()[-1500:])


def banner_or_closed(srv):
    """A new connection that sends nothing: the socket, and True once the
    server's SSH banner comes (let in), False when it is closed at once
    (dropped)."""
    s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
    got = b""
    try:
        while b"\n" not in got:
            chunk = s.recv(256)
            if not chunk:
                break
            got += chunk
    except OSError:
        pass
    return s, got.startswith(b"SSH-")


def test_early_drop():
    """max-startups START:RATE:FULL (4:30:400 here): with START silent
    connections logging in, each new one is dropped with a probability of
    RATE % rising linearly to 100 % at FULL. 200 more silent connections,
    one after another, those let in kept open (each counts from then on):
    the drops are as many as the documented rate expects, within four
    standard deviations (a false alarm once in 15,000 runs), and each is
    logged; a real login still gets its forms, trying again when dropped
    (as a person would)."""
    start, rate, full, probes = 4, 30, 400, 200
    args = ["--max-startups", "%d:%d:%d" % (start, rate, full),
            "--max-startups-per-address", "10000", "--banner-grace", "120",
            "--login-grace", "180", "--penalty-failures", "0"]
    with Server(args=args, tap=tap) as srv:
        silent = [banner_or_closed(srv) for _ in range(start)]
        tap.ok("the first %d silent connections are all let in" % start,
               all(ok for _, ok in silent))
        held, dropped, expected, var, kept = start, 0, 0.0, 0.0, []
        for _ in range(probes):
            p = (rate + (100 - rate) * (held - start) // (full - start)) / 100  # whole %
            expected += p
            var += p * (1 - p)
            s, let_in = banner_or_closed(srv)
            if let_in:
                kept.append(s)
                held += 1
            else:
                s.close()
                dropped += 1
        sigma = var ** 0.5
        tap.ok("%d of %d further connections dropped at random: %.1f ± %.1f expected "
               "(30 %% with 4 logging in, rising to %d %% with %d)"
               % (dropped, probes, expected, sigma,
                  rate + (100 - rate) * (held - start) // (full - start), held),
               abs(dropped - expected) <= 4 * sigma)
        pattern = r"refused: too many connections are logging in \(dropped at random\)"
        srv.wait_log(pattern, 5, count=dropped)
        logged = len(re.findall(pattern, srv.log()))
        tap.ok("each drop logged (%d lines)" % logged, logged == dropped, srv.log()[-2000:])
        got_in, tries = False, 0
        while not got_in and tries < 20:  # dropped 20 times in a row: once in 2 million
            tries += 1
            with srv.client("anna", "secret") as c:
                got_in = c.wait_for(re.compile(r"Quit\s*$", re.M), 15)
                if got_in:
                    c.send("\x1b[21~")
                    c.wait_for("End the session?", 5)
                    c.send("y")
                c.wait_exit(5)
        tap.ok("a real login gets its forms meanwhile (try %d)" % tries, got_in,
               srv.log()[-2000:])
        for s, _ in silent:
            s.close()
        for s in kept:
            s.close()


def test_refused_keys():
    """Every refused public key counts, as a wrong password does: 10 keys
    not registered, offered on one connection, end it after max-auth-tries
    (6); the refusals count toward the address's penalty (10 here), so the
    next connection's keys bring it and the right password is refused."""
    import subprocess
    with Server(args=["--penalty-failures", "10"], tap=tap) as srv:
        keys = []
        for i in range(10):
            path = os.path.join(srv.top, "stranger%d" % i)
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", path],
                           check=True)
            keys += ["-i", path]
        only_keys = ["-o", "PubkeyAuthentication=yes", "-o", "IdentitiesOnly=yes",
                     "-o", "PreferredAuthentications=publickey"] + keys
        with srv.client("anna", None, ssh_args=only_keys) as c:
            status = c.wait_exit(15)
        cut = srv.wait_log("closed before login: too many refused keys and passwords")
        refused = len(re.findall(r"refused public key SHA256:\S+ for anna", srv.log()))
        tap.ok("10 unknown keys on one connection: the server closes it after 6 (%d "
               "refused, status %s)" % (refused, status), cut and refused == 6 and
               status == 255, srv.log())
        with srv.client("anna", None, ssh_args=only_keys) as c:
            c.wait_exit(15)
        penalized = srv.wait_log(r"127\.0\.0\.1 refused for 300 s after 10 failed logins")
        with srv.client("anna", "secret") as c:
            status = c.wait_exit(10)
        tap.ok("the refused keys count toward the penalty: after 10 the right password "
               "is refused", penalized and status == 255 and "login anna" not in srv.log(),
               "status %s: %s" % (status, srv.log()))


def test_sigterm(srv):
    holder = srv.client("anna", "secret", ssh_args=["-N"])
    logged = srv.wait_log(r"login anna from", 5, count=2)
    waiting, prompted = at_prompt(srv)
    working = srv.client("anna", "secret")
    painted = working.wait_for(re.compile(r"Quit$"), 10) and working.wait_exit(0.5) is None
    # a customer half typed when the server is told to stop
    working.send("\r")
    working.wait_for(re.compile(r"Back$"), 5)
    working.send("\x1b[15~")
    working.wait_for("Partita IVA", 5)
    working.send("Ditta Chiusura" + "\t\t" + "RSSMRA80A01H501U")
    working.settle()
    t0 = time.time()
    srv.send_signal(signal.SIGTERM)
    warned = working.wait_for("The server is stopping: this session closes in", 3)
    tap.ok("SIGTERM: the forms warn that the session closes soon", warned,
           working.screen_text())
    working.send("\x1bOQ")  # F2, within the grace
    saved = working.wait_for("Saved.", 3)
    tap.ok("and a save made in the grace time is done", saved, working.screen_text())
    while srv.running() and time.time() - t0 < 15:  # a second SIGTERM would kill
        time.sleep(0.1)
    status = srv.stop(signal.SIGTERM, timeout=15)
    took = time.time() - t0
    tap.ok("SIGTERM: the server ends with status 0 after the grace (%.1f s)" % took,
           status == 0 and 4 <= took < 10, "status %s" % status)
    got = book_rows(srv.book_path("anna"),
                    "SELECT count(*) FROM parties WHERE name = 'Ditta Chiusura'")
    tap.is_eq("the customer saved in the grace time is in the book", got[0][0], 1)
    tap.ok("it closed the logged-in sessions, saying why",
           logged and len(re.findall(r"logout anna .*: the server is stopping",
                                     srv.log())) == 2, srv.log())
    tap.ok("and the connection still at its password prompt",
           prompted and re.search(r"closed before login: the server is stopping", srv.log()),
           srv.log())
    ended = working.wait_exit(5)
    working.close()
    tap.ok("a user in the forms is told that the server is stopping",
           painted and ended is not None and
           "the server is stopping; your session is closed" in working.screen_text(),
           working.screen_text())
    h = holder.wait_exit(5)
    holder.close()
    w = typed_into_closed(waiting)
    tap.ok("both clients ended", h == 255 and w == 255, "%s %s" % (h, w))
    try:
        socket.create_connection(("127.0.0.1", srv.port), timeout=2).close()
        closed = False
    except OSError:
        closed = True
    tap.ok("nothing listens any more", closed)


def main():
    t0 = time.time()
    args = ["--login-grace", str(GRACE), "--max-sessions", "2", "--max-per-user", "1",
            "--max-startups-per-address", "3", "--penalty-failures", "0"]
    users = {"anna": "secret", "bruno": "secret", "carla": "secret"}
    with Server(users=users, args=args, tap=tap) as srv:
        test_grace(srv)
        test_max_startups(srv)
        test_prompts_take_no_session(srv)
        test_max_sessions(srv)
        test_max_per_user(srv)
        test_same_answer(srv)
    with Server(tap=tap) as srv:  # the default penalty: 5 failures, 5 minutes
        test_penalty(srv)
        test_sigterm(srv)
    test_refused_keys()
    test_silent_flood()
    test_banner_unread()
    test_early_drop()
    with Server(users={"clerk%d" % i: "secret" for i in range(30)}, tap=tap) as srv:
        test_office(srv)
    # 70 logins with 64 allowed, in the sanitizer build too: each form there
    # once took 660 MB (code lists grown an entry at a time, every freed
    # copy held by AddressSanitizer), and the kernel's OOM killer ended
    # some of them (forms "ended by signal 9"), freeing slots for others
    n, limit = 70, 64
    # (the login grace long: on a loaded machine 70 key exchanges and 64
    # forms starting at once, sanitized, take more than the default 20 s)
    with Server(args=["--max-sessions", str(limit), "--max-startups", "100",
                      "--max-startups-per-address", "100", "--max-per-user", "0",
                      "--login-grace", "180"],
                tap=tap) as srv:
        test_max_sessions_exact(srv, n, limit)
    tap.diag("%.1f s" % (time.time() - t0))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
