"""Intake, beside the pipeline: web forms, the intake service and the Excel batch path.

* :mod:`.forms` / :mod:`.formdata` — the two forms and their data (``render_forms`` for the site);
* :mod:`.canonical` — the canonical file shape and the form rules taken from the JSON Schemas;
* :mod:`.core` — check a submitted file with the validator and commit it on a new branch;
* :mod:`.gitops` — branches built from Git objects, pushes, pending pushes, the receipt log;
* :mod:`.service` — the Starlette application (``create_app``); :mod:`.accounts` — officers;
* :mod:`.batch` — the Excel template and the import; :mod:`.sheets` — the bounds on untrusted
  workbooks and CSV files (archive checks, streamed sheets, numbers); :mod:`.hosts` — Git host links
  and pull requests;
* :mod:`.commands` — ``kinerja intake …``. The deployment guide is ``docs/intake.md``.
"""
