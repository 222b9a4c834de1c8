"""The public static site: published events, the institutions registry, published
reports, archived copies of cited sources, search (Pagefind), feeds and sitemap.

A pipeline: ``load.py`` reads the published data (I/O) into ``data.SiteData``;
``pages.py`` says which pages exist and what each shows (pure; a ``page.Page`` each,
the scorecard and the institutions' timelines from ``scorecard.py``); ``render.py``
turns a page into HTML with the templates in ``templates/``; ``write.py`` writes only
what changed (a manifest of content keys); ``feeds.py`` and ``jsonld.py`` make the
sitemap, the Atom feeds and the schema.org data; ``search.py`` runs Pagefind;
``build.py`` runs the pipeline.
"""
