import json
HTML = "<img src=x onerror=alert(1)>"
LINK = "[click](javascript:alert(1))"
RLO = "\u202e"
ZW = "\u200b"

def js(x): return json.dumps(x, ensure_ascii=True)

def scm_body(action="new_branch", repo="nethack", branch="f44", ns="rpms", raw=None, **extra):
    if raw is not None:
        return "```\n" + raw + "\n```"
    d = {"action": action, "namespace": ns, "repo": repo, "branch": branch}
    if action == "new_repo":
        d.update({"bug_id": 2400001, "monitor": "monitoring", "exception": False})
    d.update(extra)
    return "```\n" + json.dumps(d, indent=1, ensure_ascii=False) + "\n```"

scm = []   # (id, title, author, body, comments, note)
n = 7100
def add_scm(note, body, author="otto", title="New Branch", comments=None):
    global n
    n += 1
    scm.append((n, title, author, body, comments or [], note))

for b in ["HEAD", "head", "FETCH_HEAD", "refs/heads/f44", "-f", "--upload-pack=evil", "f43..f44", "f43@{0}", "@",
          "f44.lock", "f44.", "f44/", "a/b", "f44 ", "f44\nf45", "f44\t", RLO + "44f", "f4" + ZW + "4", "\u0435pel9",
          "$(id)", "a`b``c", HTML, LINK, "0123456789abcdef0123456789abcdef01234567", "x" * 300, "f44~1", "f44^", "f44:x", "f44?", "f44*", "f44[", "f44\\x"]:
    add_scm(f"branch {b!r}", scm_body(branch=b))
for r in [HTML, LINK, RLO + "evil", "foo" + ZW + "bar", "a" * 300, "../../etc/passwd", "-oProxyCommand=x"]:
    add_scm(f"repo {r!r}", scm_body("new_repo", repo=r, branch="rawhide"), author="ada", title="New Repo")
add_scm("namespace link", scm_body(ns=LINK))
add_scm("monitor html", scm_body("new_repo", repo="python-hostile", branch="rawhide", monitor="<script>alert(1)</script>"), author="ada", title="New Repo")
add_scm("duplicate branch", scm_body(raw='{\n "action": "new_branch",\n "namespace": "rpms",\n "repo": "nethack",\n "branch": "epel9",\n "branch": "f40"\n}'))
add_scm("duplicate action", scm_body(raw='{"action": "new_branch", "action": "new_repo", "namespace": "rpms", "repo": "nethack", "branch": "f44"}'))
add_scm("bug_id object", scm_body(raw='{"action": "new_repo", "namespace": "rpms", "repo": "python-x", "branch": "rawhide", "bug_id": {"id": 1}, "monitor": "monitoring"}'), author="ada", title="New Repo")
add_scm("branch list", scm_body(raw='{"action": "new_branch", "namespace": "rpms", "repo": "nethack", "branch": ["f43", "f44"]}'))
add_scm("unknown action with space", scm_body(raw='{"action": "new_repo ", "namespace": "rpms", "repo": "nethack", "branch": "f44"}'))
add_scm("unknown action html", scm_body(raw=json.dumps({"action": HTML, "namespace": "rpms", "repo": "nethack", "branch": "f44"})))
add_scm("broken json", scm_body(raw='{\n "action": "new_branch",\n "repo" "nethack"\n}'))
add_scm("oversized body", "```\n{\"action\": \"new_branch\", \"pad\": \"" + "x" * 21000 + "\"}\n```")
add_scm("plain text", "Please make me a branch " + HTML)
add_scm("unretirement on the scm tracker (left to the unretire job)", scm_body(raw='{"action": "request-unretirement", "name": "nethack", "branches": ["rawhide"]}'), title="Unretirement request")
add_scm("flood of unauthorized valid on an exception request",
        scm_body("new_repo", repo="python-flood", branch="rawhide", exception=True, bug_id=""), author="ada", title="New Repo",
        comments=[{"author": "mallory", "body": "@releng-bot valid"}] * 150)
add_scm("flood of help on an invalid request", scm_body(branch="HEAD"),
        comments=[{"author": "mallory", "body": "@releng-bot help " + HTML}] * 60)
add_scm("help with hostile text and a valid from a stranger on a good request", scm_body(branch="f44"),
        comments=[{"author": "mallory", "body": "@releng-bot help\n" + LINK}, {"author": "mallory", "body": "@releng-bot valid"}])
add_scm("past the comment bound", scm_body("new_repo", repo="python-chatty", branch="rawhide", exception=True, bug_id=""), author="ada", title="New Repo",
        comments=[{"author": "releng-bot", "body": "earlier answer " + str(i)} for i in range(5)] + [{"author": "ada", "body": "@releng-bot retry"}])
add_scm("control: valid branch request", scm_body(branch="f44"))

unr = []
m = 13100
def add_unr(note, title, body, author="jdoe", comments=None):
    global m
    m += 1
    unr.append((m, title, author, body, comments or [], note))

for t in [HTML, LINK, RLO + "evil", "foo" + ZW + "bar", "HEAD", "-f", "../../etc/passwd", "a" * 300, "pyte`x`"]:
    add_unr(f"package {t!r}", "Unretire rpms/" + t, "Branches: rawhide")
for b in ["HEAD", "refs/heads/f43", "-f", "f43..f44", "rawhide" + RLO, "f4" + ZW + "3", HTML, "$(id)"]:
    add_unr(f"branch {b!r}", "Unretire rpms/python-pyte", "Branches: " + b)
add_unr("json duplicate name", "Unretire rpms/libfoo", '{"name": "libfoo", "name": "' + HTML + '", "branches": ["rawhide"]}')
add_unr("json two spellings", "Unretire rpms/libfoo", '{"name": "libfoo", "package": "evil", "branches": ["rawhide"]}')
add_unr("json wrong type", "Unretire rpms/libfoo", '{"name": "libfoo", "branches": {"rawhide": true}}')
add_unr("oversized body", "Unretire rpms/libfoo", "{\"name\": \"libfoo\", \"pad\": \"" + "x" * 21000 + "\"}")
add_unr("free text: branches in a sentence", "Unretirement request", "Please unretire rpms/python-pyte for branches: rawhide f43")
add_unr("free text: take over", "Unretire request", "I'd like to take over python-pyte in rawhide")
add_unr("unreadable", "Unretire request", "Please bring my package back. " + LINK)
add_unr("flood of help", "Unretire rpms/python-pyte", "Branches: rawhide",
        comments=[{"author": "mallory", "body": "@releng-bot help"}] * 100)
add_unr("flood of retries from a stranger", "Unretire rpms/python-pyte", "Branches: rawhide",
        comments=[{"author": "mallory", "body": "@releng-bot retry " + HTML}] * 100)
add_unr("past the comment bound", "Unretire rpms/python-pyte", "Branches: rawhide",
        comments=[{"author": "releng-bot", "body": "earlier answer " + str(i)} for i in range(5)] + [{"author": "jdoe", "body": "@releng-bot help"}])
add_unr("hostile retirement reason in dist-git", "Unretire rpms/hostile-reason", "Branches: rawhide")

out = []
out.append("# Hostile and sloppy tickets for both ticket jobs (issue: bot conduct under hostile input). Generated by")
out.append("# tests/scenarios/hostile.py; run it with")
out.append("#   ./build.sh --target=scm-requests --env=sandbox --scenario=tests/scenarios/hostile.yaml --fresh --apply")
out.append("#   ./build.sh --target=unretire --env=sandbox --scenario=tests/scenarios/hostile.yaml --apply")
out.append("# with jobs whose trackers are pagure:releng/fedora-scm-requests and pagure:releng (the tickets live on pagure.io here).")
out.append("# Every ticket must be answered once (or skipped with a logged reason), no git ref or URL may be built from a")
out.append("# refused name, and no bot comment may render HTML, a link or a bidi control from the ticket.")
out.append("clock: 2026-11-24T12:00:00Z")
out.append("people:")
for p in ["otto: {}", "ada: { email: ada@example.org }", "mallory: {}", "rosa: { groups: [releng] }", "jdoe: {}"]:
    out.append("  " + p)
out.append("distgit:")
out.append("  rpms/nethack:")
out.append("    owner: otto")
out.append("    branches:")
out.append("      rawhide:")
out.append('        - { message: "Initial import", days_ago: 700 }')
out.append("  rpms/python-pyte:")
out.append("    owner: jdoe")
out.append("    branches:")
out.append("      rawhide:")
out.append('        - { message: "Initial import", days_ago: 900 }')
out.append('        - { retire: "Retired: replaced by python3-pyte", days_ago: 21 }')
out.append("      f43: same-as rawhide")
out.append("  rpms/hostile-reason:")
out.append("    owner: jdoe")
out.append("    branches:")
out.append("      rawhide:")
out.append('        - { message: "Initial import", days_ago: 900 }')
out.append("        - { retire: " + js("gone " + HTML + " " + LINK + " " + RLO + "txet | @everyone") + ", days_ago: 21 }")
out.append("koji:")
out.append("  tags:")
out.append("    f44:")
out.append("      packages:")
out.append("        python-pyte: { blocked: true }")
out.append("        hostile-reason: { blocked: true }")
out.append("pagure:")
out.append("  projects:")
def tracker(name, statuses, tickets):
    out.append(f"    {name}:")
    out.append(f"      close_statuses: [{', '.join(statuses)}]")
    out.append("      issues:")
    for (i, title, author, body, comments, note) in tickets:
        out.append(f"        # {js(note)[1:-1][:100]}")
        out.append(f"        - id: {i}")
        out.append(f"          title: {js(title)}")
        out.append(f"          author: {author}")
        out.append(f"          days_ago: 1")
        out.append(f"          body: {js(body)}")
        if comments:
            out.append("          comments:")
            for c in comments:
                out.append(f"            - {{ author: {c['author']}, body: {js(c['body'])}, days_ago: 0 }}")
tracker("releng/fedora-scm-requests", ["Processed", "Invalid", "Denied"], scm)
tracker("releng", ["Fixed", "Invalid"], unr)
import sys
open(sys.argv[1], "w").write("\n".join(out) + "\n")
print(len(scm), len(unr))
