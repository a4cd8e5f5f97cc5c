"""The shared filter sidebar: widgets <-> session state <-> Filters <-> the page URL.

The URL is read when a session starts and whenever it carries filter parameters we did not
write (a shared link, a link followed inside the app); otherwise the widgets are the truth and
the URL is rewritten from them after every change, so the address bar is always a shareable link.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from trialscape import enums, words
from trialscape.filters import CLOSED, LIST_FIELDS, URL_NAMES, Filters, feature_words
from trialscape.ids import own_vocabularies
from trialscape.ui.data import Snapshot, modalities, runner

WIDGET = {name: f"w_{name}" for name in (*LIST_FIELDS, "years", "q")}
WRITTEN = "_filters_written"  # the filter params this session last put in the URL
IGNORED = "_link_values_ignored"  # what the last link asked for that Filters could not take


def _url_filter_params() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in st.query_params.keys()  # noqa: SIM118
            if k in URL_NAMES}


def _seed_widgets(f: Filters, years: tuple[int, int]) -> None:
    state = st.session_state
    for name in LIST_FIELDS:
        state[WIDGET[name]] = list(getattr(f, name))
    lo = f.start_from if f.start_from is not None else years[0]
    hi = f.start_to if f.start_to is not None else years[1]
    state[WIDGET["years"]] = (max(years[0], min(lo, years[1])), min(years[1], max(hi, years[0])))
    state[WIDGET["q"]] = f.q


def ignored_from_link(name: str) -> list[str]:
    """What the last link asked of filter `name` that was ignored ("modality=car_t (...)"),
    for a page to say where a reader looks, beside the sidebar's own warning."""
    return [line for line in st.session_state.get(IGNORED) or [] if line.startswith(f"{name}=")]


def set_filters(f: Filters) -> None:
    """Replace the active filters (for clicks on charts and links); call from a callback.
    What the last link asked for and was ignored is no longer the view's: its warning goes."""
    st.session_state["_pending_filters"] = f
    st.session_state.pop(IGNORED, None)


def clear_filters() -> None:
    st.session_state.pop("_undo_filters", None)
    set_filters(Filters())


def _undo() -> None:
    previous = st.session_state.pop("_undo_filters", None)
    if previous is not None:
        set_filters(previous)


def _year_bounds(snap: Snapshot) -> tuple[int, int]:
    row = runner(snap, Filters())("year_bounds", unfiltered=True).iloc[0]
    ceiling = (snap.data_day.year if snap.data_day else 2026) + 5
    first = int(row.first_year) if row.first_year == row.first_year and row.first_year else 1990
    last = int(row.last_year) if row.last_year == row.last_year and row.last_year else ceiling
    return max(first, 1950), min(max(last, first + 1), ceiling)


def filter_sidebar(snap: Snapshot) -> Filters:
    """Draw the sidebar filters; return the active Filters (also kept in session state)."""
    state = st.session_state
    years = _year_bounds(snap)
    url = _url_filter_params()
    pending = state.pop("_pending_filters", None)
    if pending is not None:
        _seed_widgets(pending, years)
    elif "filters" not in state or (url and url != state.get(WRITTEN)):
        state.pop("_undo_filters", None)  # a link sets the view: no chart click to undo
        # a stale or mistyped id ("?modality=car_t") would match no trial: said and dropped
        vocabularies = own_vocabularies()
        _seed_widgets(Filters.from_params(url, vocabularies), years)
        state[IGNORED] = Filters.rejected(url, vocabularies)

    q = runner(snap, Filters())
    mods = sorted(modalities(), key=lambda m: m.order)
    mod_labels = {m.id: m.label for m in mods}
    with st.sidebar:
        st.header("Filters")
        ignored = state.get(IGNORED)
        if ignored:
            st.warning("The link asked for values trialscape does not know; they are "
                       "ignored: " + words.literal("; ".join(ignored)),
                       icon=":material/link_off:")
        _multi("Modality", "modality", [m.id for m in mods], mod_labels,
               "What kind of medicine the trial tests. A trial testing two kinds counts in both.")
        _multi("Phase", "phase", list(enums.PHASES), enums.PHASES,
               "How far along the trial is: phase 1 tests safety in a few people, phase 3 "
               "compares with standard care in many. 'Not applicable' is used for trials "
               "without a drug phase, such as device or behavioural studies.")
        _multi("Status", "status", list(enums.STATUSES), enums.STATUSES,
               "Recruitment status as the sponsor last reported it. 'Unknown' means not "
               "verified for two years or more.")
        years_value = st.slider("Start year", min_value=years[0], max_value=years[1],
                                key=WIDGET["years"],
                                help="The year the trial started or plans to start.")
        st.text_input("Search titles, drugs, sponsors", key=WIDGET["q"],
                      help="Every word must appear (in the title, an intervention, the "
                      "sponsor, a condition or the NCT number).")
        with st.expander("More filters", expanded=False):
            _multi("Study type", "study_type", list(enums.STUDY_TYPES), enums.STUDY_TYPES)
            _multi("Sponsor type", "sponsor_class", list(enums.SPONSOR_CLASSES),
                   enums.SPONSOR_CLASSES, "Who leads the trial: industry, academic centres "
                   "and hospitals ('Academic and other'), government bodies...")
            sponsors = q("sponsor_options", unfiltered=True, n=2000)["sponsor"].tolist()
            _multi("Lead sponsor", "sponsor", sponsors, None,
                   "The organisation responsible for the trial. Type to search; any name "
                   "can be added.", new=True)
            conditions = q("condition_options", unfiltered=True, n=500)["condition"].tolist()
            _multi("Condition", "condition", conditions, None,
                   "Matches trials whose conditions (as written or as indexed by the "
                   "registry) contain this text. Type your own, e.g. 'sickle'.", new=True)
            from trialscape.ingest.areas import default_areas
            area_labels = default_areas().labels()
            _multi("Therapeutic area", "area", list(area_labels), area_labels,
                   "Broad disease areas from the registry's MeSH indexing.")
            countries = q("country_options", unfiltered=True)["country"].tolist()
            _multi("Country", "country", countries, None,
                   "Trials with at least one site in the country.")
            features = q("feature_options", unfiltered=True)["feature"].tolist()
            _multi("Feature (advanced therapies)", "feature", features,
                   {f: feature_words(f) for f in features},
                   "What gene, editing and engineered-cell trial records say: the vehicle "
                   "(AAV, lentiviral...), in the body or in the lab, the target antigen...")
        f = _current(years_value, years)
        undo = state.get("_undo_filters")
        if undo is not None:
            st.info("Filter set from a chart click.", icon=":material/ads_click:")
            st.button("Undo the chart click", on_click=_undo, width="stretch")
        st.button("Clear all filters", on_click=clear_filters, width="stretch",
                  disabled=f.is_empty)
    state["filters"] = f
    _write_url(f)
    return f


def _multi(label: str, name: str, options: list[str], labels: dict[str, str] | None,
           help_: str | None = None, new: bool = False) -> None:
    key = WIDGET[name]
    chosen = st.session_state.get(key) or []
    if name in CLOSED:
        st.session_state[key] = [c for c in chosen if c in options]
    else:
        # A value from a link that this snapshot does not know stays visible (and removable).
        options = options + [c for c in chosen if c not in options]
    st.multiselect(label, options, key=key, help=help_,
                   format_func=(lambda v: labels.get(v, v)) if labels else str,
                   accept_new_options=new, placeholder="All")


def _current(years_value: Any, years: tuple[int, int]) -> Filters:
    state = st.session_state
    lo, hi = years_value
    return Filters(
        **{name: tuple(state.get(WIDGET[name]) or ()) for name in LIST_FIELDS},
        start_from=lo if lo != years[0] else None,
        start_to=hi if hi != years[1] else None,
        q=" ".join(str(state.get(WIDGET["q"]) or "").split()),
    )


def _write_url(f: Filters) -> None:
    wanted = f.to_params()
    st.session_state[WRITTEN] = wanted
    if _url_filter_params() == wanted:
        return
    for key in [k for k in st.query_params.keys() if k in URL_NAMES]:  # noqa: SIM118
        del st.query_params[key]
    for key, values in wanted.items():
        st.query_params[key] = values
