"""Explainer links: the real article where it is known, the explainers index otherwise, and a
`check-links` command that asks each link, tested against a real server on 127.0.0.1."""

from __future__ import annotations

import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from conftest import ROOT
from trialscape.classify.rules import load_classifier, load_config

ARTICLE = "https://clinicalmetric.com/treatments/gene-therapy-explained"
INDEX = "https://clinicalmetric.com/treatments"


def test_gene_therapy_links_to_its_article_and_the_rest_to_the_index():
    mods = {m.id: m for m in load_classifier().modalities}
    assert mods["gene_therapy"].explainer_url == ARTICLE and mods["gene_therapy"].has_article
    for m in mods.values():
        assert "trialscape.org" not in (m.explainer_url or "")  # a domain that does not exist
        if m.explainer_url and not m.explainer_verified:
            assert m.explainer_url == INDEX and not m.has_article


class _Site(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_HEAD(self) -> None:
        self.send_response(200 if self.path == "/treatments/gene-therapy-explained" else 404)
        self.send_header("Content-Length", "0")
        self.end_headers()


def _run(modalities, *extra):
    import os
    return subprocess.run([sys.executable, "-m", "trialscape", "check-links", *extra],
                          capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**os.environ, "TRIALSCAPE_MODALITIES": str(modalities)})


def _rules_pointing_at(base: str, tmp_path):
    text = (ROOT / "data" / "modalities.toml").read_text("utf-8")
    path = tmp_path / "modalities.toml"
    path.write_text(text.replace("https://clinicalmetric.com", base), "utf-8")
    assert load_config(path)
    return path


def test_check_links_reports_each_status(tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        rules = _rules_pointing_at(f"http://127.0.0.1:{server.server_address[1]}", tmp_path)
        done = _run(rules, "--timeout", "5")
    finally:
        server.shutdown()
    assert done.returncode == 1  # the index answers 404 on this stand-in
    lines = {line.split()[1]: line for line in done.stdout.splitlines()}
    assert lines["gene_therapy"].startswith("ok") and "HTTP 200" in lines["gene_therapy"]
    assert lines["monoclonal_antibody"].startswith("FAIL") and "HTTP 404" in lines[
        "monoclonal_antibody"]
    assert "links do not answer 2xx" in done.stderr


def test_check_links_says_plainly_when_there_is_no_network(tmp_path):
    import socket
    with socket.socket() as s:  # a port nothing listens on: as good as no internet
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    done = _run(_rules_pointing_at(f"http://127.0.0.1:{port}", tmp_path), "--timeout", "2")
    assert done.returncode == 1
    assert "could not reach any explainer link" in done.stderr and "internet" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
