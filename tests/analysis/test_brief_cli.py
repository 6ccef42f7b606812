from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from alliancegraph import Store
from alliancegraph.analysis import brief
from alliancegraph.cli import cli
from tests.analysis.builders import add, qty, rel


def _alliance(store: Store) -> None:
    add(store, "cleveland", "2016-08-01",
        rel("cleveland", "al-Qaeda", "allied_with", "Taliban", hedged=True, time="2016",
            text="What remains of al-Qaeda is now working more closely with the Taliban",
            attributed_to="Charles Cleveland"),
        rel("cleveland", "al-Qaeda", "supports", "Taliban", support=("expertise",), time="2016",
            attributed_to="Charles Cleveland"),
        rel("cleveland", "Ayman al-Zawahiri", "leads", "al-Qaeda", role="leader", time="2016"),
        qty("cleveland", "al-Qaeda", "fighters", 300, time="2016"), author=None)
    add(store, "bacon", "2018-09-11",
        rel("bacon", "al-Qaeda", "allied_with", "Taliban", time="1996/2018",
            text="The alliance between al-Qaeda and the Taliban has endured for over 20 years"),
        rel("bacon", "al-Qaeda", "supports", "Taliban", support=("training", "personnel"), time="2001/2018"),
        rel("bacon", "al-Qaeda", "supports", "Taliban", support=("funding",), negated=True, time="2018",
            text="the Taliban needed funds from al-Qaeda. That is no longer the case"),
        rel("bacon", "al-Qaeda", "supports", "Taliban", support=("funding",), time="1990/1999"),
        rel("bacon", "Taliban", "supports", "al-Qaeda", support=("safe_haven", "protection"), time="/2001"),
        rel("bacon", "Taliban", "rival_of", "Islamic State"), rel("bacon", "al-Qaeda", "rival_of", "Islamic State"),
        rel("bacon", "Haqqani Network", "affiliate_of", "Taliban"),
        rel("bacon", "Haqqani Network", "allied_with", "al-Qaeda"),
        rel("bacon", "Ayman al-Zawahiri", "pledged_allegiance_to", "Haibatullah Akhundzada"),
        rel("bacon", "Haibatullah Akhundzada", "leads", "Taliban", role="leader", time="2018"),
        rel("bacon", "Pakistan", "supports", "Taliban", support=("funding",), time="2018"),
        author="Tricia Bacon")
    add(store, "doha", "2020-03-06", rel("doha", "Taliban", "allied_with", "al-Qaeda", negated=True, time="2020",
                                         attributed_to="Zabihullah Mujahid"))
    add(store, "un", "2020-06-01", rel("un", "al-Qaeda", "allied_with", "Taliban", time="2020",
                                       attributed_to="UN monitoring team"))


def test_the_brief_covers_each_part_and_every_sentence_cites(store: Store) -> None:
    _alliance(store)
    text = brief(store, "al-Qaida", "Taliban").markdown
    for heading in ("History", "What each gives and gets", "Dependence", "Shared rivals and enemies",
                    "Leaders and pledges", "Factions that anchor it", "Open questions", "Sources"):
        assert f"\n## {heading}\n" in text
    body, sources = text.split("\n## Sources\n")
    bullets = [line for line in body.splitlines() if line.startswith("- ")]
    assert bullets and all(re.search(r"\[\d+\]", line) for line in bullets)
    assert "cleveland" in sources and "bacon" in sources
    assert "Taliban allied_with al-Qaeda: 1 claim(s) affirm it and 1 deny it" in text
    assert "Islamic State" in text.split("## Shared rivals and enemies")[1].split("##")[0]
    assert "Haqqani Network, a faction of Taliban" in text
    assert "Ayman al-Zawahiri pledged allegiance to Haibatullah Akhundzada" in text
    assert "funding" in text.split("## What each gives and gets")[1].split("##")[0]
    cited = [int(n) for n in re.findall(r"\[(\d+)\]", body)]
    assert sorted(set(cited)) == list(range(1, len(re.findall(r"^\d+\. ", sources, re.M)) + 1))


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


def test_cli_commands_format_the_library_answers(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    with Store.open(db) as store:
        _alliance(store)
    code, out, _ = run(db, "ties", "al-Qaida", "--as-of", "2018-12-31")
    assert code == 0 and out.splitlines()[0].split()[:4] == ["dir", "other", "type", "status"]
    row = next(line for line in out.splitlines() if "Taliban" in line and "allied_with" in line)
    assert "active" in row
    code, out, _ = run(db, "ties", "al-Qaeda", "--json", "--type", "supports")
    views = json.loads(out)
    assert code == 0 and {v["tie"]["relation"] for v in views} == {"supports"}
    code, out, _ = run(db, "evidence", "al-Qaeda", "Taliban")
    assert code == 0 and "no longer the case" in out and "Tricia Bacon" in out
    code, out, _ = run(db, "brief", "al-Qaeda", "Taliban")
    assert code == 0 and out.startswith("# al-Qaeda and Taliban\n")
    code, out, _ = run(db, "explain", "al-Qaeda", "Taliban", "--type", "supports")
    assert code == 0 and "corroboration: 2 document(s): bacon, cleveland" in out and "denial" in out
    code, out, _ = run(db, "contradictions")
    assert code == 0 and out.startswith("affirmed_and_denied: Taliban allied_with al-Qaeda")
    assert "Zabihullah Mujahid" in out and "UN monitoring team" in out
    code, out, _ = run(db, "quantities", "al-Qaeda", "--measure", "fighters")
    assert code == 0 and out.startswith("al-Qaeda fighters: 1 estimate(s)")
    code, out, _ = run(db, "metrics")
    assert code == 0 and "blocs:" in out and "wedge ties" in out
    code, out, _ = run(db, "timeline", "al-Qaeda", "Taliban")
    assert code == 0 and "tie stated first" in out
    code, out, _ = run(db, "changes", "--from", "2016", "--to", "2018")
    assert code == 0 and "appeared" in out
    code, out, _ = run(db, "trend", "al-Qaeda", "Taliban", "--from", "2015", "--to", "2016")
    assert code == 0 and out.startswith("stronger:")


def test_cli_errors_name_the_bad_value_and_keep_the_store(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    with Store.open(db) as store:
        _alliance(store)
    code, _, err = run(db, "ties", "Hezbollah")
    assert code == 1 and "unknown actor: 'Hezbollah'" in err
    code, _, err = run(db, "brief", "al-Qaeda", "Taliban", "--as-of", "yesterday")
    assert code == 1 and "'yesterday'" in err
    with Store.open(db) as store:
        assert store.counts()["facts"] == 18
