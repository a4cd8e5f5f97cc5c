"""Do the explainer links land? `trialscape check-links` asks each one, where there is internet.

A link that answers 2xx (after redirects) is fine; 4xx/5xx is broken; no answer at all is
"unreachable", and when nothing answers the check says plainly that it could not run (this
machine may have no internet), instead of calling every link broken.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from trialscape import settings


@dataclass(frozen=True)
class LinkStatus:
    url: str
    status: int | None  # None: no answer
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


def check_links(urls: list[str], timeout: float = 10.0) -> list[LinkStatus]:
    out = []
    with httpx.Client(timeout=timeout, follow_redirects=True,
                      headers={"User-Agent": settings.USER_AGENT}) as client:
        for url in dict.fromkeys(urls):
            try:
                response = client.head(url)
                if response.status_code in (405, 501):  # some sites answer only GET
                    response = client.get(url)
                out.append(LinkStatus(url, response.status_code))
            except httpx.HTTPError as err:
                out.append(LinkStatus(url, None, f"{type(err).__name__}: {err}"[:200]))
    return out
