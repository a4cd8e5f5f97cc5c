"""What advanced-therapy records say beyond their modality: rules, evidence, filter, pages."""

from __future__ import annotations

import json

import duckdb
import pytest

from conftest import open_app
from trialscape.classify.attributes import TrialText, derive
from trialscape.filters import Filters


def _values(t: TrialText) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for attribute, value, evidence in derive(t):
        assert evidence  # every value says which words stated it
        out.setdefault(attribute, set()).add(value)
    return out


@pytest.mark.parametrize("text, expected", [
    (TrialText("NCT1", ("gene_therapy",), intervention="AAV9-SMN1 (onasemnogene abeparvovec)",
               description="one intravenous infusion", conditions="Spinal Muscular Atrophy"),
     {"vector": {"AAV"}, "serotype": {"AAV9"}, "delivery": {"In vivo (given into the body)"},
      "target": {"Brain and spinal cord"}, "inheritance": {"Inherited"}}),
    (TrialText("NCT2", ("gene_therapy",), intervention="Lentiviral vector transduced autologous "
               "CD34+ cells", conditions="Sickle Cell Disease"),
     {"vector": {"Lentiviral"}, "delivery": {"Ex vivo (cells modified in the lab)"},
      "target": {"Blood, via stem cells"}, "inheritance": {"Inherited"}}),
    (TrialText("NCT3", ("gene_therapy",), intervention="RP1 (oncolytic HSV)",
               conditions="Melanoma"),
     {"vector": {"Herpes simplex virus"},
      "delivery": {"In vivo (given into the body)"}, "target": {"Tumour"},
      "inheritance": {"Acquired"}}),
    (TrialText("NCT4", ("gene_therapy",), title="Long-term Follow-up of Subjects Treated With "
               "AAVrh74.MHCK7.micro-dystrophin", conditions="Duchenne Muscular Dystrophy"),
     {"vector": {"AAV"}, "serotype": {"AAVrh74"}, "follow_up": {"Long-term follow-up"},
      "delivery": {"In vivo (given into the body)"}, "target": {"Muscle"},
      "inheritance": {"Inherited"}}),
    (TrialText("NCT5", ("engineered_cell_therapy",), intervention="Allogeneic anti-BCMA CAR-NK "
               "cells", conditions="Multiple Myeloma"),
     {"cell_kind": {"CAR-NK"}, "antigen": {"BCMA"}, "donor": {"Allogeneic (donor cells)"},
      "indication": {"Blood cancer"}}),
    (TrialText("NCT6", ("engineered_cell_therapy",), intervention="CD19 CAR-T cells",
               conditions="Systemic Lupus Erythematosus"),
     {"cell_kind": {"CAR-T"}, "antigen": {"CD19"}, "indication": {"Autoimmune disease"}}),
    (TrialText("NCT7", ("gene_editing",), intervention="NTLA-2001 (CRISPR/Cas9, lipid "
               "nanoparticle)", conditions="Transthyretin Amyloidosis"),
     {"editor": {"CRISPR-Cas9"}, "edit_target": {"TTR"},
      "delivery": {"In vivo (given into the body)"},
      "inheritance": {"Acquired"}}),
    (TrialText("NCT8", ("gene_therapy",), title="Gene therapy for cancer"),  # says nothing more
     {"target": {"Tumour"}}),
])
def test_what_a_record_says_is_read_with_evidence(text, expected):
    assert _values(text) == expected


def test_inherited_from_the_registry_mesh_tree_first():
    t = TrialText("NCT9", ("gene_therapy",), conditions="Disease X",
                  mesh_ancestors=("Genetic Diseases, Inborn",))
    ((_, value, evidence),) = [r for r in derive(t) if r[0] == "inheritance"]
    assert value == "Inherited" and "MeSH" in evidence


@pytest.fixture(scope="module")
def counts(ctgov_db):
    con = duckdb.connect(str(ctgov_db), read_only=True)
    yield lambda sql, *p: con.execute(sql, list(p)).fetchall()[0][0]
    con.close()


def test_attributes_belong_to_advanced_trials_and_filter_exactly(ctgov_db, counts):
    stray = counts("SELECT count(*) FROM trial_attributes a WHERE NOT EXISTS (SELECT 1 FROM "
                   "study_modalities m WHERE m.nct_id = a.nct_id AND m.modality IN "
                   "('gene_therapy', 'gene_editing', 'engineered_cell_therapy'))")
    assert stray == 0
    from trialscape import queries
    con = duckdb.connect(str(ctgov_db), read_only=True)
    try:
        got = queries.run(con, "count", {}, Filters(feature=("vector:AAV", "vector:Lentiviral"),
                                                    modality=("gene_therapy",))).iloc[0, 0]
    finally:
        con.close()
    expected = counts("SELECT count(DISTINCT a.nct_id) FROM trial_attributes a JOIN trials t "
                      "USING (nct_id) WHERE a.attribute = 'vector' AND a.value IN ('AAV', "
                      "'Lentiviral') AND list_contains(t.modalities, 'gene_therapy')")
    assert got == expected > 0


def test_feature_filter_travels_in_the_link_and_the_caption():
    f = Filters.from_params({"feature": ["vector:AAV"], "modality": ["gene_therapy"]})
    assert f.to_params()["feature"] == ["vector:AAV"]
    assert "Feature: Vehicle: AAV" in f.caption()


def test_the_gene_therapy_overview_on_real_records(monkeypatch, ctgov_db, counts):
    at = open_app(monkeypatch, ctgov_db, "pages/modality.py", timeout=180,
                  modality="gene_therapy")
    heads = [h.value for h in at.subheader]
    for section in ("The article's examples", "Inherited or acquired, in active studies",
                    "The one-shot and its follow-up"):
        assert section in heads
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"].replace("<br>", " ")
              for c in at.get("plotly_chart")]
    for needle in ("The vehicle", "In the body or in the lab", "Where it goes",
                   "AAV serotypes", "Inherited diseases", "Acquired diseases"):
        assert any(needle in t for t in titles), needle
    vehicle = next(json.loads(c.proto.spec) for c in at.get("plotly_chart")
                   if "The vehicle" in json.loads(c.proto.spec)["layout"]["title"]["text"])
    shown = dict(zip(vehicle["data"][0]["hovertext"], vehicle["data"][0]["x"], strict=True))
    assert shown["AAV"] == counts(
        "SELECT count(DISTINCT nct_id) FROM trial_attributes WHERE attribute = 'vector' AND "
        "value = 'AAV' AND nct_id IN (SELECT nct_id FROM trials WHERE "
        "list_contains(modalities, 'gene_therapy'))")
    assert "Not stated in the record" in shown  # the unknown bucket stays visible
    haemophilia = {m.label: m.value for m in at.metric}["Haemophilia"]
    assert haemophilia.endswith("trials")


@pytest.mark.parametrize("modality, needle", [("gene_editing", "The editor"),
                                              ("engineered_cell_therapy", "Target antigen")])
def test_editing_and_engineered_cells_get_their_depth(monkeypatch, ctgov_db, modality, needle):
    at = open_app(monkeypatch, ctgov_db, "pages/modality.py", timeout=180, modality=modality)
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"].replace("<br>", " ")
              for c in at.get("plotly_chart")]
    assert any(needle in t for t in titles)


def test_the_trial_view_shows_features_with_their_evidence(monkeypatch, ctgov_db, counts):
    nct = counts("SELECT min(nct_id) FROM trial_attributes WHERE attribute = 'vector'")
    at = open_app(monkeypatch, ctgov_db, "pages/trials.py", timeout=180, nct=nct)
    shown = [t.value for t in at.text]
    assert any(t.startswith("Vehicle: ") and "says" in t for t in shown)


@pytest.mark.parametrize(("text", "message"), [
    ("labels = [", "attributes.toml: not valid TOML"),
    ('[labels]\nvector = "Vector"\n', "missing table(s) applies, inheritance"),
    ('[labels]\nvector = "Vector"\n[applies]\ngene_therapy = ["vector", "serotype"]\n'
     '[inheritance]\nmesh = []\nmonogenic = []\n', "[applies] names attribute(s) with no label: "
                                                     "serotype"),
    ('[labels]\nvector = "Vector"\n[applies]\ngene_therapy = ["vector"]\n[vector]\nAAV = ["(AAV"]\n'
     '[inheritance]\nmesh = []\nmonogenic = []\n', "[vector] bad pattern"),
])
def test_a_broken_attributes_file_stops_with_one_line(tmp_path, text, message):
    from trialscape.classify.attributes import load_rules
    from trialscape.classify.rules import RulesError
    path = tmp_path / "attributes.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(RulesError) as err:
        load_rules(path)
    assert message in str(err.value) and "\n" not in str(err.value)
