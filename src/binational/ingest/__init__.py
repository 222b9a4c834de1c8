"""Watching official sources: fetch, archive, extract, deduplicate, score, queue.

The pipeline is laid out as modules, one step each: ``sources`` (what to watch),
``robots`` and ``fetch`` (polite HTTP), ``archive`` (raw responses as WARC),
``feeds`` (RSS, Atom, sitemaps, listing pages), ``extract``, ``canonical`` and
``language`` (text, title, date, URL, language), ``dedup`` (exact and near-duplicate
clusters), ``relevance`` (score and reasons), ``clusters`` (documents and candidates
in the database), ``pipeline`` (one run) and ``queue`` (the analyst's candidate queue).
"""
