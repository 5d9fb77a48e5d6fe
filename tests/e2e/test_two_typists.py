"""Two users type at once, each into a book of their own: anna customers,
bruno articles, through OpenSSH, a key every 0.05 s for a few seconds
(bench/load.sh's typists, two of them, instead of 200). Every record
whose form said "Saved." is in its user's book, none in the other's, and
nothing is there that was not saved; no session hangs, and every session
process ends when its client hangs up."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, Tap, book_rows  # noqa: E402
import typists  # noqa: E402

tap = Tap()
USERS = [("anna", "pw-anna-1"), ("bruno", "pw-bruno-1")]

with Server(users=dict(USERS), tap=tap) as srv:
    anna, bruno = ts = typists.make_typists(USERS, lambda i: ("customers", "articles")[i],
                                            pace=0.05, seed=7)
    fleet = typists.Fleet(ts, lambda t: srv.client(t.user, None), seconds=5)
    fleet.run()
    for t in ts:
        tap.ok("%s typed without a hang (%s)" % (t.user, t.problem or "no problem"),
               t.problem is None, t.screen)
        tap.ok("%s had records acknowledged (%d)" % (t.user, len(t.acked)), len(t.acked) >= 1)
        tap.ok("%s's characters were echoed and timed (%d)" % (t.user, len(t.echo)),
               len(t.echo) >= 20)
    fleet.hang_up()
    tap.ok("every session process ends when its client hangs up", srv.wait_sessions(0, 15),
           "left: %s" % srv.sessions())
    books = {u: srv.book_path(u) for u, _ in USERS}
    for u, book in books.items():
        tap.ok("%s has a book of their own" % u, os.path.exists(book), book)

    def rows(user, sql):
        return book_rows(books[user], sql) if os.path.exists(books[user]) else []
    names = {r[0] for r in rows("anna", "SELECT name FROM parties")}
    codes = {r[0] for r in rows("bruno", "SELECT code FROM articles")}
    tap.is_eq("every customer anna saw saved is in her book",
              sorted(set(anna.acked) - names), [])
    tap.is_eq("every article bruno saw saved is in his book",
              sorted(set(bruno.acked) - codes), [])
    tap.ok("and nothing there that was not saved (%d and %d rows)" % (len(names), len(codes)),
           names <= set(anna.sent) and codes <= set(bruno.sent),
           "%s %s" % (sorted(names - set(anna.sent)), sorted(codes - set(bruno.sent))))
    tap.is_eq("anna's book has none of bruno's articles",
              rows("anna", "SELECT code FROM articles"), [])
    tap.is_eq("bruno's book has none of anna's customers",
              rows("bruno", "SELECT name FROM parties"), [])

sys.exit(tap.done())
