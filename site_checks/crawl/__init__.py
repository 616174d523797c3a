"""The crawl: LinkChecker 10.6 driven in-process, one worker process per site.

``pool`` (parent side) starts and supervises workers; ``worker`` (child side) prepares the
process and runs ``linkcheck_glue``, whose queue, cache, logger and plugins feed a
``collector``; ``retry`` gives unverified links a second chance; ``externals`` shares external
results between workers so that each external URL is asked once per run; ``linkfinder``
finds links as browsers fetch them (LinkChecker's parser, extended); ``scope`` draws the
site's borders (followed, checked only, not checked).
"""
