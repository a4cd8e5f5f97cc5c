"""The ClinicalTrials.gov API v2 client: polite pacing, bounded retries, pages as parsed JSON.

The only module that speaks HTTP. Protocol facts it relies on (../shared/research/ctgov_api.md):
`fields` is a strict allow-list, `nextPageToken` goes back as `pageToken` with every other
parameter repeated exactly, unknown parameters are answered 400, and no rate limit is documented,
so we pace ourselves (one request per second by default) and back off on 429 / 5xx / dropped or
truncated answers.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
import orjson

from trialscape import settings

# Everything normalise() reads, by module or piece name. Whole modules where we use most of
# them; pieces where a module also carries what we neither need nor want (contacts, long text).
FIELDS = (
    "IdentificationModule", "StatusModule", "SponsorCollaboratorsModule", "ConditionsModule",
    "DesignModule", "ArmsInterventionsModule", "BriefSummary",
    "LocationFacility", "LocationCity", "LocationState", "LocationCountry", "LocationGeoPoint",
    "LocationStatus", "ConditionBrowseModule", "InterventionBrowseModule", "HasResults",
)
MAX_PAGE_SIZE = 1000
MAX_RETRY_AFTER = 300.0  # seconds; a longer Retry-After is treated as "come back later"


class ApiError(RuntimeError):
    """The API refused a request, or kept failing until the retry budget ran out."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 8  # tries per request, the first included
    backoff: float = 2.0  # seconds before the first retry; doubles each time, with jitter
    max_delay: float = 120.0
    budget: float = 900.0  # seconds of waiting per request before giving up

    def delay(self, attempt: int, rng: random.Random) -> float:
        """Exponential backoff with 'equal jitter': half fixed, half random, so clients spread."""
        base = min(self.max_delay, self.backoff * 2 ** (attempt - 1))
        return float(base / 2 + rng.uniform(0, base / 2))


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


class ApiClient:
    def __init__(
        self,
        base_url: str | None = None,
        *,
        rate: float = 1.0,
        timeout: float = 60.0,
        retry: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        on_retry: Callable[[str], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        seed: int | None = None,
    ) -> None:
        self.base_url = settings.api_url(base_url)
        self.min_interval = 1.0 / rate if rate > 0 else 0.0
        self.retry = retry or RetryPolicy()
        self.on_retry = on_retry or (lambda _msg: None)
        self.sleep = sleep
        self.rng = random.Random(seed)
        self._last_request = float("-inf")
        self.client = httpx.Client(
            base_url=self.base_url, timeout=httpx.Timeout(timeout), transport=transport,
            headers={"User-Agent": settings.USER_AGENT, "Accept": "application/json"},
            follow_redirects=True,
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def version(self) -> dict[str, str]:
        """`/version`: apiVersion and dataTimestamp (when the registry's data was refreshed).
        The spec lets dataTimestamp be absent: then it is "" and the caller says so."""
        doc = self.get_json("/version", {})
        if not isinstance(doc, dict):
            raise ApiError(f"{self.base_url}/version did not return a JSON object")
        stamp = doc.get("dataTimestamp")
        return {"apiVersion": str(doc.get("apiVersion", "")),
                "dataTimestamp": stamp if isinstance(stamp, str) else ""}

    def unknown_fields(self, fields: tuple[str, ...] = ()) -> str | None:
        """Check, before downloading, that the registry still knows every name in `fields`
        (`/studies/metadata`); one line naming the unknown ones, or None. When the server
        offers no metadata the check is skipped: the first page's 400 would say it anyway."""
        wanted = fields or FIELDS
        try:
            doc = self.get_json("/studies/metadata", {})
        except ApiError as err:
            if err.status in (400, 404):
                return None
            raise
        known: set[str] = set()
        stack = list(doc) if isinstance(doc, list) else []
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                for key in ("piece", "name"):
                    if isinstance(node.get(key), str):
                        known.add(node[key])
                stack.extend(node.get("children") or [])
        missing = [f for f in wanted if f not in known]
        if known and missing:
            return (f"the registry no longer knows the field(s) {', '.join(missing)} that "
                    "trialscape asks for (/studies/metadata); nothing was downloaded. A newer "
                    "trialscape will know the new names")
        return None

    def studies_page(self, params: Mapping[str, str]) -> dict[str, Any]:
        """One page of `/studies`: {"studies": [...], "nextPageToken"?, "totalCount"?}."""
        page: dict[str, Any] = self.get_json("/studies", params, _check_page)
        return page

    def get_json(self, path: str, params: Mapping[str, str],
                 check: Callable[[Any], str | None] | None = None) -> Any:
        """GET with pacing and retries; returns the parsed body or raises ApiError."""
        started = time.monotonic()
        for attempt in range(1, self.retry.attempts + 1):
            wait: float | None = None
            problem: str | None
            self._pace()
            try:
                response = self.client.get(path, params=dict(params))
            except httpx.TimeoutException:
                problem = "timed out"
            except httpx.RequestError as err:  # refused, reset, dropped, truncated body
                problem = f"connection failed ({type(err).__name__}: {err})"
            else:
                status = response.status_code
                if status == 200:
                    try:
                        doc = orjson.loads(response.content)
                    except orjson.JSONDecodeError:
                        problem = "invalid or truncated JSON"
                    else:
                        problem = check(doc) if check else None
                        if problem is None:
                            return doc
                elif status == 429 or status >= 500:
                    problem = f"HTTP {status}"
                    wait = retry_after_seconds(response.headers.get("Retry-After"))
                    if wait is not None and wait > MAX_RETRY_AFTER:
                        raise ApiError(f"{path}: HTTP {status}, asked to come back in "
                                       f"{wait:.0f} s", status)
                elif status == 403:
                    raise ApiError(
                        f"{path}: HTTP 403 Forbidden: the registry (or the content network in "
                        "front of it) refused this client. Some networks are blocked from the "
                        "API; the way round it is to download ctg-studies.json.zip from the "
                        "registry's website (Download, JSON) and `trialscape import` it", status)
                else:
                    text = " ".join(response.text.split())[:200]
                    raise ApiError(f"{path}: HTTP {status}: {text}", status)
            delay = wait if wait is not None else self.retry.delay(attempt, self.rng)
            spent = time.monotonic() - started
            if attempt == self.retry.attempts or spent + delay > self.retry.budget:
                raise ApiError(f"{path}: {problem}; gave up after {attempt} attempts in "
                               f"{spent:.0f} s")
            self.on_retry(f"{path}: {problem}; retry {attempt} of {self.retry.attempts - 1} "
                          f"in {delay:.1f} s")
            self.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    def _pace(self) -> None:
        now = time.monotonic()
        gap = self._last_request + self.min_interval - now
        if gap > 0:
            self.sleep(gap)
        self._last_request = time.monotonic()


def _check_page(doc: Any) -> str | None:
    if not isinstance(doc, dict) or not isinstance(doc.get("studies"), list):
        return "a page without a studies list"
    token = doc.get("nextPageToken")
    if token is not None and not isinstance(token, str):
        return "a page with a malformed nextPageToken"
    return None
