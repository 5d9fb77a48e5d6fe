"""Typists: many OpenSSH clients on ptys (the harness's Client, its
screen read with pyte) driven from one loop, typing records into forms;
bench/load.sh's 200 sessions and test_two_typists.py's two.

    users = [("anna", "pw-anna"), ("bruno", "pw-bruno")]
    ts = make_typists(users, lambda i: ("customers", "articles")[i % 2], pace=0.2, seed=1)
    fleet = Fleet(ts, lambda t: srv.client(t.user, None), seconds=5)
    fleet.run()        # logins, WARMUP s, the window; then each stops
    fleet.hang_up()
    t.acked, t.sent, t.echo, t.problem, t.screen   # per typist

Each typist runs a script, a generator that yields what it does next:

    ("wait", cond, timeout)  until cond(screen text) holds after output came
    ("key", bytes)           sends keys at the typist's pace (not timed)
    ("type", char)           sends one character at its pace and waits for
                             its echo, the first output after it (timed)
    ("ready",)               logged in: waits for the others, then for go
    ("pause", n)             n more key intervals of nothing

A key is sent only after the screen has been quiet for QUIET seconds (the
first output after it is then its echo, not the end of a screen being
painted), and one key at a time: a key due while the echo of the one before
has not come is sent when it comes, and counted late (the load does not
quietly fall with the server's speed: the count says when it did).
"""
import gc
import heapq
import os
import random
import re
import select
import signal
import time

MENU = re.compile(r"Quit\s*$", re.M)
QUIET = 0.03     # seconds of no output before a key is sent
TIMEOUT = 30.0   # a screen or an echo later than this: the session is stuck
WARMUP = 3.0     # seconds of typing before the measured window
now = time.monotonic


def piva(seq):
    """A partita IVA with a good check digit: seq as its first 7 digits,
    office 037 (Bologna)."""
    s = "%07d037" % seq
    x = sum(int(d) for d in s[0::2])
    y = sum(2 * int(d) - 9 if int(d) * 2 > 9 else 2 * int(d) for d in s[1::2])
    return s + str((10 - (x + y) % 10) % 10)


F2, F5, F10 = b"\x1bOQ", b"\x1b[15~", b"\x1b[21~"


def form_records(t, open_key, is_list, record):
    """From the menu, open_key opens a list (is_list(screen) says it is
    there); then again and again F5, the fields of record(t) typed with a
    Tab between them, F2: a record is acknowledged when the form says
    Saved. and has become the saved record's (its title "- Edit"), and
    F10 goes back to the list, which shows it. record(t) gives the text
    that finds it in the book, and the fields' texts."""
    yield from login(t, MENU)
    yield ("key", open_key)
    yield ("wait", is_list, TIMEOUT)
    while True:
        t.count += 1
        key, fields = record(t)
        yield ("key", F5)
        yield ("wait", lambda s: "- New" in s and "F2 Save" in s, TIMEOUT)
        for n, text in enumerate(fields):
            if n:
                yield ("key", b"\t")
            yield from typed(text)
        yield ("key", F2)
        t.sent.append(key)
        yield ("wait", lambda s: "Saved." in s and "- Edit" in s, TIMEOUT)
        t.acked.append(key)
        yield ("key", F10)
        yield ("wait", lambda s: "F5 New" in s and key in s, TIMEOUT)


def customers(t):
    """Customers & suppliers: a name and a P.IVA; found by the name."""
    def record(t):
        name = "Cliente %s %05d" % (t.user, t.count)
        return name, [name, piva(t.index * 10000 + t.count)]
    return form_records(t, b"\r", lambda s: "F5 New" in s, record)


def articles(t):
    """Articles: a code, a description, a unit and a price (the VAT rate
    is the company's default); found by the code, which the form shows
    upper-cased as typed in lower case."""
    def record(t):
        code = "%s-%05d" % (t.user.upper(), t.count)
        return code, [code.lower(), "Articolo %d di prova" % t.count, "pz",
                      "%d,%02d" % (t.count % 90 + 1, t.count % 100)]
    return form_records(t, b"4", lambda s: "F5 New" in s and "Articles" in s, record)


def cat(t):
    """The peer: a shell running cat (its terminal raw, no echo by the
    kernel: cat's own output is the echo) behind sshd. The same characters
    a customer's form gets, and pauses where the form's keys and screens
    would be."""
    yield from login(t, "READY")
    while True:
        t.count += 1
        yield ("pause", 2)
        yield from typed("Cliente %s %05d" % (t.user, t.count))
        yield ("pause", 1)
        yield from typed(piva(t.index * 10000 + t.count))
        yield ("key", b"\r\n")
        yield ("pause", 2)


SCRIPTS = {"customers": customers, "articles": articles, "cat": cat}


def login(t, first_screen):
    """The password typed at ssh's prompt; then the first screen, and the
    wait for the others."""
    yield ("wait", lambda s: "password:" in s, TIMEOUT)
    yield ("key", (t.password + "\r").encode())
    yield ("wait", (lambda s: first_screen.search(s)) if hasattr(first_screen, "search")
           else (lambda s: first_screen in s), TIMEOUT)
    t.login_s = now() - t.started
    yield ("ready",)


def typed(text):
    for ch in text:
        yield ("type", ch)


class Typist:
    def __init__(self, index, user, password, script, pace, rng):
        self.index, self.user, self.password = index, user, password
        self.kind = script
        self.script = SCRIPTS[script](self)
        self.pace, self.rng = pace, rng
        self.client = None
        self.count = 0
        self.sent, self.acked = [], []   # records whose save key was sent / acknowledged
        self.echo, self.late = [], 0     # echo latencies in the window; keys sent late
        self.keys = 0                    # keys sent in the window
        self.login_s = None
        self.started = None
        self.action = None               # what the script waits on
        self.due = 0.0                   # when the next key goes
        self.sent_at = None              # a timed key's send time, its echo awaited
        self.last_rx = 0.0
        self.deadline = None
        self.problem = None              # why it stopped, when it did not end well
        self.screen = None               # and its screen then
        self.timer = None
        self.fd = None
        self.done = False

    def interval(self):
        return self.pace * self.rng.uniform(0.5, 1.5)


class Fleet:
    """Logs the typists in (at most `burst` logging in at once), waits for
    all, types for WARMUP and `seconds` more (the measured window), and
    stops each before its next key (a save under way is waited for);
    mark("start") and mark("end") are called at the window's ends, and
    must not take long (the typists wait meanwhile)."""

    def __init__(self, typists, spawn, seconds, burst=20, mark=None):
        self.typists, self.spawn = typists, spawn
        self.seconds, self.burst = seconds, burst
        self.mark = mark
        self.timers = []                 # (when, seq, typist)
        self.seq = 0
        self.by_fd = {}
        self.poll = select.poll()
        self.go = self.begin = self.end = None  # typing starts; the window
        self.stopping = False
        self.lateness = []               # how late the loop sent a key that was due

    # -- timers and the scripts' actions --

    def at(self, t, when):
        self.seq += 1
        heapq.heappush(self.timers, (when, self.seq, t))
        t.timer = self.seq

    def advance(self, t):
        """Resumes t's script up to its next wait."""
        while not t.done:
            try:
                act = t.script.send(None)
            except StopIteration:
                return self.finish(t)
            t.action = act
            kind = act[0]
            if kind in ("key", "type", "pause") and self.stopping:
                return self.finish(t)
            if kind == "pause":
                t.due += act[1] * t.interval()
                continue
            if kind == "ready":  # run() goes on when all are in
                t.timer = None
                return
            if kind == "wait":
                if act[1](t.client.screen_text()):
                    t.due = max(t.due, now() + t.interval())
                    continue
                t.deadline = now() + act[2]
                return self.at(t, t.deadline)
            return self.at(t, max(t.due, now()))  # a key, when due

    def fire(self, t, when):
        """A timer of t came: its key is due, or what it waits for is late."""
        kind = t.action[0]
        tnow = now()
        if kind == "wait" or (kind == "type" and t.sent_at is not None):
            what = "its echo" if kind == "type" else "the screen it waits for"
            return self.stuck(t, "%s did not come within %.0f s" % (what, TIMEOUT))
        if tnow < t.last_rx + QUIET:  # output still coming: wait for quiet
            return self.at(t, t.last_rx + QUIET)
        if kind != "wait" and self.stopping:
            return self.finish(t)
        if self.begin is not None and self.begin <= when <= self.end and when >= t.due:
            self.lateness.append(tnow - when)
        data = t.action[1] if kind == "key" else t.action[1].encode()
        try:
            t.client.send(data)
        except OSError as e:
            return self.stuck(t, "its terminal is gone (%s)" % e)
        if self.begin is not None and self.begin <= tnow <= self.end:
            t.keys += 1
        t.due = max(t.due, tnow - t.pace) + t.interval()
        if kind == "type":
            t.sent_at = now()
            return self.at(t, t.sent_at + TIMEOUT)
        self.advance(t)

    def received(self, t):
        tnow = now()
        alive = t.client.receive()
        t.last_rx = tnow
        if not alive:
            self.poll.unregister(self.by_fd.pop(t.fd))
            if not t.done:
                self.stuck(t, "the session ended by itself")
            return
        if t.action is None:
            return
        if t.action[0] == "type" and t.sent_at is not None:
            if self.begin <= t.sent_at <= self.end:
                t.echo.append(tnow - t.sent_at)
                if tnow > t.due:  # the next key was due before this echo came
                    t.late += 1
            t.sent_at = None
            t.timer = None
            self.advance(t)
        elif t.action[0] == "wait" and t.action[1](t.client.screen_text()):
            t.timer = None
            t.due = max(t.due, tnow + t.interval())
            self.advance(t)

    def stuck(self, t, why):
        t.problem = why
        t.screen = t.client.screen_text()
        self.finish(t)

    def finish(self, t):
        t.done = True
        t.timer = None

    # -- the loop --

    def step(self, until):
        """Runs timers and reads output until `until` (or the next timer)."""
        while self.timers and self.timers[0][0] <= now():
            when, seq, t = heapq.heappop(self.timers)
            if t.timer == seq and not t.done:
                t.timer = None
                self.fire(t, when)
        wait = until - now()
        if self.timers:
            wait = min(wait, self.timers[0][0] - now())
        for fd, _ in self.poll.poll(max(0, wait) * 1000):
            t = self.by_fd.get(fd)
            if t is not None:
                self.received(t)

    def start(self, t):
        t.started = now()
        t.client = self.spawn(t)
        t.fd = t.client.fileno()
        self.by_fd[t.fd] = t
        self.poll.register(t.fd, select.POLLIN)
        self.advance(t)

    def run(self):
        waiting = list(self.typists)
        while True:  # the logins
            logging_in = sum(1 for t in self.typists if t.client and t.login_s is None
                             and not t.done)
            while waiting and logging_in < self.burst:
                self.start(waiting.pop(0))
                logging_in += 1
            if not waiting and logging_in == 0:
                break
            self.step(now() + 0.1)
        # The cyclic collector, walking the screens' million objects, would
        # stop this loop for tens of milliseconds: not while typing.
        gc.collect()
        gc.disable()
        # Each starts in the first seconds (a list to open, a first form:
        # a burst if all did at once); the window opens after them.
        self.go = now()
        self.begin = self.go + WARMUP
        self.end = self.begin + self.seconds
        for t in self.typists:
            if not t.done and t.action and t.action[0] == "ready":
                t.due = max(t.due, self.go + t.rng.uniform(0, WARMUP - 1))
                self.advance(t)
        while now() < self.begin:
            self.step(self.begin)
        if self.mark:
            self.mark("start")
        while now() < self.end:
            self.step(self.end)
        if self.mark:
            self.mark("end")
        gc.enable()
        self.stopping = True
        grace = now() + TIMEOUT + 5
        while any(not t.done for t in self.typists) and now() < grace:
            self.step(now() + 0.1)
        for t in self.typists:
            if not t.done:
                self.stuck(t, "it did not stop after the window")

    def hang_up(self, timeout=10):
        """Every client hung up at once (as closed terminals), then reaped."""
        clients = [t.client for t in self.typists if t.client]
        for c in clients:
            try:
                os.killpg(c.proc.pid, signal.SIGHUP)
            except ProcessLookupError:
                pass
        end = now() + timeout
        for c in clients:
            try:
                c.proc.wait(max(0.1, end - now()))
            except Exception:
                pass
            c.close()


def make_typists(users, script_for, pace, seed):
    """users: [(name, password)]; script_for(i): the script's name."""
    rng = random.Random(seed)
    return [Typist(i, u, p, script_for(i), pace, random.Random(rng.random()))
            for i, (u, p) in enumerate(users)]
