"""The promotional website: alliance YAML → Markdown pages → MkDocs (Material) → ``site/<id>/``.

The pipeline is visible in the module names:

- ``privacy``  — the public view of an alliance (default-deny: only public fields pass);
- ``dates``    — honest page dates from content and source-file history, never the build time;
- ``text``     — Markdown rendering and HTML sanitising (nh3), escaping, media links;
- ``pages/``   — one module per page family, each returning :class:`~.model.Page` objects;
- ``generate`` — writes both languages' docs, media, feeds and ``mkdocs.yml`` into a build folder;
- ``backend``  — runs MkDocs on such a folder (the only module that imports MkDocs);
- ``pipeline`` — fingerprints, parallel workers, the atomic swap into ``site/``;
- ``portal``   — ``site/index.html`` and the per-alliance language redirect.

MkDocs hooks (``hooks``) and the Markdown sanitiser extension (``safehtml``) stay thin.
"""
