"""The job queue on PostgreSQL (procrastinate): ingestion, report and site builds and
archive checks as jobs run by ``binational worker`` processes on any number of
machines sharing one database.

- ``app.py``: the procrastinate app of a settings (connector, tasks, retries);
- ``failures.py``: how a job fails (for good or for now), its retry schedule, and
  the record of each failed attempt's error;
- ``politeness.py``: the per-host request spacing every worker shares, in the database;
- ``resources.py``: what a worker process opens once for its jobs (database, HTTP
  client, archive, analyzer, the ingest steps);
- ``ingest_tasks.py``: poll a source, process a page, schedule due sources, retry
  the jobs of a worker that stopped answering;
- ``build_tasks.py``: build a report file or the site, re-check archived citations;
- ``report_builds.py``: the web app's report downloads as build jobs, or built in a
  thread within a time limit without a queue;
- ``sources.py``: the sources file synchronized into the database;
- ``status.py``: the queue as ``binational jobs`` and the admin page show it.

With SQLite there is no queue: ``binational ingest`` runs the same steps
(``ingest/steps.py``) in process.
"""
