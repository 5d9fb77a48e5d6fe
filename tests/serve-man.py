"""Every option of `scrivano serve` (its table, as --help prints it) is
documented in scrivano.conf(5), as a config line with its default, and in
scrivano-serve(1), as a command-line option; both pages render cleanly; the
example config data/scrivano.conf names every option, and the server takes
it as it is."""

import os
import re
import subprocess
import sys

n = 0
failed = 0


def ok(cond, what, diag=""):
    global n, failed
    n += 1
    print("%s %d - %s" % ("ok" if cond else "not ok", n, what))
    if not cond:
        failed += 1
        for line in str(diag).splitlines()[:10]:
            print("# " + line)


def roff(text):
    """A name as a man page writes it: every - as \\-."""
    return text.replace("-", "\\-")


def main():
    src = os.environ.get("srcdir", ".")
    helptext = subprocess.run([os.environ["SCRIVANO"], "serve", "--help"], capture_output=True,
                              text=True, env={"LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"}).stdout
    opts = re.findall(r"^  --([a-z-]+) \S+ +.*?(?:\(default ([^)]*)\))?$", helptext, re.M)
    opts = [(name, default) for name, default in opts if name != "config"]
    ok(len(opts) >= 18, "serve --help lists the options (%d)" % len(opts), helptext)
    pages = {}
    for page in ("man/scrivano.conf.5", "man/scrivano-serve.1"):
        with open(os.path.join(src, page), encoding="utf-8") as f:
            pages[page] = f.read()
        r = subprocess.run(["man", "--warnings", "-l", os.path.join(src, page)],
                           capture_output=True, text=True,
                           env={"LC_ALL": "C.UTF-8", "MANWIDTH": "80", "PATH": "/usr/bin:/bin"})
        ok(r.returncode == 0 and not r.stderr.strip(), "%s renders without warnings" % page,
           r.stderr)
    conf, serve = pages["man/scrivano.conf.5"], pages["man/scrivano-serve.1"]
    for name, default in opts:
        m = re.search(r'^\.BI %s " = [^\n]*\n(.*?)(?=^\.(?:TP|SS|SH|PP))' % re.escape(roff(name)),
                      conf, re.M | re.S)
        ok(m is not None, "scrivano.conf(5) documents %s" % name)
        if m and default and default != "$SCRIVANO_DATA, else scrivano-data":
            ok(re.search(r"Default:\s*(\.B\S*\s+)?%s" % re.escape(roff(default)), m.group(1)),
               "scrivano.conf(5) gives %s's default, %s" % (name, default), m.group(1))
        ok(re.search(r"^\.B[IR]? %s\b" % re.escape(roff("--" + name)), serve, re.M),
           "scrivano-serve(1) documents --%s" % name)
        ok(roff("--" + name) in serve.split(".SH DESCRIPTION")[0],
           "scrivano-serve(1)'s synopsis names --%s" % name)
    with open(os.path.join(src, "data", "scrivano.conf"), encoding="utf-8") as f:
        example = f.read()
    for name, default in opts:
        ok(re.search(r"^(# )?%s = " % re.escape(name), example, re.M),
           "data/scrivano.conf names %s" % name)
    commented = "\n".join(line[2:] if re.match(r"# [a-z-]+ = ", line) else line
                          for line in example.splitlines())
    path = os.path.join(os.environ.get("TMPDIR", "/tmp"), "scrivano-example-%d.conf" % os.getpid())
    with open(path, "w", encoding="utf-8") as f:
        f.write(commented)
    user = ["--service-user", "nobody"] if os.geteuid() == 0 else []
    r = subprocess.run([os.environ["SCRIVANO"], "serve", "--config", path, "--data",
                        "/nonexistent/scrivano-man-test"] + user, capture_output=True, text=True)
    os.unlink(path)
    ok("no user registry in /nonexistent" in r.stderr,
       "the example config, every line in force, is read without a mistake", r.stderr)
    print("1..%d" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
