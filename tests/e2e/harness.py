"""End-to-end test harness: a real `scrivano serve` on a free loopback port,
real OpenSSH clients on ptys of a chosen size, and a pyte screen that shows
what the user would see.

    from harness import Tap, Server

    tap = Tap()
    with Server(users={"anna": "secret"}, args=[...], tap=tap) as srv:
        with srv.client("anna", "secret", cols=80, rows=24) as c:
            c.wait_for("Menu", timeout=5)      # True / False; text or a regex
            c.settle()                         # until the output pauses
            c.send("\x1b[B")                  # keys, str or bytes
            tap.ok("menu shown", "Menu" in c.screen_text(), c.screen_text())
            c.resize(100, 30)                  # TIOCSWINSZ + SIGWINCH
            status = c.wait_exit(5)            # exit status, or None
        srv.wait_log(r"logout anna")           # a regex on the server's log
        srv.wait_sessions(0)                   # connection processes left
    sys.exit(tap.done())                       # prints the plan

Server: a temporary data dir with the users made by `scrivano user add`
(or datadir=), started on a free port by `with` or start(), stopped by
stop(sig) (which returns its exit status) and always at the end of the
`with` block; its log is printed as TAP comments when a test failed.
Attributes: port, datadir, top (a temp dir for the test's own files),
fingerprint, log(), wait_log(), sessions(), send_signal(), add_user(),
new_book(user) (an empty book, `scrivano book init`). money(cents) is a
screen's 1.234,56.

Client (srv.client(user, password, command=None, ...)): OpenSSH through
sshpass, or alone with password=None (the test answers the prompt:
wait_for("password:"), send()); or any other client with argv=[...] (PuTTY's
plink, Dropbear's dbclient), on the same kind of pty. Options: command (exec instead of a
shell), tty=False (ssh -T), term (TERM), cols/rows, env (more environment,
such as LANG, sent with SendEnv LANG LC_*), encoding (the terminal's
charset as a Python codec: what is typed is encoded in it, what arrives
decoded with it), ssh_args (placed before ours, so they win). screen_text()
is what the user sees (line drawing included), text() everything received,
raw the bytes, flat_text() the screen's lines joined (a wrapped message
reads whole), cursor() its (row, column); kill() is kill -9 of the client. Many clients
driven from one loop (typists.py): poll their fileno(), and receive() what
is ready.
type_wrong_passwords(prompt) answers password prompts
wrongly until they stop. book_rows(book, sql) reads a book, whose path
srv.book_path(user) gives.

Run as root, the server drops each session to a service user: the harness
names `nobody` (--service-user, before the test's own args, so that a test
can name another) and gives it the data dir (give_datadir(), called after
each add_user; the host keys stay root's). When that user cannot reach the
built program or the source tree (a checkout under /root, say), the server
runs from a copy of them that it can reach: srv.exe is the program the
server runs.

Environment used: SCRIVANO (the binary, required), SCRIVANO_SHARE and
SCRIVANO_LOCALEDIR (passed on), ASAN_OPTIONS, UBSAN_OPTIONS and
LSAN_OPTIONS (passed on to the server, which passes them to the UI), SSH (default ssh), SSHPASS (default
sshpass). Only the standard library and pyte.
"""

import atexit
import codecs
import fcntl
import os
import pwd
import re
import select
import shutil
import signal
import socket
import sqlite3
import struct
import subprocess
import sys
import tempfile
import termios
import time

import pyte

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from ptytui import Screen  # noqa: E402  (pyte's, with SU and SD)

SCRIVANO = os.environ.get("SCRIVANO", "")
SSH = os.environ.get("SSH", "ssh")
SSHPASS = os.environ.get("SSHPASS", "sshpass")
# Run as root, sessions become this user (the server refuses to serve as root).
SERVICE_USER = "nobody" if os.geteuid() == 0 else None


def _reachable(user, paths):
    """Whether user may read every path (and enter the folders, run the
    files that are executable): checked in a child that becomes user."""
    pid = os.fork()
    if pid == 0:
        try:
            pw = pwd.getpwnam(user)
            os.setgroups([])
            os.setgid(pw.pw_gid)
            os.setuid(pw.pw_uid)
            ok = all(os.access(p, os.R_OK | (os.X_OK if os.path.isdir(p) or
                                             os.access(p, os.X_OK) else 0)) for p in paths)
            os._exit(0 if ok else 1)
        except BaseException:
            os._exit(2)
    return os.waitpid(pid, 0)[1] == 0


_trees = {}


def served_tree(share, locale):
    """(program, share, localedir) for the server: the built program and
    the given folders, or, run as root when the service user cannot reach
    them, copies it can."""
    if (share, locale) in _trees:
        return _trees[share, locale]
    parts = [os.path.join(share, d) for d in ("screens", "keymaps", "data") if share]
    if not SERVICE_USER or _reachable(SERVICE_USER, [SCRIVANO] + parts +
                                      ([locale] if locale else [])):
        _trees[share, locale] = (SCRIVANO, share, locale)
        return _trees[share, locale]
    top = tempfile.mkdtemp(prefix="scrivano-e2e-tree-")
    atexit.register(shutil.rmtree, top, True)
    os.chmod(top, 0o755)
    exe = os.path.join(top, "scrivano")
    shutil.copy2(SCRIVANO, exe)
    for d in ("screens", "keymaps", "data"):
        if share and os.path.isdir(os.path.join(share, d)):
            shutil.copytree(os.path.join(share, d), os.path.join(top, "share", d))
    if locale and os.path.isdir(locale):
        shutil.copytree(locale, os.path.join(top, "locale"))
    for root, dirs, files in os.walk(top):
        for name in dirs + files:
            path = os.path.join(root, name)
            os.chmod(path, os.stat(path).st_mode | 0o044 | (0o011 if os.path.isdir(path)
                                                               or path == exe else 0))
    _trees[share, locale] = (exe, os.path.join(top, "share") if share else "",
                             os.path.join(top, "locale") if locale else "")
    return _trees[share, locale]


SANITIZER_ENV = ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS")


def base_env(**extra):
    """A small, predictable environment: English, UTF-8, nothing of the
    caller's locale or ssh set-up."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),
        "LANG": "C.UTF-8",
    }
    # a sanitizer build's options (tests/run sets them): its reports go to
    # files, never onto a screen
    for name in ("SCRIVANO_SHARE", "SCRIVANO_LOCALEDIR") + SANITIZER_ENV:
        if os.environ.get(name):
            env[name] = os.environ[name]
    env.update({k: v for k, v in extra.items() if v is not None})
    return env


class Tap:
    """TAP output: ok/not ok lines, comments, the plan at the end."""

    def __init__(self):
        self.n = 0
        self.failed = 0
        self.servers = []

    def ok(self, desc, cond, diag=None):
        self.n += 1
        if cond:
            print("ok %d - %s" % (self.n, desc), flush=True)
        else:
            self.failed += 1
            print("not ok %d - %s" % (self.n, desc), flush=True)
            if diag:
                self.diag(diag)
        return bool(cond)

    def is_eq(self, desc, got, want):
        return self.ok(desc, got == want, "got %r, want %r" % (got, want))

    def skip(self, desc, why):
        self.n += 1
        print("ok %d - %s # SKIP %s" % (self.n, desc, why), flush=True)

    def diag(self, text):
        for line in str(text).splitlines() or [""]:
            print("# " + line, flush=True)

    def done(self):
        print("1..%d" % self.n, flush=True)
        return 1 if self.failed else 0


FATTURAPA_XSD = "Schema_del_file_xml_FatturaPA_v1.2.2.xsd"


def fatturapa_schema_copy():
    """The official schema where the service user reads it: a copy of
    $SCRIVANO_FATTURAPA's two files in a folder of the test's own (None
    when it is not set), for the server's SCRIVANO_FATTURAPA."""
    src = os.environ.get("SCRIVANO_FATTURAPA", "")
    if not os.path.isfile(os.path.join(src, FATTURAPA_XSD)):
        return None
    dst = tempfile.mkdtemp(prefix="scrivano-e2e-xsd-")
    atexit.register(shutil.rmtree, dst, True)
    os.chmod(dst, 0o755)
    for f in (FATTURAPA_XSD, "xmldsig-core-schema.xsd"):
        shutil.copy(os.path.join(src, f), os.path.join(dst, f))
        os.chmod(os.path.join(dst, f), 0o644)
    return dst



def book_rows(book, sql, *args):
    """The rows of a query on a book file, read with Python's sqlite3 (a
    statement that writes is committed: someone else's change)."""
    db = sqlite3.connect(book)
    try:
        rows = db.execute(sql, args).fetchall()
        db.commit()
        return rows
    finally:
        db.close()


def money(cents):
    """Cents as the screens show them: 1.234,56 (-0,50)."""
    s = "%d" % (abs(cents) // 100)
    groups = []
    while len(s) > 3:
        groups.insert(0, s[-3:])
        s = s[:-3]
    groups.insert(0, s)
    return ("-" if cents < 0 else "") + ".".join(groups) + ",%02d" % (abs(cents) % 100)


def free_port():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    """`scrivano serve` on a temporary data dir (or a given one), with the
    users made through `scrivano user add`."""

    def __init__(self, users=None, args=(), datadir=None, tap=None, env=None):
        if not SCRIVANO:
            raise RuntimeError("SCRIVANO is not set (the path of the built binary)")
        self.users = users if users is not None else {"anna": "secret"}
        self.args = (["--service-user", SERVICE_USER] if SERVICE_USER else []) + list(args)
        self.tap = tap
        self.env = base_env(**(env or {}))
        self.exe, share, locale = served_tree(self.env.get("SCRIVANO_SHARE", ""),
                                              self.env.get("SCRIVANO_LOCALEDIR", ""))
        self.serve_env = dict(self.env)
        self.serve_env.update({k: v for k, v in (("SCRIVANO_SHARE", share),
                                                 ("SCRIVANO_LOCALEDIR", locale)) if v})
        self.own_dir = datadir is None
        self.top = tempfile.mkdtemp(prefix="scrivano-e2e-")
        self.datadir = datadir or os.path.join(self.top, "data")
        self.logpath = os.path.join(self.top, "server.log")
        self.proc = None
        self.port = None
        self.fingerprint = None
        self.returncode = None
        if SERVICE_USER:
            os.chmod(self.top, 0o711)  # the service user reaches the data dir
        for name, password in self.users.items():
            self.add_user(name, password)

    def add_user(self, name, password):
        r = subprocess.run([SCRIVANO, "user", "add", name, "--data", self.datadir],
                           input=password + "\n", capture_output=True, text=True,
                           env=self.env, timeout=30)
        if r.returncode != 0:
            raise RuntimeError("user add %s: %s" % (name, r.stderr))
        self.give_datadir()

    def book_path(self, user):
        """Where user's book is: DATADIR/books/USER.sqlite."""
        return os.path.join(self.datadir, "books", user + ".sqlite")

    def new_book(self, user):
        """User's book made empty with `scrivano book init` (before the
        test seeds it); its path. Call give_datadir() after seeding."""
        path = self.book_path(user)
        r = subprocess.run([SCRIVANO, "book", "init", path], capture_output=True, text=True,
                           env=self.env, timeout=30)
        if r.returncode != 0:
            raise RuntimeError("book init %s: %s" % (user, r.stderr))
        return path

    def give_datadir(self, user=None):
        """Run as root: the data dir becomes the service user's (what root
        made in it since, too), but for the host keys, which stay root's."""
        user = user or SERVICE_USER
        if not user or os.geteuid() != 0:
            return
        pw = pwd.getpwnam(user)
        for top, dirs, files in os.walk(self.datadir):
            if top == self.datadir and "hostkeys" in dirs:
                dirs.remove("hostkeys")
            for name in [top] + [os.path.join(top, f) for f in files]:
                os.chown(name, pw.pw_uid, pw.pw_gid)

    def start(self, timeout=10):
        """Starts on a free port and waits until it listens; a port taken
        in the meantime is retried."""
        for _ in range(5):
            self.port = free_port()
            if self._start_on(self.port, timeout):
                return self
            if "is busy" not in self.log():
                break
        raise RuntimeError("the server did not start:\n" + self.log())

    def _start_on(self, port, timeout):
        # a restart appends to the log: wait for one more "listening" line
        listening = len(re.findall(r"listening on ", self.log())) + 1
        self.logfile = open(self.logpath, "ab")
        self.proc = subprocess.Popen(
            [self.exe, "serve", "--data", self.datadir,
             "--listen", "127.0.0.1:%d" % port] + self.args,
            stdin=subprocess.DEVNULL, stdout=self.logfile, stderr=self.logfile,
            env=self.serve_env)
        self.returncode = None
        if not self.wait_log(r"listening on ", timeout, count=listening):
            self.stop()
            return False
        m = re.findall(r"host key (SHA256:[A-Za-z0-9+/]+)", self.log())
        m = re.search(r"host key (SHA256:[A-Za-z0-9+/]+)", self.log()) if m else None
        self.fingerprint = m.group(1) if m else None
        return True

    def log(self):
        try:
            with open(self.logpath, encoding="utf-8", errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def wait_log(self, pattern, timeout=5, count=1):
        """Waits until the log matches pattern (a regex) count times;
        False when the time is up or the server has ended."""
        end = time.time() + timeout
        while True:
            if len(re.findall(pattern, self.log())) >= count:
                return True
            if time.time() > end or (self.proc and self.proc.poll() is not None
                                     and len(re.findall(pattern, self.log())) < count):
                return len(re.findall(pattern, self.log())) >= count
            time.sleep(0.02)

    def sessions(self):
        """The pids of the connection processes (the listener's children)."""
        if not self.running():
            return []
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(self.proc.pid)],
                             capture_output=True, text=True).stdout
        return [int(p) for p in out.split()]

    def wait_sessions(self, count, timeout=5):
        """Waits until exactly count connection processes are left (a
        session logs its end a moment before its process is gone)."""
        end = time.time() + timeout
        while len(self.sessions()) != count:
            if time.time() > end:
                return False
            time.sleep(0.02)
        return True

    def running(self):
        return self.proc is not None and self.proc.poll() is None

    def send_signal(self, sig):
        if self.running():
            self.proc.send_signal(sig)

    def stop(self, sig=signal.SIGTERM, timeout=15):
        """Stops the server (SIGTERM, then SIGKILL) and returns its exit
        status."""
        if self.proc is None:
            return self.returncode
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.returncode = self.proc.returncode
        self.proc = None
        self.logfile.close()
        return self.returncode

    def client(self, user, password=None, command=None, **kw):
        return Client(self, user, password, command, **kw)

    def __enter__(self):
        if not self.running():
            self.start()
        return self

    def __exit__(self, *exc):
        self.stop()
        # A memory error in a session process (a build with --enable-debug)
        # shows only in the server's log: make it fail the test.
        report = re.search(r"ERROR: (Address|Leak)Sanitizer|runtime error:", self.log())
        if report and self.tap is not None:
            self.tap.ok("the server's log has no sanitizer report", False)
        failed = exc[0] is not None or (self.tap is not None and self.tap.failed)
        if failed:
            out = self.tap.diag if self.tap else (lambda t: sys.stderr.write(t + "\n"))
            out("server log (%s):\n%s" % (self.datadir, self.log()))
        if exc[0] is None or not failed:
            self.cleanup()
        return False

    def cleanup(self):
        shutil.rmtree(self.top, ignore_errors=True)


class Stream(pyte.Stream):
    csi = dict(pyte.Stream.csi, S="scroll_up", T="scroll_down")


class Client:
    """An OpenSSH client (through sshpass when a password is given) on a pty
    of its own, its output fed to a pyte screen."""

    def __init__(self, server, user, password=None, command=None, cols=80, rows=24,
                 term="xterm", ssh_args=(), env=None, tty=True, encoding="utf-8",
                 argv=None):
        self.cols, self.rows = cols, rows
        self.encoding = encoding  # the terminal's charset, as a Python codec
        self.decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        self.charsets = DecGraphics()
        self.screen = Screen(cols, rows)
        self.stream = Stream(self.screen)
        self.raw = bytearray()
        self.status = None
        self.other_argv = argv
        # ssh keeps the first value it is given for an option: the
        # caller's ssh_args go first, so that they win over ours.
        argv = [SSH] + list(ssh_args) + ["-F", "/dev/null", "-p", str(server.port),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "PreferredAuthentications=password", "-o", "PubkeyAuthentication=no",
                "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10",
                "-o", "SendEnv=LANG LC_*"]
        argv += ["-tt"] if tty else ["-T"]
        argv += ["%s@127.0.0.1" % user]
        if command is not None:
            argv.append(command)
        if password is not None:
            argv = [SSHPASS, "-p", password] + argv
        if self.other_argv is not None:
            argv = self.other_argv
        self.master, slave = os.openpty()
        self._set_size(slave, cols, rows)
        self.proc = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, start_new_session=True,
            env=base_env(TERM=term, **(env or {})), preexec_fn=_make_controlling_tty)
        os.close(slave)
        os.set_blocking(self.master, False)

    def fileno(self):
        return self.master

    @staticmethod
    def _set_size(fd, cols, rows):
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def pump(self, timeout=0.0):
        """Reads what the client printed (waiting up to timeout for the
        first bytes); False once nothing more can come."""
        if self.master is None:
            return False
        r, _, _ = select.select([self.master], [], [], max(timeout, 0))
        if not r:
            return self.proc.poll() is None
        return self.receive()

    def receive(self):
        """Reads what is ready on the pty (when a poll of fileno() said
        so: many clients are driven from one loop) into the screen; False
        once nothing more can come."""
        try:
            data = os.read(self.master, 65536)
        except BlockingIOError:
            return True
        except OSError:  # EIO: the client and everything on its pty ended
            data = b""
        if not data:
            os.close(self.master)
            self.master = None
            return False
        self.raw += data
        self.stream.feed(self.charsets.feed(self.decoder.decode(data)))
        return True

    def send(self, keys):
        """Types keys (str is sent in the terminal's charset)."""
        if isinstance(keys, str):
            keys = keys.encode(self.encoding)
        while keys:
            try:
                n = os.write(self.master, keys)
                keys = keys[n:]
            except BlockingIOError:
                self.pump(0.05)

    def screen_text(self):
        return "\n".join(line.rstrip() for line in self.screen.display)

    def text(self):
        """Everything printed so far, as text (escape sequences left in)."""
        return self.raw.decode(self.encoding, errors="replace")

    def flat_text(self):
        """The screen's lines stripped and joined by one blank: a message
        the status line wrapped reads as one line."""
        return " ".join(line.strip() for line in self.screen.display if line.strip())

    def _shows(self, text):
        if hasattr(text, "search"):
            return bool(text.search(self.screen_text()))
        return text in self.screen_text() or text in self.flat_text()

    def wait_for(self, text, timeout=5):
        """Waits until text (a string, or a compiled regex) is on the
        screen (a string may run on from one line to the next) and the
        screen is painted whole: the output paused a moment with text still
        there (on a loaded machine a screen may come in several pieces, and
        the checks after this read the whole of it); True or False."""
        end = time.time() + timeout
        while True:
            if self._shows(text):
                quiet_end = time.time() + 1.0
                while time.time() < quiet_end:
                    before = len(self.raw)
                    if not self.pump(0.05) or len(self.raw) == before:
                        break
                if self._shows(text):
                    return True
            left = end - time.time()
            if left <= 0:
                return False
            if not self.pump(min(left, 0.1)) and self.master is None:
                return self._shows(text)

    def settle(self, quiet=0.2, timeout=5):
        """Waits until the client has printed nothing for `quiet` seconds
        (a screen painted in several pieces is then whole); True if it got
        quiet in time."""
        end = time.time() + timeout
        while time.time() < end:
            before = len(self.raw)
            alive = self.pump(quiet)
            if len(self.raw) == before or not alive:
                return True
        return False

    def type_wrong_passwords(self, prompt, most=5):
        """Answers each password prompt (a regex on the screen) with a
        wrong password, at most `most` times, until no prompt comes within
        5 s; how many were typed."""
        typed = 0
        for _ in range(most):
            if not self.wait_for(prompt, 5):
                break
            self.send("nope%d\r" % typed)
            typed += 1
            self.screen.reset()
            self.pump(0.1)
        return typed

    def resize(self, cols, rows):
        """The user resizes the terminal: new size on the client's pty and
        SIGWINCH to the client."""
        self.cols, self.rows = cols, rows
        self.screen.resize(rows, cols)
        if self.master is not None:
            self._set_size(self.master, cols, rows)
        try:
            os.killpg(self.proc.pid, signal.SIGWINCH)
        except ProcessLookupError:
            pass

    def wait_exit(self, timeout=5):
        """Waits for the client to end, reading its last output; its exit
        status, or None if it still runs."""
        end = time.time() + timeout
        while time.time() < end:
            self.pump(0.05)
            if self.proc.poll() is not None:
                while self.pump(0.05):
                    pass
                self.status = self.proc.returncode
                return self.status
        return None

    # The forms' keys as an xterm sends them (the helpers below use them).
    F10, F11, ESC_C, DOWN, ENTER = "\x1b[21~", "\x1b[23~", "\x1bc", "\x1b[B", "\r"

    def highlighted(self, label):
        """Whether label shows in reverse on the screen: the menu line Enter
        would pick."""
        for y in range(self.screen.lines):
            row = self.screen.buffer[y]
            text = "".join(row[x].data for x in range(self.screen.columns))
            x = text.find(label)
            if x >= 0 and all(row[x + i].reverse for i in range(len(label))):
                return True
        return False

    def pick_command(self, label, key=F11, most=20):
        """Opens the commands menu (F11, or Esc c when key says so) and
        picks the command labelled label by moving down until it is the
        highlighted line, then Enter: by its label, never by its place in
        the menu, which depends on what applies. Whether it was offered."""
        self.send(key)
        if not (self.wait_for("Commands", 5) and self.wait_for(label, 5)):
            return False
        return self.pick(label, most)

    def pick(self, label, most=30):
        """Moves down a menu on screen until the line labelled label is the
        highlighted one, then Enter: a menu's item by its label, not by its
        place. Whether it was found."""
        for _ in range(most):
            if self.highlighted(label):
                self.send(self.ENTER)
                return True
            self.send(self.DOWN)
            self.settle()
        return False

    def to_main_menu(self, most=12):
        """F10 until the main menu (forms opened by commands are stacked),
        answering No where a form asks to save; whether it got there."""
        for _ in range(most):
            if self.wait_for("F10 Quit", 1):
                return True
            self.send(self.F10)
            if self.wait_for("Save changes?", 1):
                self.send("n")
        return self.wait_for("F10 Quit", 1)

    def end_session(self, timeout=10):
        """From anywhere: back to the main menu, F10, Yes to "End the
        session?"; the client's exit status (None if it did not end)."""
        self.to_main_menu()
        self.send(self.F10)
        self.wait_for("End the session?", 5)
        self.send("y")  # yes, end the session
        return self.wait_exit(timeout)

    def kill(self):
        """kill -9 of the client (ssh, and sshpass before it): it sends
        nothing more, not even a goodbye; the server sees the link drop."""
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()

    def cursor(self):
        """Where the terminal's cursor is: (row, column), from 0."""
        return self.screen.cursor.y, self.screen.cursor.x

    def close(self):
        """Ends the client if it still runs (as a closed terminal would)."""
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGHUP)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.status = self.proc.returncode
        if self.master is not None:
            os.close(self.master)
            self.master = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


class DecGraphics:
    """The DEC special graphics set (ESC ( 0, or ESC ) 0 with SO/SI), which
    ncurses uses for boxes and pyte ignores in UTF-8 mode: its letters are
    turned into the glyphs the terminal would show, so that a box on the
    screen reads as a box, not as lqqk."""

    GLYPHS = dict(zip("`afgjklmnopqrstuvwxyz{|}~",
                      "◆▒°±┘┐┌└┼⎺⎻─⎼⎽├┤┴┬│≤≥π≠£·"))

    def __init__(self):
        self.g = ["B", "B"]  # what G0 and G1 hold
        self.gl = 0          # which of them is in use
        self.state = "text"
        self.which = 0

    def feed(self, text):
        out = []
        for ch in text:
            out.append(self._char(ch))
        return "".join(out)

    def _char(self, ch):
        st = self.state
        if st == "text":
            if ch == "\x1b":
                self.state = "esc"
                return ""
            if ch in "\x0e\x0f":  # SO, SI
                self.gl = 1 if ch == "\x0e" else 0
                return ""
            return self.GLYPHS.get(ch, ch) if self.g[self.gl] == "0" else ch
        if st == "esc":
            if ch in "()":
                self.which, self.state = "()".index(ch), "designate"
                return ""
            self.state = {"[": "csi", "]": "osc", "P": "osc"}.get(ch, "text")
            return "\x1b" + ch
        if st == "designate":
            self.g[self.which] = ch
            self.state = "text"
            return ""
        if st == "csi":
            if "\x40" <= ch <= "\x7e":
                self.state = "text"
            return ch
        # osc: up to BEL or ST (ESC \)
        if ch == "\x07":
            self.state = "text"
        elif ch == "\x1b":
            self.state = "esc"
            return ""
        return ch


def _make_controlling_tty():
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def share_with_own_field(top):
    """A copy of the share folder (SCRIVANO_SHARE) in top whose parties
    screen has a field of the user's own, as the README shows: drawn in the
    form and in the list where the P.IVA was, described `custom`."""
    src = os.environ["SCRIVANO_SHARE"]
    share = os.path.join(top, "share")
    for d in ("screens", "keymaps", "data"):
        shutil.copytree(os.path.join(src, d), os.path.join(share, d))
    path = os.path.join(share, "screens", "parties.scr")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    notes = re.search(r"^  Notes .*\]\n", text, re.M).group(0)
    text = text.replace(notes, notes + "  VAT register   [vat_reg   ]\n", 1)
    text = text.replace("Role  P.IVA\n", "Role  Reg.\n", 1)
    text = text.replace("[ro]  [piva       ]\n", "[ro]  [vat_reg   ]\n", 1)
    text = re.sub(r"\nend\s*$", "\n  vat_reg    text  custom  upper  max 10  label \"VAT register\"\nend\n",
                  text)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return share
