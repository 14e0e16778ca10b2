"""History (from Git) and the staff-only pages: employees' SKP pages and monitoring.

A public build shows of the history only what the site derives itself: the date, the unit, the kind of
file changed (an employee's file by the position it belongs to), the number of approvals, the commit id
and the flag for a target changed after its period started. Commit subjects and bodies, author names and
trailer values are free text anyone can write, so they are never shown there. Staff builds show them,
with the author by name.
"""

from __future__ import annotations

import datetime as dt

from .. import model as m
from ..score import output as out
from . import context as c
from . import escape as esc
from .context import Cx
from .history import Commit, FileChange, Flag
from .pages import facts, heading, para
from .pages_info import pre
from .privacy import bare_name

LOG_LIMIT = 200


# --- who ------------------------------------------------------------------------------------------------------
def people_index(province: m.Province) -> dict[str, m.Employee]:
    """Lookup of Git identities: e-mail, Git handle and (bare) name, lowercased."""
    index: dict[str, m.Employee] = {}
    for employee in province.employees.values():
        for key in (employee.email, employee.git, employee.name, bare_name(employee.name)):
            if key:
                index.setdefault(key.strip().lower(), employee)
    return index


def position_on(province: m.Province, employee: m.Employee, day: dt.date) -> m.Position | None:
    chosen = None
    for assignment in sorted(employee.assignments, key=lambda a: a.start or dt.date.min):
        if assignment.overlaps(day, day) or chosen is None:
            chosen = province.positions.get(assignment.position) or chosen
    return chosen


def who(cx: Cx, name: str, email: str, day: dt.date) -> str:
    province = cx.site.province
    index = cx.site.__dict__.get("_people")
    if index is None:
        index = cx.site.__dict__["_people"] = people_index(province)
    employee = index.get(email.strip().lower()) or index.get(name.strip().lower()) \
        or index.get(email.split("@")[0].strip().lower())
    if employee is None:
        return cx.t(name)
    if cx.site.privacy.people:
        return esc.text(employee.name)
    position = position_on(province, employee, day)
    return cx.w("who.position", title=cx.t(position.title)) if position else cx.w("who.unknown")


def subject_of(cx: Cx, employee_id: str, period: str | None) -> str:
    """An employee named in a file path, as this build may name them."""
    province = cx.site.province
    employee = province.employees.get(employee_id)
    if cx.site.privacy.people:
        return esc.text(employee.name if employee else employee_id)
    contract = province.contracts.get((employee_id, period or ""))
    position = province.positions.get(contract.position) if contract else None
    if position is None and employee is not None and employee.assignments:
        position = province.positions.get(employee.assignments[-1].position)
    return cx.w("who.position", title=cx.t(position.title)) if position else cx.w("who.unknown")


def describe(cx: Cx, change: FileChange) -> str:
    keys = change.keys
    kind = change.kind
    status = cx.w(f"hist.status.{change.status}") if change.status in "AMD" else esc.text(change.status)
    period = cx.t(keys.get("period", ""))
    if kind in ("assessment", "appeal") and not cx.site.privacy.people:
        text = cx.w("hist.private_file")
    elif kind in ("contract", "realisation", "assessment", "appeal"):
        text = cx.w(f"file.{kind}", who=subject_of(cx, keys.get("employee", ""), keys.get("period")), period=period,
                    reporting_period=cx.t(keys.get("reporting_period", "")))
    elif kind in ("agreement", "agreement-realisation", "positions", "employees"):
        text = cx.w(f"file.{kind}", period=period)
    elif cx.site.privacy.people:
        text = cx.w("file.other", path=f"<code>{esc.text(change.path)}</code>")
    else:  # a path outside the layout may hold anything (an old employee's id, say): not shown
        text = cx.w("file.other_public")
    return f"{text} <span class=\"kj-muted\">({status})</span>"


def approvals(cx: Cx, commit: Commit) -> str:
    items = [f"{esc.text(key)}: {who(cx, value.split('<')[0].strip(), value.split('<')[-1].rstrip('>') if '<' in value else '', commit.committed.date())}"
             for key, value in commit.trailers]
    return "<br>".join(items) or "-"


SHOWN_FILES = 8  # files named per commit in a history table; the rest are counted


def _files_cell(cx: Cx, commit: Commit, unit: str | None) -> str:
    """The files a commit touched (of ``unit``, or all), described by kind; the rest counted."""
    files, count = commit.files_of(unit)
    # An import commit can touch every file of the province: describe only what is shown.
    described: list[str] = []
    used = 0
    for change in files:
        if len(described) == SHOWN_FILES:
            break
        used += 1
        text = describe(cx, change)
        if text not in described:
            described.append(text)
    more = count - used
    return "<br>".join(sorted(described)) + (f"<br>… (+{more})" if more else "") or "-"


def log_table(cx: Cx, commits: list[Commit], unit: str | None) -> str:
    public = not cx.site.privacy.people
    rows = []
    for commit in commits[:LOG_LIMIT]:
        flagged = any(f.file.keys.get("unit") == unit or unit is None for f in commit.flags)
        badge = f' <span class="kj-flag">⚑ {cx.w("hist.flag_badge")}</span>' if flagged else ""
        sha = f'<code class="kj-muted">{esc.text(commit.short)}</code>'
        date = esc.cell(cx.date(commit.authored), key="date")
        if public:
            rows.append([date, _files_cell(cx, commit, unit),
                         esc.cell(str(len(commit.trailers)), numeric=True, key="approvals"), sha + badge])
        else:
            rows.append([date, who(cx, commit.author, commit.email, commit.committed.date()),
                         f"{cx.t(commit.subject)}{badge} {sha}", _files_cell(cx, commit, unit),
                         approvals(cx, commit)])
    if public:
        headers = [cx.W("col.date"), cx.W("col.files"), cx.W("col.approval_count"), cx.W("col.commit")]
    else:
        headers = [cx.W("col.date"), cx.W("col.author"), cx.W("col.message"), cx.W("col.files"),
                   cx.W("col.approvals")]
    table = esc.table(headers, rows, cls="kj-table kj-log")
    return esc.block(f"<div data-search-exclude>{table}</div>")


def flag_block(cx: Cx, commit: Commit, flag: Flag) -> str:
    common = dict(file=describe(cx, flag.file), date=cx.date(commit.committed), period=esc.text(flag.period),
                  start=cx.date(flag.period_start))
    if cx.site.privacy.people:
        line = cx.w("hist.flag_line", who=who(cx, commit.author, commit.email, commit.committed.date()), **common)
        message = f"<p>{cx.t(commit.subject)} <code>{esc.text(commit.short)}</code></p>"
    else:  # the target's old and new text are data (scrubbed); the commit's words are not shown
        line = cx.w("hist.flag_line_public", **common)
        message = f"<p><code>{esc.text(commit.short)}</code></p>"
    rows = [[cx.t(ch.what), cx.t(ch.old) if ch.old is not None else f"<em>{cx.w('hist.added')}</em>",
             cx.t(ch.new) if ch.new is not None else f"<em>{cx.w('hist.removed')}</em>"] for ch in flag.changes]
    table = esc.table([cx.W("col.what"), cx.W("col.old"), cx.W("col.new")], rows)
    return esc.block(f'<div class="admonition warning kj-flagged"><p class="admonition-title">⚑ {line}</p>'
                     f"{message}{table}</div>")


def unit_history(cx: Cx, unit_id: str) -> list[str]:
    """The history section of a unit page."""
    history = cx.site.history
    parts = [f"## {cx.w('hist.title')} {{#history}}\n"]
    if not history.available:
        return parts + [para(cx.w("hist.unavailable"))]
    commits = history.by_unit.get(unit_id, [])
    if not commits:
        return parts + [para(cx.w("hist.none"))]
    flags = history.flags_of(unit_id)
    parts.append(f"### {cx.w('hist.flags')} {{#history-flags}}\n")
    if flags:
        parts.extend(flag_block(cx, commit, flag) for commit, flag in flags)
    else:
        parts.append(para(cx.w("hist.no_flags")))
    parts.append(f"### {cx.w('hist.log')} {{#history-log}}\n")
    parts.append(log_table(cx, commits, unit_id))
    return parts


def history_index(cx: Cx) -> str:
    site = cx.site
    history = site.history
    parts = heading(cx, cx.w("hist.title"))
    parts.append(para(cx.w("hist.intro" if site.privacy.people else "hist.intro_public")))
    if not history.available:
        return "\n".join(parts + [para(cx.w("hist.unavailable"))])
    flags = [(commit, flag) for commit in history.commits for flag in commit.flags]
    parts.append(f"## {cx.w('hist.flags')} {{#flags}}\n")
    if flags:
        parts.extend(flag_block(cx, commit, flag) for commit, flag in flags)
    else:
        parts.append(para(cx.w("hist.no_flags")))
    parts.append(f"## {cx.w('nav.units')} {{#units}}\n")
    current = site.current.id if site.current else ""
    rows = []
    for unit in sorted(site.province.units.values(), key=lambda u: (u.name.lower(), u.id)):
        commits = history.by_unit.get(unit.id, [])
        flagged = len(history.flags_of(unit.id))
        rows.append([cx.a(c.unit_page(unit.id, current, current), cx.t(unit.name), anchor="history"),
                     esc.cell(str(len(commits)), numeric=True), esc.cell(str(flagged), numeric=True),
                     cx.date(commits[0].authored) if commits else "-"])
    parts.append(esc.block(esc.table([cx.W("col.unit"), cx.W("hist.changes_count"), cx.W("hist.flags_count"),
                                      cx.W("hist.last")], rows)))
    parts.append(f"## {cx.w('hist.log')} {{#log}}\n")
    parts.append(log_table(cx, history.commits, None))
    return "\n".join(p for p in parts if p)


# --- staff: employees -----------------------------------------------------------------------------------------
def people(cx: Cx) -> str:
    site = cx.site
    province = site.province
    parts = heading(cx, cx.w("emp.list"))
    for period in site.periods():
        parts.append(f"## {cx.ti(period.name)} {{#period-{period.id}}}\n")
        rows = []
        for (employee_id, period_id), result in sorted(site.run.employees.items(),
                                                       key=lambda kv: (kv[1].unit, kv[0][0])):
            if period_id != period.id:
                continue
            employee = province.employees.get(employee_id)
            position = province.positions.get(result.position)
            rows.append([cx.a(c.employee_page(employee_id, period_id), esc.text(employee.name if employee else employee_id)),
                         esc.text(site.privacy.nip(employee) or "") if employee else "",
                         cx.t(position.title if position else result.position), cx.unit_link(result.unit, period_id),
                         cx.predikat(result.predikat), cx.status(result.status)])
        parts.append(esc.block(esc.table([cx.W("col.name"), cx.W("col.nip"), cx.W("col.position"), cx.W("col.unit"),
                                          cx.W("col.predikat"), cx.W("col.status")], rows)))
    return "\n".join(p for p in parts if p)


def _person(cx: Cx, employee: m.Employee | None, position: m.Position | None) -> tuple[str, str, str]:
    if employee is None:
        return "-", "-", cx.t(position.title) if position else "-"
    return (esc.text(employee.name), esc.text(cx.site.privacy.nip(employee) or "-"),
            cx.t(position.title) if position else "-")


def employee(cx: Cx, employee_id: str, period_id: str) -> str:
    site = cx.site
    province = site.province
    period = province.periods[period_id]
    contract = province.contracts[(employee_id, period_id)]
    person = province.employees.get(employee_id)
    position = province.positions.get(contract.position)
    result = site.run.employees.get((employee_id, period_id))
    assessor = province.employees.get(contract.assessor) if contract.assessor else \
        province.superior(contract.position, period)
    assessor_position = None
    if assessor is not None:
        assessor_position = position_on(province, assessor, period.end)
    parts = heading(cx, cx.title(cx.W("emp.title", name=person.name if person else employee_id, period=period.name)))
    parts.append(para(f'<strong>{cx.w("emp.form")}</strong> · {cx.t(period.name)} · {cx.regime(period.regime)}',
                      "kj-form-title"))
    mine = _person(cx, person, position)
    theirs = _person(cx, assessor, assessor_position)
    rows = "".join(f'<tr><th scope="row">{label}</th><td>{a}</td><td>{b}</td></tr>'
                   for label, a, b in ((cx.w("col.name"), mine[0], theirs[0]), (cx.w("col.nip"), mine[1], theirs[1]),
                                       (cx.w("col.position"), mine[2], theirs[2]),
                                       (cx.w("emp.unit"), cx.unit_link(contract.unit, period_id),
                                        cx.unit_link(assessor_position.unit, period_id) if assessor_position else "-")))
    parts.append(esc.block(f'<div class="kj-scroll"><table class="kj-form"><thead><tr><th></th>'
                           f'<th scope="col">{cx.w("emp.employee")}</th><th scope="col">{cx.w("emp.assessor")}</th>'
                           f"</tr></thead><tbody>{rows}</tbody></table></div>"))
    parts.append(facts([(cx.w("emp.status"), cx.status(contract.status), "status"),
                        (cx.w("emp.approved_on"), cx.date(contract.approved_on), "approved")]))
    parts.append(f"## {cx.w('emp.targets')} {{#targets}}\n")
    rows_: list[list[str]] = []
    for number, target in enumerate(contract.targets, start=1):
        category = cx.w(f"emp.category.{target.category}") if target.category in ("main", "additional") else \
            esc.text(target.category)
        indicators = "<br>".join(f"{cx.t(i.text)}: {cx.num(i.target.value) if i.target.value is not None else cx.t(i.target.show())} "
                                 f"{cx.t(i.unit)}" for i in target.indicators)
        if not indicators:
            aspects = []
            if target.quantity is not None:
                aspects.append(f"{cx.num(target.quantity.target)} {cx.t(target.quantity.unit or '')}")
            if target.quality is not None:
                aspects.append(f"{cx.num(target.quality)}%")
            if target.time is not None:
                aspects.append(f"{cx.num(target.time.target)} {cx.t(target.time.unit or '')}")
            indicators = " · ".join(aspects)
        rows_.append([str(number), f"{cx.t(target.text)} <span class=\"kj-muted\">({category})</span>",
                      indicators or "-"])
    parts.append(esc.block(esc.table(["No", cx.W("col.target_text"), cx.W("col.indicator") + " / " + cx.W("col.target")],
                                     rows_, cls="kj-table kj-form-table")))
    parts.append(f"## {cx.w('emp.realisations')} {{#realisations}}\n")
    records = province.realisations_of(employee_id, period_id)
    if not records:
        parts.append(para(cx.w("emp.no_realisations")))
    else:
        rows_ = []
        for record in sorted(records, key=lambda r: r.reporting_period):
            for entry in record.entries:
                value = entry.value if entry.value is not None else entry.value_text
                if value is None and entry.quantity is not None:
                    value = " / ".join(str(v) for v in (entry.quantity, entry.quality, entry.time, entry.cost) if v is not None)
                shown = cx.num(value) if value is not None and not isinstance(value, str) else cx.t(value or "")
                if entry.not_available:
                    shown = f"<em>{cx.t(entry.not_available)}</em>"
                evidence = "<br>".join(esc.data_link(e.url, e.title) for e in entry.evidence) or "-"
                rows_.append([esc.text(record.reporting_period), esc.text(f"{entry.target}/{entry.indicator or '-'}"),
                              shown or "-", evidence, cx.t(entry.note or "")])
        parts.append(esc.block(esc.table([cx.W("col.reporting_period"), cx.W("col.indicator"), cx.W("col.value"),
                                          cx.W("col.evidence"), cx.W("col.note")], rows_)))
    parts.extend(assessment_section(cx, employee_id, period_id, result))
    parts.extend(appeal_section(cx, employee_id, period_id))
    parts.extend(contract_history(cx, contract))
    if result is not None:
        parts.append(f"## {cx.w('emp.explanation')} {{#explanation}}\n")
        parts.append(esc.block(pre(out.explanation(province, result, cx.lang))))
    parts.append(f"## {cx.w('emp.signatures')} {{#signatures}}\n")
    parts.append(esc.block(f'<div class="kj-signatures"><div><p>{cx.w("emp.sign_assessor")}</p><p class="kj-sign-line">'
                           f'{theirs[0]}<br>NIP {theirs[1]}</p></div><div><p>{cx.w("emp.sign_employee")}</p>'
                           f'<p class="kj-sign-line">{mine[0]}<br>NIP {mine[1]}</p></div></div>'))
    return "\n".join(p for p in parts if p)


def contract_history(cx: Cx, contract: m.Contract) -> list[str]:
    """The change log of one SKP file (staff pages)."""
    history = cx.site.history
    parts = [f"## {cx.w('emp.history')} {{#history}}\n"]
    if not history.available:
        return parts + [para(cx.w("hist.unavailable"))]

    def mine(change: FileChange) -> bool:
        return change.kind == "contract" and change.keys.get("employee") == contract.employee \
            and change.keys.get("period") == contract.period

    commits = [commit for commit in history.by_unit.get(contract.unit, [])
               if (contract.employee, contract.period) in commit.contracts]
    if not commits:
        return parts + [para(cx.w("hist.none"))]
    parts.extend(flag_block(cx, commit, flag) for commit in commits for flag in commit.flags if mine(flag.file))
    parts.append(log_table(cx, commits, contract.unit))
    return parts


def assessment_section(cx: Cx, employee_id: str, period_id: str, result: object) -> list[str]:
    province = cx.site.province
    parts = [f"## {cx.w('emp.assessment')} {{#assessment}}\n"]
    assessment = province.assessments.get((employee_id, period_id))
    if result is not None:
        parts.append(para(cx.w("emp.result", predikat=cx.predikat(getattr(result, "predikat", None)),
                               status=cx.status(getattr(result, "status", None)))))
    if assessment is None:
        return parts + [para(cx.w("emp.no_assessment"))]
    rows = [(cx.w("col.date"), cx.date(assessment.date), "date")]
    if assessment.results:
        rows.append((cx.w("col.results"), esc.text(assessment.results), "results"))
    if assessment.behaviour_rating:
        rows.append((cx.w("col.behaviour"), esc.text(assessment.behaviour_rating), "behaviour"))
    parts.append(facts(rows))
    if assessment.periodic:
        periodic = [[esc.text(p.reporting_period), esc.text(p.results), esc.text(p.behaviour), cx.t(p.feedback or "")]
                    for p in assessment.periodic]
        parts.append(f"### {cx.w('emp.periodic')} {{#periodic}}\n")
        parts.append(esc.block(esc.table([cx.W("col.reporting_period"), cx.W("col.results"), cx.W("col.behaviour"),
                                          cx.W("emp.feedback")], periodic)))
    if assessment.behaviour:
        rows_ = [[esc.text(k), esc.text(v)] for k, v in sorted(assessment.behaviour.items())]
        parts.append(esc.block(esc.table([cx.W("col.aspect"), cx.W("col.value")], rows_)))
    if assessment.feedback:
        parts.append(para(f"<strong>{cx.w('emp.feedback')}:</strong> {cx.t(assessment.feedback)}"))
    return parts


def appeal_section(cx: Cx, employee_id: str, period_id: str) -> list[str]:
    appeal = cx.site.province.appeals.get((employee_id, period_id))
    parts = [f"## {cx.w('emp.appeal')} {{#appeal}}\n"]
    if appeal is None:
        return parts + [para(cx.w("emp.no_appeal"))]
    parts.append(para(cx.w("emp.appeal_text", filed=cx.date(appeal.filed), decision=cx.status(appeal.decision),
                           decided_on=cx.date(appeal.decided_on))))
    parts.append(para(f"<strong>{cx.w('emp.reasons')}:</strong> {cx.t(appeal.reasons)}"))
    if appeal.decision_reasons:
        parts.append(para(f"<strong>{cx.w('emp.decision_reasons')}:</strong> {cx.t(appeal.decision_reasons)}"))
    return parts


# --- staff: monitoring ----------------------------------------------------------------------------------------
def monitoring(cx: Cx) -> str:
    site = cx.site
    province = site.province
    parts = heading(cx, cx.w("mon.title"))
    parts.append(para(cx.w("mon.intro", today=cx.date(site.today))))
    period = site.current
    if period is None:
        return "\n".join(parts)
    due = [label for label in period.reporting_periods() if m.reporting_period_bounds(label)[1] < site.today]
    missing_rows, unassessed, no_contract = [], [], []
    for employee in sorted(province.employees.values(), key=lambda e: (e.unit, e.name)):
        positions = employee.positions_during(period.start, period.end)
        if not positions:
            continue
        position = province.positions.get(positions[-1])
        unit_id = position.unit if position else employee.unit
        name = esc.text(employee.name)
        contract = province.contracts.get((employee.id, period.id))
        if contract is None:
            no_contract.append([name, cx.t(position.title if position else "-"), cx.unit_link(unit_id)])
            continue
        link = cx.a(c.employee_page(employee.id, period.id), name)
        reported = {r.reporting_period for r in province.realisations_of(employee.id, period.id)}
        missing = [label for label in due if label not in reported]
        if missing:
            missing_rows.append([link, cx.t(position.title if position else "-"), cx.unit_link(unit_id),
                                 esc.cell(str(len(missing)), numeric=True), esc.text(", ".join(missing))])
        if (employee.id, period.id) not in province.assessments:
            unassessed.append([link, cx.t(position.title if position else "-"), cx.unit_link(unit_id)])
    header = [cx.W("col.name"), cx.W("col.position"), cx.W("col.unit")]
    parts.append(f"## {cx.w('mon.realisations')} {{#realisations}}\n")
    parts.append(esc.block(esc.table(header + [cx.W("col.count"), cx.W("col.missing")], missing_rows))
                 if missing_rows else para(cx.w("mon.all_done")))
    parts.append(f"## {cx.w('mon.assessments')} {{#assessments}}\n")
    parts.append(esc.block(esc.table(header, unassessed)) if unassessed else para(cx.w("mon.all_done")))
    parts.append(f"## {cx.w('mon.no_contract')} {{#no-contract}}\n")
    parts.append(esc.block(esc.table(header, no_contract)) if no_contract else para(cx.w("mon.all_done")))
    return "\n".join(p for p in parts if p)
