#!/usr/bin/env python3
"""Cross-check data/incidents.csv against external incident lists.

Why: our dataset is hand-curated; public trackers (DefiLlama, SlowMist Hacked,
De.Fi REKT, DeFiHackLabs) catch incidents we may have missed and disagree with
us on amounts, dates and recoveries. This script lists, per tracker,
  (a) incidents of $5M or more the tracker has and we lack ("gaps"), and
  (b) matched incidents whose amount, date or recovery disagrees,
each with the decision recorded in data/crosscheck-decisions.csv (or
"DECISION NEEDED"). It writes data/CROSSCHECK.md and prints a summary.

The external lists are never a source for our data; they only tell us where
to look. Python 3 standard library only; output is deterministic (sorted).

Run: cd <repo root> && python3 scripts/crosscheck.py
"""

import csv
import datetime as dt
import html
import os
import re
import sys

# ---------------------------------------------------------------- settings

GAP_THRESHOLD_USD = 5_000_000   # report missing incidents at or above this
DATE_WINDOW_DAYS = 3            # same incident only if dates within +-3 days
DATE_DIFF_REPORT_DAYS = 1       # report a matched date that differs by more
AMOUNT_DIFF_RATIO = 0.25        # report a matched amount that differs by more
RECOVERY_DIFF_RATIO = 0.25      # report a recovery that differs by more

# Words that say what kind of thing a project is, not which one it is.
# Dropping them lets "Curve Finance" match "Curve" and "Orbit Bridge" match
# "Orbit Chain bridge" via token overlap on the distinctive word.
GENERIC_WORDS = {
    "the", "finance", "financial", "fi", "protocol", "protocols", "exchange",
    "network", "dao", "labs", "lab", "io", "com", "app", "hack", "hacked",
    "exploit", "exploited", "attack", "incident", "compromise", "theft",
    "v1", "v2", "v3", "v4", "token", "tokens", "and", "of", "on", "wallet",
    "wallets", "hot", "bridge", "chain", "swap", "defi", "crypto", "user",
    "users", "platform", "inc", "ltd", "co", "capital", "money", "markets",
    "market", "global", "ai", "x",
}

LIST_NAMES = ["defillama", "slowmist", "defi_rekt", "defihacklabs"]

# De.Fi REKT classifies exit scams (rug pulls, honeypots, abandoned projects)
# alongside exploits; they are out of our scope (theft by outsiders).
DEFI_REKT_SCAM_TYPES = {"Rugpull", "Honeypot", "Abandoned"}


# ---------------------------------------------------------------- paths

def repo_root():
    """The repo root is the parent of this script's folder, so the script
    works from any current directory."""
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def external_dir(root):
    """External lists live beside the repo, in ../shared/external."""
    return os.path.normpath(os.path.join(root, "..", "shared", "external"))


# ---------------------------------------------------------------- parsing helpers

def parse_date(text):
    """Parse YYYY-MM-DD or YYYYMMDD (the lists use both); None if unusable."""
    text = (text or "").strip()[:10]
    for fmt in ("%Y-%m-%d", "%Y%m%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    return None


def parse_float(text):
    """Parse a number from a CSV cell; empty or garbage counts as None, so a
    missing amount is never mistaken for a zero loss."""
    try:
        value = float(str(text).replace(",", "").strip())
    except ValueError:
        return None
    return value


def normalise_tokens(name):
    """Lowercase, strip punctuation and generic words, so that names written
    differently by different trackers compare equal."""
    name = html.unescape(name or "").lower().replace("&", " and ")
    name = re.sub(r"\(.*?\)", " ", name)            # drop parentheticals
    name = re.sub(r"[^a-z0-9]+", " ", name)
    tokens = []
    for tok in name.split():
        tok = strip_generic_suffix(tok)
        if tok and tok not in GENERIC_WORDS:
            tokens.append(tok)
    return tokens


def strip_generic_suffix(token):
    """'PolterFinance', 'LiFiProtocol', 'RadiantCapital' are written as one
    word in some lists: cut a trailing generic word so they compare with
    'Polter Finance' etc. Only suffixes of 4+ letters, leaving 3+ letters."""
    for word in sorted(GENERIC_WORDS, key=len, reverse=True):
        if len(word) >= 4 and token.endswith(word) and len(token) - len(word) >= 3:
            return token[: -len(word)]
    return token


def names_match(name_a, name_b):
    """Same project? Equality of the squashed names, one starting with the
    other (4+ characters: 'Dexible' / 'Dexible V2'), or a shared distinctive
    token (3+ characters). Containment is limited to prefixes because a
    suffix match joins unrelated projects ('Stake' inside 'SharedStake')."""
    ta, tb = normalise_tokens(name_a), normalise_tokens(name_b)
    sa, sb = "".join(ta), "".join(tb)
    if not sa or not sb:
        return False
    if sa == sb:
        return True
    short, long_ = sorted((sa, sb), key=len)
    if len(short) >= 4 and long_.startswith(short):
        return True
    overlap = {t for t in ta if len(t) >= 3} & {t for t in tb if len(t) >= 3}
    return bool(overlap)


def name_score(name_a, name_b):
    """Rank candidate matches: exact normalised name beats containment beats
    token overlap (used only to choose among several candidates)."""
    sa = "".join(normalise_tokens(name_a))
    sb = "".join(normalise_tokens(name_b))
    if sa == sb:
        return 0
    if sa.startswith(sb) or sb.startswith(sa):
        return 1
    return 2


def fmt_usd(value):
    """Human-readable USD ($12.3M) for the report."""
    if value is None:
        return "n/a"
    if abs(value) >= 1e9:
        return "$%.2fB" % (value / 1e9)
    if abs(value) >= 1e6:
        return "$%.1fM" % (value / 1e6)
    if abs(value) >= 1e3:
        return "$%.0fK" % (value / 1e3)
    return "$%.0f" % value


def md_cell(text):
    """Keep table cells on one line and pipes from breaking the table."""
    return str(text).replace("|", "/").replace("\n", " ").strip()


# ---------------------------------------------------------------- our data

def load_ours(root):
    """Our incidents, with parsed date/amounts. Rows without a usable date
    cannot be matched and are ignored."""
    path = os.path.join(root, "data", "incidents.csv")
    rows = []
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            day = parse_date(row.get("date"))
            if day is None:
                continue
            rows.append({
                "id": row["id"],
                "date": day,
                "name": row["name"],
                "loss": parse_float(row.get("loss_usd")),
                "recovered": parse_float(row.get("recovered_usd")) or 0.0,
                "scope": (row.get("scope") or "").strip(),
            })
    rows.sort(key=lambda r: (r["date"], r["id"]))
    return rows


def covered_years(ours):
    """Only the years our data covers are compared: a tracker's 2021 or 2026
    incidents are not gaps in a 2023-2024 dataset."""
    return sorted({r["date"].year for r in ours})


# ---------------------------------------------------------------- external lists
# Each loader returns (records, notes). A record is a dict with keys
# date, name, amount (USD or None), recovered (USD or None = list has none).
# notes is a list of strings for the report (exclusions, skips).

def load_csv_list(path, amount_column, recovered_column=None):
    """A list kept as CSV with date and name columns; `recovered_column` is None for a list
    that records no recoveries."""
    records = []
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            records.append({
                "date": parse_date(row["date"]),
                "name": row["name"].strip(),
                "amount": parse_float(row.get(amount_column)),
                "recovered": parse_float(row.get(recovered_column)) if recovered_column else None,
            })
    return records, None


def load_defillama(path):
    """DefiLlama: 'gross' is the stolen amount, 'recovered' what came back."""
    return load_csv_list(path, "gross", "recovered")


def load_slowmist(path):
    """SlowMist Hacked: loss_usd only; it records no recoveries."""
    return load_csv_list(path, "loss_usd")


def load_defi_rekt(path):
    """De.Fi REKT mixes exit scams with exploits: drop rug pulls, honeypots,
    abandoned projects and other exit scams (scam_type / scam_parent), and
    count them. Recovered = funds_recovered + funds_returned."""
    records, excluded = [], []
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            scam_type = (row.get("scam_type") or "").strip()
            parent = (row.get("scam_parent") or "").strip()
            if scam_type in DEFI_REKT_SCAM_TYPES or parent.startswith("Exit Scam"):
                excluded.append(parse_date(row["date"]))
                continue
            rec = (parse_float(row.get("funds_recovered")) or 0.0) + \
                  (parse_float(row.get("funds_returned")) or 0.0)
            records.append({
                "date": parse_date(row["date"]),
                "name": row["name"].strip(),
                "amount": parse_float(row.get("funds_lost")),
                "recovered": rec,
            })
    return records, {"label": "exit-scam records excluded (rug pulls, honeypots, "
                              "abandoned, other exit scams)", "dates": excluded}


_DHL_HEADING = re.compile(r"^###\s+(\d{8})\s*-?\s*(.+?)\s*$")
_DHL_LOST = re.compile(r"^#+\s*(?:Total\s+)?Lost\s*:\s*(.*)$", re.I)
_NUM = r"(\d[\d,]*(?:\.\d+)?)\s*(k|m|b|million|billion)?\b"
_USD_WORDS = r"(?:US\$|USD|USDT|USDC|BUSD|BSC-USD|DAI)"
_MULT = {None: 1, "k": 1e3, "m": 1e6, "b": 1e9, "million": 1e6, "billion": 1e9}


def parse_dhl_lost(text):
    """Parse a DeFiHackLabs 'Lost:' line into USD, or None when the loss is
    only given in tokens (ETH, BNB, ...) or not at all.

    USD is recognised when the number carries '$' (before or after), a USD
    word (USD, US$, or a dollar stablecoin: USDT, USDC, BUSD, DAI), or is a
    bare number with no unit at all (DeFiHackLabs' house style, e.g. '~85K').
    When a token amount is followed by a USD conversion in brackets, the USD
    figure is the one used."""
    t = text.strip()
    patterns = [
        r"\$\s*~?\s*" + _NUM,                      # $85.7K, ~$ 1.2M, $~3M
        _NUM + r"\s*(?:\$|" + _USD_WORDS + r")",    # 85.7k USD, 5.4M USDC, 3k$
    ]
    for pat in patterns:
        m = re.search(pat, t, re.I)
        if m:
            return dhl_number(m.group(1), m.group(2))
    bare = re.fullmatch(r"[~>\s]*" + _NUM + r"\s*\+?\s*", t, re.I)
    if bare:
        return dhl_number(bare.group(1), bare.group(2))
    return None


def dhl_number(digits, suffix):
    """Turn '1,24' + 'M' into 1240000. DeFiHackLabs writes both thousands
    separators (1,700) and decimal commas (~4,5M): a comma followed by exactly
    three digits is a thousands separator, any other comma a decimal point."""
    if re.search(r",\d{1,2}$", digits):
        digits = digits.replace(",", ".")
    value = float(digits.replace(",", ""))
    return value * _MULT[(suffix or "").lower() or None]


def load_defihacklabs(paths):
    """DeFiHackLabs year files: '### YYYYMMDD Name - cause' then a 'Lost:'
    line in mixed units. Entries whose loss is not given in USD are skipped
    (counted), since comparing token counts with USD is meaningless."""
    records, skipped, present = [], [], []
    for path in paths:
        if not os.path.exists(path):
            continue
        present.append(os.path.basename(path))
        current = None
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                line = line.rstrip("\n")
                head = _DHL_HEADING.match(line)
                if head:
                    current = {"date": parse_date(head.group(1)),
                               "name": head.group(2).split(" - ")[0].strip(" -"),
                               "amount": None, "recovered": None}
                    continue
                lost = _DHL_LOST.match(line)
                if lost and current is not None:
                    usd = parse_dhl_lost(lost.group(1))
                    if usd is None:
                        skipped.append(current["date"])
                    else:
                        current["amount"] = usd
                        records.append(current)
                    current = None
    return records, skipped, present


def load_external(root):
    """Load every list whose file is present; a missing file is reported and
    the list skipped rather than failing the whole run."""
    ext = external_dir(root)
    lists, missing = {}, []
    simple = {
        "defillama": ("defillama/hacks.csv", load_defillama),
        "slowmist": ("slowmist/all_records.csv", load_slowmist),
        "defi_rekt": ("defi_rekt/all_records.csv", load_defi_rekt),
    }
    for key in ("defillama", "slowmist", "defi_rekt"):
        rel, loader = simple[key]
        path = os.path.join(ext, rel)
        if not os.path.exists(path):
            missing.append("%s (%s not found)" % (key, rel))
            continue
        records, dropped = loader(path)
        lists[key] = {"records": records, "notes": [], "dropped": dropped}
    dhl_paths = [os.path.join(ext, "defihacklabs", "%d.md" % y) for y in (2023, 2024, 2025)]
    records, skipped, present = load_defihacklabs(dhl_paths)
    if not present:
        missing.append("defihacklabs (no defihacklabs/YEAR.md found)")
    else:
        lists["defihacklabs"] = {
            "records": records,
            "notes": ["files read: %s" % ", ".join(present)],
            "dropped": {"label": "entries skipped because the loss is not stated "
                                 "in USD (token amounts, 'unclear', none)",
                        "dates": skipped}}
    return lists, missing


# ---------------------------------------------------------------- decisions

def load_decisions(root):
    """Decisions keyed by (list, date, name) exactly as the list writes them.
    A missing file simply means no decisions yet."""
    path = os.path.join(root, "data", "crosscheck-decisions.csv")
    decisions = {}
    if not os.path.exists(path):
        return decisions
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            key = ((row.get("list") or "").strip(), (row.get("date") or "").strip(),
                   (row.get("name") or "").strip())
            decisions[key] = (row.get("decision") or "").strip()
    return decisions


def decision_for(decisions, list_name, record):
    """The recorded decision, or the marker that someone must decide."""
    key = (list_name, record["date"].isoformat(), record["name"])
    return decisions.get(key) or "DECISION NEEDED"


# ---------------------------------------------------------------- matching

def find_match(record, ours):
    """Our row for this external record: dates within the window and names
    matching; among several, the best name match, then the nearest date."""
    best = None
    for row in ours:
        gap = abs((row["date"] - record["date"]).days)
        if gap > DATE_WINDOW_DAYS or not names_match(row["name"], record["name"]):
            continue
        rank = (name_score(row["name"], record["name"]), gap, row["id"])
        if best is None or rank < best[0]:
            best = (rank, row)
    return best[1] if best else None


def near_miss(record, ours):
    """For a gap, our row with a matching name but a date outside the window
    (a hint that it may be the same incident with a wrong date)."""
    hits = [r for r in ours if names_match(r["name"], record["name"])
            and abs((r["date"] - record["date"]).days) <= 60]
    hits.sort(key=lambda r: (abs((r["date"] - record["date"]).days), r["id"]))
    return hits[0] if hits else None


def differences(record, row):
    """What disagrees between a matched pair, as short phrases (empty list =
    agreement)."""
    out = []
    theirs, mine = record["amount"], row["loss"]
    if theirs is not None and mine:
        if abs(theirs - mine) / mine > AMOUNT_DIFF_RATIO:
            out.append("amount: list %s vs ours %s" % (fmt_usd(theirs), fmt_usd(mine)))
    days = abs((record["date"] - row["date"]).days)
    if days > DATE_DIFF_REPORT_DAYS:
        out.append("date: list %s vs ours %s" % (record["date"], row["date"]))
    if record["recovered"] is not None:
        a, b = record["recovered"], row["recovered"]
        if (a > 0 or b > 0) and abs(a - b) / max(a, b) > RECOVERY_DIFF_RATIO:
            out.append("recovered: list %s vs ours %s" % (fmt_usd(a), fmt_usd(b)))
    return out


def compare_list(records, ours, years):
    """Split one list's in-years records into gaps (>= threshold, unmatched)
    and disagreements (matched, differing)."""
    in_years = [r for r in records if r["date"] is not None and r["date"].year in years]
    gaps, disagreements, matched = [], [], 0
    for rec in in_years:
        row = find_match(rec, ours)
        if row is None:
            if rec["amount"] is not None and rec["amount"] >= GAP_THRESHOLD_USD:
                gaps.append((rec, near_miss(rec, ours)))
            continue
        matched += 1
        diffs = differences(rec, row)
        if diffs:
            disagreements.append((rec, row, diffs))
    gaps.sort(key=lambda g: (g[0]["date"], g[0]["name"]))
    disagreements.sort(key=lambda d: (d[0]["date"], d[0]["name"], d[1]["id"]))
    return {"in_years": len(in_years), "matched": matched,
            "gaps": gaps, "disagreements": disagreements}


# ---------------------------------------------------------------- report

def render_report(results, lists, missing, years, decisions, n_ours):
    """CROSSCHECK.md: one section per list, gaps then disagreements, each
    line carrying its decision."""
    out = ["# Cross-check against external incident lists", "",
           "Generated by `scripts/crosscheck.py`; do not edit by hand. Decisions "
           "come from `data/crosscheck-decisions.csv`.", "",
           "The external lists are pointers for research, never sources for our data.", "",
           "- our incidents: %d; years compared: %s" % (n_ours, ", ".join(map(str, years))),
           "- same incident = dates within ±%d days and normalised names matching" % DATE_WINDOW_DAYS,
           "- gaps: list amount ≥ %s and no matching row of ours" % fmt_usd(GAP_THRESHOLD_USD),
           "- disagreements: amount differs by > %d%% of ours, date by > %d day, or "
           "recovered amount differs (where the list records one)"
           % (AMOUNT_DIFF_RATIO * 100, DATE_DIFF_REPORT_DAYS)]
    for m in missing:
        out.append("- list skipped, file not present: %s" % m)
    out.append("")
    for name in LIST_NAMES:
        if name not in results:
            continue
        res, info = results[name], lists[name]
        out += ["## %s" % name, ""]
        out.append("- records in compared years: %d; matched to our rows: %d"
                   % (res["in_years"], res["matched"]))
        for note in info["notes"]:
            out.append("- " + note)
        out += ["", "### (a) Gaps: ≥ %s in the list, not in ours (%d)"
                % (fmt_usd(GAP_THRESHOLD_USD), len(res["gaps"])), ""]
        if res["gaps"]:
            out += ["| date | name | list amount | hint | decision |",
                    "|---|---|---|---|---|"]
            for rec, hint in res["gaps"]:
                h = ("name matches our `%s` (%s)" % (hint["id"], hint["date"])) if hint else ""
                out.append("| %s | %s | %s | %s | %s |" % (
                    rec["date"], md_cell(rec["name"]), fmt_usd(rec["amount"]), h,
                    md_cell(decision_for(decisions, name, rec))))
        else:
            out.append("None.")
        out += ["", "### (b) Disagreements with our rows (%d)" % len(res["disagreements"]), ""]
        if res["disagreements"]:
            out += ["| list date | list name | our id | differences | decision |",
                    "|---|---|---|---|---|"]
            for rec, row, diffs in res["disagreements"]:
                out.append("| %s | %s | `%s` | %s | %s |" % (
                    rec["date"], md_cell(rec["name"]), row["id"], md_cell("; ".join(diffs)),
                    md_cell(decision_for(decisions, name, rec))))
        else:
            out.append("None.")
        out.append("")
    return "\n".join(out)


def summary_lines(results, lists, missing, decisions):
    """Short stdout summary: per list, gaps/disagreements and how many still
    lack a decision."""
    lines = []
    for m in missing:
        lines.append("skipped (file not present): %s" % m)
    total_needed = 0
    for name in LIST_NAMES:
        if name not in results:
            continue
        res = results[name]
        need_gaps = sum(1 for rec, _ in res["gaps"]
                        if decision_for(decisions, name, rec) == "DECISION NEEDED")
        need_dis = sum(1 for rec, _, _ in res["disagreements"]
                       if decision_for(decisions, name, rec) == "DECISION NEEDED")
        total_needed += need_gaps + need_dis
        lines.append("%-13s in-years %4d  matched %3d  gaps>=5M %3d (undecided %d)  "
                     "disagreements %3d (undecided %d)" % (
                         name, res["in_years"], res["matched"], len(res["gaps"]),
                         need_gaps, len(res["disagreements"]), need_dis))
        for note in lists[name]["notes"]:
            lines.append("%-13s %s" % ("", note))
    lines.append("decisions needed: %d" % total_needed)
    return lines


def add_dropped_notes(lists, years):
    """Say how many records a list lost to filtering (De.Fi exit scams,
    DeFiHackLabs non-USD amounts), in our years and in the whole file, so a
    reader knows what the comparison did not look at."""
    for info in lists.values():
        dropped = info.get("dropped")
        if not dropped:
            continue
        in_years = sum(1 for d in dropped["dates"] if d is not None and d.year in years)
        info["notes"].append("%s: %d in compared years (%d in the whole file)"
                             % (dropped["label"], in_years, len(dropped["dates"])))


def main():
    """Load, compare every present list, write the report, print a summary."""
    root = repo_root()
    ours = load_ours(root)
    years = covered_years(ours)
    lists, missing = load_external(root)
    decisions = load_decisions(root)
    results = {name: compare_list(info["records"], ours, set(years))
               for name, info in sorted(lists.items())}
    add_dropped_notes(lists, set(years))
    report = render_report(results, lists, missing, years, decisions, len(ours))
    out_path = os.path.join(root, "data", "CROSSCHECK.md")
    with open(out_path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(report + "\n")
    for line in summary_lines(results, lists, missing, decisions):
        print(line)
    print("wrote %s" % os.path.relpath(out_path, root))
    return 0


if __name__ == "__main__":
    sys.exit(main())
