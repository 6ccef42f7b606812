"""The web page and JSON API over the same library functions as the CLI (``alliancegraph serve``).

>>> from alliancegraph.web import create_app   # doctest: +SKIP
>>> app = create_app("ag.db", token="s3cret")   # doctest: +SKIP
"""

from .app import create_app

__all__ = ["create_app"]
