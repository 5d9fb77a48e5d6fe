"""End-to-end tests of `scrivano serve` through the real OpenSSH client:
start-up, host key, logins right and wrong, refused requests, and a
listener that outlives its sessions."""

import fcntl
import os
import re
import signal
import socket
import stat
import struct
import subprocess
import sys
import termios
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SANITIZER_ENV, SCRIVANO, SERVICE_USER, Server, Tap, base_env, free_port  # noqa: E402

tap = Tap()


def run_serve(*args):
    user = ["--service-user", SERVICE_USER] if SERVICE_USER else []
    return subprocess.run([SCRIVANO, "serve"] + user + list(args), capture_output=True,
                          text=True, env=base_env(), timeout=10)


def test_startup_refusals(srv):
    empty = os.path.join(srv.top, "empty")
    r = run_serve("--data", empty, "--listen", "127.0.0.1:1")
    tap.ok("no registry: refused, telling to run 'scrivano user add'",
           r.returncode == 1 and "scrivano user add" in r.stderr, r.stderr)
    r = run_serve("--data", srv.datadir, "--listen", "127.0.0.1:%d" % srv.port)
    tap.ok("busy address: refused with a clear message",
           r.returncode == 1 and "is busy" in r.stderr, r.stderr)
    r = run_serve("--data", srv.datadir, "--listen", "127.0.0.1")
    tap.ok("address without a port: refused", r.returncode != 0 and "port" in r.stderr,
           r.stderr)
    # Like sshd's StrictModes: files others may read are not served.
    for path in (os.path.join(srv.datadir, "registry.sqlite"), srv.book_path("anna")):
        made = not os.path.exists(path)
        if made:
            subprocess.run([SCRIVANO, "book", "init", path], capture_output=True, env=base_env())
        os.chmod(path, 0o644)
        r = run_serve("--data", srv.datadir, "--listen", "127.0.0.1:%d" % srv.port)
        tap.ok("%s readable by others: refused, saying how to fix it" % os.path.basename(path),
               r.returncode == 1 and "chmod 600 " + path in r.stderr, r.stderr)
        os.chmod(path, 0o600)
        if made:
            os.unlink(path)
    os.chmod(srv.datadir, 0o777)
    r = run_serve("--data", srv.datadir, "--listen", "127.0.0.1:%d" % srv.port)
    os.chmod(srv.datadir, 0o700)
    tap.ok("a data folder others may write to: refused",
           r.returncode == 1 and "chmod 700 " + srv.datadir in r.stderr, r.stderr)


def test_first_start():
    """On the first start the host keys are made before the port listens:
    the first connection finds them made and gets its banner, and a login
    right away works."""
    srv = Server(users={"anna": "secret"}, tap=tap)
    keys = os.path.join(srv.datadir, "hostkeys")
    try:
        srv.port = port = free_port()
        srv.logfile = open(srv.logpath, "ab")
        srv.proc = subprocess.Popen(
            [srv.exe, "serve", "--data", srv.datadir, "--listen", "127.0.0.1:%d" % port] +
            srv.args, stdin=subprocess.DEVNULL, stdout=srv.logfile, stderr=srv.logfile,
            env=srv.serve_env)
        sock = None
        while sock is None and srv.proc.poll() is None:
            try:
                sock = socket.create_connection(("127.0.0.1", port), timeout=10)
            except OSError:
                time.sleep(0.005)
        made = sorted(os.listdir(keys)) if os.path.isdir(keys) else []
        banner = sock.recv(64) if sock is not None else b""
        tap.ok("when the port first accepts, both host keys are already made",
               "ssh_host_ed25519_key" in made and "ssh_host_rsa_key" in made, repr(made))
        tap.ok("and the connection gets the SSH banner", banner.startswith(b"SSH-2.0-"),
               repr(banner))
        if sock is not None:
            sock.close()
        with srv.client("anna", "secret") as c:
            tap.ok("a login right after the first start gets the forms",
                   c.wait_for("Main menu", 10), c.text())
    finally:
        srv.stop()
        if tap.failed:
            tap.diag(srv.log())
        srv.cleanup()


def test_host_key(srv):
    key = os.path.join(srv.datadir, "hostkeys", "ssh_host_ed25519_key")
    tap.ok("serve prints a SHA256 fingerprint", srv.fingerprint is not None, srv.log())
    mode = stat.S_IMODE(os.stat(key).st_mode) if os.path.exists(key) else None
    tap.is_eq("the host key is private (0600)", mode, 0o600)
    r = subprocess.run(["ssh-keygen", "-l", "-f", key], capture_output=True, text=True)
    tap.ok("the fingerprint is the one OpenSSH computes",
           srv.fingerprint is not None and srv.fingerprint in r.stdout,
           "%s vs %s" % (srv.fingerprint, r.stdout))
    rsa = os.path.join(srv.datadir, "hostkeys", "ssh_host_rsa_key")
    mode = stat.S_IMODE(os.stat(rsa).st_mode) if os.path.exists(rsa) else None
    r = subprocess.run(["ssh-keygen", "-l", "-f", rsa], capture_output=True, text=True)
    m = re.search(r"host key (SHA256:\S+) \(RSA\)", srv.log())
    tap.ok("an RSA host key too, for clients without ed25519: private, 3072 bits, and its "
           "fingerprint printed", mode == 0o600 and m and r.stdout.startswith("3072 ")
           and m.group(1) in r.stdout, "%s %s %s" % (mode, r.stdout, srv.log()))
    for algo, works in (("rsa-sha2-512", True), ("rsa-sha2-256", True), ("ssh-rsa", False)):
        with srv.client("anna", "secret", ssh_args=["-o", "HostKeyAlgorithms=" + algo]) as c:
            got_in = c.wait_for(re.compile(r"\S"), 10) and "no matching host key" not in c.text()
            c.close()
        tap.ok("a client that wants an %s host key %s" % (
               algo, "gets in" if works else "(RSA with SHA-1) is refused"),
               got_in == works, c.text())
    srv.wait_sessions(0)  # the tests that follow look for the one UI running


def test_login(srv):
    with srv.client("anna", "secret", cols=90, rows=30) as c:
        # Today's UI is a placeholder that ends at once; the real one shows
        # its forms and waits. Either way: the UI ran, and the session ends
        # (on its own, or when the user's terminal goes away).
        c.wait_for(re.compile(r"\S"), 10)
        status = c.wait_exit(1)
        if status is None and c.wait_for("F10 Quit", 5):
            c.send("\x1b[21~")  # F10, as the key line says
            status = c.wait_exit(5)
        ended_alone = status is not None
        if not ended_alone:
            c.close()
    tap.ok("right password: the UI's output arrives through SSH", c.screen_text().strip(),
           c.text())
    tap.ok("login logged with user, address and method",
           srv.wait_log(r"login anna from 127\.0\.0\.1 port \d+ \(password\)"), srv.log())
    m = None
    if srv.wait_log(r"logout anna .* after \d+\.\d s: ", 10):
        m = list(re.finditer(r"logout anna from \S+ port \d+ \(password\) after \S+ s: "
                             r"(.*)", srv.log()))[-1]
    tap.ok("logout logged with user, address, method and duration", m, srv.log())
    if ended_alone:
        got = re.search(r"status (\d+)", m.group(1)) if m else None
        tap.ok("the UI's exit status reaches the client (%s)" % status,
               got is not None and int(got.group(1)) == status, srv.log())
    else:
        tap.ok("a client that goes away ends the session",
               m is not None and "the client left" in m.group(1), srv.log())


def ui_process(srv, timeout=10):
    """The UI: the one grandchild of the listener (listener → connection →
    UI), once it has exec'd `scrivano tui` (before that, between fork and
    exec, its environment is still the server's), or None."""
    end = time.time() + timeout
    while time.time() < end:
        for conn in session_pids(srv):
            out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(conn)],
                                 capture_output=True, text=True).stdout.split()
            for pid in map(int, out):
                try:
                    if proc_args(pid)[1:2] == ["tui"]:
                        return pid
                except (OSError, IndexError):
                    pass
        time.sleep(0.05)
    return None


def proc_env(pid):
    with open("/proc/%d/environ" % pid, "rb") as f:
        return dict(v.decode().split("=", 1) for v in f.read().split(b"\0") if v)


def proc_args(pid):
    with open("/proc/%d/cmdline" % pid, "rb") as f:
        return [a.decode() for a in f.read().split(b"\0")[:-1]]


def tty_size(pid):
    """(cols, rows) of the pty the UI has as its standard input."""
    with open("/proc/%d/fd/0" % pid, "rb", buffering=0) as tty:
        rows, cols = struct.unpack("HHHH", fcntl.ioctl(tty, termios.TIOCGWINSZ, b"\0" * 8))[:2]
    return cols, rows


def wait_gone(pid, timeout=5):
    """True once the process has ended and been reaped (a zombie that
    nobody reaps stays until the time is up)."""
    end = time.time() + timeout
    while time.time() < end:
        if not os.path.exists("/proc/%d" % pid):
            return True
        time.sleep(0.05)
    return False


def test_ui_process(srv):
    env = {"LANG": "it_IT.UTF-8", "LC_TIME": "it_IT.UTF-8", "SNEAKY": "1"}
    args = ["-o", "SendEnv=SNEAKY LANG LC_TIME"]
    with srv.client("anna", "secret", cols=100, rows=30, term="vt220", env=env,
                    ssh_args=args) as c:
        pid = ui_process(srv)
        if not tap.ok("the UI runs in a process of its own, under the connection's", pid):
            return
        got = proc_env(pid)
        tap.is_eq("it runs 'scrivano tui --book DIR/books/NAME.sqlite --relay --charset CS'",
                  proc_args(pid),
                  [os.path.realpath(srv.exe), "tui", "--book",
                   os.path.join(os.path.realpath(srv.datadir), "books", "anna.sqlite"),
                   "--relay", "--charset", "UTF-8"])
        tap.ok("its environment has TERM, LANG and LC_* from the client",
               got.get("TERM") == "vt220" and got.get("LANG") == "it_IT.UTF-8"
               and got.get("LC_TIME") == "it_IT.UTF-8", got)
        allowed = {"TERM", "LANG", "LC_TIME", "HOME", "PATH", "USER", "LOGNAME",
                   "SCRIVANO_SHARE", "SCRIVANO_LOCALEDIR", "SCRIVANO_IDLE_TIMEOUT",
                   "SCRIVANO_IDLE_WARNING"} | set(SANITIZER_ENV)
        tap.ok("and nothing else: no other variable the client sends, none of the server's",
               set(got) <= allowed and got.get("USER") == "anna"
               and got.get("LOGNAME") == "anna", sorted(set(got) - allowed))
        # but a sanitizer build's options, so that its reports go to files
        tap.ok("the server's ASAN_OPTIONS/UBSAN_OPTIONS, as they are (where tests/run set them)",
               all(got.get(v) == os.environ.get(v) for v in SANITIZER_ENV if os.environ.get(v)),
               {v: got.get(v) for v in SANITIZER_ENV})
        tap.ok("and the idle timeout, for the forms to count (30 min, warning 1 min)",
               got.get("SCRIVANO_IDLE_TIMEOUT") == "1800"
               and got.get("SCRIVANO_IDLE_WARNING") == "60", got)
        tap.is_eq("its pty has the client's size", tty_size(pid), (100, 30))
        c.resize(120, 40)
        end = time.time() + 5
        while tty_size(pid) != (120, 40) and time.time() < end:
            time.sleep(0.05)
        tap.is_eq("a window-change resizes its pty", tty_size(pid), (120, 40))
        c.resize(2000, 1500)
        end = time.time() + 5
        while tty_size(pid) == (120, 40) and time.time() < end:
            time.sleep(0.05)
        tap.is_eq("a huge window is clamped to 500x300 (no giant screens in memory)",
                  tty_size(pid), (500, 300))
    # The client's terminal went away (the with block closed it).
    tap.ok("when the client goes away the UI is hung up and reaped", wait_gone(pid))
    tap.ok("and the logout is logged", srv.wait_log(r"logout anna .*: the client left"),
           srv.log())


def test_charset(srv):
    """A Latin-9 terminal: the UI works in UTF-8, the relay converts both
    ways. Typed into the customer form: è and € as single Latin-9 bytes."""
    env = {"LANG": "it_IT.ISO-8859-15"}
    with srv.client("anna", "secret", env=env, encoding="iso8859-15") as c:
        pid = ui_process(srv)
        got = proc_env(pid) if pid else {}
        tap.is_eq("the UI of a Latin-9 client runs in UTF-8", got.get("LANG"), "it_IT.UTF-8")
        c.wait_for("F10", 10)
        c.send("\r")                       # the first item: customers & suppliers
        c.wait_for("F5", 5)
        c.send("\x1b[15~")                 # F5: a new one
        c.wait_for("F2", 5)
        c.send("Caffè da 2 €")
        shown = c.wait_for("Caffè da 2 €", 5)
        tap.ok("what a Latin-9 terminal types comes back as it typed it", shown,
               c.screen_text())
        tap.ok("and not a byte of UTF-8 reaches it",
               b"\xc3" not in c.raw and b"\xe2" not in c.raw and b"\xe8" in c.raw
               and b"\xa4" in c.raw, repr(bytes(c.raw[-300:])))
        # leave without saving, so that no draft waits for the next login
        c.send("\x1b[21~")
        c.wait_for("Save changes?", 5)
        c.send("n")
        c.wait_for("F5", 5)


def test_flood(srv):
    """100 KB typed at once (a paste, a stuck key): the relay holds what the
    pty cannot take yet and the client's window holds the rest; nothing is
    lost or stuck, and the key after them still works."""
    with srv.client("anna", "secret") as c:
        ready = c.wait_for("F10", 10) and c.settle()
        c.send("x" * 100000)
        c.send("\x1b[21~")  # F10
        c.send("y")  # yes, end the session
        status = c.wait_exit(60)  # 100 KB of keys take seconds on a loaded machine
    tap.ok("after a flood of 100 KB of keys the session still answers (F10 quits)",
           ready and status == 0, "status %s: %s" % (status, c.screen_text()))


def test_publickey(srv):
    keys = {}
    for name in ("registered", "stranger"):
        path = os.path.join(srv.top, name)
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", path], check=True)
        keys[name] = path
    r = subprocess.run([SCRIVANO, "user", "key", "add", "anna", keys["registered"] + ".pub",
                        "--data", srv.datadir], capture_output=True, text=True, env=base_env())
    fp = subprocess.run(["ssh-keygen", "-l", "-f", keys["registered"] + ".pub"],
                        capture_output=True, text=True).stdout.split()[1]

    def key_client(name):
        return srv.client("anna", None, ssh_args=[
            "-i", keys[name], "-o", "IdentitiesOnly=yes", "-o", "PubkeyAuthentication=yes",
            "-o", "PreferredAuthentications=publickey", "-o", "BatchMode=yes"])

    with key_client("registered") as c:
        painted = c.wait_for(re.compile(r"\S"), 10)
    tap.ok("a registered key logs in without a password",
           r.returncode == 0 and painted and "password" not in c.text(), c.text())
    tap.ok("logged with the key's fingerprint",
           srv.wait_log(r"login anna from \S+ port \d+ \(publickey %s\)" % re.escape(fp)),
           srv.log())
    logins = srv.log().count("login anna")
    with key_client("stranger") as c:
        status = c.wait_exit(10)
    tap.ok("a key not registered for the user is refused",
           status == 255 and "Permission denied" in c.text() and
           srv.log().count("login anna") == logins, c.text())


def failed_login(srv, user, password):
    with srv.client(user, password) as c:
        status = c.wait_exit(10)
    return status, c.screen_text().strip()


def test_wrong_passwords(srv):
    before = srv.log().count("failed password")
    logins = srv.log().count("login anna")
    st1, out1 = failed_login(srv, "anna", "wrong")
    tap.ok("wrong password refused (sshpass status 5: wrong password)", st1 == 5,
           "status %s: %s" % (st1, out1))
    st2, out2 = failed_login(srv, "ghost", "secret")
    tap.ok("unknown user refused the same way", st2 == st1 and out2 == out1,
           "%s %r vs %s %r" % (st2, out2, st1, out1))
    tap.ok("both failures logged", srv.wait_log("failed password", count=before + 2),
           srv.log())
    tap.ok("no session started for them", "login ghost" not in srv.log() and
           srv.log().count("login anna") == logins, srv.log())


def test_three_attempts(srv):
    # Without sshpass: the test types at OpenSSH's own password prompt.
    args = ["-o", "NumberOfPasswordPrompts=5", "-o", "LogLevel=INFO"]
    with srv.client("anna", None, ssh_args=args) as c:
        typed = c.type_wrong_passwords(re.compile(r"password: *$", re.M))
        status = c.wait_exit(5)
    tap.ok("after 3 wrong passwords the server hangs up (%d typed)" % typed,
           typed == 3 and status == 255 and
           re.search("too many authentication failures|Permission denied \\(", c.text()),
           "status %s: %s" % (status, c.text()))
    tap.ok("and says why in its log", srv.wait_log("too many failed passwords"), srv.log())


def test_refused_requests(srv):
    cases = [
        ("a command (exec)", dict(command="ls -l"), "no commands are run here",
         "command refused"),
        ("a shell without a pty", dict(tty=False), "need a terminal",
         "shell without a terminal refused"),
        ("a subsystem", dict(command="sftp", ssh_args=["-s"]), "no subsystems",
         "subsystem refused"),
    ]
    for what, kw, said, logged in cases:
        with srv.client("anna", "secret", **kw) as c:
            status = c.wait_exit(10)
        tap.ok("%s: the client reads why (%r)" % (what, said), said in c.screen_text(),
               c.text())
        tap.ok("%s: non-zero exit status" % what, status == 1, "status %s" % status)
        tap.ok("%s: logged" % what, srv.wait_log(logged), srv.log())


def session_pids(srv):
    """The listener's children: one process per connection."""
    return srv.sessions()


def test_survives_sessions(srv):
    # A session process that dies mid-login must not take the listener.
    c = srv.client("anna", None)
    c.wait_for("password:", 5)
    pids = session_pids(srv)
    for pid in pids:
        os.kill(pid, signal.SIGKILL)
    c.wait_exit(5)
    c.close()
    tap.ok("a crashed session is logged by the listener",
           bool(pids) and srv.wait_log(r"ended by signal 9"), srv.log())
    with srv.client("anna", "secret") as c:
        ok = c.wait_for(re.compile(r"\S"), 10)
    tap.ok("the listener still serves after sessions end and crash",
           srv.running() and ok, c.text())


def test_restart(srv):
    fp = srv.fingerprint
    status = srv.stop()
    tap.is_eq("SIGTERM stops the server cleanly", status, 0)
    tap.ok("and it logs that it stopped", "stopped" in srv.log(), srv.log())
    srv.start()
    tap.ok("a restart reuses the host key", srv.fingerprint == fp and
           "made a new host key" not in srv.log().split("stopped")[-1],
           "%s vs %s" % (srv.fingerprint, fp))


def main():
    t0 = time.time()
    # No penalty here: these tests fail passwords on purpose.
    with Server(users={"anna": "secret"}, args=["--penalty-failures", "0"], tap=tap) as srv:
        test_startup_refusals(srv)
        test_login(srv)  # first: the one logout in the log is its own
        test_host_key(srv)
        test_ui_process(srv)
        test_charset(srv)
        test_flood(srv)
        test_publickey(srv)
        test_wrong_passwords(srv)
        test_three_attempts(srv)
        test_refused_requests(srv)
        test_survives_sessions(srv)
        test_restart(srv)
    test_first_start()
    tap.diag("%.1f s" % (time.time() - t0))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
