#!/usr/bin/env python3
"""Structural checker for gup-rewrite --report-format=json and =sarif.

usage: check_report.py json|sarif FILE [--apply-to DIR]

Validates FILE against the structure the format promises (for SARIF, the
parts of the SARIF 2.1.0 schema we emit: version, runs, tool.driver with
rules, results with ruleId/ruleIndex/level/message/locations, fixes with
artifactChanges and replacements whose deletedRegion is consistent), exits
1 naming the first violation, and prints one line per site/result:
`KIND-or-LEVEL RULE FILE:LINE:COL fix|-`.

--apply-to DIR: applies every edit/fix to the files under DIR (identical
replacements from several sites once), so a test can compare the result
with what the tool writes.
"""
import json
import sys


class Invalid(Exception):
    pass


def need(cond, where, what):
    if not cond:
        raise Invalid(f"{where}: {what}")


def typed(obj, key, kind, where):
    need(isinstance(obj, dict), where, "expected an object")
    need(key in obj, where, f"missing '{key}'")
    need(isinstance(obj[key], kind) and not (kind is int and isinstance(obj[key], bool)),
         where, f"'{key}' should be {kind.__name__}, got {type(obj[key]).__name__}")
    return obj[key]


def check_json(doc, edits, out):
    typed(doc, "tool", str, "$")
    need(doc["tool"] == "gup-rewrite", "$.tool", "not gup-rewrite")
    typed(doc, "formatVersion", int, "$")
    typed(doc, "root", str, "$")
    for i, site in enumerate(typed(doc, "sites", list, "$")):
        w = f"$.sites[{i}]"
        for key in ("file", "rule", "api", "message"):
            typed(site, key, str, w)
        for key in ("line", "column"):
            need(typed(site, key, int, w) >= 1, w, f"{key} < 1")
        need(typed(site, "kind", str, w) in ("rewrite", "needs-attention", "report"), w,
             f"unknown kind {site['kind']}")
        applied = typed(site, "applied", bool, w)
        site_edits = typed(site, "edits", list, w)
        need(applied == bool(site_edits), w, "edits present exactly when applied")
        need(not applied or site["kind"] == "rewrite", w, "only rewrites are applied")
        for j, e in enumerate(site_edits):
            ew = f"{w}.edits[{j}]"
            typed(e, "file", str, ew)
            need(typed(e, "offset", int, ew) >= 0, ew, "offset < 0")
            need(typed(e, "length", int, ew) >= 0, ew, "length < 0")
            typed(e, "replacement", str, ew)
            edits.add((e["file"], e["offset"], e["length"], e["replacement"]))
        out.append(f"{site['kind']} {site['rule']} {site['file']}:{site['line']}:"
                   f"{site['column']} {'fix' if applied else '-'}")


def region(r, w):
    need(isinstance(r, dict), w, "region should be an object")
    for key in ("startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength"):
        if key in r:
            need(isinstance(r[key], int) and r[key] >= (0 if key.startswith("char") else 1),
                 w, f"bad {key}")
    need("startLine" in r or "charOffset" in r, w, "a region needs startLine or charOffset")
    if "endLine" in r:
        need(r["endLine"] >= r["startLine"], w, "endLine before startLine")


def check_sarif(doc, edits, out):
    need(typed(doc, "version", str, "$") == "2.1.0", "$.version", "not 2.1.0")
    typed(doc, "$schema", str, "$")
    runs = typed(doc, "runs", list, "$")
    need(len(runs) >= 1, "$.runs", "empty")
    for r, run in enumerate(runs):
        rw = f"$.runs[{r}]"
        driver = typed(typed(run, "tool", dict, rw), "driver", dict, rw + ".tool")
        typed(driver, "name", str, rw + ".tool.driver")
        rules = typed(driver, "rules", list, rw + ".tool.driver")
        ids = []
        for k, rule in enumerate(rules):
            ids.append(typed(rule, "id", str, f"{rw}.tool.driver.rules[{k}]"))
        need(len(set(ids)) == len(ids), rw, "duplicate rule ids")
        bases = run.get("originalUriBaseIds", {})
        for name, base in bases.items():
            uri = typed(base, "uri", str, f"{rw}.originalUriBaseIds.{name}")
            need(uri.endswith("/"), f"{rw}.originalUriBaseIds.{name}", "a base URI ends with /")

        def artifact(loc, w):
            uri = typed(loc, "uri", str, w)
            need(not uri.startswith("/"), w, "uri should be relative to its base")
            if "uriBaseId" in loc:
                need(loc["uriBaseId"] in bases, w, f"unknown uriBaseId {loc['uriBaseId']}")
            return uri

        for i, res in enumerate(typed(run, "results", list, rw)):
            w = f"{rw}.results[{i}]"
            rule = typed(res, "ruleId", str, w)
            index = typed(res, "ruleIndex", int, w)
            need(0 <= index < len(ids) and ids[index] == rule, w, "ruleIndex does not name ruleId")
            level = typed(res, "level", str, w)
            need(level in ("none", "note", "warning", "error"), w, f"bad level {level}")
            typed(typed(res, "message", dict, w), "text", str, w + ".message")
            locs = typed(res, "locations", list, w)
            need(len(locs) >= 1, w, "no location")
            phys = typed(locs[0], "physicalLocation", dict, w + ".locations[0]")
            uri = artifact(typed(phys, "artifactLocation", dict, w), w + ".artifactLocation")
            reg = typed(phys, "region", dict, w)
            region(reg, w + ".region")
            fixes = res.get("fixes", [])
            need(isinstance(fixes, list), w, "fixes should be an array")
            for f, fix in enumerate(fixes):
                fw = f"{w}.fixes[{f}]"
                typed(typed(fix, "description", dict, fw), "text", str, fw + ".description")
                changes = typed(fix, "artifactChanges", list, fw)
                need(len(changes) >= 1, fw, "no artifactChanges")
                for c, change in enumerate(changes):
                    cw = f"{fw}.artifactChanges[{c}]"
                    file = artifact(typed(change, "artifactLocation", dict, cw), cw)
                    reps = typed(change, "replacements", list, cw)
                    need(len(reps) >= 1, cw, "no replacements")
                    for p, rep in enumerate(reps):
                        pw = f"{cw}.replacements[{p}]"
                        deleted = typed(rep, "deletedRegion", dict, pw)
                        region(deleted, pw + ".deletedRegion")
                        need("charOffset" in deleted and "charLength" in deleted, pw,
                             "we emit charOffset/charLength")
                        text = ""
                        if "insertedContent" in rep:
                            text = typed(rep["insertedContent"], "text", str, pw + ".insertedContent")
                        edits.add((file, deleted["charOffset"], deleted["charLength"], text))
            out.append(f"{level} {rule} {uri}:{reg['startLine']}:{reg.get('startColumn', 0)} "
                       f"{'fix' if fixes else '-'}")


def apply(edits, directory):
    by_file = {}
    for file, offset, length, text in edits:
        by_file.setdefault(file, []).append((offset, length, text))
    for file, items in by_file.items():
        path = f"{directory}/{file}"
        with open(path, "rb") as f:
            data = f.read()
        items.sort()
        for a, b in zip(items, items[1:]):
            if a[0] + a[1] > b[0] or (a[0] == b[0] and a != b):
                raise Invalid(f"{file}: overlapping replacements {a} and {b}")
        for offset, length, text in reversed(items):
            data = data[:offset] + text.encode() + data[offset + length:]
        with open(path, "wb") as f:
            f.write(data)


def main(argv):
    args = argv[1:]
    target = None
    if "--apply-to" in args:
        k = args.index("--apply-to")
        target = args[k + 1]
        del args[k:k + 2]
    if len(args) != 2 or args[0] not in ("json", "sarif"):
        print(__doc__, file=sys.stderr)
        return 2
    try:
        with open(args[1]) as f:
            doc = json.load(f)
        edits, out = set(), []
        (check_json if args[0] == "json" else check_sarif)(doc, edits, out)
        if target:
            apply(edits, target)
    except (Invalid, json.JSONDecodeError) as e:
        print(f"check_report: error: {args[1]}: {e}", file=sys.stderr)
        return 1
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
