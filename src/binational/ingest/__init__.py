"""Watching official sources: fetch, archive, extract, deduplicate, score, queue.

The pipeline is laid out as modules, one step each: ``sources`` (what to watch),
``guard`` and ``transport`` (which addresses may be reached, and reaching only
those), ``client``, ``body``, ``politeness``, ``robots`` and ``fetch`` (polite,
bounded HTTP), ``fetch_states`` (what is remembered of each URL between runs),
``archive`` (raw responses as WARC), ``feeds`` (RSS, Atom, sitemaps, listing pages),
``extract`` and ``canonical`` (text, title, date, URL; the language from
``binational.language``),
``dedup`` (exact and near-duplicate clusters), ``relevance`` (score and reasons),
``clusters`` (documents and candidates in the database), ``steps`` (poll a source,
process a page, store a document: what a run does, and what the job queue's workers
do as jobs, ``binational.jobs``), ``pipeline`` (one run in process, reported by
``run_summary``) and ``queue`` (the analyst's candidate queue).
"""
