"""A local stand-in for the ClinicalTrials.gov API v2, on 127.0.0.1, for tests and benchmarks.

It serves real study records and keeps the protocol facts our client depends on: `fields` as a
strict allow-list, opaque page tokens that only work with the parameters they were issued for,
400 for unknown parameters, `filter.advanced` with LastUpdatePostDate ranges and StudyType terms,
`totalCount` on the first page only, `/studies/metadata` naming the fields it serves. Faults are
injected per request: 429 with Retry-After, 503, 403 (as a CDN answers a blocked client), a
dropped connection, a truncated body, broken JSON and slow answers; and per registry: page
tokens that run in a circle, a totalCount that does not match, a /version without
dataTimestamp, and `after_page`, a hook that can change the data in the middle of a download.
"""

from __future__ import annotations

import copy
import re
import secrets
import socket
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import orjson

P, S, D = "protocolSection", "statusModule", "derivedSection"
LOC = (P, "contactsLocationsModule", "locations", "*")
FIELD_PATHS: dict[str, tuple[str, ...]] = {
    "NCTId": (P, "identificationModule", "nctId"),
    "IdentificationModule": (P, "identificationModule"),
    "StatusModule": (P, S),
    "SponsorCollaboratorsModule": (P, "sponsorCollaboratorsModule"),
    "ConditionsModule": (P, "conditionsModule"),
    "DesignModule": (P, "designModule"),
    "ArmsInterventionsModule": (P, "armsInterventionsModule"),
    "DescriptionModule": (P, "descriptionModule"),
    "BriefSummary": (P, "descriptionModule", "briefSummary"),
    "ContactsLocationsModule": (P, "contactsLocationsModule"),
    "LocationFacility": (*LOC, "facility"),
    "LocationCity": (*LOC, "city"),
    "LocationState": (*LOC, "state"),
    "LocationCountry": (*LOC, "country"),
    "LocationGeoPoint": (*LOC, "geoPoint"),
    "LocationStatus": (*LOC, "status"),
    "LastUpdatePostDate": (P, S, "lastUpdatePostDateStruct"),
    "DerivedSection": (D,),
    "ConditionBrowseModule": (D, "conditionBrowseModule"),
    "InterventionBrowseModule": (D, "interventionBrowseModule"),
    "HasResults": ("hasResults",),
}
KNOWN_PARAMS = {"format", "markupFormat", "query.cond", "query.term", "query.locn",
                "query.titles", "query.intr", "query.outc", "query.spons", "query.lead",
                "query.id", "query.patient", "filter.overallStatus", "filter.geo", "filter.ids",
                "filter.advanced", "filter.synonyms", "aggFilters", "geoDecay", "fields", "sort",
                "countTotal", "pageSize", "pageToken"}
_ATOM = re.compile(r"AREA\[(\w+)\](.+)")
_RANGE = re.compile(r"RANGE\[([^,\]]+),([^\]]+)\]")
_AREA_PATHS = {
    "StudyType": (P, "designModule", "studyType"),
    "OverallStatus": (P, S, "overallStatus"),
}


class BadRequest(Exception):
    pass


def project(study: dict[str, Any], paths: list[tuple[str, ...]]) -> dict[str, Any]:
    out: Any = {}
    for path in paths:
        out = _pick(study, path, out)
    return out


def _pick(src: Any, path: tuple[str, ...], dst: Any) -> Any:
    if not path:
        return copy.deepcopy(src)
    head, rest = path[0], path[1:]
    if head == "*":
        if not isinstance(src, list):
            return dst
        dst = dst if isinstance(dst, list) else [{} for _ in src]
        return [_pick(s, rest, d) for s, d in zip(src, dst, strict=True)]
    if not isinstance(src, dict) or head not in src:
        return dst
    dst = dst if isinstance(dst, dict) else {}
    dst[head] = _pick(src[head], rest, dst.get(head))
    return dst


def _get(study: dict[str, Any], path: tuple[str, ...]) -> Any:
    node: Any = study
    for key in path:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def _last_update(study: dict[str, Any]) -> str:
    return _get(study, (P, S, "lastUpdatePostDateStruct", "date")) or ""


def _matcher(expression: str):
    """filter.advanced -> predicate; terms joined by AND, each an atom or (atom OR atom ...)."""
    tests = []
    for term in expression.split(" AND "):
        term = term.strip()
        if term.startswith("(") and term.endswith(")"):
            term = term[1:-1]
        alternatives = []
        for atom in term.split(" OR "):
            m = _ATOM.fullmatch(atom.strip())
            if not m:
                raise BadRequest(f"unsupported filter.advanced term {atom!r}")
            area, value = m.groups()
            if area == "LastUpdatePostDate":
                r = _RANGE.fullmatch(value)
                if not r:
                    raise BadRequest(f"bad RANGE in {atom!r}")
                lo, hi = r.groups()
                alternatives.append(lambda s, lo=lo, hi=hi: (lo == "MIN" or _last_update(s) >= lo)
                                    and (hi == "MAX" or _last_update(s) <= hi))
            elif area == "InterventionType":
                alternatives.append(lambda s, v=value: any(
                    i.get("type") == v for i in
                    _get(s, (P, "armsInterventionsModule", "interventions")) or ()))
            elif area in _AREA_PATHS:
                alternatives.append(lambda s, p=_AREA_PATHS[area], v=value: _get(s, p) == v)
            else:
                raise BadRequest(f"unsupported area {area!r}")
        tests.append(alternatives)
    return lambda s: all(any(t(s) for t in alts) for alts in tests)


@dataclass
class Registry:
    """The served data and the fault plan; tests change both while the server runs."""

    studies: list[dict[str, Any]]
    data_timestamp: str = "2026-11-20T09:00:00"
    api_version: str = "2.0.5"
    faults: deque = field(default_factory=deque)  # consumed one per /studies request
    always: str | None = None  # a fault on every /studies request
    page_delay: float = 0.0
    retry_after: str = "1"
    requests: list[dict[str, Any]] = field(default_factory=list)
    tokens: dict[str, tuple[tuple, int]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    cycle: bool = False  # the second page's token leads back to the first page
    total_offset: int = 0  # added to totalCount (a registry whose count disagrees)
    with_timestamp: bool = True  # /version carries dataTimestamp (the spec lets it be absent)
    unknown_fields: tuple[str, ...] = ()  # names /studies/metadata no longer lists
    after_page: Any = None  # called with (registry, pages served so far) after each page
    pages_served: int = 0

    def metadata(self) -> list[dict[str, Any]]:
        """`/studies/metadata`: a tree of field nodes (name, piece, children), reduced to the
        pieces this stand-in serves."""
        pieces = [p for p in FIELD_PATHS if p not in self.unknown_fields]
        return [{"name": "protocolSection", "piece": "ProtocolSection", "children": [
            {"name": p[0].lower() + p[1:], "piece": p, "children": []} for p in pieces]}]

    def page(self, params: dict[str, str]) -> dict[str, Any]:
        unknown = sorted(set(params) - KNOWN_PARAMS)
        if unknown:
            raise BadRequest(f"{unknown[0]} is unknown parameter")
        fields = [f for f in re.split(r"[,|]", params.get("fields", "")) if f]
        bad = [f for f in fields if f not in FIELD_PATHS]
        if bad:
            raise BadRequest(f"unknown field {bad[0]}")
        size = int(params.get("pageSize") or 10)
        size = 10 if size == 0 else min(size, 1000)
        signature = tuple(sorted((k, v) for k, v in params.items() if k != "pageToken"))
        offset = 0
        if "pageToken" in params:
            with self.lock:
                issued = self.tokens.get(params["pageToken"])
            if issued is None or issued[0] != signature:
                raise BadRequest("pageToken does not match this query")
            offset = issued[1]
        matches = self.studies
        if params.get("filter.advanced"):
            test = _matcher(params["filter.advanced"])
            matches = [s for s in matches if test(s)]
        chunk = matches[offset:offset + size]
        doc: dict[str, Any] = {
            "studies": [project(s, [FIELD_PATHS[f] for f in fields]) if fields else s
                        for s in chunk]}
        if offset == 0 and params.get("countTotal") == "true":
            doc["totalCount"] = len(matches) + self.total_offset
        if offset + size < len(matches):
            following = 0 if self.cycle and offset > 0 else offset + size
            with self.lock:
                # in a cycle the same two tokens come back, as from a confused server
                token = next((t for t, v in self.tokens.items()
                              if self.cycle and v == (signature, following)), None)
                token = token or secrets.token_urlsafe(12)
                self.tokens[token] = (signature, following)
            doc["nextPageToken"] = token
        return doc


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, *args: object) -> None:  # quiet: tests read `requests` instead
        pass

    def do_GET(self) -> None:
        reg = self.server.registry
        url = urlsplit(self.path)
        params = dict(parse_qsl(url.query, keep_blank_values=True))
        with reg.lock:
            reg.requests.append({"path": url.path, "params": params,
                                 "user_agent": self.headers.get("User-Agent"),
                                 "at": time.monotonic()})
        if url.path.endswith("/version"):
            version = {"apiVersion": reg.api_version}
            if reg.with_timestamp:
                version["dataTimestamp"] = reg.data_timestamp
            return self._send(200, orjson.dumps(version))
        if url.path.endswith("/studies/metadata"):
            return self._send(200, orjson.dumps(reg.metadata()))
        if not url.path.endswith("/studies"):
            return self._send(404, b"not found", "text/plain")
        with reg.lock:
            fault = reg.always or (reg.faults.popleft() if reg.faults else None)
        if fault == "429":
            return self._send(429, b"Too Many Requests", "text/plain",
                              {"Retry-After": reg.retry_after})
        if fault == "503":
            return self._send(503, b"Service Unavailable", "text/plain")
        if fault == "403":
            return self._send(403, b"<html><body><h1>Access Denied</h1></body></html>",
                              "text/html")
        if fault == "drop":
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
            return None
        if fault and fault.startswith("slow"):
            time.sleep(float(fault.partition(":")[2] or 5))
        if reg.page_delay:
            time.sleep(reg.page_delay)
        try:
            body = orjson.dumps(reg.page(params))
        except BadRequest as err:
            return self._send(400, str(err).encode(), "text/plain")
        if fault == "truncate":  # promise the whole body, send half, hang up
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
            return None
        if fault == "badjson":
            body = body[: len(body) // 2]
        self._send(200, body)
        with reg.lock:
            reg.pages_served += 1
            served = reg.pages_served
        if reg.after_page:
            reg.after_page(reg, served)
        return None

    def _send(self, status: int, body: bytes, ctype: str = "application/json",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    registry: Registry


@contextmanager
def serve(registry: Registry) -> Iterator[str]:
    """Run the server in a thread; yield its API base URL (http://127.0.0.1:PORT/api/v2)."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.registry = registry
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api/v2"
    finally:
        server.shutdown()
        server.server_close()
