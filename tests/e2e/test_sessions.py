"""End-to-end tests of a session's life in an office: the idle timeout with
its warning on the screen, a client that stops reading dropped while
another session works on, kill -9 of one session among three, the
service user that sessions run as when the server starts as root, the
options read again on SIGHUP, and the log's destination."""

import os
import re
import signal
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SCRIVANO, SERVICE_USER, Server, Tap, base_env  # noqa: E402

try:
    import paramiko
except ImportError:  # tools/deps test installs python3-paramiko
    paramiko = None

tap = Tap()
IDLE, WARN, STALL = 8, 4, 2
MENU = re.compile(r"Quit\s*$", re.M)


def test_idle(srv):
    with srv.client("anna", "secret") as c:
        painted = c.wait_for(MENU, 10)
        t0 = time.time()
        warned = c.wait_for("closes in", IDLE)
        took = time.time() - t0
        tap.ok("an idle session is warned on screen before it closes (after %.1f s)" % took,
               painted and warned and IDLE - WARN - 1 <= took <= IDLE - WARN + 2,
               c.screen_text())
        m = re.search(r"closes in (\d+) s", c.screen_text())
        first = int(m.group(1)) if m else None
        deadline = time.time() + 3  # the count goes down once a second
        while True:
            c.pump(0.2)
            m = re.search(r"closes in (\d+) s", c.screen_text())
            if (first is None or time.time() > deadline
                    or (m is not None and int(m.group(1)) < first)):
                break
        tap.ok("the warning counts down (%s s, then %s s)" % (first, m and m.group(1)),
               first is not None and m is not None and int(m.group(1)) < first,
               c.screen_text())
        c.send("\x1b[B")  # a key: the user is back
        gone = c.wait_for(re.compile(r"^(?![\s\S]*closes in)"), 3)
        t1 = time.time()
        tap.ok("a key takes the warning away, and the forms stay",
               gone and c.wait_exit(WARN + 0.5) is None, c.screen_text())
        status = c.wait_exit(IDLE + 5)
        took = time.time() - t1
    tap.ok("left alone again, the session ends at the idle timeout (%.1f s, status %s)"
           % (took, status), status == 4 and IDLE - 1 <= took <= IDLE + 3, c.text()[-500:])
    tap.ok("and the user is told why",
           "your session was closed: no key was pressed for too long" in c.screen_text(),
           c.screen_text())
    tap.ok("logged as a logout with its reason",
           srv.wait_log(r"logout anna from \S+ port \d+ \(password\) after \S+ s: "
                        r"idle for %d s" % IDLE), srv.log())


def stalled_client(srv):
    """paramiko, logged in with a pty and a shell, that never reads: window-
    change requests make the forms paint the whole screen again and again,
    until the client's window (32 KB) is full."""
    t = paramiko.Transport(socket.create_connection(("127.0.0.1", srv.port), timeout=10))
    t.start_client(timeout=10)
    t.auth_password("bruno", "secret")
    chan = t.open_session(window_size=32768, max_packet_size=4096)
    chan.get_pty("xterm", 200, 60)
    chan.invoke_shell()
    for i in range(60):
        try:
            chan.resize_pty(200 - i % 2, 60 - i % 2)
        except (OSError, EOFError, paramiko.SSHException):
            break
        time.sleep(0.02)
    return t, chan


def test_stall(srv):
    if paramiko is None:
        tap.skip("a client that stops reading is dropped", "python3-paramiko not installed "
                 "(tools/deps test installs it)")
        return
    with srv.client("anna", "secret") as c:
        painted = c.wait_for(MENU, 10) and c.settle()
        t0 = time.time()
        t, chan = stalled_client(srv)
        moved = []
        while time.time() - t0 < STALL + 4 and not srv.wait_log("read nothing", 0.2):
            c.send("\x1b[B")  # the other user goes on working
            moved.append(c.settle(0.1, 1))
        dropped = srv.wait_log(r"logout bruno from \S+ port \d+ \(password\) after \S+ s: "
                               r"the client read nothing for %d s" % STALL, 5)
        took = time.time() - t0
        tap.ok("a client that stops reading is dropped after --stall-timeout (%.1f s)" % took,
               dropped and took <= STALL + 6, srv.log())
        end = time.time() + 5
        while t.is_active() and time.time() < end:
            time.sleep(0.1)
        tap.ok("its connection is closed", not t.is_active())
        t.close()
        tap.ok("meanwhile the other session kept working, and still does",
               painted and len(moved) >= 2 and all(moved) and answers(c), c.screen_text())


def ui_pids(srv):
    """connection pid -> its UI's pid (the connection's one child)."""
    out = {}
    for conn in srv.sessions():
        kids = subprocess.run(["ps", "-o", "pid=", "--ppid", str(conn)], capture_output=True,
                              text=True).stdout.split()
        out[conn] = int(kids[0]) if kids else None
    return out


def test_kill9(srv):
    srv.wait_sessions(0)
    clients = [srv.client(u, "secret") for u in ("anna", "bruno", "carla")]
    painted = all(c.wait_for(MENU, 10) for c in clients)
    srv.wait_sessions(3)
    victim = None
    for conn in srv.sessions():
        with open("/proc/%d/environ" % ui_pids(srv)[conn], "rb") as f:
            if b"USER=bruno\0" in f.read():
                victim = conn
    tap.ok("three sessions, each a process of its own", painted and victim is not None,
           repr(ui_pids(srv)))
    if victim is None:
        return
    os.kill(victim, signal.SIGKILL)
    tap.ok("kill -9 of one: the listener logs it",
           srv.wait_log(r"ended by signal 9") and srv.wait_sessions(2), srv.log())
    clients[1].wait_exit(5)
    tap.ok("the other two still work: a key moves the menu's bar, another brings it back",
           all(answers(c) for c in (clients[0], clients[2])),
           "\n\n".join(c.screen_text() for c in clients))
    with srv.client("bruno", "secret") as c:
        again = c.wait_for(MENU, 10)
    tap.ok("and a new login works", again, c.screen_text())
    for c in clients:
        c.close()


def test_ui_killed(srv):
    """The forms' process killed: the client gets an exit status (128 + the
    signal, as a shell gives it), not a connection simply gone."""
    srv.wait_sessions(0)
    with srv.client("anna", "secret") as c:
        painted = c.wait_for(MENU, 10) and srv.wait_sessions(1)
        ui = ui_pids(srv).get(srv.sessions()[0]) if painted else None
        if ui is not None:
            os.kill(ui, signal.SIGKILL)
        status = c.wait_exit(10)
    tap.ok("the forms killed with SIGKILL: the OpenSSH client exits with 137",
           ui is not None and status == 137, "status %s: %s" % (status, srv.log()))
    tap.ok("and the log says so", srv.wait_log(r"logout anna .*: the forms ended by signal 9"),
           srv.log())


def test_name_case(srv):
    """A name is one account whatever its case: ANNA logs in as anna, to
    anna's book."""
    srv.wait_sessions(0)
    with srv.client("ANNA", "secret") as c:
        painted = c.wait_for(MENU, 10)
        c.close()
    tap.ok("ANNA with anna's password gets the forms", painted, c.screen_text())
    tap.ok("as anna (the registered spelling names the session and its book)",
           srv.wait_log(r"login anna from 127\.0\.0\.1") and "login ANNA" not in srv.log() and
           not os.path.exists(srv.book_path("ANNA")), srv.log())


def shown(c):
    """The screen as the user sees it, highlighted cells included (the
    menu's bar is only reverse video)."""
    bar = [(y, x) for y, row in c.screen.buffer.items() for x, ch in row.items() if ch.reverse]
    return c.screen_text(), sorted(bar)


def answers(c):
    """The session answers keys: Down (or Up, at the end of the menu) moves
    the bar, and the other way brings the screen back."""
    c.settle()
    if c.master is None or c.wait_exit(0.1) is not None:
        return False  # the client has ended: its session is gone
    before = shown(c)
    for there, back in (("\x1b[B", "\x1b[A"), ("\x1b[A", "\x1b[B")):
        c.send(there)
        c.settle()
        if shown(c) != before:
            c.send(back)
            c.settle()
            return c.wait_exit(0.2) is None and shown(c) == before
    return False


def proc_uid(pid):
    with open("/proc/%d/status" % pid) as f:
        return int(re.search(r"^Uid:\s+(\d+)", f.read(), re.M).group(1))


def run_serve(data, *args):
    return subprocess.run([SCRIVANO, "serve", "--data", data, "--listen", "127.0.0.1:0"]
                          + list(args), capture_output=True, text=True, env=base_env(),
                          timeout=10)


def test_service_user(srv):
    what = ["started as root, sessions and forms run as the service user",
            "and the listener stays root",
            "a service user that does not exist: the server refuses to start, saying why",
            "a data folder the service user cannot use: refused, saying how to fix it",
            "a host key that is not root's: refused"]
    if os.geteuid() != 0:
        for w in what:
            tap.skip(w, "not running as root: no privileges to drop")
        return
    import pwd
    uid = pwd.getpwnam(SERVICE_USER).pw_uid
    with srv.client("anna", "secret") as c:
        painted = c.wait_for(MENU, 10)
        pids = ui_pids(srv)
        uids = [proc_uid(p) for kv in pids.items() for p in kv if p]
        tap.ok(what[0] + " (%s)" % SERVICE_USER, painted and pids and
               all(u == uid for u in uids), repr((pids, uids)))
        tap.is_eq(what[1], proc_uid(srv.proc.pid), 0)
    r = run_serve(srv.datadir, "--service-user", "no-such-user-here")
    tap.ok(what[2], r.returncode == 1 and "no user 'no-such-user-here'" in r.stderr, r.stderr)
    other = os.path.join(srv.top, "rootdata")
    subprocess.run([SCRIVANO, "user", "add", "x", "--data", other], input="pw\n",
                   capture_output=True, text=True, env=base_env())
    r = run_serve(other, "--service-user", SERVICE_USER)
    tap.ok(what[3], r.returncode == 1 and "chown -R %s: %s" % (SERVICE_USER, other) in r.stderr,
           r.stderr)
    key = os.path.join(srv.datadir, "hostkeys", "ssh_host_ed25519_key")
    os.chown(key, uid, -1)
    r = run_serve(srv.datadir, "--service-user", SERVICE_USER)
    os.chown(key, 0, -1)
    tap.ok(what[4], r.returncode == 1 and "belongs to another user" in r.stderr, r.stderr)


def ui_env_of_new_session(srv):
    with srv.client("anna", "secret") as c:
        c.wait_for(MENU, 10)
        for conn, ui in ui_pids(srv).items():
            if ui:
                with open("/proc/%d/environ" % ui, "rb") as f:
                    return dict(v.decode().split("=", 1) for v in f.read().split(b"\0") if v)
    return {}


def test_reload(tap_top):
    conf = os.path.join(tap_top, "scrivano.conf")
    with open(conf, "w") as f:
        f.write("# first\nidle-timeout = 30m\n")
    with Server(users={"anna": "secret"}, args=["--config", conf], tap=tap) as srv:
        before = ui_env_of_new_session(srv).get("SCRIVANO_IDLE_TIMEOUT")
        with open(conf, "w") as f:
            f.write("idle-timeout = 7m\nlisten = 127.0.0.1:1\n")
        srv.send_signal(signal.SIGHUP)
        reloaded = srv.wait_log("reload: options read again")
        after = ui_env_of_new_session(srv).get("SCRIVANO_IDLE_TIMEOUT")
        tap.ok("SIGHUP reads the config again: new sessions get the new idle timeout "
               "(%s s, then %s s)" % (before, after),
               reloaded and before == "1800" and after == "420", srv.log())
        tap.ok("an option that needs a restart says so, and is kept",
               srv.wait_log("reload: listen changes only when the server restarts"),
               srv.log())
        with open(conf, "w") as f:
            f.write("idle-timeout = soon\n")
        srv.send_signal(signal.SIGHUP)
        tap.ok("a config with a mistake is refused at reload, the options in use kept",
               srv.wait_log(r"reload: .*:1: idle-timeout: 'soon' is not a time.*keeping the "
                            r"options in use") and srv.running(), srv.log())


def test_options(srv):
    r = run_serve(srv.datadir, "--log", "paper")
    tap.ok("--log takes stderr or syslog only", r.returncode == 2 and "paper" in r.stderr,
           r.stderr)
    r = run_serve(srv.datadir, "--ciphers", "aes256-ctr,rot13")
    tap.ok("an algorithm libssh does not know is refused by name",
           r.returncode == 2 and "'rot13' is not an algorithm" in r.stderr, r.stderr)
    user = ["--service-user", SERVICE_USER] if SERVICE_USER else []
    p = subprocess.Popen([SCRIVANO, "serve", "--data", srv.datadir, "--listen", "127.0.0.1:0",
                          "--log", "syslog"] + user, stderr=subprocess.PIPE, text=True,
                         env=base_env())
    time.sleep(1)
    p.send_signal(signal.SIGTERM)
    err = p.communicate(timeout=15)[1]
    tap.ok("with --log syslog the fingerprint and address still show on stderr, and the "
           "log lines do not", re.search(r"host key SHA256:", err) and "listening on" in err
           and "made a new host key" not in err and not re.search(r"^\d{4}-", err, re.M),
           err)


def main():
    t0 = time.time()
    args = ["--idle-timeout", str(IDLE), "--idle-warning", str(WARN),
            "--stall-timeout", str(STALL)]
    users = {"anna": "secret", "bruno": "secret", "carla": "secret"}
    with Server(users=users, args=args, tap=tap) as srv:
        test_idle(srv)
        test_stall(srv)
        test_kill9(srv)
        test_ui_killed(srv)
        test_name_case(srv)
        test_service_user(srv)
        test_options(srv)
        test_reload(srv.top)
    tap.diag("%.1f s" % (time.time() - t0))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
