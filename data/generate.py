"""Deterministic generator for the composed part of the foiclassify training corpus.

Every record is composed from explicit building blocks rather than copied text:

* an authority type (police is about 40% of records);
* a topic drawn from a per-authority topic bank (``TOPICS``);
* a *practice scenario* (``SCENARIOS``): the KIND of information asked for and how much searching it needs.
  The scenario, not the topic vocabulary, decides the exemption labels, with probabilistic variants
  (for example a covert tactic draws the NCND trio s23(5)+s24(2)+s31(3), sometimes with s30(3), s40(5) or
  s44(2));
* an information-kind frame that writes the request parts (counts, breakdowns, copies of documents, all
  correspondence, a named person's case, the requester's own data, contracts, legal advice ...);
* a shape (one line, numbered or lettered parts, bullets, a paragraph with context, or the third-person
  summary style of an ICO decision notice), plus preambles, sign-offs and the occasional typo.

Section 12 (cost limit) is never drawn at random: it is added when the explicit effort score of a request
(parts x years x breakdown fields x manual case-file review x document sweeps) passes ``S12_THRESHOLD``.
The same topic therefore appears as a plain yearly count (no exemption), a long breakdown needing case-file
review (s12), a request for names (s40(2)) or for the locations of covert kit (NCND trio).

Usage::

    python data/generate.py                 # writes data/generated.jsonl with the default seed
    python data/generate.py --seed 7 --n 500 --out /tmp/sample.jsonl

Scenario weights were tuned so that label shares follow ``TARGET_SHARES`` (printed after each run next to the
achieved shares); the default seed is one whose 2,300-record sample sits close to them.

Standard library only; the output is identical for identical arguments.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_SEED = 80
DEFAULT_N = 2300
DEFAULT_OUT = Path(__file__).parent / "generated.jsonl"
ID_PREFIX = "gen"

# --------------------------------------------------------------------------------------------------------
# Labels
# --------------------------------------------------------------------------------------------------------

LABELS: tuple[str, ...] = (
    "s12",
    "s14",
    "s21",
    "s22",
    "s23(1)",
    "s23(5)",
    "s24(1)",
    "s24(2)",
    "s26(1)",
    "s26(3)",
    "s27(1)",
    "s27(4)",
    "s30(1)",
    "s30(2)",
    "s30(3)",
    "s31(1)",
    "s31(3)",
    "s35",
    "s36",
    "s37",
    "s38(1)",
    "s38(2)",
    "s40(1)",
    "s40(2)",
    "s40(5)",
    "s41(1)",
    "s42(1)",
    "s43(1)",
    "s43(2)",
    "s43(3)",
    "s44(1)",
    "s44(2)",
)
NCND_LABELS = frozenset(
    {"s23(5)", "s24(2)", "s26(3)", "s27(4)", "s30(3)", "s31(3)", "s38(2)", "s40(5)", "s43(3)", "s44(2)"}
)

# Share of records that should carry each label (real practice, roughly); printed beside the achieved share.
TARGET_SHARES: dict[str, float] = {
    "s40(2)": 0.22,
    "s12": 0.20,
    "s31(1)": 0.16,
    "s21": 0.08,
    "s43(2)": 0.06,
    "s14": 0.05,
    "s24(2)": 0.05,
    "s31(3)": 0.06,
    "s24(1)": 0.04,
    "s36": 0.04,
    "s30(1)": 0.05,
    "s35": 0.03,
    "s41(1)": 0.04,
    "s23(5)": 0.04,
    "s42(1)": 0.03,
    "s27(1)": 0.02,
    "s22": 0.03,
    "s38(1)": 0.03,
    "s40(5)": 0.03,
    "s30(3)": 0.02,
    "s44(1)": 0.02,
    "s40(1)": 0.02,
    "s23(1)": 0.015,
    "s26(1)": 0.015,
    "s37": 0.01,
    "s30(2)": 0.01,
    "s38(2)": 0.01,
    "s43(3)": 0.005,
    "s26(3)": 0.005,
    "s27(4)": 0.005,
    "s44(2)": 0.005,
    "s43(1)": 0.005,
}
TARGET_EMPTY_SHARE = 0.20

AUTHORITY_WEIGHTS: dict[str, float] = {
    "police": 0.40,
    "council": 0.14,
    "central_government": 0.14,
    "nhs": 0.09,
    "university": 0.06,
    "school": 0.035,
    "fire": 0.04,
    "transport": 0.04,
    "regulator": 0.035,
    "other": 0.02,
}

# --------------------------------------------------------------------------------------------------------
# Search effort and section 12
# --------------------------------------------------------------------------------------------------------

S12_THRESHOLD = 40.0
MANUAL_REVIEW_FACTOR = 20.0  # reading case files or free-text fields instead of running a report
AUTOMATED_FACTOR = 0.4  # a recorded category: one query, whatever its size
SWEEP_FACTOR = 30.0  # "all emails / documents mentioning X": every mailbox and file share has to be searched


@dataclass
class Effort:
    """How much locating, retrieving and extracting a request needs."""

    parts: int = 1
    years: int = 1
    fields: int = 0
    manual: bool = False
    sweep: bool = False

    def score(self) -> float:
        """Rough effort in arbitrary units; ``S12_THRESHOLD`` stands for the 18/24-hour cost limit."""
        value = self.parts * (1 + self.years / 3) * (1 + 0.6 * self.fields)
        if not (self.manual or self.sweep):
            # Counts of recorded categories come from a report in minutes, however many years and
            # breakdowns are asked for: only the very largest reach the limit without manual work.
            value *= AUTOMATED_FACTOR
        if self.manual:
            value *= MANUAL_REVIEW_FACTOR
        if self.sweep:
            value *= SWEEP_FACTOR
        return value

    def exceeds_cost_limit(self) -> bool:
        return self.score() >= S12_THRESHOLD


# --------------------------------------------------------------------------------------------------------
# Tiny template language: "[a|b|]" picks one alternative (empty allowed), "{slot}" fills a value.
# --------------------------------------------------------------------------------------------------------

_ALT = re.compile(r"\[([^\[\]]*)\]")


def alt(rng: random.Random, text: str) -> str:
    """Resolve every ``[a|b|c]`` group (innermost first) by picking one option."""
    while True:
        match = _ALT.search(text)
        if match is None:
            return text
        choice = rng.choice(match.group(1).split("|"))
        text = text[: match.start()] + choice + text[match.end() :]


def fill(rng: random.Random, template: str, **slots: str) -> str:
    """Pick alternatives in ``template`` and then fill its ``{slots}``."""
    return tidy(alt(rng, template).format(**slots))


def pick(rng: random.Random, options: Sequence[str], **slots: str) -> str:
    """Choose one template from ``options`` and fill it."""
    return fill(rng, rng.choice(options), **slots)


def variant(rng: random.Random, text: str) -> str:
    """Choose one of the ``|``-separated variants of a bank entry."""
    return rng.choice(text.split("|")).strip()


def tidy(text: str) -> str:
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" ([,.;:?!)])", r"\1", text)
    text = re.sub(r"\( ", "(", text)
    text = re.sub(r",,", ",", text)
    text = re.sub(r"\.\.(?!\.)", ".", text)
    text = re.sub(r"\b([Tt]he) the\b", r"\1", text)
    text = re.sub(r"\b([Aa]) the\b", r"\1", text)
    return text.strip()


def cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def decap(text: str) -> str:
    """Lower-case the first letter unless the first word is an acronym or 'I'."""
    first = text.split(" ", 1)[0]
    if first == "I" or (len(first) > 1 and first[:2].isupper()):
        return text
    return text[:1].lower() + text[1:]


def join_and(parts: Sequence[str], rng: random.Random | None = None) -> str:
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return "".join(parts)
    last = "and" if rng is None else rng.choice(("and", "and", "and", "as well as"))
    if len(parts) == 2:
        return f"{parts[0]} {last} {parts[1]}"
    comma = "," if rng is None or rng.random() < 0.5 else ""
    return ", ".join(parts[:-1]) + f"{comma} {last} {parts[-1]}"


# --------------------------------------------------------------------------------------------------------
# Invented people, places, dates and references (all fictional)
# --------------------------------------------------------------------------------------------------------

SURNAMES = (
    "Jones",
    "Patel",
    "Okafor",
    "Harlow",
    "Nowak",
    "Fitzgerald",
    "Begum",
    "Campbell",
    "Achterberg",
    "Morris",
    "Hughes",
    "Kowalski",
    "Ahmed",
    "Brennan",
    "Osei",
    "Whitfield",
    "Lloyd",
    "Chaudhry",
    "Thornton",
    "Mensah",
    "Ellison",
    "Gallagher",
    "Rahman",
    "Pritchard",
    "Daley",
    "Novak",
    "Sinclair",
    "Adeyemi",
    "Henshaw",
    "Quigley",
    "Barlow",
    "Iqbal",
    "Rowntree",
    "Dunmore",
    "Kaur",
    "Fairweather",
    "Leng",
    "Ashby",
    "Mwangi",
    "Carver",
    "Dobson",
    "Yilmaz",
    "Petrie",
    "Huxley",
    "Ogunleye",
    "Mcallister",
    "Venn",
    "Stroud",
    "Haddad",
    "Truscott",
    "Blakemore",
    "Farrow",
    "Szabo",
    "Greaves",
    "Okonkwo",
    "Lindqvist",
    "Templeton",
    "Maddox",
    "Roper",
)
TITLES = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Mr", "Ms")
RANKS = ("PC", "PC", "PC", "DC", "Sgt", "DS", "Inspector", "PCSO")
STREET_A = (
    "Marlpit",
    "Wharf",
    "Fenwick",
    "Harcourt",
    "Tannery",
    "Alder",
    "Quarry",
    "Cobden",
    "Kiln",
    "Linden",
    "Ropewalk",
    "Sedgemoor",
    "Thistle",
    "Barrowgate",
    "Copperfield",
    "Hollins",
    "Mill",
    "Pelham",
    "Rookery",
    "Saltash",
    "Vicarage",
    "Weaver",
    "Ashgrove",
    "Brindley",
)
STREET_B = ("Road", "Lane", "Street", "Close", "Way", "Avenue", "Crescent", "Terrace", "Parade", "Row")
PLACES = (
    "Millbridge",
    "Ashworth",
    "Caldermoor",
    "Hexley",
    "Dunford",
    "Pelton",
    "Stanmoor",
    "Brackwell",
    "Oldcastle",
    "Wrenfield",
    "Kettering Vale",
    "Harbury",
    "Nethercott",
    "Lowmoor",
    "Fairhaven",
    "Bramwick",
    "Eastleigh Cross",
    "Sowerby",
    "Thornbury Green",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SUPPLIERS = (
    "Brightwater Services Ltd",
    "Kestrel Systems plc",
    "Harbourline Consulting",
    "Redfern Facilities Ltd",
    "Northmoor Technology Ltd",
    "Calloway & Finch LLP",
    "Bluebeck Solutions",
    "Greystone Group",
    "Marrow Digital Ltd",
    "Oakhill Care Partnerships",
    "Sentinel Guarding Ltd",
    "Lumen Analytics",
    "Fieldstone Construction",
    "Atlas Fleet Hire",
    "Pennant Catering Ltd",
    "Corvid Security Ltd",
)
COUNTRIES = (
    "China",
    "Saudi Arabia",
    "Qatar",
    "Rwanda",
    "India",
    "the United States",
    "Russia",
    "France",
    "Israel",
    "Turkey",
    "Bahrain",
    "Pakistan",
    "Nigeria",
    "the United Arab Emirates",
    "Iran",
    "Egypt",
)


def person(rng: random.Random) -> str:
    return f"{rng.choice(TITLES)} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {rng.choice(SURNAMES)}"


def officer(rng: random.Random) -> str:
    return f"{rng.choice(RANKS)} {rng.randint(1000, 9999)} {rng.choice(SURNAMES)}"


def street(rng: random.Random) -> str:
    return f"{rng.choice(STREET_A)} {rng.choice(STREET_B)}"


def place(rng: random.Random) -> str:
    return rng.choice(PLACES)


def date(rng: random.Random, first: int = 2019, last: int = 2024) -> str:
    return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(first, last)}"


def month_year(rng: random.Random) -> str:
    return f"{rng.choice(MONTHS)} {rng.randint(2019, 2024)}"


def reference(rng: random.Random) -> str:
    year = rng.randint(2019, 2024)
    return rng.choice(
        (
            f"FOI-{year}-{rng.randint(100, 9999)}",
            f"FOI/{year % 100}/{rng.randint(1, 9999):04d}",
            f"RFI {year}-{rng.randint(1, 999):04d}",
            f"ref {rng.randint(10000, 999999):06d}",
            f"IR/{year}/{rng.randint(10, 999)}",
            f"CR-{rng.randint(1000, 99999)}",
        )
    )


def signer(rng: random.Random) -> str:
    first = rng.choice(
        ("A.", "J.", "Sam", "Priya", "Tom", "R.", "Helen", "Marek", "Bola", "Kate", "D.", "Imran")
    )
    return f"{first} {rng.choice(SURNAMES)}"


# --------------------------------------------------------------------------------------------------------
# Periods (the number of years feeds the effort score)
# --------------------------------------------------------------------------------------------------------

CURRENT_YEAR = 2024


def period(rng: random.Random, years: int) -> str:
    """A phrase covering ``years`` years (1 = a single year or the last 12 months)."""
    end = rng.choice((CURRENT_YEAR, CURRENT_YEAR - 1, CURRENT_YEAR - 1))
    start = end - years + 1
    if years == 1:
        return rng.choice(
            (
                f"in {end}",
                f"during {end}",
                "in the last 12 months",
                f"for the financial year {end - 1}/{end % 100}",
                f"in calendar year {end}",
                f"for {end - 1}-{end % 100}",
                "over the past year",
                f"between 1 April {end - 1} and 31 March {end}",
            )
        )
    options = [
        f"for each of the last {years} years",
        f"for each year from {start} to {end}",
        f"since {start}",
        f"between {start} and {end}",
        f"from January {start} to December {end}",
        f"for the financial years {start - 1}/{start % 100} to {end - 1}/{end % 100}",
        f"in each calendar year {start}-{end}",
        f"from 1 April {start} to date",
        f"year by year since {start}",
    ]
    if years == 10:
        options += ["over the past decade", "for the last ten years, year by year"]
    if years >= 12:
        options += ["since records began", "from inception to the present", f"for every year since {start}"]
    if years <= 3:
        options += [", ".join(str(y) for y in range(start, end)) + f" and {end}"]
    return rng.choice(options)


def draw_years(rng: random.Random, low: int = 1, high: int = 15) -> int:
    return rng.choice([y for y in (1, 1, 2, 3, 3, 4, 5, 5, 5, 6, 7, 8, 10, 10, 12, 15) if low <= y <= high])


# --------------------------------------------------------------------------------------------------------
# Authority profiles: how requesters address each type, what can be broken down, what is published
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Authority:
    """Vocabulary for one authority type; multi-word entries use ``|`` between variants."""

    you: str  # how a requester addresses it
    names: tuple[str, ...]  # names used in ICO-style summaries
    kind: str  # "police force", "council" ... for campaign sentences
    fields: tuple[str, ...]  # breakdown fields held as categories
    manual_fields: tuple[str, ...]  # breakdowns that need reading case files / free text
    quals: tuple[str, ...]  # plain sub-counts ("that resulted in an arrest")
    manual_quals: tuple[str, ...]  # sub-counts that are not a recorded category
    services: tuple[str, ...]  # contracted services
    published: tuple[str, ...]  # information already published (s21)
    upcoming: tuple[str, ...]  # information due for publication (s22)
    staff: str  # word for its workforce


SMALL_AREA_FIELDS = frozenset(
    {
        "ward",
        "station",
        "postcode district",
        "site",
        "year group",
        "department",
        "course",
        "route",
        "faculty",
        "team",
        "school",
        "policing district",
        "local authority area",
        "directorate",
        "depot",
        "ward of residence",
    }
)
PERSONAL_FIELDS = frozenset(
    {
        "ethnicity",
        "age",
        "age band",
        "gender",
        "sex",
        "rank",
        "grade",
        "nationality",
        "SEN status",
        "disability",
        "self-defined ethnicity",
        "religion",
        "sexual orientation",
        "staff band",
        "staff grade",
        "domicile",
    }
)

AUTHORITIES: dict[str, Authority] = {
    "police": Authority(
        you="your force|the force|the constabulary|your police service",
        names=(
            "Kent Police",
            "Thames Valley Police",
            "the Metropolitan Police Service",
            "Greater Manchester Police",
            "West Yorkshire Police",
            "Devon and Cornwall Police",
            "Avon and Somerset Constabulary",
            "Lancashire Constabulary",
            "South Wales Police",
            "Merseyside Police",
            "Essex Police",
            "Northumbria Police",
            "West Midlands Police",
            "Sussex Police",
            "Cumbria Constabulary",
            "Norfolk Constabulary",
            "Police Scotland",
            "Leicestershire Police",
            "the force",
            "the Chief Constable",
        ),
        kind="police force",
        fields=(
            "year",
            "month",
            "ethnicity",
            "self-defined ethnicity",
            "age band",
            "gender",
            "rank",
            "outcome",
            "offence type",
            "ward",
            "policing district",
            "station",
            "day of the week",
            "time of day",
            "legislation used",
            "disposal type",
        ),
        manual_fields=(
            "the reason recorded in each case",
            "whether the person had a mental health condition",
            "whether alcohol or drugs were a factor",
            "the injuries sustained",
            "what was written in the officer's notes",
            "whether the victim was a repeat victim",
            "what action was taken against the officer",
            "the nature of each complaint",
        ),
        quals=(
            "that resulted in an arrest",
            "that led to a charge or summons",
            "where no further action was taken",
            "involving a child under 18",
            "recorded as domestic-related",
            "closed with no suspect identified",
            "that resulted in a caution",
            "flagged as a hate incident",
        ),
        manual_quals=(
            "where the person was later found to be autistic",
            "in which the officer's account was disputed",
            "where the caller was aggressive towards the call handler",
            "that involved a dog",
            "linked to someone sleeping rough",
            "where the victim later withdrew support because of delay",
            "in which a bystander filmed the incident",
            "where the suspect claimed to be a veteran",
        ),
        services=(
            "custody healthcare|the custody healthcare contract",
            "vehicle recovery",
            "forensic medical examinations",
            "interpreting and translation",
            "the command and control system",
            "body-worn video supply",
            "cleaning of police stations",
            "fleet maintenance",
            "the digital evidence management system",
            "drug testing on arrest",
            "firearms training facilities",
            "the force helicopter maintenance",
        ),
        published=(
            "the street-level crime figures for {place} already on police.uk",
            "the force's annual report for {year}",
            "the force's published stop and search data",
            "the chief officers' salaries and expenses",
            "the force's gender pay gap figures",
            "the minutes of the police and crime panel meeting of {date}",
            "the force's published policy on the use of Taser",
            "the police and crime commissioner's published spending over £500",
            "the Home Office police workforce statistics for the force",
            "the list of police station front counters and their opening hours",
        ),
        upcoming=(
            "the results of the force's staff survey, which I understand will be published next month",
            "the HMICFRS PEEL inspection report on the force due out shortly",
            "the outcome of the review into the force's response to {topic}, due to be published in "
            "the spring",
            "the final figures for {unit} for {year}, ahead of the annual report",
            "next quarter's stop and search figures",
        ),
        staff="officers and staff|police officers|officers and PCSOs",
    ),
    "council": Authority(
        you="the council|your council|the authority",
        names=(
            "Leeds City Council",
            "Bristol City Council",
            "Cornwall Council",
            "the London Borough of Lambeth",
            "Kirklees Council",
            "Norfolk County Council",
            "Birmingham City Council",
            "Wirral Council",
            "Somerset Council",
            "Dudley Metropolitan Borough Council",
            "the council",
            "Cheshire East Council",
            "Nottinghamshire County Council",
            "Brighton and Hove City Council",
            "Swansea Council",
        ),
        kind="council",
        fields=(
            "ward",
            "year",
            "month",
            "age",
            "gender",
            "ethnicity",
            "property type",
            "tenure",
            "service area",
            "postcode district",
            "outcome",
            "department",
            "reason code",
        ),
        manual_fields=(
            "the reason given for each decision",
            "whether the family was already known to children's services",
            "the cause of each complaint",
            "whether the tenant was disabled",
            "what action was taken in each case",
            "the nature of the hazard found",
        ),
        quals=(
            "that were upheld",
            "resolved within the statutory timescale",
            "that went to appeal",
            "in council-owned properties",
            "relating to people over 65",
            "that were withdrawn",
        ),
        manual_quals=(
            "where the resident was verbally abusive to staff",
            "where damp was linked to a child's illness",
            "that mentioned a councillor by name",
            "in which the family had moved out of the borough",
            "where the complainant said they were disabled",
            "where a member of the public disrupted a meeting",
        ),
        services=(
            "waste collection",
            "the leisure centre management contract",
            "parking enforcement",
            "temporary accommodation",
            "home to school transport",
            "adult social care home support",
            "highways maintenance",
            "the council's payroll software",
            "the library management system",
            "grounds maintenance",
            "bailiff services|enforcement agent services",
        ),
        published=(
            "the council's spending over £500 for {year}",
            "the business rates list for the borough",
            "the register of licensed premises",
            "the senior salaries in the statement of accounts",
            "the minutes of the planning committee of {date}",
            "the council's published parking annual report",
            "the allowances paid to councillors in {year}",
            "the council's register of members' interests",
            "the list of public toilets on the council website",
            "the council's published housing allocations policy",
        ),
        upcoming=(
            "the next quarter's spend data, due on the website at the end of the month",
            "the final report of the scrutiny review into {topic}, which is due to go to cabinet shortly",
            "the draft local plan evidence base before it is published for consultation",
            "the figures for {unit} for {year}, ahead of their publication in the annual report",
        ),
        staff="council staff|officers|employees",
    ),
    "central_government": Authority(
        you="the Department|your department",
        names=(
            "the Home Office",
            "the Cabinet Office",
            "HM Treasury",
            "the Department for Education",
            "the Ministry of Justice",
            "the Department of Health and Social Care",
            "the Department for Work and Pensions",
            "the Department for Transport",
            "the Department for Business and Trade",
            "the Department for Environment, Food and Rural Affairs",
            "the Ministry of Housing, Communities and Local Government",
            "the Foreign, Commonwealth and Development Office",
            "HM Revenue and Customs",
            "the Ministry of Defence",
        ),
        kind="government department",
        fields=(
            "year",
            "month",
            "region",
            "nationality",
            "age",
            "sex",
            "grade",
            "directorate",
            "outcome",
            "quarter",
        ),
        manual_fields=(
            "the reasons given in each case",
            "whether ministers were consulted",
            "the nature of each complaint",
            "whether legal advice was sought",
            "what lessons were identified",
        ),
        quals=(
            "that were granted",
            "that were refused",
            "decided within the service standard",
            "still awaiting a decision",
            "overturned on appeal",
            "involving children",
        ),
        manual_quals=(
            "where the applicant had contacted their MP",
            "that were delayed because of missing paperwork",
            "where the decision letter contained an error",
            "where the claimant was homeless at the time",
        ),
        services=(
            "asylum accommodation",
            "the digital identity platform",
            "management consultancy support",
            "prison escort services",
            "the helpline for claimants",
            "facilities management at the headquarters",
            "the electronic monitoring contract",
            "events and hospitality",
            "translation services",
        ),
        published=(
            "the department's annual report and accounts for {year}",
            "the published transparency data on ministerial meetings",
            "the official statistics on {unit}",
            "the department's spending over £25,000",
            "the organisation chart and senior salaries",
            "the text of the relevant Act on legislation.gov.uk",
            "the department's published gifts and hospitality register",
        ),
        upcoming=(
            "the evaluation of {topic}, which the minister has said will be published this year",
            "the quarterly statistics on {unit} due out next month",
            "the government's response to the consultation on {topic}, expected shortly",
            "the independent review of {topic} before its publication",
        ),
        staff="civil servants|officials|staff",
    ),
    "nhs": Authority(
        you="the Trust|your Trust|the ICB|the health board",
        names=(
            "the Trust",
            "Northfield Hospitals NHS Foundation Trust",
            "the integrated care board",
            "NHS England",
            "Riverside Mental Health NHS Trust",
            "the ambulance service trust",
            "the health board",
            "St Aldric's University Hospitals NHS Trust",
            "Eastmoor Community Health NHS Trust",
        ),
        kind="NHS trust",
        fields=(
            "year",
            "month",
            "site",
            "specialty",
            "age band",
            "gender",
            "ethnicity",
            "ward",
            "staff group",
            "staff band",
            "outcome",
        ),
        manual_fields=(
            "the cause of each incident",
            "whether the patient had a learning disability",
            "the clinical reason recorded",
            "whether staffing levels were a factor",
            "the injuries sustained",
            "whether the patient later died",
        ),
        quals=(
            "graded as moderate harm or above",
            "reported to the CQC",
            "involving agency staff",
            "that breached the 18-week target",
            "for patients aged over 75",
            "that were cancelled on the day",
        ),
        manual_quals=(
            "where the patient had been waiting more than 12 hours in A&E",
            "where a language barrier was noted",
            "in which staff shortages were mentioned in the notes",
            "where family members raised concerns beforehand",
        ),
        services=(
            "agency nursing",
            "patient transport",
            "hospital car parking",
            "the electronic patient record system",
            "outsourced cataract surgery",
            "hospital cleaning",
            "locum doctors",
            "the pathology network",
        ),
        published=(
            "the Trust's annual report for {year}",
            "the board papers for the public board meeting of {date}",
            "the Trust's published gender pay gap data",
            "the NHS England waiting time statistics for the Trust",
            "the Trust's published car parking charges",
            "the Trust's quality account for {year}",
        ),
        upcoming=(
            "the independent investigation report into {topic}, due to be published by the Trust",
            "the board papers for next month's meeting",
            "the {year} staff survey results before NHS England releases them",
        ),
        staff="staff|clinicians|nurses and doctors",
    ),
    "university": Authority(
        you="the university|your institution|the university's management",
        names=(
            "the University",
            "the University of Northmoor",
            "Kingsbridge University",
            "the University of Hexley",
            "Caldermoor Metropolitan University",
            "the university",
        ),
        kind="university",
        fields=(
            "year",
            "faculty",
            "department",
            "staff grade",
            "gender",
            "ethnicity",
            "domicile",
            "course",
            "level of study",
            "outcome",
        ),
        manual_fields=(
            "the nature of each allegation",
            "the reason for each decision",
            "whether the student had a disability",
            "what penalty was applied",
        ),
        quals=(
            "that were upheld",
            "involving postgraduate students",
            "involving staff",
            "referred to the OIA",
        ),
        manual_quals=(
            "where artificial intelligence tools were suspected",
            "where the student cited mental health",
            "in which a supervisor was accused",
        ),
        services=(
            "student accommodation",
            "catering",
            "the virtual learning environment",
            "international student recruitment agents",
            "security guarding on campus",
            "the student records system",
        ),
        published=(
            "the university's financial statements for {year}",
            "the vice-chancellor's pay disclosed in the accounts",
            "the university's published access and participation plan",
            "the HESA data on student numbers",
            "the minutes of the open session of council on {date}",
        ),
        upcoming=(
            "the findings of the research study on {topic}, which are being prepared for a journal",
            "the outcome of the review into {topic}, due to be published next term",
        ),
        staff="staff|academics|employees",
    ),
    "school": Authority(
        you="the school|the academy trust|the governing body",
        names=(
            "the school",
            "the academy trust",
            "Hexley Academy",
            "St Brendan's Catholic High School",
            "the multi-academy trust",
            "Wrenfield Primary School",
            "the governing body",
        ),
        kind="school",
        fields=(
            "year group",
            "gender",
            "academic year",
            "key stage",
            "SEN status",
            "free school meal eligibility",
            "ethnicity",
            "term",
        ),
        manual_fields=(
            "the reason for each exclusion",
            "what happened in each incident",
            "the injuries sustained",
            "whether parents were informed",
        ),
        quals=(
            "that led to a suspension",
            "involving pupils with an EHCP",
            "reported to the local authority",
        ),
        manual_quals=("where a mobile phone was involved", "where the pupil said they were being bullied"),
        services=(
            "school catering",
            "cleaning",
            "the school minibus lease",
            "the MIS software",
            "supply teachers",
        ),
        published=(
            "the school's published exam results for {year}",
            "the trust's annual accounts",
            "the admissions policy on the website",
            "the school's uniform policy",
        ),
        upcoming=(
            "the Ofsted report following last month's inspection",
            "the summer results before they go on the website",
        ),
        staff="teachers|staff|teaching assistants",
    ),
    "fire": Authority(
        you="the fire service|your service|the fire and rescue service",
        names=(
            "the fire and rescue service",
            "Caldermoor Fire and Rescue Service",
            "the fire authority",
            "London Fire Brigade",
            "the combined fire authority",
            "the Service",
        ),
        kind="fire and rescue service",
        fields=(
            "year",
            "month",
            "station",
            "ward",
            "incident type",
            "property type",
            "time of day",
            "watch",
            "appliance",
            "outcome",
        ),
        manual_fields=(
            "the cause of each fire",
            "whether smoke alarms were working",
            "whether the occupant was vulnerable",
            "the injuries sustained",
            "whether the crew were attacked",
        ),
        quals=(
            "in high-rise buildings",
            "classed as deliberate",
            "involving a fatality",
            "at commercial premises",
        ),
        manual_quals=(
            "caused by e-bike or e-scooter batteries",
            "where hoarding was a factor",
            "where crews were delayed by parked cars",
        ),
        services=(
            "appliance maintenance",
            "breathing apparatus supply",
            "the mobilising system",
            "protective clothing",
        ),
        published=(
            "the service's published incident statistics",
            "the fire authority's minutes of {date}",
            "the Home Office fire statistics tables for the service",
            "the integrated risk management plan",
        ),
        upcoming=(
            "the review of station cover due to go to the fire authority",
            "this year's incident figures before publication",
        ),
        staff="firefighters|crews|staff",
    ),
    "transport": Authority(
        you="your organisation|the company|the operator",
        names=(
            "Transport for London",
            "Network Rail",
            "National Highways",
            "Northern Trains",
            "the combined authority",
            "the port authority",
            "the train operator",
            "the passenger transport executive",
        ),
        kind="transport body",
        fields=(
            "year",
            "month",
            "station",
            "route",
            "line",
            "time of day",
            "day of week",
            "ticket type",
            "outcome",
            "depot",
        ),
        manual_fields=(
            "the cause of each delay",
            "what happened in each assault",
            "whether the passenger was injured",
            "the reason each penalty fare was cancelled",
        ),
        quals=(
            "that led to a prosecution",
            "on weekend services",
            "at unstaffed stations",
            "involving staff",
        ),
        manual_quals=("where the passenger was drunk", "where a fare dispute preceded the assault"),
        services=(
            "ticket office staffing",
            "the ticketing system",
            "station cleaning",
            "CCTV maintenance",
            "rail replacement buses",
            "the smart motorway technology",
            "revenue protection",
        ),
        published=(
            "the published station usage figures",
            "the board minutes of {date}",
            "the published performance statistics",
            "the fares published on the website",
        ),
        upcoming=(
            "the business case for {topic}, due to be published next month",
            "the next annual performance report",
        ),
        staff="staff|drivers|station staff",
    ),
    "regulator": Authority(
        you="the Commission|the regulator|your organisation",
        names=(
            "the Care Quality Commission",
            "Ofsted",
            "the Financial Conduct Authority",
            "Ofcom",
            "the Competition and Markets Authority",
            "the Charity Commission",
            "the Health and Safety Executive",
            "the General Medical Council",
            "the Nursing and Midwifery Council",
            "Ofwat",
            "the Gambling Commission",
        ),
        kind="regulator",
        fields=(
            "year",
            "sector",
            "region",
            "outcome",
            "type of concern",
            "size of firm",
            "inspection rating",
        ),
        manual_fields=(
            "the nature of each concern",
            "why each case was closed",
            "whether the provider was later inspected",
            "what action was taken",
        ),
        quals=(
            "that led to enforcement action",
            "closed with no further action",
            "about care homes",
            "from whistle-blowers",
        ),
        manual_quals=(
            "where the concern mentioned restraint",
            "where the same provider had been reported before",
        ),
        services=(
            "inspection support staff",
            "the case management system",
            "legal services",
            "external investigators",
        ),
        published=(
            "the published inspection reports for the provider",
            "the regulator's annual report",
            "the public register",
            "the published enforcement notices",
        ),
        upcoming=("the thematic review of {topic} due later this year", "the next market study update"),
        staff="inspectors|case officers|staff",
    ),
    "other": Authority(
        you="your organisation|the body",
        names=(
            "the Environment Agency",
            "Historic England",
            "the Met Office",
            "Natural England",
            "Arts Council England",
            "the British Museum",
            "the National Archives",
            "the Forestry Commission",
            "Ordnance Survey",
            "the Electoral Commission",
            "the Office for National Statistics",
            "HM Land Registry",
            "the parish council",
            "the national park authority",
        ),
        kind="public body",
        fields=("year", "month", "region", "site", "category", "outcome", "grade"),
        manual_fields=(
            "the reasons recorded",
            "what action was taken in each case",
            "the nature of each complaint",
        ),
        quals=("that were approved", "that were rejected", "outside England"),
        manual_quals=("where the applicant complained afterwards",),
        services=("IT support", "facilities management", "consultancy", "the visitor ticketing system"),
        published=(
            "the annual report and accounts for {year}",
            "the published board minutes",
            "the register of gifts",
        ),
        upcoming=("the evaluation report on {topic}, due to be published shortly",),
        staff="staff|employees",
    ),
}


# --------------------------------------------------------------------------------------------------------
# Topic banks. Fields: names | countable units | people involved | an internal document | kit or capability
# (optional) | contracted service (optional) | body addressed (optional, for multi-body authority types).
# Topic words never decide labels on their own: every topic is used with many scenarios.
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Topic:
    name: str
    unit: str
    people: str
    doc: str
    asset: str = ""
    service: str = ""
    body: str = ""


T = Topic

POLICE_TOPICS = (
    T(
        "stop and search|the use of stop and search powers|stop-and-search",
        "stop and searches|searches under section 1 of PACE|stop and search encounters",
        "officers who carried out the searches|people who were searched",
        "the minutes of the stop and search scrutiny panel|the internal review of stop and "
        "search disproportionality",
        "body-worn cameras issued to officers conducting searches",
    ),
    T(
        "Taser use|the use of Taser|conducted energy devices",
        "Taser discharges|occasions on which a Taser was drawn|Taser deployments",
        "officers trained to carry Taser|people against whom a Taser was used",
        "the review of Taser use on children|the Taser uplift business case",
        "Taser devices|conducted energy devices",
        "Taser cartridges and devices",
    ),
    T(
        "the force drone unit|police drones|unmanned aircraft",
        "drone deployments|drone flights|missing person searches using a drone",
        "the drone pilots|officers qualified to fly drones",
        "the drone unit business case|the drone operations manual",
        "drones|unmanned aerial vehicles|drone units",
    ),
    T(
        "ANPR|automatic number plate recognition|number plate cameras",
        "ANPR hits acted upon|vehicles stopped after an ANPR alert|ANPR reads",
        "staff with access to the ANPR database|drivers flagged by ANPR",
        "the ANPR data retention review|the ANPR camera siting assessment",
        "ANPR cameras|fixed ANPR sites|mobile ANPR units",
    ),
    T(
        "domestic abuse|domestic violence|domestic abuse cases",
        "domestic abuse incidents|domestic abuse crimes|Clare's Law disclosures|domestic "
        "violence protection orders",
        "victims and perpetrators|officers who attended domestic abuse calls",
        "the domestic homicide review action plan|the domestic abuse problem profile",
    ),
    T(
        "knife crime|knives and bladed articles|knife offences",
        "knife crime offences|knives surrendered in amnesty bins|arrests for carrying a blade",
        "young people arrested for knife possession|victims of knife crime",
        "the serious violence strategy delivery plan|the knife crime tasking document",
        "knife arches|portable metal-detecting arches",
    ),
    T(
        "police pursuits|vehicle pursuits|police driving",
        "police pursuits|collisions involving police vehicles|pursuits that ended in a collision",
        "drivers involved in the collisions|officers involved in pursuits",
        "the pursuit policy review|the collision investigation summary",
        "unmarked police cars|pursuit-trained vehicles|tactical pursuit vehicles",
        "fleet maintenance",
    ),
    T(
        "police misconduct|officer misconduct|professional standards",
        "misconduct hearings|officers dismissed for gross misconduct|misconduct investigations",
        "officers who faced hearings|officers placed on restricted duties",
        "the professional standards department annual review|the misconduct trend analysis",
    ),
    T(
        "complaints against the police|public complaints|complaints about officers",
        "complaints recorded|complaints about officer rudeness|complaints upheld",
        "the complainants|officers complained about",
        "the complaints handling improvement plan|the complaints triage guidance",
    ),
    T(
        "police custody|custody suites|detainees in custody",
        "detentions in custody|self-harm incidents in custody|strip searches in custody",
        "custody sergeants on duty|detainees held overnight",
        "the custody healthcare audit|the independent custody visitors' report",
        "custody CCTV cameras|custody cell monitoring equipment",
        "custody healthcare",
    ),
    T(
        "section 136 detentions|mental health calls|mental health-related demand",
        "section 136 detentions|mental health-related calls|people taken to a place of safety",
        "people detained under section 136|officers who made the detentions",
        "the Right Care Right Person implementation plan|the mental health demand review",
    ),
    T(
        "999 and 101 calls|call handling|the force contact centre",
        "999 calls answered within ten seconds|abandoned 101 calls|calls to 101",
        "call handlers|callers whose calls were abandoned",
        "the contact centre demand review|the call handling quality audit",
        "call recording equipment",
        "the command and control system",
    ),
    T(
        "firearms licensing|shotgun and firearm certificates|the firearms licensing unit",
        "firearm certificates issued|shotgun certificates revoked|certificate renewals outstanding",
        "certificate holders|applicants refused a certificate",
        "the firearms licensing backlog plan|the firearms licensing audit",
    ),
    T(
        "armed policing|firearms officers|armed response",
        "armed deployments|firearms authorisations|occasions when firearms were discharged",
        "authorised firearms officers|people shot by police",
        "the armed policing strategic threat and risk assessment|the armed policing uplift plan",
        "armed response vehicles|firearms and ammunition stocks|specialist firearms teams",
    ),
    T(
        "body-worn video|body-worn cameras|officers' body cameras",
        "hours of body-worn footage recorded|occasions where footage was not retained|body-worn "
        "camera activations",
        "officers who failed to activate cameras|members of the public filmed",
        "the body-worn video compliance audit|the body-worn video retention review",
        "body-worn video cameras",
        "body-worn video supply",
    ),
    T(
        "hate crime|hate crimes|hate incidents",
        "hate crimes recorded|hate incidents|religiously aggravated offences|disability hate crimes",
        "victims of hate crime|suspects arrested for hate offences",
        "the hate crime scrutiny panel minutes|the hate crime problem profile",
    ),
    T(
        "speeding enforcement|speed cameras|road safety enforcement",
        "speeding tickets issued|fixed penalty notices for speeding|speed awareness course referrals",
        "drivers caught speeding|officers issuing tickets",
        "the speed camera siting review|the road safety partnership report",
        "mobile speed camera vans|fixed speed cameras|average speed cameras",
    ),
    T(
        "shoplifting|retail crime|shop theft",
        "shoplifting offences|shoplifting reports|retail thefts that were attended",
        "the shop staff who reported thefts|repeat shoplifting offenders",
        "the business crime strategy|the retail crime action plan",
    ),
    T(
        "fraud and cyber crime|online fraud|cyber crime",
        "reports of online fraud|cyber crime offences|Action Fraud referrals investigated",
        "fraud victims|members of the cyber crime unit",
        "the economic crime plan|the cyber crime unit's performance report",
        "digital forensic units|cyber investigation tools",
    ),
    T(
        "protest policing|the policing of protests|demonstrations",
        "protest-related arrests|protests policed|conditions imposed on protests",
        "protesters arrested|officers deployed to protests",
        "the public order debrief|the protest policing review",
        "public order vans|protective equipment for public order units",
    ),
    T(
        "officer sickness|staff wellbeing|sickness absence",
        "officers on long-term sick leave|days lost to stress-related absence|officers on restricted duties",
        "officers off sick|staff referred to occupational health",
        "the wellbeing survey report|the attendance management review",
    ),
    T(
        "police recruitment|vetting|officer recruitment",
        "officers recruited|vetting refusals|recruits who left in their first year",
        "applicants who failed vetting|new recruits",
        "the vetting review|the recruitment equality impact assessment",
    ),
    T(
        "police overtime|overtime payments|officer overtime",
        "overtime hours paid|overtime claims|rest days cancelled",
        "officers who claimed the most overtime|staff on overtime",
        "the overtime budget review|the overtime controls audit",
    ),
    T(
        "police dogs|the dog unit|police dog handlers",
        "police dog deployments|bites by police dogs|dogs retired",
        "dog handlers|people bitten by police dogs",
        "the dog unit review|the dog welfare policy",
        "police dogs|general purpose dogs and specialist search dogs",
    ),
    T(
        "county lines|drug dealing|drug supply",
        "county lines arrests|drug seizures|drug deal lines closed down",
        "children exploited by county lines gangs|people charged with supply",
        "the county lines intelligence assessment|the drugs strategy delivery plan",
        "drug testing kits|drug detection equipment",
    ),
    T(
        "missing persons|missing people|missing children",
        "missing person reports|children reported missing from care|high-risk missing episodes",
        "children reported missing|officers handling missing person cases",
        "the missing persons problem profile|the return interview review",
    ),
    T(
        "rape and serious sexual offences|sexual offences|rape investigations",
        "rape reports|rape cases charged|sexual offences recorded",
        "victims of rape|suspects in rape cases",
        "the rape investigation review|the Operation Soteria implementation plan",
    ),
    T(
        "modern slavery|human trafficking|labour exploitation",
        "modern slavery referrals|National Referral Mechanism referrals|trafficking investigations",
        "potential victims|suspected traffickers",
        "the modern slavery partnership report|the trafficking problem profile",
    ),
    T(
        "facial recognition|live facial recognition|facial recognition technology",
        "live facial recognition deployments|facial recognition alerts|arrests following a "
        "facial recognition match",
        "people stopped after a facial recognition alert|officers operating the system",
        "the facial recognition equality impact assessment|the facial recognition deployment records",
        "facial recognition vans|facial recognition cameras",
    ),
    T(
        "vehicle crime|car theft|keyless car theft",
        "vehicle thefts|thefts of catalytic converters|stolen vehicles recovered",
        "owners of stolen vehicles|people arrested for vehicle crime",
        "the vehicle crime problem profile|the vehicle crime tasking notes",
    ),
    T(
        "burglary|residential burglary|house break-ins",
        "residential burglaries|burglaries attended within 24 hours|burglaries solved",
        "burglary victims|officers attending burglaries",
        "the burglary reduction plan|the burglary attendance audit",
    ),
    T(
        "anti-social behaviour|ASB|nuisance behaviour",
        "anti-social behaviour reports|dispersal orders|community protection notices",
        "people issued with dispersal notices|residents who reported ASB",
        "the ASB case review documents|the neighbourhood priorities report",
    ),
    T(
        "police stations|the police estate|front counters",
        "police stations closed|front counters open to the public|station visitors",
        "staff based at the stations|people who used the front counters",
        "the estates strategy|the station closure business case",
        "custody blocks and police buildings",
        "the sale of former police stations",
    ),
    T(
        "police IT systems|data security|the force's IT",
        "data breaches|IT outages|records accessed without a policing purpose",
        "staff disciplined for misuse of systems|staff with system access",
        "the data protection audit|the IT resilience review",
        "IT systems|the records management system",
        "the records management system",
    ),
    T(
        "police helicopter support|NPAS|air support",
        "requests for NPAS air support|helicopter deployments|requests for air support declined",
        "air observers|crews deployed",
        "the air support service level agreement|the air support demand review",
        "helicopter and fixed-wing aircraft",
    ),
    T(
        "use of force|restraint|handcuffing",
        "use of force reports|handcuffing of children|incidents where leg restraints were used",
        "people restrained|officers submitting use of force forms",
        "the use of force data review|the restraint training review",
        "leg restraints and limb restraint kits",
    ),
    T(
        "rural and wildlife crime|wildlife crime|farm crime",
        "wildlife crime reports|hare coursing incidents|thefts of farm machinery",
        "farmers who reported thefts|suspected hare coursers",
        "the rural crime strategy|the wildlife crime tasking report",
        "rural crime team vehicles|off-road bikes used by the rural crime team",
    ),
    T(
        "road deaths|fatal collisions|serious road collisions",
        "fatal road collisions|people killed or seriously injured on the roads|collisions at "
        "accident blackspots",
        "the families of people killed|drivers prosecuted after fatal collisions",
        "the collision data review|the roads policing strategy",
        "roads policing vehicles|collision investigation equipment",
    ),
    T(
        "children in custody|under-18s in custody|child detainees",
        "children held overnight in custody|under-18s arrested|strip searches of children",
        "children detained overnight|appropriate adults",
        "the child detention review|the children in custody audit",
    ),
    T(
        "special constables|volunteer police|the special constabulary",
        "special constables|volunteer hours|specials who became regular officers",
        "special constables|volunteer police cadets",
        "the citizens in policing strategy|the special constabulary review",
    ),
    T(
        "Prevent referrals|the Prevent programme|radicalisation concerns",
        "Prevent referrals made by the force|referrals to Channel|Prevent training sessions",
        "people referred to Prevent|officers working on Prevent",
        "the Prevent delivery plan|the Prevent peer review",
    ),
    T(
        "e-scooters|illegal e-scooters|e-bikes",
        "e-scooters seized|collisions involving e-scooters|e-scooter riders stopped",
        "riders whose scooters were seized|officers on seizure operations",
        "the e-scooter enforcement plan|the e-scooter seizure review",
        "storage compounds for seized vehicles",
    ),
    T(
        "uninsured driving|vehicle seizures|driving without insurance",
        "uninsured vehicles seized|seized vehicles crushed|section 165 seizures",
        "drivers whose cars were seized|owners who reclaimed vehicles",
        "the vehicle seizure review|the roads policing tasking notes",
        "vehicle recovery trucks",
        "vehicle recovery",
    ),
)

COUNCIL_TOPICS = (
    T(
        "potholes|road repairs|highway defects",
        "potholes reported|pothole compensation claims|highway defects repaired",
        "residents who claimed compensation|highways inspectors",
        "the highways asset management review",
        "road repair vehicles",
        "highways maintenance",
    ),
    T(
        "fly-tipping|illegal dumping|fly-tips",
        "fly-tipping incidents|fixed penalty notices for fly-tipping|fly-tips cleared",
        "people fined for fly-tipping|enforcement officers",
        "the fly-tipping enforcement review",
        "covert fly-tipping cameras|deployable CCTV units",
    ),
    T(
        "parking enforcement|parking fines|penalty charge notices",
        "penalty charge notices issued|parking appeals|PCNs cancelled",
        "civil enforcement officers|motorists who appealed",
        "the parking enforcement review",
        "",
        "parking enforcement",
    ),
    T(
        "council tax|council tax arrears|council tax collection",
        "council tax arrears cases|liability orders|referrals to bailiffs",
        "residents in arrears|households referred to enforcement agents",
        "the council tax support scheme review",
        "",
        "bailiff services",
    ),
    T(
        "homelessness|temporary accommodation|rough sleeping",
        "households in temporary accommodation|homelessness applications|people sleeping rough",
        "families in bed and breakfast|housing officers",
        "the homelessness review",
        "",
        "temporary accommodation",
    ),
    T(
        "social housing repairs|damp and mould|council housing",
        "damp and mould reports|outstanding repairs|disrepair claims",
        "tenants reporting mould|repairs operatives",
        "the damp and mould action plan",
        "",
        "responsive repairs",
    ),
    T(
        "children's social care|looked-after children|child protection",
        "children in care|child protection plans|placements out of area",
        "social workers|children placed out of area",
        "the children's services improvement plan",
    ),
    T(
        "adult social care|home care|care packages",
        "home care hours commissioned|people waiting for a care assessment|care home placements",
        "care workers|people awaiting assessment",
        "the adult social care market position statement",
        "",
        "adult social care home support",
    ),
    T(
        "SEND provision|special educational needs|EHCPs",
        "EHCP requests|EHC plans issued within 20 weeks|SEND tribunal appeals",
        "children awaiting plans|educational psychologists",
        "the SEND written statement of action",
        "",
        "home to school transport",
    ),
    T(
        "planning enforcement|planning breaches|planning applications",
        "planning enforcement complaints|enforcement notices served|planning applications refused",
        "planning officers|people served with enforcement notices",
        "the planning service review",
    ),
    T(
        "libraries|library closures|the library service",
        "library visits|books loaned|libraries closed",
        "library staff|volunteers running community libraries",
        "the library needs assessment",
        "",
        "the library management system",
    ),
    T(
        "waste and recycling|bin collections|missed bins",
        "missed bin collections|tonnes of recycling collected|households on the garden waste scheme",
        "refuse crews|residents reporting missed bins",
        "the waste strategy review",
        "refuse collection vehicles",
        "waste collection",
    ),
    T(
        "public health funerals|funerals arranged by the council|unclaimed estates",
        "public health funerals|funerals arranged under section 46|estates referred to the "
        "Government Legal Department",
        "the deceased|next of kin traced",
        "the bereavement services review",
    ),
    T(
        "CCTV in town centres|public space CCTV|council CCTV",
        "CCTV cameras operated|CCTV footage requests from police|cameras not working",
        "CCTV operators|people captured on footage",
        "the public space CCTV review",
        "CCTV cameras",
        "CCTV monitoring",
    ),
    T(
        "councillors' conduct|standards complaints|member conduct",
        "code of conduct complaints|standards hearings|complaints about councillors",
        "councillors complained about|complainants",
        "the standards committee report",
    ),
    T(
        "licensing|taxi licensing|premises licences",
        "taxi driver licences issued|licences revoked|premises licence reviews",
        "licensed taxi drivers|licence holders",
        "the taxi licensing policy review",
    ),
    T(
        "food hygiene inspections|food safety|environmental health",
        "food hygiene inspections|premises rated zero|improvement notices",
        "food business operators|environmental health officers",
        "the food law enforcement plan",
    ),
    T(
        "noise complaints|statutory nuisance|noise nuisance",
        "noise complaints|noise abatement notices|noise recording kits issued",
        "residents complained about|complainants",
        "the noise service review",
        "noise monitoring equipment",
    ),
    T(
        "staff pay and agency spend|council workforce|agency staff",
        "agency workers engaged|staff earning over £100,000|settlement agreements",
        "senior officers|agency workers",
        "the workforce strategy",
        "",
        "agency staffing",
    ),
    T(
        "Blue Badges|disabled parking|Blue Badge fraud",
        "Blue Badges issued|Blue Badges seized for misuse|Blue Badge applications refused",
        "badge holders|people caught misusing badges",
        "the Blue Badge assessment review",
    ),
    T(
        "trading standards|rogue traders|doorstep crime",
        "trading standards complaints|rogue trader investigations|underage sales test purchases",
        "traders investigated|consumers who complained",
        "the trading standards service plan",
    ),
    T(
        "school admissions|school places|admission appeals",
        "admission appeals|pupils not offered a first choice|in-year admission requests",
        "families appealing|appeal panel members",
        "the school place planning strategy",
    ),
    T(
        "RIPA surveillance|covert surveillance by the council|surveillance authorisations",
        "directed surveillance authorisations|RIPA applications|test purchase operations",
        "officers authorising surveillance|investigating officers",
        "the RIPA policy and its annual review",
    ),
    T(
        "benefit and grant fraud|council fraud|tenancy fraud",
        "tenancy fraud cases|single person discount fraud investigations|grant fraud cases",
        "tenants investigated|fraud investigators",
        "the counter-fraud annual report",
    ),
    T(
        "local welfare assistance|the household support fund|crisis payments",
        "household support fund awards|crisis payments made|applications refused",
        "applicants|assessment officers",
        "the household support fund evaluation",
    ),
    T(
        "traffic schemes|low traffic neighbourhoods|school streets",
        "traffic scheme objections|LTN camera fines|school street exemptions",
        "residents objecting|traffic engineers",
        "the low traffic neighbourhood monitoring report",
        "traffic enforcement cameras",
        "traffic enforcement camera maintenance",
    ),
    T(
        "asylum seeker dispersal|refugee resettlement|asylum accommodation in the area",
        "refugees resettled|asylum seekers housed in the area|unaccompanied children supported",
        "resettled families|caseworkers",
        "the refugee resettlement partnership report",
    ),
    T(
        "council investments and borrowing|commercial property|council finances",
        "commercial properties bought|loans taken out|investment losses",
        "finance officers|tenants of council commercial property",
        "the commercial investment strategy review",
    ),
)

CENTRAL_TOPICS = (
    T(
        "asylum accommodation|hotels used for asylum seekers|asylum support",
        "asylum seekers in hotels|hotels in use|asylum support applications",
        "hotel operators|asylum seekers housed",
        "the asylum accommodation options paper",
        "",
        "asylum accommodation",
        "the Home Office",
    ),
    T(
        "small boat crossings|Channel crossings|irregular migration",
        "small boat arrivals|people returned|Channel crossings intercepted",
        "people who crossed|officials in the Small Boats Operational Command",
        "the small boats operational review",
        "surveillance aircraft and patrol vessels",
        "",
        "the Home Office",
    ),
    T(
        "visa applications|skilled worker visas|family visas",
        "visa applications refused|skilled worker visas granted|family visa appeals",
        "visa applicants|caseworkers",
        "the visa processing review",
        "",
        "",
        "the Home Office",
    ),
    T(
        "prison staffing|prison officers|prison violence",
        "assaults on prison staff|prison officer resignations|incidents at height",
        "prison officers|prisoners involved",
        "the prison safety review",
        "prison security equipment|body scanners in prisons",
        "",
        "the Ministry of Justice",
    ),
    T(
        "court backlogs|Crown Court delays|the courts",
        "cases awaiting trial|trials adjourned on the day|ineffective trials",
        "defendants awaiting trial|court staff",
        "the court recovery plan",
        "",
        "",
        "the Ministry of Justice",
    ),
    T(
        "teacher recruitment|teacher vacancies|initial teacher training",
        "teacher vacancies|trainee teachers recruited|teachers leaving the profession",
        "trainees|school leaders",
        "the teacher supply model",
        "",
        "",
        "the Department for Education",
    ),
    T(
        "school buildings|RAAC in schools|school rebuilding",
        "schools with RAAC|schools in the rebuilding programme|classrooms closed",
        "head teachers|surveyors",
        "the school condition data review",
        "",
        "school condition surveys",
        "the Department for Education",
    ),
    T(
        "Universal Credit|benefit sanctions|the benefits system",
        "Universal Credit sanctions|mandatory reconsiderations|benefit overpayments",
        "claimants|work coaches",
        "the sanctions evaluation",
        "",
        "the helpline for claimants",
        "the Department for Work and Pensions",
    ),
    T(
        "disability benefits|PIP assessments|work capability assessments",
        "PIP assessments|PIP decisions overturned at appeal|assessments carried out by telephone",
        "claimants|assessors",
        "the health assessment review",
        "",
        "health assessment services",
        "the Department for Work and Pensions",
    ),
    T(
        "NHS waiting lists|elective recovery|waiting times",
        "patients waiting over a year|elective procedures|waiting list validations",
        "patients waiting|officials on the recovery programme",
        "the elective recovery plan modelling",
        "",
        "",
        "the Department of Health and Social Care",
    ),
    T(
        "Covid-19 procurement|PPE contracts|pandemic contracts",
        "PPE contracts awarded|contracts through the VIP lane|PPE items written off",
        "suppliers referred through the VIP lane|officials handling referrals",
        "the PPE procurement review",
        "",
        "personal protective equipment supply",
        "the Department of Health and Social Care",
    ),
    T(
        "HS2|high speed rail|rail investment",
        "HS2 compensation claims|properties bought for HS2|HS2 cost overruns",
        "landowners|HS2 officials",
        "the HS2 cost review",
        "",
        "HS2 consultancy",
        "the Department for Transport",
    ),
    T(
        "road funding|pothole funding|local roads",
        "road funding allocations|pothole fund bids|road schemes paused",
        "councils bidding|officials",
        "the local roads funding review",
        "",
        "",
        "the Department for Transport",
    ),
    T(
        "tax collection|tax avoidance|the tax gap",
        "tax investigations|penalties for late filing|avoidance schemes challenged",
        "taxpayers|HMRC officers",
        "the tax gap analysis",
        "",
        "",
        "HM Revenue and Customs",
    ),
    T(
        "HMRC helpline|tax helplines|customer service at HMRC",
        "calls to the self assessment helpline|calls abandoned|average waiting times",
        "callers|advisers",
        "the helpline demand review",
        "",
        "call centre services",
        "HM Revenue and Customs",
    ),
    T(
        "ministerial travel|ministers' overseas visits|government travel",
        "overseas ministerial visits|flights booked by ministers|use of the government plane",
        "ministers|special advisers travelling",
        "the ministerial travel review",
        "",
        "events and hospitality",
        "the Cabinet Office",
    ),
    T(
        "special advisers|spads|political appointments",
        "special advisers employed|severance payments to special advisers|complaints about special advisers",
        "special advisers|private office staff",
        "the special advisers' code review",
        "",
        "",
        "the Cabinet Office",
    ),
    T(
        "civil service headcount|civil service jobs|departmental staffing",
        "civil servants employed|staff working from the office|consultants engaged",
        "senior civil servants|consultants",
        "the workforce reduction plan",
        "",
        "management consultancy support",
        "the Cabinet Office",
    ),
    T(
        "defence procurement|military equipment|armed forces kit",
        "equipment programmes delayed|vehicles out of service|contracts over budget",
        "programme directors|service personnel",
        "the equipment plan affordability review",
        "armoured vehicles and aircraft",
        "armoured vehicle maintenance",
        "the Ministry of Defence",
    ),
    T(
        "military housing|service family accommodation|armed forces housing",
        "service homes with damp|repair requests|empty service homes",
        "service families|housing contractors",
        "the accommodation review",
        "",
        "military housing repairs",
        "the Ministry of Defence",
    ),
    T(
        "overseas aid|development spending|aid programmes",
        "aid programmes cut|aid projects in {country}|aid spending reviews",
        "implementing partners|FCDO officials",
        "the aid allocations review",
        "",
        "aid programme delivery",
        "the Foreign, Commonwealth and Development Office",
    ),
    T(
        "consular assistance|British nationals detained abroad|consular cases",
        "consular cases|British nationals detained|consular complaints",
        "British nationals detained abroad|consular staff",
        "the consular case review",
        "",
        "",
        "the Foreign, Commonwealth and Development Office",
    ),
    T(
        "farming payments|agricultural subsidies|the Sustainable Farming Incentive",
        "farming payments made late|Sustainable Farming Incentive agreements|payments clawed back",
        "farmers|Rural Payments Agency staff",
        "the farming transition review",
        "",
        "",
        "the Department for Environment, Food and Rural Affairs",
    ),
    T(
        "water pollution|sewage discharges|storm overflows",
        "storm overflow discharges|water company fines|pollution incidents",
        "water company executives|officials",
        "the storm overflows plan review",
        "",
        "",
        "the Department for Environment, Food and Rural Affairs",
    ),
    T(
        "building safety|cladding remediation|unsafe cladding",
        "buildings with unsafe cladding|remediation applications|buildings remediated",
        "leaseholders|building owners",
        "the building safety fund review",
        "",
        "",
        "the Ministry of Housing, Communities and Local Government",
    ),
    T(
        "council funding|local government finance|section 114 notices",
        "councils requesting exceptional financial support|section 114 notices|capitalisation directions",
        "council leaders|officials",
        "the local government finance settlement options paper",
        "",
        "",
        "the Ministry of Housing, Communities and Local Government",
    ),
    T(
        "export licences|arms exports|strategic export controls",
        "export licences granted|licences refused|licence applications for {country}",
        "exporters|licensing officers",
        "the export licensing review",
        "",
        "",
        "the Department for Business and Trade",
    ),
    T(
        "business support grants|Covid business loans|bounce back loans",
        "bounce back loans|loans written off|fraudulent grant claims",
        "businesses that received loans|lenders",
        "the loan fraud review",
        "",
        "",
        "the Department for Business and Trade",
    ),
)

NHS_TOPICS = (
    T(
        "A&E waiting times|emergency department waits|12-hour waits in A&E",
        "patients waiting over 12 hours in A&E|A&E attendances|trolley waits",
        "patients who waited|emergency department consultants",
        "the urgent care improvement plan",
    ),
    T(
        "ambulance response times|ambulance handovers|ambulance delays",
        "category 2 calls answered late|handover delays over an hour|ambulance diverts",
        "paramedics|patients left waiting",
        "the handover delay harm review",
        "ambulances and rapid response vehicles",
    ),
    T(
        "agency nurse spending|agency staff|temporary staffing",
        "agency shifts booked|shifts above the price cap|bank shifts unfilled",
        "agency nurses|staffing managers",
        "the temporary staffing review",
        "",
        "agency nursing",
    ),
    T(
        "hospital car parking|parking charges|staff parking",
        "parking fines issued to patients|parking permits|parking income",
        "staff paying for parking|patients fined",
        "the car parking review",
        "",
        "hospital car parking",
    ),
    T(
        "mental health beds|out-of-area placements|mental health admissions",
        "out-of-area placements|mental health bed days|detentions under the Mental Health Act",
        "patients placed out of area|ward managers",
        "the inpatient bed review",
    ),
    T(
        "never events|patient safety incidents|serious incidents",
        "never events|serious incidents|wrong-site surgery events",
        "patients harmed|clinicians involved",
        "the patient safety incident response plan",
    ),
    T(
        "maternity services|maternity safety|births",
        "stillbirths|maternity unit closures|emergency caesareans",
        "midwives|families affected",
        "the maternity services review",
    ),
    T(
        "staff bullying|grievances|workplace culture",
        "bullying complaints by staff|grievances raised|disciplinary cases",
        "staff raising grievances|managers complained about",
        "the freedom to speak up report",
    ),
    T(
        "cancer waiting times|cancer treatment|the 62-day target",
        "patients treated within 62 days|cancer referrals|breaches of the 31-day target",
        "patients waiting|oncologists",
        "the cancer recovery plan",
    ),
    T(
        "violence against NHS staff|assaults on staff|abuse of staff",
        "assaults on staff|incidents of verbal abuse|staff injured at work",
        "staff assaulted|patients responsible",
        "the violence prevention and reduction plan",
        "body-worn cameras for staff|panic alarms",
    ),
    T(
        "cyber security|IT systems|the electronic patient record",
        "cyber incidents|IT downtime hours|phishing emails reported",
        "IT staff|staff who failed phishing tests",
        "the cyber security audit",
        "servers and network equipment|the electronic patient record system",
        "the electronic patient record system",
    ),
    T(
        "clinical negligence|compensation claims|legal claims",
        "clinical negligence claims|claims settled|amounts paid in compensation",
        "claimants|clinicians named in claims",
        "the claims learning review",
    ),
    T(
        "dental services|NHS dentistry|dental contracts",
        "dental practices closed to new patients|units of dental activity delivered|dental "
        "contracts handed back",
        "dental providers|patients on waiting lists",
        "the dental access plan",
        "",
        "dental contracts",
    ),
    T(
        "GP access|GP appointments|primary care",
        "GP appointments|patients per GP|practices closing lists",
        "GP partners|patients deregistered",
        "the primary care access plan",
        "",
        "GP out-of-hours services",
    ),
    T(
        "ADHD and autism assessments|neurodevelopmental waiting lists|autism diagnosis",
        "adults waiting for an ADHD assessment|children waiting for an autism assessment|right "
        "to choose referrals",
        "people waiting|clinicians",
        "the neurodevelopmental pathway review",
        "",
        "outsourced ADHD assessment",
    ),
    T(
        "hospital food|patient meals|catering",
        "meals wasted|patient food complaints|meals per patient day",
        "catering staff|patients",
        "the catering review",
        "",
        "hospital catering",
    ),
    T(
        "gender identity services|the gender clinic|gender services",
        "referrals to the gender service|people waiting|first appointments",
        "people referred|clinicians",
        "the gender service review",
    ),
    T(
        "infection control|hospital-acquired infections|C. difficile",
        "C. difficile infections|MRSA bacteraemia cases|ward closures for norovirus",
        "patients infected|infection control nurses",
        "the infection prevention annual report",
    ),
    T(
        "international recruitment|overseas nurses|visa-sponsored staff",
        "overseas nurses recruited|recruitment agency fees|nurses who left within two years",
        "overseas recruits|recruitment agents",
        "the international recruitment review",
        "",
        "international recruitment agencies",
    ),
    T(
        "deaths in hospital|mortality|unexpected deaths",
        "unexpected deaths|deaths reviewed under the learning from deaths framework|deaths "
        "referred to the coroner",
        "patients who died|families",
        "the learning from deaths report",
    ),
    T(
        "restraint in mental health units|restrictive practice|seclusion",
        "uses of prone restraint|seclusion episodes|rapid tranquilisation",
        "patients restrained|staff involved",
        "the reducing restrictive practice plan",
    ),
    T(
        "hospital discharges|delayed discharges|bed blocking",
        "delayed discharges|bed days lost|patients discharged to care homes",
        "patients awaiting discharge|discharge coordinators",
        "the discharge improvement plan",
    ),
    T(
        "prescribing costs|medicines|drug spending",
        "prescriptions of weight-loss injections|spend on branded drugs|medication errors",
        "prescribers|patients prescribed",
        "the medicines optimisation report",
        "",
        "pharmacy supplies",
    ),
    T(
        "hospital security|security guards|site security",
        "security incidents|call-outs to security|items stolen from wards",
        "security officers|people removed from site",
        "the site security review",
        "security patrols and CCTV on hospital sites",
        "security guarding",
    ),
    T(
        "whistleblowing|speaking up|staff concerns",
        "whistleblowing concerns raised|freedom to speak up cases|detriment claims",
        "whistle-blowers|guardians",
        "the speaking up review",
    ),
    T(
        "private sector use|outsourced operations|independent sector treatment",
        "operations outsourced|spend with private hospitals|patients sent to private providers",
        "private providers|patients referred",
        "the independent sector capacity review",
        "",
        "outsourced cataract surgery",
    ),
)

UNIVERSITY_TOPICS = (
    T(
        "academic misconduct|cheating|plagiarism",
        "academic misconduct cases|students penalised for plagiarism|cases involving AI tools",
        "students accused|academic integrity officers",
        "the academic integrity review",
    ),
    T(
        "vice-chancellor pay|senior pay|executive pay",
        "staff paid over £150,000|bonuses paid to senior staff|expense claims by the vice-chancellor",
        "senior managers|members of the remuneration committee",
        "the remuneration committee report",
    ),
    T(
        "student complaints|student appeals|complaints to the OIA",
        "student complaints|academic appeals|OIA complaints",
        "students complaining|staff complained about",
        "the complaints annual review",
    ),
    T(
        "sexual misconduct on campus|harassment|student safety",
        "reports of sexual misconduct|harassment complaints|non-disclosure agreements signed",
        "students who reported|staff accused",
        "the harassment prevention review",
    ),
    T(
        "international students|overseas recruitment|student visas",
        "international students enrolled|students withdrawn for visa reasons|agent commissions",
        "international students|recruitment agents",
        "the international recruitment strategy",
        "",
        "international student recruitment agents",
    ),
    T(
        "staff redundancies|restructuring|job cuts",
        "redundancies|voluntary severance payments|posts deleted",
        "staff made redundant|managers involved",
        "the restructuring business case",
    ),
    T(
        "student mental health|student wellbeing|counselling",
        "counselling appointments|students waiting for counselling|student deaths by suspected suicide",
        "students using counselling|wellbeing staff",
        "the student mental health strategy",
    ),
    T(
        "freedom of speech|external speakers|events on campus",
        "external speaker requests|events cancelled|speakers refused",
        "speakers|event organisers",
        "the external speakers review",
    ),
    T(
        "research funding|research grants|grant income",
        "research grants awarded|grant applications rejected|industry-funded projects",
        "principal investigators|funders",
        "the research strategy",
    ),
    T(
        "animal research|animal testing|laboratory animals",
        "animals used in research|procedures under the Animals (Scientific Procedures) Act|licences held",
        "researchers holding licences|animal technicians",
        "the animal welfare review",
        "animal research facilities|biological services units",
    ),
    T(
        "cyber security|university IT|student data",
        "cyber attacks|data breaches|phishing incidents",
        "IT staff|students affected",
        "the information security review",
        "servers and firewalls|the student records system",
        "the student records system",
    ),
    T(
        "student accommodation|halls of residence|rents",
        "rooms in halls|rent increases|maintenance complaints",
        "residents|accommodation staff",
        "the accommodation strategy",
        "",
        "student accommodation",
    ),
    T(
        "degree classifications|grade inflation|first-class degrees",
        "first-class degrees awarded|degree classifications|marks moderated",
        "external examiners|students",
        "the degree outcomes statement review",
    ),
    T(
        "casual contracts|hourly-paid staff|zero-hours contracts",
        "staff on zero-hours contracts|hourly-paid teaching hours|fixed-term contracts",
        "hourly-paid lecturers|heads of department",
        "the casualisation review",
    ),
    T(
        "tuition fee income|student finance|fees",
        "fee income|students in fee arrears|students barred for debt",
        "students in arrears|finance staff",
        "the fee policy review",
    ),
    T(
        "student drop-out|non-continuation|withdrawals",
        "students who withdrew|first-year drop-outs|students suspending studies",
        "students who left|personal tutors",
        "the student retention plan",
    ),
    T(
        "Confucius Institute|overseas partnerships|transnational education",
        "partnership agreements|overseas campuses|students on partner programmes",
        "partner institutions|staff seconded abroad",
        "the partnerships review",
    ),
    T(
        "estates and buildings|campus development|the estates strategy",
        "buildings with RAAC|capital projects|maintenance backlog items",
        "contractors|estates staff",
        "the estates masterplan",
        "",
        "capital building works",
    ),
    T(
        "security on campus|campus security|security staff",
        "security incidents|call-outs|thefts on campus",
        "security officers|students involved",
        "the campus security review",
        "campus CCTV|security patrol vehicles",
        "security guarding on campus",
    ),
    T(
        "industrial action|strikes|marking boycott",
        "days lost to strike action|pay deducted|assessments affected",
        "staff on strike|students affected",
        "the industrial action contingency plan",
    ),
    T(
        "admissions|contextual offers|unconditional offers",
        "applications received|contextual offers made|unconditional offers",
        "applicants|admissions tutors",
        "the admissions review",
    ),
    T(
        "staff grievances|employment tribunals|staff disputes",
        "grievances lodged|employment tribunal claims|settlement agreements",
        "claimants|managers",
        "the employee relations report",
    ),
    T(
        "sustainability|carbon emissions|fossil fuel investments",
        "tonnes of carbon emitted|investments in fossil fuel companies|flights booked by staff",
        "fund managers|sustainability staff",
        "the carbon management plan",
    ),
    T(
        "disabled students|reasonable adjustments|disability support",
        "disabled students|reasonable adjustment requests|support plans not implemented",
        "disabled students|disability advisers",
        "the disability inclusion review",
    ),
    T(
        "defence and dual-use research|military research|security-sensitive research",
        "defence-funded projects|export control checks|projects with dual-use potential",
        "researchers|funders",
        "the research export control review",
    ),
)

SCHOOL_TOPICS = (
    T(
        "exclusions|suspensions|permanent exclusions",
        "permanent exclusions|suspensions|managed moves",
        "pupils excluded|staff involved",
        "the behaviour review",
    ),
    T(
        "isolation booths|internal exclusion|the isolation room",
        "uses of the isolation room|pupils placed in isolation|hours spent in isolation",
        "pupils placed in isolation|staff supervising",
        "the behaviour policy review",
    ),
    T(
        "school uniform|uniform costs|uniform suppliers",
        "uniform items sold|pupils sent home for uniform|uniform grants",
        "families helped|suppliers",
        "the uniform policy review",
        "",
        "uniform supply",
    ),
    T(
        "bullying|bullying incidents|peer-on-peer abuse",
        "bullying incidents|racist incidents|online bullying reports",
        "pupils bullied|pupils responsible",
        "the anti-bullying review",
    ),
    T(
        "SEN support|pupils with EHCPs|special needs provision",
        "pupils with EHCPs|SEN support plans|annual reviews completed",
        "pupils with SEN|the SENCO",
        "the SEN information report",
    ),
    T(
        "teacher turnover|staff leaving|staffing",
        "teachers who left|vacancies|supply days",
        "teachers|leaders",
        "the staffing review",
        "",
        "supply teachers",
    ),
    T(
        "head teacher pay|senior leadership pay|executive pay",
        "leaders paid over £100,000|pay awards to leaders|CEO pay rises",
        "the CEO|senior leaders",
        "the pay committee minutes",
    ),
    T(
        "school trips|residential trips|trip costs",
        "trips run|pupils unable to afford trips|trip complaints",
        "trip leaders|pupils",
        "the educational visits review",
    ),
    T(
        "CCTV in schools|school CCTV|cameras in toilets",
        "CCTV cameras|cameras in toilet areas|CCTV viewing requests",
        "staff with access|pupils filmed",
        "the CCTV impact assessment",
        "CCTV cameras",
    ),
    T(
        "attendance|persistent absence|fines for term-time holidays",
        "persistently absent pupils|fixed penalty notices for absence|unauthorised absences",
        "families fined|attendance officers",
        "the attendance improvement plan",
    ),
    T(
        "free school meals|school food|catering",
        "pupils on free school meals|meals served|meal debt",
        "families in meal debt|catering staff",
        "the food strategy",
        "",
        "school catering",
    ),
    T(
        "mobile phone bans|phones in school|phone policy",
        "phones confiscated|phone-related detentions|phone incidents",
        "pupils whose phones were taken|staff",
        "the phone policy review",
    ),
    T(
        "restraint in schools|physical intervention|positive handling",
        "uses of restraint|physical interventions recorded|injuries during restraint",
        "pupils restrained|staff trained",
        "the positive handling review",
    ),
    T(
        "safeguarding referrals|child protection in school|safeguarding",
        "safeguarding referrals|referrals to children's services|allegations against staff",
        "pupils referred|designated safeguarding leads",
        "the safeguarding audit",
    ),
    T(
        "RAAC and school buildings|school building safety|asbestos",
        "classrooms closed|asbestos surveys|building defects",
        "site staff|surveyors",
        "the building condition survey",
        "",
        "building maintenance",
    ),
    T(
        "off-rolling|pupils leaving the roll|elective home education",
        "pupils removed from roll|moves to home education|managed moves",
        "families|leaders",
        "the roll movements review",
    ),
    T(
        "admissions and appeals|oversubscription|school places",
        "admission appeals|appeals upheld|applications received",
        "parents appealing|panel members",
        "the admissions consultation",
    ),
    T(
        "exam results|GCSE outcomes|entries and results",
        "GCSE entries|pupils achieving grade 5|pupils entered early",
        "pupils|teachers",
        "the results analysis",
    ),
    T(
        "academy trust finances|trust reserves|central charges",
        "pounds held in reserves|central service charges|related-party transactions",
        "trustees|the chief finance officer",
        "the trust's financial review",
    ),
    T(
        "agency and supply staff|supply cover|cover costs",
        "supply teacher days|agency spend|lessons covered by non-specialists",
        "supply teachers|agencies",
        "the cover review",
        "",
        "supply teachers",
    ),
    T(
        "sports facilities|playing fields|community lettings",
        "community lettings|playing field sales|sports sessions",
        "hirers|the lettings manager",
        "the lettings policy",
        "",
        "community lettings management",
    ),
    T(
        "transport to school|school buses|travel plans",
        "pupils using school buses|bus complaints|late arrivals due to transport",
        "pupils|bus operators",
        "the travel plan",
        "",
        "the school minibus lease",
    ),
    T(
        "staff absence|teacher sickness|wellbeing",
        "staff sickness days|stress-related absence|occupational health referrals",
        "staff off sick|HR",
        "the wellbeing survey",
    ),
    T(
        "pupil data|data protection|the school MIS",
        "data breaches|subject access requests received|pupil records shared",
        "pupils affected|the data protection officer",
        "the data protection audit",
        "the MIS and cloud systems",
        "the MIS software",
    ),
    T(
        "complaints from parents|parental complaints|complaints to governors",
        "complaints from parents|complaints escalated to governors|complaints upheld",
        "parents complaining|staff complained about",
        "the complaints log review",
    ),
)

FIRE_TOPICS = (
    T(
        "response times|attendance times|fire engine response",
        "incidents with response times over ten minutes|first appliance attendances|delayed responses",
        "crews|callers",
        "the response standards review",
        "fire engines|frontline appliances",
    ),
    T(
        "high-rise fire safety|tower blocks|cladding fires",
        "high-rise inspections|fires in high-rise buildings|buildings under simultaneous evacuation",
        "building owners|fire safety inspectors",
        "the high-rise risk review",
        "aerial ladder platforms",
    ),
    T(
        "false alarms|automatic fire alarms|unwanted signals",
        "false alarms attended|automatic fire alarm call-outs|unwanted fire signals",
        "premises generating false alarms|control staff",
        "the unwanted fire signals review",
    ),
    T(
        "attacks on firefighters|violence against crews|abuse of crews",
        "attacks on crews|incidents where crews were threatened|fireworks thrown at appliances",
        "firefighters assaulted|attackers",
        "the violence at work review",
        "body-worn cameras for crews",
    ),
    T(
        "station closures|fire cover|station staffing",
        "stations closed|appliances unavailable|shifts with crewing shortfalls",
        "on-call firefighters|station managers",
        "the community risk management plan consultation",
        "fire stations and appliances",
    ),
    T(
        "on-call firefighters|retained firefighters|on-call availability",
        "on-call firefighters|hours appliances were off the run|on-call recruits",
        "on-call staff|recruits",
        "the on-call availability review",
        "on-call appliances",
    ),
    T(
        "e-bike and battery fires|lithium-ion battery fires|e-scooter fires",
        "fires caused by e-bikes|battery fires|injuries from battery fires",
        "people injured|fire investigators",
        "the lithium battery fire analysis",
    ),
    T(
        "home fire safety visits|safe and well visits|smoke alarms",
        "home fire safety visits|smoke alarms fitted|visits to vulnerable residents",
        "residents visited|community safety staff",
        "the prevention strategy",
    ),
    T(
        "fire deaths|fire fatalities|fatal fires",
        "fire deaths|fatal dwelling fires|fire deaths of people over 80",
        "people who died|fire investigators",
        "the fatal fire review",
    ),
    T(
        "deliberate fires|arson|anti-social fires",
        "deliberate fires|vehicle arson|grass fires started deliberately",
        "suspected arsonists|crews",
        "the arson reduction plan",
    ),
    T(
        "culture and misconduct|bullying in the fire service|disciplinary cases",
        "disciplinary cases|grievances|bullying complaints",
        "firefighters disciplined|complainants",
        "the culture review",
    ),
    T(
        "firefighter recruitment|workforce diversity|recruits",
        "firefighters recruited|female firefighters|applicants who failed the fitness test",
        "recruits|applicants",
        "the workforce diversity plan",
    ),
    T(
        "fire engines and equipment|appliance fleet|specialist vehicles",
        "appliances in service|appliances off the run for repairs|aerial appliances",
        "fleet staff|crews",
        "the fleet strategy",
        "fire engines and specialist rescue vehicles|hydraulic platforms",
        "appliance maintenance",
    ),
    T(
        "fire control|the mobilising system|999 fire calls",
        "emergency calls received|calls answered late|mobilising system outages",
        "control operators|callers",
        "the control room review",
        "the mobilising system",
        "the mobilising system",
    ),
    T(
        "business fire safety|fire safety audits|enforcement",
        "fire safety audits|enforcement notices|prohibition notices",
        "businesses inspected|fire safety officers",
        "the risk-based inspection programme",
    ),
    T(
        "flooding and water rescues|water rescue|flood response",
        "water rescues|flood call-outs|people rescued from water",
        "people rescued|swift water rescue teams",
        "the flood response review",
        "rescue boats|water rescue equipment",
    ),
    T(
        "road traffic collisions|vehicle extrications|RTC rescues",
        "road traffic collisions attended|people extricated|collisions on the motorway",
        "casualties|rescue crews",
        "the road rescue review",
        "hydraulic rescue equipment",
    ),
    T(
        "wildfires|moorland fires|grass fires",
        "wildfires|hectares burnt|moorland fires",
        "landowners|crews deployed",
        "the wildfire plan",
        "wildfire units|all-terrain vehicles",
    ),
    T(
        "hazardous materials|chemical incidents|hazmat",
        "hazardous materials incidents|chemical spills|decontamination deployments",
        "firefighters exposed|site operators",
        "the hazardous materials response plan",
        "hazmat and decontamination units",
    ),
    T(
        "firefighter pay|overtime and allowances|pay and pensions",
        "overtime hours|allowances paid|pension remedy cases",
        "firefighters|senior officers",
        "the pay review",
    ),
    T(
        "fire service finances|the precept|budget cuts",
        "budget savings|reserves held|posts cut",
        "finance officers|members of the fire authority",
        "the medium-term financial plan",
    ),
    T(
        "animal rescues|rescues of animals|pet rescues",
        "animal rescues|large animal rescues|cats rescued from trees",
        "owners|crews",
        "the animal rescue review",
        "large animal rescue equipment",
    ),
    T(
        "lift rescues|people trapped in lifts|lift releases",
        "lift rescues|repeat lift call-outs|lifts in council blocks",
        "building managers|people trapped",
        "the lift release charging review",
    ),
    T(
        "firefighter health|contaminants|cancer risk",
        "firefighters with cancer diagnoses|contaminant exposure reports|decontamination kits",
        "firefighters affected|occupational health staff",
        "the contaminants review",
        "decontamination equipment",
    ),
    T(
        "co-responding|medical responses|emergency medical response",
        "medical co-responder calls|cardiac arrest responses|defibrillator uses",
        "co-responders|patients",
        "the co-responding pilot evaluation",
        "defibrillators",
    ),
)

TRANSPORT_TOPICS = (
    T(
        "train cancellations|short-notice cancellations|train punctuality",
        "trains cancelled|services cancelled at short notice|trains over 15 minutes late",
        "passengers affected|drivers",
        "the performance improvement plan",
        "",
        "",
        "Northern Trains",
    ),
    T(
        "ticket office closures|ticket offices|station staffing",
        "ticket offices closed|hours ticket offices were open|ticket machine faults",
        "station staff|passengers",
        "the ticket office consultation analysis",
        "",
        "ticket office staffing",
        "the train operator",
    ),
    T(
        "fare evasion|penalty fares|revenue protection",
        "penalty fares issued|fare evasion prosecutions|penalty fares cancelled",
        "passengers prosecuted|revenue protection inspectors",
        "the revenue protection review",
        "",
        "revenue protection",
        "the train operator",
    ),
    T(
        "assaults on transport staff|violence against staff|abuse of staff",
        "assaults on staff|verbal abuse incidents|staff injured",
        "staff assaulted|offenders",
        "the workplace violence review",
        "body-worn cameras for staff",
        "",
        "Transport for London",
    ),
    T(
        "bus services|bus route cuts|bus punctuality",
        "bus routes withdrawn|buses running late|bus journeys lost",
        "passengers|bus operators",
        "the bus network review",
        "",
        "bus service contracts",
        "the combined authority",
    ),
    T(
        "ULEZ|the ultra low emission zone|clean air zones",
        "ULEZ penalty charge notices|vehicles scrapped under the scheme|ULEZ cameras vandalised",
        "drivers fined|scrappage applicants",
        "the ULEZ expansion impact assessment",
        "ULEZ cameras",
        "ULEZ camera maintenance",
        "Transport for London",
    ),
    T(
        "smart motorways|all lane running|motorway safety",
        "stopped vehicle incidents|live lane breakdowns|emergency areas",
        "drivers stranded|traffic officers",
        "the smart motorway stocktake",
        "stopped vehicle detection radar",
        "the smart motorway technology",
        "National Highways",
    ),
    T(
        "level crossings|level crossing safety|crossing near-misses",
        "level crossing near-misses|level crossing closures|misuse incidents",
        "drivers|crossing users",
        "the level crossing risk assessment",
        "level crossing cameras",
        "",
        "Network Rail",
    ),
    T(
        "rail trespass|suicide prevention on the railway|trespass",
        "trespass incidents|fatalities on the line|interventions by staff",
        "people who died|staff who intervened",
        "the suicide prevention plan",
        "",
        "",
        "Network Rail",
    ),
    T(
        "station accessibility|step-free access|passenger assistance",
        "assistance bookings|assistance failures|step-free stations",
        "disabled passengers|assistance staff",
        "the accessibility strategy",
        "",
        "",
        "the train operator",
    ),
    T(
        "delay repay|compensation claims|passenger compensation",
        "delay repay claims|claims rejected|compensation paid",
        "passengers claiming|claims handlers",
        "the compensation process review",
        "",
        "delay repay processing",
        "the train operator",
    ),
    T(
        "station CCTV|CCTV on trains|transport CCTV",
        "CCTV cameras|footage requests|cameras not working",
        "CCTV operators|passengers filmed",
        "the CCTV strategy",
        "CCTV cameras on trains and stations",
        "CCTV maintenance",
        "the train operator",
    ),
    T(
        "roadworks|lane closures|road maintenance",
        "lane closures|overrunning roadworks|emergency roadworks",
        "contractors|motorists",
        "the roadworks coordination review",
        "",
        "road maintenance",
        "National Highways",
    ),
    T(
        "driver shortages|driver recruitment|train crew",
        "drivers recruited|rest day working shifts|trains cancelled for lack of crew",
        "trainee drivers|managers",
        "the crew resourcing plan",
        "",
        "",
        "the train operator",
    ),
    T(
        "Tube air quality|underground temperatures|air pollution on the Underground",
        "air quality readings|stations over temperature limits|dust monitoring results",
        "staff exposed|passengers",
        "the air quality monitoring report",
        "",
        "",
        "Transport for London",
    ),
    T(
        "cycling schemes|cycle lanes|active travel",
        "cycle lanes built|cycle hire trips|active travel funding bids",
        "cyclists|scheme designers",
        "the active travel evaluation",
        "",
        "cycle hire",
        "Transport for London",
    ),
    T(
        "rail replacement buses|engineering works|bustitution",
        "rail replacement journeys|replacement buses failing to run|weekends of closures",
        "passengers|bus companies",
        "the engineering access review",
        "",
        "rail replacement buses",
        "Network Rail",
    ),
    T(
        "port security|the port|shipping movements",
        "vessel movements|security incidents at the port|cargo inspections",
        "port users|security staff",
        "the port security plan",
        "port security cameras and barriers",
        "",
        "the port authority",
    ),
    T(
        "concessionary travel|bus passes|free travel",
        "concessionary passes issued|pass misuse cases|passes withdrawn",
        "pass holders|staff",
        "the concessionary scheme review",
        "",
        "",
        "the passenger transport executive",
    ),
    T(
        "railway arches and property|rail property|station retail",
        "arch tenancies|rent increases for arch tenants|units empty",
        "tenants|property managers",
        "the property disposal review",
        "",
        "the property portfolio management",
        "Network Rail",
    ),
    T(
        "accidents on trains and trams|passenger injuries|slips and trips",
        "passenger injuries|RIDDOR reports|tram incidents",
        "injured passengers|staff",
        "the safety performance report",
        "",
        "",
        "the passenger transport executive",
    ),
    T(
        "ticketing and contactless|pay as you go|ticket machines",
        "contactless journeys|ticket machine failures|incomplete journeys",
        "passengers overcharged|staff",
        "the ticketing review",
        "the ticketing system",
        "the ticketing system",
        "the train operator",
    ),
    T(
        "drones near airports and railways|airspace incursions|drone sightings",
        "drone sightings|disruptions due to drones|airspace incursions",
        "drone operators|staff",
        "the drone disruption review",
        "counter-drone equipment",
        "",
        "the port authority",
    ),
    T(
        "executive pay and bonuses|senior pay|performance bonuses",
        "bonuses paid|staff paid over £150,000|settlement payments",
        "directors|senior managers",
        "the remuneration review",
        "",
        "",
        "Transport for London",
    ),
    T(
        "graffiti and vandalism|vandalism|criminal damage",
        "graffiti incidents|trains withdrawn for graffiti|vandalised ticket machines",
        "offenders|cleaning staff",
        "the graffiti reduction plan",
        "",
        "graffiti removal",
        "Network Rail",
    ),
)

REGULATOR_TOPICS = (
    T(
        "care home inspections|adult social care inspections|care homes",
        "care home inspections|homes rated inadequate|inspections overdue",
        "registered managers|inspectors",
        "the adult social care inspection review",
        "",
        "",
        "the Care Quality Commission",
    ),
    T(
        "hospital inspections|NHS trust ratings|acute hospitals",
        "hospital inspections|trusts rated inadequate|warning notices",
        "trust executives|inspectors",
        "the acute inspection methodology review",
        "",
        "",
        "the Care Quality Commission",
    ),
    T(
        "school inspections|Ofsted grades|inspection complaints",
        "school inspections|complaints about inspections|schools downgraded",
        "head teachers|inspectors",
        "the inspection complaints review",
        "",
        "",
        "Ofsted",
    ),
    T(
        "children's homes|unregulated placements|children's home inspections",
        "children's home inspections|unregistered children's homes|enforcement notices",
        "providers|inspectors",
        "the children's homes regulatory review",
        "",
        "",
        "Ofsted",
    ),
    T(
        "financial advisers|mis-selling|consumer redress",
        "firms investigated for mis-selling|redress schemes|authorisations refused",
        "firms|senior managers",
        "the consumer duty review",
        "",
        "",
        "the Financial Conduct Authority",
    ),
    T(
        "bank complaints|branch closures|banking access",
        "complaints about banks|branch closures notified|account closures",
        "bank customers|firms",
        "the access to cash review",
        "",
        "",
        "the Financial Conduct Authority",
    ),
    T(
        "broadcasting complaints|TV programme complaints|broadcasting standards",
        "broadcasting complaints|investigations into programmes|sanctions on broadcasters",
        "broadcasters|complainants",
        "the broadcasting standards review",
        "",
        "",
        "Ofcom",
    ),
    T(
        "broadband and phone complaints|telecoms|mobile coverage",
        "complaints about broadband providers|mobile not-spots|switching complaints",
        "providers|consumers",
        "the telecoms consumer review",
        "",
        "",
        "Ofcom",
    ),
    T(
        "merger reviews|market investigations|competition cases",
        "merger investigations|market studies|competition cases closed",
        "companies under review|case teams",
        "the merger control review",
        "",
        "",
        "the Competition and Markets Authority",
    ),
    T(
        "charity investigations|charity governance|inquiries into charities",
        "statutory inquiries|serious incident reports|charities removed from the register",
        "trustees|charities investigated",
        "the compliance case review",
        "",
        "",
        "the Charity Commission",
    ),
    T(
        "workplace deaths|workplace safety|HSE prosecutions",
        "workplace fatalities|HSE prosecutions|improvement notices",
        "employers prosecuted|inspectors",
        "the enforcement management review",
        "",
        "",
        "the Health and Safety Executive",
    ),
    T(
        "building safety regulation|higher-risk buildings|the Building Safety Regulator",
        "building control applications|higher-risk buildings registered|gateway two delays",
        "developers|regulator staff",
        "the gateway process review",
        "",
        "",
        "the Health and Safety Executive",
    ),
    T(
        "doctors' fitness to practise|GMC investigations|medical tribunals",
        "fitness-to-practise investigations|doctors erased|interim orders",
        "doctors under investigation|witnesses",
        "the fitness-to-practise review",
        "",
        "",
        "the General Medical Council",
    ),
    T(
        "nurse and midwife referrals|NMC hearings|fitness to practise",
        "referrals received|hearings held|cases waiting over a year",
        "registrants|witnesses",
        "the fitness-to-practise improvement plan",
        "",
        "",
        "the Nursing and Midwifery Council",
    ),
    T(
        "water company performance|sewage spills|water bills",
        "enforcement cases against water companies|customer complaints|penalties imposed",
        "water companies|executives",
        "the price review",
        "",
        "",
        "Ofwat",
    ),
    T(
        "gambling operators|problem gambling|gambling licences",
        "licence reviews|penalty packages|operators fined",
        "operators|customers harmed",
        "the gambling compliance report",
        "",
        "",
        "the Gambling Commission",
    ),
    T(
        "mental health service inspections|learning disability units|closed cultures",
        "mental health inspections|units rated inadequate|Mental Health Act monitoring visits",
        "providers|patients",
        "the closed cultures review",
        "",
        "",
        "the Care Quality Commission",
    ),
    T(
        "GP practice inspections|GP ratings|primary care regulation",
        "GP inspections|practices rated inadequate|practices in special measures",
        "GP partners|inspectors",
        "the primary care inspection approach",
        "",
        "",
        "the Care Quality Commission",
    ),
    T(
        "nursery inspections|early years providers|childminders",
        "early years inspections|childminders deregistered|nurseries suspended",
        "childminders|parents",
        "the early years inspection review",
        "",
        "",
        "Ofsted",
    ),
    T(
        "cryptoasset firms|financial promotions|scam adverts",
        "crypto firms registered|promotions removed|warnings published",
        "firms|consumers",
        "the financial promotions review",
        "",
        "",
        "the Financial Conduct Authority",
    ),
    T(
        "online safety|online harms|platform regulation",
        "platforms assessed|investigations under the Online Safety Act|complaints about platforms",
        "platforms|users",
        "the online safety roadmap",
        "",
        "",
        "Ofcom",
    ),
    T(
        "consumer protection enforcement|consumer law|unfair practices",
        "consumer enforcement cases|undertakings accepted|sectors investigated",
        "businesses|consumers",
        "the consumer enforcement review",
        "",
        "",
        "the Competition and Markets Authority",
    ),
    T(
        "regulator staffing|inspector vacancies|regulator performance",
        "inspector vacancies|staff turnover|cases per inspector",
        "inspectors|managers",
        "the workforce plan",
    ),
    T(
        "regulator complaints|complaints about the regulator|service complaints",
        "complaints about the regulator|complaints upheld|referrals to the ombudsman",
        "complainants|staff",
        "the complaints handling review",
    ),
    T(
        "asbestos|asbestos in public buildings|asbestos inspections",
        "asbestos inspections|asbestos prosecutions|notifiable asbestos works",
        "duty holders|inspectors",
        "the asbestos regulation review",
        "",
        "",
        "the Health and Safety Executive",
    ),
)

OTHER_TOPICS = (
    T(
        "flood defences|flood risk|flood schemes",
        "flood defence schemes|properties protected|defences in poor condition",
        "engineers|landowners",
        "the flood scheme business case",
        "flood gauges and pumps",
        "flood defence maintenance",
        "the Environment Agency",
    ),
    T(
        "river pollution|water quality|pollution incidents",
        "pollution incidents|water quality samples|prosecutions of water companies",
        "water company staff|officers",
        "the river basin review",
        "",
        "",
        "the Environment Agency",
    ),
    T(
        "listed buildings|heritage at risk|listing decisions",
        "listing applications|buildings at risk|listing decisions overturned",
        "owners|advisers",
        "the heritage at risk review",
        "",
        "",
        "Historic England",
    ),
    T(
        "weather forecasting|forecast accuracy|weather warnings",
        "weather warnings issued|forecast errors|supercomputer outages",
        "forecasters|users",
        "the forecast verification report",
        "the supercomputer",
        "supercomputer services",
        "the Met Office",
    ),
    T(
        "protected sites|SSSIs|nature reserves",
        "SSSIs in unfavourable condition|site visits|consents granted",
        "landowners|advisers",
        "the protected sites review",
        "",
        "",
        "Natural England",
    ),
    T(
        "arts funding|national portfolio organisations|grants for the arts",
        "grant applications|organisations losing funding|grants awarded",
        "applicants|assessors",
        "the investment programme review",
        "",
        "",
        "Arts Council England",
    ),
    T(
        "museum collections|looted artefacts|restitution claims",
        "items in the collection|restitution claims|items stolen from the collection",
        "claimants|curators",
        "the collections security review",
        "storage facilities",
        "collections storage",
        "the British Museum",
    ),
    T(
        "public records|record transfers|closed files",
        "files transferred|files closed|reclosure requests",
        "researchers|record reviewers",
        "the records transfer review",
        "",
        "",
        "the National Archives",
    ),
    T(
        "forestry and tree felling|tree planting|felling licences",
        "felling licences|trees planted|illegal felling cases",
        "landowners|woodland officers",
        "the woodland creation review",
        "",
        "",
        "the Forestry Commission",
    ),
    T(
        "mapping data|OS data licensing|map products",
        "data licences|map product sales|licence disputes",
        "licensees|staff",
        "the data pricing review",
        "",
        "data licensing",
        "Ordnance Survey",
    ),
    T(
        "election spending|party donations|electoral fraud allegations",
        "donations reported|fines on parties|allegations of electoral fraud",
        "donors|parties",
        "the enforcement review",
        "",
        "",
        "the Electoral Commission",
    ),
    T(
        "census data|official statistics|survey response rates",
        "survey responses|data releases delayed|statistical errors",
        "respondents|statisticians",
        "the statistics quality review",
        "",
        "",
        "the Office for National Statistics",
    ),
    T(
        "land registration|title fraud|registration delays",
        "registration applications|fraud cases|applications delayed over a year",
        "owners|caseworkers",
        "the registration backlog review",
        "",
        "",
        "HM Land Registry",
    ),
    T(
        "parish council spending|the parish precept|parish assets",
        "grants made by the parish|precept increases|assets sold",
        "parish councillors|the clerk",
        "the parish asset review",
        "",
        "grounds maintenance",
        "the parish council",
    ),
    T(
        "national park planning|second homes|holiday lets",
        "planning applications in the park|holiday lets|enforcement cases",
        "applicants|planners",
        "the local plan review",
        "",
        "",
        "the national park authority",
    ),
    T(
        "badger culling|bovine TB|wildlife licences",
        "badger cull licences|badgers culled|licence compliance checks",
        "cull companies|farmers",
        "the cull licensing review",
        "",
        "",
        "Natural England",
    ),
    T(
        "beavers and species reintroduction|wildlife reintroductions|species licences",
        "species licences|reintroductions approved|licence breaches",
        "licensees|landowners",
        "the reintroduction policy review",
        "",
        "",
        "Natural England",
    ),
    T(
        "waste crime|illegal waste sites|waste permits",
        "illegal waste sites|waste permits revoked|waste crime prosecutions",
        "operators|enforcement officers",
        "the waste crime strategy",
        "",
        "",
        "the Environment Agency",
    ),
    T(
        "museum visitor numbers|ticketing|admissions",
        "visitors|paid exhibition tickets|free admissions",
        "visitors|front-of-house staff",
        "the visitor strategy",
        "the visitor ticketing system",
        "the visitor ticketing system",
        "the British Museum",
    ),
    T(
        "heritage grants|repair grants|grant schemes",
        "repair grants|grants withdrawn|grant applications",
        "applicants|grant officers",
        "the grants review",
        "",
        "",
        "Historic England",
    ),
    T(
        "staff pay and bonuses|executive pay|bonuses",
        "staff paid over £100,000|bonuses|settlement agreements",
        "executives|staff",
        "the pay review",
    ),
    T(
        "sponsorship|corporate sponsorship|donations",
        "sponsorship deals|donations accepted|donations declined",
        "sponsors|donors",
        "the sponsorship policy review",
        "",
        "sponsorship agreements",
        "the British Museum",
    ),
    T(
        "electoral registration|voter ID|registration checks",
        "voter authority certificates|people turned away for lack of ID|registration complaints",
        "voters|electoral staff",
        "the voter ID evaluation",
        "",
        "",
        "the Electoral Commission",
    ),
    T(
        "coastal erosion|coastal defences|shoreline management",
        "coastal schemes|properties at risk|schemes deferred",
        "residents|engineers",
        "the shoreline management plan review",
        "",
        "coastal works",
        "the Environment Agency",
    ),
    T(
        "digitisation projects|online catalogues|digital archives",
        "documents digitised|catalogue errors|downloads",
        "contractors|archivists",
        "the digital strategy",
        "",
        "digitisation services",
        "the National Archives",
    ),
)

TOPICS: dict[str, tuple[Topic, ...]] = {
    "police": POLICE_TOPICS,
    "council": COUNCIL_TOPICS,
    "central_government": CENTRAL_TOPICS,
    "nhs": NHS_TOPICS,
    "university": UNIVERSITY_TOPICS,
    "school": SCHOOL_TOPICS,
    "fire": FIRE_TOPICS,
    "transport": TRANSPORT_TOPICS,
    "regulator": REGULATOR_TOPICS,
    "other": OTHER_TOPICS,
}


# --------------------------------------------------------------------------------------------------------
# Composition context and drafts
# --------------------------------------------------------------------------------------------------------

GENERIC_ASSETS: dict[str, str] = {
    "police": "specialist vehicles|surveillance-capable cameras|firearms and less-lethal weapons",
    "council": "CCTV cameras|deployable cameras|enforcement vehicles",
    "central_government": "security equipment|surveillance equipment at its sites|specialist vehicles",
    "nhs": "security systems|CCTV cameras on hospital sites|servers and network equipment",
    "university": "campus CCTV|servers and firewalls|access control systems",
    "school": "CCTV cameras|the MIS and cloud systems|door entry systems",
    "fire": "fire engines|specialist rescue vehicles|aerial appliances",
    "transport": "CCTV cameras|security barriers|control room systems",
    "regulator": "case management systems|IT systems|inspection equipment",
    "other": "IT systems|site security systems|CCTV cameras",
}


@dataclass
class Ctx:
    """Everything a frame needs to write one request."""

    rng: random.Random
    authority: str
    topic: Topic
    third: bool = False  # write about the authority in the third person (ICO-style summaries)
    periods: dict[int, str] = field(default_factory=dict)  # one wording per span, so parts agree
    subject: str = ""  # replaces the topic name when a frame needs a particular kind of subject

    @property
    def profile(self) -> Authority:
        return AUTHORITIES[self.authority]

    def pv(self, text: str) -> str:
        """A topic/profile variant with its own small placeholders filled."""
        value = variant(self.rng, text)
        return (
            value.replace("{country}", self.rng.choice(COUNTRIES))
            .replace("{place}", place(self.rng))
            .replace("{year}", str(self.rng.randint(2019, 2024)))
            .replace("{date}", date(self.rng))
        )

    def you(self) -> str:
        if self.topic.body and self.rng.random() < 0.5:
            return self.topic.body
        return self.pv(THIRD_PERSON[self.authority] if self.third else self.profile.you)

    def body(self) -> str:
        if self.topic.body:
            return self.topic.body
        return self.rng.choice(self.profile.names)

    def asset(self) -> str:
        return self.pv(self.topic.asset or GENERIC_ASSETS[self.authority])

    def service(self) -> str:
        if self.topic.service and self.rng.random() < 0.7:
            return self.pv(self.topic.service)
        return self.pv(self.rng.choice(self.profile.services))

    def slots(self, years: int = 1, **fixed: str) -> dict[str, str]:
        """Fresh values for every slot, with ``fixed`` laid over them.

        Every slot is drawn even when ``fixed`` replaces it, so fixing a value never shifts the random sequence.
        """
        rng = self.rng
        unit = self.pv(self.topic.unit)
        if years not in self.periods:
            self.periods[years] = period(rng, years)
        return {
            "name": self.subject or self.pv(self.topic.name),
            "name2": self.subject or self.pv(self.topic.name),
            "unit": unit,
            "unit2": self.pv(self.topic.unit),
            "people": self.pv(self.topic.people),
            "doc": self.pv(self.topic.doc),
            "asset": self.asset(),
            "service": self.service(),
            "you": self.you(),
            "staff": self.pv(self.profile.staff),
            "period": self.periods[years],
            "year": str(rng.randint(2019, 2024)),
            "date": date(rng),
            "place": place(rng),
            "street": street(rng),
            "person": person(rng),
            "officer": officer(rng),
            "supplier": rng.choice(SUPPLIERS),
            "country": rng.choice(COUNTRIES),
            "ref": reference(rng),
            "kind": self.profile.kind,
            "body": self.body(),
            "surname": rng.choice(SURNAMES),
            "month": month_year(rng),
            "num": str(rng.randint(2, 40)),
            **fixed,
        }


@dataclass
class Draft:
    """The content of one request before it is given a shape."""

    items: list[str]  # noun phrases (lower-case, no full stop) or full questions ending in "?"
    gist: str  # third-person noun phrase for ICO-style summaries
    effort: Effort = field(default_factory=Effort)
    context: str = ""  # optional sentence explaining who is asking or why
    tail: str = ""  # optional closing instruction, e.g. how to break figures down
    flags: set[str] = field(default_factory=set)
    labels: set[str] = field(default_factory=set)  # labels a frame adds because of a part it wrote

    def add(self, item: str) -> None:
        if item and item not in self.items:
            self.items.append(item)


FrameFn = Callable[[Ctx], Draft]


def dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = item.lower()
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def several(
    ctx: Ctx,
    templates: Sequence[str],
    low: int,
    high: int,
    years: int = 1,
    draw: Callable[[], dict[str, str]] | None = None,
) -> list[str]:
    """Fill ``low``..``high`` distinct templates (each with fresh slot values).

    ``draw`` gives each part its slot values in place of ``ctx.slots(years)``, for parts that share a fixed value
    (``ctx.slots(years, asset=...)``) or draw one of their own after their slots (a system, a security body). It
    is called once per chosen template, at the point where ``ctx.slots`` would be, so the draws keep their order.
    """
    count = min(len(templates), ctx.rng.randint(low, high))
    chosen = ctx.rng.sample(list(templates), count)
    slots = draw or (lambda: ctx.slots(years))
    return dedupe([fill(ctx.rng, t, **slots()) for t in chosen])


def draft_of(
    items: list[str],
    gist: str,
    years: int = 1,
    context: str = "",
    flags: Iterable[str] = (),
    sweep: bool = False,
) -> Draft:
    """A Draft with the effort most frames need: one unit per (deduplicated) part over ``years``.

    ``gist`` and ``context`` come in already filled and nothing here draws from the generator, so each frame keeps
    control of the order of its random draws (and hence of its output).
    """
    draft = Draft(dedupe(items), gist, context=context, flags=set(flags))
    draft.effort = Effort(parts=len(draft.items), years=years, sweep=sweep)
    return draft


def simple_request(
    ctx: Ctx,
    templates: Sequence[str],
    low: int,
    high: int,
    gists: Sequence[str],
    years: int = 1,
    flags: Iterable[str] = (),
    **fixed: str,
) -> Draft:
    """The commonest frame: ``low``..``high`` parts from ``templates``, then a gist from ``gists``.

    Parts and gist share ``years`` and the ``fixed`` slot values; the effort is the usual one (see ``draft_of``).
    """
    items = several(ctx, templates, low, high, draw=lambda: ctx.slots(years, **fixed))
    return draft_of(items, pick(ctx.rng, gists, **ctx.slots(years, **fixed)), years, flags=flags)


# --------------------------------------------------------------------------------------------------------
# Information-kind frames: statistics
# --------------------------------------------------------------------------------------------------------

COUNT_ITEMS = (
    "the number of {unit} {period}",
    "the total number of {unit} [recorded|logged] by {you} {period}",
    "How many {unit} were there {period}?",
    "How many {unit} did {you} [record|deal with|log] {period}?",
    "What was the [total|overall] number of {unit} {period}?",
    "[Can|Could] you [tell me|let me know] how many {unit} there were {period}?",
    "the [annual|yearly] [total|count] of {unit} {period}",
    "the [headline|overall|single] figure for {unit} {period}",
    "[figures|numbers] showing how many {unit} there were {period}",
    "a [simple|basic] count of {unit} {period}",
    "What is the [latest|most recent] figure for {unit}?",
    "how many {unit} {you} [had|dealt with] {period}",
)
COUNT_EXTRAS = (
    "the [equivalent|same] figure for the [previous|preceding] [year|twelve months]",
    "the total [cost|spend] [of|on] {name} {period}",
    "How many {staff} [work on|are assigned to] {name}, as a full-time equivalent [figure|number]?",
    "whether {you} [has|holds] a written policy on {name}, and [the date|when] it was last reviewed",
    "Which [team|department|directorate] is responsible for {name}?",
    "the number of {unit2} over the same period",
    "the budget [allocated|set aside] for {name} [this year|in the current financial year]",
    "Is the figure [higher|lower] than [the year before|in {year}]?",
    "the [date|month] in which {you} last [reviewed|changed] [its|the] approach to {name}",
)
COUNT_GISTS = (
    "the number of {unit} {period}",
    "statistics on {name} {period}",
    "[figures|information] on {unit} {period}",
    "information about how many {unit} there had been {period}",
    "[a small number of|some] [figures|statistics] about {name}",
    "the total number of {unit} {period}, with [a related question|related figures]",
)

BREAKDOWN_PARTS = (
    "the number of those {qual}",
    "of these, the number {qual}",
    "the number of {unit2} {period}",
    "the [average|median] time taken to [deal with|resolve|close] [each of these|these cases]",
    "the [total|annual] cost of {name} in each of those years",
    "how many {staff} [worked on|were assigned to] {name} in each year",
    "the number of {unit} {qual}",
    "a [separate|further] figure for [cases|those] {qual}",
    "the [longest|shortest] time [any|a] case took to [resolve|close]",
    "the number of [repeat|returning] cases within twelve months",
    "the number of {unit2} {qual}",
    "the proportion of {unit} {qual}",
    "[for comparison,|] the [same|equivalent] figures for {unit2}",
)
BREAKDOWN_TAILS = (
    "Please break [each figure|the figures|all of the above] down by {fields}.",
    "[For each part|For every question], please [give|provide] a breakdown by {fields}.",
    "I would like [all|each of] [these|the] figures [split|broken down] by {fields}.",
    "[Ideally|If possible], the data should be [broken down|split] by {fields}.",
    "Each answer should show {fields}.",
    "Please [provide|present] this [by|broken down by] {fields} [where held|so I can compare].",
)
BREAKDOWN_GISTS = (
    "the number of {unit} {period}, broken down by {fields}",
    "statistics about {name} {period}, broken down by {fields}, [in a {n}-part request|in {n} parts]",
    "[detailed|extensive] statistics on {unit} {period}, by {fields}",
    "information about {name} {period}, including breakdowns by {fields}",
    "figures on {unit} and related matters {period}, broken down by {fields}",
)
NO_FIELDS_GISTS = (
    "[a series of|several] statistics about {name} {period}, [set out in {n} parts|in a {n}-part request]",
    "[several|a series of] figures on {unit} {period}",
    "information about {unit} {period}, in {n} parts",
)


def breakdown_fields(ctx: Ctx, count: int, manual: bool) -> list[str]:
    profile = ctx.profile
    plain = ctx.rng.sample(list(profile.fields), min(count, len(profile.fields)))
    if manual and plain:
        plain[-1] = ctx.rng.choice(profile.manual_fields)
    elif manual:
        plain = [ctx.rng.choice(profile.manual_fields)]
    return plain


def small_numbers(fields: Sequence[str]) -> bool:
    """A small area crossed with a personal characteristic can identify people."""
    return any(f in SMALL_AREA_FIELDS for f in fields) and any(f in PERSONAL_FIELDS for f in fields)


def plain_counts(ctx: Ctx, years: int, extras: Sequence[str]) -> Draft:
    """One count of the topic's unit plus one to three related questions drawn from ``extras``."""
    rng = ctx.rng
    items = [pick(rng, COUNT_ITEMS, **ctx.slots(years)), *several(ctx, extras, 1, 3, years)]
    return draft_of(items, pick(rng, COUNT_GISTS, **ctx.slots(years)), years)


def frame_count(ctx: Ctx) -> Draft:
    """A plain aggregate count (answered in full when the system records it as a category)."""
    return plain_counts(ctx, ctx.rng.choice((1, 1, 1, 2, 3, 3, 5)), COUNT_EXTRAS)


def frame_breakdown(ctx: Ctx, manual: bool | None = None) -> Draft:
    """A multi-part request with years and breakdown fields; its size decides s12."""
    rng = ctx.rng
    profile = ctx.profile
    years = draw_years(rng)
    parts = rng.choice((2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 8, 9, 10))
    n_fields = rng.choice((0, 1, 2, 2, 3, 3, 4, 5))
    manual = rng.random() < 0.3 if manual is None else manual
    manual_qual = manual and rng.random() < 0.5
    fields = breakdown_fields(ctx, n_fields, manual and not manual_qual)
    first = pick(rng, COUNT_ITEMS[:10], **ctx.slots(years))
    items = [first]
    quals = list(profile.quals)
    rng.shuffle(quals)
    for index in range(parts - 1):
        qual = quals[index % len(quals)]
        if manual_qual and len(items) == 1:
            qual = rng.choice(profile.manual_quals)
        items.append(pick(rng, BREAKDOWN_PARTS, **ctx.slots(years), qual=qual))
    items = dedupe(items)
    field_text = join_and(fields, rng)
    slots = {**ctx.slots(years), "fields": field_text, "n": str(len(items))}
    tail = pick(rng, BREAKDOWN_TAILS, **slots) if fields else ""
    gist = pick(rng, BREAKDOWN_GISTS if fields else NO_FIELDS_GISTS, **slots)
    draft = Draft(items, gist, tail=tail)
    draft.effort = Effort(parts=len(items), years=years, fields=len(fields), manual=manual)
    if small_numbers(fields):
        draft.flags.add("small_numbers")
    return draft


MANUAL_ITEMS = (
    "how many {unit} {period} {mqual}",
    "the number of {unit} {mqual}, {period}",
    "How many {unit} {mqual} were there {period}?",
    "In how many {unit} {period} was it recorded {mfield}?",
    "the number of {unit} {period} [and, for each one,|with] {mfield}",
    "a count of {unit} {mqual} {period}",
)
MANUAL_CONTEXTS = (
    "I realise this may not be a category on your system, but [it|the information] should be "
    "in the [case notes|files].",
    "[I appreciate|I know] you may have to look at individual records for this.",
    "Please search the free-text [notes|fields] if "
    "[this is not recorded separately|there is no flag for it].",
    "[My interest|What I am interested in] is the human detail behind the headline figures.",
    "",
)
MANUAL_GISTS = (
    "the number of {unit} {mqual} {period}",
    "information about {unit} {period}, including {mfield}",
    "statistics on {name} {period} that required details from individual case records",
)


def frame_manual_count(ctx: Ctx) -> Draft:
    """Counts of something that is not a recorded category: case files or free text must be read."""
    rng = ctx.rng
    profile = ctx.profile
    years = rng.choice((1, 1, 2, 3, 5, 5, 7, 10))
    draft = Draft([], "")
    for _ in range(rng.choice((1, 1, 2, 2, 3))):
        slots = {
            **ctx.slots(years),
            "mqual": rng.choice(profile.manual_quals),
            "mfield": decap(rng.choice(profile.manual_fields)),
        }
        draft.add(pick(rng, MANUAL_ITEMS, **slots))
    slots = {
        **ctx.slots(years),
        "mqual": rng.choice(profile.manual_quals),
        "mfield": rng.choice(profile.manual_fields),
    }
    draft.gist = pick(rng, MANUAL_GISTS, **slots)
    draft.context = pick(rng, MANUAL_CONTEXTS)
    draft.effort = Effort(parts=len(draft.items), years=years, manual=True)
    return draft


SMALL_CELL_ITEMS = (
    "the number of {people} [at|in] [each|every] {area} [by|broken down by] {trait} {period}",
    "[how many|the number of] {people} [in|at] {area} [are|were] {group} [, by {trait}|]",
    "the {trait} of [each of|every one of|all] the {people} [involved in|connected with] {name} {period}",
    "a table of {people} by {area} and {trait} {period}, [including|showing] "
    "[cells with fewer than five|all counts, even small ones]",
    "for each {area}, the number of {people} who [are|were] {group}, split by {trait}",
)
SMALL_AREAS: dict[str, str] = {
    "police": "station|team|response unit|neighbourhood team",
    "council": "ward|care home|children's home|depot",
    "central_government": "office|team|prison wing|jobcentre",
    "nhs": "ward|GP practice|clinic|department",
    "university": "department|course|hall of residence|research group",
    "school": "year group|class|tutor group|form",
    "fire": "station|watch|crew",
    "transport": "depot|station|route",
    "regulator": "team|regional office|directorate",
    "other": "site|office|team",
}
GROUPS = (
    "disabled",
    "from an ethnic minority background",
    "under investigation",
    "on long-term sick leave",
    "disciplined",
    "known to have a mental health condition",
    "LGBT+",
    "aged over 60",
    "pregnant",
    "subject to a grievance",
    "on a final warning",
)
TRAITS = (
    "ethnicity",
    "age",
    "sex",
    "ethnicity and sex",
    "age and gender",
    "religion",
    "disability status",
    "nationality",
)


def frame_small_cells(ctx: Ctx) -> Draft:
    """Fine-grained statistics where the cells are small enough to identify people."""
    rng = ctx.rng
    years = rng.choice((1, 1, 2, 3))
    draft = Draft([], "")
    for template in rng.sample(SMALL_CELL_ITEMS, rng.choice((1, 2, 2, 3))):
        slots = {
            **ctx.slots(years),
            "area": ctx.pv(SMALL_AREAS[ctx.authority]),
            "group": rng.choice(GROUPS),
            "trait": rng.choice(TRAITS),
        }
        draft.add(fill(rng, template, **slots))
    slots = {**ctx.slots(years), "area": ctx.pv(SMALL_AREAS[ctx.authority]), "trait": rng.choice(TRAITS)}
    draft.gist = fill(
        rng,
        rng.choice(
            (
                "statistics on {people} broken down by {area} and {trait}",
                "the {trait} of {people} in each {area} {period}",
                "detailed figures about {people} at {area} level",
            )
        ),
        **slots,
    )
    draft.effort = Effort(parts=len(draft.items), years=years, fields=2)
    draft.flags.add("small_numbers_strict")
    return draft


YESNO_ITEMS = (
    "Does {you} [use|currently use|deploy|own] {asset}?",
    "If so, [since when|from what date], and how many [are in use|do you have] in total?",
    "[a copy of|] [the|any] [policy|guidance|procedure] [governing|covering] {name}",
    "Do you [have|hold] a [written|formal] policy on {name}? If so, please [send|attach] a copy.",
    "Is {name} [handled in-house|dealt with in-house] or by an external provider?",
    "the date [your|the] [policy|procedure] on {name} was last [reviewed|updated]",
    "Which [senior post|directorate|department] [has|holds] overall responsibility for {name}?",
    "Has {you} [carried out|completed] an equality impact assessment on {name}?",
    "Does {you} [have|run] a dedicated team for {name}?",
    "whether {you} [took part in|joined] [any|the] national [pilot|scheme] on {name}",
)
YESNO_GISTS = (
    "whether {you} used {asset} and its policy on {name}",
    "information about {you}'s [approach to|policies on] {name}",
    "whether {you} had a policy on {name} and who was responsible for it",
    "[basic|general] information about how {you} [manages|deals with] {name}",
)


def frame_yesno(ctx: Ctx) -> Draft:
    """Yes/no questions about practice and policies in use (normally answered in full)."""
    rng = ctx.rng
    items = several(ctx, YESNO_ITEMS[1:], 2, 5)
    if ctx.topic.asset and rng.random() < 0.6:
        items.insert(0, fill(rng, YESNO_ITEMS[0], **ctx.slots()))
    else:
        items = [i for i in items if not i.startswith("If so")] or items
    return draft_of(items, pick(rng, YESNO_GISTS, **ctx.slots()))


TOTALS_ITEMS = (
    "the total [amount spent|expenditure] on {name} {period}",
    "the [number|headcount] of {staff} [working in|assigned to] {name}, as "
    "[FTE|a full-time equivalent figure]",
    "the [annual|total] budget for {name} {period}",
    "How much did {you} spend on {name} {period}?",
    "What is the current [establishment|headcount] of the team [dealing with|responsible for] {name}?",
    "the [total|overall] income {you} received from {name} {period}",
    "the number of vacant posts in the team [handling|working on] {name}",
    "How many {staff} does {you} employ [in total|overall], and how many work on {name}?",
)
TOTALS_GISTS = (
    "the total spent on {name} {period}",
    "the headcount and budget for {name}",
    "figures on staffing and spending for {name}",
    "[spending|budget] totals for {name} {period}",
)


def frame_totals(ctx: Ctx) -> Draft:
    """Spending totals and headcounts at whole-organisation level."""
    return simple_request(ctx, TOTALS_ITEMS, 2, 4, TOTALS_GISTS, ctx.rng.choice((1, 1, 2, 3, 5)))


# --------------------------------------------------------------------------------------------------------
# Frames about people
# --------------------------------------------------------------------------------------------------------

NAMES_ITEMS = (
    "the names [and job titles|and roles|and ranks|] of {people}",
    "a list of {people}, with their [names|full names] and [the dates involved|where they are based]",
    "the [identities|names] of {people} [in relation to|connected with] {name} {period}",
    "the name of the [caseworker|officer|member of staff] who [dealt with|handled] "
    "[my neighbour's|the] complaint about {name}",
    "unredacted copies of {doc}, [including|with] the names of "
    "[everyone present|all attendees|the staff who contributed]",
    "the names and contact details of {people}",
    "the [personal email addresses|direct phone numbers|work mobile numbers] of the {staff} "
    "[who work on|responsible for] {name}",
    "[copies of|] the [slides|presentation] [given|shown] at the {name} [briefing|workshop] "
    "on {date}, [with|including] speaker names",
    "Who [exactly|] [made|signed off] the decision about {name} on {date}? Please give "
    "[names|their names and grades].",
    "a [list|spreadsheet] of {people} {period}, including [their names|names and addresses|names and ages]",
    "the minutes of the {name} [working group|steering group] [meetings|meeting] {period}, "
    "[with attendees' names|showing who said what]",
    "[the|any] [register|list] of {people} that {you} [keeps|maintains]",
)
NAMES_GISTS = (
    "the names of {people}",
    "a list of {people} [with identifying details|including names]",
    "[an unredacted copy of|] {doc} including the names of those involved",
    "the identities of {people} connected with {name}",
    "information identifying {people}",
)


def frame_names(ctx: Ctx) -> Draft:
    rng = ctx.rng
    years = rng.choice((1, 2, 3))
    items = several(ctx, NAMES_ITEMS, 1, 3, years)
    if rng.random() < 0.4:
        items.append(pick(rng, COUNT_ITEMS, **ctx.slots(years)))
    return draft_of(items, pick(rng, NAMES_GISTS, **ctx.slots(years)), years)


RELATIONS = (
    "neighbour",
    "former colleague",
    "ex-partner",
    "landlord",
    "cousin",
    "tenant",
    "former employer",
    "son's teacher",
    "business partner",
    "lodger",
    "friend",
)
CASE_ITEMS = (
    "all information held about the case of {person} [relating to|concerning] {name}",
    "the outcome of the complaint [made by|about] {person} [regarding|about] {name}",
    "why {person} was [refused|treated the way they were] and who made that decision",
    "[copies of|] the [notes|records|file] relating to {person}'s [case|application|matter]",
    "the reasons [given|recorded] for the decision on {person}'s [application|complaint|case]",
    "what [action|steps] {you} took after {person} [reported|raised] concerns about {name} on {date}",
    "Did anyone from {you} [speak to|visit|contact] {person} after {date}? What was said?",
    "[details of|] [any|] [warnings|sanctions|advice] given to {person} [in connection with|about] {name}",
    "whether {person}'s [file|case] [has been|was] [closed|passed to another team], and why",
)
CASE_CONTEXTS = (
    "{person} is my {relation} and I [believe|am convinced] [they were|he was|she was] treated unfairly.",
    "I am [asking|writing] about {person}, my {relation}, [who|and they] [has|have] not "
    "given me permission to ask but [I am worried|I think it is in the public interest].",
    "This concerns my {relation}, {person}, of {street}.",
    "{person} ({relation}) told me [about this|what happened] and I want to [check|verify] "
    "[their|the] account.",
    "",
)
CASE_GISTS = (
    "information about a named individual's case",
    "details of {you}'s dealings with a [named|specified] third party",
    "information about a named person, [described as|said to be] the complainant's {relation}",
    "records relating to a [named|particular] individual and {name}",
)


def frame_named_case(ctx: Ctx) -> Draft:
    rng = ctx.rng
    who = person(rng)
    items = several(ctx, CASE_ITEMS, 1, 3, draw=lambda: ctx.slots(person=who))
    # The relation is drawn after the slots, so it cannot be one of ctx.slots' fixed values.
    slots = {**ctx.slots(person=who), "relation": rng.choice(RELATIONS)}
    return draft_of(items, pick(rng, CASE_GISTS, **slots), context=pick(rng, CASE_CONTEXTS, **slots))


WHETHER_ITEMS: dict[str, tuple[str, ...]] = {
    "police": (
        "Has {person} [ever] been [arrested|investigated|interviewed under caution] by {you}?",
        "Please confirm [or deny|] whether {officer} [has been|is] the subject of a "
        "[misconduct investigation|complaint|disciplinary process].",
        "Was {person} [questioned|arrested] in connection with "
        "[the incident|the disturbance|the assault] on {street} on {date}?",
        "I attach a [photo|screenshot|video still] of an officer [at|during] "
        "[the protest|the arrest] on {street} on {date}. Please [tell me|provide] "
        "[his|her|the officer's] name and [collar|shoulder] number.",
        "whether {person} [is|was] [on bail|wanted|a registered sex offender|subject to a court order]",
        "whether anyone was [reported|interviewed] for the [damage|assault|threats] at {street} "
        "on {date}, and their name",
        "whether {officer} [was|has been] [suspended|placed on restricted duties|dismissed] "
        "[and why|, and the reasons]",
        "Is {person} [being investigated|under investigation] for "
        "[fraud|harassment|assault|theft] at the moment?",
    ),
    "council": (
        "whether Councillor {surname} has been investigated under the code of conduct",
        "Has {person}, a [social worker|planning officer|housing officer] at the council, been disciplined?",
        "whether {person} of {street} [is|has been] under investigation [for|in relation to] "
        "[benefit fraud|a planning breach|noise nuisance]",
        "[Please confirm|Confirm] whether [a complaint|complaints] [has|have] been made about "
        "{person}'s [business|premises] on {street}.",
    ),
    "nhs": (
        "whether Dr {surname} [has been|is] [suspended|excluded|restricted from practice] by the Trust",
        "Has {person}, a [nurse|midwife|consultant] at the Trust, been [referred to|reported to] "
        "the regulator?",
        "whether the Trust [investigated|received complaints about] {person} "
        "[on ward {num}|in maternity] {period}",
    ),
    "university": (
        "whether Professor {surname} has been [investigated|disciplined] [for|following] "
        "[misconduct|complaints from students]",
        "Has {person}, a [student|lecturer] in the [law|engineering|history] department, been "
        "[expelled|suspended]?",
    ),
    "school": (
        "whether [Mr|Mrs|Ms] {surname}, a teacher at the school, [has been|was] "
        "[suspended|investigated] [and why|]",
        "Has the school [reported|referred] [a named pupil|{person}'s son] to "
        "[children's services|the police]?",
    ),
    "fire": (
        "whether Watch Manager {surname} [has been|was] disciplined [over|following] "
        "[the incident|the complaint] on {date}",
        "Was {person} [investigated|interviewed] [about|in connection with] the fire at {street} on {date}?",
    ),
    "transport": (
        "whether {person} [was|has been] prosecuted for fare evasion [on|after] {date}",
        "Has the driver of the {place} service on {date}, {person}, been disciplined?",
    ),
    "regulator": (
        "whether {person}, a "
        "[registered nurse|GP|care home manager|financial adviser|charity trustee], "
        "[is under investigation|has been referred to you]",
        "the names of the witnesses in the fitness-to-practise case against {person}",
        "[Please confirm|Confirm] whether you have received [a complaint|concerns] about "
        "{person} [of|at] {supplier}.",
        "whether you are investigating {person}'s [conduct|fitness to practise] and, if so, the allegations",
    ),
    "central_government": (
        "whether {person} [has been|was] [refused a visa|detained|deported] [in|during] {year}",
        "Has {you} [investigated|received complaints about] the special adviser {person}?",
        "whether {person} [is|was] on [a watch list|the sanctions list under consideration]",
    ),
    "other": (
        "whether {person} [has been|was] investigated [by|for] [breaching|a breach of] "
        "[your|the] [rules|licence conditions]",
        "Has {person}, [a member of staff|an employee], been disciplined [for|over] {name}?",
    ),
}
WHETHER_GISTS = (
    "confirmation of whether a named individual had been investigated",
    "information about whether a named [officer|member of staff|person] had been the subject "
    "of complaints or action",
    "whether {you} held information about [a named person|an identifiable individual] in "
    "connection with {name}",
    "[details|information] about [any|the] investigation of a named individual",
)


def frame_whether(ctx: Ctx) -> Draft:
    """Whether an identifiable person was investigated, complained about or disciplined (NCND)."""
    rng = ctx.rng
    items = [fill(rng, t, **ctx.slots(2)) for t in rng.sample(WHETHER_ITEMS[ctx.authority], 1)]
    if rng.random() < 0.6:
        items.append(
            fill(
                rng,
                rng.choice(
                    (
                        "If so, [what was the outcome|what happened]?",
                        "the [dates|date] of any such investigation",
                        "If [yes|they were], please [tell me|give me] the outcome and any sanction.",
                        "[copies of|] any [correspondence|letters] about it",
                    )
                ),
                **ctx.slots(),
            )
        )
    return draft_of(items, pick(rng, WHETHER_GISTS, **ctx.slots()), flags={"off_topic"})


OWN_ITEMS = (
    "copies of all [information|records|data] {you} [holds|has] about me",
    "the [CCTV|body-worn] footage of me [at|outside] {street} on {date}",
    "the notes [made|recorded] about me [by|following] [the visit|the call I made|my appointment] on {date}",
    "my [complete|full] [case file|file|record], including [emails|notes|internal messages] about me",
    "the [recording|transcript] of my [call|999 call|phone call|conversation] with {you} on {date}",
    "[any|all] [reports|assessments] written about me since {year}",
    "the information [you passed to|shared with] [my employer|the DWP|social services|my landlord] about me",
    "everything [on|in] [my|the] [record|file] [relating to|about] [me and|] my "
    "[complaint|application] {ref}",
    "Why does your system [still|] [show|hold] [a marker|a warning flag|an alert] "
    "[against|on] my [name|address]?",
    "the [letters|emails] [your staff|your officers] [wrote|sent] about me to "
    "[other departments|third parties]",
)
OWN_CONTEXTS = (
    "[I am|I'm] the [person|individual] concerned[ and can provide ID|].",
    "My [case|customer|crime] reference is {ref}.",
    "I [believe|think] [some of|] [the information|what you hold] about me is [wrong|inaccurate].",
    "I was [arrested|stopped|spoken to|visited] on {date} and [want|need] to see what was recorded.",
    "[I need this for|This is for] [my solicitor|an employment tribunal|an insurance claim].",
    "",
)
OWN_GISTS = (
    "information about [themselves|the complainant]",
    "[their|the complainant's] own personal data held by {you}",
    "[recordings|footage|records] [of|about] [the complainant|themselves] from {date}",
    "copies of records relating to [the complainant|themselves], including notes and correspondence",
)


def frame_own_data(ctx: Ctx) -> Draft:
    rng = ctx.rng
    items = several(ctx, OWN_ITEMS, 1, 3)
    gist = pick(rng, OWN_GISTS, **ctx.slots())
    return draft_of(items, gist, context=pick(rng, OWN_CONTEXTS, **ctx.slots()), flags={"off_topic"})


# --------------------------------------------------------------------------------------------------------
# Frames about documents, contracts, advice and deliberation
# --------------------------------------------------------------------------------------------------------

CORRESPONDENCE_ITEMS = (
    "all [emails|correspondence] [mentioning|about|referring to] {name} {period}",
    "[any and all|all] [emails, letters, texts and Teams messages|communications] "
    "[sent or received by|between] [senior staff|the leadership team|{staff}] [about|on] "
    "{name} {period}",
    "every document [held|you hold] that [mentions|refers to] {name}, {period}",
    "[copies of|] all internal [emails|memos|messages] [discussing|about] {name} {period}",
    "[all|any] correspondence between {you} and "
    "[external organisations|partner agencies|MPs|the press] [about|concerning] {name} "
    "{period}",
    "all [WhatsApp|text|Teams] messages [exchanged by|between] "
    "[managers|senior officers|directors] [that refer to|about] {name} {period}",
    "[a copy of|] every [briefing|note|report] [produced|written] on {name} {period}",
)
CORRESPONDENCE_GISTS = (
    "all correspondence about {name} {period}",
    "[all|every] [email|document] [mentioning|about] {name} {period}",
    "[copies of|] [internal|] communications about {name} {period}",
    "all information held about {name} {period}, including emails and messages",
)


def frame_correspondence(ctx: Ctx) -> Draft:
    """'All emails / all documents mentioning X': every mailbox has to be searched."""
    rng = ctx.rng
    years = rng.choice((1, 2, 3, 5, 5, 10))
    items = several(ctx, CORRESPONDENCE_ITEMS, 1, 2, years)
    return draft_of(items, pick(rng, CORRESPONDENCE_GISTS, **ctx.slots(years)), years, sweep=True)


CONTRACT_ITEMS = (
    "the [contract|agreement] [with|awarded to] {supplier} for {service}",
    "the [total|annual] [contract value|value of the contract] for {service}",
    "the [unit prices|hourly rates|day rates|pricing schedule] [paid to|charged by] "
    "{supplier} [for|under the contract for] {service}",
    "the [tender|evaluation] scores for [each bidder|every bidder|all bidders] in the "
    "{service} [tender|procurement]",
    "[a copy of|] the winning [bid|tender submission] for {service}",
    "the names of [the unsuccessful bidders|all bidders] for {service} and [their prices|what each bid]",
    "the [supplier's|contractor's] [performance reports|KPI results|service credits] for {service} {period}",
    "How much [does|did] {you} pay {supplier} [per hour|per unit|per visit|for each job]?",
    "the [margin|profit] {supplier} makes on {service}",
    "[all|] invoices [from|paid to] {supplier} [for|relating to] {service} {period}, [itemised|line by line]",
    "the [discount|rebate] [agreed with|given by] {supplier} [on|for] {service}",
    "What [price|rate] [per item|per hour] [was|is] [agreed|being paid] for {service}?",
)
CONTRACT_GISTS = (
    "the pricing [in|of] the contract for {service}",
    "information about the tender for {service}",
    "[details|a copy] of [the|a] contract with {supplier}, including rates",
    "the amounts paid to {supplier} and the contract terms for {service}",
    "the bids and evaluation scores for the {service} contract",
)


def frame_contract(ctx: Ctx) -> Draft:
    rng = ctx.rng
    years = rng.choice((1, 2, 3))
    slots = ctx.slots(years)
    shared = {"supplier": slots["supplier"], "service": slots["service"]}
    items = several(ctx, CONTRACT_ITEMS, 2, 5, draw=lambda: ctx.slots(years, **shared))
    return draft_of(items, pick(rng, CONTRACT_GISTS, **slots), years)


COMMERCIAL_NCND_ITEMS = (
    "Did {supplier} [bid for|submit a tender for] the {service} contract?",
    "whether {supplier} [is|has been] "
    "[placed on a performance improvement plan|in dispute with {you}|given notice]",
    "Has {you} [received|had] complaints about {supplier} [in relation to|over] {service}?",
    "whether {supplier} [has|had] [approached|been approached by] {you} about "
    "[taking over|bidding for] {service}",
    "[Please confirm|Confirm] whether {supplier} is "
    "[one of the shortlisted bidders|on the shortlist] for {service}.",
)
COMMERCIAL_NCND_GISTS = (
    "whether a named company [had bid for|was involved in] a contract for {service}",
    "confirmation of whether {you} held information about a named supplier",
    "whether complaints had been received about {supplier}",
)


def frame_commercial_ncnd(ctx: Ctx) -> Draft:
    return simple_request(ctx, COMMERCIAL_NCND_ITEMS, 1, 2, COMMERCIAL_NCND_GISTS, flags={"off_topic"})


LEGAL_ITEMS = (
    "[a copy of|] the legal advice {you} [received|obtained|sought] [about|on|regarding] {name}",
    "any [counsel's opinion|opinion from counsel|barrister's advice] [obtained|commissioned] on {name}",
    "[all|] correspondence between {you} and [its|your|external] "
    "[solicitors|lawyers|legal advisers] about {name}",
    "the [advice|briefing] from [the|your] legal [team|department|services] on whether "
    "{name} [was lawful|complies with the Equality Act|breached the Human Rights Act]",
    "the [legal|] risk assessment [prepared|drawn up] on {name}",
    "[the|any] advice [from|given by] "
    "[the monitoring officer|in-house lawyers|the Government Legal Department] "
    "[before|ahead of] the decision on {name}",
    "[the instructions sent to|the brief given to] [counsel|the barrister|the solicitors] about {name}",
)
LEGAL_EXTRAS = (
    "the [total|] [fees|amount] paid for [that|this] advice",
    "the date [the|that] advice was [received|given]",
    "whether {you} [followed|acted on] [that|the] advice",
)
LEGAL_GISTS = (
    "legal advice about {name}",
    "correspondence with [its|the] [solicitors|legal advisers] about {name}",
    "[a copy of|] counsel's opinion on {name}",
    "the legal advice [behind|underpinning] [its|the] decision on {name}",
)


def frame_legal(ctx: Ctx) -> Draft:
    rng = ctx.rng
    items = several(ctx, LEGAL_ITEMS, 1, 3) + several(ctx, LEGAL_EXTRAS, 0, 2)
    return draft_of(items, pick(rng, LEGAL_GISTS, **ctx.slots()))


POLICY_ITEMS = (
    "[copies of|] [all|any] submissions to [the minister|ministers|the Secretary of State] "
    "on {name} {period}",
    "the options [paper|appraisal] [prepared for|put to] ministers on {name}",
    "the [minutes|read-outs] of [meetings|discussions] between ministers and officials about "
    "[changes to|the future of] {name}",
    "[the|any] [briefing|briefings] [given to|prepared for] the "
    "[minister|Secretary of State] [ahead of|before] the announcement on {name}",
    "[the|] drafts of the [policy paper|white paper|consultation document] on {name}",
    "the [impact assessment|modelling] [used to inform|behind] the decision on {name}, "
    "including [options that were rejected|earlier drafts]",
    "[the|any] [analysis|advice] sent to No 10 [on|about] {name}",
    "[the|] [record|notes] of the [ministerial|cross-government] [meeting|roundtable] on "
    "{name} held on {date}",
    "[the|] [spending review|budget] [bids|submissions] relating to {name}",
)
POLICY_GISTS = (
    "ministerial submissions about {name}",
    "information about the development of policy on {name}",
    "[the|] options papers and advice to ministers on {name}",
    "briefings and minutes relating to the government's decision on {name}",
)


def frame_policy(ctx: Ctx) -> Draft:
    return simple_request(ctx, POLICY_ITEMS, 2, 4, POLICY_GISTS, ctx.rng.choice((1, 2, 3)))


DELIBERATION_ITEMS = (
    "the minutes of the [closed|confidential|private] [session|part] of the "
    "[board|cabinet|executive|governors'] meeting [that discussed|about] {name}",
    "[a copy of|] the draft [internal|] [review|report] [of|into] {name}",
    "[all|] internal emails between [senior managers|directors|the leadership team] "
    "[discussing|about] [options for|the handling of] {name}",
    "the [notes|record] of the [options appraisal|workshop|away day] on {name}",
    "the [scoring|assessment] notes for [bids|applications] [still being|currently] assessed "
    "[under|for] the {name} [scheme|programme]",
    "the [frank|internal] [advice|views] given by [officers|staff] to "
    "[councillors|the board|senior leaders] on {name}",
    "the [working|draft] papers [behind|for] [the|] [proposals|recommendations] on {name} "
    "[that have not yet been decided|before they go to the board]",
    "[the|] [notes|minutes] of [the|] senior leadership team [meetings|discussions] "
    "[on|about] {name} {period}",
    "[the|] [questions|test items] [for|in] [the|next year's] [assessment|test|exam] [relating to|on] {name}",
)
DELIBERATION_GISTS = (
    "internal discussions about {name}",
    "the draft review of {name}",
    "minutes and notes of senior-level discussions about {name}",
    "[internal|] advice and deliberations on {name} "
    "[which had not yet concluded|while decisions were pending]",
)


def frame_deliberation(ctx: Ctx) -> Draft:
    return simple_request(ctx, DELIBERATION_ITEMS, 2, 4, DELIBERATION_GISTS, ctx.rng.choice((1, 1, 2)))


PUBLISHED_TOPIC_ITEMS = (
    "[a copy of|] [your|the] [current|] policy on {name}",
    "the [latest|] [annual|] statistics on {unit} {period}",
    "the [report|minutes] [presented|taken] to the public [board|committee] meeting [about|on] {name}",
    "the {kind}'s [annual report|statement of accounts|performance report] for {year}",
    "[the|] [strategy|plan] {you} [published|adopted] on {name}",
)
HEAVY_PARTS = (
    "for each of those years, how many [cases|incidents] there were {mqual}, taken from the "
    "individual records",
    "the [reason|explanation] recorded in each individual [case|file] {period}",
    "a summary of what happened in every [case|incident] {period}",
)


def frame_published(ctx: Ctx) -> Draft:
    """Information already published (s21); some requests add a heavy part that triggers s12."""
    rng = ctx.rng
    profile = ctx.profile
    items = []
    if rng.random() < 0.65:
        items.append(fill(rng, rng.choice(profile.published), **ctx.slots()))
    items += several(ctx, PUBLISHED_TOPIC_ITEMS, 1, 3, rng.choice((1, 3)))
    effort = Effort(parts=len(items))
    if rng.random() < 0.18:
        years = rng.choice((5, 7, 10))
        slots = {**ctx.slots(years), "mqual": rng.choice(profile.manual_quals)}
        items.append(pick(rng, HEAVY_PARTS, **slots))
        effort = Effort(parts=len(items), years=years, manual=True)
    gist = pick(
        rng,
        (
            "[a copy of|] {you}'s [policy|published material] on {name}",
            "information about {name} [which|that] {you} [publishes|already publishes]",
            "statistics and reports about {name}",
            "{you}'s [reports|figures] on {unit}",
        ),
        **ctx.slots(),
    )
    return Draft(dedupe(items), gist, effort=effort)


FUTURE_ITEMS = (
    "the [findings|results|report] of the [review|evaluation|audit] of "
    "{name}[, which I understand is due [next month|shortly|in the spring|later this year]|]",
    "the [figures|statistics] on {unit} for {year} [before|ahead of] [their|] publication",
    "[a copy of|] {doc}[, which I believe is being finalised for publication|]",
    "the [final|] report [into|on] {name} [as soon as it is ready|now rather than when it is published]",
)
FUTURE_CONTEXTS = (
    "I [understand|have been told] the [report|data] is due out "
    "[soon|in the next few weeks], but I would like it now.",
    "[My deadline|Our deadline] is [before|earlier than] the [planned|scheduled] publication date.",
    "[The press release|A press release] said this would be published [this year|shortly].",
    "",
)


def frame_future(ctx: Ctx) -> Draft:
    rng = ctx.rng
    items = []
    if rng.random() < 0.5:
        # ctx.pv draws too, so the topic wording is chosen after the slots, not passed as a fixed value.
        items.append(
            fill(rng, rng.choice(ctx.profile.upcoming), **{**ctx.slots(), "topic": ctx.pv(ctx.topic.name)})
        )
    items += several(ctx, FUTURE_ITEMS, 1, 2)
    gist = pick(
        rng,
        (
            "a report on {name} [that was due to be|which was about to be] published",
            "[figures|statistics] on {unit} ahead of their [planned|scheduled] publication",
            "[a copy of|] {doc} before [its|] publication",
        ),
        **ctx.slots(),
    )
    return draft_of(items, gist, context=pick(rng, FUTURE_CONTEXTS))


REPEAT_OPENERS = (
    "This is the [fifth|sixth|seventh|eleventh|umpteenth] time I have [asked|written] about this.",
    "You have [ignored|failed to answer|dodged] my [previous|earlier] requests ({ref}, {ref2} and {ref3}).",
    "[Your staff|Your officers|Your managers] have "
    "[lied|covered things up|acted dishonestly] [throughout|over] my [complaint|case] about "
    "{name}.",
    "I [will keep|intend to keep] [writing|asking] until I get [answers|the truth].",
    "I have copied this to my MP[, the ICO and the Ombudsman|and the local paper|].",
    "[As you well know|As I have said repeatedly], this [dispute|matter] has been going on since {year}.",
    "[Once again|Yet again], I am [forced|having] to use FOI because "
    "[you will not|nobody will] [engage|answer] [properly|honestly].",
)
REPEAT_ITEMS = (
    "the names of every [member of staff|officer|person] who has [seen|handled|discussed] my "
    "[complaint|case]",
    "Why [were my previous requests|was my earlier request] [not answered|refused]?",
    "Who [decided|agreed] to [close|ignore] my [complaint|case]?",
    "all [internal|] [discussions|emails] about how to [handle|deal with|respond to] my requests",
    "the [policy|rule] that allows {you} to [ignore|refuse] [complaints|requests] like mine",
    "What [training|qualifications] does the person handling my case have?",
    "Why has nobody [apologised|been held accountable] for the handling of my complaint about {name}?",
    "the date and time [each|every] [letter|email] from me was [opened|read]",
    "[Is it|Is it true that it is] {you}'s [practice|policy] to [stonewall|ignore] "
    "[people|members of the public] who complain?",
    "[copies of|] the [file notes|notes] [made|written] after each of my [calls|visits]",
)
SWEEP_ITEM = (
    "any and all [correspondence|emails|texts|notes|messages] "
    "[mentioning|about|referring to] my complaint about {name}, since {year}"
)


def frame_repeated(ctx: Ctx) -> Draft:
    """A request from a long-running dispute; some sweep all correspondence (s14, often with s12)."""
    rng = ctx.rng
    slots = {**ctx.slots(), "ref2": reference(rng), "ref3": reference(rng)}
    context = " ".join(pick(rng, REPEAT_OPENERS, **slots) for _ in range(rng.randint(1, 3)))
    items = several(ctx, REPEAT_ITEMS, 2, 7)
    sweep = rng.random() < 0.4
    if sweep:
        items.insert(0, fill(rng, SWEEP_ITEM, **ctx.slots()))
    gist = pick(
        rng,
        (
            "all information relating to [their|the complainant's] long-running dispute with {you} "
            "about {name}, after [numerous|many|a series of] earlier requests",
            "information about the handling of [their|the complainant's] complaint about {name}, in "
            "a request that followed [more than twenty|numerous|repeated] previous requests",
            "[a large number of|many] questions about {you}'s handling of [their|the complainant's] "
            "[complaint|grievance] about {name}",
        ),
        **ctx.slots(),
    )
    return draft_of(items, gist, rng.choice((3, 5, 8)), context=context, sweep=sweep)


# --------------------------------------------------------------------------------------------------------
# Frames about law enforcement capability, covert tactics and security
# --------------------------------------------------------------------------------------------------------

CRIME_SUBJECTS = (
    "drug supply in {place}",
    "county lines activity in {place}",
    "the Operation {op} investigation",
    "organised vehicle crime",
    "gang violence in {place}",
    "firearms supply networks",
    "modern slavery in car washes",
    "a burglary gang operating in {place}",
    "protest groups in {place}",
    "far-right activity in {place}",
    "football-related disorder",
    "money laundering through local businesses",
    "the disorder in {place} in {month}",
    "extremist activity in {place}",
    "organised shoplifting gangs",
)
OPERATION_NAMES = (
    "Kestrel",
    "Larch",
    "Bramble",
    "Sentinel",
    "Halyard",
    "Foxglove",
    "Tamar",
    "Quarrystone",
    "Nightjar",
    "Cobalt",
    "Heron",
    "Marigold",
    "Granite",
    "Wicket",
)


def crime_subject(ctx: Ctx) -> str:
    """A policing subject for frames where an arbitrary topic (say, overtime) would make no sense."""
    return fill(
        ctx.rng, ctx.rng.choice(CRIME_SUBJECTS), **{**ctx.slots(), "op": ctx.rng.choice(OPERATION_NAMES)}
    )


# Each covert tactic is "kind::variants" (kit = equipment, practice = a way of working); central government
# tactics also name the body that would hold them.
COVERT_TACTICS: dict[str, tuple[str, ...]] = {
    "police": (
        "kit::IMSI catchers|cell site simulators|'stingray' devices|mobile phone interception equipment",
        "kit::covert facial recognition software|facial recognition run covertly on CCTV feeds",
        "kit::drones for covert surveillance|drones used to watch people without their knowledge",
        "practice::covert monitoring of social media|fake online profiles to monitor campaigners",
        "practice::directed surveillance under RIPA|covert surveillance authorisations",
        "kit::hidden listening devices in homes or vehicles|intrusive surveillance equipment",
        "practice::communications data requests under the Investigatory Powers Act|requests for "
        "people's phone records",
        "practice::equipment interference|remote hacking of phones and computers",
        "practice::undercover officers in protest groups|undercover deployments into campaign groups",
        "kit::covert tracking devices on vehicles|GPS trackers fitted to cars",
        "kit::hidden cameras in residential streets|concealed cameras outside people's homes",
        "practice::Schedule 7 stops at the port|stops under Schedule 7 of the Terrorism Act",
        "practice::arrests under section 41 of the Terrorism Act|Terrorism Act arrests",
        "kit::spyware such as Pegasus|commercial spyware",
        "practice::covert human intelligence sources|informants",
        "kit::voice analysis or keyword-spotting software for intercepted calls",
    ),
    "central_government": (
        "practice::the Home Office::covert monitoring of campaigners' social media|monitoring of "
        "activists online",
        "kit::the Ministry of Justice::IMSI catchers in prisons|equipment to intercept "
        "prisoners' mobile phones",
        "practice::the Home Office::covert surveillance by immigration enforcement teams",
        "practice::HM Revenue and Customs::informants in tax investigations|covert human "
        "intelligence sources in tax cases",
        "practice::HM Revenue and Customs::communications data requests in tax investigations",
    ),
}
COVERT_ITEMS = (
    "How many times [has|have] {you} [used|made use of] {tactic} {period}?",
    "[a copy of|] [the|any] [policy|guidance|standard operating procedure] [governing|on] {tactic}",
    "the [total|] [cost of|spend on] {tactic} {period}",
    "whether {tactic} [was|were|has been] used [in connection with|during|to monitor] {name}",
    "which [units|departments|teams] [have access to|can authorise] {tactic}",
    "whether [MI5|the Security Service|GCHQ|the National Crime Agency] [was|were] involved "
    "in [the use of|] {tactic}",
    "the [locations|areas] where {tactic} [has|have] been used {period}",
    "Has {you} [ever|] [shared|passed on] [data|material] [gathered|obtained] [through|by] "
    "{tactic} [to|with] other agencies?",
)
COVERT_KIT_ITEMS = (
    "Does {you} [own|have access to|possess] {tactic}?",
    "the [make|model|supplier] of [any|the] {tactic} [you hold|in use]",
    "the number of {tactic} [held|owned] by {you}",
)
COVERT_PRACTICE_ITEMS = (
    "Does {you} [use|engage in|rely on] {tactic}?",
    "the number of [authorisations|warrants|approvals] [granted|issued] for {tactic} {period}",
    "the number of [officers|staff] [trained|authorised] [in|for] {tactic}",
)
COVERT_GISTS = (
    "information about [the|any] use of {tactic} by {you}",
    "whether {you} had used {tactic} in relation to {name}",
    "the number of [times|occasions] {tactic} had been used and the associated costs",
    "[policies|guidance] and figures about {tactic}",
)


def frame_covert(ctx: Ctx) -> Draft:
    rng = ctx.rng
    years = rng.choice((1, 2, 3, 5))
    if ctx.authority == "police" and rng.random() < 0.7:
        ctx.subject = crime_subject(ctx)
    kind, *rest = rng.choice(COVERT_TACTICS[ctx.authority]).split("::")
    body = rest[0] if len(rest) == 2 else ""
    tactic = ctx.pv(rest[-1])
    bank = COVERT_ITEMS + (COVERT_KIT_ITEMS if kind == "kit" else COVERT_PRACTICE_ITEMS)

    def slots() -> dict[str, str]:
        values = {**ctx.slots(years), "tactic": tactic}
        if body and rng.random() < 0.7:
            values["you"] = body
        return values

    items = several(ctx, bank, 2, 6, draw=slots)
    draft = draft_of(items, pick(rng, COVERT_GISTS, **slots()), years)
    if any("MI5" in i or "GCHQ" in i or "Security Service" in i for i in draft.items):
        draft.flags.add("security_body")
    return draft


CAPABILITY_ITEMS = (
    "the number of {asset} {you} [has|operates|currently holds]",
    "a [full|] list of {asset} [with|including] [make and model|their specifications|their capabilities]",
    "the number of {asset} [allocated to|based at] each [station|unit|division|site]",
    "the number of {staff} trained [to use|in the use of] {asset}, [broken down by|per] [unit|station|shift]",
    "How many {asset} are [available|on duty] [at any one time|on a typical night shift] in "
    "[each district|{place}]?",
    "the [technical|] [specifications|capabilities] of {asset}, [including|such as] "
    "[range|resolution|battery life|running costs]",
    "the [shift|duty] [patterns|rosters] of the [team|unit] [operating|using] {asset}",
    "[What|Which] [gaps|weaknesses] [were|have been] identified in {you}'s {asset} [capability|provision]?",
    "the [minimum|agreed] [staffing|crewing] levels for {asset}, and how often they were not met {period}",
)
CAPABILITY_GISTS = (
    "the number and [types|specifications] of {asset} held by {you}",
    "details of {you}'s {asset} capability",
    "information about {asset}, including numbers per [station|unit] and staff trained",
    "[details|information] about the [availability|deployment] of {asset}",
)


def frame_capability(ctx: Ctx) -> Draft:
    years = ctx.rng.choice((1, 2, 3))
    return simple_request(ctx, CAPABILITY_ITEMS, 2, 5, CAPABILITY_GISTS, years, asset=ctx.asset())


LOCATION_ITEMS = (
    "the [locations|addresses|sites] of [all|] {asset}",
    "where {asset} [were|have been] deployed {period}, [with dates and times|by date and location]",
    "the [stations|bases|depots] [at which|where] {asset} are [kept|based|stored]",
    "[a map|a list] of the [locations|positions] of {asset} [in|across] [{place}|the county|the area]",
    "the [patrol|deployment] [schedule|plan] for {asset} [for|over] the [next month|coming weeks|summer]",
    "the times [of day|] when [no|fewer] {asset} are [available|on duty] in {place}",
    "[Exactly|Precisely] where [is|are] the {asset} [covering|serving] {place} "
    "[kept overnight|parked when not in use]?",
    "the [grid references|postcodes] of [every|each] {asset} [site|location] {you} [uses|operates]",
)
LOCATION_GISTS = (
    "the locations of {asset}",
    "details of where {asset} [were|are] deployed",
    "[information about|] the [deployment|siting] of {asset} {period}",
)


def frame_location(ctx: Ctx) -> Draft:
    years = ctx.rng.choice((1, 1, 2))
    return simple_request(ctx, LOCATION_ITEMS, 2, 4, LOCATION_GISTS, years, asset=ctx.asset())


TACTICS_ITEMS = (
    "[copies of|] the training [materials|slides|manual] [used|given to {staff}] [on|for] {name}",
    "the [tactical|operational] [guidance|manual|playbook] [{staff} follow|used] "
    "[when dealing with|for] {name}",
    "the [risk assessment|operational order|tactical plan] [for|used in] {name} [operations|work]",
    "the [criteria|thresholds|triggers] used [to decide|when deciding] whether to "
    "[deploy|escalate|intervene] [in|on] {name}",
    "the [scoring|risk-scoring] [matrix|model] used [to prioritise|for prioritising] {unit}",
    "[the|any] [lessons learned|debrief] document[s|] [on|from] {name} operations, "
    "[including|with] the tactics used",
    "[details of|] the [methods|techniques] {you} [uses|relies on] to "
    "[detect|identify|target] [offenders|people] [involved in|linked to] {name}",
)
TACTICS_GISTS = (
    "training materials on {name}",
    "the tactical guidance used for {name}",
    "[information about|] the methods {you} uses to tackle {name}",
    "operational documents about {name}",
)


NON_OPERATIONAL_POLICE_TOPICS = frozenset(
    {
        "police misconduct",
        "complaints against the police",
        "officer sickness",
        "police recruitment",
        "police overtime",
        "police stations",
        "police IT systems",
        "special constables",
    }
)


def frame_tactics(ctx: Ctx) -> Draft:
    if ctx.authority == "police" and ctx.topic.name.split("|")[0] in NON_OPERATIONAL_POLICE_TOPICS:
        ctx.subject = crime_subject(ctx)
    return simple_request(ctx, TACTICS_ITEMS, 2, 4, TACTICS_GISTS)


IT_ITEMS = (
    "the [name|make] and version of [your|the] [firewall|antivirus software|email filtering product]",
    "the number of [cyber attacks|ransomware attempts|phishing attacks] [detected|blocked] "
    "{period}, and [which systems were targeted|what was affected]",
    "[a copy of|] the [results|report] of [your|the] [most recent|last] "
    "[penetration test|IT health check|cyber security audit]",
    "which [operating systems|versions of Windows] [your servers|your PCs] run, and whether "
    "any are [out of support|unsupported]",
    "[a copy of|] [your|the] [ransomware|cyber incident] [response plan|playbook]",
    "the [supplier|name] of your [backup|data storage] [system|solution] and "
    "[when it was last tested|how often it is tested]",
    "[the|any] [known|unpatched] vulnerabilities [on|in] {system}",
    "the [number|list] of [staff accounts|administrator accounts] with [admin|privileged] access to {system}",
    "Do you [pay|would you pay] ransoms? [Have you ever done so|Has this ever happened]?",
    "[details of|] [how|the way] [staff|users] authenticate [remotely|from home] and "
    "[whether|if] multi-factor authentication is [enforced|used everywhere]",
)
IT_SYSTEMS = (
    "your servers",
    "the email system",
    "the finance system",
    "remote access systems",
    "the public website",
    "the case management system",
    "the HR and payroll system",
    "the network firewalls",
)
IT_GISTS = (
    "details of {you}'s IT security arrangements",
    "information about cyber attacks on {you} and the systems [targeted|affected]",
    "the [software|systems] {you} uses to protect its network and the results of security testing",
    "[technical|] information about {you}'s cyber security",
)


def frame_it_security(ctx: Ctx) -> Draft:
    rng = ctx.rng
    years = rng.choice((1, 2, 3))
    # Each part names its own system, drawn after that part's slots.
    items = several(ctx, IT_ITEMS, 2, 5, draw=lambda: {**ctx.slots(years), "system": rng.choice(IT_SYSTEMS)})
    return draft_of(items, pick(rng, IT_GISTS, **ctx.slots(years)), years, flags={"off_topic"})


FRAUD_ITEMS = (
    "the [criteria|rules|risk indicators] used to [flag|identify] {unit} for "
    "[fraud|counter-fraud] [checks|investigation]",
    "the [data-matching|analytics] [rules|tools] {you} [uses|relies on] to detect fraud "
    "[in|relating to] {name}",
    "the [value|threshold] above which {unit} are [checked|verified|audited]",
    "how [often|frequently] [spot checks|verification checks] are made on {name}, and "
    "[what they involve|which checks are used]",
    "[which|what] [red flags|warning signs] [your|the] fraud team [looks for|uses] "
    "[in|when reviewing] {name}",
)
ESTATE_ITEMS = (
    "a list of public health funerals {period} [with|including] the [full|] name of the "
    "deceased, date of death and [last known address|last address]",
    "whether the estate in each case was referred to the Government Legal Department, and "
    "[its estimated value|the value of any assets]",
    "the [names and dates of birth|full names] of people "
    "[who died|whose funerals you arranged] {period} "
    "[with no known next of kin|without traced relatives]",
    "[details of|] [any|] property or money [left by|belonging to] the deceased [in|for] "
    "each [case|public health funeral]",
)
FRAUD_GISTS = (
    "the criteria {you} uses to detect fraud in {name}",
    "details of {you}'s counter-fraud checks on {name}",
)
ESTATE_GISTS = (
    "[a list of|details of] public health funerals {period}, including names and addresses of the deceased",
    "information about [people given|recent] public health funerals and their estates",
)


def frame_fraud(ctx: Ctx) -> Draft:
    """Fraud-detection methods, or (councils) estates of the deceased that fraudsters target."""
    years = ctx.rng.choice((1, 2, 3))
    if ctx.authority == "council" and ctx.rng.random() < 0.55:
        return simple_request(ctx, ESTATE_ITEMS, 1, 3, ESTATE_GISTS, years)
    return simple_request(ctx, FRAUD_ITEMS, 1, 3, FRAUD_GISTS, years)


OVERT_FR_ITEMS = (
    "the dates and locations of [all|] live facial recognition deployments {period}",
    "the size of the watchlist [for each deployment|used at each deployment]",
    "the number of [alerts|false alerts|arrests] [from each deployment|per deployment]",
    "the [criteria|rules] for [placing|including] someone on a facial recognition watchlist",
    "the [name|make] of the facial recognition [software|algorithm] and its [accuracy|threshold] settings",
    "the planned [locations|dates] of [future|upcoming] facial recognition deployments",
)
OVERT_FR_GISTS = (
    "information about [the force's|its] live facial recognition deployments, including watchlists and locations",
    "the dates, locations and outcomes of live facial recognition deployments {period}",
)


def frame_overt_fr(ctx: Ctx) -> Draft:
    """Overt facial recognition that has been publicised: not NCND, but tactical detail is withheld."""
    years = ctx.rng.choice((1, 2))
    return simple_request(ctx, OVERT_FR_ITEMS, 2, 4, OVERT_FR_GISTS, years, flags={"off_topic"})


CT_ITEMS = (
    "the total [budget|spend] [for|on] counter-terrorism policing [in the force area|by {you}] {period}",
    "the [total|overall] number of officers in the counter-terrorism [unit|branch], as a single figure",
    "whether {you} [has|employs] a Counter Terrorism Security Adviser",
    "the total [grant|funding] received from the Home Office for counter-terrorism {period}",
)
CT_PUBLISHED_ITEMS = (
    "[a copy of|] {you}'s [published|] [policy|guidance] on Prevent referrals",
    "the number of Prevent referrals [made|received] {period} [as shown|published] in the "
    "Home Office statistics",
    "the [published|] Terrorism Act [arrest|stop] statistics for [the force area|England and Wales] {period}",
)
CT_CONTEXTS = (
    "I am not asking for anything operational, nor about the work of MI5 - only [the|headline] totals.",
    "I [am only interested in|only want] [aggregate|overall] figures, not "
    "[tactics|deployments|anything operational].",
    "",
)


def frame_ct_aggregate(ctx: Ctx) -> Draft:
    """Counter-terrorism mentioned, but only aggregate totals or published policy asked for."""
    rng = ctx.rng
    years = rng.choice((1, 2, 3))
    items = several(ctx, CT_ITEMS, 1, 2, years)
    flags: set[str] = set()
    if rng.random() < 0.4:
        items += several(ctx, CT_PUBLISHED_ITEMS, 1, 1, years)
        flags.add("published")
    gist = pick(
        rng,
        (
            "the total counter-terrorism budget and headcount {period}",
            "aggregate information about counter-terrorism [resources|funding] {period}",
        ),
        **ctx.slots(years),
    )
    return draft_of(items, gist, years, context=pick(rng, CT_CONTEXTS), flags=flags)


# --------------------------------------------------------------------------------------------------------
# Frames about investigations, confidences, safety, security bodies, defence, foreign relations, honours
# and statutory bars
# --------------------------------------------------------------------------------------------------------

INCIDENTS: dict[str, tuple[str, ...]] = {
    "police": (
        "the [fatal stabbing|serious assault|shooting|robbery] on {street}, {place}, on {date}",
        "Operation {op}",
        "the [protest|demonstration] outside [the hotel on {street}|the town hall] on {date}",
        "the death of a [man|woman] [in police custody|after contact with police] in {month}",
        "the seizure of [cannabis|cocaine|cash|firearms] at [a warehouse|an address] on {street} on {date}",
        "the [collision|crash] on {street} on {date} in which [a cyclist|a pedestrian|a motorcyclist] died",
        "the disappearance of a teenager from {place} in {month}",
        "the [riot|disorder] in {place} on {date}",
    ),
    "fire": (
        "the fire at [the mill|the warehouse|the flats] on {street} on {date}",
        "the [explosion|blaze] in {place} on {date}",
    ),
    "council": (
        "the trading standards investigation into [a shop|a car dealer|a builder] on {street}",
        "the [food poisoning outbreak|illegal eviction|building collapse] at {street} in {month}",
    ),
    "regulator": (
        "the investigation into the death of a resident at [a care home|the home] on {street} in {month}",
        "the inquiry into {supplier} [opened|announced] in {month}",
        "the [enforcement case|investigation] [against|into] {supplier}",
    ),
    "transport": (
        "the [derailment|collision|assault] at {place} station on {date}",
        "the [crash|collision] on the {place} line in {month}",
    ),
    "nhs": (
        "the [death|serious incident] on ward {num} in {month}",
        "the [never event|surgical error] in {month} at the {place} site",
    ),
    "central_government": (
        "the [escape|death] at HMP {place} in {month}",
        "the [immigration raid|enforcement visit] on {street} on {date}",
    ),
    "other": (
        "the pollution incident at {place} on {date}",
        "the [theft|break-in] at the {place} site in {month}",
    ),
    "school": ("the incident [on the school field|in the playground|on the school trip] on {date}",),
    "university": ("the [disturbance|incident] at the {place} campus on {date}",),
}
INCIDENT_ITEMS = (
    "[the|a copy of the] [incident log|command and control log|occurrence record] for {incident}",
    "the number of {staff} who attended {incident}",
    "[any|all] [body-worn|CCTV|dash-cam] footage of {incident}",
    "why no [arrests were made|one was charged|action was taken] after {incident}",
    "the current status of the investigation into {incident}",
    "the [forensic|post-mortem|investigation] [results|findings] [relating to|from] {incident}",
    "What [lines of enquiry|evidence] [are being|were] followed [in relation to|after] {incident}?",
    "[a copy of|] the [investigation|interim] report into {incident}",
    "the [timeline|chronology] of {you}'s response to {incident}",
)
INCIDENT_GISTS = (
    "information about {incident}",
    "the [incident log|records] and footage relating to {incident}",
    "details of the investigation into {incident}",
    "[information about|] {you}'s response to {incident}",
)


TOPIC_INCIDENTS = (
    "the [incident|matter|case] [involving|relating to] {name} [on|in] {street} on {date}",
    "the {month} [complaint|incident|case] about {name} [at|in] {place}",
    "[the events|what happened] on {date} [at|near] {street} [involving|connected with] {name}",
)


def incident(ctx: Ctx) -> tuple[str, bool]:
    """A specific incident; the flag says whether it is tied to the topic."""
    rng = ctx.rng
    slots = {**ctx.slots(), "op": rng.choice(OPERATION_NAMES)}
    if rng.random() < 0.4:
        return fill(rng, rng.choice(TOPIC_INCIDENTS), **slots), True
    return fill(rng, rng.choice(INCIDENTS[ctx.authority]), **slots), False


def frame_incident(ctx: Ctx) -> Draft:
    """A specific investigation, incident or case (s30(1))."""
    event, on_topic = incident(ctx)
    flags = set() if on_topic else {"off_topic"}
    return simple_request(ctx, INCIDENT_ITEMS, 2, 5, INCIDENT_GISTS, flags=flags, incident=event)


INFORMANT_ITEMS = (
    "how much {you} [paid|has paid] to [informants|covert human intelligence sources] "
    "[in connection with|for information on] {name} {period}",
    "the number of [CHIS|informants] [tasked|registered] [on|to] {name} "
    "[investigations|operations], by [unit|district]",
    "whether [informants|confidential sources] were used in {incident}",
    "[copies of|] [the|any] [handler|source] [records|logs|payment records] relating to {name}",
    "the [largest|individual] [payments|rewards] made to [informants|sources] {period}, "
    "[with dates|and what they were for]",
    "[how many|the number of] [juvenile|under-18] informants [were|have been] "
    "[used|authorised] {period}, and [for what|in which investigations]",
)
INFORMANT_GISTS = (
    "information about informants used in relation to {name}",
    "details of payments to covert human intelligence sources {period}",
    "[records|information] about the use of informants in {name} investigations",
)


def frame_informant(ctx: Ctx) -> Draft:
    ctx.subject = crime_subject(ctx)
    years = ctx.rng.choice((1, 2, 3, 5))
    event, _ = incident(ctx)
    return simple_request(ctx, INFORMANT_ITEMS, 1, 3, INFORMANT_GISTS, years, flags={"off_topic"}, incident=event)


CONFIDENTIAL_ITEMS: dict[str, tuple[str, ...]] = {
    "regulator": (
        "the [statutory|] notifications [sent to you|you received] from {supplier} about "
        "[deaths|serious injuries] at [the home|its services] {period}",
        "the whistleblowing [concerns|information] you received about {supplier}",
        "the information {supplier} [gave|submitted to] you during the [inspection|investigation]",
    ),
    "nhs": (
        "the [medical|health] records of my late [mother|father|brother|husband|wife], {person}",
        "the [report|review] commissioned from an [external|independent] [consultant|reviewer] into {name}",
        "[the|any] information [supplied|provided] by [the coroner|the family|another trust] about {name}",
    ),
    "council": (
        "the [report|findings] [from|produced by] "
        "[the external investigator|the independent reviewer] into {name}",
        "the [complaint|referral] [submitted|made] by [a member of the public|a third party] about {name}",
        "the [information|representations] [supplied by|received from] [businesses|companies] in "
        "confidence during the {name} [review|consultation]",
    ),
    "central_government": (
        "the information [supplied|submitted] by [companies|industry bodies|{supplier}] to {you} "
        "in confidence about {name}",
        "the [report|assessment] [received from|shared by] "
        "[another government|the devolved administrations] on {name}",
    ),
}
CONFIDENTIAL_DEFAULT = (
    "the [report|findings] of the [independent|external] investigation into {name}",
    "the [complaints|allegations|disclosures] made by [staff|members of the public] about {name}",
    "[the|any] [information|statements] [provided|given] to {you} "
    "[in confidence|confidentially] about {name}",
)
CONFIDENTIAL_GISTS = (
    "information provided to {you} [in confidence|by third parties] about {name}",
    "[a report|information] [commissioned|obtained] from a third party about {name}",
    "[records|information] supplied to {you} by others concerning {name}",
)


def frame_confidential(ctx: Ctx) -> Draft:
    """Information obtained from someone else in confidence (s41(1))."""
    years = ctx.rng.choice((1, 2, 3))
    bank = CONFIDENTIAL_ITEMS.get(ctx.authority, CONFIDENTIAL_DEFAULT)
    draft = simple_request(ctx, bank, 1, 3, CONFIDENTIAL_GISTS, years)
    if any("late" in i for i in draft.items):
        draft.gist = alt(ctx.rng, "the health records of [their|the complainant's] late [relative|parent]")
    return draft


DANGER_ITEMS: dict[str, tuple[str, ...]] = {
    "council": (
        "the [addresses|locations] of [women's refuges|domestic abuse refuges|safe houses] in "
        "[the county|the borough|{place}]",
        "the [addresses|locations] of [properties used for|homes housing] "
        "[care leavers|children in care|asylum seekers] in {place}",
        "[details|the locations] of [supported housing|hostels] for people leaving prison",
    ),
    "nhs": (
        "the names and [shift patterns|rotas] of staff [working on|at] the "
        "[secure unit|mental health unit|ward {num}]",
        "the layout and [security arrangements|door access codes] of the [secure|forensic] unit",
    ),
    "police": (
        "the [home|residential] addresses of officers [who live|living] in {place}",
        "[details|the locations] of [safe houses|witness protection accommodation]",
        "the names and home towns of officers [who gave evidence|involved] in {name} cases",
    ),
    "school": (
        "the names, [year groups|photographs|home addresses] of pupils "
        "[involved in|who witnessed] the incident on {date}",
        "the [names|details] of the children "
        "[on the child protection register|with safeguarding plans] at the school",
    ),
    "university": (
        "the [location|locations] of [the|] "
        "[animal research facilities|laboratories holding dangerous pathogens] and the names of "
        "[researchers|staff] working there",
        "the names and office locations of staff [carrying out|working on] [controversial|animal] research",
    ),
    "transport": (
        "the [security staff|station staff] [rotas|deployment] at {place} station [at night|late at night]",
        "[details|the locations] of [weak points|vulnerabilities] in [station|depot] [security|fencing]",
    ),
    "fire": (
        "[a list|a map] of [premises|sites] [storing|holding] "
        "[hazardous materials|explosive substances|acetylene cylinders]",
        "the home addresses of [firefighters|senior officers] at {place} station",
    ),
    "central_government": (
        "the [addresses|locations] of [hotels|sites] used for {name}",
        "the names of [officials|caseworkers] [working on|deciding] {name} [cases|applications]",
    ),
    "regulator": ("the [home|] addresses of [inspectors|staff] involved in {name}",),
    "other": ("the home addresses of [staff|rangers|wardens] [working at|based at] {place}",),
}
DANGER_GISTS = (
    "[details|information] that [would|could] identify [the location of|] [people|sites] "
    "connected with {name}",
    "[the|] [addresses|locations|names] of [people|premises] linked to {name}",
    "information about [the locations|staff] [of|at] [sensitive|protected] [sites|premises]",
)


def frame_danger(ctx: Ctx) -> Draft:
    """Information whose release could endanger someone's safety (s38(1))."""
    rng = ctx.rng
    items = several(ctx, DANGER_ITEMS[ctx.authority], 1, 2)
    if rng.random() < 0.3:
        items.append(pick(rng, COUNT_ITEMS, **ctx.slots()))
    return draft_of(items, pick(rng, DANGER_GISTS, **ctx.slots()), flags={"off_topic"})


THREAT_TARGETS = (
    "the {place} shopping centre",
    "the mosque on {street}",
    "the synagogue in {place}",
    "{place} General Hospital",
    "the school on {street}",
    "{place} station",
    "the football stadium in {place}",
    "the Pride event in {place}",
    "the Christmas market in {place}",
    "the Remembrance parade in {place}",
    "the council offices in {place}",
)
THREAT_ITEMS = (
    "[Did|Has] {you} [receive|received] [a|any] [bomb threat|terrorist threat|threat] "
    "[against|relating to] {target} [on {date}|{period}]?",
    "whether {target} was [evacuated|closed] [on {date}|] because of a "
    "[suspicious package|security alert|credible threat]",
    "[details of|] [any|the] [threat|risk] assessment [carried out|made] for {target}",
    "the [number of|] [hoax|credible] [threats|calls] [received|made] about {target} {period}",
    "whether [the security services|MI5|counter-terrorism policing] [advised|warned] {you} about {target}",
)
THREAT_GISTS = (
    "whether {you} had received threats against {target}",
    "information about [security alerts|threats] relating to {target}",
    "[details of|] [any|] threat assessments for {target}",
)


def frame_threat(ctx: Ctx) -> Draft:
    """Specific threats against places or events (NCND on national security and safety)."""
    target = fill(ctx.rng, ctx.rng.choice(THREAT_TARGETS), **ctx.slots())
    draft = simple_request(ctx, THREAT_ITEMS, 1, 3, THREAT_GISTS, flags={"off_topic"}, target=target)
    if any("MI5" in i or "security services" in i for i in draft.items):
        draft.flags.add("security_body")
    return draft


SECURITY_BODIES = (
    "MI5",
    "the Security Service",
    "GCHQ",
    "the National Crime Agency",
    "the Secret Intelligence Service",
    "the Joint Terrorism Analysis Centre",
    "special forces",
)
SECURITY_ITEMS = (
    "[information|any information] [received from|supplied by] {sb} [about|concerning|relating to] {name}",
    "[the|any] [briefing|briefings] {you} [received|was given] by {sb} on {name}",
    "[all|] correspondence between {you} and {sb} [about|on] {name} {period}",
    "the [role|involvement] of {sb} in {name}",
    "[copies of|] [any|] [threat assessments|intelligence reports] [from|produced by] {sb} "
    "[about|relating to] {name}",
    "[the|any] [requests|requests for assistance] {you} [made to|received from] {sb} "
    "[in connection with|regarding] {name}",
)


def frame_security_bodies(ctx: Ctx) -> Draft:
    """Information supplied by, or relating to, the security bodies listed in s23(3)."""
    rng = ctx.rng
    if ctx.authority != "central_government" or rng.random() < 0.5:
        ctx.subject = crime_subject(ctx)
    years = rng.choice((1, 2, 3))

    def slots() -> dict[str, str]:
        # Each part (and the gist) names its own body, drawn after that part's slots.
        return {**ctx.slots(years), "sb": rng.choice(SECURITY_BODIES)}

    items = several(ctx, SECURITY_ITEMS, 1, 3, draw=slots)
    gist = pick(
        rng,
        (
            "information [supplied by|received from] {sb} about {name}",
            "correspondence with {sb} relating to {name}",
            "information about the involvement of {sb} in {name}",
        ),
        **slots(),
    )
    return draft_of(items, gist, years)


DEFENCE_ITEMS: dict[str, tuple[str, ...]] = {
    "central_government": (
        "the number of [troops|personnel|aircraft] [deployed|stationed] [to|in] {country}",
        "the [readiness|availability] of "
        "[the Typhoon fleet|Type 45 destroyers|Challenger tanks|Ajax vehicles]",
        "[details of|] planned [training exercises|live-firing exercises] [on|at] "
        "[Salisbury Plain|Otterburn|Dartmoor] and the units involved",
        "the [capabilities|vulnerabilities] of {kit}",
        "the [stocks|quantities] of [ammunition|missiles] [held|remaining] after "
        "[supplies to Ukraine|recent deployments]",
        "[the|] [operational|] [availability|serviceability] [rates|figures] for {kit} {period}",
    ),
    "police": (
        "the [number of|] requests for military [aid|assistance] made by {you} {period}, with "
        "details of the units [that attended|involved]",
        "[details of|] [joint|] exercises with the armed forces [held|planned] in {place}",
    ),
    "university": (
        "[details|a list] of [research|projects] funded by [the MoD|Dstl|defence contractors] on "
        "[hypersonic|drone|autonomous weapons] [technology|systems], including "
        "[technical outputs|findings]",
        "[the|] [reports|deliverables] [produced|delivered] for [Dstl|the Ministry of Defence] "
        "[under|on] {name}",
    ),
    "other": (
        "[the|] [support|data] [provided to|supplied to] the armed forces [for|during] "
        "[operations|exercises] {period}",
        "[details of|] [forecasts|mapping] [prepared|produced] for [military|RAF] operations {period}",
    ),
}


DEFENCE_KIT = (
    "the Type 26 frigates",
    "the F-35 fleet",
    "the Ajax armoured vehicles",
    "the Sky Sabre air defence system",
    "the Protector drones",
    "the Challenger 3 tanks",
    "the Astute-class submarines",
    "the Watchkeeper drones",
)


DEFENCE_RESEARCH = (
    "hypersonic propulsion",
    "drone swarms",
    "autonomous targeting",
    "quantum navigation",
    "radar signal processing",
    "battlefield communications",
    "armour materials",
)
DEFENCE_GISTS = (
    "information about [military|defence] [deployments|capabilities] [relating to|connected with] {name}",
    "details of [armed forces|defence] [readiness|exercises|capabilities]",
    "information about defence-related work [on|connected with] {name}",
)


def frame_defence(ctx: Ctx) -> Draft:
    rng = ctx.rng
    if ctx.authority == "university":
        ctx.subject = rng.choice(DEFENCE_RESEARCH)
    years = rng.choice((1, 2, 3))
    kit = rng.choice(DEFENCE_KIT)
    flags = {"off_topic"} if ctx.subject else set()
    return simple_request(ctx, DEFENCE_ITEMS[ctx.authority], 1, 3, DEFENCE_GISTS, years, flags=flags, kit=kit)


DEFENCE_NCND_ITEMS = (
    "whether [UK|British] special forces [were|have been] [deployed|operating] in {country} {period}",
    "[Did|Has] a [Royal Navy|British] [submarine|nuclear submarine] [visit|dock at] {place} {period}?",
    "whether [British|UK] [personnel|aircraft] [took part in|supported] [strikes|operations] "
    "in {country} {period}",
    "whether [nuclear weapons|nuclear convoys] [passed|travelled] through {place} {period}",
)


def frame_defence_ncnd(ctx: Ctx) -> Draft:
    rng = ctx.rng
    years = rng.choice((1, 2))
    items = several(ctx, DEFENCE_NCND_ITEMS, 1, 2, 1)
    gist = pick(
        rng,
        (
            "whether UK forces had been [deployed|involved] in {country}",
            "[confirmation|information] about [military|special forces] activity in {country}",
        ),
        **ctx.slots(years),
    )
    return draft_of(items, gist, years, flags={"off_topic"})


FOREIGN_ITEMS: dict[str, tuple[str, ...]] = {
    "central_government": (
        "[all|] correspondence between {you} and "
        "[the government of|the embassy of|officials from] {country} [about|on|regarding] {name}",
        "the [briefing|briefings|notes] [prepared for|for] the [minister's|Foreign Secretary's] "
        "[visit|trip] to {country}",
        "[the|] [diplomatic telegrams|assessments] [on|about] {name} in {country}",
        "the [record|minutes] of [the|] meeting[s|] with [the ambassador of|a delegation from] "
        "{country} [about|on] {name}",
        "[details of|] [any|the] [concerns|representations] [raised|made] by "
        "[the government of|the authorities in] {country} about {name}",
    ),
    "university": (
        "[details of|copies of] [funding|agreements|contracts] [with|from] [bodies linked to|] "
        "the [government|state] of {country}",
        "[communications|correspondence] with the embassy of {country} [about|regarding] "
        "[students|the Confucius Institute|research partnerships]",
        "[the|] [terms|memoranda of understanding] [agreed|signed] with "
        "[universities|ministries] in {country}",
    ),
    "other": (
        "[correspondence|exchanges] with [counterpart|foreign] [agencies|bodies] in {country} about {name}",
    ),
    "regulator": ("[correspondence|exchanges] with [overseas|foreign] regulators in {country} about {name}",),
    "police": ("[correspondence|contact] with the authorities in {country} about {name}",),
}
FOREIGN_GISTS = (
    "correspondence with the government of {country} about {name}",
    "information about [relations|dealings] with {country} [relating to|concerning] {name}",
    "[briefings|records] concerning [contacts|meetings] with {country} officials",
)


def frame_foreign(ctx: Ctx) -> Draft:
    years = ctx.rng.choice((1, 2, 3))
    return simple_request(ctx, FOREIGN_ITEMS[ctx.authority], 1, 3, FOREIGN_GISTS, years)


FOREIGN_NCND_ITEMS = (
    "whether [the government of|the authorities in] {country} [requested|asked for] the "
    "extradition of {person}",
    "whether the UK [has raised|raised] the case of {person} with the authorities in {country}",
    "whether {you} [received|has received] [intelligence|information] from {country} about {name}",
    "whether {country} [asked|has asked] the UK [to|for help to] [monitor|locate] {person}",
)
FOREIGN_NCND_GISTS = (
    "whether a foreign state had made requests concerning a named individual",
    "whether {you} held information [received from|exchanged with] {country} about {name}",
)


def frame_foreign_ncnd(ctx: Ctx) -> Draft:
    return simple_request(ctx, FOREIGN_NCND_ITEMS, 1, 2, FOREIGN_NCND_GISTS, flags={"off_topic"})


HONOURS_ITEMS = (
    "[the reasons|why] {person} was [awarded|given] [an MBE|an OBE|a CBE|a knighthood] "
    "[in the {year} [New Year|Birthday] Honours|]",
    "[a list of|the names of] people who [declined|refused|turned down] [an honour|honours] in {year}",
    "[the|any] [nomination|citation] [for|submitted for] {person}",
    "[the|] minutes of the honours committee [meeting|meetings] [which considered|about] "
    "[nominations in|] {field}",
    "correspondence between {you} and "
    "[the Royal Household|Buckingham Palace|the Prince of Wales's office|Clarence House] "
    "[about|on] {field}",
    "[details of|] [any|the] [royal visit|visit by a member of the Royal Family] to {place}, "
    "including [the planning correspondence|correspondence with the Palace]",
    "[the|any] [letters|memos] [from|written by] the King [or his office|] [to|sent to] "
    "{you} [on|about] {field}",
)


HONOUR_FIELDS = (
    "sport",
    "business",
    "the arts",
    "public service",
    "charity work",
    "policing",
    "education",
    "healthcare",
    "local government",
    "community volunteering",
)
HONOURS_GISTS = (
    "information about the award of an honour to a named individual",
    "correspondence with the Royal Household about {field}",
    "[the|] names of people who had declined honours",
    "[information about|details of] honours nominations [relating to|in the field of] {field}",
)


def frame_honours(ctx: Ctx) -> Draft:
    field_name = ctx.rng.choice(HONOUR_FIELDS)
    return simple_request(ctx, HONOURS_ITEMS, 1, 3, HONOURS_GISTS, flags={"off_topic"}, field=field_name)


STATUTORY_ITEMS: dict[str, tuple[str, ...]] = {
    "central_government": (
        "the [amount of tax|tax] paid by {supplier} {period}",
        "[details of|] HMRC's [dealings|correspondence] with {supplier} about "
        "[its tax affairs|a tax dispute]",
        "[information about|details of] my late [father's|uncle's|grandmother's] tax affairs",
    ),
    "council": (
        "the adoption [records|file] [for|of] my [sibling|half-sister|cousin] adopted in {year}",
        "[the|any] reports [prepared|written] for the family court about {person}'s children",
    ),
    "regulator": (
        "[all|] information [gathered|obtained] during the [investigation|merger inquiry] into {supplier}",
        "[the|] documents {supplier} [provided|handed over] under [statutory|formal] notices",
    ),
    "police": (
        "[any|] intercepted material relating to {name}",
        "[the|] [phone records|communications data] [obtained|acquired] during the {name} investigation",
    ),
    "other": (
        "the [individual|] census [returns|responses] for [{street}|my grandparents' address] in 2021",
        "[the|] [individual|] survey responses [given|submitted] by [businesses|households] in {place}",
    ),
    "nhs": ("[details of|] fertility treatment records relating to {person}",),
}
STATUTORY_GISTS = (
    "information [about|concerning] {name} [held under|obtained under] statutory powers",
    "[records|information] that [the complainant believed|they believed] {you} held about {supplier}",
    "[details|records] [relating to|about] a named [person|company]",
)


def frame_statutory(ctx: Ctx) -> Draft:
    """Information whose disclosure another Act prohibits (s44(1))."""
    if ctx.authority == "police":
        ctx.subject = crime_subject(ctx)
    years = ctx.rng.choice((1, 2, 3))
    return simple_request(ctx, STATUTORY_ITEMS[ctx.authority], 1, 2, STATUTORY_GISTS, years, flags={"off_topic"})


STATUTORY_NCND_ITEMS = (
    "whether HMRC [is investigating|has opened an enquiry into] {supplier}",
    "whether {you} [has received|is looking into] [a complaint|complaints] about {supplier}",
    "[Is|Has] {supplier} [under investigation|been investigated] by {you}?",
    "whether {you} [has used|used] [its|] [formal|statutory] powers against {supplier}",
)
STATUTORY_NCND_GISTS = (
    "whether {you} was investigating a named company",
    "whether complaints had been received about {supplier}",
)


def frame_statutory_ncnd(ctx: Ctx) -> Draft:
    return simple_request(ctx, STATUTORY_NCND_ITEMS, 1, 2, STATUTORY_NCND_GISTS, flags={"off_topic"})


def frame_mixed(ctx: Ctx) -> Draft:
    """Several plain statistics; the scenario's riders add the one exempt part."""
    return plain_counts(ctx, ctx.rng.choice((1, 2, 3, 5)), COUNT_EXTRAS + TOTALS_ITEMS)


FRAMES: dict[str, FrameFn] = {
    "count": frame_count,
    "breakdown": frame_breakdown,
    "manual": frame_manual_count,
    "small_cells": frame_small_cells,
    "yesno": frame_yesno,
    "totals": frame_totals,
    "names": frame_names,
    "named_case": frame_named_case,
    "whether": frame_whether,
    "own_data": frame_own_data,
    "correspondence": frame_correspondence,
    "contract": frame_contract,
    "commercial_ncnd": frame_commercial_ncnd,
    "legal": frame_legal,
    "policy": frame_policy,
    "deliberation": frame_deliberation,
    "published": frame_published,
    "future": frame_future,
    "repeated": frame_repeated,
    "covert": frame_covert,
    "capability": frame_capability,
    "location": frame_location,
    "tactics": frame_tactics,
    "it_security": frame_it_security,
    "fraud": frame_fraud,
    "overt_fr": frame_overt_fr,
    "ct_aggregate": frame_ct_aggregate,
    "incident": frame_incident,
    "informant": frame_informant,
    "confidential": frame_confidential,
    "danger": frame_danger,
    "threat": frame_threat,
    "security_bodies": frame_security_bodies,
    "defence": frame_defence,
    "defence_ncnd": frame_defence_ncnd,
    "foreign": frame_foreign,
    "foreign_ncnd": frame_foreign_ncnd,
    "honours": frame_honours,
    "statutory": frame_statutory,
    "statutory_ncnd": frame_statutory_ncnd,
    "mixed": frame_mixed,
}


# --------------------------------------------------------------------------------------------------------
# Riders: an extra request part that brings its own label (a long request where one part is exempt)
# --------------------------------------------------------------------------------------------------------

RIDERS: dict[str, tuple[str, ...]] = {
    "s40(2)": (
        "the names [and job titles|and grades|] of the {staff} involved",
        "the [identities|names] of [those|anyone] [responsible|involved] [in each case|]",
        "[copies of|] the [emails|notes] [concerned|involved], [including|with] the names of "
        "[those|staff] involved",
        "the name of the [officer|member of staff|manager] who [made|took] [each|the] decision",
    ),
    "s42(1)": (
        "any legal advice [you received|obtained] [about this|on this matter]",
        "correspondence with [your|the] [solicitors|legal team|counsel] about it",
    ),
    "s36": (
        "the internal [discussions|emails|notes] [about|on] [the options|whether to proceed]",
        "the [notes|minutes] of the [senior leadership|management] [meeting|discussion] where "
        "this was considered",
    ),
    "s35": (
        "the submission[s|] to [the minister|ministers] on this",
        "[the|any] advice [given|sent] to ministers about it",
    ),
    "s31(1)": (
        "the [tactics|methods] used [to tackle|against|for] {name}",
        "the number of [specialist|trained] {staff} [working on|assigned to] {name} "
        "[on each shift|at each station|in each team]",
        "[the|a list of] locations [where|at which] {asset} are [kept|based]",
    ),
    "s24(1)": (
        "whether any of [these|this equipment] [is|are] [available to|shared with] "
        "counter-terrorism [policing|units]",
        "the number of [counter-terrorism|specialist armed] officers [trained|available] to use them",
    ),
    "s43(2)": (
        "the [cost|price] paid to [each|the] supplier [for this|involved]",
        "the [name|names] of the [supplier|contractor] and the [rates|prices] [charged|agreed]",
    ),
    "s43(1)": (
        "the [pricing formula|algorithm|proprietary method] [used by the supplier|behind the pricing]",
    ),
    "s41(1)": (
        "[the|any] [information|reports] [provided|supplied] by [the provider|third parties] "
        "[about this|in confidence]",
    ),
    "s27(1)": ("[any|] correspondence with [the government of|the embassy of] {country} about [this|it]",),
    "s30(1)": ("[details of|] any investigation [into|arising from] [this|it]",),
    "s38(1)": ("the [addresses|locations] of the [staff|sites] [concerned|involved]",),
}


def rider(ctx: Ctx, label: str) -> str:
    return pick(ctx.rng, RIDERS[label], **ctx.slots())


WIDEN_PARTS = (
    "all [emails|documents|correspondence] [relating to|about] [this|any of the above] {period}",
    "every [record|document] you hold [on|about] [this|these matters], {period}",
    "[copies of|] all [internal|] [communications|messages] [about|concerning] [this|these matters] {period}",
    "[any and all|all] [notes|emails|reports] [connected with|touching on] [this|the above] {period}",
)


# --------------------------------------------------------------------------------------------------------
# Practice scenarios: the label rules as data
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Extra:
    """An optional label drawn with probability ``p`` (only for the listed authority types, if any).

    With ``rider`` the label comes with an extra request part that justifies it.
    """

    p: float
    labels: tuple[str, ...]
    only: tuple[str, ...] = ()
    rider: bool = False

    def applies(self, authority: str) -> bool:
        return not self.only or authority in self.only


@dataclass(frozen=True)
class Scenario:
    """A kind of information asked for, the authorities it fits and the labels it draws."""

    key: str
    description: str
    frame: str
    weights: dict[str, float]  # authority type -> relative weight
    labels: tuple[str, ...] = ()  # always drawn
    extras: tuple[Extra, ...] = ()  # independent optional labels
    riders: tuple[str, ...] = ()  # labels whose rider part is always added
    scored: bool = True  # add s12 when the effort score exceeds the cost limit
    needs_asset: bool = False
    widen: float = (
        0.0  # share of requests that add an "all documents about it" sweep (feeds the effort score)
    )
    bodies: tuple[str, ...] = ()  # central government departments that would hold this kind of information


NCND_TRIO = ("s23(5)", "s24(2)", "s31(3)")


def A(
    p: float = 0,
    c: float = 0,
    g: float = 0,
    n: float = 0,
    u: float = 0,
    s: float = 0,
    f: float = 0,
    t: float = 0,
    r: float = 0,
    o: float = 0,
) -> dict[str, float]:
    """Weights by authority type: p police, c council, g central government, n NHS, u university, s school,
    f fire, t transport, r regulator, o other (0 = the scenario does not occur there)."""
    pairs = (
        ("police", p),
        ("council", c),
        ("central_government", g),
        ("nhs", n),
        ("university", u),
        ("school", s),
        ("fire", f),
        ("transport", t),
        ("regulator", r),
        ("other", o),
    )
    return {name: weight for name, weight in pairs if weight}


# Weights are relative within each authority type. They were tuned (over large samples) so that the share of
# records carrying each label follows TARGET_SHARES; labels themselves come only from the rules above.
SCENARIOS: tuple[Scenario, ...] = (
    # ---- statistics: answered in full unless the effort score passes the cost limit ----
    Scenario(
        "simple_count",
        "A plain count held as a category on the system: answered.",
        "count",
        A(p=26.9, c=26.9, g=19.2, n=26.9, u=26.9, s=30.8, f=30.8, t=30.8, r=26.9, o=26.9),
    ),
    Scenario(
        "yes_no_practice",
        "Does the authority use X / have a policy on X: answered.",
        "yesno",
        A(p=7.2, c=7.2, g=4.6, n=7.2, u=7.2, s=7.8, f=7.8, t=7.2, r=7.2, o=7.2),
    ),
    Scenario(
        "spend_headcount",
        "Organisation-level spend totals and headcounts: answered.",
        "totals",
        A(p=3.6, c=6, g=6.7, n=6, u=6, s=6, f=6.7, t=6, r=6, o=6.7),
    ),
    Scenario(
        "breakdown_statistics",
        "Multi-part statistics over years by several fields: s12 when large; small cells crossed "
        "with personal characteristics can identify people.",
        "breakdown",
        A(p=39.4, c=31.5, g=23.6, n=30.1, u=27.2, s=22.3, f=30.1, t=30.1, r=25.1, o=23.6),
        extras=(Extra(0.05, ("s40(2)",), rider=True),),
    ),
    Scenario(
        "unrecorded_category",
        "Counts that need case files or free text read by hand.",
        "manual",
        A(p=12, c=12, g=6, n=12, u=9.3, s=9.3, f=10.7, t=10.7, r=9.3, o=8),
        extras=(Extra(0.1, ("s40(2)",)),),
    ),
    Scenario(
        "small_cell_statistics",
        "Statistics at a level where individuals can be identified.",
        "small_cells",
        A(p=1, c=2, g=1, n=3, u=4, s=6, f=2, t=1, r=1, o=1),
    ),
    Scenario(
        "mixed_with_capability",
        "Plain statistics plus one part on tactics or capability.",
        "mixed",
        A(p=12.2, c=1.7, f=3.5, t=3.5, n=0.86),
        labels=("s31(1)",),
        riders=("s31(1)",),
        extras=(Extra(0.2, ("s24(1)",), ("police",), rider=True),),
    ),
    Scenario(
        "mixed_with_names",
        "Plain statistics plus the names of staff involved.",
        "mixed",
        A(p=1.2, c=1.6, g=1.2, n=1.6, u=1.6, s=1.6, f=1.6, t=1.6, r=1.6, o=1.6),
        labels=("s40(2)",),
        riders=("s40(2)",),
    ),
    Scenario(
        "mixed_with_prices",
        "Plain statistics plus supplier prices.",
        "mixed",
        A(p=1.4, c=4.1, g=2.1, n=4.1, u=2.1, f=2.1, t=4.1, o=2.1),
        labels=("s43(2)",),
        riders=("s43(2)",),
    ),
    # ---- people ----
    Scenario(
        "names_of_individuals",
        "Names, contact details or unredacted minutes identifying people.",
        "names",
        A(p=3.2, c=3.6, g=2.7, n=3.6, u=3.6, s=3.6, f=3.6, t=3.6, r=3.6, o=3.6),
        labels=("s40(2)",),
        widen=0.12,
    ),
    Scenario(
        "named_persons_case",
        "Details of a named third party's case.",
        "named_case",
        A(p=2.5, c=2.5, g=1, n=2, u=2, s=2, f=1, t=1, r=2, o=1),
        labels=("s40(2)",),
        extras=(
            Extra(0.6, ("s30(1)",), ("police",)),
            Extra(0.2, ("s41(1)",), ("nhs", "council", "regulator")),
        ),
    ),
    Scenario(
        "was_person_investigated",
        "Whether an identifiable person was investigated or disciplined: NCND.",
        "whether",
        A(p=8.3, c=5.5, g=3.6, n=4.6, u=4.6, s=3.6, f=1.8, t=1.8, r=14.6, o=3.6),
        labels=("s40(5)",),
        extras=(
            Extra(0.85, ("s31(3)",), ("police",)),
            Extra(0.5, ("s30(3)",), ("police",)),
            Extra(0.3, ("s31(3)",), ("council", "central_government")),
            Extra(0.15, ("s44(2)",), ("regulator",)),
        ),
        scored=False,
    ),
    Scenario(
        "own_personal_data",
        "The requester's own records: a subject access request.",
        "own_data",
        A(p=6.2, c=6.2, g=4.2, n=6.2, u=4.2, s=4.2, f=2.1, t=4.2, r=4.2, o=2.1),
        labels=("s40(1)",),
        extras=(Extra(0.08, ("s40(2)",)),),
        scored=False,
    ),
    # ---- documents, money, advice ----
    Scenario(
        "all_correspondence",
        "All emails / documents mentioning X: every mailbox searched.",
        "correspondence",
        A(p=8.1, c=9.2, g=9.2, n=8.1, u=8.1, s=6.9, f=6.9, t=6.9, r=8.1, o=8.1),
        extras=(Extra(0.4, ("s40(2)",), rider=True), Extra(0.25, ("s35",), ("central_government",))),
    ),
    Scenario(
        "contract_pricing",
        "Contract values, rates, bids and supplier performance.",
        "contract",
        A(p=6.4, c=16, g=9.6, n=16, u=11.2, s=9.6, f=9.6, t=16, r=6.4, o=11.2),
        labels=("s43(2)",),
        widen=0.1,
        extras=(
            Extra(0.3, ("s40(2)",), rider=True),
            Extra(0.15, ("s43(1)",), rider=True),
            Extra(0.2, ("s31(1)",), ("police", "central_government", "transport")),
        ),
    ),
    Scenario(
        "bidder_ncnd",
        "Whether a named company bid or is under review: NCND.",
        "commercial_ncnd",
        A(c=2.3, g=2.3, n=1.6, t=0.86, r=4.6, o=0.86),
        labels=("s43(3)",),
        extras=(Extra(0.3, ("s44(2)",), ("regulator",)),),
        scored=False,
    ),
    Scenario(
        "legal_advice",
        "Legal advice and correspondence with lawyers.",
        "legal",
        A(p=4, c=9.9, g=7.6, n=6.1, u=6.1, s=3.8, f=3.8, t=3.8, r=6.1, o=6.1),
        labels=("s42(1)",),
        widen=0.1,
        extras=(
            Extra(0.3, ("s40(2)",), rider=True),
            Extra(
                0.2, ("s36",), tuple(k for k in AUTHORITY_WEIGHTS if k != "central_government"), rider=True
            ),
            Extra(0.3, ("s35",), ("central_government",), rider=True),
        ),
    ),
    Scenario(
        "policy_formulation",
        "Submissions and options papers on forming government policy.",
        "policy",
        A(g=54.6),
        labels=("s35",),
        widen=0.12,
        extras=(
            Extra(0.2, ("s40(2)",), rider=True),
            Extra(0.1, ("s42(1)",), rider=True),
            Extra(0.08, ("s27(1)",), rider=True),
        ),
    ),
    Scenario(
        "internal_deliberation",
        "Free and frank advice and live internal deliberation.",
        "deliberation",
        A(p=4.3, c=15.2, g=6.5, n=10.9, u=15.2, s=13, f=8.7, t=8.7, r=13, o=13),
        labels=("s36",),
        widen=0.12,
        extras=(Extra(0.4, ("s40(2)",), rider=True), Extra(0.15, ("s42(1)",), rider=True)),
    ),
    Scenario(
        "already_published",
        "Information already published: s21, sometimes with a heavy extra part.",
        "published",
        A(p=19.1, c=26.1, g=13.9, n=22.6, u=22.6, s=20.9, f=20.9, t=20.9, r=20.9, o=20.9),
        labels=("s21",),
        extras=(Extra(0.12, ("s40(2)",), rider=True),),
    ),
    Scenario(
        "due_for_publication",
        "A report or statistics due to be published soon.",
        "future",
        A(p=5, c=10.3, g=7.9, n=7.9, u=7.9, s=7.9, f=6.3, t=7.9, r=9.5, o=9.5),
        labels=("s22",),
        extras=(Extra(0.1, ("s40(2)",), rider=True), Extra(0.08, ("s21",))),
    ),
    Scenario(
        "vexatious_dispute",
        "Repeated or burdensome requests in a long dispute.",
        "repeated",
        A(p=12.8, c=19.3, g=4.8, n=14.5, u=12.1, s=14.5, f=9.7, t=12.1, r=14.5, o=14.5),
        labels=("s14",),
        extras=(Extra(0.25, ("s40(2)",)),),
    ),
    # ---- law enforcement and security ----
    Scenario(
        "covert_tactic",
        "Covert tactics and capabilities: the NCND trio.",
        "covert",
        A(p=22.4, g=4.6),
        labels=NCND_TRIO,
        extras=(Extra(0.45, ("s30(3)",)), Extra(0.2, ("s40(5)",)), Extra(0.12, ("s44(2)",))),
        scored=False,
    ),
    Scenario(
        "capability_inventory",
        "Fleets, equipment and specialist staff per unit.",
        "capability",
        A(p=23.4, g=4.3, n=1.7, f=12.2, t=10.4, u=1.7),
        labels=("s31(1)",),
        extras=(
            Extra(0.5, ("s24(1)",), ("police", "central_government", "fire", "transport")),
            Extra(0.3, ("s40(2)",)),
        ),
        needs_asset=True,
    ),
    Scenario(
        "deployment_locations",
        "Locations and deployment of assets.",
        "location",
        A(p=13, c=1.7, g=3.5, n=1.7, f=5.2, t=5.2),
        labels=("s31(1)",),
        extras=(
            Extra(0.3, ("s38(1)",)),
            Extra(0.3, ("s24(1)",), ("police", "central_government", "fire", "transport")),
            Extra(0.1, ("s40(2)",)),
        ),
        needs_asset=True,
    ),
    Scenario(
        "tactics_and_training",
        "Training materials, tactical guidance, risk scoring.",
        "tactics",
        A(p=10.4, c=2.6, g=1.7, t=1.7, f=0.86, r=0.86),
        labels=("s31(1)",),
        widen=0.1,
        extras=(Extra(0.2, ("s40(2)",), rider=True),),
    ),
    Scenario(
        "it_security",
        "Security of IT systems.",
        "it_security",
        A(p=1.5, c=4.5, g=3, n=7.6, u=7.6, s=7.6, f=3, t=3, r=4.5, o=7.6),
        labels=("s31(1)",),
        extras=(Extra(0.25, ("s43(2)",), rider=True),),
    ),
    Scenario(
        "fraud_controls",
        "Fraud-detection methods; public health funerals with names and addresses.",
        "fraud",
        A(c=6, g=1.8, n=1.2, u=0.6),
        labels=("s31(1)",),
    ),
    Scenario(
        "overt_facial_recognition",
        "Publicised overt facial recognition: tactical detail withheld.",
        "overt_fr",
        A(p=1.2),
        labels=("s31(1)",),
        extras=(Extra(0.4, ("s40(2)",), rider=True),),
    ),
    Scenario(
        "counter_terror_totals",
        "Counter-terrorism mentioned, but only totals or published policy.",
        "ct_aggregate",
        A(p=1.9),
    ),
    Scenario(
        "specific_investigation",
        "A specific incident, operation or case.",
        "incident",
        A(p=22.5, c=3.9, g=2.3, n=3.1, u=1.6, s=1.6, f=7.8, t=4.6, r=9.3, o=4.6),
        labels=("s30(1)",),
        widen=0.1,
        extras=(
            Extra(0.5, ("s40(2)",), rider=True),
            Extra(0.3, ("s31(1)",)),
            Extra(0.05, ("s38(1)",)),
            Extra(0.3, ("s41(1)",), ("regulator",)),
            Extra(0.2, ("s44(1)",), ("regulator",)),
        ),
    ),
    Scenario(
        "informants",
        "Informants and confidential sources.",
        "informant",
        A(p=7),
        labels=("s30(2)", "s31(1)"),
        extras=(Extra(0.35, ("s40(2)",)), Extra(0.25, ("s30(1)",))),
    ),
    Scenario(
        "confidential_third_party",
        "Information obtained in confidence from a third party.",
        "confidential",
        A(p=2.5, c=11.8, g=7, n=27.8, u=8.3, s=4.9, f=4.9, t=2.5, r=36.2, o=7),
        labels=("s41(1)",),
        widen=0.1,
        extras=(Extra(0.5, ("s40(2)",)), Extra(0.08, ("s44(1)",))),
    ),
    Scenario(
        "endangerment",
        "Information that would endanger someone's safety.",
        "danger",
        A(p=3.4, c=6.8, g=6.8, n=6.8, u=7.6, s=5.3, f=4.5, t=4.5, r=2.3, o=2.3),
        labels=("s38(1)",),
        extras=(Extra(0.55, ("s40(2)",)), Extra(0.4, ("s31(1)",))),
    ),
    Scenario(
        "threat_ncnd",
        "Specific threats to places or events: NCND.",
        "threat",
        A(p=7.7, g=1.5, t=2.9),
        labels=("s24(2)", "s31(3)", "s38(2)"),
        extras=(Extra(0.4, ("s23(5)",)),),
        scored=False,
        bodies=("the Home Office", "the Ministry of Justice"),
    ),
    Scenario(
        "security_bodies",
        "Information supplied by or about MI5, GCHQ, NCA and others.",
        "security_bodies",
        A(p=5.2, g=18.2, o=2.4),
        labels=("s23(1)",),
        extras=(
            Extra(0.7, ("s24(1)",)),
            Extra(0.2, ("s40(2)",)),
            Extra(0.3, ("s30(1)",), ("police",)),
            Extra(0.1, ("s35",), ("central_government",)),
        ),
        bodies=(
            "the Home Office",
            "the Cabinet Office",
            "the Ministry of Justice",
            "the Foreign, Commonwealth and Development Office",
        ),
    ),
    # ---- defence, international relations, honours, statutory bars ----
    Scenario(
        "defence",
        "Military capability, deployments and defence research.",
        "defence",
        A(p=0.61, g=20.2, u=8.1, o=8.1),
        labels=("s26(1)",),
        extras=(Extra(0.4, ("s24(1)",)), Extra(0.1, ("s27(1)",)), Extra(0.3, ("s43(2)",), ("university",))),
        bodies=("the Ministry of Defence",),
    ),
    Scenario(
        "defence_ncnd",
        "Whether forces or submarines were deployed: NCND.",
        "defence_ncnd",
        A(g=12.5),
        labels=("s26(3)", "s24(2)"),
        extras=(Extra(0.4, ("s23(5)",)), Extra(0.2, ("s27(4)",))),
        scored=False,
        bodies=("the Ministry of Defence",),
    ),
    Scenario(
        "foreign_relations",
        "Communications with foreign governments.",
        "foreign",
        A(p=0.45, g=21.3, u=18.2, r=0.76, o=3),
        labels=("s27(1)",),
        extras=(
            Extra(0.15, ("s35",), ("central_government",)),
            Extra(0.2, ("s40(2)",)),
            Extra(0.2, ("s43(2)",), ("university",)),
        ),
        bodies=(
            "the Foreign, Commonwealth and Development Office",
            "the Home Office",
            "the Department for Business and Trade",
        ),
    ),
    Scenario(
        "foreign_ncnd",
        "Whether a foreign state made requests about a person: NCND.",
        "foreign_ncnd",
        A(g=9.5),
        labels=("s27(4)",),
        extras=(Extra(0.5, ("s40(5)",)), Extra(0.3, ("s24(2)",)), Extra(0.15, ("s23(5)",))),
        scored=False,
        bodies=("the Foreign, Commonwealth and Development Office", "the Home Office"),
    ),
    Scenario(
        "honours_royal",
        "Honours and communications with the Royal Family.",
        "honours",
        A(g=14.4, c=3.1, o=19.2),
        labels=("s37",),
        extras=(Extra(0.55, ("s40(2)",)), Extra(0.1, ("s41(1)",))),
        bodies=("the Cabinet Office",),
    ),
    Scenario(
        "statutory_bar",
        "Information another Act forbids disclosing.",
        "statutory",
        A(p=2.6, c=5.3, g=11.9, n=1.7, r=10.6, o=10.6),
        labels=("s44(1)",),
        extras=(Extra(0.55, ("s40(2)",)), Extra(0.1, ("s41(1)",)), Extra(0.1, ("s43(2)",))),
        bodies=("HM Revenue and Customs",),
    ),
    Scenario(
        "statutory_ncnd",
        "Whether a statutory investigation exists: NCND.",
        "statutory_ncnd",
        A(g=1.5, r=2),
        labels=("s44(2)",),
        extras=(Extra(0.3, ("s43(3)",)), Extra(0.3, ("s31(3)",)), Extra(0.2, ("s40(5)",))),
        scored=False,
        bodies=("HM Revenue and Customs",),
    ),
)


# --------------------------------------------------------------------------------------------------------
# Shapes: first-person requests and ICO decision-notice summaries
# --------------------------------------------------------------------------------------------------------

SHAPES: dict[str, float] = {
    "ico": 0.25,
    "oneline": 0.14,
    "numbered": 0.21,
    "bulleted": 0.07,
    "lettered": 0.05,
    "paragraph": 0.28,
}
LIST_SHAPES = ("numbered", "bulleted", "lettered")

GREETINGS = (
    "Dear FOI team,",
    "Hello,",
    "Dear Sir or Madam,",
    "To whom it may concern,",
    "Good morning,",
    "Hi,",
    "Dear Information Governance Team,",
    "Dear Freedom of Information Officer,",
    "Good afternoon,",
    "Dear colleagues,",
    "FOI request",
    "Re: Freedom of Information request",
    "Subject: FOI - {name}",
    "Hi there,",
    "Dear Information Rights team,",
    "Dear Disclosure Unit,",
    "Dear Information Access Officer,",
)
FOI_LINES = (
    "Under the Freedom of Information Act [2000|], "
    "[please could you provide|I would like to request|I am asking for] the following.",
    "I am making a request under the Freedom of Information Act[ 2000|].",
    "[Please|Kindly] treat this [email|message|letter] as a [request|formal request] under "
    "[FOIA|the FOI Act|the Freedom of Information Act].",
    "This is a [freedom of information|FOI|FOIA] request[ for your records|].",
    "I would be grateful if you could [treat|handle|process] the following as "
    "[an FOI|a freedom of information] request.",
    "I'm writing under section 1 of the Freedom of Information Act[ 2000|] "
    "[to ask for|about] the [following|below].",
    "Please [accept|log] this as a formal request for [information|recorded information].",
    "Could you [kindly|please] [deal with|respond to|handle] the [below|following] under the [FOI Act|FOIA]?",
    "I'd like to make an FOI request[ please|, if I may|].",
    "Under [FOIA|the FOI Act], please [provide|send|release] the [information|details] [below|listed below].",
    "I am writing to request [information|recorded information] "
    "[under the Freedom of Information Act 2000|under FOI].",
    "This request is made under [the Freedom of Information Act 2000|section 1 of FOIA|the FOI Act].",
    "[Please|Kindly] consider this a request under the Freedom of Information Act[ 2000|].",
    "[I am exercising|I'm using] my [right of access|rights] under the Freedom of Information Act[ 2000|].",
)
FOLLOW_UPS = (
    "Further to my [previous|earlier] request ({ref}), "
    "[I have some follow-up questions|I would like to ask the following].",
    "This is a follow-up to [reference|ref] {ref}.",
    "[Thank you for|Thanks for] your response to {ref}. I [now|] have "
    "[a further question|a couple of follow-up questions].",
    "In your reply to {ref} you [said|stated] that "
    "[some of the figures were held|the data is held centrally].",
    "[Following on from|Further to] {ref}:",
)
IDENTITIES = (
    "I am a journalist [working on|researching] a [story|piece] about {name}.",
    "I'm a [researcher|PhD student] looking at {name} across [England and Wales|the UK].",
    "I am a local resident [and|who is] concerned about {name} in [my area|{place}].",
    "I [volunteer|work] for a [small|local] charity [supporting|that supports] people affected by {name}.",
    "As a [parish|town|local] councillor I have been asked by residents about {name}.",
    "I'm [putting together|writing] a piece for a local news site on {name}.",
    "Our campaign group has been [following|tracking] {name} for some time.",
    "I work in [this sector|this field] and am trying to benchmark {name}.",
    "I'm a [student|sixth-former] doing a project on {name}.",
    "I [run|help run] a [residents' association|community group] in {place} and [we are|members are] "
    "[worried|asking questions] about {name}.",
)
MOTIVES = (
    "I have read [recent press coverage|reports in the local paper] about {name} and want to "
    "understand the local picture.",
    "I am sending [a similar|the same] request to every {kind} in [England|the country|the region].",
    "My MP suggested I ask you directly about {name}.",
    "[Following|After] the [recent|] [inspection report|news coverage|committee meeting], I "
    "have some questions about {name}.",
    "[There has been|There's been] a lot of [talk|discussion] locally about {name}[ recently|].",
)
PUBLIC_INTEREST = (
    "[There is|I believe there is|In my view there is] a [clear|strong|genuine] public "
    "interest in [knowing|understanding|seeing] how {you} [handles|approaches|deals with] "
    "{name}.",
    "Local people [deserve|ought|have a right] to know whether public money is being spent well on {name}.",
    "[Transparency|Openness] about {name} [helps|would help] [rebuild|maintain|strengthen] "
    "public [trust|confidence].",
    "The [figures|answers] will [inform|feed into] a [report|briefing|blog post] "
    "[we are preparing|I am writing] for [our members|local residents|readers].",
    "[Other|Neighbouring|Comparable] bodies already [publish|release] [this kind of|similar] "
    "information about {name}.",
    "[I intend to|We will|I plan to] [compare|set] the answers [against|alongside] those "
    "from other [organisations|areas|authorities].",
)
CLARIFICATIONS = (
    "If the information is not held in [exactly|precisely] this form, please [provide|send] "
    "[whatever you do hold|what you hold that is closest|the nearest equivalent].",
    "[By|When I say] 'staff' I mean "
    "[both employees and contractors|anyone employed or engaged by you|"
    "permanent and agency staff].",
    "Calendar or financial years are [fine|both fine|acceptable], whichever is easier "
    "[for you|to extract|for your systems].",
    "Where [a|any] figure is [zero|nil|none], please say so rather than [leaving it blank|omitting it].",
    "If [some|any] of this is [already|] published, a [link|web link|pointer] to the "
    "[page|document|dataset] would be [fine|enough|sufficient].",
    "I do not need [any|] "
    "[personal details|names of individuals][ - anonymised figures are fine|"
    ", just the numbers|].",
    "[If it helps|To keep costs down|If necessary], I am happy for you to "
    "[drop|leave out|skip] [the earliest years|the last part|the breakdowns].",
    "Please let me know [if|whether] you need me to clarify [anything|any of the terms used|the scope].",
    "[Approximate|Rounded] figures [are fine|would be acceptable] if exact ones are "
    "[not available|hard to extract].",
)
NP_LEADS = (
    "Please provide",
    "Please could you provide",
    "Could you please send me",
    "I would like to request",
    "I'd like",
    "I am requesting",
    "Please disclose",
    "Can you send me",
    "I would be grateful for",
    "Please supply",
    "I'm asking for",
    "Kindly provide",
    "Send me",
    "I want",
    "Please let me have",
    "I request",
    "May I have",
    "Could I please have",
    "I'd be grateful to receive",
    "Requesting",
    "Please send",
    "I am seeking",
)
ASK_LEADS = (
    "Please tell me",
    "I would like to know",
    "Could you confirm",
    "Please let me know",
    "Can you tell me",
    "Please confirm",
    "I'd like to find out",
    "Could you tell me",
)
NEXT_NP = (
    "I would also like {x}.",
    "In addition, please provide {x}.",
    "Could you also include {x}?",
    "Alongside this, I'd like {x}.",
    "Please also send {x}.",
    "Further, I request {x}.",
    "Finally, {x} would be helpful.",
    "As well as that, I am seeking {x}.",
    "I'd also appreciate {x}.",
    "Secondly, {x}.",
    "Lastly, please include {x}.",
    "Then {x}, please.",
    "Also {x}.",
)
NEXT_Q = (
    "Also, {x}",
    "In addition, {x}",
    "Secondly, {x}",
    "And {x}",
    "Lastly, {x}",
    "{X}",
    "{X}",
    "Further, {x}",
)
LIST_INTROS = (
    "Please [provide|send] the following:",
    "I would like the following [information|details]:",
    "My questions are [as follows|below]:",
    "Could you [tell me|let me know]:",
    "Please answer the following [questions|points]:",
    "I am requesting:",
    "Specifically, I would like:",
    "In particular:",
    "Please could you [supply|provide]:",
    "The information I am [after|seeking] is:",
    "I'd like to know:",
    "Requested information:",
    "Please send me:",
    "Could you let me have the following?",
    "Questions:",
    "Please let me have:",
    "I would like to ask:",
    "[Here are|These are] my questions:",
    "The request is in [several|a few] parts:",
    "",
)
CLOSINGS = (
    "Thank you[ very much|].",
    "Thanks in advance[ for your help|].",
    "Many thanks for your [help|time|assistance].",
    "I look forward to [hearing from you|your response|your reply] within "
    "[20 working days|the statutory time limit].",
    "Please send the [data|figures|information] as a spreadsheet if [possible|you can].",
    "[An Excel|A spreadsheet] or CSV file would be [ideal|best|most useful].",
    "If any part of this would exceed the cost limit, please [let me know|advise me|tell me] "
    "[which parts you can answer|how to narrow it|what you can provide within it].",
    "If [anything|any part] is unclear, please [get in touch|contact me] "
    "[before refusing|so I can clarify|and I will narrow it].",
    "Electronic copies are [fine|perfectly fine|all I need].",
    "Please reply by email[ only|, thank you|].",
    "I am happy to receive [redacted|anonymised] [information|documents|copies].",
    "Cheers.",
    "Regards.",
    "Best wishes.",
    "I'm [happy|content] to accept the [information|data] in whatever format is [easiest|most convenient].",
    "Please acknowledge receipt[ of this request|].",
    "Thanks for your time.",
    "Much appreciated.",
)
SIGNOFFS = (
    "Kind regards,\n{signer}",
    "Many thanks,\n{signer}",
    "Yours faithfully,\n{signer}",
    "{signer}",
    "Regards, {signer}",
    "Thanks, {signer}",
    "Yours sincerely, {signer}",
    "Best,\n{signer}",
    "- {signer}",
)
ICO_OPENERS = (
    "The complainant requested {gist} from {body}.",
    "The complainant asked {body} for {gist}.",
    "On {date}, the complainant wrote to {body} and requested {gist}.",
    "The complainant has requested {gist}.",
    "In a request dated {date}, the complainant sought {gist}.",
    "The complainant submitted a request to {body} for {gist}.",
    "This notice concerns a request to {body} for {gist}.",
    "The request, made to {body} on {date}, was for {gist}.",
    "The complainant wrote to {body} seeking {gist}.",
    "The complainant has asked {body} to disclose {gist}.",
    "{Body} received a request for {gist}.",
    "On {date} the complainant asked {body} to provide {gist}.",
    "The complainant sought {gist} from {body}.",
    "The complainant made a request to {body} for {gist}.",
)
ICO_MULTI = (
    "The complainant made a {n}-part request to {body} for {gist}.",
    "In a {n}-part request, the complainant asked {body} for {gist}.",
)
ICO_SECOND = (
    "The request [had|was made in|comprised] {n} parts.",
    "It followed an earlier request [on the same subject|about the same matter|from the same requester].",
    "The complainant [said|explained|stated] that [they were|she was|he was] "
    "[a journalist|researching the subject|a local resident|a campaigner].",
    "The complainant [later|subsequently] asked for an internal review.",
    "{Body} [responded|replied|issued its response] on {date}.",
    "The complainant [described|set out|gave] [their|the] reasons for [asking|the request].",
    "[The complainant|They] [remained dissatisfied|were not satisfied] after the internal review.",
)
THIRD_PERSON: dict[str, str] = {
    "police": "the force|the constabulary|the police",
    "council": "the council|the authority",
    "central_government": "the department",
    "nhs": "the Trust|the health body",
    "university": "the university",
    "school": "the school|the trust",
    "fire": "the fire service|the Service",
    "transport": "the operator|the public authority",
    "regulator": "the regulator",
    "other": "the public authority",
}


def weighted(rng: random.Random, weights: dict[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys], k=1)[0]


def is_question(item: str) -> bool:
    return item.endswith("?") or item.endswith(".")


def is_indirect(item: str) -> bool:
    return item.split(" ", 1)[0].lower() in {"whether", "how", "what", "which", "why", "who", "when", "where"}


def lead_in(rng: random.Random, item: str) -> str:
    """Turn one part into a sentence."""
    if is_question(item):
        return item
    lead = rng.choice(ASK_LEADS if is_indirect(item) else NP_LEADS)
    return f"{lead} {item}."


def render_oneline(rng: random.Random, items: list[str]) -> str:
    nps = [i for i in items if not is_question(i)]
    questions = [i for i in items if is_question(i)]
    sentences = []
    if nps:
        indirect = any(is_indirect(i) for i in nps)
        lead = rng.choice(ASK_LEADS if indirect else NP_LEADS)
        sentences.append(f"{lead} {join_and(nps, rng)}.")
    sentences += questions
    if rng.random() < 0.5:
        sentences.reverse()
    return " ".join(sentences)


def render_paragraph(rng: random.Random, items: list[str]) -> str:
    """First part with a lead-in, later parts with connectors (no connector used twice)."""
    next_np = rng.sample(NEXT_NP, len(NEXT_NP))
    next_q = rng.sample(NEXT_Q, len(NEXT_Q))
    out = [lead_in(rng, items[0])]
    for index, item in enumerate(items[1:]):
        if is_question(item):
            out.append(fill(rng, next_q[index % len(next_q)], x=decap(item), X=item))
        elif is_indirect(item):
            lead = rng.choice(("I would also like to know", "Please also tell me", "Also, could you say"))
            out.append(f"{lead} {item}.")
        else:
            out.append(fill(rng, next_np[index % len(next_np)], x=item))
    return " ".join(out)


def marker(style: str, index: int) -> str:
    letters = "abcdefghijklmnop"
    return {
        "1.": f"{index + 1}. ",
        "1)": f"{index + 1}) ",
        "Q1": f"Q{index + 1}. ",
        "Q1:": f"Q{index + 1}: ",
        "(1)": f"({index + 1}) ",
        "a)": f"{letters[index]}) ",
        "(a)": f"({letters[index]}) ",
        "-": "- ",
        "*": "* ",
        "•": "• ",
        "i)": f"{('i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii')[index % 12]}) ",
    }[style]


def render_list(rng: random.Random, items: list[str], shape: str, period_hint: str) -> str:
    style = rng.choice(
        {
            "numbered": ("1.", "1.", "1)", "Q1", "Q1:", "(1)"),
            "bulleted": ("-", "-", "*", "•"),
            "lettered": ("a)", "(a)", "i)"),
        }[shape]
    )
    end = rng.choice(("", "", ".", ";"))
    lines = []
    for index, item in enumerate(items):
        text = cap(item) if is_question(item) else cap(item) + end
        lines.append(marker(style, index) + text)
    intro = alt(rng, rng.choice(LIST_INTROS))
    if intro and period_hint and rng.random() < 0.2:
        intro = intro.rstrip(":?") + f" ({period_hint}):"
    return "\n".join(([intro] if intro else []) + lines)


def add_typos(rng: random.Random, text: str) -> str:
    """Introduce one or two realistic slips."""
    common = {
        "receive": "recieve",
        "separate": "seperate",
        "government": "goverment",
        "information": "infomation",
        "which": "wich",
        "their": "thier",
        "accommodation": "accomodation",
        "until": "untill",
        "occurred": "occured",
        "responsible": "responsable",
        "necessary": "neccessary",
        "committee": "commitee",
        "beginning": "begining",
    }
    words = text.split(" ")
    for _ in range(rng.choice((1, 1, 2))):
        index = rng.randrange(len(words))
        word = words[index]
        bare = word.strip(".,;:?()")
        if bare.lower() in common:
            words[index] = word.replace(bare, common[bare.lower()])
        elif len(bare) > 5 and bare.isalpha():
            pos = rng.randrange(1, len(bare) - 2)
            swapped = bare[:pos] + bare[pos + 1] + bare[pos] + bare[pos + 2 :]
            words[index] = word.replace(bare, swapped)
    return " ".join(words)


def render_first_person(ctx: Ctx, draft: Draft, shape: str) -> str:
    rng = ctx.rng
    items = draft.items
    if shape in LIST_SHAPES and len(items) == 1:
        shape = rng.choice(("oneline", "paragraph"))
    if shape == "oneline" and len(items) >= 4:
        shape = "numbered"
    slots = ctx.slots()
    blocks: list[str] = []
    if rng.random() < 0.45:
        blocks.append(pick(rng, GREETINGS, **slots))
    if rng.random() < 0.06:
        blocks.append(pick(rng, FOLLOW_UPS, **slots))
    if rng.random() < 0.45:
        blocks.append(pick(rng, FOI_LINES))
    context = draft.context if draft.context and rng.random() < 0.85 else ""
    if not context and "off_topic" not in draft.flags and rng.random() < 0.55:
        parts = [pick(rng, IDENTITIES, **slots)] if rng.random() < 0.7 else []
        if not parts or rng.random() < 0.4:
            parts.append(pick(rng, MOTIVES, **slots))
        context = " ".join(parts)
    if "off_topic" not in draft.flags and rng.random() < 0.25:
        context = (context + " " + pick(rng, PUBLIC_INTEREST, **slots)).strip()
    if context:
        blocks.append(context)
    if shape == "oneline":
        blocks.append(render_oneline(rng, items))
    elif shape == "paragraph":
        blocks.append(render_paragraph(rng, items))
    else:
        blocks.append(render_list(rng, items, shape, ""))
    if draft.tail:
        blocks.append(draft.tail)
    if rng.random() < 0.3:
        extra = CLARIFICATIONS + (
            ("Please [treat|read] each numbered point as a separate question.",)
            if shape == "numbered"
            else ()
        )
        blocks.append(pick(rng, extra, **slots))
    if rng.random() < 0.55:
        chosen = rng.sample(CLOSINGS, 2 if rng.random() < 0.25 else 1)
        blocks.append(" ".join(fill(rng, closing) for closing in chosen))
    if rng.random() < 0.35:
        blocks.append(fill(rng, rng.choice(SIGNOFFS), signer=signer(rng)))
    separator = "\n" if shape in LIST_SHAPES or rng.random() < 0.3 else " "
    text = separator.join(b for b in blocks if b)
    if rng.random() < 0.06:
        text = add_typos(rng, text)
    return text


def render_ico(ctx: Ctx, draft: Draft) -> str:
    rng = ctx.rng
    body = ctx.body()
    n = len(draft.items)
    slots = {"gist": draft.gist, "body": body, "Body": cap(body), "date": date(rng), "n": str(n)}
    if draft.gist.startswith("whether"):
        slots["gist"] = rng.choice(("information about ", "confirmation of ", "information on ")) + draft.gist
    openers = ICO_OPENERS + (ICO_MULTI if n >= 3 else ())
    text = fill(rng, rng.choice(openers), **slots)
    second = list(ICO_SECOND if n >= 2 else ICO_SECOND[1:])
    if draft.effort.years > 1:
        second.append("The request [covered|related to] [a number of|several] years.")
    for _ in range(rng.choice((0, 1, 1, 2))):
        sentence = second.pop(rng.randrange(len(second)))
        text += " " + fill(rng, sentence, **{**slots, "date": date(rng)})
    return text


# --------------------------------------------------------------------------------------------------------
# Labels from scenario + draft, and record assembly
# --------------------------------------------------------------------------------------------------------

SMALL_NUMBER_P = 0.6  # s40(2) for identifying breakdowns that are otherwise answered
SMALL_NUMBER_WITH_S12_P = 0.45  # ... and when s12 is already cited (authorities often stop at s12)


def apply_rules(ctx: Ctx, scenario: Scenario, draft: Draft, ico: bool) -> set[str]:
    """The label rules: scenario labels, probabilistic variants, riders, flags and the effort score."""
    rng = ctx.rng
    labels = set(scenario.labels) | draft.labels
    riders = list(scenario.riders)
    for extra in scenario.extras:
        if extra.applies(ctx.authority) and rng.random() < extra.p:
            labels.update(extra.labels)
            if extra.rider:
                riders.append(extra.labels[0])
    for label in riders:
        part = rider(ctx, label)
        draft.add(part)
        if ico:
            draft.gist += rng.choice((", together with ", " and ", ", as well as ")) + part
    if scenario.widen and rng.random() < scenario.widen:
        years = rng.choice((3, 5, 8, 10))
        part = pick(rng, WIDEN_PARTS, **ctx.slots(years))
        draft.add(part)
        draft.effort.sweep = True
        draft.effort.years = max(draft.effort.years, years)
        if ico:
            draft.gist += rng.choice((", and ", ", along with ")) + part
    draft.effort.parts = max(draft.effort.parts, len(draft.items))
    if "published" in draft.flags:
        labels.add("s21")
    if "security_body" in draft.flags and "s24(2)" in labels:
        labels.add("s23(5)")
    if scenario.scored and draft.effort.exceeds_cost_limit():
        labels.add("s12")
    if "small_numbers_strict" in draft.flags:
        labels.add("s40(2)")
    elif "small_numbers" in draft.flags:
        chance = SMALL_NUMBER_WITH_S12_P if "s12" in labels else SMALL_NUMBER_P
        if rng.random() < chance:
            labels.add("s40(2)")
    return labels


def eligible(authority: str) -> dict[str, float]:
    """Scenario weights for one authority type (scenarios needing an asset need a topic with one)."""
    has_asset = any(t.asset for t in TOPICS[authority])
    return {
        s.key: s.weights[authority]
        for s in SCENARIOS
        if authority in s.weights and (has_asset or not s.needs_asset)
    }


SCENARIO_BY_KEY = {s.key: s for s in SCENARIOS}


def compose(rng: random.Random) -> tuple[str, str, set[str], str]:
    """Compose one request: returns (authority, text, labels, scenario key)."""
    authority = weighted(rng, AUTHORITY_WEIGHTS)
    scenario = SCENARIO_BY_KEY[weighted(rng, eligible(authority))]
    topics = [t for t in TOPICS[authority] if t.asset or not scenario.needs_asset]
    if scenario.bodies:
        topics = [t for t in topics if t.body in scenario.bodies] or topics
    shape = weighted(rng, SHAPES)
    ctx = Ctx(rng, authority, rng.choice(topics), third=shape == "ico")
    draft = FRAMES[scenario.frame](ctx)
    labels = apply_rules(ctx, scenario, draft, shape == "ico")
    text = render_ico(ctx, draft) if shape == "ico" else render_first_person(ctx, draft, shape)
    return authority, text, labels, scenario.key


def word_count(text: str) -> int:
    return len(text.split())


def generate(n: int, seed: int) -> list[dict[str, object]]:
    rng = random.Random(seed)
    records: list[dict[str, object]] = []
    seen: set[str] = set()
    while len(records) < n:
        authority, text, labels, _ = compose(rng)
        if text in seen or not 10 <= word_count(text) <= 300:
            continue
        # A decision notice exists only because the authority refused something: an ICO-style
        # summary with no exemption would teach the model a case that does not occur.
        if not labels and is_ico_style(text):
            continue
        seen.add(text)
        ordered = [label for label in LABELS if label in labels]
        records.append(
            {
                "id": f"{ID_PREFIX}-{len(records) + 1:05d}",
                "authority_type": authority,
                "request": text,
                "exemptions": ordered,
                "ncnd": any(label in NCND_LABELS for label in ordered),
            }
        )
    return records


# --------------------------------------------------------------------------------------------------------
# Output and report
# --------------------------------------------------------------------------------------------------------


def validate(records: Sequence[dict[str, object]]) -> None:
    ids = [r["id"] for r in records]
    texts = [r["request"] for r in records]
    assert len(set(ids)) == len(ids), "duplicate ids"
    assert len(set(texts)) == len(texts), "duplicate request texts"
    for record in records:
        labels = record["exemptions"]
        assert isinstance(labels, list) and all(label in LABELS for label in labels), record
        assert record["ncnd"] == any(label in NCND_LABELS for label in labels), record
        assert record["authority_type"] in AUTHORITIES, record


def is_ico_style(text: str) -> bool:
    return (
        "complainant" in text
        or text.startswith(("This notice concerns", "The request, made to"))
        or (" received a request for " in text.split(".")[0])
    )


def report(records: Sequence[dict[str, object]]) -> str:
    total = len(records)
    counts: Counter[str] = Counter()
    for record in records:
        counts.update(record["exemptions"])  # type: ignore[arg-type]
    lines = [f"{total} records", f"{'label':8} {'share':>7} {'target':>7}"]
    for label in sorted(LABELS, key=lambda lab: -TARGET_SHARES.get(lab, 0)):
        lines.append(f"{label:8} {counts[label] / total:7.1%} {TARGET_SHARES.get(label, 0):7.1%}")
    empty = sum(1 for r in records if not r["exemptions"])
    lines.append(f"{'[]':8} {empty / total:7.1%} {TARGET_EMPTY_SHARE:7.1%}")
    lengths = [word_count(str(r["request"])) for r in records]
    lines.append(f"words: median {statistics.median(lengths)}, min {min(lengths)}, max {max(lengths)}")
    ico = sum(1 for r in records if is_ico_style(str(r["request"])))
    lines.append(f"ICO-style summaries: {ico / total:.0%}")
    authorities = Counter(str(r["authority_type"]) for r in records)
    lines.append("authorities: " + ", ".join(f"{a} {c / total:.0%}" for a, c in authorities.most_common()))
    return "\n".join(lines)


def write_jsonl(records: Sequence[dict[str, object]], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default %(default)s)")
    parser.add_argument("--n", type=int, default=DEFAULT_N, help="number of records (default %(default)s)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output JSONL path")
    args = parser.parse_args(argv)
    records = generate(args.n, args.seed)
    validate(records)
    write_jsonl(records, args.out)
    print(f"wrote {args.out}")
    print(report(records))


if __name__ == "__main__":
    main()
