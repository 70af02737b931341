#!/usr/bin/env python3
"""Scores SmbBot black-box on a business's knowledge kit, as a customer would meet it.

A kit is a folder with the business's FAQ as exported (faq.csv, faq.tsv or faq.md), optionally customers.csv, and
messages.tsv (message, expected, note): expected is the exact question of the FAQ entry that answers the message,
or handover, urgent or none. For each kit the script puts the files into a fresh knowledge folder, starts the built
host (Release) on a free port with its own data folder, sends every message in a new conversation through
/api/messages with deliveryMode expectReplies, and reads the smbbot.decision entity of the replies.

Usage (from the repository root, after `dotnet build -c Release`):
    python3 tests/UnseenBusinesses/score.py tests/UnseenBusinesses/kits/*
    python3 tests/UnseenBusinesses/score.py --json out.json --max-faq 12 kit...   (a small FAQ cut from the kit)
"""
import argparse, csv, json, os, random, shutil, socket, subprocess, sys, tempfile, time, urllib.request, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HOST_DLL = os.path.join(ROOT, "src", "SmbBot.Host", "bin", "Release", "net10.0", "SmbBot.Host.dll")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post(url, body, timeout=30):
    req = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return json.loads(r.read() or b"{}")


def read_messages(kit):
    with open(os.path.join(kit, "messages.tsv"), encoding="utf-8-sig", newline="") as f:
        return [r for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE) if r.get("message")]


def faq_file(kit):
    for name in ("faq.csv", "faq.tsv", "faq.md"):
        if os.path.exists(os.path.join(kit, name)):
            return name
    raise SystemExit(f"{kit}: no faq.csv, faq.tsv or faq.md")


def cut_faq(src, dst, keep_questions):
    """Writes a smaller FAQ with only the entries whose question is in keep_questions (CSV and Markdown kits)."""
    name = os.path.basename(src)
    if name.endswith(".md"):
        out, keep = [], False
        for line in open(src, encoding="utf-8-sig"):
            if line.startswith("## "):
                keep = line[3:].strip() in keep_questions
            if keep:
                out.append(line)
        open(dst, "w", encoding="utf-8").write("".join(out))
        return
    raw = open(src, encoding="utf-8-sig", newline="").read()
    delim = "\t" if name.endswith(".tsv") else (";" if raw.split("\n", 1)[0].count(";") > raw.split("\n", 1)[0].count(",") else ",")
    rows = list(csv.reader(raw.splitlines(keepends=True), delimiter=delim))
    header, body = rows[0], rows[1:]
    qcol = next(i for i, h in enumerate(header) if h.strip().lower() in ("question", "questions", "q"))
    acol = next(i for i, h in enumerate(header) if h.strip().lower() in ("answer", "answers", "a"))
    answers = {r[acol] for r in body if r and r[qcol].strip() in keep_questions}
    with open(dst, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=delim)
        w.writerow(header)
        w.writerows(r for r in body if r and r[acol] in answers)


def first_questions(kit, fname):
    """The first question of each entry, as the messages name them."""
    path = os.path.join(kit, fname)
    if fname.endswith(".md"):
        return [l[3:].strip() for l in open(path, encoding="utf-8-sig") if l.startswith("## ")]
    raw = open(path, encoding="utf-8-sig", newline="").read()
    delim = "\t" if fname.endswith(".tsv") else (";" if raw.split("\n", 1)[0].count(";") > raw.split("\n", 1)[0].count(",") else ",")
    rows = list(csv.reader(raw.splitlines(keepends=True), delimiter=delim))
    header = [h.strip().lower() for h in rows[0]]
    q, a = header.index("question"), header.index("answer")
    seen, out = set(), []
    for r in rows[1:]:
        if r and r[a] not in seen:
            seen.add(r[a])
            out.append(r[q].strip())
    return out


def score_kit(kit, max_faq=None, seed=1, intents=None):
    fname = faq_file(kit)
    messages = read_messages(kit)
    work = tempfile.mkdtemp(prefix="smbbot-kit-")
    knowledge, data = os.path.join(work, "knowledge"), os.path.join(work, "data")
    os.makedirs(os.path.join(knowledge, "faq"))
    if max_faq:
        questions = first_questions(kit, fname)
        keep = set(random.Random(seed).sample(questions, min(max_faq, len(questions))))
        cut_faq(os.path.join(kit, fname), os.path.join(knowledge, "faq", fname), keep)
        # A message about an entry that was cut is now a question the FAQ does not cover.
        messages = [dict(m, expected=m["expected"] if m["expected"] in ("handover", "urgent", "none") or m["expected"] in keep else "none")
                    for m in messages]
    else:
        shutil.copy(os.path.join(kit, fname), os.path.join(knowledge, "faq", fname))
    if intents:
        shutil.copytree(intents, os.path.join(knowledge, "intents"))
    if os.path.exists(os.path.join(kit, "customers.csv")):
        os.makedirs(os.path.join(knowledge, "crm"))
        shutil.copy(os.path.join(kit, "customers.csv"), os.path.join(knowledge, "crm", "customers.csv"))

    port = free_port()
    env = dict(os.environ, Knowledge__Path=knowledge, Storage__DataPath=data, DOTNET_NOLOGO="1",
               Logging__LogLevel__Default="Warning")
    log = open(os.path.join(work, "host.log"), "w")
    host = subprocess.Popen(["dotnet", HOST_DLL, "--urls", f"http://127.0.0.1:{port}"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 300
        while True:
            if host.poll() is not None:
                raise SystemExit(f"{kit}: the host stopped (exit {host.returncode}); see {log.name}:\n" + open(log.name).read()[-3000:])
            try:
                with urllib.request.urlopen(base + "/health/ready", timeout=5) as r:
                    ready = json.loads(r.read())
                    break
            except Exception:
                if time.time() > deadline:
                    raise SystemExit(f"{kit}: not ready after 300 s; see {log.name}")
                time.sleep(1)
        results = []
        for m in messages:
            activity = {"type": "message", "id": uuid.uuid4().hex, "channelId": "emulator", "serviceUrl": "http://127.0.0.1:9/",
                        "from": {"id": "user-1", "role": "user"}, "recipient": {"id": "bot-1", "role": "bot"},
                        "conversation": {"id": uuid.uuid4().hex}, "locale": "en-GB", "text": m["message"], "deliveryMode": "expectReplies"}
            replies = post(base + "/api/messages", activity)["activities"]
            decision = next((e for r in replies for e in (r.get("entities") or []) if e.get("type") == "smbbot.decision"), {})
            results.append((m, decision))
    finally:
        host.terminate()
        try:
            host.wait(30)
        except subprocess.TimeoutExpired:
            host.kill()
    shutil.rmtree(work, ignore_errors=True)
    return summarise(os.path.basename(kit.rstrip("/")), results, ready)


def summarise(name, results, ready):
    covered = [(m, d) for m, d in results if m["expected"] not in ("handover", "urgent", "none")]
    handover = [(m, d) for m, d in results if m["expected"] in ("handover", "urgent")]
    urgent = [(m, d) for m, d in results if m["expected"] == "urgent"]
    none = [(m, d) for m, d in results if m["expected"] == "none"]
    answered = lambda d: d.get("route") == "faq"
    right = [x for x in covered if answered(x[1]) and x[1].get("faqQuestion") == x[0]["expected"]]
    offered = [x for x in covered if x[1].get("route") == "clarify"]
    wrong = [x for x in results if answered(x[1]) and x[1].get("faqQuestion") != x[0]["expected"]]
    caught = [x for x in handover if x[1].get("route") == "escalate"]
    urgent_caught = [x for x in urgent if x[1].get("priority") == "urgent"]
    pct = lambda a, b: round(100.0 * len(a) / len(b), 1) if b else None
    return {
        "kit": name, "messages": len(results), "faqEntries": ready.get("faqEntries"),
        "covered": len(covered), "answeredRight": len(right), "answeredRightPct": pct(right, covered),
        "offeredDidYouMean": len(offered),
        "handovers": len(handover), "handoversCaught": len(caught), "handoversCaughtPct": pct(caught, handover),
        "urgent": len(urgent), "urgentCaught": len(urgent_caught),
        "wrongAnswers": len(wrong), "wrongAnswersPct": pct(wrong, results),
        "noneAnswered": sum(1 for x in none if answered(x[1])),
        "thresholds": ready.get("thresholds"), "leftOut": ready.get("leftOut"),
        "results": [{"message": m["message"], "expected": m["expected"], "route": d.get("route"), "got": d.get("faqQuestion"),
                     "intent": d.get("intent"), "intentConfidence": d.get("intentConfidence"), "handoverConfidence": d.get("handoverConfidence"),
                     "score": d.get("faqScore"), "candidates": d.get("candidates"), "priority": d.get("priority")} for m, d in results],
        "misses": [{"message": m["message"], "expected": m["expected"], "route": d.get("route"), "got": d.get("faqQuestion"),
                    "intent": d.get("intent"), "score": d.get("faqScore")}
                   for m, d in results if not ((m["expected"] in ("handover", "urgent") and d.get("route") == "escalate")
                                               or (m["expected"] == "none" and d.get("route") != "faq")
                                               or (answered(d) and d.get("faqQuestion") == m["expected"]))],
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kits", nargs="+")
    ap.add_argument("--max-faq", type=int, help="keep only this many FAQ entries, chosen at random with --seed")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", help="write every result, with the misses, to this file")
    ap.add_argument("--intents", help="a folder of intents/*.txt to add to the kit's knowledge (the business's own intent examples)")
    args = ap.parse_args()
    if not os.path.exists(HOST_DLL):
        raise SystemExit(f"{HOST_DLL} is missing: run `dotnet build -c Release` first")
    rows = [score_kit(k, args.max_faq, args.seed, args.intents) for k in args.kits]
    print("| business | FAQ entries | covered questions answered directly and right | did-you-mean | hand-overs caught | urgent caught as urgent | wrong answers (of all messages) |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['kit']} | {r['faqEntries']} | {r['answeredRight']}/{r['covered']} ({r['answeredRightPct']}%) | {r['offeredDidYouMean']} | "
              f"{r['handoversCaught']}/{r['handovers']} ({r['handoversCaughtPct']}%) | {r['urgentCaught']} of {r['urgent']} | "
              f"{r['wrongAnswers']}/{r['messages']} ({r['wrongAnswersPct']}%) |")
    if args.json:
        json.dump(rows, open(args.json, "w"), indent=1)


if __name__ == "__main__":
    sys.exit(main())
