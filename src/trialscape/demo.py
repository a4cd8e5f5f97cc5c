"""A fictional registry, shaped like API v2 records, so the dashboard runs with no network.

Names are plainly invented (sponsors such as "Demo Bioworks", products built from made-up
syllables plus real INN stems) so nobody mistakes the demo for real data, while the shapes
(status, phase, sponsor class, conditions, countries, interventions of every modality, dates,
sizes) follow the real registry closely enough for the charts and benchmarks to mean something.
The records go through the same import path as real ones.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

SYLLABLES = ("zor", "vel", "tam", "qui", "ber", "nax", "lio", "pra", "dor", "mex", "sul", "fen",
             "ari", "tox", "ulo", "ven", "rix", "cal", "mor", "tin", "obe", "ras", "kel", "yan")

# (modality, intervention type, name template, other names, description, weight)
PRODUCTS: tuple[tuple[str, str, str, str, float], ...] = (
    ("small_molecule", "DRUG", "{w}tinib", "Oral kinase inhibitor tablet, once daily.", 30),
    ("small_molecule", "DRUG", "{w}prazole", "Capsule taken by mouth.", 8),
    ("monoclonal_antibody", "BIOLOGICAL", "{w}lizumab", "Humanised monoclonal antibody, IV.", 12),
    ("bispecific_antibody", "BIOLOGICAL", "{w}tamig", "Bispecific T-cell engager (CD3 x target).",
     3),
    ("antibody_drug_conjugate", "DRUG", "{w}zumab vedotin", "Antibody-drug conjugate.", 3),
    ("gene_therapy", "GENETIC", "AAV9-{W} gene transfer",
     "Adeno-associated virus vector, one dose.", 2.5),
    ("gene_therapy", "GENETIC", "{w}repvec oncolytic virus", "Oncolytic herpes simplex virus.", 1),
    ("gene_editing", "GENETIC", "CRISPR-edited {W}-cel", "Ex vivo CRISPR/Cas9-edited CD34+ cells.",
     0.8),
    ("engineered_cell_therapy", "BIOLOGICAL", "{W}-19 CAR-T cells",
     "Autologous CD19-directed chimeric antigen receptor T cells.", 4),
    ("cell_therapy", "BIOLOGICAL", "{W} mesenchymal stromal cells",
     "Allogeneic bone-marrow derived MSCs, 1x10^6 cells/kg.", 3),
    ("mrna", "BIOLOGICAL", "mRNA-{n} vaccine", "Lipid nanoparticle-encapsulated mRNA.", 2.5),
    ("oligonucleotide", "DRUG", "{w}siran", "GalNAc-conjugated small interfering RNA.", 2),
    ("radiopharmaceutical", "DRUG", "177Lu-{W}-{n}", "Lutetium-177 labelled radioligand.", 1.2),
    ("vaccine", "BIOLOGICAL", "{W} adjuvanted influenza vaccine", "Quadrivalent subunit vaccine.",
     5),
    ("peptide", "DRUG", "{w}glutide", "Once-weekly GLP-1 receptor agonist peptide.", 3),
    ("protein", "BIOLOGICAL", "{w}cept", "Fc-fusion protein.", 3),
    ("other", "BEHAVIORAL", "{W} coaching programme", "Weekly sessions with a coach.", 14),
    ("other", "DEVICE", "{W} wearable monitor", "A wrist-worn sensor.", 8),
    ("other", "PROCEDURE", "{W} surgical technique", "A modified surgical approach.", 7),
)

CONDITIONS = (
    ("Breast Cancer", "Neoplasms"), ("Non-small Cell Lung Cancer", "Neoplasms"),
    ("Diffuse Large B-Cell Lymphoma", "Neoplasms"), ("Multiple Myeloma", "Neoplasms"),
    ("Acute Myeloid Leukemia", "Neoplasms"), ("Glioblastoma", "Neoplasms"),
    ("Prostate Cancer", "Neoplasms"), ("Type 2 Diabetes", "Nutritional and Metabolic Diseases"),
    ("Obesity", "Nutritional and Metabolic Diseases"),
    ("Alzheimer Disease", "Nervous System Diseases"),
    ("Parkinson Disease", "Nervous System Diseases"),
    ("Spinal Muscular Atrophy", "Nervous System Diseases"),
    ("Duchenne Muscular Dystrophy", "Musculoskeletal Diseases"), ("Hemophilia A",
                                                                  "Hemic and Lymphatic Diseases"),
    ("Sickle Cell Disease", "Hemic and Lymphatic Diseases"), ("COVID-19", "Infections"),
    ("Influenza", "Infections"), ("HIV Infections", "Infections"),
    ("Rheumatoid Arthritis", "Immune System Diseases"), ("Psoriasis",
                                                        "Skin and Connective Tissue Diseases"),
    ("Asthma", "Respiratory Tract Diseases"), ("Heart Failure", "Cardiovascular Diseases"),
    ("Hypertension", "Cardiovascular Diseases"), ("Major Depressive Disorder", "Mental Disorders"),
    ("Retinitis Pigmentosa", "Eye Diseases"), ("Chronic Kidney Disease", "Urogenital Diseases"),
    ("Healthy Volunteers", None),
)
COUNTRIES = (("United States", 40), ("China", 9), ("France", 5), ("Germany", 5),
             ("United Kingdom", 5), ("Canada", 4), ("Spain", 4), ("Italy", 4), ("Japan", 3),
             ("South Korea", 3), ("Korea, Republic of", 1), ("Australia", 3), ("Brazil", 2),
             ("Turkey", 1), ("Türkiye", 1), ("Netherlands", 2), ("Belgium", 2), ("Poland", 2),
             ("India", 2), ("Egypt", 1), ("Israel", 1), ("Denmark", 1), ("Switzerland", 1))
# Rough centres of each demo country, jittered per site, so the demo map has points.
CENTRES = {"United States": (39.0, -97.0), "China": (33.0, 110.0), "France": (46.5, 2.5),
           "Germany": (51.0, 10.0), "United Kingdom": (53.0, -1.5), "Canada": (50.0, -97.0),
           "Spain": (40.0, -3.7), "Italy": (42.8, 12.5), "Japan": (36.0, 138.0),
           "South Korea": (36.5, 127.8), "Korea, Republic of": (36.5, 127.8),
           "Australia": (-33.0, 147.0), "Brazil": (-15.0, -47.0), "Turkey": (39.5, 32.8),
           "Türkiye": (39.5, 32.8), "Netherlands": (52.2, 5.3), "Belgium": (50.6, 4.5),
           "Poland": (52.0, 19.4), "India": (22.0, 79.0), "Egypt": (30.0, 31.2),
           "Israel": (31.5, 34.9), "Denmark": (55.8, 10.5), "Switzerland": (46.8, 8.2)}
STATUSES = (("COMPLETED", 56), ("UNKNOWN", 16), ("RECRUITING", 10), ("TERMINATED", 5.5),
            ("ACTIVE_NOT_RECRUITING", 4), ("NOT_YET_RECRUITING", 3.5), ("WITHDRAWN", 2.8),
            ("ENROLLING_BY_INVITATION", 1), ("SUSPENDED", 0.3))
PHASES = ((["NA"], 31), (["PHASE2"], 17), (["PHASE1"], 12), (["PHASE3"], 11), (["PHASE4"], 12),
          (["PHASE1", "PHASE2"], 4), (["PHASE2", "PHASE3"], 2), (["EARLY_PHASE1"], 2))
CLASSES = (("OTHER", 58), ("INDUSTRY", 34), ("OTHER_GOV", 3), ("NIH", 2), ("FED", 1),
           ("NETWORK", 1), ("INDIV", 0.5))
SPONSOR_WORDS = ("Demo", "Fictional", "Imaginary", "Example", "Sample", "Placeholder")
SPONSOR_KINDS = {"INDUSTRY": ("Bioworks", "Therapeutics", "Pharma Ltd", "Biologics Inc."),
                 "OTHER": ("University Hospital", "Medical Center", "Research Institute"),
                 "OTHER_GOV": ("National Health Agency",), "NIH": ("Institute of Health",),
                 "FED": ("Federal Health Service",), "NETWORK": ("Trials Network",),
                 "INDIV": ("Investigator",)}
WHY_STOPPED = ("Sponsor decision", "Slow enrolment", "Lack of efficacy at interim analysis",
               "Funding ended", "Safety signal under review")


def _pick(rng: random.Random, weighted: tuple[tuple[Any, float], ...]) -> Any:
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(2))


def _date(d: date, precision_day: bool) -> str:
    return d.isoformat() if precision_day else d.isoformat()[:7]


def demo_study(i: int, rng: random.Random, today: date) -> dict[str, Any]:
    """One fictional study object in the API v2 shape."""
    nct_id = f"NCT9{i:07d}"
    study_type = _pick(rng, (("INTERVENTIONAL", 77), ("OBSERVATIONAL", 22),
                             ("EXPANDED_ACCESS", 1)))
    # Starts skew recent, like the registry's growth.
    start = today - timedelta(days=int(365 * 27 * rng.random() ** 1.6)) + timedelta(days=400)
    status = _pick(rng, STATUSES) if start < today else "NOT_YET_RECRUITING"
    duration = timedelta(days=rng.randint(120, 2400))
    # Nothing is posted after the demo's data date, even for trials that start later.
    first_posted = min(today, start - timedelta(days=rng.randint(0, 120)))
    last_update = min(today, first_posted + timedelta(days=rng.randint(0, 3000)))
    sponsor_class = _pick(rng, CLASSES)
    kind = rng.choice(SPONSOR_KINDS[sponsor_class])
    sponsor = f"{rng.choice(SPONSOR_WORDS)} {_word(rng).title()} {kind}"
    n_cond = rng.choice((1, 1, 1, 2, 2, 3))
    conds = rng.sample(CONDITIONS, n_cond)
    products = []
    if study_type != "OBSERVATIONAL" or rng.random() < 0.3:
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
            _modality, itype, template, desc, _w = rng.choices(
                PRODUCTS, weights=[p[4] for p in PRODUCTS])[0]
            w = _word(rng)
            name = template.format(w=w, W=w.upper()[:4], n=rng.randint(1000, 9999))
            products.append({"type": itype, "name": name, "description": desc,
                             "armGroupLabels": ["Experimental arm"]})
    arms = [{"label": "Experimental arm", "type": "EXPERIMENTAL",
             "interventionNames": [f"{str(p['type']).title()}: {p['name']}" for p in products]}]
    if products and rng.random() < 0.3:
        products.append({"type": "DRUG", "name": "Placebo", "armGroupLabels": ["Placebo arm"]})
        arms.append({"label": "Placebo arm", "type": "PLACEBO_COMPARATOR",
                     "interventionNames": ["Drug: Placebo"]})
    n_sites = min(int(rng.paretovariate(1.3)) - 1, 200)
    locations = []
    for _ in range(n_sites):
        country = _pick(rng, COUNTRIES)
        lat, lon = CENTRES[country]
        locations.append({"facility": f"{_word(rng).title()} Demo Clinic",
                          "city": f"{_word(rng).title()}ville", "country": country,
                          "geoPoint": {"lat": round(lat + rng.uniform(-2, 2), 3),
                                       "lon": round(lon + rng.uniform(-3, 3), 3)}})
    design: dict[str, Any] = {"studyType": study_type,
                              "enrollmentInfo": {"count": int(rng.lognormvariate(3.7, 1.3)),
                                                 "type": "ACTUAL" if status == "COMPLETED"
                                                 else "ESTIMATED"}}
    if study_type == "INTERVENTIONAL":
        design["phases"] = _pick(rng, PHASES)
    status_module: dict[str, Any] = {
        "overallStatus": status,
        "startDateStruct": {"date": _date(start, rng.random() < 0.6),
                            "type": "ACTUAL" if start < today else "ESTIMATED"},
        "primaryCompletionDateStruct": {"date": _date(start + duration * 0.8, True)},
        "completionDateStruct": {"date": _date(start + duration, rng.random() < 0.6)},
        "studyFirstPostDateStruct": {"date": first_posted.isoformat(), "type": "ACTUAL"},
        "lastUpdatePostDateStruct": {"date": last_update.isoformat(), "type": "ACTUAL"},
        "statusVerifiedDate": last_update.isoformat()[:7],
    }
    if status in ("TERMINATED", "WITHDRAWN", "SUSPENDED"):
        status_module["whyStopped"] = rng.choice(WHY_STOPPED)
    meshes = [{"term": c} for c, _ in conds]
    ancestors = [{"term": a} for _, a in conds if a]
    title_product = products[0]["name"] if products else "routine care"
    return {
        "protocolSection": {
            "identificationModule": {
                "nctId": nct_id,
                "briefTitle": f"[DEMO] {title_product} in {conds[0][0]}",
                "officialTitle": f"A fictional demo study of {title_product} in {conds[0][0]}",
            },
            "statusModule": status_module,
            "sponsorCollaboratorsModule": {"leadSponsor": {"name": sponsor,
                                                           "class": sponsor_class}},
            "descriptionModule": {"briefSummary": "Fictional record generated for the "
                                  "trialscape demo. It describes no real study."},
            "conditionsModule": {"conditions": [c for c, _ in conds]},
            "designModule": design,
            "armsInterventionsModule": {"interventions": products, "armGroups": arms},
            "contactsLocationsModule": {"locations": locations},
        },
        "derivedSection": {"conditionBrowseModule": {"meshes": meshes, "ancestors": ancestors}},
        "hasResults": status == "COMPLETED" and rng.random() < 0.3,
    }


def demo_studies(n: int, seed: int = 42, today: date | None = None) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    today = today or date(2026, 11, 1)
    for i in range(n):
        yield demo_study(i, rng, today)
