"""End-to-end tests of the ways in, with other clients than OpenSSH's
defaults: chacha20 and AES ciphers, keyboard-interactive (OpenSSH forced to it, PuTTY's plink,
Dropbear's dbclient), and, through paramiko, a public key offered without a
signature (a probe) or with a forged one, which never logs anyone in; ssh-audit
on the defaults, and a client that knows only the legacy set."""

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SCRIVANO, Server, Tap, base_env  # noqa: E402

try:
    import paramiko
    from paramiko.auth_handler import AuthHandler
    from paramiko.common import (MSG_SERVICE_ACCEPT, MSG_USERAUTH_BANNER,
                                 MSG_USERAUTH_FAILURE, MSG_USERAUTH_SUCCESS,
                                 cMSG_USERAUTH_REQUEST)
    from paramiko.message import Message
except ImportError:  # tools/deps test installs python3-paramiko
    paramiko = None

tap = Tap()
KBDINT = ["-o", "PreferredAuthentications=keyboard-interactive",
          "-o", "KbdInteractiveAuthentication=yes", "-o", "PasswordAuthentication=no"]
MSG_USERAUTH_PK_OK = 60


def sees_menu(c, timeout=10):
    """The main menu is painted (its key line ends with Quit)."""
    return c.wait_for(re.compile(r"Quit\s*$", re.M), timeout) and "Main menu" in c.screen_text()


def quit_menu(c):
    c.send("\x1b0")  # Esc 0: F10 on any terminal
    c.send("y")  # yes, end the session
    return c.wait_exit(5)


def test_openssh_kbdint(srv):
    pattern = r"login anna from 127\.0\.0\.1 port \d+ \(keyboard-interactive\)"
    logins = len(re.findall(pattern, srv.log()))
    with srv.client("anna", "secret", ssh_args=KBDINT) as c:
        menu = sees_menu(c)
        status = quit_menu(c) if menu else None
    tap.ok("OpenSSH with keyboard-interactive only: logs in and sees the menu",
           menu and status == 0, c.screen_text())
    tap.ok("logged as keyboard-interactive", srv.wait_log(pattern, count=logins + 1),
           srv.log())


def test_ciphers(srv):
    """chacha20-poly1305 is kept to strict key exchanges (libssh's debug log
    tells us; see strictkex.c): OpenSSH 9.2 as Debian ships it offers strict
    key exchange, so chacha20 must work with it, as AES does."""
    for cipher in ("chacha20-poly1305@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr"):
        with srv.client("anna", "secret", ssh_args=["-c", cipher, "-v"]) as c:
            menu = sees_menu(c)
            status = quit_menu(c) if menu else None
        tap.ok("OpenSSH with %s (and strict key exchange) logs in" % cipher,
               menu and status == 0 and ("cipher: %s" % cipher) in c.text()
               and "without strict key exchange" not in srv.log(), c.text()[-1500:])


# Debian 12's ssh-audit (2.5.0) predates strict key exchange (the Terrapin
# defence of December 2023) and calls its marker an unknown algorithm: that
# one warning is the scanner's age, not the server's.
AUDIT_TOO_OLD = re.compile(r"^\(kex\) kex-strict-s-v00@openssh\.com\s+-- \[warn\] unknown algorithm$")


def test_audit(srv):
    """ssh-audit on the defaults: no fail, no warn."""
    if shutil.which("ssh-audit") is None:
        tap.skip("ssh-audit finds no fail and no warn", "ssh-audit not installed "
                 "(tools/deps test installs it)")
        return
    r = subprocess.run(["ssh-audit", "-n", "-p", str(srv.port), "127.0.0.1"],
                       capture_output=True, text=True, timeout=60)
    bad = [line for line in r.stdout.splitlines()
           if re.search(r"\[(fail|warn)\]|^\(cve\)", line) and not AUDIT_TOO_OLD.match(line)]
    tap.ok("ssh-audit on the defaults: no fail, no warn, no CVE (%d lines)" % len(bad),
           "# key exchange" in r.stdout and not bad, "\n".join(bad) or r.stdout + r.stderr)
    tap.ok("the banner names scrivano", "banner: SSH-2.0-scrivano_" in r.stdout, r.stdout)


LEGACY_CLIENT = ["-o", "KexAlgorithms=diffie-hellman-group14-sha1", "-o", "MACs=hmac-sha1",
                 "-c", "aes128-ctr"]


def test_legacy_refused(srv):
    """A client that knows only diffie-hellman-group14-sha1 and hmac-sha1
    (an old thin client's emulator) is refused by default."""
    with srv.client("anna", "secret", ssh_args=LEGACY_CLIENT) as c:
        status = c.wait_exit(10)
    tap.ok("a client limited to the legacy set is refused by default (status %s)" % status,
           status == 255 and srv.wait_log(r"closed before login: kex error .*client "
                                          r"\[diffie-hellman-group14-sha1"), srv.log())


def test_legacy_allowed():
    """With legacy = yes, the same client logs in, and the log says it used
    the legacy set."""
    with Server(users={"anna": "secret"}, args=["--legacy", "yes", "--penalty-failures", "0"],
                tap=tap) as srv:
        with srv.client("anna", "secret", ssh_args=LEGACY_CLIENT) as c:
            menu = sees_menu(c)
            status = quit_menu(c) if menu else None
        tap.ok("with legacy = yes it logs in and sees the menu", menu and status == 0,
               c.text()[-1500:])
        tap.ok("and the log names the legacy algorithms it used",
               srv.wait_log(r"uses the legacy diffie-hellman-group14-sha1") and
               srv.wait_log(r"uses the legacy hmac-sha1"), srv.log())
        with srv.client("anna", "secret") as c:
            menu = sees_menu(c)
            quit_menu(c)
        tap.ok("a modern client still gets the modern algorithms (nothing logged for it)",
               menu and srv.log().count("uses the legacy") == 2, srv.log())


def test_kbdint_failures(srv):
    """The same rules as for passwords: 3 attempts, same answer and time for
    an unknown user, every failure logged."""
    args = KBDINT + ["-o", "NumberOfPasswordPrompts=5"]
    with srv.client("anna", None, ssh_args=args) as c:
        typed = c.type_wrong_passwords(re.compile(r"[Pp]assword: *$", re.M))
        status = c.wait_exit(5)
    tap.ok("keyboard-interactive: the server hangs up after 3 wrong passwords (%d typed)"
           % typed, typed == 3 and status == 255, c.text())
    tap.ok("each logged as a failed keyboard-interactive attempt",
           srv.wait_log(r"failed keyboard-interactive for anna from 127\.0\.0\.1 port \d+ "
                        r"\(attempt 3 of 3\)"), srv.log())
    times = {}
    for user in ("anna", "ghost"):
        t0 = time.time()
        with srv.client(user, "wrong", ssh_args=KBDINT) as c:
            st = c.wait_exit(10)
        times[user] = (time.time() - t0, st, c.screen_text().strip())
    (ta, sa, oa), (tg, sg, og) = times["anna"], times["ghost"]
    tap.ok("keyboard-interactive: unknown user and wrong password, same answer (%s)" % sa,
           sa == sg == 5 and oa == og, repr(times))
    tap.ok("and no sooner than the floor (%.2f s, %.2f s)" % (ta, tg),
           min(ta, tg) >= 0.3 and abs(ta - tg) < 0.25, repr(times))


def test_plink(srv):
    if not shutil.which("plink"):
        tap.skip("PuTTY's plink logs in and sees the menu", "plink not installed "
                 "(tools/deps test installs putty-tools)")
        return
    before = srv.log().count("login anna")
    argv = ["plink", "-ssh", "-batch", "-P", str(srv.port), "-hostkey", srv.fingerprint,
            "-pw", "secret", "-t", "anna@127.0.0.1"]
    with srv.client("anna", argv=argv) as c:
        menu = sees_menu(c)
        status = quit_menu(c) if menu else None
    tap.ok("PuTTY's plink logs in and sees the menu (and F10 quits)", menu and status == 0,
           c.text()[-2000:])
    tap.ok("plink logs in by keyboard-interactive, as PuTTY prefers",
           srv.wait_log(r"login anna .*\(keyboard-interactive\)", count=1)
           and srv.log().count("login anna") == before + 1, srv.log())
    argv[argv.index("-hostkey") + 1] = "SHA256:" + "A" * 43
    with srv.client("anna", argv=argv) as c:
        status = c.wait_exit(10)
    tap.ok("plink refuses a host key other than the one the server printed",
           status not in (None, 0) and srv.log().count("login anna") == before + 1,
           c.text())


def test_dbclient(srv):
    if not shutil.which("dbclient"):
        tap.skip("Dropbear's dbclient logs in and sees the menu", "dbclient not installed "
                 "(tools/deps test installs dropbear-bin)")
        return
    # -y -y: no known_hosts check (nothing written under HOME); the password
    # from DROPBEAR_PASSWORD.
    argv = ["dbclient", "-y", "-y", "-p", str(srv.port), "-t", "anna@127.0.0.1"]
    ended = len(re.findall(r"logout anna .*: the forms ended with status 0", srv.log()))
    with srv.client("anna", argv=argv, env={"DROPBEAR_PASSWORD": "secret",
                                            "HOME": srv.top}) as c:
        menu = sees_menu(c)
        status = quit_menu(c) if menu else None
    # dbclient's own exit status is not always its session's (it sometimes
    # ends by SIGHUP as it closes): the server's log says how the forms ended.
    tap.ok("Dropbear's dbclient logs in and sees the menu (and F10 quits)",
           menu and srv.wait_log(r"logout anna .*: the forms ended with status 0",
                                 count=ended + 1),
           "status %s: %s" % (status, c.text()[-2000:]))


# ---- paramiko: what the usual clients never send ----

class Prober(AuthHandler):
    """Sends one publickey request of our making and records the answer:
    "pk_ok", "success" or "failure". sign=None sends the query without a
    signature (RFC 4252, 7); sign=b"..." sends that as the signature."""

    def probe(self, username, key, sign, event):
        with self.transport.lock:
            self.auth_event = event
            self.auth_method = "probe"
            self.username = username
            self.key = key
            self.sign = sign
            self.answer = None
            self._request_auth()

    def _send_probe(self, m):
        m = Message()
        m.add_byte(cMSG_USERAUTH_REQUEST)
        m.add_string(self.username)
        m.add_string("ssh-connection")
        m.add_string("publickey")
        m.add_boolean(self.sign is not None)
        m.add_string(self.key.get_name())
        m.add_string(self.key.asbytes())
        if self.sign is not None:
            sig = Message()
            sig.add_string(self.key.get_name())
            sig.add_string(self.sign)
            m.add_string(sig.asbytes())
        self.transport._send_message(m)

    def _answered(self, what):
        self.answer = what
        self.authenticated = what == "success"
        self.auth_event.set()

    _client_handler_table = {
        MSG_SERVICE_ACCEPT: _send_probe,
        MSG_USERAUTH_PK_OK: lambda self, m: self._answered("pk_ok"),
        MSG_USERAUTH_SUCCESS: lambda self, m: self._answered("success"),
        MSG_USERAUTH_FAILURE: lambda self, m: self._answered("failure"),
        MSG_USERAUTH_BANNER: lambda self, m: None,
    }


def probe(srv, key, sign=None, wait=10):
    """One connection: the probe, then an attempt to open a session. Returns
    (answer, session opened?); answer None when none came in wait s."""
    sock = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
    t = paramiko.Transport(sock)
    try:
        t.start_client(timeout=10)
        handler = Prober(t)
        t.auth_handler = handler
        done = threading.Event()
        handler.probe("anna", key, sign, done)
        done.wait(wait)
        try:
            t.open_session(timeout=3).close()
            opened = True
        except Exception:  # refused: not logged in
            opened = False
        return handler.answer, opened
    finally:
        t.close()


def test_probe(srv):
    if paramiko is None:
        for what in ("a registered key offered without a signature is not a login",
                     "nor with a forged signature"):
            tap.skip(what, "python3-paramiko not installed (tools/deps test installs it)")
        return
    path = os.path.join(srv.top, "probe_key")
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", path], check=True)
    r = subprocess.run([SCRIVANO, "user", "key", "add", "anna", path + ".pub", "--data",
                        srv.datadir], capture_output=True, text=True, env=base_env())
    srv.give_datadir()
    key = paramiko.Ed25519Key.from_private_key_file(path)
    logins = srv.log().count("login anna")
    answer, opened = probe(srv, key)
    tap.ok("a registered key offered without a signature: the server says the key would "
           "do (PK_OK), no more: no login, no session (%s, %s)" % (answer, opened),
           r.returncode == 0 and answer == "pk_ok" and not opened
           and srv.log().count("login anna") == logins, r.stderr + srv.log())
    # libssh drops a request whose signature does not verify without an
    # answer (the client waits, then the grace time ends it): no answer or a
    # failure, never a login.
    answer, opened = probe(srv, key, sign=b"\0" * 64, wait=3)
    tap.ok("the same key with a forged signature: refused (%s, %s)" % (answer, opened),
           answer in (None, "failure") and not opened
           and srv.log().count("login anna") == logins, srv.log())
    stranger = paramiko.Ed25519Key(data=_other_key_blob(srv))
    answer, _ = probe(srv, stranger)
    tap.ok("a key not registered, offered without a signature: refused (%s)" % answer,
           answer == "failure", srv.log())


def _other_key_blob(srv):
    path = os.path.join(srv.top, "other_key")
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", path], check=True)
    return paramiko.Ed25519Key.from_private_key_file(path).asbytes()


def main():
    t0 = time.time()
    with Server(users={"anna": "secret"}, args=["--penalty-failures", "0"], tap=tap) as srv:
        test_openssh_kbdint(srv)
        test_ciphers(srv)
        test_kbdint_failures(srv)
        test_plink(srv)
        test_dbclient(srv)
        test_probe(srv)
        test_audit(srv)
        test_legacy_refused(srv)
    test_legacy_allowed()
    tap.diag("%.1f s" % (time.time() - t0))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
