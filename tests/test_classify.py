"""The modality rules: named products, roles, explanations, speed floor and measured accuracy."""

from __future__ import annotations

import re
import time

import pytest

from conftest import GOLD, ROOT, require_shared
from trialscape.classify.evaluate import evaluate_snapshot
from trialscape.classify.gates import required_literals
from trialscape.classify.inputs import ArmGroup, Intervention, Trial
from trialscape.classify.model import Layer, Role, Scope, normalise
from trialscape.classify.rules import build_classifier, load_classifier, load_config

C = load_classifier()


def classify(*items, title=None, arms=(), study_type="INTERVENTIONAL"):
    interventions = tuple(Intervention(i, t, n) for i, (t, n) in enumerate(items))
    return C.classify(Trial("NCT00000001", brief_title=title, study_type=study_type,
                            interventions=interventions, arm_groups=tuple(arms)))


def primary(*items, **kwargs):
    """The primary modality of a trial built as `classify` builds it, as a one-item list."""
    return [p.modality for p in classify(*items, **kwargs) if p.is_primary]


def primary_kind(*items, **kwargs):
    """... and its kind: [(modality, submodality)]."""
    return [(p.modality, p.submodality) for p in classify(*items, **kwargs) if p.is_primary]


# Named products from ../shared/research/modalities.md §5 and the labelling guide.
@pytest.mark.parametrize("name, kind, expected", [
    ("onasemnogene abeparvovec", "GENETIC", "gene_therapy"),
    ("talimogene laherparepvec", "BIOLOGICAL", "gene_therapy"),
    ("AAV2-hRPE65v2", "GENETIC", "gene_therapy"),
    ("exagamglogene autotemcel", "GENETIC", "gene_editing"),
    ("NTLA-2001", "GENETIC", "gene_editing"),
    ("tisagenlecleucel", "BIOLOGICAL", "engineered_cell_therapy"),
    ("Anti-BCMA CAR-T cells", "BIOLOGICAL", "engineered_cell_therapy"),
    ("lifileucel", "BIOLOGICAL", "cell_therapy"),
    ("Allogeneic mesenchymal stromal cells", "BIOLOGICAL", "cell_therapy"),
    ("BNT162b2", "BIOLOGICAL", "mrna"),
    ("mRNA1273 vaccine", "BIOLOGICAL", "mrna"),  # a Moderna code written without its hyphen
    ("inclisiran", "DRUG", "oligonucleotide"),
    ("nusinersen", "DRUG", "oligonucleotide"),
    ("pembrolizumab", "DRUG", "monoclonal_antibody"),
    ("blinatumomab", "BIOLOGICAL", "bispecific_antibody"),
    ("teclistamab", "BIOLOGICAL", "bispecific_antibody"),
    ("sacituzumab govitecan", "DRUG", "antibody_drug_conjugate"),
    ("[177Lu]Lu-PSMA-617", "DRUG", "radiopharmaceutical"),
    ("Quadrivalent influenza vaccine", "BIOLOGICAL", "vaccine"),
    ("semaglutide", "DRUG", "peptide"),
    # GnRH agonists named by their class are all peptides; not the antagonists (2026.12.144)
    ("LHRH agonist", "DRUG", "peptide"), ("GnRHa", "DRUG", "peptide"),
    ("Gonadotropin-Releasing Hormone Agonist", "DRUG", "peptide"),
    ("GnRH antagonist", "DRUG", "small_molecule"),
    ("etanercept", "BIOLOGICAL", "protein"),
    ("osimertinib", "DRUG", "small_molecule"),
    ("Cognitive behavioural therapy", "BEHAVIORAL", "other"),
    # 2026.12.295: codes their developers describe
    ("SNS01-T", "BIOLOGICAL", "gene_therapy"), ("ATX-MS-1467", "DRUG", "peptide"),
    ("Intratumoral G100", "BIOLOGICAL", "small_molecule"),
    # 2026.12.299: codes and INNs from the WHO lists, a blood product by its maker
    ("CCI-779", "DRUG", "small_molecule"), ("verdiperstat", "DRUG", "small_molecule"),
    ("RO5083945", "DRUG", "monoclonal_antibody"), ("Thrombosomes", "BIOLOGICAL", "other"),
    # 2026.12.300
    ("R115777", "DRUG", "small_molecule"), ("Gilotrif", "DRUG", "small_molecule"),
    ("Kuvan", "DRUG", "small_molecule"), ("PTX-022", "DRUG", "small_molecule"),
    ("microplasmin", "DRUG", "protein"), ("MF101", "DRUG", "other"),
    ("BMS747158", "DRUG", "other"), ("Descartes-15", "BIOLOGICAL", "engineered_cell_therapy"),
    # 2026.12.302
    ("TAA05", "BIOLOGICAL", "engineered_cell_therapy"),
    ("CYAD-211", "BIOLOGICAL", "engineered_cell_therapy"), ("Sanvar", "DRUG", "peptide"),
    ("Micro Fragmented Adipose Tissue (MFAT)", "PROCEDURE", "other"),
])
def test_named_products(name, kind, expected):
    placements = classify((kind, name))
    assert [p.modality for p in placements] == [expected]
    assert placements[0].is_primary and placements[0].evidence


def test_evidence_names_the_field_and_the_text():
    (p,) = classify(("GENETIC", "onasemnogene abeparvovec"))
    assert p.rule == "product"
    assert "intervention name 'onasemnogene abeparvovec'" in p.evidence
    assert "Gene therapy" in p.evidence


def test_placebo_and_standard_of_care_place_nothing():
    placements = classify(("DRUG", "pembrolizumab"), ("DRUG", "Placebo"),
                          ("OTHER", "Standard of care"))
    assert [p.modality for p in placements] == ["monoclonal_antibody"]


def test_lymphodepletion_is_background_for_car_t():
    placements = classify(("BIOLOGICAL", "CD19 CAR-T cells"), ("DRUG", "Fludarabine"),
                          ("DRUG", "Cyclophosphamide"))
    assert [p.modality for p in placements] == ["engineered_cell_therapy"]


def test_what_treats_cytokine_release_is_background_for_t_cell_redirecting_therapy():
    """CAR-T and bispecific records list the tocilizumab that treats the CRS they cause;
    it is counted when the title names it, and in any other trial."""
    placed = classify(("BIOLOGICAL", "Chimeric Antigen Receptor T-Cell Therapy"),
                      ("DRUG", "Fludarabine"), ("DRUG", "Tocilizumab"),
                      title="CD19 CAR T cells for B-ALL")
    assert [p.modality for p in placed] == ["engineered_cell_therapy"]
    placed = classify(("DRUG", "Mosunetuzumab"), ("DRUG", "Tocilizumab"), title="A study")
    assert [p.modality for p in placed] == ["bispecific_antibody"]
    placed = classify(("DRUG", "Anakinra"), ("BIOLOGICAL", "axicabtagene ciloleucel"),
                      title="Anakinra for the Reduction of CAR-T Toxicity")
    assert {p.modality for p in placed} == {"engineered_cell_therapy", "protein"}
    placed = classify(("DRUG", "Tocilizumab"), ("DRUG", "Methotrexate"), title="RA study")
    assert {p.modality for p in placed} == {"monoclonal_antibody", "small_molecule"}


def _with_mesh(*items, mesh=(), title="A study"):
    interventions = tuple(Intervention(i, t, n) for i, (t, n) in enumerate(items))
    return C.classify(Trial("NCT00000001", brief_title=title, study_type="INTERVENTIONAL",
                            interventions=interventions, intervention_mesh=tuple(mesh)))


def test_a_bare_code_is_what_the_registry_mesh_terms_say():
    """The registry indexes 'GP2013' as Rituximab: the one code no name or title places takes
    the kind of the term no other intervention accounts for."""
    (p,) = _with_mesh(("DRUG", "GP2013"), mesh=["Rituximab"])
    assert (p.modality, p.rule) == ("monoclonal_antibody", "stem")
    assert "registry MeSH term for the interventions 'Rituximab'" in p.evidence
    placed = _with_mesh(("DRUG", "GP2013"), ("DRUG", "cyclophosphamide"), ("DRUG", "Placebo"),
                        mesh=["Cyclophosphamide", "Rituximab"])
    assert [(p.modality, p.is_primary) for p in placed] == [
        ("monoclonal_antibody", True), ("small_molecule", False)]
    # two unknown codes: the term could be either's
    placed = _with_mesh(("DRUG", "GP2013"), ("DRUG", "XYZ-123"), mesh=["Rituximab"])
    assert [p.modality for p in placed] == ["small_molecule"]
    # terms of two kinds say nothing certain; nor does a device's record, indexed with the
    # drugs given around it; nor a supplement term ("Calcium, Dietary" for a calcium salt)
    assert _with_mesh(("DRUG", "AB-1"), mesh=["Rituximab", "Insulin"])[0].modality == \
        "small_molecule"
    assert _with_mesh(("DEVICE", "Mobi-C"), mesh=["Meloxicam"])[0].modality == "other"
    assert _with_mesh(("DRUG", "ABT-335"), ("DRUG", "simvastatin"),
                      mesh=["Calcium, Dietary", "Simvastatin"])[0].rule == "product"
    assert [p.modality for p in _with_mesh(("DRUG", "ABT-335"), ("DRUG", "simvastatin"),
                                           mesh=["Calcium, Dietary", "Simvastatin"])] == [
        "small_molecule"]


def test_the_classifier_reads_only_the_mesh_terms_themselves(ctgov_db):
    """Ancestor terms ("Antibodies, Monoclonal" above every antibody) are not the record's."""
    import duckdb

    from trialscape.classify.inputs import read_trials

    con = duckdb.connect(str(ctgov_db), read_only=True)
    own = dict(con.execute(
        "SELECT nct_id, list(DISTINCT term ORDER BY term) FROM intervention_mesh "
        "WHERE NOT is_ancestor GROUP BY nct_id").fetchall())
    con.execute("CREATE TEMP TABLE pick AS SELECT nct_id FROM intervention_mesh "
                "WHERE is_ancestor GROUP BY nct_id ORDER BY nct_id LIMIT 50")
    trials = list(read_trials(con, only="pick"))
    con.close()
    assert len(trials) == 50
    assert all(list(t.intervention_mesh) == own.get(t.nct_id, []) for t in trials)


@pytest.mark.parametrize("name, expected", [
    # separate medicines joined in one name: one's kind does not override the other's
    ("sintilimab plus anlotinib", {"monoclonal_antibody", "small_molecule"}),
    ("Toripalimab + chemotherapy", {"monoclonal_antibody", "small_molecule"}),
    ("Pembrolizumab, Vactosertib", {"monoclonal_antibody", "small_molecule"}),
    ("Glatiramer Acetate, IFN-beta 1a and IFN-beta 1b", {"peptide", "protein"}),
    # ... a medicine named by INN beside a cell product, whose kind overrides antibody words
    # (2026.12.147)
    ("CD19-7x19 CAR-T combined with Tislelizumab", {"engineered_cell_therapy",
                                                    "monoclonal_antibody"}),
    # ... and a regimen listed beside its assessment (2026.12.147)
    ("rituximab, cyclophosphamide, etoposide, prednisone, vorinostat and QOL questionnaire",
     {"monoclonal_antibody", "small_molecule"}),
    # ... or one medicine beside what participants are asked (2026.12.195)
    ("Sildenafil and questionnaire", {"small_molecule"}),
    # ... and what the rest of a name beside a named product says by kind is one medicine's
    # words: a dendritic-cell vaccine is the cell product, not also a vaccine (2026.12.203)
    ("TTRNA-DC vaccines with GM-CSF", {"cell_therapy", "protein"}),
    ("pembrolizumab plus chemotherapy or radiotherapy",
     {"monoclonal_antibody", "small_molecule", "other"}),
    # ... but one product's own words stay one product
    ("trastuzumab emtansine", {"antibody_drug_conjugate"}),
    ("Interleukin-7 and CCL19-expressing CD19 CAR-T cells", {"engineered_cell_therapy"}),
    ("mRNA-based, Personalized Cancer Vaccine", {"mrna"}),
    ("Tablet VitaBliss vitamin B12 and Syrup Orofer", {"other"}),
])
def test_a_combination_name_is_read_part_by_part(name, expected):
    assert {p.modality for p in classify(("DRUG", name))} == expected


@pytest.mark.parametrize("name", ["PCR-CRISPR/Cas12a detection",
                                  "Detection of cytof in peripheral PBMC"])
def test_what_a_name_says_is_detected_is_an_assessment(name):
    """A test is no medicine, whatever it detects with (2026.12.195)."""
    assert [p.modality for p in classify(("BIOLOGICAL", name))] == ["other"]


@pytest.mark.parametrize("names, title, expected", [
    (("Walking School Bus",), "Pilot Evaluation of a Walking School Bus Program", ["other"]),
    (("Optifast", "Food-Based"),
     "Effectiveness of the Optifast Program Compared With a Reduced-energy Food Based Diet Plan",
     ["other"]),
    # ... not by what the title names as the setting, since what is listed is what is given
    # (a name of plain words no rule reads is no medicine: 2026.12.273)
    (("A 6 microRNA stratified tool",),
     "A 6 microRNA Tool for Stratifying Stage II Colon Cancer of Receiving Adjuvant Chemotherapy",
     ["other"]),
    # ... nor for a bare code, the medicine given whatever the title says around it
    (("ZX-4417",), "Safety and Efficacy of ZX-4417 as add-on to Insulin Regimen",
     ["unclassified"]),
])
def test_untyped_names_that_place_nothing_are_read_from_the_title(names, title, expected):
    """Flat exports list intervention names without types (2026.12.197)."""
    placed = classify(*((None, n) for n in names), title=title)
    assert [p.modality for p in placed] == expected
    assert all("untyped names" in p.evidence for p in placed if p.modality != "unclassified")


def test_a_disease_named_after_an_immunoglobulin_is_no_immune_globulin():
    assert primary(("DRUG", "Nefecon"), title="Efficacy in Immunoglobulin A Nephropathy (IgAN)"
                   ) == ["small_molecule"]
    assert primary(title="Immunoglobulin for Immunoglobulin A Nephropathy") == ["other"]


@pytest.mark.parametrize("title, expected", [
    ("Durvalumab and Tremelimumab in Combination With Y-90 SIRT for Intermediate Stage HCC",
     {"monoclonal_antibody", "other"}),
    ("Immunotherapy With Y90-RadioEmbolization for Metastatic Colorectal Cancer", {"other"}),
    ("Lutetium Lu 177 Dotatate in Neuroendocrine Tumours", {"radiopharmaceutical"}),
])
def test_yttrium_90_given_by_radioembolisation_is_a_device(title, expected):
    """Microspheres however the title says it after the isotope ("Y-90 SIRT"): `other`
    (2026.12.208)."""
    assert {p.modality for p in classify(title=title)} == expected


def test_pmo_said_of_participants_is_no_morpholino():
    assert primary(("DRUG", "ZX-9031"), title="Efficacy and Safety of ZX-9031 in PMO Subjects"
                   ) == ["small_molecule"]


def test_a_placebo_described_as_the_active_ones_twin_is_a_control():
    """2026.12.200: "identical ... to active comparator" says placebo without the word."""
    items = (("OTHER", "Gastro-retentive zinc cysteine tablet"),
             ("OTHER", "Tablet identical physically to active comparator containing some lactose"))
    assert [p.modality for p in classify(*items)] == ["other"]


def test_an_intervention_typed_as_a_test_is_an_assessment():
    """What a DIAGNOSTIC_TEST measures is no medicine given, and is not counted beside what is
    tested (LABELING.md), whatever its words name (2026.12.196)."""
    assert [p.modality for p in classify(
        ("DIAGNOSTIC_TEST", "Soluble Urokinase Plasminogen Activator Receptor"))] == ["other"]
    placed = classify(("DRUG", "Tadalafil"), ("DIAGNOSTIC_TEST", "Nitric oxide synthase gene"),
                      ("DIAGNOSTIC_TEST", "PET scan"))
    assert [p.modality for p in placed] == ["small_molecule"]
    # the same words typed as what is given still place it
    assert [p.modality for p in classify(("BIOLOGICAL", "COVID vaccination"))] == ["vaccine"]


def test_generic_usual_care_around_what_is_tested_is_background():
    """LABELING.md: usual care named generically is not counted."""
    items = (("RADIATION", "Prophylactic cranial irradiation"), ("DRUG", "Chemotherapy"))
    placed = classify(*items, title="PCI and Brain MRI Follow-up vs Brain MRI Follow-up Alone")
    assert [p.modality for p in placed] == ["other"]
    placed = classify(("PROCEDURE", "RIRS"), ("DRUG", "Intravenous pain medication"),
                      title="RIRS Versus ESWL for the Treatment of Renal Stones")
    assert [p.modality for p in placed] == ["other"]
    # the title names the class: it is the question
    placed = classify(*items, title="Radiation Therapy With or Without Chemotherapy")
    assert placed[0].modality == "small_molecule"
    # given in one arm only: it is what differs between the arms
    arms = (ArmGroup("A", "EXPERIMENTAL", ("Procedure: Nerve block",)),
            ArmGroup("B", "ACTIVE_COMPARATOR", ("Drug: Opioid analgesics",)))
    placed = classify(("PROCEDURE", "Nerve block"), ("DRUG", "Opioid analgesics"), arms=arms,
                      title="Role of Nerve Block in Rib Fractures")
    assert {p.modality for p in placed} == {"other", "small_molecule"}
    # a named medicine is never generic
    placed = classify(*items[:1], ("DRUG", "Cisplatin"), title="PCI in SCLC")
    assert placed[0].modality == "small_molecule"
    # drug treatment named as such, beside a titled stimulation (2026.12.280); unless the
    # title names medical treatment as what is compared
    tms = ("OTHER", "theta burst transcranial magnetic stimulation")
    for generic in ("Pharmacotherapy", "drug therapy", "clinical practice drug treatment"):
        assert primary(tms, ("DRUG", generic),
                       title="Theta Burst Magnetic Stimulation in Alzheimer Disease") == ["other"]
    assert primary(tms, ("DRUG", "Medical treatment"),
                   title="TMS Versus Best Medical Treatment") == ["small_molecule"]


@pytest.mark.parametrize("kind, name", [
    ("BEHAVIORAL", "Computer Tablet Group"), ("DEVICE", "wireless endoscopy capsule"),
    ("BEHAVIORAL", "diet, sodium-restricted"), ("BEHAVIORAL", "Antibiotic prescription feedback"),
    ("DIETARY_SUPPLEMENT", "Hydroxycitrate (HCA)"), ("DIETARY_SUPPLEMENT", "Mastiha capsules"),
    # ... nor beside a named supplement, where they are read as a second medicine (2026.12.144)
    ("DIETARY_SUPPLEMENT", "Creatine Hydrochloride"), ("DIETARY_SUPPLEMENT", "zinc citrate"),
    ("DIETARY_SUPPLEMENT", "d-alpha tocopherol acetate"),
])
def test_generic_drug_words_say_nothing_on_a_behaviour_device_or_supplement(kind, name):
    assert [p.modality for p in classify((kind, name))] == ["other"]


@pytest.mark.parametrize("name, expected", [
    ("Creatine Monohydrate", "other"), ("Coenzyme Q10", "other"), ("Alpha lipoic acid", "other"),
    ("Oral L-Arginine", "other"), ("Epigallocatechin-Gallate", "other"), ("Selenium", "other"),
    # drugs made from the same substances, or sold on prescription
    ("N-monomethyl-L-arginine", "small_molecule"), ("NG Nitro L Arginine", "small_molecule"),
    ("scyllo-inositol", "small_molecule"), ("Levocarnitine", "small_molecule"),
    # vitamins and nutrients by their chemical names
    ("cyanocobalamin", "other"), ("Beta-Carotene", "other"), ("Lycopene", "other"),
    ("Coenzyme Q", "other"), ("choline chloride", "other"), ("Choline", "other"),
    ("Essential fatty acids", "other"),
    # ... not the drugs that carry a nutrient's name
    ("Choline magnesium trisalicylate", "small_molecule"),
    ("Choline Alfoscerate 400mg", "small_molecule"),
])
def test_supplements_named_by_substance_are_other_whatever_their_type(name, expected):
    """LABELING.md: dietary supplements are other (the labels' curcumin typed DRUG is other)."""
    assert classify(("DRUG", name))[0].modality == expected


@pytest.mark.parametrize("items", [
    (("DRUG", "[(11)C] PBR28"),), (("DRUG", "C11 PiB"), ("DRUG", "F18 Flutametamol")),
    (("DRUG", "C-11 labeled nicotine"), ("PROCEDURE", "PET/CT imaging")),
    (("DRUG", "Sodium Acetate C11 PET/CT Imaging"),), (("DRUG", "EF5"), ("PROCEDURE", "biopsy")),
])
def test_tracers_however_written_are_assessments(items):
    assert [p.modality for p in classify(*items)] == ["other"]


def test_cell_products_named_by_inn():
    assert classify(("GENETIC", "Welgenaleucel"))[0].modality == "engineered_cell_therapy"
    assert classify(("DRUG", "Viagenpumatucel-L"))[0].modality == "vaccine"


@pytest.mark.parametrize("kind, name, expected", [
    # allergen immunotherapy by any route is a vaccine (the labels' precedents: Jumpvax, grass
    # SCIT, HDM SLIT tablets), food oral immunotherapy included
    ("BIOLOGICAL", "Peanut OIT", "vaccine"), ("BIOLOGICAL", "ALK Grass tablet", "vaccine"),
    ("BIOLOGICAL", "Mouse Allergenic Extract", "vaccine"),
    ("DRUG", "Egg oral immunotherapy", "vaccine"),
    ("BIOLOGICAL", "Viaskin Peanut 250 mcg", "vaccine"),
    # ... an allergen given as a challenge or a test is an assessment
    ("PROCEDURE", "Nasal allergen challenge", "other"),
    ("BIOLOGICAL", "house dust mite allergen extract for skin prick test", "other"),
    ("DRUG", "Hyperbaric Oxygen Therapy", "other"),
])
def test_allergen_immunotherapy_and_oxygen(kind, name, expected):
    assert classify((kind, name))[0].modality == expected


def test_a_foods_immunotherapy_is_allergen_immunotherapy_not_an_infection_vaccine():
    """(2026.12.218) "Sublingual Milk Immunotherapy" names its kind by the food."""
    placed = classify(("OTHER", "Milk"), title="Sublingual Milk Immunotherapy in Children")
    assert [(p.modality, p.submodality) for p in placed] == [
        ("vaccine", "allergen_immunotherapy")]
    placed = classify(("BIOLOGICAL", "Egg-based quadrivalent influenza vaccine"))
    assert [(p.modality, p.submodality) for p in placed] == [("vaccine", "infectious_vaccine")]


def test_a_vaccine_against_a_disease_protein_is_its_own_kind():
    """(2026.12.226) An Alzheimer's vaccine is no infectious-disease vaccine; a flu vaccine
    given to people with Alzheimer's disease still is."""
    title = "Safety Study of AADvac1, a Tau Peptide-KLH-Conjugate Active Vaccine for Alzheimer"
    placed = classify(("BIOLOGICAL", "AADvac1"), title=title)
    assert [(p.modality, p.submodality) for p in placed] == [("vaccine", "disease_protein_vaccine")]
    placed = classify(("BIOLOGICAL", "Influenza vaccine"),
                      title="Influenza Vaccination in People With Alzheimer Disease")
    assert [(p.modality, p.submodality) for p in placed] == [("vaccine", "infectious_vaccine")]


def test_a_code_in_a_title_saying_s_c_immunotherapy_is_an_allergen_vaccine():
    # "S.C." is subcutaneous (2026.12.211)
    title = "S.C. Immunotherapy With BM41 in Patients With Allergic Rhino-conjunctivitis"
    assert primary(("DRUG", "BM41"), title=title) == ["vaccine"]
    assert primary(("DRUG", "BM41"), title="BM41 in Patients With Allergic Rhinitis") != ["vaccine"]


def test_a_medicine_around_a_titled_procedure_is_its_setting():
    """A record without arms whose title names only a listed procedure: the medicine listed
    beside it is what everyone takes (donepezil beside acupuncture), unless the title names it
    or a class of medicine, compares it, or the procedure is an anaesthetic one."""
    placed = classify(("DEVICE", "Active acupuncture"), ("DEVICE", "Sham acupuncture"),
                      ("DRUG", "Donepezil Hydrochloride"),
                      title="Progress of Mild Alzheimer's Disease in Participants on "
                            "Acupuncture Versus Sham Acupuncture")
    assert [p.modality for p in placed] == ["other"]
    placed = classify(("DEVICE", "electroacupuncture"), ("DRUG", "Solifenacin Succinate Tablets"),
                      title="Efficacy of Electroacupuncture Versus Solifenacin Succinate")
    assert {p.modality for p in placed} == {"other", "small_molecule"}
    placed = classify(("PROCEDURE", "continuous erector spinae block"), ("DRUG", "Ropivacaine"),
                      title="Continuous Erector Spinae Block for Rib Fractures")
    assert placed[0].modality == "small_molecule"


def test_what_is_done_does_not_take_the_medicine_the_title_names():
    placed = classify(("BEHAVIORAL", "Symptoms as Positive Signals Mindset"),
                      title="Changing Mindsets About Oral Immunotherapy for Peanut Allergies")
    assert [p.modality for p in placed] == ["other"]
    placed = classify(("PROCEDURE", "Venapuncture"),
                      title="Therapeutic Drug Monitoring of Risankizumab in Psoriasis")
    assert [p.modality for p in placed] == ["other"]
    # ... but a procedure may be how a titled cell or radioactive product is made or given
    placed = classify(("PROCEDURE", "Patient-specific dosimetry"),
                      title="Iodine I 131 Tositumomab in Treating Patients With Lymphoma")
    assert [p.modality for p in placed] == ["radiopharmaceutical"]


def test_ongoing_clinical_care_is_background():
    items = (Intervention(0, "BIOLOGICAL", "Microbial Transplantation Therapy"),
             Intervention(1, "OTHER", "Oral Immunotherapy (OIT)", (),
                          "Participants will be on maintenance peanut oral immunotherapy (OIT) "
                          "for their clinical care."))
    placed = C.classify(Trial("NCT00000001", brief_title="Microbiota Transplantation in Peanut "
                              "Allergic Patients", interventions=items))
    assert [p.modality for p in placed] == ["other"]


@pytest.mark.parametrize("kind, name", [
    ("DIAGNOSTIC_TEST", "Sodium MRI"), ("DEVICE", "The ReGelTec HYDRAFIL System"),
    ("DRUG", "NB-UVB alone"), ("DRUG", "Hexvix"),
])
def test_devices_scans_light_and_imaging_agents_are_other(kind, name):
    assert [p.modality for p in classify((kind, name))] == ["other"]


def test_a_name_the_title_writes_with_a_diagnostic_isotope_is_a_tracer():
    placed = classify(("DRUG", "PU-AD"), ("DEVICE", "PET Scan"),
                      title="PET Imaging of Subjects Using 124I-PU-AD")
    assert [(p.modality, p.rule) for p in placed] == [("other", "assessment only")]
    # a therapeutic isotope is no tracer
    placed = classify(("DRUG", "MIBG"), title="High-dose 131I-MIBG for Neuroblastoma")
    assert placed[0].modality != "other"
    # 2026.12.244: a name that begins with the element, the title giving its mass number
    placed = classify(("DRUG", "Ga-PSMA-11"), title="68Ga-PSMA-11 PET in Patients With "
                      "Prostate Cancer")
    assert [(p.modality, p.rule) for p in placed] == [("other", "assessment only")]
    # ... not a word that only begins with an element's letter ("Ibuprofen" after "18")
    placed = classify(("DRUG", "Ibuprofen"), title="18 Ibuprofen Doses for Pain")
    assert [p.modality for p in placed] == ["small_molecule"]


@pytest.mark.parametrize("kind, name, expected", [
    ("BIOLOGICAL", "recombinant flt3 ligand", "protein"), ("DRUG", "CTLA4-IgG4m", "protein"),
    ("BIOLOGICAL", "Recombinant Zoster Vaccine", "vaccine"),
    ("BIOLOGICAL", "B7-H3 target, CAR gene modified gdT cell injection", "engineered_cell_therapy"),
    (None, "ATLCAR.CD30 cells", "engineered_cell_therapy"),
    (None, "E7 T-cell Receptor (TCR) -T Cell Induction Therapy", "engineered_cell_therapy"),
    (None, "Activated Allogeneic Lymphocytes", "cell_therapy"),
    (None, "Autologous Tumor-Draining Lymph Node-Derived Lymphocytes", "cell_therapy"),
    ("BIOLOGICAL", "SB623", "cell_therapy"),
])
def test_products_named_by_what_they_are(kind, name, expected):
    assert classify((kind, name))[0].modality == expected


@pytest.mark.parametrize("kind, name, expected", [
    # a gene put into cells, by name or by the vector's abbreviation
    ("GENETIC", "human glucocerebrosidase gene into autologous peripheral blood stem cells",
     "gene_therapy"),
    (None, "MND-ADA Transduction of CD34+ Cells", "gene_therapy"),
    ("DRUG", "Allogeneic PBSC Cultured w/Cytokines; Transduced w/RV", "gene_therapy"),
    ("GENETIC", "CD34-TK75 transduced donor lymphocytes", "gene_therapy"),
    (None, "Genetically Modified Mesenchymal Stem Cell", "gene_therapy"),
    (None, "Genetically-Modified Neural Stem Cells Expressing Cytosine Deaminase", "gene_therapy"),
    (None, "Pbi-shRNA EWS/FLI1 Type 1 LPX", "gene_therapy"),
    # ... a receptor given to T cells makes them engineered cells, as genetic modification of
    # NK cells and TILs does
    ("BIOLOGICAL", "autologous T cells transduced with a CD19 CAR", "engineered_cell_therapy"),
    (None, "Genetically Modified Haploidentical Natural Killer Cells", "engineered_cell_therapy"),
    (None, "Genetically-Engineered NK Cells", "engineered_cell_therapy"),
    (None, "ScTIL (Genetically Modified TIL)", "engineered_cell_therapy"),
    (None, "Adoptive Cord Blood Immunotherapy", "cell_therapy"),
])
def test_genes_put_into_cells(kind, name, expected):
    assert classify((kind, name))[0].modality == expected


@pytest.mark.parametrize("kind, name, expected", [
    (None, "High-activity Natural Killer Immunotherapy for Small Metastases", "cell_therapy"),
    (None, "Autologous Natural Killer and Natural Killer T Cell", "cell_therapy"),
    (None, "Treatment of Natural Killer/T Cell Lymphoma", None),
    (None, "Natural Killer Cell Engager SAR443579", "bispecific_antibody"),
    (None, "Chimeric Natural Killer Receptor-Universal T Cells", "engineered_cell_therapy"),
    # dendritic-cell vaccines are cell therapy (LABELING.md), named by their DCs too
    ("BIOLOGICAL", "CEA RNA-pulsed DC cancer vaccine", "cell_therapy"),
    ("BIOLOGICAL", "Autologous alpha-DC1/TBVA vaccine", "cell_therapy"),
    ("DRUG", "hOKT3gamma1 (Ala-Ala)", "monoclonal_antibody"),
])
def test_nk_and_dendritic_cells_by_their_names(kind, name, expected):
    assert classify((kind, name))[0].modality == (expected or "unclassified")


@pytest.mark.parametrize("kind, name, expected", [
    ("DRUG", "radiolabeled epratuzumab", "radiopharmaceutical"),
    ("DRUG", "90-Yttrium-labelled anti-CD66 monoclonal antibody", "radiopharmaceutical"),
    ("DRUG", "iodine-131 MIBG", "radiopharmaceutical"),
    # radioembolisation microspheres are a device; an antibody labelled for imaging is no therapy
    (None, "Yttrium-90 Radioembolization Using Glass Microspheres", "other"),
    (None, "Molecular Imaging Using Radiolabeled Atezolizumab", "monoclonal_antibody"),
])
def test_radiolabelled_medicines_written_out(kind, name, expected):
    assert classify((kind, name))[0].modality == expected


def test_an_antibody_the_title_labels_with_a_therapeutic_isotope_is_that_radiopharmaceutical():
    trial = Trial("NCT00000001", brief_title="Monoclonal Antibody Therapy in Brain Metastases",
                  official_title="Intrathecal Monoclonal Antibody Fragment 131I Me1-14 F(ab')2",
                  interventions=(Intervention(0, "BIOLOGICAL",
                                              "monoclonal antibody Me1-14 F(ab')2"),))
    assert [p.modality for p in C.classify(trial)] == ["radiopharmaceutical"]


def test_aptamers_and_trifunctional_antibodies():
    placed = classify(("DRUG", "E10030 plus Lucentis"), ("DRUG", "Lucentis"))
    assert [(p.modality, p.is_primary) for p in placed] == [
        ("oligonucleotide", True), ("monoclonal_antibody", False)]
    assert classify(("DRUG", "Trifunctional Antibody FBTA05"))[0].modality == \
        "bispecific_antibody"


def test_support_the_title_names_by_another_name_is_the_question():
    placed = classify(("DRUG", "Granulocyte colony-stimulating factor"), ("DRUG", "Dexamethasone"),
                      title="G-CSF for Granulocyte Donation")
    assert placed[0].modality == "protein"
    # named as support, it stays support
    placed = classify(("BIOLOGICAL", "filgrastim"), ("DRUG", "topotecan"),
                      title="High Dose Topotecan With G-CSF Support")
    assert [p.modality for p in placed] == ["small_molecule"]


@pytest.mark.parametrize("code", ["FT516", "FT538", "FT596"])
def test_engineered_ipsc_nk_products(code):
    assert classify(("BIOLOGICAL", code))[0].modality == "engineered_cell_therapy"


@pytest.mark.parametrize("name", [
    "placenta-MSCs derived exosomes", "low dose hMSC-Exos", "Nebulized Platelet Lysate",
    "COVID-19 Specific T Cell derived exosomes (CSTC-Exo)", "hUCMSC conditioned medium",
    "MSC-EVs", "Umbilical Cord MSC EVs",
])
def test_what_cells_release_is_no_cell_therapy(name):
    assert [p.modality for p in classify(("BIOLOGICAL", name))] == ["other"]


@pytest.mark.parametrize("kind, name, expected", [
    ("DRUG", "Biomarker Screening Based on Neoantigen", "other"),
    ("DRUG", "Personalized Neoantigen Peptide-Based Vaccine", "vaccine"),
    (None, "HBsAg-positive Patients", "other"),  # plain words, no vaccine (2026.12.273)
    ("DRUG", "Neoantigen Derived DCs as Cancer Treatment", "cell_therapy"),
    ("DRUG", "Neoantigen Reactive T Cells", "cell_therapy"),
    ("DRUG", "CPT11 Loaded DC Bead", "small_molecule"),
])
def test_neoantigens_hbsag_and_dcs_in_context(kind, name, expected):
    assert classify((kind, name))[0].modality == expected


@pytest.mark.parametrize("name", ["apremilast", "roflumilast", "regadenoson", "vadadustat",
                                  "iadademstat", "pirfenidone"])
def test_more_who_stems_of_small_molecules(name):
    assert classify(("DRUG", name))[0].rule in ("stem", "product")


@pytest.mark.parametrize("name", [
    "Orforglipron", "Miricorilant", "Plerixafor", "mavorixafor", "suvorexant", "sotorasib",
    "adagrasib", "bosentan", "tedizolid", "fimepinostat", "verubecestat", "baxdrostat",
    "mavacamten", "vonoprazan", "sivelestat", "roxadustat"])
def test_newer_who_stems_read_an_untyped_medicine(name):
    """Records from flat sources carry no intervention type: the name alone must say it."""
    (p,) = classify((None, name))
    assert (p.modality, p.rule) == ("small_molecule", "stem")


@pytest.mark.parametrize(("name", "expected"), [
    ("64-Cu-plerixafor", "other"),  # a PET tracer, however its isotope is written
    ("[68Ga]Ga-pentixafor", "other"),
    ("Cryoprecipitate", "other"), ("Octaplasma", "other"),  # blood products
])
def test_tracers_and_blood_products_beside_the_new_stems(name, expected):
    assert primary(("DRUG", name)) == [expected]


@pytest.mark.parametrize(("name", "expected"), [
    ("Salvia officinalis (sage)", "other"), ("Nigella Sativa / Black Cumin", "other"),
    ("Centella asiatica product", "other"), ("Artemisia Annua Leaf", "other"),
    ("homeopathic medicine", "other"), ("thermal cure", "other"),
    ("Perlane", "other"), ("Poly-L-Lactic Acid (Sculptra) injection", "other"),
    ("Holmium-166-DOTMP", "radiopharmaceutical"), ("M7824", "bispecific_antibody"),
    # microbes and drugs with a Latin name are not botanicals
    ("Escherichia coli vaccine", "vaccine"), ("artesunate", "small_molecule"),
])
def test_botanicals_by_latin_name_spa_fillers_and_spelled_isotopes(name, expected):
    assert primary(("DRUG", name)) == [expected]


@pytest.mark.parametrize(("items", "expected"), [
    ((("BIOLOGICAL", "Umbilical Cord Lining Stem Cells (ULSC)"),), "cell_therapy"),
    ((("PROCEDURE", "Umbilical Cord Blood Stem Cell Transplantation"),), "other"),
    ((("BIOLOGICAL", "Human Amniotic Fluid"),), "other"),
    ((("DRUG", "Stravix lyopreserved placental tissue (LPT)"),), "other"),
    ((("GENETIC", "aCD19z cells, IL2, pre conditioning Cyclophosphamide & Fludarabine"),),
     "engineered_cell_therapy"),  # a CAR named by its target and zeta chain
    ((("DRUG", "Interleukin 6-guided antibiotic therapy"),
      ("DRUG", "GOLD-guided antibiotic therapy")), "other"),  # a strategy, guided by a measure
    ((("DRUG", "Procalcitonin-guided antibiotic management"),), "other"),
    ((("DRUG", "HLX01"),), "monoclonal_antibody"), ((("BIOLOGICAL", "CYNK-001"),), "cell_therapy"),
])
def test_cord_tissue_cells_zeta_cars_and_guided_strategies(items, expected):
    assert primary(*items) == [expected]


def test_a_medicine_given_under_guidance_is_given():
    """A guided strategy is no guiding medicine, but a treatment guided by imaging is given."""
    assert primary(title="Ultrasound and EMG Guided Botox Injection for Anismus") == ["protein"]


def test_cd_specific_t_cells_bare_stem_cell_infusions_and_capture_stents():
    # T cells specific for a CD antigen, or targeted to a tumour antigen, carry a CAR
    (p,) = classify(("PROCEDURE", "T-Cell Infusion"),
                    title="Infusion of Allogeneic, 3rd Party CD19-specific T Cells")
    assert p.modality == "engineered_cell_therapy"
    (p,) = classify(title="Adoptive Transfer of Autologous T Cells Targeted to Prostate "
                          "Specific Membrane Antigen (PSMA)")
    assert p.modality == "engineered_cell_therapy"
    # ... while T cells specific for a virus are plain cells
    (p,) = classify(("BIOLOGICAL", "EBV-specific T-cells"),
                    title="EBV-specific Cytotoxic T Cells for EBV Lymphomas")
    assert p.modality == "cell_therapy"
    # a bare "stem cell infusion" is a transplant's graft; named cells stay cells
    assert primary(("PROCEDURE", "Stem Cell Infusion"), ("DRUG", "Campath-1H"),
                   title="T Cell Depletion for Recipients of HLA Haploidentical Related Donor "
                         "Stem Cell Grafts") != ["cell_therapy"]
    assert primary(("BIOLOGICAL", "Mesenchymal stem cell infusion")) == ["cell_therapy"]
    assert primary(("BIOLOGICAL", "STEM CELL THERAPY")) == ["cell_therapy"]
    # a stent that captures progenitor cells with an antibody is a device
    assert primary(("DEVICE", "coronary stent (Genous, OrbusNeich) with immobilised anti-CD34 "
                              "antibody to capture circulating endothelial progenitor cells")) == [
        "other"]


@pytest.mark.parametrize(("title", "expected"), [
    ("PET Imaging of Radiolabeled Anti-HIV-1 Envelope Monoclonal Antibody (VRC01)", "other"),
    ("Molecular Imaging Using Radiolabeled Atezolizumab to Assess Atezolizumab Biodistribution",
     "other"),
    ("Whole Body HER3 Quantification With Radiolabelled Patritumab Deruxtecan PET/CT", "other"),
    # the drug whose effect on a tracer's uptake is measured is what is tested
    ("Effect of Sorafenib on ccRCC Uptake of Radiolabeled Bevacizumab or cG250",
     "small_molecule"),
    # a radiolabelled antibody given as treatment is a radiopharmaceutical
    ("Radiolabeled Monoclonal Antibody Therapy in Treating Patients With Lymphoma",
     "radiopharmaceutical"),
])
def test_a_radiolabelled_product_a_title_images_is_a_tracer(title, expected):
    assert primary(title=title) == [expected]


def test_programmes_about_vaccines_are_no_vaccine_whatever_their_items():
    """A title about a programme promoting vaccination lends no vaccine to the programme's
    parts; a behavioural intervention naming a vaccine is a programme about it."""
    items = (("OTHER", "Control message"), ("OTHER", "Personal freedom message"))
    assert primary(*items, title="COVID-19 Vaccine Messaging, Part 1") == ["other"]
    assert primary(("BEHAVIORAL", "COVID-19 vaccine and booster training, and importance"),
                   title="Vaccine Hesitancy in Black/African Americans With Rheumatic Diseases"
                   ) == ["other"]
    # messages, surveys and calls are what a programme does, whatever their type
    assert primary(("OTHER", "Survey"), title="COVID-19 and Vaccination Attitudes") == ["other"]
    assert primary(("OTHER", "Arm 1: E-portal message with IVR call"), ("OTHER", "Arm 5: IVR call"),
                   title="System Alignment for VaccinE Delivery (SAVED)") == ["other"]
    assert primary(("DRUG", "TFV IVR")) == ["small_molecule"]  # an intravaginal ring's drug
    # a code the title calls a vaccine is still one
    assert primary(("BIOLOGICAL", "ABC-123"), title="ABC-123 Vaccine in Healthy Adults") == [
        "vaccine"]


@pytest.mark.parametrize(("title", "expected"), [
    ("Her2 and TGFBeta Cytotoxic T Cells in Treatment of Her2 Positive Malignancy",
     "cell_therapy"),
    ("QUILT-3.018: Neukoplast™ (NK-92) for the Treatment of Relapsed Acute Myeloid Leukemia",
     "cell_therapy"),
    ("Ex Vivo-Activated Lymph Node Lymphocytes in Treating Patients With Melanoma",
     "cell_therapy"),
    ("Study of T Cells Targeting B-Cell Maturation Antigen for Multiple Myeloma",
     "engineered_cell_therapy"),
    ("CAR-GPC3 T Cells in Patients With Refractory Hepatocellular Carcinoma",
     "engineered_cell_therapy"),
    ("T-cells Expressing an Anti-SLAMF7 CAR for Treating Multiple Myeloma",
     "engineered_cell_therapy"),
    ("CAR - γ δ T Cells in the Treatment of CD7 Positive T Cell-derived Malignant Tumors",
     "engineered_cell_therapy"),
    ("TCR1020-CD8 T Cells in KRAS-mutated Cancers", "engineered_cell_therapy"),
    ("T Cell Receptor Based Therapy of Metastatic Colorectal Cancer", "engineered_cell_therapy"),
    ("Adoptive Treatment of Hepatocellular Carcinoma With Allogeneic γδ-T Cells", "cell_therapy"),
    ("Infusion of iNKT Cells and CD8+T Cells in Patients With Advanced Solid Tumor",
     "cell_therapy"),
    ("Anti-tumor Effect Induced by Activated Primary Natural Killer（NK）Cells", "cell_therapy"),
    # natural gamma-delta T cells named by their receptor are no engineered cells
    ("Provision of TCRγδ T Cells and Memory T Cells After Transplant", "cell_therapy"),
    # a measure of cytotoxic T cells is no cell product
    ("Cytotoxic T Lymphocyte Responses to Influenza Vaccine in Older Adults", "vaccine"),
])
def test_cells_named_in_full_in_titles(title, expected):
    assert primary(title=title) == [expected]


@pytest.mark.parametrize("title", [
    "Laparoscopic Radiofrequency Ablation (RFA) of Symptomatic Uterine Fibroids",
    "Intensive Cryotherapy in the Emergency Department for Acute Musculoskeletal Injuries",
    "Low-Cost Contingency Management for Smoking Cessation",
    "Effects of Osteopathic Manipulative Treatment (OMT) on Gait Biomechanics",
    "Accelerated Theta Burst in Chronic Pain: A Biomarker Study",
    "Clinic-Based Financial Coaching and Family Health and Development",
    "The Use of Microneedles in Photodynamic Therapy",
    "Mobile Technology for Blood Pressure Management",
])
def test_procedures_and_programmes_a_title_names(title):
    assert primary(title=title) == ["other"]


@pytest.mark.parametrize("title", [
    "Efficacy of Diuretics in Kidney Disease", "First-line Antimetabolites as Steroid-sparing "
    "Treatment Uveitis Pilot Trial", "Trial of Ropinirole in Motor Recovery After Stroke",
    "Fenretinide in Treating Patients With Metastatic Solid Tumors"])
def test_medicine_classes_and_stems_in_titles(title):
    assert primary(title=title) == ["small_molecule"]


@pytest.mark.parametrize(("items", "title", "expected"), [
    ((), "Effects of California Walnuts on Vascular Function in Postmenopausal Women", "other"),
    ((), "Daily Intake of Cocoa Flavanols and Arterial Stiffness in Humans", "other"),
    ((), "Effect of Daily Calorie or Alternate-day Calorie Reductions on Risk", "other"),
    ((("DRUG", "Plant Polyphenol"),), None, "other"),
    # the allergens of oral immunotherapy stay what the labels call them
    ((("OTHER", "Cow's milk"),), "Specific Oral Tolerance Induction to Cow's Milk Allergy",
     "vaccine"),
])
def test_foods_given_as_the_intervention_are_other(items, title, expected):
    assert primary(*items, title=title) == [expected]


def test_antidiuretic_hormone_is_no_diuretic():
    assert "small_molecule" not in {p.modality for p in classify(
        title="Antidiuretic Hormone Levels After Cardiac Surgery")}


def test_a_medicine_given_through_microneedles_is_the_medicine():
    assert primary(("DRUG", "Lidocaine microneedle patch")) == ["small_molecule"]


def test_eye_lubricants_are_the_vehicle_and_nutrition_brands_are_other():
    assert primary(("DRUG", "insulin eye drops"), ("DRUG", "Artificial tears eye-drops")) == [
        "protein"]
    assert [p.modality for p in classify(("DRUG", "insulin eye drops"),
                                         ("DRUG", "Artificial tears eye-drops"))] == ["protein"]
    assert primary(("DRUG", "Artificial tears")) == ["other"]  # a control alone
    assert primary(("DRUG", "Oliclinomel N71000 OR N71000E // Clinimix N17G35")) == ["other"]
    assert primary(("DRUG", "FMP30 Donor Stool")) == ["other"]
    assert primary(("DRUG", "InductOs")) == ["protein"]  # dibotermin alfa, rhBMP-2


def test_mapping_dyes_are_assessments():
    placed = classify(("DRUG", "patent blue V dye"), ("PROCEDURE", "sentinel lymph node biopsy"))
    assert [p.modality for p in placed] == ["other"]
    # methylene blue given as a medicine stays one
    assert classify(("DRUG", "Sublingual Methylene blue"))[0].modality == "small_molecule"


def test_named_drugs_still_count_whatever_their_type():
    assert classify(("DIETARY_SUPPLEMENT", "metformin"))[0].modality == "small_molecule"
    assert classify(("DRUG", "Sodium Nitroprusside tablets"))[0].modality == "small_molecule"


def test_a_code_is_not_the_abbreviation_its_letters_spell():
    """'CT-2584' is a drug, not computed tomography (as 'TBI-2001' is no irradiation)."""
    assert classify(("DRUG", "CT-2584"))[0].rule == "type prior"
    assert classify(("PROCEDURE", "CT scan"))[0].modality == "other"


def test_a_titled_medicine_of_a_regimen_name_is_the_question():
    """Each medicine of one name listing several is judged by its own words; one the title
    names is what the trial tests, even where the regimen would be a graft's background."""
    placed = classify(("DRUG", "BUSULFAN, MELPHALAN, FLUDARABINE, G-CSF"),
                      title="Chemotherapy Alone Regimen of IV Busulfan, Melphalan and "
                            "Fludarabine Followed by an Allogeneic T-Cell Depleted Transplant")
    assert [p.modality for p in placed] == ["small_molecule"]


def test_primary_is_the_most_specific_tested_modality():
    placements = classify(("DRUG", "pembrolizumab"), ("DRUG", "tisagenlecleucel"),
                          ("DRUG", "carboplatin"))
    assert {p.modality for p in placements} == {"monoclonal_antibody", "engineered_cell_therapy",
                                               "small_molecule"}
    assert [p.modality for p in placements if p.is_primary] == ["engineered_cell_therapy"]


def test_active_comparator_is_counted_but_not_primary():
    arms = (ArmGroup("A", "EXPERIMENTAL", ("Drug: osimertinib",)),
            ArmGroup("B", "ACTIVE_COMPARATOR", ("Drug: pembrolizumab",)))
    placements = classify(("DRUG", "osimertinib"), ("DRUG", "pembrolizumab"), arms=arms)
    assert {p.modality for p in placements} == {"small_molecule", "monoclonal_antibody"}
    assert [p.modality for p in placements if p.is_primary] == ["small_molecule"]


def _two_arms(both: list[str], only_a: list[str]) -> tuple[ArmGroup, ArmGroup]:
    return (ArmGroup("A", "EXPERIMENTAL", tuple(f"Drug: {n}" for n in both + only_a)),
            ArmGroup("B", "ACTIVE_COMPARATOR", tuple(f"Drug: {n}" for n in both)))


def test_what_every_arm_gets_is_the_setting_of_an_add_on():
    """LABELING.md: therapy every participant receives while an add-on is tested is background,
    unless the title names it."""
    items = (("DRUG", "tislelizumab"), ("DRUG", "oxaliplatin"), ("PROCEDURE", "gastrectomy"))
    arms = _two_arms(["oxaliplatin", "gastrectomy"], ["tislelizumab"])
    placed = classify(*items, arms=arms, title="Tislelizumab plus chemotherapy before surgery")
    assert [p.modality for p in placed] == ["monoclonal_antibody"]
    # named in the title (by any of its products), the backbone is part of the question
    placed = classify(*items, arms=arms, title="Tislelizumab plus Eloxatin versus Eloxatin")
    assert {p.modality for p in placed} == {"monoclonal_antibody", "small_molecule"}
    # a development code in the title names the product given in every dose cohort
    items = (Intervention(0, "BIOLOGICAL", "IP FT516"), Intervention(1, "DRUG", "IL-2"),
             Intervention(2, "DRUG", "enoblituzumab"))
    trial = Trial("NCT00000001", brief_title="FT516 and IL2 With Enoblituzumab",
                  interventions=items,
                  arm_groups=_two_arms(["IP FT516", "IL-2"], ["enoblituzumab"]))
    assert C.roles.roles(trial) == {0: "tested", 1: "backbone", 2: "tested"}


def test_support_alone_does_not_make_an_add_on():
    """"X with or without G-CSF": X, given in every arm, is still what the trial studies."""
    arms = _two_arms(["ARRY-520, KSP inhibitor"], ["filgrastim"])
    placed = classify(("DRUG", "ARRY-520, KSP inhibitor"), ("DRUG", "filgrastim"), arms=arms)
    assert [p.modality for p in placed] == ["small_molecule"]


def test_code_only_intervention_falls_back_to_the_title():
    (p,) = classify(("BIOLOGICAL", "XYZ-123"), title="Gene therapy for retinitis pigmentosa")
    assert p.modality == "gene_therapy" and "trial title" in p.evidence
    (p,) = classify(("BIOLOGICAL", "XYZ-123"), title="A study in healthy volunteers")
    assert p.modality == "unclassified"


@pytest.mark.parametrize("title, expected", [
    # products of every kind, each named medicine counted
    ("A Study of Vismodegib in Men With Metastatic CRPC", {"small_molecule"}),
    ("Interleukin-12, Paclitaxel, and Trastuzumab in Treating Patients With Solid Tumors",
     {"protein", "small_molecule", "monoclonal_antibody"}),
    # each part read like an intervention name: a kind overrides another only within a part
    ("Monoclonal Antibody and Vaccine Therapy in Treating Patients With Melanoma",
     {"monoclonal_antibody", "vaccine"}),
    ("Radiolabeled Monoclonal Antibody Therapy in Treating Patients With Colon Cancer",
     {"radiopharmaceutical"}),
    ("Novel Adjuvants for Peptide-Based Melanoma Vaccines", {"vaccine"}),
    # settings and measures are not what is tested
    ("Capecitabine in Treating Patients With Cancer That Has Not Responded to Radiation Therapy",
     {"small_molecule"}),
    ("Nivolumab in Multiple Myeloma Patients After Idecabtagene Vicleucel",
     {"monoclonal_antibody"}),
    ("Effect of a Grape Seed Extract on Insulin Resistance", {"other"}),
    ("Lapatinib in Patients With Liver Cancer That Cannot Be Removed by Surgery",
     {"small_molecule"}),
    # ... unless the setting is all the title names
    ("Long-term Follow-up of Participants Treated With CAR T-cell Therapies",
     {"engineered_cell_therapy"}),
    # words inside other words are not signals ("Persistent" is no stent)
    ("Capecitabine in Treating Patients With Advanced, Persistent, or Recurrent Cervical Cancer",
     {"small_molecule"}),
    ("Mindfulness Meditation Training in HIV", {"other"}),
    # a bare code no rule knows says nothing (VAL-083, dianhydrogalactitol, is known since
    # 2026.12.265)
    ("Safety Study of XYZ-083 in Patients With Recurrent Malignant Glioma", {"unclassified"}),
    ("Safety Study of VAL-083 in Patients With Recurrent Malignant Glioma", {"small_molecule"}),
    # classes of medicines and of other care, named by what they are
    ("Anti-HIV Drugs for Ugandan Patients With HIV and Tuberculosis", {"small_molecule"}),
    ("Group Therapy for Primary Breast Cancer", {"other"}),
    ("Study of the Effect of Vitamin D as an Add-on Therapy to Corticosteroids in Asthma",
     {"other"}),
    ("Predicting Analgesic Response to Acupuncture", {"other"}),
    # a medicine named as the participants' history is none they are given (2026.12.142)
    ("Rogaratinib for BCG Refractory High Risk Non-Muscle Invasive Bladder Cancer",
     {"small_molecule"}),
    # (the code is tremelimumab's, read as one code since 2026.12.241: BCG is still no vaccine)
    ("Study of CP-675,206 in Bacillus Calmette-Guerin (BCG)-Resistant Bladder Cancer",
     {"monoclonal_antibody"}),
    ("Ofatumumab vs Physician's Choice in Subjects With Fludarabine-Refractory CLL",
     {"monoclonal_antibody"}),
    ("Intravesical Gemcitabine and Docetaxel for BCG naïve Bladder Cancer", {"small_molecule"}),
    # ... as is a medicine they were treated with, said before them (2026.12.194), but not how
    # the cells given were made
    ("Testosterone for Men With Insulin Treated Type 2 Diabetes", {"small_molecule"}),
    ("Disulfiram to Reverse HIV Latency in Antiretroviral-treated Adults",
     {"small_molecule"}),
    ("Laboratory-Treated (Central Memory/Naive) CD8+ T Cells in Treating Patients With AML",
     {"cell_therapy"}),
    ("Pembrolizumab-based Therapy in Previously Treated High Grade Neuroendocrine Carcinomas",
     {"monoclonal_antibody"}),
    # ... while what follows "resistant to" is still the setting's to blank
    ("Nivolumab in Patients Resistant to Imatinib", {"monoclonal_antibody"}),
    # mismatch repair is no measles vaccine; a polysaccharide extract no polysaccharide vaccine
    ("Atezolizumab in MSI-h/MMR-D Stage III Colorectal Cancer", {"monoclonal_antibody"}),
    ("Efficacy and Safety Study of Ginseng Polysaccharide Extract", {"other"}),
    # tumour treating fields are a device, however a title names them
    ("NovoTTF-100A Therapy for Refractory CNS Involved Small Cell Lung Cancer", {"other"}),
    ("TTFields and Chemotherapy in Metastatic Pancreatic Adenocarcinoma",
     {"other", "small_molecule"}),
    # a trial run by telemedicine is no programme about care: its medicine is what it tests
    ("A Fully Decentralized, Telemedicine Study of Pemigatinib in Pancreatic Cancer",
     {"small_molecule"}),
])
def test_a_record_without_interventions_is_read_from_its_title(title, expected):
    """A fifth of ../shared/ctgov (study-level and flat exports) lists no interventions."""
    placed = classify(title=title)
    assert {p.modality for p in placed} == expected
    assert all("no interventions" in p.evidence for p in placed if p.modality != "unclassified")


def test_an_observational_record_is_not_read_for_every_kind():
    """An observational title names exposures, not treatments given by the study."""
    (p,) = classify(title="Metformin Use and Cancer Outcomes", study_type="OBSERVATIONAL")
    assert p.modality == "other"


def test_a_bare_code_is_not_the_other_product_its_title_names():
    """ "1018 ISS, Following Rituxan": the title's antibody is the listed Rituxan, not the
    code; a title that compares the two makes the code a biosimilar of its reference."""
    items = (("DRUG", "Rituxan"), ("DRUG", "1018 ISS"))
    title = "Study of Dynavax's 1018 ISS, Following Rituxan in Follicular Lymphoma"
    assert {p.modality for p in classify(*items, title=title)} == {"monoclonal_antibody",
                                                                   "small_molecule"}
    items = (("DRUG", "HLX02"), ("DRUG", "Herceptin"))
    title = "A Pharmacokinetic Study Comparing HLX02 and Herceptin in Healthy Men"
    assert {p.modality for p in classify(*items, title=title)} == {"monoclonal_antibody"}
    # the code's own kind in the title still counts, however the name is spelled
    (p,) = classify(("BIOLOGICAL", "CD19 and CD22 targeted prime CAR- T cells"),
                    title="CD19 and CD22 Targeted Prime CAR-T Cell in B Cell Lymphoma")
    assert p.modality == "engineered_cell_therapy"


def test_a_bare_code_does_not_take_the_setting_its_title_names():
    # (a code no entry knows: E7777, the real record's, is denileukin diftitox since .133)
    (p,) = classify(("DRUG", "Q7777"), title="Study of Q7777 Prior to Kymriah for DLBCL")
    assert p.modality == "small_molecule"  # the type prior: the title says nothing of Q7777
    # ... unless the setting is the code itself
    (p,) = classify(("BIOLOGICAL", "CLBR001"),
                    title="Long-term Follow-up Study for Patients Treated With CLBR001 CAR-T")
    assert p.modality == "engineered_cell_therapy"
    # each part of the title is read on its own: the antibody is the listed Rituxan
    placed = classify(("DRUG", "Rituxan"), ("DRUG", "1018 ISS"),
                      title="Dynavax's Immunostimulatory Oligodeoxyribonucleotide, 1018 ISS, "
                            "Following Rituxan (Rituximab) Treatment")
    assert {p.modality for p in placed} == {"monoclonal_antibody", "oligonucleotide"}


def test_herbal_formulae_named_in_pinyin_are_botanicals():
    """LABELING.md: botanicals are other; the dosage form of a formula named in pinyin is
    no small molecule, and the name is read only on a medicine's type."""
    assert primary(("DRUG", "Fuzheng Huayu Tablet"), ("DRUG", "Placebo")) == ["other"]
    assert primary(("DRUG", "Bu-Zhong-Yi-Qi-Tang")) == ["other"]
    # beside a medicine, both are tested; the medicine is the more specific kind
    placed = classify(("DRUG", "Jiedu Yizhi Formula"), ("DRUG", "Donepezil Hydrochloride"))
    assert {p.modality for p in placed} == {"other", "small_molecule"}
    assert [p.modality for p in placed if p.is_primary] == ["small_molecule"]
    assert primary(("DRUG", "Tamoxifen Tablets")) == ["small_molecule"]
    # a title's parts are English: its acronym is read as no pinyin
    placed = classify(title="Neo-DIANA: Neoadjuvant Treatment for EGFR Mutated Patients")
    assert all("pinyin" not in p.evidence for p in placed)


@pytest.mark.parametrize("name, kind, expected", [
    ("Vitamin B5 Tablets", "DRUG", "other"),  # a vitamin, whatever its form (LABELING.md)
    ("vitamin D3 analogue ILX23-7553", "DIETARY_SUPPLEMENT", "small_molecule"),  # a drug
    ("Penile duplex and shear wave elastosonography (SWE).", "DIAGNOSTIC_TEST", "other"),
])
def test_vitamins_analogues_and_assessments(name, kind, expected):
    assert [p.modality for p in classify((kind, name))] == [expected]


def test_a_procedure_description_naming_drugs_is_no_medicine():
    """ "40 Gy in 15 fractions ... after chemotherapy" describes radiotherapy, not a drug."""
    item = Intervention(0, "RADIATION", "3 week RT",
                        description="40 Gy in 15 fractions to the breast after chemotherapy")
    placed = C.classify(Trial("NCT00000001", interventions=(item,)))
    assert [p.modality for p in placed] == ["other"]
    item = Intervention(0, "DRUG", "XYZ-12", description="given orally as chemotherapy")
    assert [p.modality for p in C.classify(Trial("NCT00000002", interventions=(item,)))] == [
        "small_molecule"]


def test_gm_csf_given_with_a_vaccine_is_its_adjuvant():
    placed = classify(("BIOLOGICAL", "mRNA coding for melanoma antigens"), ("BIOLOGICAL", "GM-CSF"),
                      title="Vaccination With Tumor mRNA in Metastatic Melanoma")
    assert [p.modality for p in placed] == ["mrna"]
    # only GM-CSF's own kind gives way when one name holds both (the Td toxoid that
    # preconditions the dendritic-cell vaccine's site is background too, since 2026.12.204; a
    # dendritic-cell vaccine is the cell product, since 2026.12.203)
    placed = classify(("BIOLOGICAL", "TTRNA-DC vaccines with GM-CSF"), ("DRUG", "Td vaccine"),
                      title="Adoptive Cellular Therapy in Gliomas")
    assert {p.modality for p in placed} == {"cell_therapy"}
    # named in the title, it is part of the question
    placed = classify(("BIOLOGICAL", "sargramostim"), ("BIOLOGICAL", "peptide vaccine"),
                      title="GM-CSF With or Without Vaccine Therapy in Melanoma")
    assert {p.modality for p in placed} == {"protein", "vaccine"}


def test_support_the_title_calls_support_stays_background():
    items = (("BIOLOGICAL", "filgrastim"), ("DRUG", "topotecan"))
    title = "High Dose Topotecan With Filgrastim and Peripheral Blood Stem Cell Support"
    assert [p.modality for p in classify(*items, title=title)] == ["small_molecule"]
    title = "Topotecan With or Without Filgrastim in Treating Patients With Solid Tumors"
    assert {p.modality for p in classify(*items, title=title)} == {"protein", "small_molecule"}


def test_what_the_title_says_participants_undergo_is_background():
    items = (("DRUG", "TGF-beta2 antisense oligonucleotide"), ("PROCEDURE", "Trabeculectomy"))
    title = "Safety of ISTH0036 in Subjects With Glaucoma Undergoing Trabeculectomy"
    assert [p.modality for p in classify(*items, title=title)] == ["oligonucleotide"]
    # a sequence word is no setting: the trial may give both
    items = (("DRUG", "Rituxan"), ("DRUG", "1018 ISS"))
    title = "Study of 1018 ISS Following Rituxan in Follicular Lymphoma"
    assert "monoclonal_antibody" in {p.modality for p in classify(*items, title=title)}


@pytest.mark.parametrize("items, title, expected", [
    # what the tested medicine is added to, to the end of that phrase (2026.12.148)
    ((("DRUG", "Placebo"), ("DRUG", "BIIB061"), ("BIOLOGICAL", "Interferon-beta1"),
      ("DRUG", "Glatiramer acetate")),
     "Oral BIIB061 Added to Interferon-beta1 (IFN-β1) or Glatiramer Acetate in Relapsing MS",
     {"small_molecule"}),
    ((("DRUG", "linvoseltamab"), ("DRUG", "dupilumab")),
     "Short-Term Linvoseltamab Treatment on Top of Chronic Dupilumab Treatment",
     {"bispecific_antibody"}),
    ((("DRUG", "Teriflunomide"), ("DRUG", "Glatiramer Acetate (GA)")),
     "Teriflunomide as Adjunctive Therapy to Glatiramer Acetate in Multiple Sclerosis",
     {"small_molecule"}),
    # ... and what they are treated with, said as an adjective (2026.12.157)
    ((("DRUG", "growth hormone"), ("DRUG", "oxandrolone")),
     "Oxandrolone Compared With a Placebo in Girls With Growth Hormone-Treated Turner Syndrome",
     {"small_molecule"}),
])
def test_what_a_title_adds_the_tested_medicine_to_is_background(items, title, expected):
    assert {p.modality for p in classify(*items, title=title)} == expected


def test_lymphodepletion_by_antibody_is_background_unless_it_is_the_question():
    items = (("BIOLOGICAL", "ALLO-647"), ("DRUG", "Fludarabine"), ("DRUG", "Cyclophosphamide"),
             ("GENETIC", "ALLO-501A"))
    title = "Safety and Efficacy of ALLO-501A Anti-CD19 Allogeneic CAR T Cells in LBCL"
    assert [p.modality for p in classify(*items, title=title)] == ["engineered_cell_therapy"]
    # ... the question, while the investigational CAR-T its participants receive is given by
    # the trial, not their setting (2026.12.150)
    title = ("Evaluation of Lymphodepletion With ALLO-647 in Adults With LBCL Receiving ALLO-501A "
             "Allogeneic CAR T Cell Therapy")
    placed = classify(*items, title=title)
    assert {p.modality for p in placed} == {"engineered_cell_therapy", "monoclonal_antibody"}
    assert [p.modality for p in placed if p.is_primary] == ["engineered_cell_therapy"]


@pytest.mark.parametrize("items, title, expected", [
    # a double-dummy record without arms: what the title names is tested, the medicine it
    # does not name is the comparator (2026.12.148) ...
    ((("DRUG", "Evobrutinib"), ("DRUG", "Avonex®"), ("DRUG", "Avonex® matched Placebo"),
      ("DRUG", "Evobrutinib matched Placebo")), "Study of Evobrutinib in Participants With RMS",
     "small_molecule"),
    ((("DRUG", "LY3502970"), ("DRUG", "Dulaglutide"), ("DRUG", "Placebo"), ("DRUG", "Placebo")),
     "A Study of LY3502970 in Participants With Type 2 Diabetes Mellitus", "small_molecule"),
    # ... unless the title names its kind ("Adrenocorticotropin Hormone" for "ACTH")
    ((("DRUG", "Methylprednisolone"), ("DRUG", "ACTH"), ("DRUG", "IV placebo"),
      ("DRUG", "IM placebo")),
     "Adrenocorticotropin Hormone to Treat MS Relapses After Sub-responding to IV "
     "Methylprednisolone", "peptide"),
    # ... and with one placebo, a title naming one medicine alone still tests that one
    # (2026.12.249, `roles._titled_alone`); one speaking of a combination tests both
    ((("DRUG", "Evobrutinib"), ("DRUG", "Avonex®"), ("DRUG", "Placebo")),
     "Study of Evobrutinib in Participants With RMS", "small_molecule"),
    ((("DRUG", "Evobrutinib"), ("DRUG", "Avonex®"), ("DRUG", "Placebo")),
     "Study of Evobrutinib in Combination in Participants With RMS", "protein"),
])
def test_a_double_dummy_comparator_is_never_primary(items, title, expected):
    placed = classify(*items, title=title)
    assert [p.modality for p in placed if p.is_primary] == [expected]
    assert len({p.modality for p in placed}) == 2  # the comparator is still counted



def test_a_setting_said_of_people_is_background_however_the_title_names_it():
    """ "Patients Treated With Chemoradiation" names, by its kind, the "Radiation and
    chemotherapy" they receive: the setting of the PET study, not its question."""
    items = (("OTHER", "PBR PET"), ("RADIATION", "Radiation and chemotherapy"))
    title = "A Pilot Study to Evaluate PBR PET in Brain Tumor Patients Treated With Chemoradiation"
    assert [p.modality for p in classify(*items, title=title)] == ["other"]
    # said of a disease, it is what the trial does: the cells stay
    items = (("BIOLOGICAL", "ex vivo expanded autologous lymphocytes"),
             ("DRUG", "Cyclophosphamide"))
    title = "Brain Stem Gliomas Treated With Adoptive Cellular Therapy During Radiotherapy"
    assert "cell_therapy" in {p.modality for p in classify(*items, title=title)}


def test_category_tags_of_old_records_name_no_treatment():
    placed = classify(("DRUG", "antineoplaston A10"), ("PROCEDURE", "alternative product therapy"),
                      ("PROCEDURE", "biologically based therapies"),
                      ("PROCEDURE", "adjuvant therapy"))
    assert [p.modality for p in placed] == ["small_molecule"]
    (p,) = classify(("OTHER", "psychosocial assessment and care"))
    assert p.modality == "other"  # nothing else listed: the trial is other


def test_imaging_agents_are_assessments():
    """Tracers and contrast agents measure; a trial listing only them is other."""
    placed = classify(("DRUG", "LY3954068"), ("DRUG", "Flortaucipir F18"),
                      ("DRUG", "Gadoteridol"))
    assert [p.modality for p in placed] == ["small_molecule"]
    (p,) = classify(("DRUG", "Hyperpolarized Xe129"), ("DRUG", "iodinated contrast dye"))
    assert (p.modality, p.rule) == ("other", "assessment only")
    # a drug that only contains a contrast element's name is still a drug
    placed = classify(("DRUG", "motexafin gadolinium"), ("DRUG", "doxorubicin"))
    assert {p.modality for p in placed} == {"small_molecule"}


def test_a_peptide_antigen_in_a_vaccine_trial_is_a_vaccine():
    """LABELING.md: peptide cancer vaccines are vaccines; a named peptide medicine stays one."""
    (p,) = classify(("BIOLOGICAL", "gp100 human melanoma peptide"),
                    title="A Phase I Study of gp100 Human Melanoma Peptide Vaccine")
    assert p.modality == "vaccine"
    (p,) = classify(("BIOLOGICAL", "gp100 human melanoma peptide"), title="A peptide study")
    assert p.modality == "peptide"
    placed = classify(("DRUG", "semaglutide"), ("BIOLOGICAL", "influenza vaccine"),
                      title="Influenza Vaccination in People Taking Semaglutide")
    assert {p.modality for p in placed} == {"peptide", "vaccine"}


def test_an_other_name_naming_the_payload_is_the_same_product():
    item = Intervention(0, "DRUG", "Brentuximab vedotin",
                        ("SGN-35", "monomethyl auristatin E (MMAE)"))
    placed = C.classify(Trial("NCT00000001", interventions=(item,)))
    assert [p.modality for p in placed] == ["antibody_drug_conjugate"]
    # ... while two medicines in one name stay two
    assert {p.modality for p in classify(("DRUG", "pembrolizumab + lenvatinib"))} == {
        "monoclonal_antibody", "small_molecule"}


def test_a_pet_radioligand_is_no_radiopharmaceutical_therapy():
    (p,) = classify(("DRUG", "AZD5213"), ("OTHER", "[11C]AZ12807110"),
                    title="Evaluation of Histamine H3 Receptor Radioligand [11C]AZ12807110")
    assert p.modality == "small_molecule"
    (p,) = classify(("DRUG", "Trastuzumab deruxtecan"), ("DRUG", "Standard-of-Care"))
    assert p.modality == "antibody_drug_conjugate"


def test_a_drug_inside_a_device_is_the_device():
    for name in ("Everolimus-eluting coronary stent", "Paclitaxel-coated balloon",
                 "Chlorhexidine-impregnated dressing"):
        (p,) = classify(("DEVICE", name))
        assert p.modality == "other" and "name pattern" in p.evidence, name


@pytest.mark.parametrize("name", ["CHOP21-R", "CHOP-R", "R-CHOP14"])
def test_regimens_written_with_cycle_length_or_rituximab_last(name):
    assert {p.modality for p in classify(("DRUG", name))} == {"monoclonal_antibody",
                                                              "small_molecule"}


@pytest.mark.parametrize("name, expected", [
    ("R-EPOCH and cART", {"monoclonal_antibody", "small_molecule"}),  # antiretroviral therapy
    ("Q-NRG Metabolic Cart Device", {"other"}),
    ("GPC3-CART", {"engineered_cell_therapy"}), ("CART-EGFRvIII", {"engineered_cell_therapy"}),
    ("GB5005 CART", {"engineered_cell_therapy"}), ("CART19", {"engineered_cell_therapy"}),
    ("lacutamab", {"monoclonal_antibody"}),  # -tamab names a tumour target, not two
    ("orlotamab", {"bispecific_antibody"}),
])
def test_cart_is_not_every_cart_and_tamab_not_every_bispecific(name, expected):
    assert {p.modality for p in classify(("BIOLOGICAL", name))} == expected


def test_saline_with_a_dose_is_a_control():
    placed = classify(("BIOLOGICAL", "umbilical cord blood derived mesenchymal stem cells"),
                      ("OTHER", "Normal saline 2mL"), ("OTHER", "Physiological serum"),
                      ("OTHER", "Normal Saline 0.9%"), ("OTHER", "IV saline solution 0.9%"),
                      ("OTHER", "Glucose water 5%"))
    assert [p.modality for p in placed] == ["cell_therapy"]
    # a tested solution is no control
    assert not C.is_control("hypertonic saline 3%")
    assert not C.is_control("5% Dextrose Injection")
    # saline as registrants also write it (2026.12.257); not one that does something
    for name in ("0.9%NaCl", "Sterile Normal Saline (0.9% NaCl)", "Saline Solution - IV",
                 "Sodium Chloride 9mg/mL", "Nebulized Sterile Saline", "NaCl 0,9%,",
                 "Sterile Normal Saline for Intravenous Use", "Sodium Chloride, 0.9%"):
        assert C.is_control(name), name
    for name in ("Hypertonic Saline", "Saline Nasal Irrigation", "Oral sodium chloride",
                 "Heparinized saline", "Lactated Ringer's"):
        assert not C.is_control(name), name


def test_usual_care_named_generically_is_a_control():
    placed = classify(("DRUG", "Sarilumab 200 mg"), ("DRUG", "Best available treatment"),
                      ("DRUG", "Standard therapy"))
    assert [p.modality for p in placed] == ["monoclonal_antibody"]


def test_what_an_arm_goes_without_is_a_control():
    # "No Education" beside vardenafil is the arm without the education (2026.12.258)
    placed = classify(("DRUG", "Vardenafil"), ("BEHAVIORAL", "No Education"))
    assert [p.modality for p in placed] == ["small_molecule"]
    for name in ("No Feedback", "No DLI", "No THC/No CBD Marihuana", "No cooling (control)"):
        assert C.is_control(name), name
    # ... but a diet without something is a diet, and a long sentence says more
    for name in ("no added salt diet", "No Antiretroviral Drug-Free Period (No ARDFP) vs ARDFP"):
        assert not C.is_control(name), name


def test_trials_without_products_are_other():
    (p,) = classify(study_type="OBSERVATIONAL")
    assert p.modality == "other"
    (p,) = classify(("OTHER", "Biospecimen collection"))
    assert p.modality == "other"


def test_laboratory_methods_are_assessments():
    """NCI-style records list their correlative lab work as interventions."""
    placed = classify(("DRUG", "fludarabine phosphate"), ("GENETIC", "western blotting"),
                      ("OTHER", "mass spectrometry"), ("OTHER", "flow cytometry"),
                      ("OTHER", "enzyme-linked immunosorbent assay"), ("DEVICE", "MRI Scan"))
    assert [p.modality for p in placed] == ["small_molecule"]
    (p,) = classify(("GENETIC", "cytogenetic analysis"),
                    ("GENETIC", "fluorescence in situ hybridization"))
    assert (p.modality, p.rule) == ("other", "assessment only")


def test_literal_gates_never_hide_a_match(ctgov_db):
    """Gated matching finds exactly what running every pattern finds, on real registry text."""
    import duckdb

    con = duckdb.connect(str(ctgov_db), read_only=True)
    originals = [r[0] for r in con.execute(
        "SELECT DISTINCT t FROM (SELECT name AS t FROM interventions UNION ALL "
        "SELECT description FROM interventions UNION ALL SELECT brief_title FROM studies) "
        "WHERE t IS NOT NULL ORDER BY md5(t) LIMIT 6000").fetchall()]
    con.close()
    texts = [t.lower() for t in originals]
    for layer in ("name pattern", "description pattern"):
        gated = C.names.patterns[Layer(layer), Scope.ALL]
        for text in texts:
            plain: dict[str, str] = {}
            for mid, pattern in gated.rules:
                m = pattern.search(text)
                if m and mid not in plain:
                    plain[mid] = m.group(0)
            assert {k: m.group(0) for k, m in gated.find(text).items()} == plain, (layer, text)
    # a pattern with no literal of two letters runs on every text of its layer
    for key, gated in C.names.patterns.items():
        assert not gated.index.always, (key, [gated.rules[n][1].pattern
                                              for n in gated.index.always])
    # the [background] lists are gated the same way: same matches as the plain alternation
    import re

    from trialscape.classify.gates import GatedRegex
    for key, alts in load_config()["background"].items():
        if not isinstance(alts, list) or not all(isinstance(a, str) for a in alts):
            continue
        gated, plain = GatedRegex(alts), re.compile("|".join(alts), re.IGNORECASE)
        # each text runs only the alternatives whose literals it holds: the same match, the
        # same substitution and the same matches in turn as the whole alternation
        for text in texts + originals:
            g, p = gated.search(text), plain.search(text)
            assert (g and g.span()) == (p and p.span()), (key, text)
            assert gated.sub(" ", text) == plain.sub(" ", text), (key, text)
            assert ([m.span() for m in gated.finditer(text)]
                    == [m.span() for m in plain.finditer(text)]), (key, text)


@pytest.mark.parametrize("automaton_from", [1, 1_000])
def test_literal_index_opens_the_patterns_of_every_literal_a_text_holds(automaton_from):
    """Overlapping literals, a literal inside a longer one, non-ASCII letters: each opens its
    patterns, and a pattern without a gate is always open; the automaton (many literals) and
    the `in` tests (few) agree."""
    from trialscape.classify.gates import LiteralIndex

    gates = [frozenset({"cell"}), frozenset({"cells"}), frozenset({"cd19", "car-t"}), None,
             frozenset({"γδ"}), frozenset({"ct"}), frozenset({"a.b"})]
    index = LiteralIndex(gates, automaton_from=automaton_from)
    assert index.opened("anti-cd19 car-t cells") == (0, 1, 2, 3)
    assert index.opened("γδ t cell; a.b") == (0, 3, 4, 6)
    assert index.opened("cel ce11 a-b") == (3,)
    assert index.opened("") == (3,)
    ungated = LiteralIndex([frozenset({"cell"}), frozenset({"ct"})],
                           automaton_from=automaton_from)
    assert ungated.opened("ct scan") == (1,)
    assert ungated.opened("no literal") == ()
    assert required_literals(r"\bCT\b", 2) == frozenset({"CT"})
    assert required_literals(r"\bCT\b") is None


def test_a_positive_lookaround_gates_the_pattern_it_is_part_of():
    """A pattern whose match is what follows a lookbehind needs the lookbehind's text: without
    it as a gate such a pattern ran on every title (a tenth of the classifier's time)."""
    import re

    from trialscape.classify.gates import GatedRegex

    pattern = r"(?:(?<=\b89Zr[- ])|(?<=\bZr-89 ))[a-z][\w-]*"
    assert required_literals(pattern.lower()) == frozenset({"89zr-", "89zr ", "zr-89 "})
    assert required_literals(r"x(?=abcd)") == frozenset({"abcd"})
    # a negative lookaround requires nothing
    assert required_literals(r"(?<!abc)x") is None
    gated, plain = GatedRegex([pattern]), re.compile(pattern, re.IGNORECASE)
    assert gated.index.literals == ("89zr ", "89zr-", "zr-89 ")
    for text in ("89Zr-Panitumumab PET", "Zr-89 Cimzia PET", "Panitumumab", "89Zr", ""):
        assert gated.sub(" ", text) == plain.sub(" ", text), text


def test_a_loose_alternative_keeps_the_gate_of_the_others():
    """'^\\s*CT\\s*$' needs no 3-letter literal; it used to switch the gate off for the whole
    list (every name then ran ~100 alternatives). It now runs alone when no literal is there."""
    import re

    from trialscape.classify.gates import GatedRegex

    alts = ["biospecimen", r"\bquestionnaires?\b", r"^\s*(CT|MRI)\s*$", r"\b(ECG|EKG)\b"]
    gated, plain = GatedRegex(alts), re.compile("|".join(alts), re.IGNORECASE)
    # "ECG|EKG" parses as "E[CK]G", which is read back as the two strings it matches
    assert gated.index.literals == ("biospecimen", "ecg", "ekg", "questionnaire")
    assert [alts[n] for n in gated.index.always] == [r"^\s*(CT|MRI)\s*$"]
    for text in ("CT", " mri ", "CT scan", "Biospecimen Collection", "ECG monitoring",
                 "aspirin", "", "QUESTIONNAIRES and CT", "CTLA-4"):
        g, p = gated.search(text), plain.search(text)
        assert (g and g.span()) == (p and p.span()), text
        assert gated.sub("-", text) == plain.sub("-", text), text
    # a text with no literal runs the loose alternative alone; one with a literal, that
    # literal's alternatives beside it, in the order the list gives them; the first text to
    # open a set of alternatives runs the whole list (cheaper than compiling a set met once)
    gated = GatedRegex(alts)
    for text, alternation in (("aspirin", r"^\s*(CT|MRI)\s*$"),
                              ("ECG and questionnaire", "|".join(alts[1:]))):
        assert gated.narrowed(text) is gated.pattern
        assert gated.narrowed(text).pattern == alternation
    assert GatedRegex(alts[:2]).narrowed("aspirin") is None


def test_rules_file_errors_are_clear():
    config = load_config()
    config["modality"][0]["suppresses"] = ["no_such_modality"]
    with pytest.raises(ValueError, match="no_such_modality"):
        build_classifier(config)


def test_code_prefix_is_not_a_product():
    """'ION-' as a product normalised to the word 'ion' and made heavy-ion therapy an
    antisense drug; a prefix is refused, and the patterns still place real codes."""
    config = load_config()
    oligo = next(m for m in config["modality"] if m["id"] == "oligonucleotide")
    oligo["products"] = [*oligo["products"], "ION-"]
    with pytest.raises(ValueError, match="code prefix"):
        build_classifier(config)
    assert classify(("RADIATION", "high-LET heavy ion therapy"))[0].modality == "other"
    assert classify(("DEVICE", "holmium laser and ball tip fiber"))[0].modality == "other"
    for code in ("ION-363", "WVE-120101", "SRP-4053", "ISIS 3521", "ALN-RSV01", "AKCEA-TTR-LRx",
                 "QR-1123"):
        assert classify(("DRUG", code))[0].modality == "oligonucleotide", code


@pytest.mark.parametrize("name, kind, expected", [
    # "peptide" ends like the -tide stem: a peptide vaccine is a vaccine
    ("tetanus peptide melanoma vaccine", "BIOLOGICAL", "vaccine"),
    # not insulin: the peptide hormone GIP (a product since 2026.12.267)
    ("Glucose-Dependent Insulinotropic Polypeptide", "DRUG", "peptide"),
])
def test_words_that_only_look_like_a_stem(name, kind, expected):
    assert [p.modality for p in classify((kind, name))] == [expected]


def test_interleukin_is_not_a_leukin_stem():
    """An other name "Interleukin-1 Receptor-Associated Kinase 4 Inhibitor" beside emavusertib
    made the kinase inhibitor a protein too."""
    item = Intervention(0, "DRUG", "Emavusertib",
                        ("CA-4948", "Interleukin-1 Receptor-Associated Kinase 4 Inhibitor"))
    placed = C.classify(Trial("NCT00000001", interventions=(item,)))
    assert [p.modality for p in placed] == ["small_molecule"]


def test_a_product_that_carries_its_kind_gives_it_wherever_it_is_named():
    """{ name, kind } in `products`: the product places its modality and says its kind, however
    a text writes its code (hyphen, space or none), in the name or only in the title; no kind
    pattern repeats it."""
    from trialscape.classify.rules import kind_pattern
    config = load_config()
    gene = next(m for m in config["modality"] if m["id"] == "gene_therapy")
    gene["products"] = [*gene["products"], {"name": "ZZX-4242", "kind": "hsv"}]
    edited = build_classifier(config)
    for name in ("ZZX-4242", "ZZX 4242", "zzx4242 injection"):
        trial = Trial("NCT00000001", interventions=(Intervention(0, "BIOLOGICAL", name),))
        placed = edited.classify(trial)[0]
        assert (placed.modality, placed.submodality) == ("gene_therapy", "hsv"), name
    # a bare code the title names: the kind from the title's product
    trial = Trial("NCT00000001", brief_title="ZZX-4242 in Melanoma",
                  interventions=(Intervention(0, None, "ZZX-4242"),))
    assert edited.classify(trial)[0].submodality == "hsv"
    # the product's own kind outweighs another kind's words around it (2026.12.282)
    trial = Trial("NCT00000001", brief_title="ZZX-4242 Injected Into Melanoma",
                  interventions=(Intervention(0, "BIOLOGICAL", "Oncolytic virus ZZX-4242"),))
    assert edited.classify(trial)[0].submodality == "hsv"
    # whole words only: a longer code is another product
    assert re.search(kind_pattern("ZZX-4242"), "ZZX-42421", re.IGNORECASE) is None
    assert re.search(kind_pattern("pIL12"), "plasmid pIL-12", re.IGNORECASE)


def test_no_kind_pattern_repeats_a_product_that_carries_its_kind():
    """A product's kind is written once, on the product: a kind pattern that is only such a
    product's name (with or without word boundaries) is a leftover."""
    config = load_config()
    leftovers = []
    for m in config["modality"]:
        carried = {normalise(p["name"]).replace(" ", "") for p in m.get("products", [])
                   if isinstance(p, dict)}
        for sub in m.get("submodality", []):
            for pattern in sub["patterns"]:
                literal = pattern.replace("\\b", "").replace("-?", "-")
                if (re.fullmatch(r"[\w\- .]+", literal)
                        and normalise(literal).replace(" ", "") in carried):
                    leftovers.append((m["id"], sub["id"], pattern))
    assert not leftovers


def test_rules_edit_takes_effect(tmp_path):
    """An editor adds a company code; the next classification places it."""
    config = load_config()
    assert classify(("BIOLOGICAL", "ZZX-4242"))[0].modality == "unclassified"
    gene = next(m for m in config["modality"] if m["id"] == "gene_therapy")
    gene["products"] = [*gene["products"], "ZZX-4242"]
    edited = build_classifier(config)
    trial = Trial("NCT00000001", interventions=(Intervention(0, "BIOLOGICAL", "ZZX-4242"),))
    assert edited.classify(trial)[0].modality == "gene_therapy"


def test_throughput_floor(ctgov_db):
    """Far below the 5,000 trials/s the benchmark reports, so noise cannot fail it."""
    import duckdb

    from trialscape.classify.inputs import read_trials

    con = duckdb.connect(str(ctgov_db), read_only=True)
    trials = list(read_trials(con))[:10_000]
    con.close()
    fresh = build_classifier(load_config())
    start = time.perf_counter()
    for t in trials:
        fresh.classify(t)
    assert len(trials) / (time.perf_counter() - start) > 500


# Measured on ../shared/gold/dev_labels.csv (340 trials) with rules 2026.12.1. These floors
# guard against regressions; the issue's targets (F1 >= 0.95 / 0.90) are not yet all met:
# see docs/classification.md for the current figures and what is left.
# The issue's targets (0.95 for the advanced kinds and antibodies, 0.90 for the rest), raised to
# a regression floor where the dev labels score well above them.
# cell_therapy 0.93 -> 0.915 with rules 2026.12.12 (F1 0.920): "CT125A cells" (a CAR-T whose
# record names no CAR) is now read as a cell product, not as the small molecules given before
# it; one false cell therapy where there was a missed engineered cell. With 2026.12.234 it is
# read as the CAR-T it is (a coded cell product after fludarabine): cell therapy F1 0.980,
# engineered cells 0.991, so both floors rise.
FLOORS = {"gene_therapy": 0.95, "gene_editing": 0.95, "engineered_cell_therapy": 0.98,
          "oligonucleotide": 0.97, "antibody_drug_conjugate": 0.97, "bispecific_antibody": 0.96,
          "monoclonal_antibody": 0.95, "mrna": 0.96, "cell_therapy": 0.97,
          "radiopharmaceutical": 0.95, "vaccine": 0.92, "small_molecule": 0.945,
          "protein": 0.90, "other": 0.90}


def test_accuracy_on_gold_labels(ctgov_db):
    require_shared(GOLD)
    report = evaluate_snapshot(ctgov_db, GOLD)
    assert report.trials >= 300 and not report.missing
    # 95.9% with 2026.12.6 (the rules were written from these labels), 97.4% since .121,
    # 97.9% since .234
    assert report.primary_match >= 0.975
    for modality, floor in FLOORS.items():
        assert report.per_modality[modality].f1 >= floor, (modality,
                                                           report.per_modality[modality].f1)


@pytest.mark.parametrize(("part", "floor"), [
    # the never-read part 1b: 92.9% with 2026.12.106 to .120, 93.9% with .121 to .170, 95.9%
    # with .171 to .194 (two codes no record describes, by product entries), 96.9% since .195
    # (rules written from corpus records moved one trial)
    ("1b", 0.96),
    # all of dev_labels_2: 83.9% with 2026.12.6, 94.7% with .121, 96.4% since .171
    (None, 0.96),
])
def test_accuracy_floors_on_labels_written_after_the_first_rules(ctgov_db, part, floor):
    """Regression floors just under the figures reached (docs/classification.md), so a rule
    that costs a labelled trial on the second file, or on its unread part, is seen; the
    issue's target (94% on trials no rule was written from) is a target, not a floor."""
    labels = require_shared(GOLD.with_name("dev_labels_2.csv"))
    report = evaluate_snapshot(ctgov_db, labels, part)
    assert report.trials > (90 if part else 350) and not report.missing
    assert report.primary_match >= floor, report.primary_match


def test_evaluate_lists_each_error_with_its_evidence(ctgov_db, capsys):
    """`trialscape evaluate --errors`: what the label says and what each placement rests on."""
    from trialscape.cli import main

    require_shared(GOLD)
    assert main(["evaluate", "--db", str(ctgov_db), "--labels", str(GOLD), "--errors"]) == 0
    out = capsys.readouterr().out
    report = evaluate_snapshot(ctgov_db, GOLD)
    assert f"{len(report.errors)} labelled trials placed differently" in out
    first = report.errors[0][0]
    block = out.split(first, 1)[1].split("\n\n", 1)[0]
    assert "  label:  " in block and "  placed: " in block and " matches the " in block


def test_unclassified_share_of_drug_and_biological_trials(ctgov_db):
    import duckdb

    con = duckdb.connect(str(ctgov_db), read_only=True)
    total, unclassified = con.execute("""
        SELECT count(*), count(*) FILTER (WHERE primary_modality = 'unclassified')
        FROM trials t WHERE study_type = 'INTERVENTIONAL' AND nct_id IN (
            SELECT nct_id FROM interventions WHERE type IN ('DRUG', 'BIOLOGICAL'))""").fetchone()
    con.close()
    # the issue's target is 3%; 0.46% with rules 2026.12.171 (63 of 13,629; 0.92% with
    # 2026.12.100, 1.06% with .83, 1.21% with .72, 1.35% with .58): a floor at 0.6%
    assert unclassified / total < 0.006, unclassified / total


def test_records_without_interventions_are_mostly_placed(ctgov_db):
    """9,732 interventional records list no interventions; read from their titles, 25.7% stay
    unclassified with rules 2026.12.100 (73% did before 2026.12.6, 30.8% with 2026.12.26, 28.9%
    with 2026.12.40, 28.4% with 2026.12.58, 27.6% with 2026.12.74, 26.2% with 2026.12.91). A
    regression floor, not a target."""
    import duckdb

    con = duckdb.connect(str(ctgov_db), read_only=True)
    total, unclassified = con.execute("""
        SELECT count(*), count(*) FILTER (WHERE primary_modality = 'unclassified')
        FROM trials WHERE study_type = 'INTERVENTIONAL'
          AND nct_id NOT IN (SELECT nct_id FROM interventions)""").fetchone()
    con.close()
    assert total > 5000 and unclassified / total < 0.265, (total, unclassified)


def test_a_vector_carrying_a_protein_gene_is_gene_therapy():
    """The product dictionary names the payload (factor VIII, interferon); the vector words
    name what is tested. Both from real records' wording."""
    from trialscape.classify.inputs import Intervention, Trial
    from trialscape.classify.rules import load_classifier

    c = load_classifier()
    for name in ("Recombinant AAV2/6 Human Factor VIII Gene Therapy",
                 "Adenovirus-mediated interferon gamma gene transfer",
                 "human glucocerebrosidase cDNA"):
        trial = Trial("NCT00000001", interventions=(Intervention(0, "GENETIC", name),))
        placed = {p.modality: p for p in c.classify(trial)}
        assert placed["gene_therapy"].is_primary, (name, placed)
        assert "protein" not in placed, name
    # A protein with no vector stays a protein.
    trial = Trial("NCT00000002", interventions=(Intervention(0, "BIOLOGICAL",
                                                             "recombinant factor VIII"),))
    assert [p.modality for p in c.classify(trial)] == ["protein"]


@pytest.mark.parametrize("name, expected", [
    # a named regimen counts by its parts (LABELING.md)
    ("R-CHOP", {"monoclonal_antibody", "small_molecule"}),
    # two medicines in one name: a product and an INN outside it
    ("Tebentafusp with Pembrolizumab", {"bispecific_antibody", "monoclonal_antibody"}),
    ("pembrolizumab + lenvatinib", {"monoclonal_antibody", "small_molecule"}),
    ("AZD8205 and AZD2936 (Rilvegostomig)", {"antibody_drug_conjugate", "bispecific_antibody"}),
    # one product's name is not also its parts
    ("zanidatamab zovodotin", {"antibody_drug_conjugate"}),
    # a radionuclide on an antibody is a radiopharmaceutical
    ("yttrium Y 90 epratuzumab", {"radiopharmaceutical"}),
    # the BiTE trademark, not the word
    ("Sand fly bite", {"other"}),
])
def test_combination_and_regimen_names(name, expected):
    kind = "OTHER" if "bite" in name else "DRUG"
    assert {p.modality for p in classify((kind, name))} == expected


def test_a_therapy_named_as_the_setting_in_the_title_is_background():
    """'X before CAR-T': the CAR-T is standard care everyone gets; X is what is tested."""
    items = (("BIOLOGICAL", "Odronextamab"), ("BIOLOGICAL", "Axicabtagene Ciloleucel"))
    placed = classify(*items, title="Odronextamab for Large B-cell Lymphoma Before CAR-T")
    assert [p.modality for p in placed] == ["bispecific_antibody"]
    # Without that setting in the title both are tested.
    placed = classify(*items, title="Odronextamab and axicabtagene ciloleucel in lymphoma")
    assert {p.modality for p in placed} == {"bispecific_antibody", "engineered_cell_therapy"}
    # A CAR-T trial alone keeps its CAR-T, whatever the title says.
    placed = classify(("BIOLOGICAL", "CD19 CAR-T cells"),
                      title="Immunotherapy treated with CD19 CAR T-cells")
    assert [p.modality for p in placed] == ["engineered_cell_therapy"]


def test_physicians_choice_counts_the_choices_it_names():
    placed = classify(("BIOLOGICAL", "CT041 autologous CAR T-cell injection"),
                      ("DRUG", "Physician's Choice (Paclitaxel or Irinotecan or Anti-PD-1 "
                               "antibody)"))
    assert {p.modality for p in placed} == {"engineered_cell_therapy", "small_molecule",
                                           "monoclonal_antibody"}
    placed = classify(("DRUG", "osimertinib"), ("DRUG", "Investigator's choice"))
    assert [p.modality for p in placed] == ["small_molecule"]


def test_procedures_beside_a_medicine_and_assessments_place_nothing():
    # how a medicine is given is not a second modality
    placed = classify(("GENETIC", "Surgical infusion of AAV-GAD into the subthalamic nucleus"))
    assert [p.modality for p in placed] == ["gene_therapy"]
    # radiotherapy named with a drug is a treatment in its own right (LABELING.md: other)
    placed = classify(("DRUG", "Cisplatin with radiotherapy"))
    assert {p.modality for p in placed} == {"small_molecule", "other"}
    # biopsies, punctures and imaging tracers measure; alone they make the trial other
    placed = classify(("DRUG", "pembrolizumab"), ("PROCEDURE", "Bone Marrow Biopsy"),
                      ("DRUG", "FDG-Positron Emission Tomography"))
    assert [p.modality for p in placed] == ["monoclonal_antibody"]
    assert [p.modality for p in classify(("PROCEDURE", "Lumbar Puncture"))] == ["other"]


def test_antigen_specific_and_expanded_t_cells_are_cell_therapy():
    for name in ("MultiTAA-specific T cells", "WT1-specific cytotoxic T lymphocytes",
                 "Ex vivo expanded T cells"):
        assert [p.modality for p in classify(("BIOLOGICAL", name))] == ["cell_therapy"], name
    # a receptor named with Greek letters is not a TCR-T product ("TCRαβ + T cell depleted")
    placed = classify(("DEVICE", "CliniMACS system for TCRαβ + T cell depleted stem cell graft"))
    assert "engineered_cell_therapy" not in {p.modality for p in placed}


def test_a_kind_named_beside_products_counts_unless_a_product_overrides_it():
    placed = classify(("DRUG", "Carboplatin plus an anti-PD-1 monoclonal antibody"))
    assert {p.modality for p in placed} == {"small_molecule", "monoclonal_antibody"}
    # a peptide's tablets are still the peptide: the product overrides the word's kind
    assert [p.modality for p in classify(("DRUG", "Semaglutide tablets 14 mg"))] == ["peptide"]
    (p,) = classify(("DRUG", "Pembrolizumab 200 mg"))
    assert p.modality == "monoclonal_antibody"


def test_prostaglandin_stem_and_antibiotics_are_small_molecules():
    placed = classify(("DRUG", "Travoprost intracameral implant with cataract surgery"))
    assert [p.modality for p in placed] == ["small_molecule"]
    placed = classify(("DRUG", "Post-operative antibiotics following surgical treatment"))
    assert [p.modality for p in placed] == ["small_molecule"]


def test_samples_and_tests_are_assessments():
    for name in ("50 ml blood sampling", "Spinal fluid collection", "Large multigene sequencing"):
        (p,) = classify(("OTHER", name))
        assert (p.modality, p.rule) == ("other", "assessment only"), name


def test_growth_factors_are_proteins_when_studied_and_background_when_support():
    items = (("BIOLOGICAL", "filgrastim"), ("DRUG", "cyclophosphamide"))
    titled = classify(*items, title="Cyclophosphamide and Filgrastim in Lymphoma")
    assert {p.modality for p in titled} == {"protein", "small_molecule"}
    untitled = classify(*items, title="Cyclophosphamide in Lymphoma")
    assert [p.modality for p in untitled] == ["small_molecule"]
    assert [p.modality for p in classify(("BIOLOGICAL", "Human Fibrinogen Concentrate"))] == [
        "protein"]


def test_a_haematopoietic_stem_cell_infusion_is_a_transplant_not_a_cell_product():
    """LABELING.md: HSCT grafts are a procedure (other); manufactured cells are cell therapy."""
    for name in ("Hematopoietic stem cell infusion", "Cord blood stem cell infusion"):
        assert [p.modality for p in classify(("BIOLOGICAL", name))] == ["other"], name
    assert [p.modality for p in classify(("BIOLOGICAL", "Mesenchymal stem cell infusion"))] == [
        "cell_therapy"]


def test_natural_killer_cells_with_their_abbreviation():
    (p,) = classify(("BIOLOGICAL", "stem cells"),
                    title="Haploidentical Stem Cell Plus Natural Killer (NK) Cell Transplantation")
    assert p.modality == "cell_therapy" and "trial title" in p.evidence


def test_conventional_surgery_is_usual_care_named_generically():
    placed = classify(("BIOLOGICAL", "trastuzumab"), ("PROCEDURE", "conventional surgery"))
    assert [p.modality for p in placed] == ["monoclonal_antibody"]


def test_gm_csf_is_support_in_a_transplant_and_studied_elsewhere():
    transplant = classify(("DRUG", "busulfan"), ("BIOLOGICAL", "sargramostim"),
                          ("PROCEDURE", "peripheral blood stem cell transplantation"),
                          title="Busulfan before donor stem cell transplant")
    assert "protein" not in {p.modality for p in transplant}
    priming = classify(("DRUG", "carboplatin"), ("BIOLOGICAL", "sargramostim"),
                       title="Combination chemotherapy in advanced cancer")
    assert {p.modality for p in priming} == {"small_molecule", "protein"}


def _alone(name: str) -> set[str]:
    """The modalities a trial gets whose only intervention has this name (type not given)."""
    trial = Trial("NCT00000001", interventions=(Intervention(0, None, name),))
    return {p.modality for p in C.classify(trial)}


def test_the_examples_written_in_modalities_toml():
    """Each modality's `examples` say what its rules are for: every match places it, every
    no_match does not (the editor's own check, run on every test run)."""
    from trialscape.classify.rules import load_config
    failures = []
    for m in load_config()["modality"]:
        for name in m.get("examples", {}).get("match", []):
            if m["id"] not in _alone(name):
                failures.append(f"{m['id']} should place {name!r}: got {sorted(_alone(name))}")
        for name in m.get("examples", {}).get("no_match", []):
            if m["id"] in _alone(name):
                failures.append(f"{m['id']} should not place {name!r}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("key, value, message", [
    ("patern", ["x"], "modality 'gene_editing', key 'patern': unknown key"),
    ("stems", "guran", "key 'stems': expected a list, got str"),
    ("patterns", ["(unclosed"], "key 'patterns': bad regular expression '(unclosed'"),
    ("examples", {"matches": ["x"]}, "unknown key(s) ['matches']"),
    ("recast_in_title", "vaccine", "expected a dict or list, got str"),
    ("recast_in_title", [{"title": ["x"]}], "each recast is { title = [patterns], to ="),
    ("recast_in_title", [{"title": ["(x"], "to": "vaccine"}], "bad regular expression '(x'"),
    ("submodality", [{"id": "k", "label": "K", "patterns": ["x"], "generics": ["y"]}],
     "'k': a kind has id, label, patterns and may have generic (got ['generics', 'id'"),
    ("submodality", [{"id": "k", "label": "K", "patterns": ["x"], "generic": ["(y"]}],
     "'k': bad regular expression '(y'"),
    ("products", [{"name": "ZZ-101", "kind": "aav"}],
     "product 'ZZ-101' has kind 'aav', which is none of ['ex_vivo_editing', 'in_vivo_editing']"),
    ("products", [{"name": "ZZ-101", "kinds": "in_vivo_editing"}],
     "each product is a name or { name = \"...\", kind = \"...\" }"),
    ("products", [7], "each product is a name or"),
])
def test_a_broken_rules_file_stops_with_one_line(key, value, message):
    from trialscape.classify.rules import RulesError, validate
    config = load_config()
    config["modality"][0][key] = value
    assert config["modality"][0]["id"] == "gene_editing"
    with pytest.raises(RulesError) as err:
        validate(config)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_rules_that_are_not_toml_stop_with_one_line(tmp_path):
    from trialscape.classify.rules import RulesError
    broken = tmp_path / "modalities.toml"
    broken.write_text('version = "x"\n[[modality]]\nid = gene_therapy\n', "utf-8")
    with pytest.raises(RulesError, match="not valid TOML"):
        load_config(broken)


def test_a_product_under_two_modalities_is_reported(tmp_path):
    from trialscape.classify.rules import RulesError, build_classifier, load_config
    config = load_config()
    config["modality"][0]["products"] = [*config["modality"][0].get("products", []),
                                         "Kymriah"]
    with pytest.raises(RulesError, match="'Kymriah' is listed under both"):
        build_classifier(config)


def test_a_product_listed_twice_in_one_modality_is_reported():
    """Names are matched normalised, so a second spelling that differs only in case or
    punctuation reads nothing: it is reported, with the spelling it repeats."""
    from trialscape.classify.rules import RulesError, build_classifier, load_config
    config = load_config()
    engineered = next(m for m in config["modality"] if m["id"] == "engineered_cell_therapy")
    engineered["products"] = [*engineered["products"], "KYMRIAH"]
    with pytest.raises(RulesError, match="'KYMRIAH' under engineered_cell_therapy repeats "
                                         "'Kymriah'"):
        build_classifier(config)


def test_editor_corrections_replace_the_rules_placement_but_not_their_score(tmp_path,
                                                                             monkeypatch):
    """A row in corrections.csv places its trial as the editor says, with the reason as the
    evidence; `trialscape info` lists it; `evaluate` still scores the rules alone."""
    import json

    import duckdb

    from conftest import build_from_studies, shared_studies
    from trialscape.classify.evaluate import predictions
    from trialscape.cli import main

    studies = shared_studies(limit=30, only_v2=True)
    db = build_from_studies(tmp_path / "t.duckdb", studies)
    nct = studies[0]["protocolSection"]["identificationModule"]["nctId"]
    con = duckdb.connect(str(db), read_only=True)
    by_rules = predictions(con)[nct]
    con.close()
    corrections = tmp_path / "corrections.csv"
    corrections.write_text("# a note\nnct_id,modalities,primary,reason,editor,date\n"
                           f"{nct},gene_therapy;other,gene_therapy,the vector is in the "
                           "description,A. Editor,2026-12-05\n", "utf-8")
    monkeypatch.setenv("TRIALSCAPE_CORRECTIONS", str(corrections))
    assert main(["classify", "--db", str(db)]) == 0
    con = duckdb.connect(str(db), read_only=True)
    placed = con.execute("SELECT modality, is_primary, evidence FROM study_modalities WHERE "
                         "nct_id = ? ORDER BY modality", [nct]).fetchall()
    assert placed == [
        ("gene_therapy", True, "editor correction: the vector is in the description "
                               "(A. Editor, 2026-12-05)"),
        ("other", False, "editor correction: the vector is in the description "
                         "(A. Editor, 2026-12-05)")]
    assert predictions(con)[nct] == by_rules  # evaluate measures the rules, not the editor
    con.close()
    import contextlib
    import io
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["info", "--db", str(db)]) == 0
    assert json.loads(out.getvalue())["editor_corrections"][0]["nct_id"] == nct


@pytest.mark.parametrize("row, message", [
    ("NCT123,other,other,r,e,2026-01-01", "is not an NCT id"),
    ("NCT01234567,other,gene_therapy,r,e,2026-01-01", "must be one of the modalities"),
    ("NCT01234567,magic,magic,r,e,2026-01-01", "unknown modality magic"),
    ("NCT01234567,other,other,,e,2026-01-01", "no reason"),
    ("NCT01234567,other,other,r,e,yesterday", "is not YYYY-MM-DD"),
])
def test_a_bad_correction_stops_classify_with_one_line(tmp_path, monkeypatch, row, message):
    from trialscape.classify.corrections import CorrectionsError, load_corrections
    path = tmp_path / "corrections.csv"
    path.write_text("nct_id,modalities,primary,reason,editor,date\n" + row + "\n", "utf-8")
    with pytest.raises(CorrectionsError, match=message):
        load_corrections(path, known={m.id for m in C.modalities})


def test_label_parts_split_each_half_in_two_for_good(tmp_path):
    """A part is a fixed function of the NCT id, the parts of a half make the half, and no
    trial is in two: so "never read" stays true of the same trials from one run to the next."""
    from trialscape.classify.evaluate import half_of, part_of, read_labels

    ids = [f"NCT{n:08d}" for n in range(400)]
    path = tmp_path / "labels.csv"
    path.write_text("nct_id,labels,primary\n" + "".join(f"{i},other,other\n" for i in ids))
    parts = {p: set(read_labels(path, p)) for p in ("1", "2", "1a", "1b", "2a", "2b")}
    assert parts["1a"] | parts["1b"] == parts["1"] and not parts["1a"] & parts["1b"]
    assert parts["2a"] | parts["2b"] == parts["2"] and not parts["2a"] & parts["2b"]
    assert parts["1"] | parts["2"] == set(ids) and not parts["1"] & parts["2"]
    assert all(100 < len(parts[p]) < 300 for p in ("1", "2"))
    assert all(40 < len(parts[p]) < 160 for p in ("1a", "1b", "2a", "2b"))
    assert read_labels(path, 1) == read_labels(path, "1")  # a half, as an int, still works
    # pinned: a changed hash would quietly move read trials into the unread part
    assert [part_of(i) for i in ids[:12]] == ["2b", "2b", "2a", "2b", "2b", "2a", "2b", "2a",
                                             "1a", "2b", "2a", "2a"]
    assert all(part_of(i)[0] == str(half_of(i)) for i in ids)


def test_the_accuracy_the_about_page_quotes_is_current(ctgov_db):
    """data/accuracy.json (written by `trialscape evaluate --record`) holds the figures the
    About page quotes: for these rules, and what a fresh measurement gives."""
    import json

    from conftest import SHARED
    path = ROOT / "data" / "accuracy.json"
    entries = json.loads(path.read_text("utf-8"))["entries"]
    assert entries
    for e in entries:
        assert e["rules_version"] == C.version, (
            f"{e['title']}: measured with rules {e['rules_version']}, now {C.version}: run "
            "trialscape evaluate --record data/accuracy.json again")
        files = [require_shared(SHARED / f) for f in e["labels"]]
        again = evaluate_snapshot(ctgov_db, files, e["part"])
        assert round(again.primary_match, 4) == e["primary_match"], e["title"]
        assert again.trials == e["trials"]


@pytest.mark.parametrize(("edit", "message"), [
    (lambda c: c["background"].__setitem__("suportive", ["x"]),
     "[background] suportive: unknown key"),
    (lambda c: c["background"].__setitem__("title_joins", ["(unclosed"]),
     "[background] title_joins: bad regular expression"),
    (lambda c: c["background"]["prescribed_with"].append({"given": ["folic acid"]}),
     "[background] prescribed_with: each entry needs a non-empty given and with list"),
    (lambda c: c["background"]["prescribed_with"].append({"given": ["x"], "with": ["(y"]}),
     "[background] prescribed_with: bad regular expression"),
    (lambda c: c["background"].__setitem__("prescribed_with", "folic acid"),
     "[background] prescribed_with: a list of"),
    (lambda c: c.pop("outcomes"), "[outcomes] needs no_medicine and no_signal"),
    (lambda c: c["outcomes"].pop("no_signal"), "[outcomes] needs no_medicine and no_signal"),
    (lambda c: c["outcomes"].__setitem__("pinyin", "other"),
     "[outcomes] needs no_medicine and no_signal"),
])
def test_background_and_outcomes_are_checked_on_load(edit, message):
    from trialscape.classify.rules import RulesError, validate
    config = load_config()
    edit(config)
    with pytest.raises(RulesError) as err:
        validate(config)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_outcomes_name_known_modalities():
    from trialscape.classify.rules import RulesError
    config = load_config()
    config["outcomes"]["no_signal"] = "unclasified"
    with pytest.raises(RulesError, match="no_signal names unknown 'unclasified'"):
        build_classifier(config)


def test_the_outcome_ids_come_from_the_rules_file():
    """A trial nothing reads takes [outcomes] no_signal; one that lists only assessments takes
    no_medicine, whatever ids the file gives them."""
    config = load_config()
    config["outcomes"] = {"no_medicine": "small_molecule", "no_signal": "protein"}
    c = build_classifier(config)
    bare = Trial("NCT00000009", interventions=(Intervention(0, None, "XQ"),))
    assert [(p.modality, p.rule) for p in c.classify(bare)] == [("protein", "no signal")]
    only_biopsy = Trial("NCT00000010", interventions=(Intervention(0, "PROCEDURE", "Biopsy"),))
    assert [p.modality for p in c.classify(only_biopsy)] == ["small_molecule"]


# General classes the issue names (rules 2026.12.8), each as registry wording, not a record.
@pytest.mark.parametrize("name, kind, description, expected", [
    # a short word joined to a number is a code: TBI-2001 is no total-body irradiation
    ("TBI-2001", "BIOLOGICAL", "autologous T cells transduced with a NY-ESO-1 specific TCR",
     {"engineered_cell_therapy"}),
    ("Total body irradiation (TBI)", "RADIATION", None, {"other"}),
    # T cells against a virus are cells, not that virus as a vector
    ("adenovirus-specific cytotoxic T lymphocytes", "BIOLOGICAL", None, {"cell_therapy"}),
    ("adenovirus vector encoding interferon gamma", "GENETIC", None, {"gene_therapy"}),
    # a prefix on the CAR, a dot before it, NK-92 with a high-affinity CD16 or a CAR
    ("CD19 hsCAR-T", "BIOLOGICAL", None, {"engineered_cell_therapy"}),
    ("CD30.CAR-EBVST cells", "BIOLOGICAL", None, {"engineered_cell_therapy"}),
    ("CD19 t-haNK", "BIOLOGICAL", None, {"engineered_cell_therapy"}),
    # donor T cells given a suicide gene are gene therapy; given a receptor, engineered cells
    ("donor T cells transduced with the HSV-TK suicide gene", "GENETIC", None, {"gene_therapy"}),
    ("donor T cells transduced with a CD19 CAR", "GENETIC", None, {"engineered_cell_therapy"}),
    ("BPX-501", "BIOLOGICAL", None, {"gene_therapy"}),
    # cells given as such, and cells armed with a bispecific during manufacture
    ("photodepleted donor lymphocytes", "BIOLOGICAL", None, {"cell_therapy"}),
    ("anti-CD3 x anti-HER2 bispecific antibody armed activated T cells", "BIOLOGICAL", None,
     {"cell_therapy"}),
    ("G-CSF", "BIOLOGICAL", None, {"protein"}),
])
def test_general_wording_of_cells_vectors_and_codes(name, kind, description, expected):
    trial = Trial("NCT00000001", brief_title="A study", study_type="INTERVENTIONAL",
                  interventions=(Intervention(0, kind, name, (), description),))
    assert {p.modality for p in C.classify(trial)} == expected


@pytest.mark.parametrize("title", [
    "Text Message Reminders to Increase Influenza Vaccination Among Adults",
    "Improving HPV Vaccination Uptake in Primary Care Through Reminders",
    # the same words before what they are about, reminders, recall and settings (2026.12.142)
    "Understanding Native Americans' Perceptions/Beliefs About COVID-19 Testing and Vaccination",
    "PsoVac: Educational Needs re Vaccines for Biologic Patients With Psoriasis",
    "Evaluation of Vaccination Reminder/Recall Systems for Adolescent Patients",
    "Patient Portal Reminder/Recall for Influenza Vaccination in a Health System",
    "Study to Evaluate Impact of School-based Influenza Vaccination on School Populations",
    # ... and programmes about the care around a medicine (2026.12.143)
    "Cancer Care Coordination for Chemotherapy Patients",
    "Oncology Care at Home for BMT and CAR-T",
    "Digital Health Intervention for Self-Management and Telemonitoring in CAR-T Therapy",
    "Point-of-care Urine Monitoring of Adherence: a Real-Time Urine Assay of Tenofovir in PrEP",
    "Improving Antibiotic Prescribing Practices in Primary Care Clinics",
])
def test_a_title_only_record_about_a_programme_is_other(title):
    assert [p.modality for p in classify(title=title)] == ["other"]



def _trial_with_arms(title, *items):
    """A trial whose interventions are (type, name, arm labels) and whose arms are those
    labels."""
    labels = sorted({a for *_, arms in items for a in arms})
    interventions = tuple(Intervention(i, t, n, arm_group_labels=tuple(arms))
                          for i, (t, n, arms) in enumerate(items))
    arm_groups = tuple(ArmGroup(a, "EXPERIMENTAL", tuple(n for _, n, arms in items if a in arms))
                       for a in labels)
    return Trial("NCT00000001", brief_title=title, study_type="INTERVENTIONAL",
                 interventions=interventions, arm_groups=arm_groups)


@pytest.mark.parametrize("items, title, expected", [
    # folic acid and vitamin B12 with an antifolate, pyridoxine with isoniazid: what the
    # medicine's label or guidance prescribes with it is background (2026.12.145) ...
    ((("DRUG", "Pralatrexate", ("A",)), ("DRUG", "Vitamin B12", ("A",)),
      ("DRUG", "Folic Acid", ("A",))), "Pralatrexate in Relapsed T-cell Lymphoma",
     {"small_molecule"}),
    ((("DRUG", "Isoniazid (INH)", ()), ("DRUG", "Rifapentine", ()), ("DRUG", "Pyridoxine", ())),
     "Rifapentine and Dolutegravir in Latent Tuberculosis", {"small_molecule"}),
    # ... unless the title names it as the question
    ((("DRUG", "Methotrexate", ()), ("DIETARY_SUPPLEMENT", "Folic acid", ())),
     "Folic Acid Supplementation During Methotrexate Therapy", {"small_molecule", "other"}),
    # ... or the arms of that medicine differ in it (folic against folinic acid)
    ((("DRUG", "Methotrexate", ("Folinic", "Folic")),
      ("DIETARY_SUPPLEMENT", "Folinic acid", ("Folinic",)),
      ("DIETARY_SUPPLEMENT", "Folic acid", ("Folic",))),
     "Antifolate Effectiveness in Arthritis", {"small_molecule", "other"}),
    # a vitamin with no antifolate listed is a vitamin
    ((("DIETARY_SUPPLEMENT", "Folic acid", ()),), "Folic Acid in Pregnancy", {"other"}),
    # a tetanus-diphtheria toxoid that preconditions a dendritic-cell vaccine's site (2026.12.204)
    ((("BIOLOGICAL", "TTRNA-DC vaccines with GM-CSF", ("A",)), ("DRUG", "Td vaccine", ("A",))),
     "Adoptive Cellular Therapy in Pediatric Patients With High-grade Gliomas", {"cell_therapy"}),
    ((("BIOLOGICAL", "Td vaccine", ()),), "Td Booster in Adults", {"vaccine"}),
])
def test_what_a_medicines_label_prescribes_with_it_is_background(items, title, expected):
    assert {p.modality for p in C.classify(_trial_with_arms(title, *items))} == expected


@pytest.mark.parametrize("items, expected", [
    # hyaluronidase listed on its own disperses a medicine given under the skin (2026.12.147)
    ((("DRUG", "Daratumumab"), ("DRUG", "rHuPH20")), {"monoclonal_antibody"}),
    ((("DRUG", "Teclistamab"), ("DRUG", "Recombinant Human Hyaluronidase (rHu)")),
     {"bispecific_antibody"}),
    # ... not the product it is part of, nor hyaluronidase given for itself
    ((("BIOLOGICAL", "FT538"), ("DRUG", "Daratumumab/rHuPH20")),
     {"engineered_cell_therapy", "monoclonal_antibody"}),
    ((("DRUG", "Epidural hyaluronidase injection"), ("DRUG", "betamethasone")),
     {"protein", "small_molecule"}),
])
def test_hyaluronidase_is_support_only_on_its_own(items, expected):
    assert {p.modality for p in classify(*items)} == expected


@pytest.mark.parametrize("name, expected", [
    ("HPN424 Fixed IV", "bispecific_antibody"), ("MCLA-128", "bispecific_antibody"),
    ("MGD013", "bispecific_antibody"), ("IMGN632", "antibody_drug_conjugate"),
    ("XMT-1536", "antibody_drug_conjugate"), ("MGA271", "monoclonal_antibody"),
    ("ALLO-501A", "engineered_cell_therapy"), ("AUTO4", "engineered_cell_therapy"),
    ("BEAM-302", "gene_editing"), ("SLN124", "oligonucleotide"),
    # prefixes two companies share name no modality: a small molecule, an antibody
    ("RGX-104", "small_molecule"), ("KB001", "small_molecule"),
])
def test_company_code_prefixes_of_one_modality(name, expected):
    assert [p.modality for p in classify(("DRUG", name))] == [expected]


@pytest.mark.parametrize("title, expected", [
    ("Boost GVAX Pancreas Vaccine With or Without CY in Patients With Pancreas Cancer", "vaccine"),
    ("Improving HPV Vaccination Rates Among Rural Adolescents", "other"),
    ("COVID-19 Vaccination Take-Up", "other"),
])
def test_a_programme_promoting_vaccination_is_not_a_vaccine(title, expected):
    assert primary(title=title) == [expected]


@pytest.mark.parametrize("name, expected", [
    ("MK-3475", "monoclonal_antibody"), ("MK3475", "monoclonal_antibody"),
    ("PF-04360365", "monoclonal_antibody"), ("PF04360365", "monoclonal_antibody"),
    ("GSK2402968", "oligonucleotide"), ("ACC-001", "vaccine"), ("EGb 761", "other"),
])
def test_a_development_code_with_or_without_its_hyphen(name, expected):
    assert [p.modality for p in classify(("DRUG", name))] == [expected]


def test_code_spellings_pair_letters_with_a_number_only():
    from trialscape.classify.rules import code_spelling
    assert code_spelling("mk 3475") == "mk3475" and code_spelling("mk3475") == "mk 3475"
    assert code_spelling("tisagenlecleucel") is None and code_spelling("g csf") is None
    assert code_spelling("abc 12 x") is None
    # a short number is no code: "OH2" (a virus) is not read in "Ca(OH)2"
    assert code_spelling("oh2") is None and code_spelling("il 2") is None
    assert classify(("DRUG", "Calcium Hydroxide (Ca(OH)2)"))[0].modality != "gene_therapy"


def test_a_code_shared_by_a_device_and_a_medicine_follows_the_registry_type():
    """"BT-001" is an oncolytic virus and a diabetes app: typed DEVICE it is the app."""
    assert [p.modality for p in classify(("DEVICE", "BT-001"))] == ["other"]
    assert [p.modality for p in classify(("BIOLOGICAL", "BT-001"))] == ["gene_therapy"]


def test_a_genetic_test_of_a_cytokine_gene_is_an_assessment():
    placed = classify(("DIAGNOSTIC_TEST", "Interleukin-6 Gene-174C detection"))
    assert [p.modality for p in placed] == ["other"]


def test_car_t_the_title_names_as_the_setting_of_a_procedure_is_background():
    """"Radiation Therapy Before CAR T Cell Therapy": the radiation is the question, the CAR-T
    every patient gets is standard care; a procedure known only by its type is not enough."""
    placed = classify(("RADIATION", "Bridging radiation therapy"),
                      ("BIOLOGICAL", "Chimeric Antigen Receptor T-Cell Therapy"),
                      title="A Study of Radiation Therapy Before CAR T Cell Therapy")
    assert [p.modality for p in placed] == ["other"]
    placed = classify(("OTHER", "Data collection"),
                      ("BIOLOGICAL", "Chimeric Antigen Receptor T-Cell Therapy"),
                      title="Outcomes After CAR T Cell Therapy")
    assert "engineered_cell_therapy" in {p.modality for p in placed}


@pytest.mark.parametrize("name, title, expected", [
    ("ThisCART19 cells", "A study", "engineered_cell_therapy"),
    ("LUCAR-20SP cells", "A study", "engineered_cell_therapy"),
    ("CARv3-TEAM-E T cells", "A study", "engineered_cell_therapy"),
    ("CT125A cells", "CT125A Cells for CD5+ Hematopoietic Malignancies", "cell_therapy"),
    ("TC-110 T Cells", "TC-110 T Cells in Patients With Mesothelin-Positive Cancer",
     "cell_therapy"),
    ("RD13-01 cell infusion", "CD7 CAR-T Cells (RD13-01) in Relapsed T-cell Leukemia",
     "engineered_cell_therapy"),
])
def test_a_code_named_cell_product(name, title, expected):
    assert primary(("DRUG", name), title=title) == [expected]


def test_the_title_names_the_vector_a_bare_gene_therapy_leaves_out():
    """A kind read from the interventions comes first; failing it, the titles ("AdV-tk",
    "Ad.hIFN-beta": adenovirus constructs by their prefix)."""
    (p,) = classify(("GENETIC", "gene therapy"),
                    title="Phase 1b Study of AdV-tk + Valacyclovir Gene Therapy for Mesothelioma")
    assert (p.modality, p.submodality) == ("gene_therapy", "adenoviral")
    (p,) = classify(("GENETIC", "AAV9 gene therapy"), title="Ad-hoc Study of a Gene Therapy")
    assert p.submodality == "aav"


@pytest.mark.parametrize("name, title, expected", [
    ("hLL1", "Phase I Trial of Anti-CD74 (hLL1) Antibody Therapy in B Cell Malignancies",
     "monoclonal_antibody"),
    ("HLX71", "Immunogenicity of HLX71 (Recombinant Human ACE2-Fc Fusion Protein)", "protein"),
    # a title's measures and populations name no medicine beside the code
    ("GSK239512", "An Imaging Study to Investigate the Distribution of GSK239512 in the Brain",
     "small_molecule"),
    # what the code is added to is the setting, not its kind
    ("MK0767", "MK0767 Added to Insulin Therapy in Patients With Type 2 Diabetes",
     "small_molecule"),
])
def test_the_medicine_a_title_names_beside_a_bare_code(name, title, expected):
    assert primary(("DRUG", name), title=title) == [expected]


def test_older_wording_of_car_t_and_replicating_vectors():
    placed = classify(("BIOLOGICAL", "therapeutic autologous lymphocytes"),
                      title="Phase I Study of T Cells Modified With Chimeric AntiCEA "
                            "Immunoglobulin-T Cell Receptors")
    assert [p.modality for p in placed] == ["engineered_cell_therapy"]
    placed = classify(title="A Study of a Retroviral Replicating Vector Combined With a "
                            "Prodrug Administered to Patients With Recurrent Glioma")
    assert "gene_therapy" in {p.modality for p in placed if p.is_primary}


@pytest.mark.parametrize("items, title, expected", [
    # an adenovirus the trial treats is the disease, not a vector
    ((("DRUG", "AL-46383A"),), "AL-46383A Ophthalmic Solution for Adenoviral Conjunctivitis",
     "small_molecule"),
    ((), "Open Label Study of IV Brincidofovir in Transplant Recipients With Adenovirus Viremia",
     "small_molecule"),
    ((), "Viral Specific T-Lymphocytes to Treat Infection With Adenovirus or Cytomegalovirus",
     "cell_therapy"),
    # the adenovirus of a named adenovirus-vector vaccine is the vaccine's vector
    ((("BIOLOGICAL", "Ad5-nCoV"),), "A Clinical Trial of Ad5-nCoV in Healthy Adults", "vaccine"),
])
def test_adenovirus_as_infection_or_as_a_vaccine_vector_is_no_gene_therapy(items, title,
                                                                           expected):
    placed = classify(*items, title=title)
    assert [p.modality for p in placed if p.is_primary] == [expected]
    assert "gene_therapy" not in {p.modality for p in placed}


@pytest.mark.parametrize("items, title, study_type, expected", [
    # cell words in an observational title are mostly biology
    ((), "NK Cell Activity in Smokers Screened for Lung Cancer", "OBSERVATIONAL", "other"),
    ((), "Tumor-Infiltrating Lymphocytes in Endometrial Cancer", "OBSERVATIONAL", "other"),
    # ... and a disease, a growth factor or a factor's other name is no cell product
    ((("DRUG", "YY-20394"),), "YY-20394 in Relapsed Peripheral T/NK Cell Lymphoma",
     "INTERVENTIONAL", "small_molecule"),
    ((("DRUG", "rogaratinib"),), "Rogaratinib in Fibroblast Growth Factor Receptor-Positive "
     "Cancer", "INTERVENTIONAL", "small_molecule"),
    ((("BIOLOGICAL", "natural killer cell line NK-92"),), "NK-92 in Leukemia",
     "INTERVENTIONAL", "cell_therapy"),
])
def test_cell_words_that_name_no_cell_product(items, title, study_type, expected):
    assert primary(*items, title=title, study_type=study_type) == [expected]


def test_a_factor_named_for_the_cells_it_stimulates_is_that_factor():
    trial = Trial("NCT00000001", brief_title="Interleukin-12 in Lymphoma",
                  study_type="INTERVENTIONAL", interventions=(Intervention(
                      0, "BIOLOGICAL", "recombinant interleukin-12",
                      ("natural killer cell stimulatory factor",)),))
    assert [p.modality for p in C.classify(trial)] == ["protein"]


def test_a_manipulated_graft_is_what_a_t_cell_depletion_trial_studies():
    """The regimen every T-cell-depleted transplant needs is background; the graft (a
    procedure) is the question. Around an ordinary transplant the labels count the regimen."""
    items = (("PROCEDURE", "allogeneic bone marrow transplantation"), ("DRUG", "busulfan"),
             ("DRUG", "cyclosporine"), ("BIOLOGICAL", "anti-thymocyte globulin"))
    placed = classify(*items, title="T-Cell Depletion for GVHD Prevention in Allogeneic Bone "
                                    "Marrow Transplantation")
    assert [p.modality for p in placed] == ["other"]
    assert primary(*items, title="Allogeneic Bone Marrow Transplantation in Leukemia") == [
        "small_molecule"]


def test_a_record_listing_only_the_regimen_is_read_for_its_product():
    """Only conditioning and IL-2 listed: the cell therapy the title names is the question,
    and the regimen around it background; a name that merely mentions IL-2 is no regimen."""
    placed = classify(("DRUG", "Fludarabine"), ("DRUG", "Cyclophosphamide"),
                      ("DRUG", "Interleukin-2"),
                      title="PD-1 Knockout EBV-CTLs for Advanced EBV Associated Malignancies")
    assert [p.modality for p in placed] == ["engineered_cell_therapy"]  # a gene knocked out
    placed = classify(("BIOLOGICAL", "MVA-MUC1-IL2 vaccine"), title="Vaccine Therapy")
    assert [p.modality for p in placed] == ["vaccine"]


@pytest.mark.parametrize("name", ["Aricept", "aricept Tab", "Multicept A/S device"])
def test_words_ending_in_cept_that_are_no_fusion_protein(name):
    assert "protein" not in {p.modality for p in classify(("DRUG", name))}


def test_an_adjuvant_ending_in_tide_is_no_peptide():
    # "Monatide" is how MeSH spells the Montanide adjuvant of peptide vaccines
    assert "peptide" not in {p.modality for p in classify(("DRUG", "Monatide (IMS 3015)"))}


def test_what_a_programme_runs_during_is_its_setting():
    placed = classify(("BEHAVIORAL", "Yoga"), ("DRUG", "Chemotherapy"),
                      arms=_two_arms(["Chemotherapy"], ["Yoga"]),
                      title="Yoga During Chemotherapy Study")
    assert [p.modality for p in placed if p.is_primary] == ["other"]


@pytest.mark.parametrize("items, title, expected", [
    ((("BIOLOGICAL", "Zenapax (daclizumab), an antibody to the IL-2 receptor alpha subunit"),),
     "Zenapax to Treat Multiple Sclerosis", "monoclonal_antibody"),
    ((("DRUG", "peginterferon alfa"),), "HBsAg Decline After Pegylated Interferon", "protein"),
    ((("BEHAVIORAL", "Access to vaccination at school"),), "A School-based Intervention",
     "other"),
    ((), "Testing the Use of Prompts to Increase Adolescent Immunization Rates", "other"),
])
def test_vaccine_words_that_name_no_vaccine(items, title, expected):
    assert primary(*items, title=title) == [expected]


@pytest.mark.parametrize("name, kind, unexpected", [
    ("Peg-Interferon at 90 microg/week", "DRUG", "radiopharmaceutical"),
    ("ADS-5102", "DRUG", "antibody_drug_conjugate"),
    ("Ex Vivo CD3/CD28 costimulated Umbilical Cord Blood T cells", "BIOLOGICAL",
     "bispecific_antibody"),
    ("C-peptide proinsulin ratio", "OTHER", "peptide"),
    ("SERETIDE 100/50", "DRUG", "peptide"),
    ("BRCA1 and RRM1 mRNA for chemotherapy selection", "OTHER", "mrna"),
    ("[F-18]Fluoro-DOPA PET", "DRUG", "radiopharmaceutical"),
])
def test_words_that_only_look_like_a_kind(name, kind, unexpected):
    assert unexpected not in {p.modality for p in classify((kind, name))}


@pytest.mark.parametrize("name, expected", [
    ("177Lu-PSMA-617", "radiopharmaceutical"), ("Y-90 ibritumomab tiuxetan", "radiopharmaceutical"),
    ("DS-8201a", "antibody_drug_conjugate"), ("mRNA-1273", "mrna"),
    ("CD3xCD20 bispecific antibody", "bispecific_antibody"),
])
def test_the_narrowed_words_still_place_their_kind(name, expected):
    assert expected in {p.modality for p in classify(("BIOLOGICAL", name))}


def test_crispr_as_a_laboratory_test_is_no_gene_editing():
    placed = classify(("DIAGNOSTIC_TEST", "PCR-CRISPR/Cas12a pathogen detection"),
                      title="Effect of PCR-CRISPR/Cas12a on Early Anti-infective Schemes")
    assert "gene_editing" not in {p.modality for p in placed}
    assert [p.modality for p in classify(("GENETIC", "CRISPR-Cas9 edited CD34+ cells"))] == [
        "gene_editing"]


@pytest.mark.parametrize("name, expected", [
    ("maraviroc", "small_molecule"), ("quetiapine", "small_molecule"),
    ("sevoflurane", "small_molecule"), ("MSC11FCD", "cell_therapy"),
    ("Precision T Cells Specific to Personalized Neo-antigen", "cell_therapy"),
])
def test_more_inn_stems_and_cell_spellings(name, expected):
    assert [p.modality for p in classify(("BIOLOGICAL" if "cell" in expected else "DRUG",
                                          name))] == [expected]


@pytest.mark.parametrize("items, title, expected", [
    ((("BEHAVIORAL", "Training app for inhibitory control"),), "Inhibitory Control Towards Food",
     "other"),
    ((("OTHER", "High/Low Sodium Diet"),), "Dietary Salt Intake and Immune Function", "other"),
    ((("OTHER", "Test of cognitive ability on tablet computer"),), "Retinal Observations",
     "other"),
    ((), "PET/CT in Evaluating Response to Chemotherapy in Patients With Breast Cancer", "other"),
    ((), "Ex Vivo Expanded Autologous Immune Killer Cells in Lung Cancer", "cell_therapy"),
])
def test_generic_small_molecule_words_that_name_none(items, title, expected):
    assert primary(*items, title=title) == [expected]


@pytest.mark.parametrize("name", ["iC9.GD2.CAR.IL-15 T-cells", "19-28z/IL-18 CAR T cells",
                                  "CD19 CAR-T Expressing IL7 and CCL19"])
def test_a_cytokine_named_with_the_car_is_part_of_the_product(name):
    assert [p.modality for p in classify(("BIOLOGICAL", name))] == ["engineered_cell_therapy"]


@pytest.mark.parametrize("items, title, expected", [
    # a title that lists no intervention names a cell product beside an INN: both are medicines
    ((), "Study Comparing TIL to Standard Ipilimumab in Patients With Metastatic Melanoma",
     {"cell_therapy", "monoclonal_antibody"}),
    ((), "Neoadj Admin Autologous Tumor Infiltrating Lymphocytes & Pembrolizumab in Melanoma",
     {"cell_therapy", "monoclonal_antibody"}),
    # ... but an INN word still overrides what its own word also reads as (an ADC's payload)
    ((("DRUG", "Risvutatug rezetecan"),), "B7-H3 ADC in Solid Tumours",
     {"antibody_drug_conjugate"}),
    # cell words naming what a medicine does to cells are no cell product
    ((), "Pembrolizumab Effects on NK Cell Exhaustion in Melanoma", {"monoclonal_antibody"}),
    ((), "Potentiation of Cetuximab by Tregs Depletion in Head and Neck Cancer",
     {"monoclonal_antibody"}),
])
def test_a_medicine_named_by_its_kind_beside_an_inn(items, title, expected):
    assert {p.modality for p in classify(*items, title=title)} == expected


@pytest.mark.parametrize("title, expected", [
    # a transplant named as the setting takes more words than other settings
    ("Maraviroc in Patients Undergoing Non-Myeloablative Allogeneic Stem-Cell Transplantation",
     {"small_molecule"}),
    ("Crenolanib Maintenance Following Allogeneic Stem Cell Transplantation in AML",
     {"small_molecule"}),
    ("Daratumumab-SC for Highly Sensitized Patients Awaiting Heart Transplantation",
     {"monoclonal_antibody"}),
    # ... while a transplant the title names as the treatment stays
    ("Haploidentical Stem Cell Transplantation for Aplastic Anemia", {"other"}),
])
def test_a_transplant_the_title_names_as_the_setting(title, expected):
    assert {p.modality for p in classify(title=title)} == expected


@pytest.mark.parametrize("items, title, expected", [
    ((("BIOLOGICAL", "Mesenchymal cells"), ("OTHER", "Standard of care")),
     "Allogeneic Mesenchymal Cells From Umbilical Cord Tissue in COVID-19", "cell_therapy"),
    ((("BIOLOGICAL", "Decidual Stromal Cells (DSC)"),), "Decidual Stromal Cells in ARDS",
     "cell_therapy"),
    ((), "Adoptive Immunotherapy With Activated Marrow Infiltrating Lymphocytes and "
     "Cyclophosphamide", "cell_therapy"),
    ((), "Injection of Lymphocytes From Haplo-identical Donor Following Chemotherapy in AML",
     "cell_therapy"),
    ((), "Multi-antigen Specific CD8+ T Cells With Decitabine in Relapsed AML", "cell_therapy"),
    ((("OTHER", "Cancer-associated stromal cells analysis"),), "Stroma in Pancreatic Cancer",
     "other"),
])
def test_more_ways_records_name_cells_given_as_a_therapy(items, title, expected):
    assert primary(*items, title=title) == [expected]


@pytest.mark.parametrize("items, expected", [
    # probiotic organisms and Chinese patent medicines typed DRUG are no small molecules
    ((("DRUG", "Bifidobacterium lactis (BB-12)"), ("DRUG", "Placebo")), "other"),
    ((("DRUG", "Saccharomyces boulardii"),), "other"),
    ((("DRUG", "E. coli Nissle 1917(Mutaflor®)"),), "other"),
    ((("DRUG", "Huaier Granule"),), "other"),
    # nor is a SPECT or PET tracer's isotope, while a code holding such digits stays a drug
    ((("DRUG", "DaTSCAN™ Ioflupane (123I) Injection"),), "other"),
    ((("DRUG", "[C-11]PBR28"),), "other"),
    ((("DRUG", "UT-15C (treprostinil diolamine)"),), "small_molecule"),
    # a companion named only as usual therapy or excipients is a control
    ((("DRUG", "1 - Andrographis paniculata p/st extract"), ("DRUG", "2 - Excipients")),
     "other"),
    ((("DRUG", "Chinese herbal medicines plus western therapy"), ("DRUG", "western therapy")),
     "other"),
    # brand names of biologics
    ((("DRUG", "MYOBLOC"), ("DRUG", "PLACEBO")), "protein"),
    ((("DRUG", "Endostar"),), "protein"),
    ((("DRUG", "Campath"),), "monoclonal_antibody"),
])
def test_what_the_drug_type_alone_used_to_call_a_small_molecule(items, expected):
    assert primary(*items, title="A Study") == [expected]


def test_a_product_named_with_its_lymphodepletion_is_the_product():
    # one name holds the CAR-T and the regimen before it: the regimen is background, the
    # product is what the trial tests (it was dropped with its regimen)
    placed = classify(
        ("DRUG", "Tisagenlecleucel after optional bridging and lymphodepleting chemotherapy"),
        ("DRUG", "Platinum-based immunochemotherapy followed by high dose chemotherapy and HSCT"),
        title="Tisagenlecleucel in Aggressive B-cell Lymphoma")
    assert [p.modality for p in placed if p.is_primary] == ["engineered_cell_therapy"]
    # ... and the chemotherapy in the same name gives way to it
    alone = classify(("BIOLOGICAL", "Fludarabine + Cyclophosphamide + CAR7-T Cells"),
                     title="Anti-CD7 CAR T Cells")
    assert {p.modality for p in alone} == {"engineered_cell_therapy"}


def test_ampa_antagonists_are_small_molecules():
    assert [p.modality for p in classify(title="Perampanel Titration and Cognitive Effects")
            if p.is_primary] == ["small_molecule"]


@pytest.mark.parametrize("title, expected", [
    # cells named by how they are given, as older and title-only records do
    ("Cellular Adoptive Immunotherapy in Treating Patients With Glioblastoma", "cell_therapy"),
    ("Ipilimumab With Lymphodepletion Plus Adoptive Cell Transfer and High Dose IL-2",
     "cell_therapy"),
    ("Autologous T Cells and Cyclophosphamide in Treating Patients With Soft Tissue Sarcoma",
     "cell_therapy"),
    ("Clinical Efficacy and Safety of NKT Cell Infusion in Advanced Solid Tumors",
     "cell_therapy"),
    ("Bioengineered Allogeneic Immune Cells Not Requiring HLA Donor Match", "cell_therapy"),
    # ... and engineered receptors in older wordings; the title recasts generic cell words
    ("CD123 Redirected Autologous T Cells for AML", "engineered_cell_therapy"),
    ("Study of Gene Modified Immune Cells in Patients With Advanced Melanoma",
     "engineered_cell_therapy"),
    ("Phase I/II Study of Autologous T Cells to Express T-Cell Receptors (TCRs)",
     "engineered_cell_therapy"),
    # but cells whose subsets are measured are no product
    ("Effect of Dimethyl Fumarate on Immune Cell Subsets in Multiple Sclerosis", "small_molecule"),
    # lymphocytes named by the antigen their new receptor targets (2026.12.126)
    ("Gene Therapy Using Anti-Her-2 Cells to Treat Metastatic Cancer", "engineered_cell_therapy"),
    ("Anti-MART-1 F5 Lymphocytes to Treat High-Risk Melanoma Patients",
     "engineered_cell_therapy"),
    ("Radiation, Chemotherapy, Vaccine and Anti-MART-1 and Anti-gp100 Cells for Melanoma",
     "engineered_cell_therapy"),
    # ... not lymphocytes against a tumour or a virus, which are found, not made
    ("Anti-tumor Activated T Cells for Melanoma", "cell_therapy"),
    ("Short-Term Cultured Anti-Tumor Autologous Lymphocytes in Metastatic Melanoma",
     "cell_therapy"),
])
def test_title_only_wordings_of_cells_given_as_a_therapy(title, expected):
    assert primary(title=title) == [expected]


def test_a_title_naming_an_engineered_product_recasts_generic_cell_words():
    placed = classify(("BIOLOGICAL", "Adult differentiated autologous T-cells"),
                      title="Pilot Study on the Infusion of ARI-0001 Cells in CD19+ Leukemia")
    assert [p.modality for p in placed if p.is_primary] == ["engineered_cell_therapy"]


@pytest.mark.parametrize("title, expected", [
    # "with" after what was done to cells is part of the product's name
    ("Metastatic Renal Cancer Using T-Cells Transduced With a T-Cell Receptor",
     "engineered_cell_therapy"),
    ("Administering Peripheral Blood Lymphocytes Transduced With a Murine T-Cell Receptor",
     "engineered_cell_therapy"),
    ("A Phase I/II Study of Gene-modified WT1 TCR Therapy in MDS", "engineered_cell_therapy"),
    ("Immunotherapy of Natural Killer(NK) Cells in HTLV-1 Associated Myelopathy",
     "cell_therapy"),
    ("Using Multi-virus Cytotoxic T-cells Following Allogeneic HPCT", "cell_therapy"),
    # oncolytic viruses named by what they do or by their species
    ("Safety and Effectiveness Study of G207, a Tumor-Killing Virus, in Brain Cancer",
     "gene_therapy"),
    ("Intrapleural Measles Virus Therapy in Malignant Pleural Mesothelioma", "gene_therapy"),
    ("New Castle Disease Virus (NDV) in Glioblastoma Multiforme", "gene_therapy"),
    # ... while antiviral therapy is no virus
    ("Impact of Hepatitis C Virus Therapy on Central Nervous System Outcomes", "unclassified"),
    # checkpoint blockade is antibodies; RT is radiotherapy, not a code's letters
    ("Doxorubicin Plus Dual Checkpoint Blockade for Soft Tissue Sarcomas",
     "monoclonal_antibody"),
    ("Promoting Immunotherapy Efficacy With Low-Dose Liver RT", "other"),
    ("A Clinical Study of Intratumoral Administration of RT-01 in Solid Tumors",
     "unclassified"),
    # more WHO stems, company codes and brands
    ("Selinexor in Treating Younger Patients With Recurrent Solid Tumors", "small_molecule"),
    ("Ziprasidone in Bipolar Disorder With Comorbid Panic Disorder", "small_molecule"),
    ("SPC2996 in Chronic Lymphocytic Leukaemia", "oligonucleotide"),
    ("Safety and Efficacy of Immuncell-LC in TACE Therapy", "cell_therapy"),
    ("A Real-World Study of Fecal Transplants for Cancer Therapy Side Effects", "other"),
])
def test_more_title_wordings(title, expected):
    assert primary(title=title) == [expected]


def test_spc_is_no_company_prefix():
    # "SPC" also names single-pill combinations: only Santaris's own codes are antisense
    placed = classify(("DRUG", "SPC 1001"), ("DRUG", "Placebo"),
                      title="Efficacy and Safety of SPC1001 in Essential Hypertension")
    assert [p.modality for p in placed if p.is_primary] == ["small_molecule"]


@pytest.mark.parametrize("items, title, expected", [
    # a companion named only as standard therapy, with a disease or an abbreviation inside, is
    # a control; one that adds something is not
    ((("BIOLOGICAL", "Convalescent Plasma (CP)"), ("DRUG", "Standard COVID-19 therapies")),
     "Convalescent Plasma in Pediatric COVID-19", "other"),
    ((("DRUG", "Sanyong Jiedu Granules"), ("DRUG", "Standard Medication")), "A Trial", "other"),
    ((("DRUG", "Standard therapy plus cisplatin"), ("OTHER", "Exercise")), "A Trial",
     "small_molecule"),
    # a code alone in a part of a title is read ("The PD-1 Antibody, MK3475, Given With ...")
    ((), "Testing the PD-1 Antibody, MK3475, Given With Ziv-aflibercept in Advanced Cancer",
     "monoclonal_antibody"),
    ((), "PD-1 Antibody for Reactive EBV After BMT", "monoclonal_antibody"),
    ((), "PD-1 Antibody Expressing mesoCAR-T Cells for Mesothelin Positive Solid Tumors",
     "engineered_cell_therapy"),
    ((), "NY-ESO-1 T Cells in OG Cancer", "engineered_cell_therapy"),
    # a protein named by its kind in a vaccine trial is the vaccine's antigen or adjuvant
    ((("BIOLOGICAL", "Autoclaved leishmania antigen with recombinant human interleukin-12"),),
     "Safety and Immunogenicity of a Vaccine for Cutaneous Leishmaniasis", "vaccine"),
])
def test_standard_therapy_codes_in_titles_and_vaccine_proteins(items, title, expected):
    assert primary(*items, title=title) == [expected]


@pytest.mark.parametrize("items, title, expected", [
    # stem cells of a tissue given as such are cell therapy; blood and marrow stem cells named
    # as a transplant's graft are not
    ((), "Periodontal Tissue Regeneration Using Autologous Periodontal Ligament Stem Cells",
     "cell_therapy"),
    ((("BIOLOGICAL", "Stem Cells"),),
     "Bone Marrow-Derived Autologous Stem Cells for Duchenne Muscular Dystrophy", "cell_therapy"),
    ((("BIOLOGICAL", "Allogeneic Stem Cells"), ("DRUG", "carfilzomib")),
     "Allogeneic Stem Cell Transplantation vs. Conventional Therapy in Myeloma",
     "small_molecule"),
    ((), "T Lymphocytes for the Treatment of AdV, CMV, EBV and BKV Infections", "cell_therapy"),
    ((), "TAC T-cells for the Treatment of HER2-positive Solid Tumors", "engineered_cell_therapy"),
    # an organ transplant is a procedure, unless it names who takes part
    ((), "Allograft Dysfunction in Heart Transplant", "other"),
    ((), "Perioperative Aminophylline to Improve Kidney Function After a Kidney Transplant",
     "small_molecule"),
    ((), "Study of ALVR106 in Respiratory Viral Infections After Hematopoietic Cell and Solid "
     "Organ Transplant", "cell_therapy"),
    # an mRNA level that selects patients is a biomarker
    ((), "Tislelizumab in Patients With PD1-high mRNA Expressing Tumors", "monoclonal_antibody"),
])
def test_stem_cells_transplants_and_biomarkers(items, title, expected):
    assert primary(*items, title=title) == [expected]


@pytest.mark.parametrize("items, title, expected", [
    # a bispecific T-cell engager is no antigen-specific T cell product
    ((("DRUG", "MEDI-538"),), "A Phase I Study of a Bispecific T-cell Engager in Lymphoma",
     "bispecific_antibody"),
    # ... while T cells "redirected" at a virus carry a new receptor for it (SAFE-T-HBV's
    # TCR-redirected T cells; engineered since 2026.12.68)
    ((), "Redirected HBV-Specific T Cells in Patients With HBV-related HCC",
     "engineered_cell_therapy"),
    # every checkpoint inhibitor given in trials is an antibody
    ((), "Neoadjuvant PD-1 Blockade in Resectable Merkel Cell Carcinoma", "monoclonal_antibody"),
    ((("DRUG", "CR-CHOP+PD1 inhibitor"),), "CR-CHOP+X in Previously Untreated DEL",
     "monoclonal_antibody"),
    # a vector named by its kind in a vaccine trial carries the antigen ...
    ((), "Immunization With AFP Plasmid Prime and AFP Adenoviral Vector Boost in HCC",
     "vaccine"),
    # ... unless the title calls it gene therapy, an oncolytic virus or a cytokine gene
    ((), "Recombinant Oncolytic Vaccinia Virus Injection in Solid Tumors", "gene_therapy"),
    ((), "IL-12 Gene and Electroporation-Mediated Plasmid DNA Vaccine Therapy in Melanoma",
     "gene_therapy"),
    # an mRNA marker of cells or a signature is no medicine
    ((), "Clinical Significance of Detecting CEA and CK20 mRNA-positive Cells", "unclassified"),
])
def test_engagers_checkpoints_vectors_in_vaccines(items, title, expected):
    assert primary(*items, title=title) == [expected]


def test_a_short_product_abbreviation_in_a_title_recasts_nothing():
    # "PCV" is a pneumococcal vaccine and procarbazine-CCNU-vincristine
    placed = classify(("BIOLOGICAL", "gene therapy"), ("DRUG", "lomustine"),
                      title="Dose-Intensified Procarbazine, CCNU, Vincristine (PCV) With "
                            "Retroviral-Mediated Modification of CD34+ Cells")
    assert [p.modality for p in placed if p.is_primary] == ["gene_therapy"]


@pytest.mark.parametrize("items, expected", [
    # a name that joins a medicine and its placebo names the medicine
    ((("DRUG", "Penicillin or Placebo"),), "small_molecule"),
    ((("DRUG", "Doxycycline (200mg/day) or Placebo"),), "small_molecule"),
    ((("DRUG", "SLN124 is a GalNAc conjugated double stranded fully modified siRNA. Sodium "
       "chloride 0.9% w/v is used as placebo"),), "oligonucleotide"),
    # ... while a placebo named for what it matches, or two controls, name none
    ((("DRUG", "Placebo to match GSK2402968 and its vehicle"),), "other"),
    ((("DRUG", "Placebo and standard of care"),), "other"),
    ((("DRUG", "Comparator: placebo (unspecified) / Duration of Treatment: 21 Weeks"),),
     "other"),
])
def test_a_medicine_named_with_its_placebo(items, expected):
    assert primary(*items, title="A Trial") == [expected]


def test_what_the_placebo_arm_gets_beside_its_placebo_is_a_comparator():
    # "R-CHOP + placebo" is the placebo arm: R-CHOP is counted, enzastaurin is the question
    placed = classify(("DRUG", "Enzastaurin Hydrochloride"), ("OTHER", "R-CHOP + placebo"),
                      title="Enzastaurin + R-CHOP in DLBCL")
    assert [p.modality for p in placed if p.is_primary] == ["small_molecule"]
    assert "monoclonal_antibody" in {p.modality for p in placed}


@pytest.mark.parametrize("items, title, expected", [
    ((("BIOLOGICAL", "HspE7 and Poly-ICLC"),), "Safety of HspE7 and Poly-ICLC in CIN",
     "vaccine"),
    ((("BIOLOGICAL", "BACMUNE (MV130)"),), "BACMUNE in Healthcare Personnel", "vaccine"),
    ((("BIOLOGICAL", "COVI-GUARD"),), "Study to Evaluate STI-1499 in COVID-19",
     "monoclonal_antibody"),
    # T cells depleted from a graft: the graft is what the trial studies
    ((("PROCEDURE", "Allogeneic Hematopoietic Stem Cell Transplantation"),
      ("DRUG", "Fludarabine Phosphate"), ("DRUG", "Tacrolimus"),
      ("BIOLOGICAL", "T Cell-Depleted Hematopoietic Stem Cell Transplantation")),
     "Selective Depletion of CD45RA+ T Cells From Allogeneic Peripheral Blood Stem Cell Grafts",
     "other"),
])
def test_biological_codes_and_depleted_grafts(items, title, expected):
    assert primary(*items, title=title) == [expected]


@pytest.mark.parametrize("name, expected", [
    # a development code beside a placebo is the medicine ...
    ("SHR-1819 injection or placebo", "small_molecule"),
    ("TCP-25 gel 0.86 mg/ml or placebo gel", "peptide"),  # (a peptide since 2026.12.267)
    # ... and standard care beside a medicine is no placebo arm: the medicine is tested
    ("Standard care + ciprofloxacin", "small_molecule"),
    # ... while a medicine given with a placebo is what the placebo arm gets
    ("Ciprofloxacin + placebo", "other"),
])
def test_codes_and_standard_care_beside_a_medicine(name, expected):
    # beside a programme every arm does not get, so that background would give way to it
    assert primary(("DRUG", name), ("BEHAVIORAL", "Exercise programme"),
                   title="A Trial") == [expected]


@pytest.mark.parametrize("items, expected", [
    # best, optimal or guideline-directed medical therapy beside a procedure is its control
    ((("PROCEDURE", "Pulmonary arterial denervation"),
      ("DRUG", "Guideline-directed medical therapy (GDMT) for heart failure")), "other"),
    ((("PROCEDURE", "extracranial-intracranial bypass surgery"),
      ("DRUG", "best medical therapy")), "other"),
    # foods, supplements and polyclonal globulins typed DRUG are no small molecules
    ((("DRUG", "Infant Formula"),), "other"),
    ((("DRUG", "High Dose Soy isoflavones"),), "other"),
    ((("DRUG", "Anti-HIV Immune Serum Globulin (Human)"),), "other"),
])
def test_medical_therapy_controls_foods_and_globulins(items, expected):
    assert primary(*items, title="A Trial") == [expected]


def test_support_inside_a_regimen_name_gives_way_to_the_regimen():
    # G-CSF priming listed inside one regimen name is support, as it is when listed alone
    placed = classify(("DRUG", "Azacytidine;Cytarabine;Aclacinomycin;Venetoclax;"
                               "Granulocyte colony-stimulating factor"),
                      ("DRUG", "Best-Available Therapy(BAT) Regimen"),
                      title="Venetoclax Combined With CACAG Regimen in AML")
    assert [p.modality for p in placed] == ["small_molecule"]


@pytest.mark.parametrize("items, title, expected", [
    ((), "4SCAR-T Therapy Post CD19-targeted Immunotherapy", "engineered_cell_therapy"),
    ((), "Treatment of Advanced Malignant Solid Tumors With Claudin18.2CAR-T",
     "engineered_cell_therapy"),
    # a stem-cell graft given as a boost is a transplant's graft, whatever type it is given
    ((("DRUG", "autologous hematopoietic stem cell"),),
     "Autologous Hematopoietic Stem Cell Boost Study After CAR-T Therapy", "other"),
    ((("BIOLOGICAL", "ALECSAT cell based immunotherapy"),), "ALECSAT in Glioblastoma",
     "cell_therapy"),
    # CpG named as a vaccine's adjuvant is part of the vaccine, not an oligonucleotide drug
    ((("BIOLOGICAL", "SCB-2019 with CpG 1018 adjuvant plus Alum adjuvant"),),
     "SCB-2019 as COVID-19 Vaccine", "vaccine"),
    ((("BIOLOGICAL", "VIR-7831"), ("DRUG", "Placebo")), "VIR-7831 for COVID-19",
     "monoclonal_antibody"),
    # antibody-coupled T cells given with the antibody they bind; glofitamab's code
    ((("BIOLOGICAL", "ACTR707"), ("BIOLOGICAL", "rituximab")),
     "ACTR707 in Combination With Rituximab in B Cell Lymphoma", "engineered_cell_therapy"),
    ((("DRUG", "RO7082859"), ("DRUG", "Obinutuzumab")), "RO7082859 in Lymphoma",
     "bispecific_antibody"),
])
def test_car_prefixes_and_stem_cell_boosts(items, title, expected):
    assert primary(*items, title=title) == [expected]


@pytest.mark.parametrize("title, expected", [
    ("Phase 2 Midostaurin in Aggressive Systemic Mastocytosis", "small_molecule"),
    ("Modafinil vs Placebo for the Treatment of Methamphetamine Dependence", "small_molecule"),
    ("Adjunctive Topiramate for Treatment of Alcohol Dependence", "small_molecule"),
    ("Anti-NY ESO-1 mTCR Peripheral Blood Lymphocytes", "engineered_cell_therapy"),
    ("A Phase I/II Study Evaluating Temferon in Multiple Myeloma", "gene_therapy"),
    # the plant and the device are no medicines of the kinds above
    ("Efficacy of Inhaled Cannabis for Acute Migraine Treatment", "other"),
    ("Arterial Inflammation and E-Cigarettes", "other"),
])
def test_more_stems_products_and_botanicals_in_titles(title, expected):
    assert primary(title=title) == [expected]


@pytest.mark.parametrize("title, expected", [
    ("Combination of Cryosurgery and NK Immunotherapy for Advanced Esophageal Cancer",
     "cell_therapy"),
    ("Revitalization of Immature Permanent Teeth Using SHED Cells", "cell_therapy"),
    ("CAR-monocytes for the Treatment of HER2 Overexpressing Solid Tumors",
     "engineered_cell_therapy"),
    ("HSV G207 in Children With Recurrent Cerebellar Brain Tumors", "gene_therapy"),
    ("Using Clonidine to Improve Leg Weakness in People With Heart Failure", "small_molecule"),
    ("Efficacy Study of Low-dose Glucocorticoid Prophylaxis for Acute GVHD", "small_molecule"),
    # a receptor measured is no medicine ("Glucocorticoid Receptor Expression")
    ("11C-YJH08 PET Imaging for the Detection of Glucocorticoid Receptor Expression", "other"),
    ("68Ga DOTA-TATE PET/CT in Somatostatin Receptor Positive Tumors", "other"),
    # ... while an engineered receptor is still read
    ("T Cells Expressing a Chimeric Antigen Receptor Positive for CD19", "engineered_cell_therapy"),
])
def test_cells_codes_and_measured_receptors_in_titles(title, expected):
    assert primary(title=title) == [expected]


@pytest.mark.parametrize("items, title, expected", [
    # the title explains a bare code in parentheses beside it: about this code, even when a
    # listed comparator is of the same kind
    ((("DRUG", "JYB1904"), ("DRUG", "Omalizumab")),
     "Study of JYB1904 (an Anti-immunoglobulin E Antibody) in Healthy Subjects",
     "monoclonal_antibody"),
    ((("DRUG", "XKDCT293"),), "Treating Breast Cancer With XKDCT293 (Nectin-4-CAR-T)",
     "engineered_cell_therapy"),
    ((("DRUG", "GSK3196165"),), "Long-term Study of Otilimab (GSK3196165) in Arthritis",
     "monoclonal_antibody"),
    # what the parentheses hold is no medicine: the type decides
    ((("DRUG", "ABC1234"),), "ABC1234 (Advanced Solid Tumours) Dose Finding", "small_molecule"),
])
def test_a_title_that_explains_a_code_beside_it(items, title, expected):
    assert primary(*items, title=title) == [expected]


def test_parentheses_that_repeat_the_code_explain_nothing():
    def explained(title):
        trial = Trial("NCT00000001", brief_title=title,
                      interventions=(Intervention(0, "DRUG", "ABC1234"),))
        return [h.modality for h in C.titles.explained_code(trial.interventions[0], trial, True)]
    assert explained("A Study of ABC1234 (ABC1234 Vaccine Tablets)") == []
    assert explained("A Study of ABC1234 (a Vaccine)") == ["vaccine"]
    assert explained("A Study of a Vaccine (ABC1234) in Adults") == ["vaccine"]


@pytest.mark.parametrize("name, expected", [
    # a product written after "anti-" is the target of what is given, not what is given
    ("anti-GM-CSF antibody", ["monoclonal_antibody"]),
    ("Anti-GM-CSF Monoclonal Antibody", ["monoclonal_antibody"]),
    ("an Anti-immunoglobulin E Antibody", ["monoclonal_antibody"]),
    ("GM-CSF", ["protein"]),
    ("Immunoglobulin", ["other"]),
    # an antibody fragment fused to a bacterial toxin is an immunotoxin
    ("Anti-Tac(Fv)-PE38", ["antibody_drug_conjugate"]),
])
def test_a_product_named_as_a_target(name, expected):
    assert [p.modality for p in classify(("BIOLOGICAL", name))] == expected


def test_a_setting_the_title_names_without_the_names_parentheses():
    placed = classify(("DRUG", "Teriflunomide"), ("DRUG", "Placebo (for teriflunomide)"),
                      ("DRUG", "Interferon-beta (IFN-beta)"),
                      title="Efficacy of Teriflunomide in Patients With Relapsing Multiple "
                            "Sclerosis and Treated With Interferon-beta")
    assert [p.modality for p in placed] == ["small_molecule"]


@pytest.mark.parametrize("title, expected", [
    # surgery or radiotherapy the title joins to what is given: part of the regimen, counted
    ("Temozolomide Followed by Radiation Therapy in Treating Children With CNS Tumors",
     ["small_molecule", "other"]),
    ("Temozolomide Compared With Radiation Therapy in Glioma", ["small_molecule", "other"]),
    ("Temozolomide and Radiotherapy in Glioma", ["small_molecule", "other"]),
    # the setting, a part of the body, a population, or what both arms get
    ("Temozolomide After Surgery for Glioma", ["small_molecule"]),
    ("Temozolomide and Pregabalin After Lumbar Disc Surgery", ["small_molecule"]),
    ("Temozolomide for Analgesia in Foot and Ankle Surgery", ["small_molecule"]),
    ("Temozolomide in Diabetes and Surgery Patients", ["small_molecule"]),
    ("Temozolomide With Surgery vs. Surgery Alone", ["small_molecule"]),
])
def test_surgery_or_radiotherapy_the_title_joins_to_the_treatment(title, expected):
    placed = classify(("DRUG", "temozolomide"), title=title)
    assert [p.modality for p in placed] == expected
    assert [p.modality for p in placed if p.is_primary] == ["small_molecule"]


@pytest.mark.parametrize("title, expected", [
    ("Cord Blood-Derived NK Cells Genetically Engineered With NY-ESO-1 TCR/IL-15 in Myeloma",
     "engineered_cell_therapy"),
    ("T Cells Transduced With a CD19 CAR in Leukaemia", "engineered_cell_therapy"),
    # a suicide gene is no receptor
    ("Donor T Cells Transduced With a Suicide Gene After Transplant", "gene_therapy"),
    # TILs modified in the lab, however the title says so (2026.12.124)
    ("T Cell Membrane-Anchored Tumor-Targeted IL12 -Modified TIL Cell Therapy for Sarcoma",
     "engineered_cell_therapy"),
    ("Safety of Metabolically Armed Tumor-Infiltrating Lymphocytes for Solid Tumors",
     "engineered_cell_therapy"),
    ("PD-1 Knockout Tumor-infiltrating T Cells (TILs) in Advanced Colorectal Cancer",
     "engineered_cell_therapy"),
    ("T-cell Therapy with CRISPR PD1-edited Tumor Infiltrating Lymphocytes for Melanoma",
     "engineered_cell_therapy"),
    # TILs left as they were, however the title says so
    ("TILT-123 Adenovirus With Non-modified TILs in Melanoma", "gene_therapy"),
    ("Unmodified Tumor Infiltrating Lymphocytes for Melanoma", "cell_therapy"),
])
def test_cells_a_title_says_were_modified_in_the_lab(title, expected):
    assert primary(title=title) == [expected]


@pytest.mark.parametrize("items, title, expected", [
    # obinutuzumab is glofitamab's one-off pretreatment (its label): background ...
    ((("DRUG", "glofitamab"), ("DRUG", "obinutuzumab")),
     "CAR-T Followed by Bispecific Antibodies", ["bispecific_antibody"]),
    # ... unless the title names it as a partner; and never beside another bispecific
    ((("DRUG", "RO7082859"), ("DRUG", "Obinutuzumab")),
     "RO7082859 as a Single Agent and in Combination With Obinutuzumab",
     ["monoclonal_antibody", "bispecific_antibody"]),
    ((("DRUG", "mosunetuzumab"), ("DRUG", "obinutuzumab")), "Mosunetuzumab in Lymphoma",
     ["monoclonal_antibody", "bispecific_antibody"]),
    # standard CAR-T named as the setting: after a product by its INN, or "in CAR-T therapy"
    ((("DRUG", "NT-I7"), ("BIOLOGICAL", "CAR T-cell therapy")),
     "NT-I7, a Long-acting Human IL-7, Post-Axicabtagene Ciloleucel in Lymphoma", ["protein"]),
    ((("DRUG", "tislelizumab"), ("BIOLOGICAL", "CAR-T")),
     "Maintenance Therapy Versus None in CAR-T Therapy for Lymphoma", ["monoclonal_antibody"]),
    # ... hyphenated after "post" (2026.12.264)
    ((("DRUG", "Efineptakin alfa"), ("BIOLOGICAL", "Tisagenlecleucel")),
     "Relapsed/Refractory Large B-cell Lymphoma With NT-I7 Post-CD19 CAR T-cell Therapy",
     ["protein"]),
])
def test_pretreatment_and_car_t_as_the_setting(items, title, expected):
    placed = classify(*items, title=title)
    assert [p.modality for p in placed] == expected  # (in display order)
    assert [p.modality for p in placed if p.is_primary] == [expected[-1]]


@pytest.mark.parametrize("name, expected", [
    # what cells were made with is a reagent, not a medicine given (the cells are: a title
    # naming their CAR recasts them)
    ("IL-2 pre-treated CD19 cells", ["cell_therapy"]),
    ("Cytokine-treated Veto Cells", ["cell_therapy"]),
    ("Blinatumomab Expanded T-cells (BET)", ["cell_therapy"]),
    ("IL-2 activated NK cells", ["cell_therapy"]),
    # ... not the medicine itself, nor a kind of tumour a medicine treated
    ("IL-2", ["protein"]),
    ("Blinatumomab", ["bispecific_antibody"]),
    ("Denosumab-treated giant cell tumour", ["monoclonal_antibody"]),
])
def test_what_cells_were_made_with(name, expected):
    placed = [p.modality for p in classify(("BIOLOGICAL", name))
              if p.rule != "type prior" and p.modality != "unclassified"]
    assert placed == expected


def test_cells_made_with_a_cytokine_take_the_kind_the_title_names():
    placed = classify(("BIOLOGICAL", "IL-2 pre-treated CD19 cells"),
                      ("BIOLOGICAL", "IL-7/IL-15 pre-treated CD19 cells"),
                      title="Anti-CD19 Chimeric Antigen Receptor-T Cells in B Cell Lymphoma")
    assert [p.modality for p in placed] == ["engineered_cell_therapy"]


@pytest.mark.parametrize("title, expected", [
    # immune cells aimed at a tumour antigen carry a receptor for it
    ("A Study of CD19-targeted iNKT Cells in Lupus", "engineered_cell_therapy"),
    ("Anti-CD19 Redirected NK Cells for B-Lineage Leukaemia", "engineered_cell_therapy"),
    # donor cells given back after a depleted graft are a lymphocyte infusion
    ("CD45RA Depleted Stem Cell Addback to Prevent Infections After HSCT", "cell_therapy"),
    ("Haploidentical Transplant and T-Cell Add-Back", "cell_therapy"),
    ("Prophylactic Memory T Cell Infusions After Depleted Transplant", "cell_therapy"),
])
def test_redirected_immune_cells_and_cells_added_back(title, expected):
    assert primary(title=title) == [expected]


@pytest.mark.parametrize("items, title, expected", [
    # imaging agents however written are assessments; alone, the trial is `other`
    ((("DRUG", "Gadoquatrane (BAY1747846)"), ("DRUG", "Gadobutrol")),
     "Gadoquatrane Compared With an Available Contrast Agent", ["other"]),
    ((("DRUG", "⁶⁸Ga-FAPI-46"),), "68Ga-FAPI PET/CT for Peritoneal Response", ["other"]),
    ((("DRUG", "68GaNOTA-Anti-HER2 VHH1"),), "Uptake in Brain Metastasis", ["other"]),
    ((("DRUG", "I-124-CLR1404"),), "Imaging Trial in Glioblastoma", ["other"]),
    ((("DRUG", "BAY86-9596"),), "PET/CT Investigations With BAY86-9596 (18F) (300 MBq)",
     ["other"]),
    ((("DRUG", "FACBC"),), "FACBC for Head and Neck Cancers", ["other"]),
    # ... not a drug with gadolinium in it, nor a therapeutic iodine
    ((("DRUG", "motexafin gadolinium"),), "Motexafin Gadolinium in Glioma", ["small_molecule"]),
    ((("DRUG", "I-131 MIBG"),), "I-131 MIBG Therapy", ["radiopharmaceutical"]),
    # insulin analogues without "insulin", vitamin E by its chemical name, sugar pills
    ((("DRUG", "Detemir"),), "Detemir in Obesity", ["protein"]),
    ((("DRUG", "Natural source d-α-tocopheryl acetate"),), "Vitamin E in Asthma", ["other"]),
    ((("DRUG", "Zinc Supplement"), ("DRUG", "Sugar pill")), "Zinc in Diarrhoea", ["other"]),
])
def test_imaging_agents_insulin_analogues_and_vitamin_e(items, title, expected):
    assert [p.modality for p in classify(*items, title=title)] == expected


@pytest.mark.parametrize("name, expected", [
    # botanicals by their plant, yeast glucans, an optical imaging agent (alone: `other`)
    ("Panax Ginseng", "other"), ("Ginkgo biloba", "other"), ("Milk Thistle", "other"),
    ("St. John's Wort", "other"), ("beta-1,3-glucan", "other"), ("Pegulicianine", "other"),
    # ... not a drug from a plant, nor the hormone sold as a supplement too
    ("Ginkgolide B", "small_molecule"), ("Melatonin", "small_molecule"),
])
def test_botanicals_by_plant_and_optical_imaging_agents(name, expected):
    assert [p.modality for p in classify(("DRUG", name))] == [expected]


@pytest.mark.parametrize("name, other_names, expected", [
    # a cytokine fused to an antibody is part of the antibody (denied on every layer)
    ("DI-Leu16-IL2 immunocytokine", ("anti-CD20-IL-2 immunocytokine DI-Leu16-IL-2",),
     ["monoclonal_antibody"]),
    ("Interleukin-2", (), ["protein"]),
    # a receptor fused to IgG is a protein (an immunoadhesin), however the record spells it
    ("CD4-IgG2", (), ["protein"]),
    ("rCD4-IgG", (), ["protein"]),
])
def test_immunocytokines_and_immunoadhesins(name, other_names, expected):
    trial = Trial("NCT00000001", brief_title="A Trial",
                  interventions=(Intervention(0, "BIOLOGICAL", name, other_names),))
    assert [p.modality for p in C.classify(trial)] == expected


@pytest.mark.parametrize("title, expected", [
    # radiation named by its technique is radiotherapy; radiation as a harm is not
    ("Proton Radiation for Stage II/III Breast Cancer", ["other"]),
    ("Anti-PD-1 Immunotherapy and Stereotactic Radiation in Glioblastoma",
     ["monoclonal_antibody", "other"]),
    ("Pentoxifylline for Radiation-Induced Fibrosis", ["small_molecule"]),
    # a title part that is only T cells names them as a treatment ...
    ("T Cells and Pembrolizumab for Glioblastoma", ["cell_therapy", "monoclonal_antibody"]),
    # ... not the T-cell response a vaccine is measured by
    ("T-cell And General Immune Response to Seasonal Influenza Vaccine", ["vaccine"]),
    # active immunotherapies named with "vac"
    ("A Study of AADvac1 in Alzheimer's Disease", ["vaccine"]),
])
def test_radiation_by_technique_t_cells_and_vac_codes(title, expected):
    assert sorted(p.modality for p in classify(title=title)) == sorted(expected)


@pytest.mark.parametrize("title, expected", [
    # a virus named as the disease, however joined, is no vector
    ("Donor T Cell Therapy in Patients With Adenovirus-Related Disease", "cell_therapy"),
    # T cells redirected at an antigen carry a receptor, however the vector is named
    ("Lentivirally Redirected CD123 Autologous T Cells in AML", "engineered_cell_therapy"),
    ("Redirected HBV-Specific T Cells in HBV-related HCC", "engineered_cell_therapy"),
    # an adenovirus given is still a vector
    ("Adenovirus-Mediated Gene Transfer in Prostate Cancer", "gene_therapy"),
])
def test_viruses_as_diseases_and_redirected_t_cells(title, expected):
    assert primary(title=title) == [expected]


def test_passive_immunisation_ipv_and_descriptions_around_a_test_or_device():
    # passive immunisation gives an antibody, not a vaccine
    assert [p.modality for p in classify(("DRUG", "AAB-001"),
            title="Safety Study of Passive Immunization in Alzheimer's Disease")] == [
        "monoclonal_antibody"]
    # "IPV" in a title is intimate partner violence or a ventilation more often than polio
    assert [p.modality for p in classify(title="Jovenes Sanos: Preventing IPV and RC")] == [
        "unclassified"]

    def described(kind, description):
        trial = Trial("NCT00000001", brief_title="A Study", interventions=(
            Intervention(0, kind, "Laboratory Samples", (), description),))
        return [p.modality for p in C.classify(trial)]
    # a test or a device whose description names the vaccine or antibody around it
    assert described("DIAGNOSTIC_TEST", "After full vaccination with a Covid 19 vaccine, "
                     "samples for anti-spike monoclonal antibody levels") == ["other"]
    assert described("OTHER", "Vibration is applied, and then the vaccine will be "
                     "given") == ["other"]
    # ... while a biological's description still says what it is
    assert described("BIOLOGICAL", "an inactivated influenza vaccine") == ["vaccine"]


@pytest.mark.parametrize("title, expected", [
    # a hyphenated code is read as a part of a title-only record ("FG-3019", "SD-101")
    ("Safety and Bioactivity With FG-3019 in Combination With Gemcitabine",
     ["monoclonal_antibody", "small_molecule"]),
    ("SD-101 and BMS-986178 in Advanced Solid Tumours", ["oligonucleotide"]),
    # healing touch is a complementary therapy, not the chemotherapy it is given during
    ("Healing Touch During Chemotherapy Infusions for Women With Breast Cancer", ["other"]),
])
def test_hyphenated_codes_in_titles_and_healing_touch(title, expected):
    assert sorted(p.modality for p in classify(title=title)) == sorted(expected)


@pytest.mark.parametrize("items, title, expected", [
    # food oral immunotherapy by its older names is allergen immunotherapy (a vaccine, as the
    # labels' precedent has it) ...
    ((("OTHER", "Cow's milk"),), "Specific Oral Tolerance Induction to Cow's Milk Allergy",
     "vaccine"),
    ((("OTHER", "Egg"),), "Treatment of Egg Allergy Through Oral Desensitization", "vaccine"),
    # ... a challenge is still an assessment
    ((("OTHER", "Oral food challenges to multiple nuts"),), "Tree Nut Allergies", "other"),
])
def test_oral_tolerance_induction(items, title, expected):
    assert primary(*items, title=title) == [expected]


@pytest.mark.parametrize("items, title, expected", [
    # codes and brands with their sources in modalities.toml
    ((("BIOLOGICAL", "XmAb7195"),), "Safety of XmAb7195 in Volunteers", "monoclonal_antibody"),
    ((("BIOLOGICAL", "XmAb13676"),), "XmAb13676 in CD20-expressing Cancers",
     "bispecific_antibody"),
    ((("BIOLOGICAL", "BIMERVAX"),), "Immunogenicity of BIMERVAX", "vaccine"),
    ((("BIOLOGICAL", "lepirudin"),), "Lepirudin in Lung Cancer", "protein"),
    # allergens given (not tested for), tissue allografts and whole blood
    ((("BIOLOGICAL", "rPhleum"),), "Dose-Response Study With a Recombinant Cocktail of Phleum "
     "(rPhleum) Allergens", "vaccine"),
    ((("BIOLOGICAL", "Allograft Patch"),), "Rotator Cuff Repair With Patch Augmentation",
     "other"),
    ((("BIOLOGICAL", "Whole blood"),), "Prehospital Whole Blood Resuscitation", "other"),
    ((("BIOLOGICAL", "Haplo-HCT"),), "Haplo-cord HCT vs. Haplo-HCT for T-ALL", "other"),
    # a gene put into B cells by a transposon is gene therapy; T cells given a TCR so are
    # engineered
    ((("BIOLOGICAL", "Autologous Plasmablasts"),),
     "Sleeping Beauty Transposon-Engineered B Cells for MPS I", "gene_therapy"),
    ((), "Autologous T Cells Using the Sleeping Beauty System to Express TCRs in Cancer",
     "engineered_cell_therapy"),
    # a transplanted organ named in the title is the setting, not a graft given
    ((), "Cardiac Allograft Remodeling and Effects of Sirolimus", "small_molecule"),
])
def test_unclassified_biologicals_read(items, title, expected):
    placed = classify(*items, title=title)
    assert [p.modality for p in placed if p.is_primary] == [expected]
    if not items and expected == "small_molecule":
        assert [p.modality for p in placed] == ["small_molecule"]


@pytest.mark.parametrize("items, title, expected", [
    # cells by their abbreviations, helminths, microbiota transplants, PRF, IVIG brands, ozone
    ((("BIOLOGICAL", "BMMNC"),), "Safety of BMMNC in Multiple Sclerosis", "cell_therapy"),
    ((("BIOLOGICAL", "RB-ADSC"),), "Injections of RB-ADSC", "cell_therapy"),
    ((("BIOLOGICAL", "Trichuris suis ova"),), "TSO in Multiple Sclerosis", "other"),
    ((("BIOLOGICAL", "nasal microbiota transplant (NMT)"),), "Nasal Microbiota", "other"),
    ((("BIOLOGICAL", "Injectable PRF"),), "I-PRF on Gingival Phenotype", "other"),
    ((("BIOLOGICAL", "Octagam 10%"),), "Octagam in COVID-19", "other"),
    ((("BIOLOGICAL", "Ozone auto-hemotherapy"),), "Ozone for COVID-19 Pneumonia", "other"),
    ((("BIOLOGICAL", "Coagadex(R)"),), "Coagadex in Factor X Deficiency", "protein"),
    ((("BIOLOGICAL", "bbT369"),), "A Study of bbT369 in Lymphoma", "engineered_cell_therapy"),
    # birch allergen derivatives given as immunotherapy; the allergen as a challenge or test
    ((("BIOLOGICAL", "Bet v 1aF1-Alum"),), "Vaccinated With Hypoallergenic Derivatives",
     "vaccine"),
    ((("OTHER", "SPT and APT"),),
     "Skin Testing With Recombinant Bet v 1 and Hypoallergenic Recombinant Bet v 1 Fragments",
     "other"),
])
def test_more_unclassified_biologicals_read(items, title, expected):
    assert primary(*items, title=title) == [expected]


@pytest.mark.parametrize("title, expected", [
    # what health-services and behavioural trials test, named in their titles
    ("Financial Incentives for Weight Reduction Study", "other"),
    ("Internet Diabetes Self-Management", "other"),
    ("Use of Virtual Reality Game Playing During Venipuncture", "other"),
    ("Vestibular Rehabilitation and Severe Traumatic Brain Injury", "other"),
    ("Gut Microbiota Reconstruction for NSCLC Immunotherapy", "other"),
    # ... while a medicine the title names is still the medicine
    ("Memantine and Rehabilitation After Stroke", "small_molecule"),
])
def test_titles_that_name_a_behavioural_or_health_service_intervention(title, expected):
    assert primary(title=title) == [expected]


@pytest.mark.parametrize("title, expected", [
    # title-only wordings of T or NK cells given a receptor ...
    ("T Cell Receptor Immunotherapy Targeting NY-ESO-1 for Melanoma", "engineered_cell_therapy"),
    ("Autologous Redirected RNA Meso-CIR T Cells", "engineered_cell_therapy"),
    ("Re-directed T Cells for FAP-Positive Mesothelioma", "engineered_cell_therapy"),
    ("Anti-CEA Designer T Cells in Liver Metastases", "engineered_cell_therapy"),
    ("CAR-pNK Cell Immunotherapy for CD33+ AML", "engineered_cell_therapy"),
    # ... and of cells given without one
    ("Immunotherapy With Autologous HIV-Specific CD8 Cells", "cell_therapy"),
    ("Infused Donor T Regulatory Cells in Chronic GVHD", "cell_therapy"),
    ("Laboratory-Treated CD8+ T Cells in Treating Patients With AML", "cell_therapy"),
    ("Autologous Muscle Derived Cells for Tongue Dysphagia", "cell_therapy"),
    # T cells measured are no cell therapy
    ("Mesalamine to Reduce T Cell Activation in HIV Infection", "small_molecule"),
])
def test_title_only_wordings_of_t_and_nk_cells(title, expected):
    assert primary(title=title) == [expected]


@pytest.mark.parametrize("items, title, expected", [
    # nut powders given as oral immunotherapy are allergen immunotherapy ...
    ((("DRUG", "Peanut powder"), ("DRUG", "Placebo powder")),
     "Sublingual/Oral Immunotherapy for Peanut Allergy", "vaccine"),
    # ... a food in a nutrition study is not
    ((("OTHER", "whole wheat flour bread"),), "Sorghum and Blood Glucose", "other"),
    # live bacteria in a tablet are a probiotic, whatever dosage-form word the name holds
    ((("DRUG", "Bifico (Live combined bifidobacterium) tablets"),), "Probiotics in Prevention",
     "other"),
    # a treatment's harm named in the title is no treatment given
    ((), "Scalp Cooling for Chemotherapy-Induced Alopecia", "other"),
    ((), "Massage Therapy in Reducing Chemotherapy-Induced Peripheral Neuropathy", "other"),
    ((), "Autologous Cytokine-induced Killer Cells for Colorectal Cancer", "cell_therapy"),
])
def test_food_immunotherapy_probiotic_tablets_and_harms_in_titles(items, title, expected):
    assert primary(*items, title=title) == [expected]


@pytest.mark.parametrize("items, title, expected", [
    # a medicine-typed name that ends with the cells given is a cell product, not the small
    # molecule its DRUG type alone would say ...
    ((("DRUG", "Xcellerated T Cells"),), "Xcellerated T Cells for Lymphoma", "cell_therapy"),
    ((("DRUG", "Lymphocytes, Activated"),), None, "cell_therapy"),
    ((("BIOLOGICAL", "EBViNT Cell"),), None, "cell_therapy"),
    ((("BIOLOGICAL", "Schwann cells"),), None, "cell_therapy"),
    ((("BIOLOGICAL", "Macrophages"),), None, "cell_therapy"),
    # ... recast as engineered when the title says the T cells were genetically targeted
    ((("BIOLOGICAL", "modified T cells"), ("DRUG", "cyclophosphamide")),
     "T-Lymphocytes Genetically Targeted to the B-Cell Specific Antigen CD19",
     "engineered_cell_therapy"),
    # ... but not a graft's blood stem cells, a device's test, or a generic "Cell infusion"
    # beside a title naming the CAR
    ((("BIOLOGICAL", "Peripheral Blood Stem Cells"),), None, "unclassified"),
    ((("DEVICE", "Circulating tumor cells"),), None, "other"),
    ((("BIOLOGICAL", "Cell infusion"),), "ATLCAR.CD30.CCR4 Cells for CD30+ HL",
     "engineered_cell_therapy"),
    # a title part has no type: "T-cell ... Response" in a vaccine title names no product
    ((), "T-cell And General Immune Response to Seasonal Influenza Vaccine", "vaccine"),
    # stem cells from fat by their abbreviation, cultivated epithelium, hESC-derived cells
    ((("DRUG", "CS-1000 labeled SVF cells"),), None, "cell_therapy"),
    ((("BIOLOGICAL", "Cultivated limbal epithelial transplantation"),), None, "cell_therapy"),
    ((("BIOLOGICAL", "hESC-derived retinal pigment epithelium"),), None, "cell_therapy"),
])
def test_cells_named_as_what_is_given(items, title, expected):
    assert primary(*items, title=title) == [expected]


@pytest.mark.parametrize("name, expected", [
    # growth and colony-stimulating factors named in full are proteins ...
    ("Granulocyte-macrophage colony-stimulating factor", "protein"),
    ("Recombinant human keratinocyte growth factor", "protein"),  # no keratinocytes given
    ("Hepatocyte growth factor", "protein"),
    ("Basic fibroblast growth factor", "protein"),
    ("Stem cell factor", "protein"),
    # ... their receptors and what blocks them are not
    ("Epidermal growth factor receptor inhibitor", "small_molecule"),
    # recombinant human proteins by their abbreviations
    ("rhEPO", "protein"), ("rhTPO", "protein"), ("rIL-2", "protein"), ("rhIL-11", "protein"),
    ("rhDNase I", "protein"), ("GMCSF", "protein"),
    # enzymes by their INN endings; enzymes named as targets stay what blocks them
    ("Pegzilarginase", "protein"), ("imlifidase", "protein"), ("Exebacase", "protein"),
    ("Pegcrisantaspase", "protein"), ("Superoxide Dismutase", "protein"),
    ("Tyrosine kinase inhibitor", "small_molecule"),
    ("histone deacetylase inhibitor (ITF2357)", "small_molecule"),
])
def test_proteins_named_by_what_they_are(name, expected):
    assert primary(("DRUG", name)) == [expected]


def test_a_protein_in_a_gene_therapy_trial_is_the_transgenes_product():
    """The issue: a cytokine or growth-factor gene delivered by a vector is gene therapy."""
    assert primary(("BIOLOGICAL", "Human Nerve Growth Factor"),
                   title="Gene Therapy for Alzheimer's Disease") == ["gene_therapy"]
    assert primary(("BIOLOGICAL", "Human Nerve Growth Factor"),
                   title="Nerve Growth Factor for Alzheimer's Disease") == ["protein"]
    # a construct's cytokine joined by a hyphen is part of the construct's name: the oncolytic
    # vaccinia vvDD carrying it (named since 2026.12.246), not the protein
    assert primary(title="Injection of vvDD-hIL2-2-RG-1 for Cancer") == ["gene_therapy"]
    assert primary(title="Injection of xxDD-hIL2-2-RG-1 for Cancer") == ["unclassified"]
    # platelet concentrates rich in growth factors are a blood product
    assert primary(("OTHER", "Plasma Rich in Growth Factors (PRGF)")) == ["other"]
    # G-CSF however hyphenated supports chemotherapy
    assert primary(("DRUG", "Docetaxel"), ("DRUG", "Granulocyte-colony stimulating factor"),
                   title="Docetaxel in Breast Cancer") == ["small_molecule"]


@pytest.mark.parametrize("name, expected", [
    # antibodies named by their make with words between, and "anti-" a target as the whole name
    ("Fully human IgG1 antibody against CD38", "monoclonal_antibody"),
    ("Anti-TNF therapy", "monoclonal_antibody"), ("Intravitreal anti-VEGF", "monoclonal_antibody"),
    ("Anti-CD38", "monoclonal_antibody"),
    # ... not serology, a drug class named "anti-", or a CAR's target
    ("Blood test for IgG antibodies against SARS-CoV-2", "other"),
    ("anti-inflammatory drugs", "small_molecule"),
    ("Anti-CD19 CAR-T cells", "engineered_cell_therapy"),
    # polyclonal antibodies and animal antibody fragments are `other` (LABELING.md)
    ("Polyclonal antibody", "other"), ("Antivenom", "other"), ("Digoxin immune fab", "other"),
    # vaccines by their abbreviations and immunogens; a zinc-finger nuclease holds no zinc
    ("LAIV", "vaccine"), ("9vHPV", "vaccine"), ("HIV-1 Immunogen", "vaccine"),
])
def test_antibodies_vaccines_and_editors_named_by_what_they_are(name, expected):
    assert primary(("BIOLOGICAL", name)) == [expected]
    assert [p.modality for p in classify(("GENETIC", "Zinc finger nuclease"))] == ["gene_editing"]


@pytest.mark.parametrize("title, expected", [
    # cells a title says were given a receptor are engineered, however the title writes it
    ("Clinical Research of ROBO1 Specific BiCAR-NK Cells", "engineered_cell_therapy"),
    ("Study of Universal CD19-Targeted UCAR-NK Cells", "engineered_cell_therapy"),
    ("Cytolytic T-Cell Line Genetically Modified to Express the IL 13-Zetakine",
     "engineered_cell_therapy"),
    ("PRAME T Cell Receptor (TCR) Engineered NK Cells", "engineered_cell_therapy"),
    ("Genetically Modified Therapeutic Autologous Lymphocytes Followed by Aldesleukin",
     "engineered_cell_therapy"),
    # ... but donor T cells given a suicide gene are not: the issue says gene therapy, as their
    # named products do (BPX-501) and, since 2026.12.155, a title naming the suicide gene
    ("Gene Modified Donor T-cells After Haploidentical Transplant", "cell_therapy"),
    ("T Cells Genetically Modified With an iCasp9 Suicide Gene", "gene_therapy"),
])
def test_titles_saying_cells_were_given_a_receptor(title, expected):
    assert primary(("BIOLOGICAL", "autologous lymphocytes"), title=title) == [expected]


def test_cells_in_a_gene_therapy_trial_and_what_cells_were_cultured_with():
    # cells in a trial the title calls gene therapy, naming no receptor, are the gene-modified
    # cells it gives (LABELING.md: ex vivo gene-modified cells are gene therapy) ...
    assert primary(("BIOLOGICAL", "therapeutic autologous lymphocytes"),
                   title="Biological Therapy and Gene Therapy in Treating Neuroblastoma") == [
        "gene_therapy"]
    # ... and what they were cultured with is a reagent, not a protein given
    assert primary(("BIOLOGICAL", "Syngeneic Lymphocytes (CD4+) Cultured with OKT3 (Ortho) "
                                  "and Interleukin-2"),
                   title="Twins Study of Gene Therapy for HIV Infection") == ["gene_therapy"]
    assert [p.modality for p in classify(
        ("BIOLOGICAL", "Dendritic cells pulsed with gp100 peptide"))] == ["cell_therapy"]
    # people treated with a medicine are no cells made with it
    assert primary(("DRUG", "Squamous cell carcinoma treated with cetuximab")) == [
        "monoclonal_antibody"]


def test_names_written_with_underscores_sources_and_generic_implants():
    # an underscore separates words ("Flu Pandemic mRNA_Dose level 1")
    assert primary(("BIOLOGICAL", "Flu Pandemic mRNA_Dose level 1")) == ["mrna"]
    # a procedure a cell product came from is no assessment of it
    assert primary(("BIOLOGICAL", "CD3-depleted/CD56+ selected natural killer cells collected "
                                  "from apheresis products")) == ["cell_therapy"]
    assert primary(("PROCEDURE", "Blood samples collected from central line")) == ["other"]
    # stem cells implanted are a cell product; a code whose number is an isotope's mass is a
    # product the dictionary knows
    assert primary(("BIOLOGICAL", "Stem cell implantation")) == ["cell_therapy"]
    assert primary(("DRUG", "CLR 131")) == ["radiopharmaceutical"]


@pytest.mark.parametrize("items, title, expected", [
    # a transplant the title names only as the time after which the tested medicine is given is
    # the setting ...
    ((("BIOLOGICAL", "Blinatumomab"), ("PROCEDURE", "Autologous stem cell transplant")),
     "Blinatumomab Consolidation Post Autologous Stem Cell Transplantation",
     ["bispecific_antibody"]),
    ((("BIOLOGICAL", "Anti-CD19 CAR T cells"), ("PROCEDURE", "Allogeneic stem cell transplant")),
     "CAR T Cells From the Original Transplant Donor After Allogeneic Stem Cell Transplantation",
     ["engineered_cell_therapy"]),
    # ... and the graft that gives back an ex vivo gene therapy's cells is its delivery
    ((("GENETIC", "gene therapy"), ("DRUG", "lomustine"),
      ("PROCEDURE", "in vitro-treated peripheral blood stem cell transplantation")),
     "Combination Chemotherapy Plus Gene Therapy in Treating Patients With CNS Tumors",
     ["gene_therapy", "small_molecule"]),
    # ... but a transplant the title names as given stays, as do conditioning trials
    ((("DRUG", "Cyclophosphamide"), ("PROCEDURE", "Stem cell transplantation")),
     "Mismatched Transplantation Using High-dose Post-transplant Cyclophosphamide",
     ["small_molecule", "other"]),
    ((("DRUG", "Fludarabine"), ("PROCEDURE", "peripheral blood stem cell transplantation")),
     "Fludarabine, Low-Dose TBI, and Peripheral Blood Stem Cell Transplant",
     ["small_molecule", "other"]),
])
def test_a_transplant_named_as_the_setting_or_a_gene_therapys_delivery(items, title, expected):
    assert sorted(p.modality for p in classify(*items, title=title)) == sorted(expected)


@pytest.mark.parametrize("items, expected", [
    # polyclonal products however spelled, HIV envelope immunogens, allergen immunotherapy
    ((("BIOLOGICAL", "5% (5g/100 ml) intravenous immunoglobin"),), "other"),
    ((("BIOLOGICAL", "Equine COVID-19 Antiserum"),), "other"),
    ((("BIOLOGICAL", "MF59"), ("BIOLOGICAL", "rgp120/HIV-1 SF-2")), "vaccine"),
    # ... and the peptide vaccines' Montanide listed alone (2026.12.154)
    ((("BIOLOGICAL", "Montanide ISA-51 Adjuvant"),), "vaccine"),
    ((("BIOLOGICAL", "anti-gp120 antibody"),), "monoclonal_antibody"),
    ((("BIOLOGICAL", "gpASIT+TM"),), "vaccine"),
    # swabs taken for a test and named profiles are measures; a medicine on a swab is not
    ((("BIOLOGICAL", "Nasopharyngeal swab for RT-PCR SARS-CoV-2"),), "other"),
    ((("DRUG", "Povidone iodine nasal swabs"),), "small_molecule"),
    ((("DRUG", "Itacitinib"), ("OTHER", "Human Activity Profile")), "small_molecule"),
])
def test_polyclonals_immunogens_and_measures_named_so(items, expected):
    assert primary(*items) == [expected]
    if expected == "small_molecule" and len(items) > 1:
        assert [p.modality for p in classify(*items)] == ["small_molecule"]


@pytest.mark.parametrize("items, expected", [
    # the diluent given alone as a product's control is counted as nothing (2026.12.154)
    ((("DRUG", "ALK Alutard birch or 5-grasses"), ("DRUG", "ALK diluent")), {"vaccine"}),
    ((("DRUG", "Diluent: Phosphate Buffered Saline"), ("DRUG", "Etanercept")), {"protein"}),
])
def test_a_diluent_given_as_the_control_is_no_treatment(items, expected):
    assert {p.modality for p in classify(*items)} == expected


@pytest.mark.parametrize("items, title", [
    # donor T cells given a suicide gene are gene therapy, and only that: the dimeriser that
    # switches them off is support, never the title's kind (2026.12.155)
    ((("BIOLOGICAL", "rivogenlecleucel"), ("DRUG", "Rimiducid")),
     "Study of Matched Unrelated Donor T Cell Infusion for Hematologic Malignancies"),
    ((("DRUG", "iCaspase9-transduced T cells"), ("DRUG", "AP1903")),
     "Administration of Donor T Cells With the Caspase-9 Suicide Gene"),
    ((("PROCEDURE", "Donor Lymphocyte Infusion (DLI)"), ("DRUG", "AP1903")),
     "Donor Lymphocyte Infusion (DLI) of T-cells Genetically Modified With iCasp9 Suicide Gene"),
])
def test_suicide_gene_donor_cells_are_gene_therapy_only(items, title):
    assert [p.modality for p in classify(*items, title=title)] == ["gene_therapy"]


@pytest.mark.parametrize("items, title, expected", [
    # stem or stromal cells a title says express a gene are gene therapy (2026.12.156)
    ((("BIOLOGICAL", "MSC-IFNα"),), "IFNα Expressing Mesenchymal Stromal Cells for Solid Tumors",
     {"gene_therapy"}),
    # a behavioural programme's abbreviation is no cell; the medium cells are given in, given
    # alone, is their control (2026.12.156)
    ((("BEHAVIORAL", "Mindful Self-Compassion (MSC) training"),),
     "Effects of the Mindful Self-Compassion (MSC) Program", {"other"}),
    ((("DRUG", "Mesenchymal stem cells"), ("DRUG", "Suspension media")),
     "Mesenchymal Stem Cells for Multiple Sclerosis", {"cell_therapy"}),
])
def test_cells_by_what_the_title_and_type_say(items, title, expected):
    assert {p.modality for p in classify(*items, title=title)} == expected


def test_a_setting_joined_by_a_plus_is_the_setting_to_its_end():
    """ "... Before Tetanus + Diphtheria Vaccine": the vaccine is when the vibration is given,
    not what the trial gives (2026.12.158)."""
    items = (("OTHER", "Local mechanical vibration"), ("OTHER", "Shotblocker group"))
    title = ("Effect of Local Mechanical Vibration and Shotblocker on Pain Before Tetanus + "
             "Diphtheria Vaccine in Pregnant Women")
    assert [p.modality for p in classify(*items, title=title)] == ["other"]


def test_rescue_named_beside_its_medicine_is_background():
    """ "Loratadine 10 mg Rescue Treatment" in a grass-tablet trial (2026.12.159)."""
    items = (("BIOLOGICAL", "SCH 697243"), ("DRUG", "Loratadine 10 mg Rescue Treatment"),
             ("DRUG", "Placebo"))
    title = "Efficacy and Safety of Grass Sublingual Tablet in Adults"
    assert [p.modality for p in classify(*items, title=title)] == ["vaccine"]


def test_a_dose_in_cells_of_a_transplant_graft_is_the_procedure():
    """ "3 x 10^8 nucleated cells/kg ... The graft will be infused" is bone marrow for a
    transplant, a procedure; the same dose without "graft" is a cell product (2026.12.215)."""
    def placed(description: str) -> list[str]:
        item = Intervention(0, "BIOLOGICAL", "Related or Unrelated Bone Marrow Cells", (),
                            description)
        trial = Trial("NCT00000001", brief_title="A study", study_type="INTERVENTIONAL",
                      interventions=(item,))
        return [p.modality for p in C.classify(trial)]

    graft = ("On day 0, a target dose of 3 x 10^8 nucleated cells/kg will be collected. The "
             "graft will be infused over 15-60 minutes.")
    assert placed(graft) != ["cell_therapy"]
    assert placed("A target dose of 3 x 10^8 nucleated cells/kg, infused once.") == [
        "cell_therapy"]
    assert primary(("GENETIC", "Genetic-Tailored AntiThrombotic Strategy")) == ["other"]


@pytest.mark.parametrize("items, title, expected", [
    # a medicine arm's placeholder is no behavioural intervention (2026.12.216); the title
    # says what it is
    ((("DRUG", "Intervention A"), ("DRUG", "Intervention B")),
     "A Safety and Tolerability of PSD502 (a Topical Anesthetic)", ["small_molecule"]),
    ((("DRUG", "Standard Intervention Rc"), ("DRUG", "Investigational Intervention Ri")),
     "An Open Label Clinical Trial in Pediatric AML", ["small_molecule"]),
    ((("BEHAVIORAL", "Sanitation and Hygiene Interventions"),), "Hygiene", ["other"]),
    ((("OTHER", "Nurse-led intervention"),), "Nursing", ["other"]),
])
def test_an_arms_placeholder_named_intervention_is_no_programme(items, title, expected):
    assert primary(*items, title=title) == expected


def test_a_name_saying_it_is_the_background_is_background():
    """ "Optimized background regimen" listing enfuvirtide beside the antiretrovirals tested
    (2026.12.214); a title naming the background beside the add-on keeps it counted."""
    background = Intervention(1, "DRUG", "Optimized background regimen",
                              ("OBT", "enfuvirtide"))

    def placed(title: str) -> list[tuple[str, bool]]:
        trial = Trial("NCT00000001", brief_title=title, study_type="INTERVENTIONAL",
                      interventions=(Intervention(0, "DRUG", "raltegravir"), background))
        return [(p.modality, p.is_primary) for p in C.classify(trial)]

    assert placed("Raltegravir in Resistant HIV") == [("small_molecule", True)]
    assert "peptide" in [m for m, _ in placed("Raltegravir Plus Optimized Background Regimen")]
    items = (("DRUG", "Lixisenatide"), ("DRUG", "Insulin Glargine (Mandatory background drug)"))
    assert [p.modality for p in classify(*items, title="Lixisenatide on Top of Basal Insulin")
            ] == ["peptide"]


@pytest.mark.parametrize("description", [
    "Treatment group: ADSTEM Inj. 0.5x10\\^8 cells/5mL",  # the export escapes the caret
    "1×10^9 NK cells per dose",
])
def test_a_dose_in_cells_however_the_power_is_written(description):
    """(2026.12.160)"""
    trial = Trial("NCT00000001", brief_title="A study", study_type="INTERVENTIONAL",
                  interventions=(Intervention(0, "BIOLOGICAL", "XYZ Inj.", (), description),))
    assert [p.modality for p in C.classify(trial)] == ["cell_therapy"]


def test_usual_care_said_to_be_some_unnamed_drug_is_a_control():
    """(2026.12.161)"""
    items = (("PROCEDURE", "Hematopoietic Stem Cell Therapy"),
             ("DRUG", "Standard treatment with a conventional drug"))
    assert [p.modality for p in classify(*items)] == ["other"]
    # a named drug is what it names
    assert primary(("DRUG", "Standard treatment with cisplatin")) == ["small_molecule"]


def test_carbon_ion_therapy_is_external_radiotherapy():
    assert [p.modality for p in classify((None, "Carbon Ion Therapy"))] == ["other"]


def test_allostim_is_living_cells_though_its_trials_call_it_a_vaccine():
    title = "Universal Anti-Viral Vaccine for Elderly Adults"
    assert primary(("DRUG", "AlloStim"), title=title) == ["cell_therapy"]


def test_an_immunocytokine_by_its_title_and_measured_levels():
    assert primary(("BIOLOGICAL", "DI-Leu16-IL2"),
                   title="Open-Label Study of De-immunized DI-Leu16-IL2 Immunocytokine") == [
        "monoclonal_antibody"]
    # a recast by title words only: an antibody product the title names beside a cytokine
    # does not make the cytokine an antibody
    placed = classify(("BIOLOGICAL", "recombinant human interleukin 21"),
                      ("BIOLOGICAL", "Rituxan"),
                      title="Recombinant Interleukin 21 in Combination With Rituxan")
    assert sorted(p.modality for p in placed) == ["monoclonal_antibody", "protein"]
    assert primary(("BIOLOGICAL", "Levels of inflammatory cytokine (IL-6) in POTS")) == [
        "other"]


@pytest.mark.parametrize("name, expected", [
    ("combined chemotherapy with streptozotocin, 5-fluorouracil, and doxorubicin",
     "small_molecule"),  # no oxytocin analogue (-tocin)
    ("Carbetocin", "peptide"),
    ("Partially Hydrolyzed Whey Peptides", "other"),  # a food supplement
    ("Pentetreotide", "other"),  # the OctreoScan tracer
])
def test_peptides_and_what_only_ends_like_one(name, expected):
    assert primary(("DRUG", name)) == [expected]


@pytest.mark.parametrize("items, title, expected", [
    # a bare code listed only with lymphodepleting fludarabine and cyclophosphamide is the
    # adoptive cell product the regimen is for ...
    ((("BIOLOGICAL", "ADI-001"), ("DRUG", "Fludarabine"), ("DRUG", "Cyclophosphamide")),
     "A Phase 1 Study of ADI-001 in B Cell Malignancies", ["engineered_cell_therapy"]),
    # ... not when the title names the chemotherapy as tested, nor beside another medicine
    # (a code no rule knows: LMB-2, the record this was read from, is a known immunotoxin
    # since 2026.12.263)
    ((("BIOLOGICAL", "XYZ-207"), ("DRUG", "Fludarabine"), ("DRUG", "Cyclophosphamide")),
     "Phase II Trial of XYZ-207, Fludarabine and Cyclophosphamide for Adult T-Cell Leukemia",
     ["small_molecule"]),
    ((("BIOLOGICAL", "LMB-2"), ("DRUG", "Fludarabine"), ("DRUG", "Cyclophosphamide")),
     "Phase II Trial of LMB-2, Fludarabine and Cyclophosphamide for Adult T-Cell Leukemia",
     ["antibody_drug_conjugate", "small_molecule"]),
    ((("DRUG", "XYZ-101"), ("DRUG", "Fludarabine"), ("BIOLOGICAL", "Rituximab")),
     "XYZ-101 in Chronic Lymphocytic Leukemia", ["monoclonal_antibody", "small_molecule"]),
    # Kite's codes, a skin cancer of keratinocytes
    ((("BIOLOGICAL", "KITE-363"),), None, ["engineered_cell_therapy"]),
    ((("DRUG", "Nicotinamide"), ("DRUG", "Placebo")),
     "Nicotinamide Chemoprevention for Keratinocyte Carcinoma", ["small_molecule"]),
])
def test_a_bare_code_given_after_lymphodepletion(items, title, expected):
    assert sorted({p.modality for p in classify(*items, title=title)}) == sorted(expected)


@pytest.mark.parametrize("code, expected", [
    ("SAR3419", "antibody_drug_conjugate"), ("SGN-CD19A", "antibody_drug_conjugate"),
    ("MT-3724", "antibody_drug_conjugate"), ("AFM11", "bispecific_antibody"),
    ("BI 836826", "monoclonal_antibody"), ("SGN-40", "monoclonal_antibody"),
    # 2026.12.117: immunotoxins by their toxin; codes nothing else describes
    ("RFT5-SMPT-dgA", "antibody_drug_conjugate"), ("IMTOX-25", "antibody_drug_conjugate"),
    ("SS1(dsFv)-PE38", "antibody_drug_conjugate"), ("BI 3720931", "gene_therapy"),
    ("SRD-001", "gene_therapy"), ("GLPG5101", "engineered_cell_therapy"),
    ("BIIB092", "monoclonal_antibody"), ("BIIB076", "monoclonal_antibody"),
    ("ABBV-916", "monoclonal_antibody"), ("BIIB078", "oligonucleotide"),
    ("rAvPAL-PEG 0.1 mg/kg", "protein"),
])
def test_development_codes_with_a_published_kind(code, expected):
    assert primary(("DRUG", code)) == [expected]


def test_a_bare_word_a_title_calls_recombinant():
    # the product the title calls recombinant, listed by a bare word ...
    assert primary(("DRUG", "low-dose leptin"), ("DRUG", "placebo"),
                   title="Recombinant Human Leptin Therapy Effects on Insulin Action") == [
        "protein"]
    # ... not another medicine listed beside it, nor a vaccine's antigen
    assert [p.modality for p in classify(
        ("BIOLOGICAL", "rgp120/HIV-1 SF-2"), ("BIOLOGICAL", "MF59"),
        title="Immunogenicity Trial of Recombinant Envelope Protein, HIV-1 SF-2 rgp120 "
              "Combined With MF59")] == ["vaccine"]
    # (a bare word the title does not call recombinant stays what the registry type says;
    # relaxin, once this example, is a named protein since 2026.12.241)
    assert primary(("DRUG", "Orosomucoid"), title="Orosomucoid for Systemic Sclerosis") == [
        "small_molecule"]


def test_a_name_no_rule_reads_in_a_trial_of_a_supplement_is_that_supplement():
    # 2026.12.285: the title says a supplement, an herbal formula or a probiotic is tested
    for title in ("Use of an Herbal Preparation to Prevent and Dissolve Kidney Stones",
                  "Effect of Equol Supplementation on Arterial Stiffness",
                  "The Evaluation of TCI378 and TCI507 Probiotics on Weight-lowering Efficacy",
                  "Chinese Herbal Medicine Formula for Asthma in Children"):
        assert primary(("DRUG", "Cystone TCI378"), ("DRUG", "Placebo"), title=title) == [
            "other"], title
    # ... not a name a rule reads, nor a title that names a vitamin (some are prescription
    # analogues, LABELING.md), nor one naming an advanced kind
    assert primary(("DRUG", "Metformin"), title="Metformin and Supplement Use in Diabetes") == [
        "small_molecule"]
    assert primary(("DRUG", "Calcifediol"),
                   title="25-Hydroxyvitamin D Pharmacokinetic Study") == ["small_molecule"]
    assert primary(("DRUG", "XYZ-101"),
                   title="XYZ-101 Gene Therapy With a Nutritional Supplement") == [
        "gene_therapy"]


def test_descriptions_of_a_cars_dose_and_a_live_biotherapeutic():
    def one(name, description):
        trial = Trial("NCT00000001", interventions=(
            Intervention(0, "BIOLOGICAL", name, description=description),))
        return [p.modality for p in C.classify(trial) if p.is_primary]

    assert one("UTAA06 injection", "assigned into 1x10^8CAR+gdT, 3x10^8CAR+gdT") == [
        "engineered_cell_therapy"]
    assert one("STMC-103H", "STMC-103H is a live biotherapeutic product (LBP) containing a "
                            "consortium of intestinal bacteria") == ["other"]
    assert primary(("BIOLOGICAL", "TG-C High Dose")) == ["gene_therapy"]


# 2026.12.107: what part 1a of dev_labels_2 showed, stated in general (docs/classification.md)
@pytest.mark.parametrize("kind, name, expected", [
    # a chemical name holding "diet", a code holding "CT", a TCR "alfa beta" are no diet, no
    # CT scan and no "-alfa" protein
    ("DRUG", "Lysergic Acid Diethylamide", ["small_molecule"]),
    ("DRUG", "Diethylcarbamazine", ["small_molecule"]),
    ("BEHAVIORAL", "Mediterranean diet", ["other"]),
    ("DRUG", "CT-L01 12.5/500 mg", ["small_molecule"]),
    ("DEVICE", "CT scan", ["other"]),
    ("BIOLOGICAL", "CT-P39", ["monoclonal_antibody"]),
    ("BIOLOGICAL", "TCR alfa beta T cell depletion", ["other"]),
    ("PROCEDURE", "TCR alpha beta / CD19+ depleted haploidentical hematopoietic progenitor cells",
     ["other"]),
    ("BIOLOGICAL", "T-cell Receptor α/β Depleted Donor Lymphocyte Infusions", ["cell_therapy"]),
    ("BIOLOGICAL", "interferon alfa-2b", ["protein"]),
    # a haematopoietic stem cell "therapy" is a transplant; other stem cells given are cells
    ("PROCEDURE", "Hematopoietic Stem Cell Therapy", ["other"]),
    ("BIOLOGICAL", "CD34+ Stem Cell Therapy", ["cell_therapy"]),
    ("BIOLOGICAL", "Stem Cell Therapy", ["cell_therapy"]),
    # Sarepta's codes by series: 9000s gene therapies, 4000s and 5000s oligonucleotides
    ("BIOLOGICAL", "SRP-9005", ["gene_therapy"]),
    ("DRUG", "SRP-5051", ["oligonucleotide"]),
    # live bacteria given as such, not as a vaccine
    ("BIOLOGICAL", "salmonella VNP20009", ["other"]),
    ("BIOLOGICAL", "Streptococcus pneumoniae serotype 6B", ["other"]),
    ("BIOLOGICAL", "Ty800 (Salmonella typhi) Oral Vaccine", ["vaccine"]),
    ("BIOLOGICAL", "microbial inoculate", ["other"]),
    ("DRUG", "HS-20093", ["antibody_drug_conjugate"]),
    ("DRUG", "MHB088C for Injection", ["antibody_drug_conjugate"]),
    ("DRUG", "Thymopentin", ["peptide"]),  # a thymic pentapeptide, no cell product
])
def test_names_read_by_what_they_are(kind, name, expected):
    assert [p.modality for p in classify((kind, name))] == expected


def test_saline_called_a_control_is_one():
    assert C.is_control("Saline Control") and not C.is_control("Saline rinse with chlorhexidine")


def test_an_antigen_an_antibody_targets_is_no_vaccine():
    title = ("Phase 1 Study of 162, a Novel Neutralizing Antibody Targeting Hepatitis B Surface "
             "Antigen")
    assert "vaccine" not in primary(("BIOLOGICAL", "162"), ("OTHER", "Placebo"), title=title)
    assert primary(("BIOLOGICAL", "ABC-123"), title="ABC-123, a Hepatitis B Surface Antigen "
                   "Vaccine, in Healthy Adults") == ["vaccine"]


def test_an_appositive_says_what_a_bare_code_is():
    title = ("Study of AZD6750, a CD8 Guided IL-2 Agent Alone and in Combination, in "
             "Participants With Solid Tumors")
    assert primary(("BIOLOGICAL", "AZD6750"), title=title) == ["protein"]
    # the appositive must follow the code: elsewhere in the title it says nothing of it
    assert primary(("BIOLOGICAL", "AZD6750"), title="AZD6750 in Solid Tumors Treated Before, "
                   "a Study After an IL-2 Agent") == ["unclassified"]


def test_gm_csf_the_title_names_for_mobilisation_is_support():
    title = ("Intensive Carmustine and Etoposide, Followed By Rescue With Peripheral Blood Stem "
             "Cells Mobilized With Filgrastim (G-CSF) or Sargramostim (GM-CSF)")
    items = (("BIOLOGICAL", "filgrastim"), ("BIOLOGICAL", "sargramostim"),
             ("DRUG", "carmustine"), ("DRUG", "etoposide"),
             ("PROCEDURE", "peripheral blood stem cell transplantation"))
    assert primary(*items, title=title) == ["small_molecule"]
    assert "protein" not in {p.modality for p in classify(*items, title=title)}
    # GM-CSF the title names as the question stays tested
    titled = "Sargramostim After Stem Cell Transplantation With Carmustine and Etoposide"
    assert "protein" in {p.modality for p in classify(*items, title=titled)}


def test_a_graft_cell_dose_in_the_title_makes_the_conditioning_background():
    items = (("PROCEDURE", "leukapheresis"), ("DRUG", "Plerixafor"),
             ("DRUG", "carmustine, etoposide, cytarabine, melphalan"),
             ("PROCEDURE", "Autologous Stem Cell Transplantation"))
    assert primary(*items, title="Impact of CD34+ Cell Dose on Progression-free Survival "
                   "Following Autologous Stem Cell Transplantation") == ["other"]
    assert primary(*items, title="BEAM Conditioning Before Autologous Stem Cell "
                   "Transplantation") == ["small_molecule"]


def test_title_words_another_listed_name_holds_name_that_one():
    """"Stem Cell Therapy" in the title is the listed transplant, not a cell product for the
    generic comparator beside it."""
    placed = classify(("PROCEDURE", "Hematopoietic Stem Cell Therapy"),
                      ("DRUG", "Standard treatment with a conventional drug"),
                      title="Stem Cell Therapy for Patients With Multiple Sclerosis")
    assert "cell_therapy" not in {p.modality for p in placed}
    # a bare code still takes the kind its title names when no listed name holds the words
    assert primary(("BIOLOGICAL", "XYZ-101"), ("PROCEDURE", "Leukapheresis"),
                   title="XYZ-101 Stem Cell Therapy for Heart Failure") == ["cell_therapy"]


# 2026.12.108: mobilising factors and a standard CAR-T beside the add-on a title names first
def test_stem_cell_factor_given_for_a_transplant_is_support():
    items = (("BIOLOGICAL", "filgrastim"), ("BIOLOGICAL", "recombinant human stem cell factor"),
             ("DRUG", "cyclophosphamide"), ("DRUG", "etoposide"),
             ("PROCEDURE", "peripheral blood stem cell transplantation"))
    title = "Combination Chemotherapy Plus Peripheral Stem Cell Transplantation in Lymphoma"
    assert primary(*items, title=title) == ["small_molecule"]
    assert primary(("BIOLOGICAL", "recombinant human stem cell factor"),
                   title="Stem Cell Factor in Aplastic Anemia") == ["protein"]
    assert primary(("DRUG", "G-SCF"), title="The Effect of G-CSF on MRD in AML") == ["protein"]


@pytest.mark.parametrize("title, expected", [
    ("Pembro Plus CAR T-cell Therapy in R/R PMBCL", ["monoclonal_antibody"]),
    ("Pembrolizumab and CAR T-cell Therapy for Lymphoma", ["monoclonal_antibody"]),
    # named first, still only by its kind: the standard care too (2026.12.116)
    ("CAR T-cell Therapy in Combination With Pembrolizumab for Lymphoma",
     ["monoclonal_antibody"]),
    # a CAR-T the title names by its target is the trial's own product
    ("CD19 CAR T-cell Therapy in Combination With Pembrolizumab for Lymphoma",
     ["engineered_cell_therapy"]),
])
def test_a_car_t_the_title_adds_after_a_named_medicine_is_the_setting(title, expected):
    items = (("DRUG", "Pembrolizumab"), ("DRUG", "Lymphodepletion Chemotherapy"),
             ("DRUG", "Chimeric Antigen Receptor (CAR) Therapy Infusion"),
             ("PROCEDURE", "Leukapheresis"))
    assert primary(*items, title=title) == expected


# 2026.12.110: the vector of gene therapies "not specified in the record" (the issue)
@pytest.mark.parametrize("name, title, expected", [
    ("OH2 injection", "OH2 Injection in Melanoma", "oncolytic_virus"),
    ("NG-641", "A Study of NG-641 and Pembrolizumab", "oncolytic_virus"),
    ("gene therapy", "New Castle Disease Virus (NDV) in Glioblastoma", "oncolytic_virus"),
    ("gene therapy", "Virus DNX2401 and Temozolomide in Glioblastoma", "oncolytic_virus"),
    ("PF-06939926", "A Study of PF-06939926 Gene Therapy in DMD", "aav"),
    ("BPX-501 T cells", "Gene Modified Donor T-cells After Stem Cell Transplant",
     "lentiviral_retroviral"),
    ("gene therapy", "Safety Study on AdCD40L Gene Therapy for Bladder Cancer", "adenoviral"),
    ("gene therapy", "Phase I Study of Liposome-Mediated Gene Transfer in Cystic Fibrosis",
     "non_viral"),
    ("Autologous Plasmablasts", "Sleeping Beauty Transposon-Engineered Plasmablasts for MPS I",
     "non_viral"),
    ("Temferon", "A Study Evaluating Temferon in Glioblastoma", "ex_vivo_stem_cell"),
])
def test_the_vector_of_a_gene_therapy_by_its_product_or_wording(name, title, expected):
    placed = {p.modality: p for p in classify(("GENETIC", name), title=title)}
    assert placed["gene_therapy"].submodality == expected


# 2026.12.162: a kind that matches anything is the default, taken after the title is read;
# the other kinds' words are whole words and not what a CAR's own parts are called
@pytest.mark.parametrize("item, title, expected", [
    (("BIOLOGICAL", "CVnCoV 6 μg"), "Vaccine CVnCoV in Healthy Adults for COVID-19",
     ("mrna", "mrna_infectious_vaccine")),
    (("DRUG", "Id-KLH Vaccine"), "Vaccination of Follicular Lymphomas With Tumor-Derived Idiotype",
     ("vaccine", "cancer_vaccine")),
    (("DRUG", "Macugen Injection"), "Ocular Safety of Macugen in Macular Degeneration",
     ("oligonucleotide", "other_oligo")),
    (("DRUG", "AVI-4658 for Injection"), "Dose-Ranging Study of AVI-4658 in Duchenne Dystrophy",
     ("oligonucleotide", "antisense")),
    (("BIOLOGICAL", "CART-19"), "Redirected Autologous T Cells Engineered to Contain Anti-CD19 "
     "Attached to TCRz and 4-1BB Signaling Domains",
     ("engineered_cell_therapy", "car_t_autologous")),
    (("BIOLOGICAL", "CAR T cells"), "CAR T Cell Receptor Immunotherapy Targeting Mesothelin",
     ("engineered_cell_therapy", "car_t_autologous")),
    (("BIOLOGICAL", "Anti-NY ESO-1 mTCR PBL"), "Anti-NY ESO-1 mTCR Peripheral Blood Lymphocytes",
     ("engineered_cell_therapy", "tcr_t")),
    (("DRUG", "Adalimumab"), "Adalimumab for Immune Checkpoint Inhibitor Associated Arthritis",
     ("monoclonal_antibody", "other_mab")),
    # donor and in vivo myeloid CARs by their codes (2026.12.199)
    ((None, "SC291"), "Study Evaluating SC291 in Subjects With r/r B-cell Malignancies",
     ("engineered_cell_therapy", "car_t_allogeneic")),
    ((None, "MT-302"), "Study of MT-302 in Adults With Advanced Epithelial Tumors",
     ("engineered_cell_therapy", "car_m")),
    # editors by their codes (2026.12.206)
    ((None, "CS-101"), "CS-101 in Patients With β-thalassemia",
     ("gene_editing", "ex_vivo_editing")),
    ((None, "CTX340"), "A Trial of CTX340 in Hypertension", ("gene_editing", "in_vivo_editing")),
])
def test_the_default_kind_is_taken_only_when_no_text_names_another(item, title, expected):
    (p,) = [p for p in classify(item, title=title) if p.is_primary]
    assert (p.modality, p.submodality) == expected


# 2026.12.162: what a title says is an imaging agent, and no rule reads, is an assessment
@pytest.mark.parametrize("items, title, expected", [
    ((("DRUG", "STX107"),), "Evaluation of Two Radioactive Chemicals to Image mGluR5 Receptors",
     ["other"]),
    ((("DRUG", "All Subjects"),), "A Longitudinal Evaluation of a Radiotracer for Tau Tracking",
     ["other"]),
    ((("DRUG", "ONM-100"),), "A Study to Evaluate ONM-100, an Intraoperative Fluorescence "
     "Imaging Agent for the Detection of Cancer", ["other"]),
    ((("DRUG", "[18F]MNI-958"), ("DRUG", "DaTscan")), "Evaluation of [18F]MNI-958 as a PET "
     "Radioligand for Imaging Tau", ["other"]),
    ((("DRUG", "Imaging procedure to measure the distribution of a newly developed radiolabeled "
       "ligand for the oxytocin receptor"),), "First-in-man Imaging of a New PET Radiotracer",
     ["other"]),
    ((), "Evaluation of a Novel PET Radioligand to Image OGA", ["other"]),
    # ... not the drug whose occupancy a tracer measures, nor a radioligand therapy
    ((("DRUG", "BIIB014"),), "Using PET Scans to Study Brain Receptor Occupancy of BIIB014",
     ["small_molecule"]),
    ((), "Radioligand Therapy Before Surgery in Prostate Cancer", ["radiopharmaceutical"]),
])
def test_an_imaging_agent_the_title_names_is_an_assessment(items, title, expected):
    assert primary(*items, title=title) == expected


# 2026.12.163: cord blood named alone or as a unit or graft is a transplant's graft (other),
# an infusion a title calls expanded is cells; how a medicine is given is no word of its name
@pytest.mark.parametrize("items, title, expected", [
    ((("DRUG", "unrelated umbilical cord blood"),), "Cord Blood Stem Cells in Advanced MDS",
     ["other"]),
    ((("BIOLOGICAL", "Cord Blood Graft"), ("DRUG", "Clofarabine")),
     "Cord Blood Transplant in Children With Blood Cancers", ["small_molecule"]),
    ((("PROCEDURE", "Cord Blood Infusion"),), "Cord Blood Expansion on Mesenchymal Stem Cells",
     ["cell_therapy"]),
    ((("DRUG", "Erythropoietin Injection"), ("DRUG", "Sildenafil"),
      ("OTHER", "Placebo Erythropoietin"), ("OTHER", "Placebo Sildenafil")),
     "Erythropoietin and Sildenafil in Cerebral Palsy", ["protein"]),
])
def test_cord_blood_and_the_words_of_how_a_medicine_is_given(items, title, expected):
    assert primary(*items, title=title) == expected


# 2026.12.164: palifermin, licensed against the mouth sores of transplant conditioning, is
# support unless the title names it (by name or as keratinocyte growth factor)
@pytest.mark.parametrize("title, expected", [
    ("CHOEP + High Dose Therapy + Auto SCT for T-Cell Lymphoma", ["small_molecule"]),
    ("Keratinocyte Growth Factor to Prevent Oral Mucositis in Hematologic Cancer", ["protein"]),
    ("Palifermin in Preventing Chronic Graft-Versus-Host Disease", ["protein"]),
])
def test_palifermin_is_support_unless_titled(title, expected):
    assert primary(("DRUG", "Palifermin"), ("DRUG", "Melphalan"),
                   ("PROCEDURE", "Stem Cell Transplant"), title=title) == expected


# 2026.12.165: T or NK cells aimed at a surface antigen named after them are CAR or TCR
# products; company products whose pipelines are all engineered cells
@pytest.mark.parametrize("items, title, expected", [
    ((), "Natural Killer (NK) Cell Therapy Targeting CD33 in Acute Myeloid Leukemia",
     ["engineered_cell_therapy"]),
    ((("DRUG", "QN-023a"), ("DRUG", "Fludarabine")),
     "Natural Killer(NK) Cell Therapy Targeting CLL1 in AML", ["engineered_cell_therapy"]),
    ((("GENETIC", "T-Cell Infusion"), ("PROCEDURE", "Cord Blood Infusion")),
     "Infusion of Allogeneic Umbilical Cord Blood-Derived "
     "Cluster of Differentiation Antigen 19 (CD19)-Specific T Cells", ["engineered_cell_therapy"]),
    ((("BIOLOGICAL", "ET190L1 ARTEMIS™ T cells"),), "Study of ET190L1 in B Cell Lymphoma",
     ["engineered_cell_therapy"]),
    ((("BIOLOGICAL", "RD13-01 cell infusion"),), "RD13-01 for Patients With r/r T-ALL",
     ["engineered_cell_therapy"]),
    # ... not cells aimed at a virus, nor NK cells beside the antibody that aims them
    ((("BIOLOGICAL", "EBV-specific T cells"),), "EBV-Specific T Cells for Lymphoma",
     ["cell_therapy"]),
    ((("BIOLOGICAL", "NK cells"), ("DRUG", "Trastuzumab")),
     "NK Cell Infusions With Trastuzumab for HER2+ Breast Cancer", ["cell_therapy"]),
])
def test_cells_aimed_at_a_surface_antigen_are_engineered(items, title, expected):
    assert primary(*items, title=title) == expected


# 2026.12.166: what participants are inadequately controlled with is their setting
@pytest.mark.parametrize("title, expected", [
    ("Effect of Dapagliflozin on Blood Glucose in T2DM Patients Inadequately Controlled With "
     "Either Metformin Or Insulin", ["small_molecule"]),
    ("Dapagliflozin Added to Insulin", ["small_molecule"]),
    # ... not what the title compares with it, on either side
    ("Insulin Versus Dapagliflozin in Type 2 Diabetes", ["protein"]),
])
def test_what_participants_are_inadequately_controlled_with_is_their_setting(title, expected):
    assert primary(("DRUG", "Dapagliflozin"), ("DRUG", "Metformin"), ("DRUG", "Insulin"),
                   title=title) == expected


# 2026.12.168: a neutralising antibody named as a product is an antibody, one measured is not;
# a product named by a bare number is what the title's appositive says it is
@pytest.mark.parametrize("items, title, expected", [
    ((("BIOLOGICAL", "162"), ("OTHER", "Placebo")), "Phase 1 Study of 162, a Novel Neutralizing "
     "Antibody Targeting Hepatitis B Surface Antigen, in Healthy Adult Subjects",
     ["monoclonal_antibody"]),
    ((("DRUG", "BGB-DXP593"),), "SARS-CoV-2 Neutralizing Antibody BGB-DXP593 in COVID-19",
     ["monoclonal_antibody"]),
    ((("BIOLOGICAL", "611"),), "Evaluation of 611 in Adults With COPD", ["unclassified"]),
    ((("OTHER", "Blood Sample"),), "Measuring Neutralizing Antibodies in Patients Treated With "
     "Interferon Beta 1a", ["other"]),
    ((("DIAGNOSTIC_TEST", "COVID-19 neutralizing antibody"),),
     "Neutralizing Antibody Level After COVID-19 Vaccination", ["other"]),
])
def test_a_neutralising_antibody_named_as_a_product(items, title, expected):
    assert primary(*items, title=title) == expected


# 2026.12.169: a placebo named by its filler ("Potato Starch Capsule") is a control
@pytest.mark.parametrize("filler", ["Freeze Dried Potato Starch Capsule",
                                    "Microcrystalline Cellulose Capsule", "Maltodextrin tablets",
                                    "Starch Powder Soft gels"])
def test_a_placebo_named_by_its_filler_is_a_control(filler):
    assert primary(("OTHER", "Lactobacillus Plantarum 299v Capsule"), ("OTHER", filler),
                   title="Impact of Lp299v on Vascular Function") == ["other"]
    assert primary(("OTHER", filler)) == ["other"]


def test_a_swab_named_first_is_an_assessment_not_the_title_s_immunisation():
    # 2026.12.170: "Immunization" in the title is allergic sensitisation; what the record
    # lists are samples, assessments
    assert primary(("BIOLOGICAL", "serum punction"), ("BIOLOGICAL", "skin swab in elbow folds"),
                   title="Quaternary Ammonium and Immunization in Hairdressers") == ["other"]
    assert primary(("DRUG", "Povidone iodine nasal swabs")) == ["small_molecule"]


def test_an_in_vivo_car_code_is_engineered_cells():
    assert primary(("BIOLOGICAL", "KLN-1010"),
                   title="A Study to Evaluate a Novel Gene Therapy in Multiple Myeloma") == [
        "engineered_cell_therapy"]


@pytest.mark.parametrize("name, expected", [
    ("BRL-101", "ex_vivo_editing"), ("ET-01", "ex_vivo_editing"),
    ("BEAM-302", "in_vivo_editing"), ("CTX310", "in_vivo_editing"),
])
def test_an_editor_by_where_it_edits(name, expected):
    (p,) = classify(("GENETIC", name), title=f"A Study of {name}")
    assert (p.modality, p.submodality) == ("gene_editing", expected)


def test_base_edited_car_t_cells_are_engineered_cells():
    # BEAM-201: base-edited CD7 CAR-T cells; the editing is how they are made (LABELING.md)
    assert primary(("BIOLOGICAL", "BEAM-201"), title="BEAM-201 in T-ALL") == [
        "engineered_cell_therapy"]
    assert primary(("BIOLOGICAL", "BEAM-101"), title="BEAM-101 in Sickle Cell Disease") == [
        "gene_editing"]


# 2026.12.112: from 60 cell-therapy placements without a kind
@pytest.mark.parametrize("kind, name, title, expected", [
    ("DRUG", "Cladribine", "Cladribine in Pulmonary Langerhans Cell Histiocytosis",
     ["small_molecule"]),
    ("DRUG", "Mizoribine", None, ["small_molecule"]),
    ("BIOLOGICAL", "Langerhans cells", None, ["cell_therapy"]),
    ("BIOLOGICAL", "Autologous CD19-STAR-T cell", None, ["engineered_cell_therapy"]),
    ("BEHAVIORAL", "STAR-C Virtual Training", None, ["other"]),
])
def test_nucleosides_langerhans_disease_and_star_t_cells(kind, name, title, expected):
    assert primary((kind, name), title=title) == expected


# 2026.12.113: unknown INNs took their title's kind (cladribine, tazemetostat); settings in pairs
def test_a_second_setting_joined_by_or_is_a_setting_too():
    items = (("BIOLOGICAL", "Pembrolizumab"), ("DRUG", "Tazemetostat"),
             ("PROCEDURE", "Biospecimen Collection"))
    title = ("Pembrolizumab and Tazemetostat to Overcome Immune Tolerance Following ASCT or CAR "
             "T-cell Therapy in Lymphoma")
    placed = {p.modality for p in classify(*items, title=title)}
    assert "engineered_cell_therapy" not in placed
    assert primary(*items, title=title) == ["monoclonal_antibody"]
    assert primary(("DRUG", "Asciminib"), title="Asciminib Maintenance Following alloHCT or CAR "
                   "T to Prevent Relapse") == ["small_molecule"]


def test_an_effect_on_an_antigen_is_no_vaccine():
    title = ("Safety and Efficacy of Celecoxib Plus Nucleos(t)Ide Analogues on the Hepatitis B "
             "Surface Antigen of Virally Suppressed Subjects")
    assert primary(("DRUG", "Celecoxib"), ("DRUG", "nucleos(t)ide analogue"),
                   title=title) == ["small_molecule"]


# 2026.12.114: a plain name compared with a product keeps its own kind; regimens; adjuvants
def test_a_plain_name_compared_with_an_antibody_is_no_biosimilar():
    placed = classify(("DRUG", "Fingolimod"), ("BIOLOGICAL", "Ofatumumab"),
                      ("DRUG", "Siponimod"),
                      title="Ofatumumab and Siponimod Compared to Fingolimod in Pediatric MS")
    assert {p.modality for p in placed} == {"monoclonal_antibody", "small_molecule"}
    # a code compared with a product is still read as its biosimilar
    assert primary(("BIOLOGICAL", "HLX02"), ("BIOLOGICAL", "Herceptin"),
                   title="HLX02 Compared to Herceptin in Breast Cancer") == [
        "monoclonal_antibody"]


# 2026.12.263: "biosimilar" beside a named product is a copy of it, of its kind; alone, the
# antibody most biosimilars are
@pytest.mark.parametrize("name, expected", [
    ("Interferon beta-1a HSA-free biosimilar", {"protein"}),
    ("Biosimilar filgrastim", {"protein"}),
    ("trastuzumab biosimilar", {"monoclonal_antibody"}),
    ("XYZ-123 biosimilar", {"monoclonal_antibody"}),
])
def test_biosimilar_is_of_the_named_products_kind(name, expected):
    assert {p.modality for p in classify(("DRUG", name))} == expected


# 2026.12.263: cells a title calls expanded, with words between ("Expanded Multiple Antigen
# Specific Endogenously Derived T Cells"), are the cell product; expanded access is no cell
@pytest.mark.parametrize("title, expected", [
    ("ImmPACT Expanded Multiple Antigen Specific Endogenously Derived T Cells (MASE-T) to "
     "Patients With Metastatic Melanoma", "cell_therapy"),
    ("Expanded Access to Pembrolizumab for T Cell Lymphoma", "monoclonal_antibody"),
])
def test_expanded_t_cells_with_words_between(title, expected):
    assert primary(title=title) == [expected]


@pytest.mark.parametrize("name", ["R-CEOP-70", "R-DA-EPOCH-21 + auto-SCT", "RCHOP",
                                  "R-CHOEP chemotherapy", "R-ESHAP"])
def test_rituximab_regimens_count_by_their_parts(name):
    assert {p.modality for p in classify(("DRUG", name))} == {
        "monoclonal_antibody", "small_molecule"}


def test_an_adjuvant_listed_on_its_own_is_part_of_the_vaccine():
    placed = classify(("BIOLOGICAL", "Aluminum hydroxide"),
                      ("BIOLOGICAL", "Inactivated Influenza A/H5N1 Vaccine"),
                      title="H5 Vaccine Alone or With Adjuvant in Healthy Adults")
    assert [p.modality for p in placed] == ["vaccine"]
    assert primary(("BIOLOGICAL", "MF59"), ("BIOLOGICAL", "rgp120/HIV-1 SF-2")) == ["vaccine"]


# 2026.12.115: plain names with no entry took their titles' kinds
@pytest.mark.parametrize("name, title, expected", [
    ("Fingolimod", "Long-term Effect of Fingolimod on Circulating Immunocompetent Mononuclear "
     "Cells", ["small_molecule"]),
    ("Laquinimod", None, ["small_molecule"]),
])
def test_small_molecules_by_name_not_by_their_title(name, title, expected):
    assert primary(("DRUG", name), title=title) == expected


def test_a_photosensitiser_beside_a_vaccine_is_a_small_molecule():
    placed = classify(("BIOLOGICAL", "Detox-B adjuvant"), ("DRUG", "verteporfin"),
                      title="Photodynamic Vaccination in Patients With Stage III/IV Melanoma")
    assert {p.modality for p in placed} == {"vaccine", "small_molecule"}


def test_the_dimeriser_of_a_safety_switch_is_background():
    placed = classify(("BIOLOGICAL", "Rivogenlecleucel"), ("DRUG", "Rimiducid"),
                      title="Rivogenlecleucel Donor Lymphocyte Immunotherapy")
    assert [p.modality for p in placed] == ["gene_therapy"]


# 2026.12.116: a CAR-T listed and titled only by its kind is the standard care
@pytest.mark.parametrize("title, expected", [
    ("CAR T-cell Therapy in Combination With Glofitamab for Large B-Cell Lymphoma",
     ["bispecific_antibody"]),
    # the title says which CAR-T: the trial's own product
    ("CD19 CAR T-cell Therapy in Combination With Glofitamab", ["engineered_cell_therapy"]),
    # the title does not name it: a part of the regimen tested
    ("Pediatric-Inspired Regimen Combined With Glofitamab and Immunotherapy",
     ["engineered_cell_therapy"]),
])
def test_a_car_t_named_only_by_its_kind_beside_a_named_medicine(title, expected):
    items = (("BIOLOGICAL", "CAR T-cell therapy"), ("DRUG", "Glofitamab"),
             ("DRUG", "Obinutuzumab"))
    assert primary(*items, title=title) == expected


def test_a_generic_car_t_beside_other_cells_stays_tested():
    items = (("BIOLOGICAL", "Chimeric antigen receptor T cells"),
             ("BIOLOGICAL", "peptide specific dendritic cell"))
    assert primary(*items, title="CAR-T Cells Combined With Peptide Specific Dendritic Cell") == [
        "engineered_cell_therapy"]


def test_standard_care_tables_name_known_kinds():
    from trialscape.classify.rules import RulesError
    config = load_config()
    config["background"]["standard_care"]["car_t"] = ["CAR-T"]
    with pytest.raises(RulesError, match="standard_care names unknown"):
        build_classifier(config)


def test_a_titled_medicine_the_placebo_arm_gets_too_is_counted_never_the_question():
    """2026.12.118: "HLX10 and HLX04 With or Without HLX53" against placebo: the antibodies
    every arm gets are counted (the title names them), the add-on stays the primary."""
    arms = (ArmGroup("HLX53 + HLX10 + HLX04", "EXPERIMENTAL",
                     ("Drug: HLX53", "Drug: Serplulimab", "Drug: Bevacizumab")),
            ArmGroup("Placebo + HLX10 + HLX04", "PLACEBO_COMPARATOR",
                     ("Drug: Serplulimab", "Drug: Bevacizumab", "Other: Placebo")))
    items = (("DRUG", "HLX53"), ("DRUG", "Serplulimab"), ("DRUG", "Bevacizumab"),
             ("OTHER", "Placebo"))
    titled = "Serplulimab and Bevacizumab With or Without HLX53, an Anti-TIGIT Fusion Protein"
    placed = classify(*items, title=titled, arms=arms)
    assert {p.modality for p in placed} == {"protein", "monoclonal_antibody"}
    assert [p.modality for p in placed if p.is_primary] == ["protein"]
    untitled = classify(*items, title="HLX53, an Anti-TIGIT Fusion Protein, in HCC", arms=arms)
    assert {p.modality for p in untitled} == {"protein"}


# 2026.12.119: from the rest of the cell placements without a kind
@pytest.mark.parametrize("title, expected", [
    ("PRGN-3006 Adoptive Cellular Therapy for CD33-Positive AML", ["engineered_cell_therapy"]),
    ("Treatment of Malignant Melanoma With GPA-TriMAR-T Cell Therapy",
     ["engineered_cell_therapy"]),
    ("Screening Protocol for Preliminary Eligibility Determination for Adoptive Cell Therapy "
     "Trials", ["other"]),
    ("Adoptive Cell Therapy Following a Non-myeloablative Induction in Melanoma",
     ["cell_therapy"]),
])
def test_title_only_cell_records(title, expected):
    assert primary(title=title) == expected


def test_a_conditioning_the_title_names_as_its_question_is_counted_beside_cells():
    """2026.12.120: a transplant trial giving donor lymphocytes whose title names its
    conditioning ("Using a Reduced Intensity Regimen") studies that regimen too."""
    items = (("DRUG", "Fludarabine"), ("DRUG", "Thiotepa"),
             ("BIOLOGICAL", "Donor Lymphocyte Infusion (DLI)"), ("DRUG", "Melphalan"))
    titled = classify(*items, title="Bone Marrow Transplant Using a Reduced Intensity Regimen "
                      "That is Given in Two Steps")
    assert {p.modality for p in titled} == {"cell_therapy", "small_molecule"}
    assert [p.modality for p in titled if p.is_primary] == ["cell_therapy"]
    untitled = classify(*items, title="Donor Lymphocytes After Bone Marrow Transplant")
    assert {p.modality for p in untitled} == {"cell_therapy"}


# 2026.12.121: products the corpus lists with nothing else to read
@pytest.mark.parametrize("name, expected", [
    ("NasoVAX", "vaccine"), ("DPX-Survivac", "vaccine"),
    ("Beltavac® Polymerized with house dust mites", "vaccine"),
    ("NEUROSTEM®-AD", "cell_therapy"), ("FURESTEM-AD Inj.", "cell_therapy"),
    ("Allocetra-OTS", "cell_therapy"), ("Tovaxin", "cell_therapy"),
    ("LioCyx", "engineered_cell_therapy"), ("CODOX-M/IVAC", "small_molecule"),
])
def test_brands_and_codes_with_a_published_kind(name, expected):
    assert primary(("BIOLOGICAL", name)) == [expected]


@pytest.mark.parametrize(("name", "codes"), [
    ("Cohort A: ORMD-0801", {"ormd0801"}),
    ("BI 3720931", {"bi3720931"}),
    ("IP FT516", {"ft516"}),
    # capitals before three digits or more only: these name diseases, targets and types
    ("COVID-19 vaccine", set()),
    ("IL-2", set()),
    ("Type 2 Diabetes Mellitus", set()),
    # a dose is no code, however its unit is written
    ("Meloxicam GSK 15mg", set()),
    ("pegfilgrastim, 60mcg/kg", set()),
    ("HLX02 100mg", {"hlx02"}),
])
def test_development_codes_however_written(name, codes):
    from trialscape.classify.model import code_words
    assert code_words(name) == codes


def test_a_hyphenated_code_is_explained_by_its_title():
    # "ORMD-0801 (Oral Insulin)": the parenthesis says what the hyphenated code is
    title = "A Study of ORMD-0801 (Oral Insulin) in Patients With Type 2 Diabetes Mellitus"
    assert primary(("DRUG", "Cohort A: ORMD-0801"), ("DRUG", "Placebo oral capsule"),
                   title=title) == ["protein"]
    # ... and the words beside a code written with a space, the code left out
    title = "A Study of NPT 2042 (Bumetanide Analog) Soft-gelatin Capsules in Healthy Adults"
    assert primary(("OTHER", "NPT 2042 or Matching Placebo"), title=title) == ["small_molecule"]


def test_an_abbreviation_of_the_medicine_the_title_names_takes_its_kind():
    title = "Efficacy and Safety of DaxibotulinumtoxinA for Injection for Upper Limb Spasticity"
    assert primary(("BIOLOGICAL", "DAXI for injection dose LOW DOSE"), ("OTHER", "Placebo"),
                   title=title) == ["protein"]
    # only the first letters of one word of the title, and a word of capitals alone
    assert primary(("BIOLOGICAL", "DAXI for injection"), title="Dosing of a Biologic "
                   "in Spasticity") == ["unclassified"]
    assert primary(("BIOLOGICAL", "AXI for injection"), title=title) == ["unclassified"]
    assert primary(("BIOLOGICAL", "Daxi for injection"), title=title) == ["unclassified"]


def test_lymphocytes_transferred_and_samples_named_for_what_they_measure():
    assert primary(("PROCEDURE", "Allogeneic lymphocyte transfer"),
                   title="A Pilot Study of Allogeneic Lymphocyte Transfer in HIV Infection"
                   ) == ["cell_therapy"]
    # the antibodies a blood sample is drawn to measure are not given
    placed = classify(("DRUG", "NT-I7"), ("DRUG", "Placebo"),
                      ("PROCEDURE", "Blood for anti-drug antibody (ADA)"),
                      ("PROCEDURE", "Blood for research purposes"),
                      title="Evaluating the Effect of NT-I7, a Long Acting Interleukin-7")
    assert {p.modality for p in placed} == {"protein"}


@pytest.mark.parametrize(("items", "expected"), [
    # oxygen given as a treatment, however it is named; air given in its place is a control
    ((("DRUG", "Oxygen"),), ["other"]),
    ((("DRUG", "Titrated Oxygen"), ("DRUG", "Standard Oxygen")), ["other"]),
    ((("DRUG", "Oxygen gas"), ("DRUG", "Air")), ["other"]),
    ((("DRUG", "Low-flow medical oxygen insufflation"),), ["other"]),
    # the oxygen-15 water of a PET measurement and a hypoxia tracer measure, not treat
    ((("DRUG", "0-15 Water"),), ["other"]),
    ((("DRUG", "FMISO"),), ["other"]),
    ((("DRUG", "FMISO"), ("DRUG", "sorafenib")), ["small_molecule"]),
    # a botanical and a blood product typed DRUG
    ((("DRUG", "turmeric"), ("DRUG", "placebo")), ["other"]),
    ((("DRUG", "Platelet Gel"),), ["other"]),
])
def test_gases_tracers_botanicals_and_blood_products_typed_as_drugs(items, expected):
    assert primary(*items) == expected
    placed = {p.modality for p in classify(*items)}
    assert "small_molecule" not in placed or expected == ["small_molecule"]


@pytest.mark.parametrize("title", [
    "Natural Killer Cells Function in Patients With Chronic Lymphocytic Leukemia",
    "A Phase II Trial of Camrelizumab in Combination With Apatinib for Neoadjuvant Treatment of "
    "Early-stage TNBC With a High Proportion of TILs",
    "Evaluation of Circulating T Cells and Tumor Infiltrating Lymphocytes (TILs) During / After "
    "Pre-Surgery Chemotherapy in Non-Small Cell Lung Cancer (NSCLC)",
    "Phenotypic Characterization Tumor-infiltrating Lymphocytes at Diagnosis and After "
    "Chemotherapy in Ovarian Cancer",
    "Phenotypic and Functional Study of Bone Marrow Mesenchymal Stem Cells in Waldenstrom "
    "Macroglobulinemia",
])
def test_cells_a_title_measures_are_not_given(title):
    assert "cell_therapy" not in {p.modality for p in classify(title=title)}


def test_cells_a_title_gives_are_still_read():
    for title in ("Immunotherapy Using Tumor Infiltrating Lymphocytes for Metastatic Melanoma",
                  "High-activity Natural Killer Immunotherapy for Small Metastases of Melanoma",
                  "NK Cell Infusion for Patients With Acute Myeloid Leukemia"):
        assert primary(title=title) == ["cell_therapy"], title


@pytest.mark.parametrize(("title", "absent", "expected"), [
    # an mRNA level that types the tumour, or an mRNA a drug blocks, is no mRNA medicine
    ("Pertuzumab in Platinum-Resistant Low Human Epidermal Growth Factor Receptor 3 (HER3) "
     "Messenger Ribonucleic Acid (mRNA) Epithelial Ovarian Cancer", "mrna", "monoclonal_antibody"),
    ("A Study of Hypoxia-inducible Factor 1a (HIF1A) Messenger Ribonucleic Acid (mRNA) "
     "Antagonist (RO7070179) in Hepatocellular Carcinoma", "mrna", "oligonucleotide"),
    # insulin a programme lowers is measured; TILs a treatment is guided by are measured
    ("Delish Study: Diabetes Education to Lower Insulin, Sugars, and Hunger", "protein", "other"),
    ("Pembrolizumab and Chemotherapy Treatment or no Treatment Guided by the Level of TILs in "
     "Resected Early-stage TNBC", "cell_therapy", "monoclonal_antibody"),
])
def test_what_a_title_measures_or_targets_is_not_given(title, absent, expected):
    assert absent not in {p.modality for p in classify(title=title)}
    assert primary(title=title) == [expected]


def test_mrna_and_insulin_a_title_gives_are_still_read():
    assert primary(title="High-Dose mRNA-1273 Booster for Lung Transplant Recipients") == ["mrna"]
    assert primary(title="Messenger RNA (mRNA)-Based, Personalized Cancer Vaccine Against "
                   "Neoantigens") == ["mrna"]
    assert "protein" in {p.modality for p in classify(
        ("DRUG", "semaglutide"), ("DRUG", "insulin glargine"),
        title="Semaglutide With a Lower Dose of Insulin Glargine in Type 2 Diabetes")}


def test_vaccines_a_programme_delivers_are_the_programme():
    assert primary(title="School-located Influenza Vaccination Clinics for Adolescents") == [
        "other"]


def test_an_antibody_measured_by_what_it_binds_is_no_vaccine():
    items = (("DIAGNOSTIC_TEST", "Humoral immunity vs SARS-CoV-2"),
             ("DIAGNOSTIC_TEST", "Tetanus toxoid-binding IgG"))
    assert "vaccine" not in {p.modality for p in classify(*items, title="Persistence of "
                                                          "Vaccine-Induced Immune Responses")}


@pytest.mark.parametrize(("items", "title", "expected"), [
    # a record without arms: what only the second side of the title's comparison names is the
    # comparator (counted, never primary)
    ((("DEVICE", "Microfragmented Adipose Tissue"), ("DRUG", "Corticosteroid")),
     "Microfragmented Adipose Tissue Compared to Corticosteroid Injection for Knee Osteoarthritis",
     "other"),
    ((("DRUG", "Fenebrutinib"), ("DRUG", "Ocrelizumab")),
     "A Study to Evaluate Fenebrutinib Compared With Ocrelizumab in Multiple Sclerosis",
     "small_molecule"),
    # ... unless the first side is the standard, or the second says both are tested
    ((("RADIATION", "Radiotherapy"), ("DRUG", "Cisplatin")),
     "Radiotherapy Alone Versus Concurrent Chemoradiation With Cisplatin in Lymphoma",
     "small_molecule"),
    ((("BEHAVIORAL", "cognitive-behavioral therapy"), ("DRUG", "imipramine")),
     "Cognitive-Behavioral Therapy vs Imipramine and Their Combination for Panic Disorder",
     "small_molecule"),
])
def test_the_second_side_of_a_titled_comparison_is_the_comparator(items, title, expected):
    assert primary(*items, title=title) == [expected]
    assert len(classify(*items, title=title)) == 2  # both counted


# 2026.12.264: an arm-less record whose title says it is active-controlled: what the title names
# neither by name, code nor kind is the active control (counted, never primary)
@pytest.mark.parametrize("items, title, control", [
    ((("BIOLOGICAL", "CVXGA (CVXGA50)"), ("BIOLOGICAL", "COMIRNATY®")),
     "A Phase 2b, Randomized, Double-blind, Active-controlled Study of Single Dose CVXGA "
     "Intranasal COVID-19 Vaccine in Adults", 1),
    ((("DRUG", "Cobomarsen"), ("DRUG", "Vorinostat")),
     "Efficacy and Safety of Cobomarsen (MRG-106) vs. Active Comparator in Subjects With "
     "Mycosis Fungoides", 1),
    ((("DRUG", "Montelukast"), ("DRUG", "ONO-6950"), ("DRUG", "Placebo")),
     "A Placebo and Active Controlled Study of ONO-6950 in Asthmatic Patients", 0),
    # a medicine of a kind the title names stays tested (the title may name it by a brand)
    ((("DRUG", "Bisoprolol"), ("DRUG", "Atenolol")),
     "An Active-controlled, Clinical Trial to Assess Central Hemodynamic Effects of Bisoprolol",
     None),
    # nor when the title names none of them
    ((("DRUG", "Bisoprolol"), ("BIOLOGICAL", "Etanercept")),
     "An Active-controlled Trial in Hypertension", None),
])
def test_what_an_active_controlled_title_does_not_name_is_the_control(items, title, control):
    trial = Trial("NCT00000001", brief_title=title, interventions=tuple(
        Intervention(i, t, n) for i, (t, n) in enumerate(items)))
    comparators = [i for i, role in C.roles.roles(trial).items() if role == Role.COMPARATOR]
    assert comparators == ([] if control is None else [control])


def test_an_mrna_vaccine_an_active_controlled_title_leaves_out_is_counted_not_primary():
    placed = classify(("BIOLOGICAL", "CVXGA (CVXGA50)"), ("BIOLOGICAL", "COMIRNATY®"),
                      title="Active-controlled Study of Single Dose CVXGA Intranasal COVID-19 "
                            "Vaccine in Adults")
    assert {(p.modality, p.is_primary) for p in placed} == {("vaccine", True), ("mrna", False)}


# 2026.12.265: what a record that lists nothing says by its title alone
@pytest.mark.parametrize("title, expected", [
    # a diagnosis studied is the test's (other), not who takes part ("Newly Diagnosed")
    ('Diagnostic Accuracy of "Three Rings Vulvoscopy" for Detection of Vulvar Dermatosis',
     ("other", None)),
    ("Rapid Diagnostics for HIV and Hepatitis", ("other", None)),
    ("Fluoroethyltyrosine in Detecting Tumors in Participants With Recurrent Intracranial Tumors",
     ("other", None)),
    ("Treatment of Patients With Newly Diagnosed Medulloblastoma", ("unclassified", None)),
    # ... a medicine used in a diagnosis is still that medicine
    ("Regadenoson for the Detection of Coronary Disease", ("small_molecule", None)),
    ("Low Dose Radiation as Bridging Therapy in Relapsed B-Cell Non-Hodgkin Lymphoma",
     ("other", None)),
    # oncolytic herpes viruses by abbreviation; HF10 the virus, not the stimulator
    ("oHSV2-PD-L1/CD3-BsAb Administered Via Intratumoral Injection",
     ("gene_therapy", "oncolytic_virus")),
    ("Study of HF10 in Patients With Refractory Head and Neck Cancer",
     ("gene_therapy", "oncolytic_virus")),
    ("HF10 Spinal Cord Stimulation for Back Pain", ("other", None)),
    ("US Study of UM171-Expanded CB in Patients With High Risk Leukemia/Myelodysplasia",
     ("cell_therapy", "stem_progenitor")),
    ("Monocyte Antigen Carrier Cells for Newly Diagnosed GBM", ("cell_therapy", "immune_cells")),
    # 2026.12.266: small molecules by INN, which only a title names where nothing is listed
    ("The Use of D-Cycloserine to Augment CBT for Pediatric OCD", ("small_molecule", None)),
    ("Effects of Caffeine on Cerebral Blood Flow", ("small_molecule", None)),
    ("Daylight Photodynamic Therapy for Actinic Keratosis", ("other", None)),
])
def test_what_a_title_alone_says_2026_12_265(title, expected):
    assert primary_kind(title=title) == [expected]


def test_a_photosensitiser_a_title_names_by_its_other_name_is_tested():
    # (the title's "Lutetium Texaphyrin" is motexafin lutetium: not what the procedure gives)
    placed = classify(("DRUG", "motexafin lutetium"), ("DRUG", "photodynamic therapy"),
                      ("PROCEDURE", "loop electrosurgical excision procedure"),
                      title="Photodynamic Therapy Using Lutetium Texaphyrin in Treating Patients "
                            "With Cervical Intraepithelial Neoplasia")
    assert {(p.modality, p.is_primary) for p in placed} == {("small_molecule", True),
                                                            ("other", False)}


def test_a_spinal_cord_stimulator_named_hf10_is_no_virus():
    assert primary(("DEVICE", "HF10 Therapy"), ("OTHER", "CMM"),
                   title="Comparison of HF10 Therapy Combined With CMM to CMM Alone") == [
        "other"]


def test_arms_decide_before_a_titled_comparison():
    arms = (ArmGroup("A", "EXPERIMENTAL", ("Drug: Ocrelizumab",)),
            ArmGroup("B", "ACTIVE_COMPARATOR", ("Drug: Fenebrutinib",)))
    assert primary(("DRUG", "Fenebrutinib"), ("DRUG", "Ocrelizumab"), arms=arms,
                   title="Fenebrutinib Compared With Ocrelizumab") == ["monoclonal_antibody"]


@pytest.mark.parametrize(("name", "expected"), [
    ("Donzakimig", "bispecific_antibody"),  # -ki-mig: an interleukin-targeting multispecific
    ("xaluritamig", "bispecific_antibody"),
    ("ZOMIG Rapimelt", "small_molecule"),  # zolmitriptan's brand ends so too
])
def test_the_multispecific_immunoglobulin_stem(name, expected):
    assert primary(("DRUG", name)) == [expected]


@pytest.mark.parametrize(("name", "expected"), [
    # iron given intravenously is a medicine; iron as a supplement is other
    ("Iron sucrose injection", "small_molecule"),
    ("Ferric derisomaltose", "small_molecule"),
    ("Iron-folic acid supplement", "other"),
    ("Ovitrelle", "protein"),
    ("Aprotinin", "protein"),
    ("Creon", "protein"),
    ("RhoGAM", "other"),
    ("CroFab", "other"),
    # codes and brands of 2026.12.123 and .127
    ("NS-065/NCNP-01", "oligonucleotide"),  # viltolarsen
    ("TAK-186", "bispecific_antibody"),
    ("MEDI-557", "monoclonal_antibody"),
    ("leridistim", "protein"),
    ("Actrapid", "protein"),
    ("Humulin R", "protein"),
    ("Mixtard 30", "protein"),
    # codes other records of ../shared/ctgov describe, bare where these are listed
    ("E7777", "protein"),
    ("GNbAC1", "monoclonal_antibody"),
    ("CM310", "monoclonal_antibody"),
    ("YL201", "antibody_drug_conjugate"),
    ("AVI-4658 for Injection", "oligonucleotide"),
    ("ITCA 650", "peptide"),
    ("KXV01 TCR Lentinvivo Injection", "engineered_cell_therapy"),
    # ... or that other records' titles explain (2026.12.134)
    ("ORMD-0801", "protein"),
    ("BL-8040", "peptide"),
    ("BMS-986446 IV", "monoclonal_antibody"),
    ("JS207", "bispecific_antibody"),
    # ... or that records' summaries describe (2026.12.135)
    ("EVER001", "small_molecule"),
    ("ILB-3101", "antibody_drug_conjugate"),
    ("IMO-8400", "oligonucleotide"),
    ("GDX012 Suspension for IV Infusion", "cell_therapy"),
    ("RXIM002", "engineered_cell_therapy"),
    # company codes from pipelines and INN proposals (2026.12.142)
    ("DB-1311/BNT324", "antibody_drug_conjugate"),
    ("BNT325", "antibody_drug_conjugate"),
    ("GSK2118436", "small_molecule"),
    # Daiichi Sankyo's DS- codes span every kind: no prefix, each code its own (2026.12.149)
    ("DS-8273a", "monoclonal_antibody"), ("DS-5141b", "oligonucleotide"),
    ("DS-8500a 25mg", "small_molecule"), ("DS-1062a", "antibody_drug_conjugate"),
    # the one ALLO- code that is no CAR-T (2026.12.150)
    ("ALLO-647", "monoclonal_antibody"), ("ALLO-316", "engineered_cell_therapy"),
    # a Bicycle toxin conjugate is a peptide, though its INN ends in "-vedotin" (2026.12.151)
    ("Zelenectide pevedotin (BT8009)", "peptide"),
    # an antibody that exists only as its conjugate, named without the payload; a monospecific
    # antibody the bispecific list had held; Merck KGaA's anti-TIGIT code (2026.12.151)
    ("Polatuzumab", "antibody_drug_conjugate"), ("Inotuzumab", "antibody_drug_conjugate"),
    ("bexmarilimab", "monoclonal_antibody"), ("M6223", "monoclonal_antibody"),
    ("sotigalimab", "monoclonal_antibody"), ("APX005M", "monoclonal_antibody"),
    ("ABBV-706", "antibody_drug_conjugate"), ("efbalropendekin alfa", "protein"),
    # an IL-15 superagonist and a stimulant's code the gene therapies had listed; vesicles the
    # cell products had (2026.12.153)
    ("Nogapendekin Alfa", "protein"), ("CTX-1301", "small_molecule"), ("ExoFlo", "other"),
    # codes and names the corpus leaves unread (2026.12.154)
    ("COVI-AMG", "monoclonal_antibody"), ("DYN101", "oligonucleotide"), ("HHMG", "protein"),
    ("HMG-CoA reductase inhibitor", "small_molecule"),
    # 2026.12.165 and .167
    ("ET190L1 ARTEMIS™ T cells", "engineered_cell_therapy"), ("RD13-01", "engineered_cell_therapy"),
    ("MEDI4893", "monoclonal_antibody"), ("Xilonix plus Onivyde and 5FU", "monoclonal_antibody"),
    ("Acthrel", "peptide"), ("TXA127", "peptide"), ("99mTccAbVCAM1-5 injection", "other"),
    # 2026.12.170
    ("CM326", "monoclonal_antibody"), ("LP-003 Dose 2 (Single)", "monoclonal_antibody"),
    ("CM355", "bispecific_antibody"), ("Blood punction", "other"),
    # 2026.12.171
    ("IMA-638 is a biologic", "monoclonal_antibody"), ("VHB937", "monoclonal_antibody"),
    ("LY2189265", "protein"), ("Genetic: MB-105", "engineered_cell_therapy"),
    ("CK0801", "cell_therapy"), ("SAB-185", "other"),
    # 2026.12.172
    ("REGN1500", "monoclonal_antibody"), ("REGN1979", "bispecific_antibody"),
    ("MRT5201", "mrna"), ("AN-1792 also known as AIP-001", "vaccine"),
    ("RAPA-501-Allo off-the-shelf Therapy of COVID-19", "cell_therapy"),
    # 2026.12.173: generic names no rule read
    ("Leptin", "protein"), ("CEREDASE™", "protein"), ("CD4 Antigens", "protein"),
    ("GHRH", "peptide"), ("oCRH", "peptide"), ("muromonab-CD3", "monoclonal_antibody"),
    ("TH9507 human growth hormone releasing hormone (GHRH)", "peptide"),
    ("incomplete Freund's adjuvant", "vaccine"),
    # 2026.12.174
    ("ONTAK", "protein"), ("MDX-060", "monoclonal_antibody"), ("anti-SARS-CoV-2 IgY", "other"),
    # 2026.12.175: aspirin by its INN (a name that joins it to a placebo names a medicine)
    ("Acetylsalicylic acid at 1st visit, then Placebo at 2nd visit", "small_molecule"),
    ("MLC 901", "other"),
    # 2026.12.176: a challenge given to provoke what is measured; plasma by its abbreviations
    ("house dust mite and alternaria allergen bronchial challenge", "other"),
    ("Whole lung antigen challenge, segmental allergen challenge", "other"), ("CCP", "other"),
    ("FFP", "other"),
    # 2026.12.177: tissue given as tissue; the cells made from it are cells
    ("Umbilical Cord-derived Wharton's Jelly", "other"),
    ("Amniotic and Umbilical Cord Tissue Procedure", "other"),
    ("Wharton's jelly-derived mesenchymal stem cells", "cell_therapy"),
    # 2026.12.178
    ("MK-2214", "monoclonal_antibody"), ("SOC plus 15mg/kg EB05 IV", "monoclonal_antibody"),
    ("MK-2225", "protein"), ("SANGUINATE™", "protein"), ("TRV027", "peptide"),
    ("IMNN-101", "vaccine"), ("BonoFill-II", "cell_therapy"), ("Ampion", "other"),
    ("shotblocker", "other"),
    # 2026.12.197: codes flat records list bare
    ("STP705", "oligonucleotide"), ("AZD8233", "oligonucleotide"),
    ("ND-L02-s0201 Injection", "oligonucleotide"), ("Arm 1: NTLA-5001", "engineered_cell_therapy"),
    ("SC291", "engineered_cell_therapy"), ("ESO-T01", "engineered_cell_therapy"),
    ("Biological NTLA-3001", "gene_editing"), ("CS-101 injection", "gene_editing"),
    ("iHIVARNA-01", "mrna"), ("CFZ533", "monoclonal_antibody"), ("BI 10773", "small_molecule"),
    ("Sibutramine", "small_molecule"), ("Nefecon", "small_molecule"),
    # 2026.12.199: entries a list held under the wrong kind, and two its comment named
    ("CAM2029", "peptide"), ("Lymphir", "protein"), ("MT-302", "engineered_cell_therapy"),
    ("MT-601", "cell_therapy"), ("FT500", "cell_therapy"), ("FT536", "engineered_cell_therapy"),
    # 2026.12.200: a programme about prescribing, and what is monitored, are no medicine
    ("Standard antibiotic stewardship", "other"),
    ("Blood lipid monitoring in breast cancer patients during chemotherapy", "other"),
    # 2026.12.201: an Fv-toxin fusion is an immunotoxin; a recombinant "immunoglobulin" code
    ("A-dmDT390-bisFv(UCHT1)", "antibody_drug_conjugate"), ("GC1102", "monoclonal_antibody"),
    ("ONTAK (denileukin difitox, DAB389IL-2)", "protein"),
    # 2026.12.202: T cells made resistant to TGF-beta carry a dominant-negative receptor
    ("TGFbeta resistant LMP-specific CTLs", "engineered_cell_therapy"),
    ("LMP-specific CTLs", "cell_therapy"),
    # 2026.12.205: "PMO" said of people is postmenopausal osteoporosis, not a morpholino
    ("MW031", "monoclonal_antibody"), ("PMO (phosphorodiamidate morpholino)", "oligonucleotide"),
    # 2026.12.207: a lotion's brand is no self-amplifying RNA
    ("Sarna", "small_molecule"), ("PF-07836391 Influenza saRNA", "mrna"),
    # 2026.12.208: TAS-102 by its code
    ("TAS-102", "small_molecule"),
    # 2026.12.209: a cannabis extract is a botanical; a synthetic cannabinoid a small molecule
    ("Sativex®", "other"), ("Dronabinol", "small_molecule"),
    # 2026.12.210: Boehringer Ingelheim codes with an INN; a chimeric protein cancer vaccine;
    # blockers of interleukins are antibodies, except IL-1's receptor antagonist, a protein
    ("BI 754091", "monoclonal_antibody"), ("BI 655130", "monoclonal_antibody"),
    ("BI 764532", "bispecific_antibody"), ("BI 1015550", "small_molecule"),
    ("ATP128", "vaccine"), ("IL-6 receptor antagonist", "monoclonal_antibody"),
    ("IL-17 inhibitor", "monoclonal_antibody"), ("Interleukin-1 receptor antagonist", "protein"),
    ("Interleukin-2", "protein"),
    # 2026.12.211: codes the type alone had made small molecules
    ("AZD6234", "peptide"), ("MANP", "peptide"), ("INS068 injection", "protein"),
    ("CTX-471", "monoclonal_antibody"),
    # 2026.12.213: an siRNA whose INN ends as a kinase inhibitor's; codes with a published
    # description; bacterial lysates as MV130; generic names titles name bare
    ("bevasiranib", "oligonucleotide"), ("YH35324", "protein"),
    ("LY2599666", "monoclonal_antibody"),
    ("CSL362", "monoclonal_antibody"), ("ACTIMMUNE", "protein"), ("Broncho-Vaxom", "vaccine"),
    ("Novobiocin", "small_molecule"), ("treprostinil", "small_molecule"),
    # 2026.12.216: insulin lispro and pramlintide in one product
    ("BC LisPram", "peptide"),
    # 2026.12.217: a bioequivalence trial's "test" formulation, drug or group is the medicine;
    # a drug implant is the drug
    ("Bedaquiline (Test formulation)", "small_molecule"),
    ("LY2940680 Tablet (Test)", "small_molecule"),
    ("Test Drug (Eutropin Catridge, 48IU/Cartridge)", "protein"),
    ("Iluvien 0.19 MG Drug Implant", "small_molecule"), ("Cyclosporin A Implant", "small_molecule"),
    ("serology test", "other"), ("Cochlear implant", "other"),
    # 2026.12.218: a balanced crystalloid named after plasma is no plasma; a food's allergen
    # named with its immunotherapy is allergen immunotherapy
    ("Plasma-Lyte 148 (approx. pH 7.4) IV Infusion", "small_molecule"), ("Frozen Plasma", "other"),
    ("Milk Protein Extract Immunotherapy goal of 4mg/day", "vaccine"),
    ("Peanut Immunotherapy", "vaccine"),
    # 2026.12.219: a cytokine fused to a toxin is a protein, as denileukin diftitox is
    ("cintredekin besudotox", "protein"), ("moxetumomab pasudotox", "antibody_drug_conjugate"),
    # 2026.12.220: whole mycobacteria killed by heat and given to immunise
    ("Suspension of heat killed (autoclaved) Mycobacterium w", "vaccine"), ("IMM-101", "vaccine"),
    # 2026.12.221: antibodies whose records measure their immunogenicity; an antibody with a
    # transferrin-receptor arm has two specificities
    ("LEO 138559", "monoclonal_antibody"), ("STAR-0215", "monoclonal_antibody"),
    ("APG777", "monoclonal_antibody"), ("Trontinemab", "bispecific_antibody"),
    # 2026.12.224: autologous NK cells by their code; insulin named with the pump, loop or
    # algorithm that doses it is that device, unless the name says which insulin is tested
    ("M-CENK, Suspension for Infusion, Cryopreserved (M-CENK)", "cell_therapy"),
    ("Insulin pump (CSII)", "other"), ("Hybrid closed loop insulin delivery system", "other"),
    ("insulin titration applying a computer algorithm", "other"),
    ("Faster aspart in insulin pump", "protein"),
    ("Paroxetine or other medication - algorithm used", "small_molecule"),
    # 2026.12.227: four-factor prothrombin complex concentrates by brand; TNF joined to a
    # homing peptide; a code that says it is an antibody
    ("Octaplex", "protein"), ("low-dose NGR-hTNF", "protein"), ("APNmAb005", "monoclonal_antibody"),
    ("CHOP, CMAB304", "monoclonal_antibody"), ("XTMAB-16 or Placebo", "monoclonal_antibody"),
    # 2026.12.228: Eisai's anti-tau antibody by its code; stem cells a name says are not the
    # blood-forming ones; irradiated donor cells given after a transplant
    ("E2814", "monoclonal_antibody"),
    ("Autologous Non-Hematopoietic Peripheral Blood Stem Cells (NHPBSC)", "cell_therapy"),
    ("Irradiated Allogeneic Cells", "cell_therapy"), ("Irradiated tumor cells", "small_molecule"),
    # 2026.12.229: codes and names titles give bare
    ("TC-510", "engineered_cell_therapy"), ("Andes-1537", "oligonucleotide"),
    ("AMG 557", "monoclonal_antibody"), ("MLN9708", "small_molecule"),
    ("VV-GMCSF-Lact", "gene_therapy"), ("BG00001", "gene_therapy"), ("Danazol", "small_molecule"),
    # ... and a nerve block given with a named anaesthetic is that medicine
    ("Ropivacaine femoral nerve block", "small_molecule"),
    # 2026.12.231: thrombopoietin-receptor agonists by their INN ending; products and codes
    ("Eltrombopag", "small_molecule"), ("Avatrombopag", "small_molecule"),
    ("Allovectin-7", "gene_therapy"), ("ATA3219", "engineered_cell_therapy"),
    ("Azficel-T", "cell_therapy"), ("DCVax-L", "cell_therapy"), ("CPX-351", "small_molecule"),
    # 2026.12.232: MDMA with the therapy around it is the medicine, as psilocybin is
    ("High-intensity inpatient MDMA-assisted psychotherapy", "small_molecule"),
    # 2026.12.233: selective oestrogen receptor degraders by their INN ending; products
    ("Elacestrant", "small_molecule"), ("Giredestrant", "small_molecule"),
    ("N-acetyl Cysteine", "small_molecule"), ("SL-172154", "protein"),
    ("AFM24", "bispecific_antibody"), ("BOXR1030", "engineered_cell_therapy"),
    ("Adagloxad Simolenin", "vaccine"),
    # 2026.12.235: chimeric autoantibody receptor T cells; not combination antiretroviral
    # therapy (cART) nor a metabolic cart
    ("MuSK-CAART", "engineered_cell_therapy"), ("Talactoferrin", "protein"),
    ("AMG 479", "monoclonal_antibody"), ("R-EPOCH and cART", "monoclonal_antibody"),
    ("Q-NRG Metobolic Cart Device", "other"),
    # 2026.12.237: Memorial's CAR T-cell codes; TILs by their code; codes and names
    ("MCARH109", "engineered_cell_therapy"), ("ScTIL210", "cell_therapy"),
    ("OTL-300", "gene_therapy"), ("VIB4920", "protein"), ("Methylphenidate", "small_molecule"),
    # 2026.12.238: ROCK inhibitors by their INN ending; codes with their INNs
    ("Belumosudil", "small_molecule"), ("Netarsudil", "small_molecule"),
    ("MEDI0562", "monoclonal_antibody"), ("PRO045", "oligonucleotide"),
    ("RP-L401-0120", "gene_therapy"), ("Intuvax", "cell_therapy"),
    # 2026.12.239: codes with their INNs; "HF10" alone is also a spinal cord stimulator
    ("TBI-1401(HF10)", "gene_therapy"), ("TBI-1201", "engineered_cell_therapy"),
    ("LYL797", "engineered_cell_therapy"), ("Fosrenol", "small_molecule"),
    # 2026.12.240: cytarabine abbreviated, gusperimus by its older name
    ("Ara-C", "small_molecule"), ("15-Deoxyspergualin", "small_molecule"),
    # 2026.12.241: codes and names with their makers' descriptions or INNs
    ("INVAC-1", "vaccine"), ("MK-4621", "oligonucleotide"), ("DF1001", "bispecific_antibody"),
    ("E10A", "gene_therapy"), ("agenT-797", "cell_therapy"),
    ("JCARH125", "engineered_cell_therapy"), ("OTX-2002", "mrna"), ("GM604", "peptide"),
    ("Latiglutenase", "protein"), ("Vicryl", "other"), ("HER2-pulsed DC1", "cell_therapy"),
    # 2026.12.242
    ("BHV-4157", "small_molecule"), ("MG4101", "cell_therapy"),
    ("MB-102", "engineered_cell_therapy"), ("AdhAQP1", "gene_therapy"),
    ("BMS-986253", "monoclonal_antibody"), ("Rapastinel", "peptide"),
    ("Y-NM600", "radiopharmaceutical"), ("Zilver PTX", "other"),
    # 2026.12.244
    ("Atosiban", "peptide"), ("CLN-049", "bispecific_antibody"),
    ("ONCT-808", "engineered_cell_therapy"), ("CDX-1127", "monoclonal_antibody"),
    ("Dronabinol", "small_molecule"), ("Epacadostat", "small_molecule"),
    # 2026.12.245
    ("AMY-101", "peptide"), ("Nexagon", "oligonucleotide"), ("AbGn-107", "antibody_drug_conjugate"),
    ("ECI-006", "mrna"), ("AFM28", "bispecific_antibody"), ("THEO-260", "gene_therapy"),
    ("CLBR001", "engineered_cell_therapy"), ("JS004", "monoclonal_antibody"),
    ("AB-101", "cell_therapy"), ("Her2-BATS", "cell_therapy"),
    ("bispecific antibody armed activated T cells", "cell_therapy"),
    # 2026.12.246
    ("VG161", "gene_therapy"), ("CAVATAK", "gene_therapy"), ("LMY-920", "engineered_cell_therapy"),
    ("LYL845", "cell_therapy"), ("AK002", "monoclonal_antibody"), ("NNZ-2566", "peptide"),
    ("ABX1100", "oligonucleotide"), ("PD 0332991", "small_molecule"),
    # 2026.12.247
    ("CNDO-109-AANK", "cell_therapy"), ("FT1050", "cell_therapy"),
    ("LVIVO-TaVec100", "engineered_cell_therapy"), ("RO7172508", "bispecific_antibody"),
    ("Foxy-5", "peptide"), ("IRX-2", "protein"), ("ONC206", "small_molecule"),
    # 2026.12.248
    ("IBI315", "bispecific_antibody"), ("BD211", "gene_therapy"),
    ("SCG101", "engineered_cell_therapy"), ("RO6895882", "monoclonal_antibody"),
    ("PRI-724", "small_molecule"),
    # 2026.12.249: checkpoint antibodies named by "anti-" and the target alone, not a CAR's
    # target nor two targets in one molecule; Pfizer's COVID-19 vaccine is its mRNA one, its
    # other vaccines are not
    ("Anti-PD1", "monoclonal_antibody"), ("anti-CTLA-4", "monoclonal_antibody"),
    ("Intravenous anti-PD-1 and chemotherapy", "monoclonal_antibody"),
    ("Anti-PD-L1 CSR T cells", "engineered_cell_therapy"),
    ("Anti-PD-L1 and anti-TIGIT bifunctional molecule", "bispecific_antibody"),
    ("Pfizer Bivalent COVID-19 Vaccine", "mrna"), ("Prevnar 13 (Pfizer)", "vaccine"),
    ("BG00012 (DMF)", "small_molecule"),
    # 2026.12.250: a SIRPa-Fc fusion protein and a GLP-1/GIP co-agonist peptide by their codes
    ("PF-07901800 (TTI-621)", "protein"), ("NNC0519-0130 B", "peptide"),
    # 2026.12.254: codes the DRUG type alone placed as small molecules
    ("ACU193", "monoclonal_antibody"), ("SA55 Injection", "monoclonal_antibody"),
    ("SOC + IFX-1", "monoclonal_antibody"), ("HMI-115-120mg-Q4W", "monoclonal_antibody"),
    ("NS-050/NCNP-03", "oligonucleotide"), ("BIIB105", "oligonucleotide"),
    ("CKDB-501A", "protein"), ("Izokibep", "protein"), ("RO7239361", "protein"),
    ("Reltecimod 0.5 mg/kg", "peptide"), ("MBP8298", "peptide"),
    ("TmCD19-IL18", "engineered_cell_therapy"), ("EN001", "cell_therapy"),
    ("Cal-1 (LVsh5/C46) drug product", "gene_therapy"), ("CYT013-IL1bQb", "vaccine"),
    ("Trimodulin", "other"), ("IGIV-C", "other"), ("MRx-4DP0004", "other"),
    # 2026.12.256: codes listed beside a known antibody
    ("LM-108", "monoclonal_antibody"), ("RO7502175", "monoclonal_antibody"),
    ("EOS-448", "monoclonal_antibody"), ("VIR-5525", "bispecific_antibody"),
    ("BGB-B167", "bispecific_antibody"), ("Debio 1562", "antibody_drug_conjugate"),
    ("BDC-1001", "antibody_drug_conjugate"), ("SAR444245", "protein"),
    ("GZR18 Injection", "peptide"),
    # 2026.12.259: bispecifics an antibody's INN stem or a bare code hid
    ("Part 1 (Dose Escalation): Duvortuxizumab", "bispecific_antibody"),
    ("AZD0486", "bispecific_antibody"), ("Vanucizumab", "bispecific_antibody"),
    # 2026.12.260
    ("ASP2802", "engineered_cell_therapy"),
    # 2026.12.261
    ("KHK4827", "monoclonal_antibody"), ("NEOD001", "monoclonal_antibody"),
    ("NVG-111", "bispecific_antibody"), ("MEDI7247", "antibody_drug_conjugate"),
    ("GTI-2040", "oligonucleotide"), ("CpG1018", "oligonucleotide"), ("SNG001", "protein"),
    ("LJPC-501", "peptide"), ("OCV-501", "vaccine"), ("SER-287", "other"),
    ("Hypericum (LI-160)", "other"),
    # 2026.12.262, and Zealand's peptides by their code prefix (not "ZP" with fewer digits)
    ("VRDN-003", "monoclonal_antibody"), ("VIP943 (QW)", "antibody_drug_conjugate"),
    ("TNX-1300", "protein"), ("TCB008", "cell_therapy"), ("ZP7570", "peptide"),
    ("ZP-12", "small_molecule"),
    # 2026.12.263: immunotoxins by code and by the toxin an INN's second word names (a
    # conjugate), NeoVax, an antisense morpholino, an IL-1 trap; a lipid no peptide stem names
    ("LMB-2", "antibody_drug_conjugate"), ("Naptumomab estafenatox", "antibody_drug_conjugate"),
    ("oportuzumab monatox", "antibody_drug_conjugate"), ("cintredekin besudotox", "protein"),
    ("NEOVAX", "vaccine"), ("RESTEN-MP", "oligonucleotide"), ("RPH-104 80 mg", "protein"),
    ("Phosphoinositide-3 Kinase Delta Inhibitor CAL-101", "small_molecule"),
    ("Nigella", "other"), ("AH-Plus Epoxy Resin Sealer", "other"),
    ("resin modified glass ionomer cement", "other"), ("MTA pulp dressing material", "other"),
    # 2026.12.264
    ("GX-I7", "protein"), ("JNJ-79635322", "bispecific_antibody"),
    ("JNJ-87801493", "bispecific_antibody"), ("JNJ-64042056", "vaccine"),
    # 2026.12.265
    ("CC-97540", "engineered_cell_therapy"), ("TK-8001", "engineered_cell_therapy"),
    ("CM-AT", "protein"), ("EDI200", "protein"), ("POL6326", "peptide"),
    ("BMS-986453", "engineered_cell_therapy"), ("IBI310", "monoclonal_antibody"),
    ("ALG.APV-527", "bispecific_antibody"), ("M1-c6v1", "gene_therapy"),
    ("UC-781", "small_molecule"),
    ("KW-3902", "small_molecule"), ("ACP-196", "small_molecule"), ("RG7388", "small_molecule"),
    # 2026.12.266: the brand of a double-stranded RNA; botanicals, procedures and contrast typed
    # DRUG; vitamin D abbreviated
    ("Ampligen", "oligonucleotide"), ("Polyphenon E", "other"), ("Propolis", "other"),
    ("Photodynamic therapy", "other"), ("isolated limb perfusion", "other"), ("Lipiodol", "other"),
    ("Vit D", "other"), ("Cytisine", "small_molecule"),
    # 2026.12.267
    ("Purified Cortophin Gel, 40 U", "peptide"), ("Purified Cortrophin Gel", "peptide"),
    ("Glucose-Dependent Insulinotropic Polypeptide", "peptide"),
    ("ONL1204 Ophthalmic solution", "peptide"), ("TCP-25 gel 8.6 mg/ml or placebo gel", "peptide"),
    ("PL9643 Ophthalmic Solution", "peptide"), ("sNN0029 infusion solution", "protein"),
    ("RBM-007 Injectable Solution", "oligonucleotide"), ("antilymphocyte serum", "other"),
])
def test_products_and_codes_of_2026_12_123_and_later(name, expected):
    assert primary(("DRUG", name)) == [expected]


@pytest.mark.parametrize("kind, name, expected", [
    ("BIOLOGICAL", "MMR vaccine", "vaccine"),
    ("BIOLOGICAL", "23-valent pneumococcal polysaccharide vaccine", "vaccine"),
    ("BIOLOGICAL", "Salmonella typhi polysaccharide vaccine", "vaccine"),
    # "mMR" names a PET-MR scanner, not measles, mumps and rubella; a polysaccharide coat is no
    # vaccine
    ("DEVICE", 'Siemens "Biograph mMR" PET-MR (3T)', "other"),
    ("DRUG", "Polysaccharide superparamagnetic ferric oxide injection", "small_molecule"),
])
def test_vaccine_words_that_other_things_share(kind, name, expected):
    assert primary((kind, name)) == [expected]


@pytest.mark.parametrize("title, expected", [
    # what blocks an interleukin is an antibody, not the cytokine (2026.12.210)
    ("Predicting Inflammatory Skin Disease Response to IL-23 Blockade", "monoclonal_antibody"),
    ("Short-Term Low-Dose Interleukin-2 in Treating Patients With Cancer", "protein"),
    # regulatory T cells modulated by medicines are no cell product given; infused ones are
    ("Treg Modulation With CD28 and IL-6 Receptor Antagonists", "monoclonal_antibody"),
    ("T1DM Immunotherapy Using Polyclonal Tregs + IL-2", "cell_therapy"),
    # a product carrying a near-infrared dye or a diagnostic isotope is an imaging agent
    # (2026.12.212): the trial is `other`, as a tracer's is
    ("Panitumumab IRDye800 Optical Imaging Study", "other"),
    ("Cetuximab-IRDye 800CW and Intraoperative Imaging in Finding Pancreatic Cancer", "other"),
    ("Zr-89 Cimzia PET Imaging Rheumatoid Arthritis", "other"),
    ("A Pilot Study Comparing 123I MIP 1072 Versus 111In Capromab Pendetide", "other"),
    # ... not the same antibody given as treatment beside it
    ("Pembrolizumab in Melanoma With 89Zr-Pembrolizumab PET", "monoclonal_antibody"),
    ("Panitumumab in Metastatic Colorectal Cancer", "monoclonal_antibody"),
    # autologous stem-cell rescue is the transplant procedure (2026.12.222; the labels: "PBSC
    # rescue = other")
    ("High Dose Sequential Therapy and Autologous Stem Cell Rescue for Multiple Myeloma", "other"),
    # biopsies are what a trial of them does, not the radioligand therapy participants undergo
    # (2026.12.223)
    ("Image-Guided Biopsies in Identifying Mechanisms of Resistance in Participants Undergoing "
     "Radioligand Therapy", "other"),
    # what participants were exposed to before is their history (2026.12.225)
    ("Fecal Microbiome Transplant for Patients With Lymphoma With Exposure to High-Risk "
     "Antibiotics", "other"),
    # thyroid hormone given is a small molecule (2026.12.228); measured, it names no medicine
    ("A Randomized Controlled Trial of Thyroid Hormone Supplementation in Hemodialysis Patients",
     "small_molecule"),
    ("Metabolism and Thyroid Hormone Changes During Exposure to Cold Temperatures",
     "unclassified"),
    # procedures titles name by their own words (2026.12.229)
    ("Genicular Artery Embolization for the Treatment of Knee Osteoarthritis", "other"),
    ("Saphenous Nerve Block After Tibial Plateau ORIF", "other"),
    ("Waterproof Casting for Pediatric Distal Radius Fractures", "other"),
    ("Endovascular Repair of Descending Thoracic Aortic Aneurysms", "other"),
    ("Comparison of Colon Adenoma Detection Rate Using Two Distal Colonoscope Attachments",
     "other"),
    ("Outcome Analysis of POEM and Endoluminal Therapies", "other"),
    # ... a medicine named with one stays the question; checkpoint blockade however spelt
    ("EXPAREL Dose-Response for Single-Injection Femoral Nerve Blocks", "small_molecule"),
    ("Radiation and Immune Checkpoints Blockade in Metastatic NSCLC", "monoclonal_antibody"),
    # 2026.12.230: blocks, fixations, laser and stimulation as titles abbreviate them; names
    # titles give bare; what participants stopped is their history
    ("Rib Microtia and the Erector Spinae Plane (ESP) Block", "other"),
    ("Intramedullary Nailing Versus External Fixation in Open Tibia Fractures", "other"),
    ("Effect of Preoperative Pupil Size on Quality of Vision After Wavefront-Guided LASIK",
     "other"),
    ("rTMS for Anorexia Nervosa in Youth", "other"), ("tVNS in Children", "other"),
    ("Medtronic Minimed Overnight Closed-Loop System", "other"),
    ("Therapeutic Hypothermia After the Return of Spontaneous Circulation", "other"),
    ("Clinical Pharmacology of Electronic Cigarettes", "other"),
    ("Psilocybin Therapy for Depression and Anxiety in Parkinson's Disease", "small_molecule"),
    ("A Study of Risdiplam in Infants With Presymptomatic Spinal Muscular Atrophy",
     "small_molecule"),
    ("Trial of pIL-12 Electroporation in Squamous Cell Carcinoma of the Head and Neck",
     "gene_therapy"),
    ("Efficacy of OAV101 Administered Intrathecally to Participants With SMA Who Discontinued "
     "Treatment With Nusinersen or Risdiplam", "gene_therapy"),
    # 2026.12.231: oral contraceptives and corticosteroids by how they are given; not the
    # participants' state
    ("Oral Contraceptive (OC) Estrogen Dose and Breast Proliferation", "small_molecule"),
    ("Perioperative Oral Steroids for Chronic Rhinosinusitis Without Polyps", "small_molecule"),
    ("Omalizumab in Oral Steroid-Dependent Asthma", "monoclonal_antibody"),
    ("A Phase IB Trial of IRS-1 HSV C134 Administered Intratumorally in Recurrent Glioma",
     "gene_therapy"),
    # 2026.12.232: a CAR-T therapy named as the setting with its target before it
    ("Maintenance Belantamab Mafodotin After B-cell Maturation Antigen-Directed Chimeric "
     "Antigen Receptor T-cell Therapy in Multiple Myeloma", "antibody_drug_conjugate"),
    # 2026.12.233: procedures and devices as titles abbreviate or name them
    ("Chronic Effects of DBS in Parkinson's Disease and Dystonia", "other"),
    ("Safety and Efficacy of Vagus Nerve Stimulator in Patients With Rheumatoid Arthritis",
     "other"),
    ("Transcranial Direct Current to Treat Epilepsy at Home", "other"),
    ("Safety Study of External Counterpulsation as a Treatment for Acute Ischemic Stroke",
     "other"),
    ("Use of CGM in Kidney Transplant Recipients", "other"),
    ("Evaluation of Cyberknife Precision Radiation Delivery System for Lung Cancer", "other"),
    ("Effectiveness Study of Circumferential vs. Segmental Ablation in Atrial Fibrillation",
     "other"),
    ("Continuous TAP Blocks: Relative Effects of a Basal Infusion vs. Repeated Bolus Doses",
     "other"),
    ("Prenatal Steroids for Treatment of Congenital Cystic Adenomatoid Malformations",
     "small_molecule"),
    # ... not a hormone therapy that ablates ("Androgen Ablation")
    ("Androgen Ablation Therapy With Bicalutamide in Prostate Cancer", "small_molecule"),
    # 2026.12.235: behavioural and device titles; a gene transfer said the other way round;
    # checkpoint inhibitors as abbreviated, not the colitis they cause
    ("Telerehabilitation Early After Stroke", "other"), ("The HIIT Cognition Study", "other"),
    ("Bright Light: A Novel Treatment for Anxiety", "other"),
    ("Smokers' Quitline for Asian Language Speakers", "other"),
    ("Intragastric Balloon for Treatment of Overweight and Obesity", "other"),
    ("Safety Study on the Transfer of the CD40 Ligand Gene (AdcuCD40L) to Patients With "
     "Esophageal Carcinoma", "gene_therapy"),
    ("DC Combined With ICIs in the Treatment of Advanced Lung Cancer", "monoclonal_antibody"),
    ("Intestinal Biomarker Analysis After ECP for ICI Colitis", "unclassified"),
    # 2026.12.237: procedures, closures and foods titles name
    ("Sphenopalatine Ganglion Blocks RCT", "other"),
    ("SPYRAL DYSTAL Renal Denervation Global Clinical Study", "other"),
    ("Evaluation of Purse-String Closure Vs Second Intention", "other"),
    ("Oscillatory Versus Non-oscillatory Nasal Continuous Airway Pressure", "other"),
    ("Acceptability of Fortified Bouillon Cubes in Northern Ghana", "other"),
    ("The Effect of Daily Mango Intake on Cardiovascular Health", "other"),
    ("Inhaled PGE1 in Neonatal Hypoxemic Respiratory Failure", "small_molecule"),
    # 2026.12.238: mind-body, device and rehabilitation titles
    ("UCLA Tai Chi in a Community Setting Study", "other"),
    ("The Intravascular Cooling in the Treatment of Stroke 2/3 Trial", "other"),
    ("Robot-Assisted Hand Motor Therapy for Subjects With Hemiparetic Stroke", "other"),
    ("Endobronchial Valve for Emphysema Palliation Trial", "other"),
    ("Teletherapy in Children Who Are Deaf and Hard of Hearing", "other"),
    # 2026.12.239: devices, procedures and programmes; oestrogens by route; "Pembro"
    ("Effect of Pneumatic Tourniquet on Arm Swelling After Lymph Node Removal", "other"),
    ("Combination of Immunotherapy and Hyperthermia in Advanced Malignant Mesothelioma",
     "other"),
    ("Complex Ventral Hernia Repair Using Biologic or Synthetic Mesh", "other"),
    ("Comparison of Transdermal and Oral Estrogens in Adolescent Girls", "small_molecule"),
    ("Second-line Study of PEGPH20 and Pembro for HA High Metastatic PDAC",
     "monoclonal_antibody"),
    ("Comparison of HF10 Therapy Combined With CMM to CMM Alone in Refractory Back Pain",
     "unclassified"),
    # 2026.12.240: small molecules by their INNs; a transplant named as where a medicine is
    # given is the setting; a neurotransmitter a title names is no medicine
    ("Flumazenil for Hypoactive Delirium Secondary to Benzodiazepine Exposure",
     "small_molecule"),
    ("Perifosine in Treating Patients With Recurrent Prostate Cancer", "small_molecule"),
    ("Valproic Acid for Treatment of Hyperactive or Mixed Delirium in ICU", "small_molecule"),
    ("Peritransplant Deoxyspergualin in Islet Transplantation in Type 1 Diabetes",
     "small_molecule"),
    ("Effect of Hypoglycemia on a Norepinephrine Transporter", "unclassified"),
    # 2026.12.241: therapies, devices and care by their common words; a code's comma
    ("Physical Therapy in Women With Interstitial Cystitis", "other"),
    ("Simplified IUD Insertion Technique", "other"),
    ("Short-term Fasting Prior to PD-1/PD-L1 Inhibitor Therapy for Skin Malignancy", "other"),
    ("Self-Administered Lidocaine Gel for Pain Management With IUD Insertion",
     "small_molecule"),
    ("Study of CP-675,206 in Bacillus Calmette-Guerin (BCG)-Resistant Bladder Cancer",
     "monoclonal_antibody"),
    ("Comparative Analysis of Spinal Anesthesia Versus General Anesthesia", "unclassified"),
    # 2026.12.242: a named medicine's use is what is given, a class's use is measured
    ("Fexofenadine Use in Gastroesophageal Reflux Symptoms", "small_molecule"),
    ("Glucagon Use in Colonoscopies", "peptide"),
    ("An Educational and Supportive Counseling Program for Increasing Antiretroviral Use and "
     "Adherence", "other"),
    ("Use of Biotene Mouth Spray for Xerostomia Associated With Oral Oxybutynin Use",
     "unclassified"),
    ("Specialized Pacing for Patients With Congenital Heart Disease", "other"),
    ("Study of Left Atrial Appendage Closure in Patients With Atrial Fibrillation", "other"),
    # 2026.12.243: care by its media, devices, foods and who gives it
    ("The CHAT (Community Health Advice by Telephone) Study", "other"),
    ("Delayed Cord Clamping in Premature Infants", "other"),
    ("Effect of High Rebound Mattress Toppers on Sleep", "other"),
    ("HDL Changes in Women After Eating Eggs", "other"),
    ("Acupressure in Treating Nausea in Women Receiving Combination Chemotherapy", "other"),
    # 2026.12.244: anabolic steroids given, not their use
    ("Anabolic Steroids and Exercise in Hemodialysis Patients", "small_molecule"),
    ("Health Risks of Anabolic Steroid Use in Athletes", "unclassified"),
    # 2026.12.245
    ("Statins and Endothelial Function in Patients With Coarctation of the Aorta",
     "small_molecule"),
    ("Effects of Epicatechin on Statins for Mitochondrial Dysfunction", "unclassified"),
    ("BATs Treatment for Pancreatic Cancer, Phase Ib/II", "cell_therapy"),
    ("Safety and Efficacy Study of hAESCs Therapy for aGVHD", "cell_therapy"),
    ("The Effect of Time-Restricted Eating in Cardiometabolic Health", "other"),
    ("Cervical Sympathetic Block in Patients With Cerebral Vasospasm", "other"),
    # 2026.12.246: a joining word before a hyphen is a code's letters; classes given; devices
    ("Phase I Dose Escalation Study of VS-4718 in Subjects With Metastatic Malignancies",
     "small_molecule"),
    ("Beta Blocker for Chronic Wound Healing", "small_molecule"),
    ("Ultrasound-Guided Portal Pressure Measurements to Guide Beta-Blocker Therapy", "other"),
    ("Precision Approach to PPI Therapy in Gastroesophageal Reflux Disease", "small_molecule"),
    ("Inhaled Prostaglandin E1 (IPGE1) for Hypoxemic Respiratory Failure", "small_molecule"),
    ("Question Prompt List for Common Hand Conditions", "other"),
    ("Closure of Muscular Ventricular Septal Defects With The AMPLATZER Muscular VSD Occluder",
     "other"),
    # 2026.12.247
    ("Particulate Versus Nonparticulate Steroid Injections for Musculoskeletal Conditions",
     "small_molecule"),
    ("ODEN Trial: Option vs. Denali IVC Filters", "other"),
    ("Group Medical Visits for Latina Women With Urgency Urinary Incontinence", "other"),
    ("Baroreflex Activation Therapy for Heart Failure", "other"),
])
def test_titles_read_by_the_rules_of_2026_12_210_and_later(title, expected):
    assert primary(title=title) == [expected]


def test_a_code_is_the_kind_the_title_names_beside_it():
    """2026.12.240: where a title names several kinds and one beside the bare code, that one is
    the code's; the others stay counted, never primary."""
    placed = classify(("DRUG", "FBTA05"), title="Study of the Trifunctional Antibody FBTA05 "
                      "and Donor Lymphocyte Infusion in B-cell Lymphoma")
    assert [(p.modality, p.is_primary) for p in placed] == [
        ("cell_therapy", False), ("bispecific_antibody", True)]
    # a code the title names alone takes every kind it names, as before
    placed = classify(("DRUG", "XYZ-101"), title="XYZ-101 With Donor Lymphocyte Infusion and "
                      "a Trifunctional Antibody")
    assert {p.modality for p in placed if p.is_primary} == {"cell_therapy"}


def test_transplant_setting_title_index_and_recast_order():
    """2026.12.240: a transplant the title names as where a medicine is given is its setting;
    a title calling a bare name recombinant outweighs a registry index that errs ("relaxin"
    indexed "Methocarbamol"); the graft that gives back cells the title calls gene therapy is
    that therapy's background, read after the recasting."""
    assert [p.modality for p in classify(title="NK Cells in Cord Blood Transplantation")] == [
        "cell_therapy"]
    placed = _with_mesh(("DRUG", "relaxin"), mesh=["Methocarbamol"],
                        title="Phase II Study of Recombinant Relaxin for Systemic Sclerosis")
    assert [p.modality for p in placed] == ["protein"]
    placed = classify(("BIOLOGICAL", "therapeutic autologous lymphocytes"),
                      ("DRUG", "carmustine"),
                      ("PROCEDURE", "in vitro-treated peripheral blood stem cell transplantation"),
                      title="Gene Therapy and Chemotherapy in Treating Patients With Tumors")
    assert [p.modality for p in placed] == ["gene_therapy", "small_molecule"]
    # antibody fragments against a drug are the fragments
    assert primary(("BIOLOGICAL", "Digoxin immune fab")) == ["other"]
    # 2026.12.241: the fasting state a dose is taken in is no second intervention; nor are
    # breastfeeding women
    assert [p.modality for p in classify(("DRUG", "ALZ-801 205 mg Fasting"))] == [
        "small_molecule"]
    assert [p.modality for p in classify(
        title="Dolutegravir in Pregnant and Breastfeeding Women")] == ["small_molecule"]
    # 2026.12.244: a name that is only the regimen around a transplant or cell product is its
    # background
    placed = classify(("BIOLOGICAL", "Stem Cell Transplant"), ("DRUG", "Preparative Regimen"),
                      title="Stem Cell Transplant for Juvenile Myelomonocytic Leukemia")
    assert [(p.modality, p.is_primary) for p in placed] == [("other", True)]
    placed = classify(("BIOLOGICAL", "ONCT-808"), ("DRUG", "Bridging Therapy"),
                      title="A Clinical Study of ONCT-808 in B-Cell Malignancies")
    assert [p.modality for p in placed] == ["engineered_cell_therapy"]
    # 2026.12.245: a device's code takes no medicine from the title
    placed = classify(("DEVICE", "PEAR-002B"), ("DEVICE", "reSET-O"),
                      title="Prescription Digital Therapeutic Supporting Unobserved "
                            "Buprenorphine Initiation")
    assert [p.modality for p in placed] == ["other"]
    # ... nor the nebuliser or the classroom a medicine is given in (2026.12.243)
    assert [p.modality for p in classify(("DRUG", "GSK3008348 Nebuliser solution"))] == [
        "small_molecule"]
    assert [p.modality for p in classify(
        title="Response to Methylphenidate HCl ER Capsules in Children in Classroom Setting")] \
        == ["small_molecule"]


@pytest.mark.parametrize("item, title, expected", [
    # 2026.12.240: tolerising vaccines in autoimmune disease; childhood vaccines in a trial about
    # another disease; a cedar-pollen DNA vaccine
    (("BIOLOGICAL", "NeuroVax"), "A Study of NeuroVax, a Novel Therapeutic TCR Peptide Vaccine "
     "for Pediatric Multiple Sclerosis", "disease_protein_vaccine"),
    (("BIOLOGICAL", "tetanus diphtheria toxoid vaccine (Td)"), "The Effects of Tysabri "
     "Treatment on Vaccination Response in Relapsing Multiple Sclerosis", "infectious_vaccine"),
    (("OTHER", "Exposed to Arepanrix Cohort"), "Risk of Multiple Sclerosis Following Vaccination "
     "With Arepanrix", "infectious_vaccine"),
    (("BIOLOGICAL", "CryJ2-DNA-LAMP plasmid vaccine"), "A Safety Study of CryJ2-DNA-LAMP Plasmid",
     "allergen_immunotherapy"),
    # (a tetanus helper peptide in a melanoma vaccine leaves it a cancer vaccine)
    (("BIOLOGICAL", "tetanus peptide melanoma vaccine"), "Vaccine Therapy in Treating Patients "
     "With Metastatic Melanoma", "cancer_vaccine"),
])
def test_vaccine_kinds_of_2026_12_240(item, title, expected):
    placed = {p.modality: p for p in classify(item, title=title)}
    assert placed["vaccine"].submodality == expected


def test_a_biologicals_tablets_or_colony_forming_units_name_no_chemical_drug():
    """2026.12.213: a description saying "tablets" makes no small molecule of a biological (an
    allergen tablet), nor does a chemotherapy a cell product's description says is given
    before it; a dose in colony-forming units is live bacteria."""
    def placed(item: Intervention, title: str) -> list[str]:
        trial = Trial("NCT00000001", brief_title=title, study_type="INTERVENTIONAL",
                      interventions=(item,))
        return [p.modality for p in C.classify(trial)]

    allergen = Intervention(0, "BIOLOGICAL", "rBet v 1", description="Two tablets a day")
    assert placed(allergen, "Sublingual Immunotherapy (Tablets) With Recombinant Bet v1") == [
        "vaccine"]
    assert placed(Intervention(0, "DRUG", "XY-101", description="Two tablets a day"),
                  "XY-101 in Asthma") == ["small_molecule"]
    cells = Intervention(0, "BIOLOGICAL", "Kappa CD28 T cells",
                         description="given after lymphodepleting chemotherapy (Cy/Flu)")
    assert placed(cells, "Kappa-CD28 T Lymphocytes (chimeric antigen receptor)") == [
        "engineered_cell_therapy"]
    probiotic = Intervention(0, "BIOLOGICAL", "GMNL-133",
                             description="One capsule with 2x10^9 (cfu) GMNL-133, once daily")
    assert placed(probiotic, "Probiotics and Allergic Diseases") == ["other"]
    assert primary(("BIOLOGICAL", "blood samplings")) == ["other"]
    assert primary(title="Flavopiridol in Treating Patients With CLL") == ["small_molecule"]


def test_a_name_joined_to_a_near_infrared_dye_is_an_imaging_agent():
    assert primary(("DRUG", "a targeted probe B7H3-IRDye800CW"),
                   title="B7-H3 NIR Imaging for Osteosarcoma Surgery") == ["other"]


def test_an_antigen_peptide_pulsed_onto_dendritic_cells_is_the_cell_product():
    items = (("BIOLOGICAL", "carcinoembryonic antigen peptide 1"),)
    title = ("Active Immunotherapy With Carcinoembryonic Antigen Peptide-Pulsed, Autologous "
             "Human Cultured Dendritic Cells in Pancreatic Adenocarcinoma")
    assert primary(*items, title=title) == ["cell_therapy"]
    # a title naming a cell product elsewhere does not make a peptide one
    assert primary(*items, title="CEA Peptide Before Sipuleucel-T") != ["cell_therapy"]
    # ... as is an mRNA a title loads into dendritic cells (2026.12.141)
    title = "Acute Myelogenous Leukemia mRNA Plus Lysate Loaded Dendritic Cells"
    assert {p.modality for p in classify(title=title)} == {"cell_therapy"}
    assert primary(title="Personalized mRNA Vaccine Encoding Neoantigens") == ["mrna"]


def test_an_allogeneic_cell_whose_name_starts_like_car_is_no_car():
    # "Allogeneic Cardiosphere-Derived Cells" had matched "allogeneic CAR"
    assert primary(("BIOLOGICAL", "Allogeneic Cardiosphere-Derived Cells (CAP-1002)")) == [
        "cell_therapy"]
    assert primary(("BIOLOGICAL", "Allogeneic CAR-T cells")) == ["engineered_cell_therapy"]
    assert primary(("BIOLOGICAL", "In vivo CAR therapy")) == ["engineered_cell_therapy"]


def test_a_brand_ending_like_a_fusion_protein_stem_is_no_protein():
    # Viracept is nelfinavir; "-cept" is the receptor-fusion-protein stem
    title = "A New Anti-HIV Drug (AG1549) Plus Viracept (Nelfinavir) Plus Combivir"
    assert primary(title=title) != ["protein"]
    assert primary(("DRUG", "Viracept")) == ["small_molecule"]


def test_cells_injected_into_a_tissue_are_a_cell_product():
    item = ("PROCEDURE", "Intramyocardial injection of autologous CD133+ marrow cells")
    assert primary(item, title="Bypass Surgery and CD133 Marrow Cell Injection for Ischemic "
                   "Heart Failure") == ["cell_therapy"]
    # a graft given into a vein stays the transplant
    assert primary(("PROCEDURE", "Infusion of autologous CD34+ cells"),
                   title="Autologous Stem Cell Transplantation for Myeloma") == ["other"]


def test_mt027_is_an_allogeneic_car_t():
    assert primary(("DRUG", "Fludarabine"), title="MT027 Cell Injection in Patients With "
                   "Advanced Primary or Secondary Peritoneal Tumors") == ["engineered_cell_therapy"]


def test_codes_one_record_describes_and_another_leaves_bare():
    from trialscape.classify.described import read_codes

    trials = [
        Trial("NCT1", interventions=(Intervention(0, "DRUG", "XYZ-1234"),)),
        Trial("NCT2", interventions=(Intervention(0, "DRUG", "XYZ-1234 monoclonal antibody"),)),
        # described two ways: left out
        Trial("NCT3", interventions=(Intervention(0, "DRUG", "QRS9"),)),
        Trial("NCT4", interventions=(Intervention(0, "BIOLOGICAL", "QRS9 CAR-T cells"),)),
        Trial("NCT5", interventions=(Intervention(0, "DRUG", "QRS9 siRNA"),)),
        # described, never bare: nothing to add
        Trial("NCT6", interventions=(Intervention(0, "DRUG", "ABC123 vaccine"),)),
        # described by the title that explains it
        Trial("NCT7", interventions=(Intervention(0, "DRUG", "QZX-4711"),)),
        Trial("NCT8", brief_title="A Study of QZX-4711 (Oral Insulin) in Type 2 Diabetes",
              interventions=(Intervention(0, "DRUG", "Cohort A: QZX-4711"),)),
    ]
    found = read_codes(trials, C).described()
    assert [(d.code, d.kind, d.bare_in, d.source) for d in found] == [
        ("qzx4711", "protein", ("NCT7",), ("NCT8", "Cohort A: QZX-4711")),
        ("xyz1234", "monoclonal_antibody", ("NCT1",), ("NCT2", "XYZ-1234 monoclonal antibody"))]


def test_a_code_is_not_the_background_medicine_its_title_names():
    # AEB071 (sotrastaurin) "Versus Tacrolimus in Combination With ... Basiliximab": the code
    # had taken the antibody the title names as the setting
    title = ("Efficacy and Safety of AEB071 Versus Tacrolimus in Combination With Mycophenolate "
             "Acid Sodium, Basiliximab and Steroids in Preventing Acute Rejection")
    assert primary(("DRUG", "AEB071"), title=title) == ["small_molecule"]


def test_what_a_summary_says_a_code_is():
    from trialscape.classify.described import read_codes, said_in_summaries

    trials = [Trial("NCT1", interventions=(Intervention(0, "DRUG", "QZX-9001"),)),
              Trial("NCT2", interventions=(Intervention(0, "DRUG", "QZX-9002 siRNA"),))]
    bare = read_codes(trials, C).bare()
    assert bare == {"qzx9001": ["NCT1"]}
    said = said_in_summaries({
        "NCT3": "QZX-9001 is an antisense oligonucleotide that lowers tau. It is given monthly.",
        "NCT4": "QZX-9001 will be studied in 40 patients."}, bare, C)
    assert said == {"qzx9001": ("oligonucleotide", "NCT3",
                                "antisense oligonucleotide that lowers tau")}
    # words that name no medicine kind say nothing
    assert said_in_summaries({"NCT5": "QZX-9001, a study drug given twice daily."}, bare, C) == {}


def test_cells_a_title_locates_something_in_are_not_given():
    assert primary(title="Target of Suv420h1/2 in Hepatocytes") == ["unclassified"]
    assert primary(title="Hepatocyte Transplantation for Urea Cycle Disorders") == [
        "cell_therapy"]


@pytest.mark.parametrize(("items", "expected"), [
    # typed BIOLOGICAL, as the records do: assessments all the same
    ((("BIOLOGICAL", "Sample"),), "other"),
    ((("BIOLOGICAL", "Biological collection with nasopharyngeal samples, saliva, blood"),),
     "other"),
    ((("BIOLOGICAL", "HPC, Cord Blood"),), "other"),  # a licensed cord-blood graft
    ((("DRUG", "substance P injections"),), "peptide"),
])
def test_samples_grafts_and_a_neuropeptide(items, expected):
    assert primary(*items) == [expected]


def test_a_plural_cell_word_cannot_shed_its_s_to_escape_a_measure():
    # "Natural Killer Cells Function" had matched as "Natural Killer Cell" + "s Function"
    assert primary(("BIOLOGICAL", "Natural Killer Cells Function test")) == ["other"]
    assert primary(("OTHER", "dendritic cells neoplasm panel")) == ["other"]
    assert primary(("BIOLOGICAL", "Natural Killer Cells")) == ["cell_therapy"]
    assert primary(("BIOLOGICAL", "Regulatory T cells function assay")) == ["other"]
    assert primary(("BIOLOGICAL", "Regulatory T cells")) == ["cell_therapy"]
    # ... nor a number shed a digit ("interleukin-1" + "2 inhibitor")
    assert primary(("DRUG", "interleukin-12 inhibitor")) == ["small_molecule"]
    assert primary(("DRUG", "Interleukin 11")) == ["protein"]


def test_a_viral_vector_cancer_vaccine_is_a_vaccine():
    # LABELING.md: viral-vector vaccines are vaccines, oncolytic viruses gene therapy
    title = "Vaccine Therapy in Treating Patients With Advanced Cancer | Phase I Trial of TG4010"
    assert primary(("BIOLOGICAL", "MVA-MUC1-IL2 vaccine"), title=title) == ["vaccine"]
    assert primary(title="TG4010 and Nivolumab in Patients With Lung Cancer") == ["vaccine"]


def test_genes_an_observational_title_measures_are_not_given():
    title = ("IL-12RB and TNF-alpha Gene Polymorphism and Susceptibility and Progress of Covid-19 "
             "SARS-CoV-2: A Case Control Study")
    assert "gene_therapy" not in {p.modality for p in classify(title=title,
                                                               study_type="OBSERVATIONAL")}
    assert primary(title="Long-term Follow-up of Patients Given Gene Therapy for Hemophilia B",
                   study_type="OBSERVATIONAL") == ["gene_therapy"]


@pytest.mark.parametrize("item, title, expected", [
    # dendritic cells by their abbreviation, one T cell, adoptive transfer, -leucel
    (("DRUG", "Neoantigen-loaded DC vaccine"), "Neoantigen-loaded DC Vaccine for NSCLC",
     "immune_cells"),
    (("BIOLOGICAL", "Tovaxin Autologous T Cell Vaccine"), "T Cell Vaccine in MS", "immune_cells"),
    (("BIOLOGICAL", "tabelecleucel"), "Expanded Access Protocol for Tabelecleucel",
     "immune_cells"),
    (("BIOLOGICAL", "TTRNA-DC vaccines with GM-CSF"),
     "Brain Stem Gliomas Treated With Adoptive Cellular Therapy", "immune_cells"),
    # stem cells given for repair, not as a transplant graft
    (("BIOLOGICAL", "Autologous bone marrow CD34+ stem cells"),
     "Intracoronary CD34+ Cells in Refractory Angina", "stem_progenitor"),
    (("BIOLOGICAL", "BMMNC"), "Safety and Efficacy of BMMNC in Multiple Sclerosis",
     "stem_progenitor"),
    # the brain stem is no stem cell: a cell therapy the record names no kind of
    (("BIOLOGICAL", "Autologous cell therapy"), "Cell Therapy for Brain Stem Glioma", None),
    # differentiated cells given to repair a tissue
    (("PROCEDURE", "Islet Transplantation"), "Islet Transplantation for Type 1 Diabetes",
     "tissue_cells"),
    (("BIOLOGICAL", "Myoblast transplantation"), "Transplantation of Myoblasts in DMD",
     "tissue_cells"),
    (("DRUG", "Allogeneic Cardiosphere-Derived Cells (CAP-1002)"), "HOPE-Duchenne",
     "tissue_cells"),
])
def test_kinds_of_cell_therapy_as_records_write_them(item, title, expected):
    placed = {p.modality: p for p in classify(item, title=title)}
    assert placed["cell_therapy"].submodality == expected


def test_ex_vivo_gene_therapy_of_a_blood_disease_is_modified_stem_cells():
    title = ("Long-Term Follow-up of Subjects With Fanconi Anaemia Subtype A Treated With ex "
             "Vivo Gene Therapy")
    (p,) = [p for p in classify(title=title) if p.is_primary]
    assert (p.modality, p.submodality) == ("gene_therapy", "ex_vivo_stem_cell")


@pytest.mark.parametrize("kind, name, expected", [
    # a protein named with the antibody Fc it is joined to
    ("DRUG", "CD24Fc", "protein"),
    ("DRUG", "INBRX-101/rhAAT-Fc", "protein"),
    ("DRUG", "TNFR:Fc", "protein"),
    # ... not flucytosine written after its partner ("DB107-FC", "TG6002/5-FC")
    ("DRUG", "DB107-FC", "small_molecule"),
    ("DRUG", "5-FC", "small_molecule"),
    # the hypothalamic releasing hormones are peptides, named in full or as "[LHRH] agonist"
    ("DRUG", "luteinizing hormone-releasing factor", "peptide"),
    ("DRUG", "thyrotropin-releasing hormone", "peptide"),
    ("BIOLOGICAL", "gonadotrophin releasing hormone", "peptide"),
    ("DRUG", "Luteinizing hormone releasing hormone [LHRH] agonist", "peptide"),
    # ... but not an antagonist, some of which are small molecules (elagolix, relugolix)
    ("DRUG", "gonadotropin-releasing hormone antagonist", "small_molecule"),
    # angiotensin given as itself is a peptide, its converting enzyme 2 a protein; the drugs
    # named after them are small molecules
    ("DRUG", "Angiotensin-(1-7)", "peptide"),
    ("DRUG", "Angiotensin 2", "peptide"),
    ("DRUG", "Angiotensin Converting Enzyme 2", "protein"),
    ("DRUG", "Angiotensin II type 1 receptor antagonists", "small_molecule"),
    ("DRUG", "Angiotensin II Receptor Blockers", "small_molecule"),
    ("DRUG", "angiotensin converting enzyme inhibitor", "small_molecule"),
    # an enzyme named by what it cuts is a protein; what inhibits it is not
    ("DRUG", "carboxypeptidase-G2", "protein"),
    ("DRUG", "aerosolized DNase", "protein"),
    ("DRUG", "Dipeptidyl Peptidase IV inhibitors", "small_molecule"),
    ("DRUG", "α-Glucosidase inhibitors", "small_molecule"),
    # reconstituted HDL and a botulinum toxin by its brand are proteins
    ("DRUG", "Reconstituted High Density Lipoprotein", "protein"),
    ("DRUG", "Meditoxin", "protein"),
    # immunoglobulin by its older names, and endotoxin given to provoke inflammation, are
    # other (LABELING.md); insect venom given as allergen immunotherapy is counted a vaccine
    ("DRUG", "Gamma Globulin", "other"),
    ("DRUG", "Anti-HIV Immune Serum Globulin (Human)", "other"),
    ("DRUG", "Reference Endotoxin", "other"),
    ("DRUG", "Insect Venom", "vaccine"),
    # ... not bee venom injected at acupoints
    ("PROCEDURE", "Bee venom pharmacopuncture", "other"),
    # peptide and protein hormones as older records spell them
    ("DRUG", "Adrenocorticotrophic hormone", "peptide"),
    ("DRUG", "alpha-melanocyte stimulating hormone", "peptide"),
    ("DRUG", "rGlucagon (Part B)", "peptide"),
    ("DRUG", "r-metHuLeptin", "protein"),
    ("DRUG", "Fibrinogen", "protein"),
    ("DRUG", "Octafibrin", "protein"),
    # serum given as such is other, as plasma is
    ("BIOLOGICAL", "Convalescent Serum", "other"),
    ("DRUG", "autologous serum (AS)", "other"),
])
def test_fusion_proteins_and_releasing_hormones_by_how_they_are_named(kind, name, expected):
    assert primary((kind, name)) == [expected]


def test_a_class_named_by_what_it_blocks_is_not_that_substance():
    """A product followed by what blocks it names other medicines ("candesartan, an
    angiotensin II receptor blocker"); nor does the indexer's MeSH term for the substance
    the name spells out place it."""
    named = Trial("NCT00000003", brief_title="Prophylactic Treatment of Cluster Headache",
                  study_type="INTERVENTIONAL",
                  interventions=(Intervention(0, "DRUG", "candesartan cilexetil",
                                              ("angiotensin II receptor blocker",)),))
    assert [p.modality for p in C.classify(named)] == ["small_molecule"]
    trial = Trial("NCT00000001", brief_title="The Role of Angiotensin Type I Receptor",
                  study_type="INTERVENTIONAL",
                  interventions=(Intervention(0, "DRUG",
                                              "Angiotensin II type 1 receptor antagonists"),),
                  intervention_mesh=("Angiotensin II", "Giapreza"))
    assert [(p.modality, p.rule) for p in C.classify(trial)] == [("small_molecule",
                                                                  "type prior")]
    # the substance itself, named so, is still read, and so is its MeSH term for a bare code
    assert primary(("DRUG", "Angiotensin II")) == ["peptide"]
    coded = Trial("NCT00000002", brief_title="A Study of XYZ-123 in Shock",
                  study_type="INTERVENTIONAL",
                  interventions=(Intervention(0, "DRUG", "XYZ-123"),),
                  intervention_mesh=("Angiotensin II",))
    assert [p.modality for p in C.classify(coded) if p.is_primary] == ["peptide"]


@pytest.mark.parametrize("title, expected", [
    ("Meditation and Hypnosis for Chronic Depressed Mood", "other"),
    ("Guided Self-help for Families With an Overweight Child", "other"),
    ("Motivational Interviewing to Reduce Substance Use Among Depression Patients", "other"),
    ("Comparing Tai Chi Chih and Relaxation Therapy in the Treatment of Rheumatoid Arthritis",
     "other"),
    # a sleeping medicine is no hypnosis
    ("Zolpidem, a Hypnotic, for Insomnia in Older Adults", "small_molecule"),
])
def test_a_title_listing_nothing_that_names_a_mind_body_programme(title, expected):
    assert primary(title=title) == [expected]


@pytest.mark.parametrize("title, expected", [
    # small molecules by more WHO INN endings, in titles that list nothing
    ("Lisdexamfetamine's Effect In ADHD in the Brain and Cognition", "small_molecule"),
    ("Phase 2a Desipramine in Small Cell Lung Cancer", "small_molecule"),
    ("Effect of Pimecrolimus Cream on Cathelicidin Levels in Subjects With Eczema",
     "small_molecule"),
    ("Selegiline Patch for Treatment of Nicotine Dependence", "small_molecule"),
    # a substance participants misuse, depend on or use is their condition, not the medicine
    ("Behaviorally Enhanced Counseling on Nicotine Dependence (BEACON) Trial.", "other"),
    ("Behavioral Treatment of Oxycodone Misuse", "other"),
    # (a title that names nothing else names no medicine)
    ("Treatment of Nicotine Dependence and Acute Depression", "unclassified"),
    # ... but a transplant "using" a device is still that transplant
    ("Haploid Allogeneic Transplant Using the CliniMACS System", "other"),
])
def test_inn_endings_and_substances_named_as_the_condition(title, expected):
    assert primary(title=title) == [expected]


@pytest.mark.parametrize("item, title, expected", [
    (("BIOLOGICAL", "ALK Grass tablet"), "Grass Sublingual Tablet in Adults",
     "allergen_immunotherapy"),
    (("DRUG", "Peanut OIT"), "Salvage Peanut Oral Immunotherapy Study", "allergen_immunotherapy"),
    # an infectious-disease vaccine given to allergic people stays one
    (("BIOLOGICAL", "Influenza vaccine"), "Influenza Vaccine in Egg-Allergic Children",
     "infectious_vaccine"),
    # ... and the "active specific immunotherapy" of a cancer vaccine is a cancer vaccine
    (("BIOLOGICAL", "vitespen"), "Vaccine Therapy in Patients With Recurrent Cancer | A Phase "
     "II Trial of Active Specific Immunotherapy", "cancer_vaccine"),
])
def test_allergen_immunotherapy_is_its_own_kind_of_vaccine(item, title, expected):
    placed = {p.modality: p for p in classify(item, title=title)}
    assert placed["vaccine"].submodality == expected


@pytest.mark.parametrize("items, title, expected", [
    # immune cells a title measures are the participants' biology: nothing is given
    ((), "Assessment of the Cytotoxic Immune Status of Pancreatic Cancer Patients Using "
     "Measurement of Natural Killer Cell Activities", ["other"]),
    # ... and a kind the title names as the participants' history recasts nothing ("CIK cell"
    # stays the cells given, not the CAR-T whose dysfunction brought the patients)
    ((("DRUG", "CIK cell"),), "CIK Cell Therapy for Relapsed B-ALL: Prognostic Impact on "
     "Patients With Early CAR-T Cell Dysfunction", ["cell_therapy"]),
    # a code's title is read without what it measures ("LymphoScan Imaging" of a labelled
    # antibody is a tracer: the record lists the imaging procedure)
    ((("PROCEDURE", "immunoscintigraphy"), ("RADIATION", "technetium Tc 99m epratuzumab")),
     "Radiolabeled Monoclonal Antibody in the Detection and Staging of Lymphoma | The Utility "
     "of LymphoScan Imaging in the Localization and Staging of Lymphoma", ["other"]),
    # oral tolerance induction is a treatment, not a tolerance measured
    ((("OTHER", "Cow's milk"),), "Specific Oral Tolerance Induction to Cow's Milk Allergy",
     ["vaccine"]),
    # a CAR with a generation prefix; T cells a gene was knocked out of; an armed TIL's code
    ((("BIOLOGICAL", "4SCAR19/22 T cells"), ("DRUG", "Interleukin-2")),
     "Interleukin-2 Following 4SCAR19/22 T Cells", ["engineered_cell_therapy"]),
    ((), "PD-1 Knockout EBV-CTLs for EBV Associated Malignancies", ["engineered_cell_therapy"]),
    ((), "Safety and Efficacy of OBX-115 in Advanced Solid Tumors", ["engineered_cell_therapy"]),
    # a graft named by its selection or depletion is the transplant (LABELING.md: other) ...
    ((("BIOLOGICAL", "CD34+ enriched, T Cell Depleted donor stem cell product"),),
     "Expanded Access Protocol Using the CliniMACS Device for Donor Stem Cell Transplant",
     ["other"]),
    # ... the donor cells given back after one are a cell therapy
    ((("BIOLOGICAL", "CD45RA depleted stem cell addback"),),
     "CD45RA Depleted Stem Cell Addback Post TCRab/CD19 Depleted HSCT", ["cell_therapy"]),
    # clofarabine is the conditioning of a manipulated graft, as fludarabine is
    ((("RADIATION", "total body irradiation"), ("DRUG", "Thiotepa"), ("DRUG", "Clofarabine"),
      ("PROCEDURE", "(CliniMACS) T-cell depleted PBSC Transplant")),
     "Donors With CD34+ Enriched, T-cell Depleted Peripheral Blood Stem Cells Isolated by the "
     "CliniMACS System", ["other"]),
    # siplizumab by its code
    ((("DRUG", "MEDI-507"), ("PROCEDURE", "T-cell Depleted PBSC Transplant")),
     "Ex-Vivo T-cell Depleted Stem Cell Transplantation", ["monoclonal_antibody"]),
])
def test_measured_cells_grafts_and_engineered_t_cells(items, title, expected):
    assert primary(*items, title=title) == expected


@pytest.mark.parametrize("item, title, expected", [
    ((), "PD-1 Knockout EBV-CTLs for EBV Associated Malignancies", "engineered_t_other"),
    ((), "Safety and Efficacy of OBX-115 in Advanced Solid Tumors", "engineered_t_other"),
    # ... not a CAR whose cells also had a gene knocked out
    ((), "PD-1 Knockout Anti-MUC1 CAR-T Cells in Advanced Breast Cancer", "car_t_autologous"),
    (("BIOLOGICAL", "CD8 DLI"), "CD8 DLI Following Allogeneic Stem Cell Transplantation",
     "immune_cells"),
    (("BIOLOGICAL", "Remestemcel-L"), "Expanded Access Program of Remestemcel-L", "msc"),
])
def test_kinds_of_engineered_t_cells_dli_and_remestemcel(item, title, expected):
    placed = classify(*([item] if item else []), title=title)
    assert placed[0].submodality == expected


@pytest.mark.parametrize("items, title, expected", [
    # Spiegelmers (mirror-image RNA aptamers) by code and INN
    ((("DRUG", "NOX-A12"), ("DRUG", "Filgrastim")), "NOX-A12 Multiple Ascending Dose Study",
     ["oligonucleotide"]),
    ((("DRUG", "Lexaptepid pegol (NOX-H94)"),), "Lexaptepid Pegol in Anaemia of Chronic Disease",
     ["oligonucleotide"]),
    # NK cells named by their donor alone, and by a product code
    ((), "Haplo NK With SQ IL-15 in Adult Relapsed AML", ["cell_therapy"]),
    ((), "FATE-NK100 as Monotherapy and in Combination With Monoclonal Antibody",
     ["cell_therapy"]),
    # a code's cells listed with their lymphodepletion in one name
    ((("DRUG", "JK500 cell injection, cyclophosphamide, Fludarabine"),),
     "Safety of JK500 Cell Injection in Pediatric AML", ["cell_therapy"]),
    # an autoantibody test is no antibody given
    ((("DIAGNOSTIC_TEST", "anti-aquaporin-4 antibody"),),
     "A Multicenter Observational Study of Pediatric Multiple Sclerosis", ["other"]),
    # the standard treatment participants are on is the setting, however many words name it
    ((), "Fermented Wheat Germ Nutritional Supplementation in Patients Being Treated With "
     "Standard of Care Checkpoint Inhibitors", ["other"]),
    # a medicine joined to its placebo by a bare slash names the medicine ...
    ((("DRUG", "Pirfenidone/Placebo"),), "Pirfenidone Versus Placebo as Prophylaxis",
     ["small_molecule"]),
    # ... a dose written with a slash does not
    ((("DRUG", "5/10 mg placebo"),), "A Trial of Nothing Else", ["other"]),
])
def test_aptamer_codes_nk_cells_autoantibody_tests_and_slashed_placebos(items, title, expected):
    assert primary(*items, title=title) == expected


def test_full_width_punctuation_reads_as_ascii(tmp_path):
    """A record typed with an East Asian input method ("，") is read as its ASCII: the cells
    and the chemotherapy its one name lists are told apart, from a real snapshot."""
    import duckdb

    from trialscape.classify.inputs import plain, read_trials
    from trialscape.snapshot.build import schema_sql

    assert plain("JK500 cell injection，cyclophosphamide（CTX）") == (
        "JK500 cell injection,cyclophosphamide(CTX)")
    assert plain("haNK™") == "haNK™"  # not the rest of NFKC ("haNKTM")
    con = duckdb.connect(str(tmp_path / "s.duckdb"))
    con.execute(schema_sql())
    con.execute("INSERT INTO studies (nct_id, brief_title, study_type) VALUES "
                "('NCT05519384', 'JK500 Cell Injection in Pediatric AML', 'INTERVENTIONAL')")
    con.execute("INSERT INTO interventions (nct_id, idx, type, name) VALUES "
                "('NCT05519384', 0, 'DRUG', 'JK500 cell injection，cyclophosphamide，Fludarabine')")
    (trial,) = read_trials(con)
    assert [p.modality for p in C.classify(trial) if p.is_primary] == ["cell_therapy"]


def test_an_app_whose_name_ends_like_a_fusion_protein_is_no_protein():
    item = Intervention(0, "COMBINATION_PRODUCT", "Physiotherapy with integrated Virtual Reality",
                        other_names=("Reducept",))
    placed = C.classify(Trial("NCT05701891", brief_title="Virtual Reality Within Physiotherapy",
                              study_type="INTERVENTIONAL", interventions=(item,)))
    assert [p.modality for p in placed] == ["other"]


# Codes and names the seventeenth session read in records placed by the DRUG type alone, each
# with its public source in data/modalities.toml
@pytest.mark.parametrize(("name", "expected"), [
    ("SHR-1707", "monoclonal_antibody"), ("VAY736", "monoclonal_antibody"),
    ("MEDI-507", "monoclonal_antibody"), ("RGLS8429", "oligonucleotide"),
    ("PPI-1019 (APAN)", "peptide"), ("XG-102", "peptide"), ("MS1819-SD", "protein"),
    ("ALLN-177 high dose", "protein"), ("25 mg Actilyse infusion in 6 hours", "protein"),
    ("MDCO-216", "protein"), ("Stemgen", "protein"), ("AGS-16C3F", "antibody_drug_conjugate"),
    ("TRPH-222", "antibody_drug_conjugate"), ("AMG 562", "bispecific_antibody"),
    ("Lu AF20513, low dose", "vaccine"), ("AllerT full dose", "vaccine"),
    ("TNFerade biologic", "gene_therapy"), ("GRF6019", "other"),
    ("Aerosolized 13 cis retinoic acid", "small_molecule"),
])
def test_products_and_codes_of_the_seventeenth_session(name, expected):
    assert primary(("DRUG", name)) == [expected]


def test_a_tau_tracer_by_its_code_is_an_assessment():
    assert primary(("DRUG", "AV-1451"), title="Tau PET/CT Imaging in a Cohort") == ["other"]


def test_a_title_comparing_with_a_vaccine_gives_no_vaccine_to_a_named_drug():
    assert primary(("DRUG", "Aerosolized 13 cis retinoic acid"), ("OTHER", "Placebo"),
                   title="Aerosol Retinoic Acid for Inducing Neutralizing Antibodies in COVID-19 "
                   "Better Than Vaccine") == ["small_molecule"]


@pytest.mark.parametrize("item, title, expected", [
    # vectors by product code (sources in data/modalities.toml)
    (("GENETIC", "ART-I02"), "A Single Dose Trial of ART-I02 in Arthritis", "aav"),
    (("GENETIC", "BB-301: Dose escalation cohort 1"), "BB-301 in OPMD", "aav"),
    (("BIOLOGICAL", "TG-C High Dose"), "TG-C in Degenerative Disc Disease",
     "lentiviral_retroviral"),
    ((), "Phase 2a Study of CAN-2409 With Standard Radiation Therapy for Malignant Glioma",
     "adenoviral"),
    # cells that make a retroviral vector
    (("DEVICE", "G1TKSVNa.53 Producer Cell Line"), "Gene Therapy for the Treatment of Brain "
     "Tumors", "lentiviral_retroviral"),
    # cells other than stem cells given a gene outside the body
    ((), "Gene Modified Allogeneic Neuroblastoma Cells For Relapsed Neuroblastoma",
     "ex_vivo_other_cells"),
    ((), "IFNα Expressing Mesenchymal Stromal Cells for Metastatic Solid Tumors",
     "ex_vivo_other_cells"),
    # ... not stem cells so modified, which keep their kind
    ((), "Gene Therapy With Gene-Modified Hematopoietic Stem Cells for Fanconi Anemia",
     "ex_vivo_stem_cell"),
    # DNA injected as it is, and a formulated plasmid by its maker's name (2026.12.198)
    ((), "Gene Therapy in Melanoma | A Phase I Study Using Direct Combination DNA Injections",
     "non_viral"),
    (("BIOLOGICAL", "interleukin-12 gene"), "IL-12 Gene Medicine in Head and Neck Cancer",
     "non_viral"),
])
def test_kinds_of_gene_therapy_from_codes_and_modified_cells(item, title, expected):
    placed = {p.modality: p for p in classify(*([item] if item else []), title=title)}
    assert placed["gene_therapy"].submodality == expected


@pytest.mark.parametrize("item, title, modality, expected", [
    # "vaccine" says infectious disease only when no disease is named anywhere
    (("BIOLOGICAL", "FAP mRNA vaccine (dose 1) + immune checkpoint inhibitors"),
     "Exploratory Clinical Study of FAP mRNA Vaccine in Patients With Advanced Malignant "
     "Solid Tumors", "mrna", "mrna_cancer"),
    (("BIOLOGICAL", "Acne mRNA vaccine"), "Acne mRNA Vaccine in Mild Acne", "mrna",
     "mrna_infectious_vaccine"),
    (("BIOLOGICAL", "mRNA-1273"), "COVID-19 Vaccine in Patients With Cancer", "mrna",
     "mrna_infectious_vaccine"),
    # ... however the title says vaccination (2026.12.198)
    (("DRUG", "Direct boost mRNA"), "Immunogenicity of Additional Booster Vaccinations in HCW",
     "mrna", "mrna_infectious_vaccine"),
    # ... and the cancers a title names, and the reactogenicity only vaccine trials measure
    # (2026.12.207)
    (("DRUG", "mRNA-2808"), "A Study of mRNA-2808 in Relapsed or Refractory Multiple Myeloma",
     "mrna", "mrna_cancer"),
    (("DRUG", "mRNA-1982"), "Reactogenicity and Immunogenicity of mRNA-1982 in Adults",
     "mrna", "mrna_infectious_vaccine"),
    # "stem cells" says stem cells only when no kind of them is named
    (("BIOLOGICAL", "Stem cell implantation"), "Spheroidal Mesenchymal Stem Cells in "
     "Retinitis Pigmentosa", "cell_therapy", "msc"),
    (("BIOLOGICAL", "Stem Cell"), "Stem Cell Therapy in Duchenne Muscular Dystrophy",
     "cell_therapy", "stem_progenitor"),
])
def test_generic_words_of_a_kind_yield_to_a_kind_the_title_names(item, title, modality,
                                                                 expected):
    placed = {p.modality: p for p in classify(item, title=title)}
    assert placed[modality].submodality == expected


def test_classify_all_places_as_classify_and_restores_the_collector():
    import gc

    trials = [Trial(f"NCT0000000{i}", brief_title=title, study_type="INTERVENTIONAL",
                    interventions=(Intervention(0, "DRUG", name),))
              for i, (name, title) in enumerate([("pembrolizumab", "Pembrolizumab in NSCLC"),
                                                 ("CAR-T cells", "CD19 CAR-T"),
                                                 ("Placebo", "A placebo study")])]
    assert gc.isenabled()
    assert C.classify_all(trials) == [C.classify(t) for t in trials]
    assert gc.isenabled()
    gc.disable()
    try:
        C.classify_all(trials)
        assert not gc.isenabled()  # ... and leaves it off when it was off
    finally:
        gc.enable()
    with pytest.raises(AttributeError):
        C.classify_all([None])  # type: ignore[list-item]
    assert gc.isenabled()


@pytest.mark.parametrize("items, title, expected", [
    # the class of medicine participants are on is the setting of what the title tests
    ((), "A Distress Reduction Intervention for Patients With MPNs or CML on Tyrosine Kinase "
     "Inhibitors", ["other"]),
    # a capsule nerve block is no capsule of medicine
    ((("PROCEDURE", "Shoulder Anterior Capsule Block"),
      ("PROCEDURE", "Interscalene Nerve Block")),
     "Comparison of Interscalene and Anterior Shoulder Capsule Block", ["other"]),
    # a scope examination is a procedure ...
    ((), "Magnetically Controlled Capsule Endoscopy Feasibility Study in Gastric Motility",
     ["other"]),
    # ... not when a medicine is given for it
    ((("DRUG", "comparing 2 drugs on their effect on the bowel preparation for colonoscopy"),),
     "Efficacy of Miralax and Gatorade Versus Movi Prep", ["small_molecule"]),
    ((), "Navigational Bronchoscopy to Perform PDT-Photofrin® in Peripheral Lung Cancer",
     ["small_molecule"]),
])
def test_setting_classes_capsules_and_scope_examinations(items, title, expected):
    assert primary(*items, title=title) == expected


@pytest.mark.parametrize("item, title, expected", [
    # an infection the record names outweighs the participants' cancer and a cancer vaccine's
    # words (BCG, peptide)
    (("BIOLOGICAL", "BCG vaccine"), "BCG Vaccine for Health Care Workers as Defense Against "
     "COVID 19", "infectious_vaccine"),
    (("BIOLOGICAL", "HIV-1 C4-V3 Polyvalent Peptide Vaccine"), "A Phase I Trial of HIV-1 C4-V3 "
     "Polyvalent Peptide Vaccine in HIV-1 Infected Persons", "infectious_vaccine"),
    (("BIOLOGICAL", "COVID-19 vaccine"), "Safety and Immunogenicity of COVID-19 Vaccination in "
     "Patients With Cancer", "infectious_vaccine"),
    # ... and a cancer named as what a vaccine treats makes a cancer vaccine
    (("BIOLOGICAL", "Personalized vaccine"), "Personalized Vaccine for Patients With Recurrent "
     "Malignant Glioma", "cancer_vaccine"),
    (("BIOLOGICAL", "tyrosinase peptide vaccine"), "Vaccine Therapy in Stage II Melanoma",
     "cancer_vaccine"),
    # BCG for bladder cancer stays a cancer vaccine; BCG alone is the tuberculosis vaccine
    (("BIOLOGICAL", "BCG"), "Intravesical BCG in Non-muscle Invasive Bladder Cancer",
     "cancer_vaccine"),
    (("BIOLOGICAL", "BCG"), "Asthma, a Disease Due to a Lack of Bacterial Exposure",
     "infectious_vaccine"),
    # ... and a cancer as titles abbreviate it, or a vaccine made for one patient (2026.12.232)
    (("BIOLOGICAL", "FRAME-001 vaccine"), "FRAME-001 Personalized Vaccine in NSCLC",
     "cancer_vaccine"),
    (("BIOLOGICAL", "Personalized vaccine"), "Recurrence Prevention of EOC", "cancer_vaccine"),
])
def test_kinds_of_vaccine_by_the_disease_named(item, title, expected):
    placed = {p.modality: p for p in classify(item, title=title)}
    assert placed["vaccine"].submodality == expected


@pytest.mark.parametrize("name", ["DNA stability analysis", "Cytogenetic and molecular studies",
                                  "Genetic characterization", "real time PCR", "gene mapping"])
def test_genetic_and_molecular_studies_are_assessments(name):
    """2026.12.227: what a record lists to measure with (typed GENETIC) is no gene therapy and
    no unclassified medicine; "PCR" alone stays the pentostatin regimen's name."""
    assert primary(("GENETIC", name)) == ["other"]
    assert not C.roles.name_role("PCR") and not C.roles.name_role("Pentostatin, PCR regimen")


def test_a_medicine_named_by_another_name_than_the_titles_setting_is_background():
    """2026.12.227: what the title says its participants are treated with, named by its kind
    ("... MS Treated With Subcutaneous Interferon Beta-1a"), is background though the record
    lists it by a brand (Rebif); a procedure or plasma is not reached by its kind."""
    title = ("Supplementary Treatment With Cholecalciferol in Patients With Relapsing Multiple "
             "Sclerosis Treated With Subcutaneous Interferon Beta-1a")
    assert [p.modality for p in classify(("DIETARY_SUPPLEMENT", "Cholecalciferol (Vitamin D3)"),
                                         ("DRUG", "Rebif"), title=title)] == ["other"]
    assert primary(("DRUG", "Atorvastatin"), ("DRUG", "Interferon beta 1b"),
                   title="Atorvastatin in Patients With Relapsing-Remitting Multiple Sclerosis "
                         "Treated With Interferon-Beta-1b") == ["small_molecule"]
    # the plasma compared with a concentrate stays, though surgery is `other` too
    placed = classify(("DRUG", "Prothrombin Complex Concentrate (PCC)"),
                      ("BIOLOGICAL", "Fresh Frozen Plasma"),
                      title="Trial of PCC Versus FFP in Patients Undergoing Heart Surgery")
    assert {p.modality for p in placed} == {"protein", "other"}


@pytest.mark.parametrize("names, title, expected", [
    # a crossover's arms named "X and Placebo" test X when the title names it
    (("S-equol and Placebo", "Placebo and S-equol"), "S-Equol in Alzheimer's Disease 2 Trial",
     ["small_molecule"]),
    (("Ampyra first, then Placebo", "placebo first, then Ampyra"),
     "A Randomized Trial to Evaluate Ampyra for Gait Impairment in Parkinson's Disease",
     ["small_molecule"]),
    # ... not words that say when or how the placebo is given (the title names no phase),
    # nor what it is made of, though the title names them
    (("Phase 2; Placebo", "Placebo i.m. injection", "Lactose (inactive placebo)"),
     "Lactose Given by Injection in Upper Limb Spasticity", ["other"]),
])
def test_a_name_joined_to_its_placebo_that_the_title_names(names, title, expected):
    """2026.12.227: no rule reads S-equol, but the title names it: it is what the trial
    tests, not more of the placebo."""
    assert primary(*[("DRUG", n) for n in names], title=title) == expected


def test_the_herpes_thymidine_kinase_gene_names_no_herpes_vector():
    """2026.12.228: HSV-tk is a suicide gene adenoviral and retroviral vectors carry; the
    herpes-vector kind is for herpes viruses given (Vyjuvek)."""
    def kind(title: str) -> str | None:
        return {p.modality: p.submodality for p in classify(title=title)}["gene_therapy"]

    assert kind("HSV-tk + Valacyclovir Therapy in Combination With Brachytherapy") != "hsv"
    assert kind("In Vivo Gene Therapy With the Herpes Simplex Thymidine Kinase") != "hsv"
    assert kind("Beremagene Geperpavec Gene Therapy for Dystrophic Epidermolysis Bullosa") == "hsv"


def test_what_participants_discontinued_is_their_history():
    """2026.12.230: "... Who Discontinued Treatment With Nusinersen or Risdiplam" names what
    participants stopped, not what the trial gives."""
    title = ("Study of OAV101 Administered Intrathecally to Participants With SMA Who "
             "Discontinued Treatment With Nusinersen or Risdiplam")
    assert [p.modality for p in classify(title=title)] == ["gene_therapy"]
    assert [p.modality for p in classify(title="Nusinersen or Risdiplam in SMA")] == [
        "oligonucleotide", "small_molecule"]


def test_steroids_the_participants_depend_on_are_no_medicine_given():
    """2026.12.231: "Oral Steroid-Dependent Asthma" is the participants' state."""
    assert [p.modality for p in classify(title="Omalizumab in Oral Steroid-Dependent Asthma")
            ] == ["monoclonal_antibody"]
    assert [p.modality for p in classify(title="Omalizumab and Oral Steroids in Asthma")] == [
        "monoclonal_antibody", "small_molecule"]


def test_an_ablation_by_hormones_is_no_procedure():
    """2026.12.233: "ablation" alone is a procedure (catheter or tumour ablation), not the
    androgen ablation a hormone therapy does."""
    assert [p.modality for p in classify(
        title="Androgen Ablation Therapy With Bicalutamide in Prostate Cancer")] == [
        "small_molecule"]
    assert [p.modality for p in classify(
        title="Substrate Versus Trigger Ablation for Paroxysmal Atrial Fibrillation")] == [
        "other"]


def test_coded_cells_given_after_lymphodepletion_are_engineered():
    """2026.12.234: a code and the cells it is ("CT125A cells"), listed with fludarabine and
    cyclophosphamide, is the CAR or TCR product most such regimens are for, as a bare code
    is (`lymphodepleted_code`); without the regimen it stays cells of no known kind."""
    title = "Safety and Efficacy of CT125A Cells for Relapsed/Refractory CD5+ Malignancies"
    assert [p.modality for p in classify(("BIOLOGICAL", "CT125A cells"),
                                         ("DRUG", "Cyclophosphamide, fludarabine"),
                                         title=title)] == ["engineered_cell_therapy"]
    assert primary(("BIOLOGICAL", "CT125A cells"), title=title) == ["cell_therapy"]
    # ... nor does a named cell product become a CAR by its regimen
    assert primary(("BIOLOGICAL", "Autologous tumor infiltrating lymphocytes"),
                   ("DRUG", "Fludarabine"), ("DRUG", "Cyclophosphamide"),
                   title="TIL Therapy in Melanoma") == ["cell_therapy"]


@pytest.mark.parametrize("title, expected", [
    ("A Study to Assess CD19-targeted Immunotherapy T Cells in B Cell Leukemia",
     "engineered_cell_therapy"),
    ("Phase I Study of Anti-CD22 Chimeric Receptor T Cells in Hairy Cell Leukemia",
     "engineered_cell_therapy"),
    ("CD19-Synthetic T Cell Antigen Receptor(STAR)-T in B-cell Malignancies Patients",
     "engineered_cell_therapy"),
    ("Evaluation of Umbilical Cord-Derived Wharton's Jelly Stem Cells for Acute GVHD",
     "cell_therapy"),
])
def test_cells_titles_name_by_what_was_done_to_them(title, expected):
    """2026.12.234: T cells aimed at a CD target, carrying a chimeric or synthetic receptor,
    and Wharton's jelly stem cells."""
    assert primary(title=title) == [expected]


@pytest.mark.parametrize("items, title, expected", [
    # a record without arms whose title names one listed medicine alone tests that one; the
    # medicine it names neither by name nor by kind is counted, never primary (2026.12.249)
    ((("DRUG", "Umifenovir"), ("DRUG", "Interferon-β 1a"), ("DRUG", "Lopinavir / Ritonavir")),
     "Umifenovir in Hospitalized COVID-19 Patients", ["small_molecule"]),
    ((("DRUG", "Minocycline"), ("DRUG", "Bevacizumab")),
     "Minocycline to Treat Branch Retinal Vein Occlusion", ["small_molecule"]),
    # ... named by the INN a rule reads in a longer name ("Cladribine Tablets")
    ((("DRUG", "Cladribine Tablets"), ("DRUG", "Rebif® new formulation (RNF)")),
     "Oral Cladribine in Early Multiple Sclerosis (MS)", ["small_molecule"]),
    # ... not a bare code alone, whose kind the title does not say (a type is no kind)
    ((("DRUG", "TQB2303"), ("DRUG", "Rituximab")),
     "Study of TQB2303 in Patients With CD20-Positive Diffuse Large B-cell Lymphoma",
     ["monoclonal_antibody"]),
    # ... nor what the title says its participants take already: then the other is the question
    ((("DRUG", "Prednisone"), ("DRUG", "Glatiramer Acetate")),
     "Assessment Study of Steroid Effect in Relapsing MS Subjects Treated With Glatiramer "
     "Acetate", ["small_molecule"]),
    # ... nor a title joining several ("... Or GLP-1 Treatment", "... and Mitoxantrone"), nor
    # one about a transplant, whose regimen the labels count
    ((("DRUG", "Liraglutide"), ("DRUG", "Insulin bolus")),
     "Perioperative Insulin or GLP-1 in Diabetes Mellitus", ["peptide"]),
    ((("DRUG", "Rituximab"), ("DRUG", "Cyclophosphamide")),
     "Mismatched Transplantation Using High-dose Post-transplant Cyclophosphamide",
     ["monoclonal_antibody"]),
])
def test_a_medicine_titled_alone_is_the_question(items, title, expected):
    placed = classify(*items, title=title)
    assert [p.modality for p in placed if p.is_primary] == expected


def test_the_medicine_a_title_leaves_out_is_counted():
    placed = classify(("DRUG", "Minocycline"), ("DRUG", "Bevacizumab"),
                      title="Minocycline to Treat Branch Retinal Vein Occlusion")
    assert [(p.modality, p.is_primary) for p in placed] == [
        ("monoclonal_antibody", False), ("small_molecule", True)]


@pytest.mark.parametrize("title, expected", [
    # NCI's plain-language titles call gene-modified lymphocytes white blood cells
    ("Gene-Modified White Blood Cells Followed By Interleukin-2 and Vaccine Therapy in Treating "
     "Patients With Metastatic Melanoma", "engineered_cell_therapy"),
    ("Modified White Blood Cells That Secrete IL-2 and Express a Protein That Targets the "
     "ESO-1tumor Protein for Metastatic Cancer", "engineered_cell_therapy"),
    # a checkpoint antibody a title names by "anti-" and its target
    ("TIL and Anti-PD1 in Metastatic Melanoma", "cell_therapy"),
    ("PIN in Combination With Anti-PD1 in Previously Treated Solid Tumor", "monoclonal_antibody"),
    # T cells a title says express a suicide gene are gene therapy
    ("T Lymphocytes (LT) Expressing iCASP9 and ΔCD19 in Allogeneic Haematopoietic "
     "Transplantation.", "gene_therapy"),
    # ... and a CAR T cell with a safety switch stays a CAR T cell
    ("CAR T cells expressing iCasp9 for lymphoma", "engineered_cell_therapy"),
])
def test_gene_modified_white_blood_cells_of_2026_12_249(title, expected):
    assert primary(title=title) == [expected]


def test_a_title_naming_a_checkpoint_antibody_counts_it():
    placed = classify(title="TIL and Anti-PD1 in Metastatic Melanoma")
    assert {p.modality for p in placed} == {"cell_therapy", "monoclonal_antibody"}


def test_what_induces_the_harm_a_trial_treats_is_background():
    """"Loratadine for Pegfilgrastim Induced Bone Pain": pegfilgrastim causes the harm every
    participant has; loratadine is tested. A method a medicine induces is no harm."""
    arms = (ArmGroup("Group 1 - Loratadine", "EXPERIMENTAL",
                     ("Drug: Pegfilgrastim", "Drug: Loratadine")),
            ArmGroup("Group 2 - Placebo", "EXPERIMENTAL",
                     ("Drug: Pegfilgrastim", "Drug: Loratadine")))
    title = "Study of Loratadine for Pegfilgrastim Induced Bone Pain in Patients With Lymphoma"
    placed = classify(("DRUG", "Pegfilgrastim"), ("DRUG", "Loratadine"), title=title, arms=arms)
    assert [(p.modality, p.is_primary) for p in placed] == [("small_molecule", True)]
    title = "Immune Response of Fimaporfin-induced Photochemical Internalisation of Antigen"
    placed = classify(("DRUG", "Fimaporfin"), ("BIOLOGICAL", "HPV E7 peptides"), title=title)
    assert {p.modality for p in placed} == {"small_molecule", "peptide"}


def test_what_a_placebo_arm_and_an_experimental_arm_share_is_the_backbone():
    """Each part pairs the tested medicine and a backbone against placebo and that backbone
    (2026.12.250): no backbone is in every arm, yet each is what its part adds to."""
    arms = (ArmGroup("Part A: Placebo + Pembrolizumab", "PLACEBO_COMPARATOR",
                     ("Drug: Pembrolizumab", "Drug: Placebo")),
            ArmGroup("Part A: Olomorasib + Pembrolizumab", "EXPERIMENTAL",
                     ("Drug: Olomorasib", "Drug: Pembrolizumab")),
            ArmGroup("Part B: Olomorasib + Durvalumab", "EXPERIMENTAL",
                     ("Drug: Olomorasib", "Drug: Durvalumab")),
            ArmGroup("Part B: Placebo + Durvalumab", "PLACEBO_COMPARATOR",
                     ("Drug: Durvalumab", "Drug: Placebo")))
    items = (("DRUG", "Olomorasib"), ("DRUG", "Pembrolizumab"), ("DRUG", "Durvalumab"),
             ("DRUG", "Placebo"))
    title = "Study of Olomorasib in Participants With KRAS G12C-mutant NSCLC"
    placed = classify(*items, title=title, arms=arms)
    assert [(p.modality, p.is_primary) for p in placed] == [("small_molecule", True)]
    # a crossover's placebo arm holds the tested medicine too, and adds nothing: it stays
    arms = (ArmGroup("Drug then placebo", "PLACEBO_COMPARATOR",
                     ("Drug: Pembrolizumab", "Drug: Placebo")),
            ArmGroup("Placebo then drug", "EXPERIMENTAL", ("Drug: Pembrolizumab", "Drug: Placebo")),
            ArmGroup("Open label", "EXPERIMENTAL", ("Drug: Pembrolizumab",)))
    placed = classify(("DRUG", "Pembrolizumab"), ("DRUG", "Placebo"), title="A crossover",
                      arms=arms)
    assert [(p.modality, p.is_primary) for p in placed] == [("monoclonal_antibody", True)]


def test_a_growth_factor_given_until_the_counts_recover_is_support():
    """2026.12.250: the description says what the sargramostim of a chemotherapy trial is for."""
    items = (Intervention(0, "BIOLOGICAL", "sargramostim", description=(
                 "Sargramostim (GM-CSF) subcutaneously beginning on day 14 and continuing until "
                 "blood counts recover.")),
             Intervention(1, "DRUG", "cytarabine"), Intervention(2, "DRUG", "mitoxantrone"))
    placed = C.classify(Trial("NCT00000001", brief_title="Combination Chemotherapy in Leukemia",
                              study_type="INTERVENTIONAL", interventions=items))
    assert [(p.modality, p.is_primary) for p in placed] == [("small_molecule", True)]


@pytest.mark.parametrize("title, kind", [
    # gene therapies whose vector the record does not name, by their developers' descriptions
    # (2026.12.251): "not specified" was the second largest gene-therapy kind
    ("A Study of Intratumoral CAVATAK in Patients With Malignant Melanoma", "oncolytic_virus"),
    ("Parvovirus H-1 (ParvOryx) in Patients With Recurrent Glioblastoma", "oncolytic_virus"),
    ("A Study of TBI-1401(HF10) in Patients With Solid Tumors", "oncolytic_virus"),
    ("Trial of THEO-260 in Ovarian Cancer Patients", "oncolytic_virus"),
    ("Effect of AdhAQP1 on Salivary Flow in Head and Neck Cancer", "adenoviral"),
    ("Safety Study on the Transfer of the CD40 Ligand Gene (AdcuCD40L)", "adenoviral"),
    ("Phase II Trial of Allovectin-7 for Metastatic Melanoma", "non_viral"),
    ("Trial of pIL-12/MK-3475 in Metastatic Melanoma", "non_viral"),
    ("Study of Intra-articular Delivery of tgAAC94 in Inflammatory Arthritis", "aav"),
    ("Clinical Trial of EB-101 Gene Therapy for Epidermolysis Bullosa", "ex_vivo_other_cells"),
    # gene therapy "for" a blood or immune disease treated in the patient's own stem cells,
    # unless a coded product is named (in vivo, for all the title says); HSV-tk with
    # valacyclovir is an adenovirus (2026.12.255)
    ("Gene Therapy for Fanconi Anemia", "ex_vivo_stem_cell"),
    ("Gene Transfer for Patients With Sickle Cell Disease", "ex_vivo_stem_cell"),
    ("Study of EN-374 Gene Therapy for X-Linked Chronic Granulomatous Disease", None),
    ("Gene Therapy for Gyrate Atrophy", None),
    # ... whatever words join them (2026.12.268)
    ("A Gene Transfer Study Inducing Fetal Hemoglobin in Sickle Cell Disease (GRASP, BMT CTN "
     "2001)", "ex_vivo_stem_cell"),
    ("HSV-tk + Valacyclovir Therapy in Combination With Brachytherapy for Prostate Cancer",
     "adenoviral"),
])
def test_gene_therapy_vectors_by_product(title, kind):
    placed = classify(title=title)
    assert [(p.submodality, p.is_primary) for p in placed if p.modality == "gene_therapy"] == [
        (kind, True)]


@pytest.mark.parametrize("name, kind", [
    # cell products whose kind their names or codes say (2026.12.252)
    ("T regulatory cells", "immune_cells"), ("EGFR BATs", "immune_cells"),
    ("Immuncell-LC", "immune_cells"), ("agenT-797", "immune_cells"),
    ("ITIL-168", "til"), ("ScTIL210", "til"), ("RB-ADSC", "msc"),
    ("Azficel-T", "tissue_cells"),
])
def test_cell_products_by_kind_of_2026_12_252(name, kind):
    placed = classify(("BIOLOGICAL", name))
    assert [(p.modality, p.submodality) for p in placed] == [("cell_therapy", kind)]


@pytest.mark.parametrize("title, kind", [
    # kinds of cell therapy as titles and codes name them (2026.12.255)
    ("Cellular Adoptive Immunotherapy in Treating Patients With Glioblastoma Multiforme",
     "immune_cells"),
    ("Study of a Drug [DCVax®-L] to Treat Newly Diagnosed GBM Brain Cancer", "immune_cells"),
    ("MG4101 for Refractory or Relapsed AML", "immune_cells"),
    ("Autologous Muscle Derived Cells for Gastro-Intestinal Repair", "tissue_cells"),
    ("Revitalization of Immature Permanent Teeth With Necrotic Pulps Using SHED Cells", "msc"),
    # amniotic epithelial cells are tissue cells; amniotic epithelial stem cells stay stem cells
    ("Human Amniotic Epithelial Cells Transplantation for Primary Ovarian Failure",
     "tissue_cells"),
    ("Transplantation of Human Amniotic Epithelial Stem Cells for Parkinson's Disease",
     "stem_progenitor"),
])
def test_cell_kinds_of_2026_12_255(title, kind):
    assert primary_kind(title=title) == [("cell_therapy", kind)]


@pytest.mark.parametrize("name, modality, kind", [
    # oligonucleotides whose kind the code says (2026.12.253); TLR agonists that are small
    # molecules though the INN stem -tolimod also names CpG oligonucleotides
    ("STP705", "oligonucleotide", "sirna"), ("ND-L02-s0201 Injection", "oligonucleotide", "sirna"),
    ("NS-065/NCNP-01", "oligonucleotide", "antisense"), ("GTX-102", "oligonucleotide", "antisense"),
    ("WVE-120101", "oligonucleotide", "antisense"), ("SRP-4053", "oligonucleotide", "antisense"),
    ("agatolimod sodium", "oligonucleotide", "other_oligo"),
    ("Motolimod", "small_molecule", None), ("VTX-2337 plus radiotherapy", "small_molecule", None),
    # the kinds of 2026.12.254's products: exon 50 and DMPK antisense, a lentiviral vector,
    # a vaccine against one of the body's proteins, an anti-PD-L1, mesenchymal cells
    ("NS-050/NCNP-03", "oligonucleotide", "antisense"),
    ("DYNE-101", "oligonucleotide", "antisense"),
    ("Cal-1 (LVsh5/C46) drug product", "gene_therapy", "lentiviral_retroviral"),
    ("CYT013-IL1bQb", "vaccine", "disease_protein_vaccine"),
    ("IMC-001", "monoclonal_antibody", "checkpoint_inhibitor"), ("EN001", "cell_therapy", "msc"),
    # anti-CTLA-4 and anti-TIGIT antibodies by code (2026.12.256)
    ("ROSE12", "monoclonal_antibody", "checkpoint_inhibitor"),
    ("SEA-TGT", "monoclonal_antibody", "checkpoint_inhibitor"),
    ("Benmelstobart", "monoclonal_antibody", "checkpoint_inhibitor"),
    ("ATL1102 25mg", "oligonucleotide", "antisense"),
    # 2026.12.263 and .264: an antisense morpholino; checkpoint inhibitors by INN and code; an
    # oncolytic Newcastle disease virus; TCR-T codes
    ("RESTEN-MP", "oligonucleotide", "antisense"),
    ("Pucotenlimab", "monoclonal_antibody", "checkpoint_inhibitor"),
    ("SHR-1210", "monoclonal_antibody", "checkpoint_inhibitor"),
    ("CP-675,206", "monoclonal_antibody", "checkpoint_inhibitor"),
    ("MEDI5395", "gene_therapy", "oncolytic_virus"),
    ("KITE-439", "engineered_cell_therapy", "tcr_t"),
    ("TAEST16001", "engineered_cell_therapy", "tcr_t"),
    ("Allogenic CD19 CAR-T cells", "engineered_cell_therapy", "car_t_allogeneic"),
])
def test_the_primary_kind_a_products_code_says(name, modality, kind):
    assert primary_kind(("DRUG", name)) == [(modality, kind)]


@pytest.mark.parametrize("name, expected, main", [
    # NK/T-cell lymphoma regimens count asparaginase, a protein, beside their small molecules
    ("GELOX", {"protein", "small_molecule"}, "protein"),
    ("P-Gemox", {"protein", "small_molecule"}, "protein"),
    ("DDGP", {"protein", "small_molecule"}, "protein"),
    ("Selinexor, anti-PD-1 antibody and P-GemOx",
     {"protein", "small_molecule", "monoclonal_antibody"}, "monoclonal_antibody"),
])
def test_asparaginase_regimens_count_their_protein(name, expected, main):
    placed = classify(("DRUG", name))
    assert {p.modality for p in placed} == expected
    assert [p.modality for p in placed if p.is_primary] == [main]


def test_a_routine_vaccine_beside_another_medicine_measures_the_immune_answer():
    # a tetanus toxoid and a hepatitis B vaccine in an antiretroviral trial measure what the
    # drugs do to the immune system: not counted (2026.12.254)
    hiv = "Effects on the Immune System of Anti-HIV Drugs in Patients Recently Infected With HIV"
    items = (("BIOLOGICAL", "Tetanus Toxoid Vaccine"), ("DRUG", "Efavirenz"),
             ("BIOLOGICAL", "Hepatitis B Vaccine (Recombinant)"), ("DRUG", "Lamivudine"))
    assert {p.modality for p in classify(*items, title=hiv)} == {"small_molecule"}
    # ... unless the title makes vaccination or the vaccine's disease the question
    for title in ("Hepatitis B Vaccination in Patients Receiving Efavirenz",
                  "Immunogenicity of Tetanus Toxoid During Antiretroviral Therapy"):
        assert "vaccine" in {p.modality for p in classify(*items, title=title)}
    # ... or nothing else is tested, or it is no vaccine (hepatitis B immune globulin)
    assert primary(("BIOLOGICAL", "Tetanus Toxoid Vaccine"), title="Study of HIV") == ["vaccine"]
    assert {p.modality for p in classify(("BIOLOGICAL", "Hepatitis B Immune Globulin"),
                                         ("DRUG", "Tenofovir"), title="Liver Transplant")} == {
        "other", "small_molecule"}


def test_conditioning_a_title_calls_lymphodepletion_is_background():
    items = (("BIOLOGICAL", "Autologous BAFFR-targeting CAR T Cells"), ("DRUG", "Fludarabine"),
             ("DRUG", "Cyclophosphamide"))
    # the title names the chemotherapy as the cells' lymphodepletion: background (2026.12.257),
    # as the labels read "in Conjunction With Lymphodepleting Chemotherapy"
    called = ("BAFFR-Based CAR T-Cells With Fludarabine and Cyclophosphamide Lymphodepletion for "
              "Relapsed B-cell Malignancies")
    assert {p.modality for p in classify(*items, title=called)} == {"engineered_cell_therapy"}
    # ... named otherwise, it may be the question, and is counted
    named = "Fludarabine and Cyclophosphamide Followed by BAFFR CAR T-Cells"
    assert {p.modality for p in classify(*items, title=named)} == {
        "engineered_cell_therapy", "small_molecule"}


def test_cpg_1018_named_as_a_vaccines_adjuvant_is_part_of_that_vaccine():
    # Dynavax's CpG 1018 given alone is an oligonucleotide; the adjuvant a vaccine's name says
    # it holds is part of the vaccine (2026.12.261)
    assert primary(("BIOLOGICAL", "CpG1018"), title="TLR9 in Early AD") == ["oligonucleotide"]
    placed = classify(("BIOLOGICAL", "SCB-2019 with CpG 1018 adjuvant plus Alum adjuvant"))
    assert [p.modality for p in placed] == ["vaccine"]


@pytest.mark.parametrize(("title", "expected"), [
    # 2026.12.269: a tumour typed by its lymphocytes is no TIL therapy
    ("RACIN in Patients With Advanced TIL-negative Solid Tumors", ("unclassified", None)),
    ("Lifileucel in TIL-high Melanoma", ("cell_therapy", "til")),
    # H101 by the name China registered it under
    ("Recombinant Human Adenovirus Type 5 in Advanced HCC", ("gene_therapy", "oncolytic_virus")),
    # hyaluronic acid is injected or dropped as a device; what a title says is synthesised is
    # measured, not given
    ("Hyaluronic Acid Gels for Lower Lid Retraction", ("other", None)),
    ("A Study of Oral Hymecromone and Hyaluronan Synthesis", ("small_molecule", None)),
])
def test_what_a_title_alone_says_2026_12_269(title, expected):
    assert primary_kind(title=title) == [expected]


def test_hyaluronic_acid_and_microbotox_are_of_the_kind_they_are_made_of():
    # the DRUG type alone made hyaluronic acid a small molecule; beside a medicine it is counted
    assert primary(("DRUG", "Hyaluronic Acid (HA)")) == ["other"]
    assert {(p.modality, p.is_primary) for p in classify(
        ("DRUG", "3% Diquafosol Sodium Eye Drops"), ("DRUG", "0.1% hyaluronic acid"),
        title="Compare the Clinical Efficacy of 3% Diquafosol and 0.1% Hyaluronic Acid in "
              "Patients with Dry Eye")} == {("small_molecule", True), ("other", False)}
    assert primary(("DRUG", "microbotox")) == ["protein"]
    # what a title says is synthesised is measured, not given
    assert {p.modality for p in classify(
        title="A Study of Oral Hymecromone and Hyaluronan Synthesis")} == {"small_molecule"}


@pytest.mark.parametrize(("title", "expected"), [
    # 2026.12.270: a title that opens with a code no rule knows tests that code, not the
    # setting it names after it ...
    ("BSB-1001 in Patients Undergoing HLA-Matched Allogenic Hematopoietic Stem Cell Transplant "
     "for AML, ALL or MDS", ("unclassified", None)),
    # ... where a marker is no code, and the setting is still read
    ("CD34+ (Malignant) Stem Cell Selection for Patients Receiving Allogenic Stem Cell "
     "Transplant", ("other", None)),
    # codes by INN or publication
    ("JSP191 Antibody Targeting Conditioning in SCID Patients",
     ("monoclonal_antibody", "other_mab")),
    ("NU-0129 in Treating Patients With Recurrent Glioblastoma or Gliosarcoma Undergoing Surgery",
     ("oligonucleotide", "sirna")),
    ("PHA-739358 in Treating Patients With Chronic Myelogenous Leukemia That Relapsed After "
     "Imatinib Mesylate", ("small_molecule", None)),
])
def test_what_a_title_alone_says_2026_12_270(title, expected):
    assert primary_kind(title=title) == [expected]


def test_conditioning_a_title_names_by_another_name_is_counted():
    # aldesleukin kept cells alive, background; the title names it as the question by its
    # other name (2026.12.271), as it would by its own
    items = (("BIOLOGICAL", "aldesleukin"),
             ("BIOLOGICAL", "dendritic cell-gp100-MART-1 antigen vaccine"))
    titled = "Vaccine Therapy With or Without Interleukin-2 in Treating Patients With Melanoma"
    assert {(p.modality, p.is_primary) for p in classify(*items, title=titled)} == {
        ("cell_therapy", True), ("protein", False)}
    assert {p.modality for p in classify(*items, title="Dendritic Cell Vaccine in Melanoma")} == {
        "cell_therapy"}


def test_products_and_controls_of_2026_12_272():
    # Syntocinon is oxytocin, a peptide; an "inactive nasal spray" is its placebo
    assert {p.modality for p in classify(("DRUG", "Syntocinon®"),
                                         ("DRUG", "inactive nasal spray"))} == {"peptide"}
    # HRS-4642, a KRAS G12D inhibitor, beside an antibody-drug conjugate in one name
    assert {(p.modality, p.is_primary) for p in classify(("DRUG", "SHR-A2102+HRS-4642"))} == {
        ("antibody_drug_conjugate", True), ("small_molecule", False)}


def test_untyped_plain_names_no_rule_reads_are_no_medicine():
    # a flat export lists names without types: plain words no medicine rule reads are what
    # the registry types behavioural, device or procedure elsewhere (2026.12.273) ...
    placed = classify((None, "WhatsApp group"), (None, "Control group"), study_type=None,
                      title="A Study in Adolescents")
    assert [(p.modality, p.rule) for p in placed] == [("other", "untyped names")]
    assert "'WhatsApp group'" in placed[0].evidence
    # ... but a code, however short, is a medicine nobody described
    for name in ("ZZSW-01 injection", "CCTx-001", "AMO-01"):
        assert primary((None, name), study_type=None, title="A Study in Lymphoma") == [
            "unclassified"], name
    # ... and a typed name keeps its type's reading
    assert primary(("DRUG", "Trimix"), title="Erectile Dysfunction") == ["small_molecule"]


@pytest.mark.parametrize(("name", "expected"), [
    # 2026.12.273: codes flat records list bare, by company pipelines
    ("SRSD107", ("oligonucleotide", "sirna")),
    ("ADX-038 Dose Level 2", ("oligonucleotide", "sirna")),
    ("CMP-CPS-001", ("oligonucleotide", "antisense")),
    ("NIO752", ("oligonucleotide", "antisense")),
    ("TSRA-196", ("gene_editing", None)),
    ("LNP.UCD.ABE", ("gene_editing", "in_vivo_editing")),
    ("CSL889", ("protein", None)),
    ("AB011 Injection", ("monoclonal_antibody", "other_mab")),
    ("EndoBarrier", ("other", None)),
])
def test_codes_flat_records_list_bare_2026_12_273(name, expected):
    assert primary_kind((None, name), study_type=None) == [expected]


@pytest.mark.parametrize(("items", "expected"), [
    # 2026.12.274: codes by company pipeline, untyped as flat records list them
    (((None, "EVM14"), (None, "Pembrolizumab")), ("mrna", "mrna_cancer")),
    (((None, "CRS-207"), (None, "Epacadostat"), (None, "Pembrolizumab")),
     ("vaccine", "cancer_vaccine")),
    (((None, "NNZ-2591"), (None, "Placebo")), ("small_molecule", None)),
    (((None, "TRU-015"),), ("monoclonal_antibody", "other_mab")),
])
def test_codes_flat_records_list_bare_2026_12_274(items, expected):
    assert primary_kind(*items, study_type=None, title="A Study in Solid Tumors") == [expected]


def test_pbo_is_a_placebo():
    # the protein beside it is all that is given, and it is primary (2026.12.274)
    placed = classify(("DRUG", "THOR-707"), ("DRUG", "PBO"), study_type=None,
                      title="A Study in Solid Tumors")
    assert [(p.modality, p.submodality, p.is_primary) for p in placed] == [
        ("protein", None, True)]


@pytest.mark.parametrize(("items", "expected"), [
    # 2026.12.275: codes by INN or pipeline, from samples of records without a study type
    ((("DRUG", "AMG 102 and erlotinib"),), "monoclonal_antibody"),  # rilotumumab
    ((("DRUG", "Radspherin"),), "radiopharmaceutical"),  # radium-224 microparticles
    ((("DRUG", "ZG006"), ("DRUG", "Topotecan")), "bispecific_antibody"),  # alveltamig
    ((("DRUG", "CX-188"),), "monoclonal_antibody"),
    (((None, "GT719 Injection"),), "engineered_cell_therapy"),  # CD19-targeted iNKT cells
])
def test_codes_of_2026_12_275(items, expected):
    assert primary(*items, study_type=None) == [expected]


def test_a_fusion_protein_beside_a_checkpoint_antibody_is_counted():
    placed = classify(("DRUG", "DSP107 + Atezolizumab"), study_type=None)
    assert {(p.modality, p.is_primary) for p in placed} == {("monoclonal_antibody", True),
                                                            ("protein", False)}


def test_a_tracer_the_title_spells_with_a_hyphen_is_an_assessment():
    # "MK 6240" listed, "[18F]MK-6240" titled: the isotope makes it the imaging agent
    # (2026.12.276), however its parts are joined
    title = "Study of Tau Imaging With the Use of [18F]MK-6240 Tracer"
    assert primary(("DRUG", "MK 6240"), title=title) == ["other"]
    assert primary(("DRUG", "MK6240"), title=title) == ["other"]
    # ... and without an isotope beside it, a listed code is still the medicine
    assert primary(("DRUG", "MK 6240"), title="MK-6240 in Alzheimer's Disease") == [
        "small_molecule"]


@pytest.mark.parametrize(("name", "expected"), [
    # 2026.12.276: codes the DRUG type alone had made small molecules
    ("GSK1358820", ("protein", None)),  # botulinum toxin type A
    ("JR-171", ("protein", None)),  # lepunafusp alfa
    ("MK-8237", ("vaccine", "allergen_immunotherapy")),  # house dust mite tablet
    ("IMM0306", ("bispecific_antibody", None)),  # anti-CD20 x SIRPalpha
])
def test_codes_the_drug_type_misread_2026_12_276(name, expected):
    assert primary_kind(("DRUG", name)) == [expected]


def test_a_company_prefix_outweighs_the_salt_of_a_misspelt_code():
    # Sylentis's SYL codes are siRNAs, "SYL18001 sodium" too (its record's own misspelling of
    # SYL1801); Chiron's Env 2-3 is an HIV vaccine (2026.12.277)
    assert [(p.modality, p.submodality) for p in classify(
        (None, "SYL18001 sodium Low dose q.d"), study_type=None)] == [("oligonucleotide", "sirna")]
    assert primary(("BIOLOGICAL", "MTP-PE/MF59"), ("BIOLOGICAL", "Env 2-3"),
                   title="A Trial of ENV 2-3 in HIV-uninfected Adults") == ["vaccine"]


def test_codes_of_2026_12_278():
    # a PSMA therapy and its tracer by their codes; PDGF-BB by NeuroNova's code; carotenoids
    # taken as a supplement
    placed = classify(("DRUG", "CTT1403"), ("DRUG", "CTT1057"), ("DRUG", "68Ga-PSMA-11"),
                      study_type=None)
    assert {(p.modality, p.is_primary) for p in placed} == {("radiopharmaceutical", True),
                                                            ("other", False)}
    assert primary(("DRUG", "sNN0031"), ("DRUG", "Placebo")) == ["protein"]
    assert primary(("DRUG", "mixed carotenoids")) == ["other"]


def test_codes_of_2026_12_280():
    # Lundbeck's anti-PACAP antibody, Biogen's anti-Cripto ADC, Aveta's botanical drug
    assert primary(("DRUG", "Lu AG09222"), ("DRUG", "Placebo")) == ["monoclonal_antibody"]
    assert primary(("DRUG", "BIIB015")) == ["antibody_drug_conjugate"]
    assert primary(("DRUG", "APG-157")) == ["other"]
    # Novo Nordisk's FVIIIa-mimetic bispecific, Seikagaku's chondroitinase, two antibodies by
    # code, supplements by brand
    assert primary(("DRUG", "Mim8 B, 10 mg/mL"), ("DRUG", "Mim8 B, placebo")) == [
        "bispecific_antibody"]
    assert primary(("DRUG", "SI-6603"), ("DRUG", "Sham injection")) == ["protein"]
    assert primary(("DRUG", "LY3454738")) == primary(("DRUG", "Part 1: CNTO 7160")) == [
        "monoclonal_antibody"]
    assert primary(("DRUG", "Juven"), ("DRUG", "Centrum Silver 50+")) == ["other"]


def test_a_code_named_as_an_antibody_is_one():
    # 2026.12.281: "3BNC117 Antibody" beside albuvirtide (a peptide) is the antibody it says
    assert primary(("DRUG", "Albuvirtide"), ("DRUG", "3BNC117 Antibody")) == [
        "monoclonal_antibody"]
    assert primary(("DRUG", "VRC01 antibodies")) == ["monoclonal_antibody"]
    # not a virus, a target or a class, nor what is measured
    for name in ("COVID-19 antibody", "CD45 antibodies", "IgA1 antibody", "VRC01 antibody titers"):
        assert "monoclonal_antibody" not in {p.modality for p in classify(("DRUG", name))}, name
    assert primary(("DRUG", "GZR4 Injection")) == ["protein"]  # Gan & Lee's weekly insulin


def test_codes_of_2026_12_284():
    # Magenta's mobilising chemokine (a protein beside plerixafor) and its expanded cord blood
    assert primary((None, "MGTA-145"), (None, "Plerixafor"), study_type=None) == ["protein"]
    assert [(p.modality, p.submodality) for p in classify(
        ("DRUG", "Fludarabine (FLU)"), ("DRUG", "MGTA 456 Infusion")) if p.is_primary] == [
        ("cell_therapy", "stem_progenitor")]


def test_codes_of_2026_12_286():
    # biologics' development codes a DRUG type once made small molecules, by their developers'
    # publications: an antibody, a T-cell engager, an ADC, a pegylated IL-2, a peptide, an
    # antisense, an AAV
    assert primary(("DRUG", "Part A: 100 mg/mL GSK2618960")) == ["monoclonal_antibody"]
    assert primary(("DRUG", "AMG 910")) == ["bispecific_antibody"]
    assert primary(("DRUG", "SGN-35"), ("DRUG", "gemcitabine")) == ["antibody_drug_conjugate"]
    assert primary(("DRUG", "LY3471851"), ("DRUG", "Placebo")) == ["protein"]
    assert primary(("DRUG", "LY3437943"), ("DRUG", "Dulaglutide")) == ["peptide"]
    # ("MG 98" alone reads as a dose; the title writes the code whole)
    assert primary_kind(("DRUG", "MG 98"), title="MG98 in Treating Patients With Advanced "
                        "Solid Tumors") == [("oligonucleotide", "antisense")]
    assert primary_kind(("DRUG", "VG901")) == [("gene_therapy", "aav")]
    # a title-only record writes the lipid and the plasmid apart
    assert primary_kind(title="Phase I Study of IV DOTAP: Cholesterol-Fus1 in Non-Small-Cell "
                        "Lung Cancer") == [("gene_therapy", "non_viral")]
    # a T-cell engager written with a hyphen, explained beside its code in the title
    assert primary(("DRUG", "AZD5492"), title="A Study of AZD5492, a T Cell-engaging Antibody "
                   "Targeting CD20 in Subjects With R/R B-Cell Malignancies.") == [
        "bispecific_antibody"]
    assert primary(("BIOLOGICAL", "NK cell-engager ABC123")) == ["bispecific_antibody"]
    assert primary(("BIOLOGICAL", "Expanded NK cells")) == ["cell_therapy"]


def test_costimulated_t_cells_and_an_observation_arm():
    # 2026.12.287: T cells "costimulated" ex vivo are expanded cells, as "stimulated" ones are;
    # an arm of observation, however the registrant labels it, is the control
    placed = classify(("BIOLOGICAL", "Ex Vivo CD3/CD28 costimulated Umbilical Cord Blood T cells"),
                      ("OTHER", "Observation Arm"))
    assert [(p.modality, p.is_primary) for p in placed] == [("cell_therapy", True)]
    assert C.is_control("Clinical observation") and C.is_control("Observation group")
    assert not C.is_control("Observation of wound healing with honey dressing")


def test_an_invitation_to_a_vaccine_and_the_answer_to_one_are_no_vaccine():
    # 2026.12.288: an invitation or nudge to get vaccinated is a programme; the response to a
    # vaccine is what is measured
    assert primary(("OTHER", "Invitation to get a 2nd booster dose of COVID-19 vaccine")) == [
        "other"]
    assert primary(("DIETARY_SUPPLEMENT", "Probiotic effect on influenza vaccine response")) == [
        "other"]
    # ... the vaccine itself, listed, is still a vaccine
    assert primary(("BIOLOGICAL", "Influenza vaccine"),
                   ("BEHAVIORAL", "Text message nudge to get the influenza vaccine")) == [
        "vaccine"]


def test_oligonucleotide_kinds_of_2026_12_289():
    # kinds by developers' descriptions: Wave's exon skippers are splice-switching antisense,
    # Silence's SLN codes and Quark's QPI-1007 siRNAs; an "mRNA antagonist" is an antisense
    assert primary_kind(("DRUG", "WVE-N531")) == [("oligonucleotide", "antisense")]
    assert primary_kind(("DRUG", "SLN124")) == [("oligonucleotide", "sirna")]
    assert primary_kind(("DRUG", "QPI-1007 at various doses")) == [("oligonucleotide", "sirna")]
    assert primary_kind(title="A Study of Hypoxia-inducible Factor 1a (HIF1A) Messenger "
                        "Ribonucleic Acid (mRNA) Antagonist in Liver Cancer") == [
        ("oligonucleotide", "antisense")]
    # ... and an aptamer stays among the other oligonucleotides
    assert primary_kind(("DRUG", "Avacincaptad Pegol")) == [("oligonucleotide", "other_oligo")]


def test_gene_modified_lymphocytes_are_not_stem_cells():
    # 2026.12.290: the stem-cell words of a text that says lymphocytes are modified name the
    # setting or a marker, not the cells given
    assert primary_kind(("GENETIC", "CD34-TK75 transduced donor lymphocytes")) == [
        ("gene_therapy", "ex_vivo_other_cells")]
    assert primary_kind(title="Suicide Gene Therapy for Donor Lymphocytes Infusion After "
                        "Allogeneic Hematopoietic Stem Cell Transplantation") == [
        ("gene_therapy", "ex_vivo_other_cells")]
    assert primary_kind(("GENETIC", "Autologous CD34+ cells transduced with a lentiviral vector")
                        ) == [("gene_therapy", "ex_vivo_stem_cell")]


def test_immune_cell_products_named_by_their_source_are_immune_cells():
    # 2026.12.291: cord blood or blood mononuclear cells named as adoptive immunotherapy, as
    # memory T cells (CD45RA-depleted), veto cells or peptide-coupled cells are immune cells
    assert primary_kind(title="Adoptive Cord Blood Immunotherapy for EBV, CMV, BKV and "
                        "Adenovirus Infection") == [("cell_therapy", "immune_cells")]
    assert primary_kind(("BIOLOGICAL", "CD45RA-depleted peripheral blood mononuclear cells")
                        ) == [("cell_therapy", "immune_cells")]
    assert primary_kind(("BIOLOGICAL", "Autologous bone marrow mononuclear cells")) == [
        ("cell_therapy", "stem_progenitor")]


def test_a_toxin_fused_to_a_receptor_or_cytokine_is_a_protein():
    # 2026.12.283: the conjugates' toxin stem in a -cept or -kin INN carries no antibody
    assert primary(("DRUG", "Alvircept sudotox"), ("DRUG", "Zidovudine")) == ["protein"]
    assert primary(("DRUG", "cintredekin besudotox")) == ["protein"]
    assert primary(("DRUG", "moxetumomab pasudotox")) == ["antibody_drug_conjugate"]


def test_codes_of_2026_12_282():
    # records that list nothing, placed from their titles' codes (company pipelines)
    def title_only(title):
        return [(p.modality, p.submodality) for p in classify(title=title) if p.is_primary]
    assert title_only("Dose-escalation Study of Safety of PBCAR19B in Participants With "
                      "CD19-expressing Malignancies") == [
        ("engineered_cell_therapy", "car_t_allogeneic")]
    assert title_only("Study of AVI-4065 in Healthy Volunteers and Chronic Active HCV "
                      "Patients") == [("oligonucleotide", "antisense")]
    assert title_only("Safety Study of CALAA-01 to Treat Solid Tumor Cancers") == [
        ("oligonucleotide", "sirna")]
    assert title_only("ACE1702 in Subjects With Advanced HER2-expressing Solid Tumors") == [
        ("cell_therapy", "immune_cells")]
    assert title_only("GT101 Injection for the Treatment of Metastatic Solid Tumors") == [
        ("cell_therapy", "til")]
    # the product's kind, though the title names HIV, an infection
    assert title_only("SGN-00101 in Preventing Anal Cancer in Patients With HIV") == [
        ("vaccine", "cancer_vaccine")]


@pytest.mark.parametrize("items, title, expected", [
    # the title's phrase names the procedure by fewer words than the record does
    ((("DRUG", "Valacyclovir"), ("PROCEDURE", "Peripheral Blood Stem Cell Transplantation")),
     "Valacyclovir in Preventing Cytomegalovirus Infection in Patients With Lymphoma "
     "Undergoing Stem Cell Transplant", {"small_molecule"}),
    # ... unless the record lists the transplant's conditioning: the trial gives the transplant
    ((("DRUG", "Olaparib"), ("DRUG", "Busulfan"),
      ("PROCEDURE", "Peripheral Blood Stem Cell Transplantation")),
     "Olaparib and High-Dose Chemotherapy in Treating Patients With Relapsed or Refractory "
     "Lymphomas Undergoing Stem Cell Transplant", {"small_molecule", "other"}),
    ((("DRUG", "sorafenib"), ("PROCEDURE", "therapeutic conventional surgery")),
     "Sorafenib in Treating Patients Who Are Undergoing Surgery for Metastatic Kidney Cancer",
     {"small_molecule"}),
    # ... and a longer phrase, to the word that ends it ("for")
    ((("DRUG", "methotrexate"), ("DRUG", "cyclosporine"),
      ("PROCEDURE", "allogeneic bone marrow transplantation")),
     "Graft-Versus-Host Disease Prevention in Treating Patients Who Are Undergoing Bone "
     "Marrow Transplantation", {"small_molecule"}),
    # a procedure the brief title names as part of the treatment is tested as well as undergone
    ((("DRUG", "busulfan"), ("DRUG", "cyclophosphamide"),
      ("PROCEDURE", "allogeneic bone marrow transplantation")),
     "Combination Chemotherapy and Bone Marrow Transplantation in Treating Patients With "
     "Leukemia | Busulfan and Cyclophosphamide for Patients Undergoing Allogeneic Bone Marrow "
     "Transplantation", {"small_molecule", "other"}),
    # "radiation" is no "radi-otherapy": a name's ending is trimmed only from -nt-ation words
    ((("DRUG", "Olaparib"), ("RADIATION", "Radiation")),
     "Olaparib Dose Escalating Trial + Concurrent RT | Olaparib in Patients Treated With "
     "Radiotherapy", {"small_molecule", "other"}),
])
def test_a_procedure_the_title_says_participants_undergo_is_their_setting(items, title,
                                                                           expected):
    assert {p.modality for p in classify(*items, title=title)} == expected


@pytest.mark.parametrize("name, expected", [
    # an abbreviation in a medicine's parentheses that spells a tracer ("PiB")
    ("glecaprevir/pibrentasvir (GLE/PIB)", "small_molecule"),
    # microneedles deliver a medicine: no microarray
    ("Micro needle array-Doxorubicin (MNA-D)", "small_molecule"),
    # an assessment that guides the treatment the name gives
    ("genotyping guided therapy Ticagrelor, Clopidogrel", "small_molecule"),
    # ... but a tracer in a code's parentheses is still a tracer, and a tracer alone is assessed
    ("GSK26346763: ([18F]-FBA-A20FMDV2) IV infusion", "other"),
    ("FDG PET (fluorodeoxyglucose)", "other"),
])
def test_what_a_medicines_name_adds_is_no_assessment(name, expected):
    (p,) = [p for p in classify(("DRUG", name)) if p.is_primary]
    assert p.modality == expected
    if expected == "other":
        assert p.rule == "assessment only"


@pytest.mark.parametrize("item, title, expected", [
    # a name read only by its dosage form takes the kind its title names, as a bare code does
    (("DRUG", "LP GMNL-133 capsule"), "Probiotics and Allergic Diseases", "other"),
    (("DRUG", "95% Pure ECGC capsules 200mg"),
     "Safety and Brain Protection Effects of the Green Tea Extract Theaphenon 95% (95% Pure "
     "EGCG) in Multiple Sclerosis", "other"),
    (("DRUG", "Flos gossypii flavonoids tablet"),
     "Efficacy and Safety of Flos Gossypii Flavonoids Tablet in Alzheimer's Disease", "other"),
    # ... or, typed as no medicine, what its type says
    (("OTHER", "Sugar support effervescent Tablets"), "Sugar Support in Type-2 Diabetes", "other"),
    (("BEHAVIORAL", "use of digital tablet"), "A Digital Application", "other"),
    # a code's tablets stay a medicine, the food of a food-effect study no supplement
    (("DRUG", "XNW5004 tablets"), "To Evaluate XNW5004 Tablets in Patients with Relapsed or "
     "Refractory Peripheral T Cell Lymphoma", "small_molecule"),
    (("DRUG", "SY-5007 Tablets"), "A Study to Evaluate the Food Effects on Pharmacokinetics of "
     "SY-5007 Tablets in Healthy Subjects", "small_molecule"),
])
def test_a_dosage_form_alone_says_no_more_than_the_type(item, title, expected):
    assert primary(item, title=title) == [expected]


@pytest.mark.parametrize("title, expected", [
    # a medicine its description says is given as standard care is the setting of what the
    # title names
    ("Episcleral Brachytherapy for the Treatment of Wet AMD", ["other"]),
    # ... unless the title names it too
    ("Episcleral Brachytherapy With Anti-VEGF for Wet AMD", ["monoclonal_antibody"]),
])
def test_a_medicine_described_as_standard_care_is_the_setting(title, expected):
    items = (Intervention(0, "RADIATION", "episcleral brachytherapy"),
             Intervention(1, "DRUG", "Anti-VEGF",
                          description="Administered PRN as Standard of Care"))
    placed = C.classify(Trial("NCT00000001", brief_title=title, study_type="INTERVENTIONAL",
                              interventions=items))
    assert [p.modality for p in placed if p.is_primary] == expected


@pytest.mark.parametrize("items, title, expected", [
    # radiotherapy the title names alone, in a record without arms, is what is tested: the
    # chemotherapy listed beside it is what it is given with
    ((("RADIATION", "Stereotactic Body Radiation Therapy (SBRT)"),
      ("DRUG", "cisplatin or carboplatin-based")),
     "Stereotactic Body Radiation Therapy for Inoperable Locally-advanced Non-small Cell Lung "
     "Cancer", ["other"]),
    # ... not when the title adds a medicine to it, by its class
    ((("RADIATION", "Radiotherapy"), ("DRUG", "Leuprorelin")),
     "Androgen Deprivation Therapy for Oligo-recurrent Prostate Cancer in Addition to "
     "radioTherapy", ["peptide"]),
])
def test_medicines_around_titled_radiotherapy(items, title, expected):
    assert primary(*items, title=title) == expected


@pytest.mark.parametrize("name, expected", [
    # what blocks a cytokine names the cytokine as its target, however it abbreviates it
    ("Interleukin 6 (IL6) Antagonist", "monoclonal_antibody"),
    ("Recombinant Interleukin-12", "protein"),
])
def test_a_cytokines_antagonist_is_no_cytokine(name, expected):
    assert primary(("DRUG", name)) == [expected]


@pytest.mark.parametrize("items, title, expected", [
    # cord blood given as a therapy of its own is a cell therapy (no transplant is so called)
    ((("PROCEDURE", "Umbilical Cord Blood therapy"), ("BIOLOGICAL", "Erythropoietin alfa")),
     "Allogeneic UCB Therapy With EPO in Children With CP", ["cell_therapy"]),
    ((("BIOLOGICAL", "Autologous Cord Blood Infusion"),),
     "Safety of Autologous Human Umbilical Cord Blood Treatment for Perinatal Arterial Ischemic "
     "Stroke", ["cell_therapy"]),
    # ... while a cord blood transplant's unit stays the transplant
    ((("DRUG", "Fludarabine"), ("BIOLOGICAL", "Umbilical cord blood"), ("RADIATION", "TBI")),
     "UCB Transplant for Hematological Diseases Using a Non Myeloablative Prep",
     ["small_molecule"]),
])
def test_cord_blood_given_as_a_therapy(items, title, expected):
    assert primary(*items, title=title) == expected


def test_marihuana_however_spelt_is_a_botanical():
    assert primary(("DRUG", "High THC/No CBD Marihuana")) == ["other"]
    assert primary(("DRUG", "Smoked marijuana cigarettes")) == ["other"]


def test_a_flat_records_sirna_code_by_its_developers_description():
    # 2026.12.297: BMT101 (OliX's OLX101A licensed to Hugel), listed untyped by flat records
    assert primary_kind((None, "BMT101")) == [("oligonucleotide", "sirna")]


@pytest.mark.parametrize("title, expected", [
    # a development code's cell injection, as a title names it, is a cell product
    ("An Evaluation of LY007 Cell Injection for r/r B-NHL", ["cell_therapy"]),
    ("QH103 Cell Injection for the Treatment of Relapsed/Refractory B-cell Acute Lymphoblastic "
     "Leukemia", ["cell_therapy"]),
    # TCR-T cells in the plural abbreviation
    ("Phase 1 Study to Investigate TCRTs KRAS Mutation in Unresectable, Advanced, and/or "
     "Metastatic Solid Tumors", ["engineered_cell_therapy"]),
    # exendin 9-39 (avexitide) and exendin-4 (exenatide) are peptides
    ("Evaluation of Single Ascending Doses of Subcutaneous Exendin 9-39 in Patients With "
     "Post-Bariatric Hypoglycemia", ["peptide"]),
])
def test_titles_naming_coded_cell_injections_and_peptides(title, expected):
    assert primary(title=title) == expected


def test_a_markers_cells_are_no_coded_cell_product():
    assert primary(("OTHER", "CD4 cell count")) == ["other"]


def test_a_medical_food_titled_alone_is_other():
    # 2026.12.299: a medical food is a food (LABELING.md: supplements and nutrition are other)
    assert primary(title="Evaluating an Amino Acid Based Medical Food w/ Diarrhea in "
                         "Carcinoid Syndrome") == ["other"]


@pytest.mark.parametrize("title, expected", [
    # a recombinant vaccinia virus given for a tumour is the oncolytic virus it is (JX-594)
    ("A Study of Recombinant Vaccinia Virus to Treat Unresectable Primary Hepatocellular "
     "Carcinoma", [("gene_therapy", "oncolytic_virus")]),
    # ... and one given as "active specific immunotherapy", a cancer vaccine's older name
    ("Active Specific Intranodal Immunotherapy of Recombinant Vaccinia Virus in Locally Advanced "
     "to Metastatic Melanoma", [("vaccine", "cancer_vaccine")]),
])
def test_a_recombinant_vaccinia_virus_is_oncolytic_unless_a_vaccine(title, expected):
    assert primary_kind(title=title) == expected


@pytest.mark.parametrize("name", ["AFFITOPE AD02", "UB-311", "ABvac40"])
def test_vaccines_against_the_bodys_own_proteins_carry_their_kind(name):
    # 2026.12.301: their titles often name neither the disease nor a protein
    assert primary_kind(("BIOLOGICAL", name), title=f"Long-term Safety of {name}") == [
        ("vaccine", "disease_protein_vaccine")]
