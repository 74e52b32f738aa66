"""Generate ``letters.jsonl``: synthetic FOIA 2000 response letters with their cited exemptions.

Each letter is composed from paragraph variants written for this project in the style UK public
authorities use: acknowledgement, decision, one paragraph per exemption with its harm and
public-interest reasoning, neither-confirm-nor-deny (NCND) wording, section 12 cost estimates,
section 16 advice, internal review and complaint rights. Letters also carry traps for a citation
parser: procedural sections of the Act (1, 8, 10, 16, 17, 50), sections of other Acts, powers
("section 44 stops"), definitions ("a body listed in section 23(3)") and sections considered but
not applied.

The ground truth of each letter is the set of exemption profiles it was built from, so the labels
are exact by construction. Standard library only; the output depends only on ``--seed``.

Usage::

    python data/generate_letters.py [--seed 2000] [--out data/letters.jsonl]
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Taxonomy order (foiclassify/taxonomy.json); kept here so the generator needs only the standard library.
LABEL_ORDER = (
    "s12", "s14", "s21", "s22", "s22A", "s23(1)", "s23(5)", "s24(1)", "s24(2)", "s26(1)", "s26(3)",
    "s27(1)", "s27(2)", "s27(4)", "s28", "s29", "s30(1)", "s30(2)", "s30(3)", "s31(1)", "s31(3)", "s32",
    "s33", "s34", "s35", "s36", "s37", "s38(1)", "s38(2)", "s39", "s40(1)", "s40(2)", "s40(5)", "s41(1)",
    "s42(1)", "s43(1)", "s43(2)", "s43(3)", "s44(1)", "s44(2)",
)
NCND_LABELS = {
    "s23(5)", "s24(2)", "s26(3)", "s27(4)", "s30(3)", "s31(3)", "s38(2)", "s40(5)", "s43(3)", "s44(2)"
}

# --------------------------------------------------------------------------------------------------
# Authorities
# --------------------------------------------------------------------------------------------------
AUTHORITIES = {
    "police": ["Northshire Police", "Eastmoor Constabulary", "Westvale Police", "Ravensdale Constabulary",
               "Kingsford Police Service", "Harbury Police"],
    "council": ["Eastbrook Borough Council", "Ravensdale District Council", "Kingsford City Council",
                "Harbury County Council", "Millbridge Metropolitan Borough Council"],
    "central_government": ["the Department for Regional Growth", "the Department for Public Services",
                           "the Ministry of Infrastructure", "the Department for Trade Partnerships",
                           "the Office for Fiscal Policy"],
    "nhs": ["Northshire Hospitals NHS Foundation Trust", "Eastmoor Community Health NHS Trust",
            "Kingsford Integrated Care Board", "Westvale Mental Health NHS Trust"],
    "university": ["the University of Kingsford", "Harbury University", "Eastmoor Metropolitan University"],
    "school": ["Millbridge Academy Trust", "St Anselm's Church of England School", "Ravensdale High School"],
    "fire": ["Eastmoor Fire and Rescue Service", "Northshire Fire and Rescue Authority"],
    "transport": ["Westvale Transport Authority", "Kingsford Regional Rail Partnership"],
    "regulator": ["the Water Standards Regulator", "the Care Quality Standards Authority",
                  "the Energy Markets Regulator"],
    "other": ["Kingsford Museums Trust", "the Northshire Canal and River Board"],
}
TEAMS = {
    "police": ["Freedom of Information Unit", "Information Rights Team", "Disclosure Unit", "Data Office"],
    "council": ["Information Governance Team", "FOI Team", "Information Management Service"],
    "central_government": ["FOI Team", "Information Rights Unit", "Correspondence and Transparency Team"],
    "nhs": ["Information Governance Department", "FOI Office"],
    "university": ["Information Compliance Office", "Records and Information Compliance"],
    "school": ["Data Protection and FOI Lead", "Trust Governance Office"],
    "fire": ["Information Governance Team"],
    "transport": ["Freedom of Information Team"],
    "regulator": ["Information Access Team", "Information Rights Team"],
    "other": ["Governance Office"],
}
TOWNS = ["Millbridge", "Harbury", "Kingsford", "Eastbrook", "Ravensdale", "Westvale", "Northam", "Elmstead"]
STREETS = ["Station Road", "Church Lane", "the High Street", "Victoria Park", "Mill Street", "Queensway",
           "Albion Terrace", "Castle Hill"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
COMPANIES = ["Brightwell Services Ltd", "Corvant Facilities plc", "Halden Digital Ltd", "Marlow & Finch LLP",
             "Greystone Construction Ltd", "Apex Care Partnerships Ltd", "Thornbury Systems Ltd"]
PEOPLE = ["Mr Daniel Hargreaves", "Ms Priya Lindqvist", "Councillor Joan Whitlock", "Dr Samuel Okafor",
          "Mr Gareth Pryce", "Mrs Helen Ashdown"]
COUNTRIES = [
    "Country A", "a Gulf state", "a Central Asian republic", "a NATO partner", "a South American state"
]


# --------------------------------------------------------------------------------------------------
# Citation forms: how letters write each label. The parser must read every one of them.
# --------------------------------------------------------------------------------------------------
FORMS = {
    "s12": ["section 12(1)", "Section 12(1)", "section 12", "s.12(1)", "Section 12"],
    "s14": ["section 14(1)", "Section 14(1)", "s.14(1)", "section 14"],
    "s21": ["section 21", "Section 21", "section 21(1)", "s.21"],
    "s22": ["section 22", "section 22(1)", "Section 22(1)(a)"],
    "s22A": ["section 22A", "section 22A(1)", "Section 22A(1)(a)"],
    "s23(1)": ["section 23(1)", "Section 23(1)", "s.23(1)"],
    "s23(5)": ["section 23(5)", "Section 23(5)", "s.23(5)", "s23(5)"],
    "s24(1)": ["section 24(1)", "Section 24(1)", "s.24(1)", "s24(1)"],
    "s24(2)": ["section 24(2)", "Section 24(2)", "s.24(2)", "s24(2)"],
    "s26(1)": ["section 26(1)(a)", "section 26(1)(b)", "Section 26(1)(a) and (b)"],
    "s26(3)": ["section 26(3)", "Section 26(3)"],
    "s27(1)": ["section 27(1)(a)", "section 27(1)(c) and (d)", "Section 27(1)"],
    "s27(2)": ["section 27(2)", "Section 27(2)"],
    "s27(4)": ["section 27(4)", "s.27(4)(a)", "Section 27(4)"],
    "s28": ["section 28(1)", "section 28", "Section 28(1)"],
    "s29": ["section 29(1)(a)", "section 29(1)(b)", "Section 29"],
    "s30(1)": ["section 30(1)(a)", "Section 30(1)(a)(i)", "section 30(1)(b)", "s.30(1)",
               "Section 30 (1)(a)(b)(c)"],
    "s30(2)": ["section 30(2)(a)(iv)", "section 30(2)", "Section 30(2)(b)"],
    "s30(3)": ["section 30(3)", "Section 30(3)", "s.30(3)"],
    "s31(1)": ["section 31(1)(a)", "Section 31(1)(a)(b)", "section 31(1)(a) and (b)", "s.31(1)(a)",
               "Section 31 (1)(a)(b)", "section 31(1)(g) by virtue of section 31(2)(a)", "s31(1)"],
    "s31(3)": ["section 31(3)", "Section 31(3)", "s.31(3)", "s31(3)"],
    "s32": ["section 32(1)(a)", "section 32(2)", "Section 32"],
    "s33": ["section 33(2)", "Section 33(2)", "section 33(1)(b) and (2)"],
    "s34": ["section 34(1)", "Section 34"],
    "s35": ["section 35(1)(a)", "Section 35(1)(a)", "section 35(1)(b)", "section 35"],
    "s36": ["section 36(2)(b)(i) and (ii)", "section 36(2)(c)", "Section 36(2)(b)(ii)", "s.36(2)(b)(i)"],
    "s37": ["section 37(1)(a)", "section 37(1)(b)", "Section 37(1)(ad)"],
    "s38(1)": ["section 38(1)(a) and (b)", "Section 38(1)(b)", "section 38(1)", "s.38(1)(a)"],
    "s38(2)": ["section 38(2)", "Section 38(2)"],
    "s39": ["section 39(1)(a)", "section 39", "Section 39(1)"],
    "s40(1)": ["section 40(1)", "Section 40(1)"],
    "s40(2)": ["section 40(2)", "Section 40(2)", "section 40(2) and (3A)(a)", "s.40(2)",
               "Section 40(2) by virtue of section 40(3A)(a)", "s40(2)", "Section 40(2)(a)(b)"],
    "s40(5)": ["section 40(5)", "section 40(5B)(a)(i)", "Section 40(5)", "s.40(5)(b)(i)"],
    "s41(1)": ["section 41(1)", "Section 41(1)(a) and (b)", "section 41", "s.41(1)(b)"],
    "s42(1)": ["section 42(1)", "Section 42", "section 42", "s.42(1)"],
    "s43(1)": ["section 43(1)", "Section 43(1)"],
    "s43(2)": ["section 43(2)", "Section 43(2)", "s.43(2)", "s43(2)"],
    "s43(3)": ["section 43(3)", "Section 43(3)"],
    "s44(1)": ["section 44(1)(a)", "Section 44(1)(a)", "section 44(1)(b)"],
    "s44(2)": ["section 44(2)", "Section 44(2)"],
}
TITLES = {
    "s12": "Cost of Compliance", "s14": "Vexatious Requests", "s21": "Information Accessible by Other Means",
    "s22": "Information Intended for Future Publication", "s22A": "Research",
    "s23(1)": "Information supplied by, or concerning, certain Security Bodies", "s23(5)": "Security Bodies",
    "s24(1)": "National Security", "s24(2)": "National Security", "s26(1)": "Defence", "s26(3)": "Defence",
    "s27(1)": "International Relations", "s27(2)": "International Relations",
    "s27(4)": "International Relations", "s28": "Relations within the United Kingdom", "s29": "The Economy",
    "s30(1)": "Investigations and Proceedings", "s30(2)": "Investigations and Proceedings",
    "s30(3)": "Investigations and Proceedings", "s31(1)": "Law Enforcement", "s31(3)": "Law Enforcement",
    "s32": "Court Records", "s33": "Audit Functions", "s34": "Parliamentary Privilege",
    "s35": "Formulation of Government Policy", "s36": "Prejudice to Effective Conduct of Public Affairs",
    "s37": "Communications with Her Majesty and Honours", "s38(1)": "Health and Safety",
    "s38(2)": "Health and Safety", "s39": "Environmental Information", "s40(1)": "Personal Information",
    "s40(2)": "Personal Information", "s40(5)": "Personal Information",
    "s41(1)": "Information Provided in Confidence", "s42(1)": "Legal Professional Privilege",
    "s43(1)": "Trade Secrets", "s43(2)": "Commercial Interests", "s43(3)": "Commercial Interests",
    "s44(1)": "Prohibitions on Disclosure", "s44(2)": "Prohibitions on Disclosure",
}


def section_number(label: str) -> str:
    """``"s31(1)"`` -> ``"31"``."""
    return label[1:].split("(")[0]


# --------------------------------------------------------------------------------------------------
# Exemption paragraphs. {c} is the citation, {org} the authority, {topic} what was asked for,
# {S} "Section N" for the section as a whole. Variants for NCND labels talk about confirming or denying.
# --------------------------------------------------------------------------------------------------
PARAS: dict[str, list[str]] = {
    "s12": [
        "{c} of the Act allows a public authority to refuse a request where the cost of compliance would "
        "exceed the appropriate limit. The limit is set by the Freedom of Information and Data Protection "
        "(Appropriate Limit and Fees) Regulations 2004 at {limit}, which represents {hours} hours of work "
        "at £25 per hour. {estimate}",
        "We estimate that the cost of complying with your request would exceed the appropriate limit of "
        "{limit} and we are therefore relying on {c} of the Act. {estimate} When estimating the cost we may "
        "only take into account the time spent determining whether the information is held, locating it, "
        "retrieving it and extracting it.",
        "Unfortunately we are unable to answer your request in full because it would exceed the cost limit "
        "under {c} of the Freedom of Information Act 2000. For {org} the appropriate limit is {limit}, "
        "calculated at £25 an hour, or {hours} hours. {estimate}",
        "{c} – {title}. {estimate} This is well beyond the {hours} hours ({limit} at £25 per hour) that the "
        "Fees Regulations allow, so {org} is not obliged to comply with your request.",
        "I am sorry to tell you that answering your request would take longer than the {hours} hours "
        "permitted. Under {c}, {org} does not have to comply with a request where the estimated cost "
        "exceeds the appropriate limit, currently {limit}. {estimate}",
    ],
    "s14": [
        "{org} considers this request to be vexatious and is relying on {c} of the Act. This is the "
        "{nth} request you have made about {topic} in the last {months} months, and answering them has "
        "taken a disproportionate amount of staff time. The requests now read as an attempt to reopen a "
        "complaint that has been fully investigated.",
        "Under {c} a public authority is not obliged to comply with a request that is vexatious. Having "
        "considered the history and context of your correspondence, including {nth} requests on {topic}, "
        "we have concluded that the burden on {org} is out of proportion to any remaining value in the "
        "request.",
        "We are refusing your request under {c}. The Information Commissioner's guidance explains that a "
        "request may be vexatious where it causes a disproportionate or unjustified level of disruption. "
        "Your request repeats matters you have already raised {nth} times and uses language our staff "
        "have found distressing.",
        "I have decided that {c} applies. The request is substantially similar to the one you made on "
        "{date2}, which we answered in full, and a reasonable interval has not passed since then.",
    ],
    "s21": [
        "The information you have requested is already reasonably accessible to you and is therefore "
        "exempt under {c} of the Act. It is published on our website at {url}.",
        "{c} – {title}. {org} publishes this information as part of its publication scheme and you can "
        "find it here: {url}. Although we are not required to send you a copy, the link above will take "
        "you straight to it.",
        "Under {c} of the Freedom of Information Act we do not have to provide information that is "
        "reasonably accessible to the applicant by other means. The figures you asked for are in our "
        "annual report, available at {url}.",
        "Please note that parts of your request are exempt under {c}, because the information is already "
        "in the public domain at {url}. I hope you find it useful.",
    ],
    "s22": [
        "The information is held with a view to publication at a future date and is exempt under {c} of "
        "the Act. {org} intends to publish {topic} in {month} {year2} as part of its regular statistical "
        "release.",
        "{c} – {title}. We intend to publish this information on our website by {month} {year2}. It would "
        "be unreasonable to release it early, before the quality assurance process is complete.",
        "We are withholding the information under {c}, as it is due to be published in the {year2} annual "
        "report. Early release would undermine the planned publication and could mislead readers with "
        "unverified figures.",
        "Your request falls within {c}. The report on {topic} was already in preparation when you wrote "
        "and will be laid before the board and published in {month} {year2}.",
    ],
    "s22A": [
        "The information is exempt under {c} of the Act. It was obtained in the course of a continuing "
        "programme of research into {topic}, and the research team intends to publish the findings in a "
        "peer-reviewed journal. Early release would prejudice the programme and the interests of the "
        "participants.",
        "We are applying {c}, the research exemption. The study is ongoing and releasing interim data "
        "would risk the integrity of the research and the researchers' ability to publish.",
    ],
    "s23(1)": [
        "Some of the information you have requested was directly or indirectly supplied by, or relates to, "
        "a body specified in section 23(3) of the Act, and is therefore exempt under {c}. This is an "
        "absolute exemption and no public interest test is required.",
        "{c} – {title}. The information originates from one of the security bodies listed at section "
        "23(3) and is withheld. Because this is an absolute exemption, the public interest has not been "
        "considered.",
    ],
    "s23(5)": [
        "{org} will neither confirm nor deny whether it holds the information by virtue of {c}. Any "
        "information, if held, would have been supplied by or would relate to a body listed in section "
        "23(3). This is an absolute exemption.",
        "{c} – {title}. The duty to confirm or deny does not arise where doing so would disclose "
        "information relating to the security bodies. This is an absolute exemption and there is no "
        "requirement to consider the public interest.",
        "In relation to {c}, confirming or denying whether information is held would itself reveal "
        "whether a security body has an interest in {topic}. We therefore neither confirm nor deny that "
        "such information exists.",
        "The Act does not require us to confirm or deny information which would, if held, relate to "
        "bodies dealing with security matters ({c}). This exemption is absolute.",
    ],
    "s24(1)": [
        "The information is exempt under {c} of the Act, which applies where exemption is required for "
        "the purpose of safeguarding national security. Releasing details of {topic} would allow those "
        "intent on terrorist activity to build a picture of resilience and capability.",
        "{c} – {title}. The UK faces a continuing threat from terrorism and disclosure of this information "
        "would assist those seeking to identify gaps in protective security.",
        "We have applied {c}. Although there is no suggestion that the information would, on its own, "
        "cause harm, it could be combined with other material already in the public domain (the so-called "
        "mosaic effect) to undermine national security.",
        "In our view exemption from disclosure is required to safeguard national security and {c} "
        "applies. The security of the country is of paramount importance and {org} will not divulge "
        "information that could compromise it.",
    ],
    "s24(2)": [
        "{c} – {title}. Confirming or denying whether {org} holds this information would itself assist "
        "those who wish to harm the UK, because it would show where our attention is and is not focused.",
        "To confirm or deny whether any information is held would undermine national security, and {c} "
        "therefore removes the duty to confirm or deny. A consistent approach is taken to every request of "
        "this kind so that no inference can be drawn from our answers.",
        "{org} is relying on {c} to neither confirm nor deny whether information is held. Requests are "
        "handled in a consistent way so that a pattern of responses cannot be used to deduce operational "
        "activity.",
        "The exemption at {c} applies because confirmation or denial would be likely to prejudice "
        "national security. It is a qualified exemption and the public interest test is set out below.",
    ],
    "s26(1)": [
        "The information is exempt under {c} of the Act because its disclosure would be likely to "
        "prejudice the capability, effectiveness or security of the armed forces. It describes the "
        "availability of {topic} in a way that would be useful to a potential adversary.",
        "{c} – {title}. Details of readiness and deployment patterns would, if released, be likely to "
        "prejudice the defence of the British Islands.",
        "We have withheld the information under {c}. Disclosure would reveal capability gaps that could "
        "be exploited by hostile actors.",
    ],
    "s26(3)": [
        "{org} can neither confirm nor deny whether it holds information on {topic}. {c} removes the duty "
        "to confirm or deny where doing so would be likely to prejudice the capability of the armed "
        "forces.",
        "We rely on {c}. Confirming or denying whether such deployments took place would itself reveal "
        "information of use to an adversary.",
    ],
    "s27(1)": [
        "The information is exempt under {c} of the Act. Disclosure would be likely to prejudice relations "
        "between the United Kingdom and {country}, which expects exchanges of this kind to remain "
        "private.",
        "{c} – {title}. Releasing candid assessments of {country} would damage the trust on which the UK's "
        "diplomatic relationships depend.",
        "We have applied {c}. Publication would be likely to prejudice the promotion or protection of UK "
        "interests abroad and make it harder to secure cooperation on {topic}.",
    ],
    "s27(2)": [
        "Part of the information was obtained in confidence from the government of {country} and is exempt "
        "under {c} of the Act. Its release would breach the confidence in which it was shared.",
        "{c} applies to the correspondence supplied by {country}, which was provided on the clear "
        "understanding that it would not be disclosed.",
    ],
    "s27(4)": [
        "{org} can neither confirm nor deny whether it holds the information you have requested, in "
        "reliance on {c}. To confirm or deny would be likely to prejudice the UK's relations with "
        "{country}.",
        "Under {c} the duty to confirm or deny does not apply where confirming or denying would be likely "
        "to prejudice international relations. We consider that to be the case here.",
        "We will neither confirm nor deny whether information is held ({c}). Even acknowledging the "
        "existence of such exchanges could damage the trust of foreign partners.",
    ],
    "s28": [
        "The information is exempt under {c} of the Act, as its disclosure would be likely to prejudice "
        "relations between the UK Government and the devolved administrations. The exchanges on {topic} "
        "were frank and took place on the understanding that they would remain private.",
        "{c} – {title}. Releasing the correspondence would undermine the working relationship with the "
        "Scottish Government and the Welsh Government on {topic}.",
    ],
    "s29": [
        "We have withheld the modelling under {c} of the Act. Publishing it would be likely to prejudice "
        "the economic interests of the United Kingdom by influencing market behaviour before decisions on "
        "{topic} are taken.",
        "{c} – {title}. Disclosure of contingency planning on {topic} could cause instability in financial "
        "markets and so would be likely to prejudice the financial interests of the UK Government.",
    ],
    "s30(1)": [
        "The information is exempt under {c} of the Act as it has been held for the purposes of an "
        "investigation which {org} has a duty to conduct with a view to ascertaining whether a person "
        "should be charged with an offence.",
        "{c} – {title}. The material forms part of the investigation file for {topic}. Releasing it could "
        "prejudice any future proceedings and deter witnesses from coming forward.",
        "We are withholding the investigation material under {c}. This is a class-based exemption, so we "
        "do not need to show harm, but we must consider the public interest.",
        "Section 30 is a class-based qualified exemption. The information requested was gathered during a "
        "criminal investigation and {c} is engaged.",
    ],
    "s30(2)": [
        "Some of the information would identify confidential sources of information and is exempt under "
        "{c} of the Act. Protecting the identity of those who assist the police is essential to the flow "
        "of intelligence.",
        "{c} – {title}. The information relates to the use of confidential sources. If sources believed "
        "they could be identified they would stop providing information.",
    ],
    "s30(3)": [
        "By virtue of {c}, {org} neither confirms nor denies whether it holds information relating to any "
        "investigation into {topic}. Confirmation either way could prejudice an investigation, if one "
        "existed.",
        "{c} – {title}. To confirm or deny whether any investigation has taken place would itself reveal "
        "information that the Act protects.",
        "The duty to confirm or deny does not apply to information held for the purposes of an "
        "investigation ({c}). This is a qualified exemption and the public interest test follows.",
    ],
    "s31(1)": [
        "The information is exempt under {c} of the Act, because disclosure would be likely to prejudice "
        "the prevention or detection of crime and the apprehension or prosecution of offenders. Releasing "
        "details of {topic} would allow offenders to adapt their behaviour.",
        "{c} – {title}. Disclosure of the specific locations and deployment patterns would allow criminals "
        "to identify where enforcement is weakest and act accordingly.",
        "We have withheld this part of your request under {c}. Section 31 is a prejudice-based exemption "
        "and we consider that the harm is real and more than trivial: releasing the information would "
        "undermine the operational effectiveness of {org}.",
        "In our view {c} applies. Information about tactics and resources is of value to those intent on "
        "committing offences, and disclosure under FOI is a disclosure to the world, not just to you.",
        "This information is exempt by virtue of {c} – Law Enforcement. Any disclosure that reveals "
        "investigative capability could compromise the ability of {org} to prevent and detect crime.",
    ],
    "s31(3)": [
        "{org} can neither confirm nor deny whether it holds information on {topic}, by virtue of {c}. "
        "Confirming or denying would reveal policing activity and would be likely to prejudice law "
        "enforcement.",
        "{c} – {title}. To confirm that information exists would show that a particular tactic is used; "
        "to deny it would show that it is not. Either answer would assist offenders.",
        "Under {c} the duty in section 1(1)(a) of the Act does not apply where confirming or denying would "
        "be likely to prejudice the prevention or detection of crime.",
        "We rely on {c}. A pattern of answers to requests like this one, if given, would allow criminals to "
        "map police capability across forces.",
    ],
    "s32": [
        "The information is exempt under {c} of the Act, as it is held only by virtue of being contained "
        "in documents filed with, or created by, a court for the purposes of proceedings. This is an "
        "absolute exemption.",
        "{c} – {title}. The documents were placed in our custody for the purposes of the inquest and are "
        "exempt from disclosure under the Act.",
    ],
    "s33": [
        "The information is exempt under {c} of the Act. Disclosure of the audit working papers would be "
        "likely to prejudice the exercise of our functions in relation to the audit of {topic}, because "
        "bodies would be less candid with auditors in future.",
        "{c} – {title}. We are withholding the draft findings because releasing them before the audit is "
        "concluded would be likely to prejudice our audit functions.",
    ],
    "s34": [
        "The information is exempt under {c} of the Act because exemption is required to avoid an "
        "infringement of the privileges of the House of Commons. The drafts were prepared for submission "
        "to a select committee.",
        "{c} – {title}. Disclosure of the draft evidence would infringe parliamentary privilege. The "
        "Speaker's certificate is conclusive on this point and the exemption is absolute.",
    ],
    "s35": [
        "The information is exempt under {c} of the Act, as it relates to the formulation or development "
        "of government policy on {topic}. Ministers and officials need a safe space to consider options "
        "away from public scrutiny while policy is still being developed.",
        "{c} – {title}. The submissions contain advice and options that are still under live consideration. "
        "Their release would be likely to have a chilling effect on the frankness of future advice.",
        "We have applied {c}. Policy on {topic} has not yet been finalised and the exemption is engaged "
        "because the information relates to its development.",
        "This information falls within {c} because it relates to ministerial communications and policy "
        "development. The exemption is class-based, so we need not demonstrate harm, but it is subject to "
        "the public interest test.",
    ],
    "s36": [
        "The qualified person for {org} has given the opinion that disclosure would be likely to inhibit "
        "the free and frank provision of advice and the exchange of views, and so {c} of the Act applies.",
        "{c} – {title}. In the reasonable opinion of the qualified person, release of the information "
        "would be likely to prejudice the effective conduct of public affairs. The opinion was given on "
        "{date2}.",
        "We are withholding the minutes under {c}. The {qp} was consulted as the qualified person and "
        "considers that disclosure would inhibit frank discussion in future meetings.",
        "Our qualified person, the {qp}, has concluded that {c} is engaged. Staff must be able to discuss "
        "{topic} candidly without fear of premature disclosure.",
    ],
    "s37": [
        "The information is exempt under {c} of the Act because it relates to communications with the "
        "Royal Household. The convention of confidentiality around such communications is long "
        "established.",
        "{c} – {title}. The information relates to the conferring of an honour. The honours system depends "
        "on candid assessments that would not be given if they were likely to be published.",
    ],
    "s38(1)": [
        "The information is exempt under {c} of the Act, as disclosure would be likely to endanger the "
        "physical or mental health, or the safety, of individuals. Publishing the locations of {topic} "
        "could expose vulnerable people to harm.",
        "{c} – {title}. Staff working at the site have been targeted in the past, and releasing the "
        "information would be likely to endanger their safety.",
        "We have applied {c}. Disclosure could lead to the identification of premises used by people at "
        "risk and would be likely to endanger them.",
        "In our view {c} applies. The release of this information would be likely to cause distress and "
        "endanger the mental health of family members.",
    ],
    "s38(2)": [
        "{org} neither confirms nor denies whether it holds the information, in reliance on {c}. "
        "Confirming or denying would itself be likely to endanger the safety of individuals.",
        "{c} – {title}. The duty to confirm or deny does not apply because even confirmation that "
        "information exists could endanger the people concerned.",
    ],
    "s39": [
        "The information you requested is environmental information and is exempt under {c} of the Act. "
        "We have instead considered your request under the Environmental Information Regulations 2004, "
        "and the information is provided below; regulation 12(4)(b) does not apply.",
        "{c} – {title}. Because the information concerns the state of the air and land, it falls to be "
        "handled under the Environmental Information Regulations 2004 (EIR) rather than the Act. Our EIR "
        "response is set out below.",
    ],
    "s40(1)": [
        "The information you have requested is your own personal data and is exempt under {c} of the Act. "
        "We have instead treated your request as a subject access request under Article 15 of the UK "
        "GDPR and the Data Protection Act 2018, and will respond within one month.",
        "{c} – {title}. Information about you is exempt from the Freedom of Information Act because you "
        "have a separate right of access under data protection law. Our Data Protection Officer will "
        "contact you about your subject access request.",
    ],
    "s40(2)": [
        "The names and other identifying details of staff below senior manager grade have been withheld "
        "under {c} of the Act. Disclosure would contravene the first data protection principle, set out at "
        "Article 5(1)(a) of the UK GDPR, because it would not be fair or lawful.",
        "{c} – {title}. The information is the personal data of third parties. Those individuals would "
        "have no reasonable expectation that their details would be published to the world, and there is "
        "no lawful basis under Article 6(1) of the UK GDPR for doing so.",
        "Some of the information constitutes personal data as defined in section 3(2) of the Data "
        "Protection Act 2018 and is exempt under {c}. Releasing it would breach the data protection "
        "principles.",
        "We have redacted personal information under {c}. Disclosure under FOI is a disclosure to the "
        "world at large, and the people named in the documents would not expect their details to be made "
        "public. This is an absolute exemption where the data protection principles would be breached.",
        "Parts of the information are exempt by virtue of {c} of the Freedom of Information Act 2000 "
        "(personal information). Although there is a legitimate interest in transparency about {topic}, "
        "disclosure of names is not necessary to meet that interest.",
        "In respect of the names of individuals, {c} applies. Disclosure would breach the principles at "
        "Article 5 of the UK GDPR and would not be lawful under any of the conditions in Article 6.",
    ],
    "s40(5)": [
        "{org} neither confirms nor denies whether it holds information about {person}, by virtue of {c}. "
        "Confirming or denying would in itself disclose personal data about a third party.",
        "{c} – {title}. To confirm or deny whether we hold information about the individual named in your "
        "request would reveal whether they have been the subject of police or regulatory interest, which "
        "would breach the data protection principles.",
        "We are relying on {c}. Any confirmation or denial would itself be a disclosure of personal data "
        "that would contravene Article 5(1)(a) of the UK GDPR.",
        "Under {c} the duty to confirm or deny does not arise where doing so would contravene the data "
        "protection principles. That is the case for the named person in your request.",
    ],
    "s41(1)": [
        "The information was provided to {org} in confidence and is exempt under {c} of the Act. Its "
        "disclosure would constitute an actionable breach of confidence.",
        "{c} – {title}. The correspondence was supplied by a third party who expected it to be kept "
        "confidential. Releasing it would be an actionable breach of confidence, and we do not consider "
        "that a public interest defence would succeed.",
        "We are withholding the letters under {c}. They have the necessary quality of confidence and were "
        "imparted in circumstances giving rise to an obligation of confidence.",
        "Some of the information is exempt by virtue of {c}. The complainants provided their accounts on "
        "the understanding that they would not be shared outside the investigation.",
    ],
    "s42(1)": [
        "The information is subject to legal professional privilege and is exempt under {c} of the Act. "
        "It comprises legal advice provided to {org} by its solicitors about {topic}.",
        "{c} – {title}. The documents are communications between {org} and its legal advisers made for "
        "the dominant purpose of giving legal advice. The privilege has not been waived.",
        "We have withheld counsel's opinion under {c}. There is a strong inherent public interest in "
        "protecting the confidentiality of communications between lawyers and their clients.",
        "The advice from our legal team is exempt by virtue of {c} (legal professional privilege). The "
        "advice is recent and relates to a matter that is still live.",
    ],
    "s43(1)": [
        "The information constitutes a trade secret and is exempt under {c} of the Act. It describes the "
        "methodology developed by {company}, which gives that company a competitive edge.",
        "{c} – {title}. The technical specification is a trade secret belonging to {company} and its "
        "release would allow competitors to copy the design.",
    ],
    "s43(2)": [
        "The information is exempt under {c} of the Act because its disclosure would be likely to "
        "prejudice the commercial interests of {company} and of {org}. The contract rates are commercially "
        "sensitive and their release would weaken our position in future procurements.",
        "{c} – {title}. Releasing the pricing schedule would give competitors an insight into the "
        "supplier's pricing strategy and would be likely to prejudice its commercial interests.",
        "We have consulted {company}, which has explained that disclosure of the tender information would "
        "harm its ability to compete. We accept that {c} is engaged.",
        "Section 43 of the Act provides an exemption for commercially sensitive information. The "
        "information you requested is exempt under {c}, since releasing it during a live procurement "
        "would be likely to prejudice our ability to obtain value for money.",
    ],
    "s43(3)": [
        "{org} neither confirms nor denies whether it holds the information, in reliance on {c}. To confirm "
        "or deny would be likely to prejudice the commercial interests of the company named in your "
        "request.",
        "{c} – {title}. Confirming whether {company} has approached us would reveal commercially sensitive "
        "information about its plans.",
    ],
    "s44(1)": [
        "The information is exempt under {c} of the Act because its disclosure is prohibited by "
        "{statute}. This is an absolute exemption.",
        "{c} – {title}. Disclosure of the information is prohibited under {statute}, and so it is exempt "
        "from the Act. There is no public interest test.",
    ],
    "s44(2)": [
        "{org} neither confirms nor denies whether it holds the information. By virtue of {c}, the duty to "
        "confirm or deny does not apply where confirmation would itself breach {statute}.",
        "{c} – {title}. Confirming or denying whether information is held would be a disclosure prohibited "
        "by {statute}. This is an absolute exemption.",
    ],
}

STATUTES = [
    "section 18(1) of the Commissioners for Revenue and Customs Act 2005",
    "section 237 of the Enterprise Act 2002",
    "section 348 of the Financial Services and Markets Act 2000",
    "section 22 of the Gender Recognition Act 2004",
    "section 132 of the Data Protection Act 2018",
]

# Public interest test: what weighs for and against disclosure, by section family.
PIT = {
    "law": ("there is a public interest in knowing that {org} uses its resources effectively and is "
            "accountable for its enforcement activity",
            "the public interest lies in protecting the ability of {org} to prevent and detect crime, and "
            "in not giving offenders an advantage"),
    "security": ("there is a general public interest in transparency about how national security is "
                 "protected",
                 "safeguarding national security is of the highest importance and the public interest "
                 "strongly favours protecting it"),
    "investigation": ("disclosure would show how investigations are conducted and reassure the public",
                      "there is a strong public interest in protecting the integrity of investigations and "
                      "any future proceedings"),
    "commercial": ("there is a public interest in the transparent use of public money",
                   "the public interest favours protecting fair competition and our ability to obtain "
                   "value for money"),
    "policy": ("there is a public interest in understanding how policy on {topic} is developed",
               "the public interest favours protecting the safe space in which ministers and officials "
               "consider policy options"),
    "affairs": ("there is a public interest in openness about how decisions are reached",
                "the public interest favours allowing staff to exchange views freely and frankly"),
    "legal": ("there is a public interest in understanding the legal basis of decisions",
              "there is a strong inherent public interest in maintaining legal professional privilege"),
    "safety": ("there is a public interest in transparency about {topic}",
               "the public interest does not favour disclosure that would endanger any person"),
    "international": ("there is a public interest in understanding the UK's relations with other states",
                      "the public interest favours maintaining relations of trust with international "
                      "partners"),
    "defence": ("there is a public interest in knowing how the armed forces are resourced",
                "there is a compelling public interest in not revealing defence capability"),
    "publication": ("there is a public interest in timely access to information",
                    "the public interest favours publication in the planned way, once the figures are "
                    "assured"),
    "economy": ("there is a public interest in understanding the government's economic analysis",
                "the public interest favours avoiding market instability"),
    "audit": ("there is a public interest in transparency about audit findings",
              "the public interest favours allowing audits to be completed without interference"),
    "royal": ("there is a public interest in transparency about the Royal Household's contacts with "
              "government",
              "there is a strong public interest in preserving the convention of confidentiality"),
    "research": ("there is a public interest in the results of publicly funded research",
                 "the public interest favours allowing researchers to complete and publish their work"),
    "devolved": ("there is a public interest in understanding intergovernmental relations",
                 "the public interest favours effective cooperation between the UK's administrations"),
}
FAMILY = {
    "s22": "publication", "s22A": "research", "s24(1)": "security", "s24(2)": "security", "s26(1)": "defence",
    "s26(3)": "defence", "s27(1)": "international", "s27(2)": "international", "s27(4)": "international",
    "s28": "devolved", "s29": "economy", "s30(1)": "investigation", "s30(2)": "investigation",
    "s30(3)": "investigation", "s31(1)": "law", "s31(3)": "law", "s33": "audit", "s35": "policy",
    "s36": "affairs", "s37": "royal", "s38(1)": "safety", "s38(2)": "safety", "s42(1)": "legal",
    "s43(1)": "commercial", "s43(2)": "commercial", "s43(3)": "commercial",
}
PIT_FRAMES = [
    "Public interest test\nFactors favouring disclosure: {pro}.\nFactors favouring non-disclosure: {con}.\n"
    "Balance test: having weighed these factors, the public interest in maintaining the exemption "
    "outweighs the public interest in {what}.",
    "{S} is a qualified exemption, so I have considered the public interest. I recognise that {pro}. "
    "However, {con}. On balance I have concluded that the public interest favours maintaining the "
    "exemption.",
    "Considerations favouring {what}: {pro}.\nConsiderations favouring maintaining the exemption: {con}.\n"
    "Our conclusion is that the balance of the public interest lies in maintaining the exemption.",
    "When weighing the public interest for {S}, we accepted that {pro}. We also took into account that "
    "{con}. We have decided that the public interest in {what} is outweighed.",
]


# --------------------------------------------------------------------------------------------------
# Requests: what was asked, by topic. Each entry is (request text, short topic for the letter).
# --------------------------------------------------------------------------------------------------
REQUESTS: dict[str, list[tuple[str, str]]] = {
    "police_staff": [
        ("Please provide the names, ranks and collar numbers of the officers who attended the incident on "
         "{street}, {town} on {date}.", "the officers who attended"),
        ("For {year}, please list each officer dismissed following a gross misconduct hearing, with their "
         "name, rank and the outcome.", "misconduct outcomes"),
        ("Please send me the names and job titles of all staff in your Professional Standards Department.",
         "staff in the Professional Standards Department"),
        ("How many police staff were suspended in {year}? Please give the name and role of each.",
         "staff suspensions"),
    ],
    "staff_general": [
        ("Please provide the names, job titles and salaries of every manager in the {service} team.",
         "managers in the {service} team"),
        ("Please list the staff who were disciplined in {year}, with their names and the reasons.",
         "staff disciplinary cases"),
        ("Please send me the email addresses and direct phone numbers of all staff in your planning "
         "department.", "staff contact details"),
        ("Please provide the CVs of the candidates interviewed for the post of Director of {service} in "
         "{year}.", "the recruitment of the Director"),
        ("Please provide copies of the complaints made about the behaviour of staff at the {town} office "
         "in {year}, including the names of those involved.", "complaints about staff"),
    ],
    "enforcement_general": [
        ("Please provide the locations of the covert cameras used to detect fly-tipping in {town}.",
         "fly-tipping enforcement"),
        ("What criteria do you use to decide which council tax fraud cases to investigate?",
         "fraud investigation criteria"),
        ("Please provide the times and locations of revenue protection checks on the {town} line in "
         "{month} {year}.", "revenue protection checks"),
        ("Please provide the security plan for {town} bus station.", "station security"),
    ],
    "regulator_enforcement": [
        ("Please provide the schedule of unannounced inspections planned for {year2}.",
         "the inspection schedule"),
        ("Please list the companies currently under investigation for breaches of your rules.",
         "current investigations"),
        ("Please provide the intelligence report that led to the enforcement action against {company}.",
         "the enforcement action against {company}"),
    ],
    "fire_capability": [
        ("Please list the stations holding the service's mass decontamination units and specialist rescue "
         "equipment.", "specialist equipment"),
        ("Please provide the service's plans for responding to a major incident at {town} airport.",
         "major incident planning"),
    ],
    "named_person_general": [
        ("Has a complaint been made about {person}? If so, what was the outcome?", "{person}"),
        ("Has {person} been referred to a professional regulator by your organisation?", "{person}"),
        ("Has {person} been the subject of a disciplinary investigation?", "{person}"),
    ],
    "cost_ncnd_general": [
        ("Please confirm whether any document in your archives refers to the {town} pit disaster.",
         "the archives"),
        ("Do you hold any correspondence about {street}, {town} from before 1995?", "historic records"),
    ],
    "police_tactics": [
        ("How many ANPR cameras does the force operate in {town}, and where is each one located?",
         "ANPR camera locations"),
        ("Please provide the number of officers on duty in {town} on each night of {month} {year}.",
         "officer deployment levels"),
        ("How many unmarked police vehicles does the force operate, and what are their registration "
         "numbers?", "unmarked vehicles"),
        ("Please provide the operational order for the policing of the {town} Festival in {year}.",
         "the policing of the festival"),
        ("Please list every mobile speed enforcement site used in {year}, including sites that are not "
         "published.", "speed enforcement sites"),
    ],
    "police_incident": [
        ("Please provide a copy of the incident log for the disturbance on {street}, {town} on {date}.",
         "the incident on {street}"),
        ("Please send me the body-worn video footage of the arrest outside {town} railway station on "
         "{date}.", "the arrest outside the station"),
        ("Please provide the crime reports for burglaries recorded on {street}, {town} during {year}.",
         "burglaries on {street}"),
        ("I would like the report of the collision on the A{road} near {town} on {date}, including the "
         "officers' notes.", "the collision on the A{road}"),
    ],
    "police_capability": [
        ("How many authorised firearms officers are available in each district of the force at any one "
         "time?", "firearms capability"),
        ("How many drones does the force own, what are their makes and models, and what cameras do they "
         "carry?", "drone capability"),
        ("How many counter-terrorism trained officers are deployed at {town} airport on a typical day?",
         "counter-terrorism deployments"),
    ],
    "police_investigation": [
        ("Please provide the investigation file for Operation {op}, including witness statements.",
         "Operation {op}"),
        ("Please send me the report of the investigation into the fire at the {town} recycling centre in "
         "{year}.", "the fire at the recycling centre"),
        ("Please provide all documents relating to the investigation into fraud at {company} in {year}.",
         "the fraud investigation"),
    ],
    "police_informants": [
        ("How much did the force pay to covert human intelligence sources in {year}, broken down by "
         "operation?", "payments to informants"),
        ("Please provide details of the informants used in Operation {op}.", "Operation {op}"),
    ],
    "broad_police": [
        ("Please provide every email sent or received by officers since {year} that contains the word "
         "'{word}'.", "emails containing '{word}'"),
        ("For every arrest since {year}, please give the age, ethnicity, offence and outcome.",
         "arrest data"),
        ("Please list every incident since {year} in which a police dog was deployed, with the outcome of "
         "each.", "police dog deployments"),
        ("How many calls about anti-social behaviour on {street}, {town} were received since {year}, and "
         "what action was taken on each?", "calls about anti-social behaviour"),
    ],
    "broad_council": [
        ("Please provide every complaint about potholes received since {year} and the action taken on "
         "each.", "pothole complaints"),
        ("Please send all correspondence between councillors and officers about the {town} regeneration "
         "scheme since {year}.", "the regeneration scheme"),
        ("For each council-owned property, please list every repair request since {year} and its cost.",
         "repair requests"),
        ("How many fixed penalty notices for littering were issued in each ward since {year}, and how "
         "many were paid?", "littering penalties"),
    ],
    "broad_gov": [
        ("Please provide all correspondence between the department and {company} since {year}.",
         "correspondence with {company}"),
        ("Please list every meeting held by departmental officials about {policy} since {year}, with "
         "attendees and minutes.", "meetings about {policy}"),
        ("Please provide every grant made under the {town} Growth Fund since {year}, with the "
         "assessment of each application.", "grant assessments"),
    ],
    "broad_nhs": [
        ("For every patient who waited more than 12 hours in A&E since {year}, please give the reason for "
         "the wait.", "A&E waits"),
        ("Please provide all incident reports involving agency staff since {year}.", "incident reports"),
        ("How many missed appointments were recorded in each clinic since {year}, and what follow-up "
         "action was taken?", "missed appointments"),
    ],
    "broad_other": [
        ("Please provide every email sent by senior managers since {year} that mentions '{word}'.",
         "emails mentioning '{word}'"),
        ("Please list every expense claim made by staff since {year}, with receipts.", "expense claims"),
    ],
    "published": [
        ("Please send me your annual statistics on {service} for {year}.", "the {service} statistics"),
        ("Please provide details of all spending over £500 in {year}.", "spending over £500"),
        ("What was the salary of your Chief Executive in {year}?", "senior salaries"),
        ("How many Freedom of Information requests did you receive in {year}?", "FOI statistics"),
        ("Please provide your current organisational chart.", "the organisational chart"),
    ],
    "own_data": [
        ("Please send me all information you hold about me, including the report I made on {date}.",
         "your own information"),
        ("I would like a copy of my personnel file and any notes made about me by my line manager.",
         "your personnel file"),
    ],
    "vexatious": [
        ("Further to my previous requests, please explain again why my complaint about {topic_v} was not "
         "upheld, and provide every document about it.", "your complaint"),
        ("Please provide the same information I asked for on {date}, about {topic_v}.", "{topic_v}"),
    ],
    "prohibited": [
        ("Please provide the information given to you by {company} during your inquiry in {year}.",
         "information supplied by {company}"),
        ("How many of your staff hold a gender recognition certificate, and in which departments do they "
         "work?", "gender recognition certificates"),
        ("Please provide the tax information you hold about {company}.", "tax information"),
    ],
    "contracts": [
        ("Please provide the contract with {company} for {service}, including the pricing schedule.",
         "the {service} contract"),
        ("Please provide the tender scores for each bidder in the {service} procurement.",
         "the {service} tender"),
        ("What hourly rates do you pay to each supplier of agency staff?", "agency rates"),
        ("Please provide the business case for the sale of land at {street}, {town}.",
         "the land sale"),
    ],
    "trade_secrets": [
        ("Please provide the technical specification submitted by {company} for the {service} system.",
         "the technical specification"),
        ("Please provide the source code and algorithm used by {company} to allocate {service} "
         "appointments.", "the allocation algorithm"),
    ],
    "legal": [
        ("Please provide the legal advice received about the {town} regeneration scheme.",
         "the regeneration scheme"),
        ("Please provide counsel's opinion on the closure of the {town} library.", "the library closure"),
        ("Please send me the advice your solicitors gave you about the dispute with {company}.",
         "the dispute with {company}"),
    ],
    "confidence": [
        ("Please provide the letters of complaint you received about the {town} care home in {year}.",
         "complaints about the care home"),
        ("Please provide the information {company} supplied to you about its financial position.",
         "the company's financial position"),
        ("Please send me the statements given by residents about the noise from {street}.",
         "noise complaints"),
    ],
    "policy": [
        ("Please provide the submissions to ministers on {policy} since {month} {year}.", "{policy}"),
        ("Please provide the options appraisal for {policy}.", "{policy}"),
        ("Please provide the minutes of the ministerial meeting on {policy} held on {date}.", "{policy}"),
    ],
    "affairs": [
        ("Please provide the minutes of the senior leadership team meeting of {date}.",
         "senior leadership discussions"),
        ("Please provide the internal review of the handling of the {town} flooding response.",
         "the flooding response"),
        ("Please provide the draft report on {policy} and the comments made on it.", "the draft report"),
    ],
    "international": [
        ("Please provide the diplomatic reporting on {country} sent to the department in {year}.",
         "relations with {country}"),
        ("Please provide correspondence with the government of {country} about trade in {year}.",
         "trade with {country}"),
    ],
    "defence": [
        ("How many of the Army's armoured vehicles were available for deployment on {date}?",
         "armoured vehicle availability"),
        ("Please provide the readiness status of each RAF squadron in {year}.", "squadron readiness"),
    ],
    "devolved": [
        ("Please provide correspondence with the Scottish Government about {policy} in {year}.", "{policy}"),
        ("Please provide correspondence with the Welsh Government about {policy}.", "{policy}"),
    ],
    "economy": [
        ("Please provide the modelling of the effect of {policy} on house prices.", "{policy}"),
        ("Please provide the contingency plans for the failure of a major bank.", "contingency plans"),
    ],
    "audit": [
        ("Please provide the working papers from your audit of {town} Council in {year}.",
         "the audit of {town} Council"),
        ("Please provide the draft findings of the inspection of {service} services in {town}.",
         "the inspection of {service} services"),
    ],
    "parliament": [
        ("Please provide the drafts of the evidence the department gave to the Select Committee on "
         "{policy}.", "evidence to the Select Committee"),
        ("Please provide correspondence with the Clerk of the Public Accounts Committee in {year}.",
         "correspondence with the committee clerk"),
    ],
    "royal": [
        ("Please provide correspondence between the department and the Royal Household in {year}.",
         "correspondence with the Royal Household"),
        ("Please provide the papers of the honours committee about nominations from {town}.",
         "honours nominations"),
    ],
    "court": [
        ("Please provide the documents filed in the inquest into the death at {street}, {town}.",
         "the inquest"),
        ("Please provide the court papers in the council's possession proceedings against tenants in "
         "{year}.", "possession proceedings"),
    ],
    "environment": [
        ("Please provide the air quality monitoring results for {street}, {town} for {year}.",
         "air quality monitoring"),
        ("Please provide the contaminated land register entries for {town}.", "contaminated land"),
    ],
    "future_pub": [
        ("Please provide the results of the {year2} residents' survey.", "the residents' survey results"),
        ("Please provide the figures that will appear in your next annual report on {service}.",
         "the annual report on {service}"),
        ("Please provide the findings of the review of {service} services.", "the review of {service}"),
    ],
    "research": [
        ("Please provide the raw data from the University's ongoing study into {research}.", "{research}"),
        ("Please provide the interview transcripts collected for the project on {research}.", "{research}"),
    ],
    "safety": [
        ("Please provide the addresses of refuges for victims of domestic abuse in {town}.",
         "refuges in {town}"),
        ("Please provide the names of staff working at the animal research facility.",
         "the research facility"),
        ("Please list the premises in {town} that store hazardous chemicals, with their addresses.",
         "hazardous sites"),
        ("Please provide the locations of the rail network's unmanned substations in {town}.",
         "substation locations"),
    ],
    "security_bodies": [
        ("Please provide any correspondence with MI5 about the {town} protest in {year}.", "the protest"),
        ("Please provide the threat assessment supplied to you for the {town} summit.", "the summit"),
    ],
    "covert": [
        ("Does the force use IMSI catchers? If so, how many does it own and how often were they used in "
         "{year}?", "covert communications technology"),
        ("Has the force conducted surveillance of the {group} group? If so, please provide the "
         "authorisations.", "the surveillance of campaign groups"),
        ("Are any undercover officers deployed at {town} University? If so, how many?",
         "undercover deployments"),
        ("Has the force applied for communications data relating to journalists since {year}?",
         "communications data"),
        ("Does the force use facial recognition software on social media images?", "facial recognition"),
    ],
    "named_person": [
        ("Has {person} been arrested or investigated by the force? Please provide details.", "{person}"),
        ("Has a complaint been made about {person}? If so, what was the outcome?", "{person}"),
        ("Has {person} been disciplined for misconduct?", "{person}"),
    ],
    "investigation_named": [
        ("Is the force investigating {person}'s business dealings? Please provide the file.",
         "{person}'s business"),
        ("Is there an ongoing investigation into {company}? If so, how many officers are working on it?",
         "{company}"),
    ],
    "intl_ncnd": [
        ("Has the department received any request from {country} to share information about UK "
         "citizens?", "{country}"),
        ("Does the department hold assessments of the stability of {country}?", "{country}"),
    ],
    "defence_ncnd": [
        ("Were UK special forces deployed in {country} in {year}?", "special forces deployments"),
    ],
    "commercial_ncnd": [
        ("Has {company} applied to the council for a loan or grant?", "{company}"),
        ("Is the council negotiating to buy the {town} shopping centre?", "the shopping centre"),
    ],
    "safety_ncnd": [
        ("Have there been threats against staff at the {town} clinic? If so, please give details.",
         "the clinic"),
    ],
    "prohibited_ncnd": [
        ("Has the regulator received any report about {company} from HMRC?", "{company}"),
        ("Has the department shared information about {company} with HMRC?", "{company}"),
    ],
    "cost_ncnd": [
        ("Does the force hold any record of contact with {person} in any of its systems since 1990?",
         "records of contact"),
        ("Has the force ever received intelligence about the {town} pit disaster?", "historic intelligence"),
    ],
    "full_police": [
        ("How many stop and searches did the force carry out in {year}, broken down by power used?",
         "stop and search"),
        ("How many Tasers does the force own, and how many times were they discharged in {year}?",
         "Taser use"),
        ("How many officers were assaulted on duty in {year}?", "assaults on officers"),
    ],
    "full_council": [
        ("How many Section 21 notices were reported to the housing team in {year}?", "no-fault evictions"),
        ("How many public toilets does the council maintain, and how many closed in {year}?",
         "public toilets"),
        ("How much did the council spend on consultants in {year}?", "consultancy spending"),
        ("How many children were in the care of the council on 31 March {year}?", "looked-after children"),
    ],
    "full_gov": [
        ("How many staff did the department employ on 1 April {year}, by grade?", "staff numbers"),
        ("How much did the department spend on taxis in {year}?", "taxi spending"),
    ],
    "full_nhs": [
        ("How many nurses left the Trust in {year}, and how many were recruited?", "nurse turnover"),
        ("How much did the Trust earn from car parking charges in {year}?", "car parking income"),
    ],
    "full_other": [
        ("How many complaints did you receive in {year}, and how many were upheld?", "complaints"),
        ("How much did you spend on agency staff in {year}?", "agency spending"),
        ("How many electric vehicle charging points do you operate?", "charging points"),
    ],
}
FILL = {
    "op": ["Kestrel", "Harrow", "Lantern", "Bramble", "Juniper", "Falcon"],
    "word": ["Brexit", "bonus", "drone", "Wetherspoons", "gazebo"],
    "service": ["waste collection", "school transport", "IT support", "facilities management",
                "home care", "leisure centre"],
    "policy": ["the reform of business rates", "regional transport funding", "planning reform",
               "the future of high street banks", "the apprenticeship levy"],
    "group": ["Millbridge Climate Action", "Harbury Residents Against the Bypass", "Save Our Libraries"],
    "research": ["long COVID in teachers", "river pollution in Northshire", "student mental health"],
    "topic_v": ["my parking permit", "the closure of my allotment", "my neighbour's extension"],
}

# --------------------------------------------------------------------------------------------------
# Profiles: which exemptions a letter cites, for which authorities, about what, and how many letters.
# The counts give realistic frequencies (s40(2), s12 and s31(1) most common; about 15% answered in
# full; about 15% neither confirming nor denying).
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    labels: tuple[str, ...]
    count: int
    authorities: tuple[str, ...]
    topic: str
    kind: str = "withhold"  # withhold | ncnd | full | not_held | cost_ncnd


P = Profile
POLICE = ("police",)
GOV = ("central_government",)
COUNCIL = ("council",)
PROFILES = [
    # answered in full, or not held
    P((), 17, POLICE, "full_police", "full"),
    P((), 13, COUNCIL, "full_council", "full"),
    P((), 8, GOV, "full_gov", "full"),
    P((), 6, ("nhs",), "full_nhs", "full"),
    P((), 10, ("university", "school", "fire", "transport", "regulator", "other"), "full_other", "full"),
    P((), 6, ("police", "council", "nhs", "central_government"), "full_other", "not_held"),
    # police
    P(("s40(2)",), 12, POLICE, "police_staff"),
    P(("s31(1)",), 10, POLICE, "police_tactics"),
    P(("s31(1)", "s40(2)"), 12, POLICE, "police_incident"),
    P(("s24(1)", "s31(1)"), 8, POLICE, "police_capability"),
    P(("s30(1)", "s40(2)"), 8, POLICE, "police_investigation"),
    P(("s30(1)", "s31(1)", "s40(2)"), 4, POLICE, "police_investigation"),
    P(("s30(2)", "s40(2)"), 2, POLICE, "police_informants"),
    P(("s31(1)", "s38(1)", "s40(2)"), 3, POLICE, "police_incident"),
    P(("s12",), 12, POLICE, "broad_police"),
    P(("s21",), 3, POLICE, "published"),
    P(("s12", "s21"), 2, POLICE, "broad_police"),
    P(("s31(1)", "s38(1)"), 2, POLICE, "police_tactics"),
    P(("s23(1)", "s24(1)"), 2, POLICE, "security_bodies"),
    P(("s40(1)",), 3, POLICE, "own_data"),
    P(("s40(1)", "s40(2)"), 2, POLICE, "own_data"),
    P(("s14",), 2, POLICE, "vexatious"),
    P(("s30(1)", "s42(1)"), 1, POLICE, "police_investigation"),
    # councils
    P(("s12",), 12, COUNCIL, "broad_council"),
    P(("s40(2)",), 11, COUNCIL, "staff_general"),
    P(("s43(2)",), 8, COUNCIL, "contracts"),
    P(("s40(2)", "s43(2)"), 5, COUNCIL, "contracts"),
    P(("s21",), 5, COUNCIL, "published"),
    P(("s22",), 3, COUNCIL, "future_pub"),
    P(("s42(1)",), 4, COUNCIL, "legal"),
    P(("s41(1)",), 2, COUNCIL, "confidence"),
    P(("s40(2)", "s41(1)"), 3, COUNCIL, "confidence"),
    P(("s36",), 2, COUNCIL, "affairs"),
    P(("s14",), 3, COUNCIL, "vexatious"),
    P(("s31(1)",), 3, COUNCIL, "enforcement_general"),
    P(("s38(1)",), 2, COUNCIL, "safety"),
    P(("s12", "s40(2)"), 2, COUNCIL, "broad_council"),
    P(("s21", "s40(2)"), 2, COUNCIL, "published"),
    P(("s32",), 1, COUNCIL, "court"),
    P(("s39",), 2, COUNCIL, "environment"),
    # central government
    P(("s35",), 5, GOV, "policy"),
    P(("s35", "s40(2)"), 4, GOV, "policy"),
    P(("s35", "s42(1)"), 2, GOV, "policy"),
    P(("s36",), 3, GOV, "affairs"),
    P(("s36", "s40(2)"), 2, GOV, "affairs"),
    P(("s27(1)",), 3, GOV, "international"),
    P(("s27(1)", "s27(2)"), 2, GOV, "international"),
    P(("s26(1)", "s27(1)"), 2, GOV, "defence"),
    P(("s26(1)",), 2, GOV, "defence"),
    P(("s24(1)", "s26(1)"), 1, GOV, "defence"),
    P(("s28",), 2, GOV, "devolved"),
    P(("s29",), 2, GOV, "economy"),
    P(("s29", "s35"), 1, GOV, "economy"),
    P(("s43(2)",), 3, GOV, "contracts"),
    P(("s43(1)", "s43(2)"), 2, GOV, "trade_secrets"),
    P(("s37",), 3, GOV, "royal"),
    P(("s37", "s40(2)"), 1, GOV, "royal"),
    P(("s34",), 2, GOV, "parliament"),
    P(("s12",), 6, GOV, "broad_gov"),
    P(("s22",), 2, GOV, "future_pub"),
    P(("s23(1)",), 1, GOV, "security_bodies"),
    P(("s21",), 2, GOV, "published"),
    P(("s14",), 1, GOV, "vexatious"),
    P(("s42(1)",), 2, GOV, "legal"),
    P(("s44(1)",), 1, GOV, "prohibited"),
    # NHS, universities, schools, fire, transport, regulators, others
    P(("s40(2)",), 6, ("nhs",), "staff_general"),
    P(("s12",), 4, ("nhs",), "broad_nhs"),
    P(("s43(2)",), 3, ("nhs",), "contracts"),
    P(("s41(1)",), 2, ("nhs",), "confidence"),
    P(("s21",), 2, ("nhs",), "published"),
    P(("s38(1)",), 2, ("nhs",), "safety"),
    P(("s22",), 1, ("nhs",), "future_pub"),
    P(("s40(2)", "s41(1)"), 2, ("nhs",), "confidence"),
    P(("s36",), 1, ("nhs",), "affairs"),
    P(("s14",), 1, ("nhs",), "vexatious"),
    P(("s22A",), 3, ("university",), "research"),
    P(("s43(2)",), 2, ("university",), "contracts"),
    P(("s40(2)",), 3, ("university",), "staff_general"),
    P(("s12",), 2, ("university",), "broad_other"),
    P(("s38(1)", "s40(2)"), 1, ("university",), "safety"),
    P(("s22",), 1, ("university",), "future_pub"),
    P(("s40(2)",), 3, ("school",), "staff_general"),
    P(("s12",), 1, ("school",), "broad_other"),
    P(("s21",), 1, ("school",), "published"),
    P(("s38(1)",), 1, ("fire",), "safety"),
    P(("s24(1)",), 1, ("fire",), "fire_capability"),
    P(("s40(2)",), 2, ("fire",), "staff_general"),
    P(("s12",), 1, ("fire",), "broad_other"),
    P(("s43(2)",), 2, ("transport",), "contracts"),
    P(("s12",), 1, ("transport",), "broad_other"),
    P(("s31(1)",), 2, ("transport",), "enforcement_general"),
    P(("s38(1)",), 1, ("transport",), "safety"),
    P(("s31(1)",), 3, ("regulator",), "regulator_enforcement"),
    P(("s44(1)",), 1, ("regulator",), "prohibited"),
    P(("s33",), 2, ("regulator",), "audit"),
    P(("s40(2)",), 2, ("regulator",), "staff_general"),
    P(("s41(1)",), 1, ("regulator",), "confidence"),
    P(("s40(2)",), 1, ("other",), "staff_general"),
    P(("s43(2)",), 1, ("other",), "contracts"),
    P(("s12",), 1, ("other",), "broad_other"),
    # neither confirm nor deny
    P(("s23(5)", "s24(2)"), 7, POLICE, "covert", "ncnd"),
    P(("s23(5)", "s24(2)", "s31(3)"), 4, POLICE, "covert", "ncnd"),
    P(("s24(2)", "s31(3)"), 5, POLICE, "covert", "ncnd"),
    P(("s31(3)", "s40(5)"), 5, POLICE, "named_person", "ncnd"),
    P(("s30(3)", "s40(5)"), 3, POLICE, "investigation_named", "ncnd"),
    P(("s40(5)",), 4, POLICE, "named_person", "ncnd"),
    P(("s31(3)",), 2, POLICE, "covert", "ncnd"),
    P(("s23(5)", "s24(2)", "s30(3)", "s31(3)", "s44(2)"), 1, POLICE, "covert", "ncnd"),
    P(("s38(2)", "s40(5)"), 1, POLICE, "named_person", "ncnd"),
    P(("s30(3)",), 1, POLICE, "investigation_named", "ncnd"),
    P(("s40(2)", "s40(5)"), 1, POLICE, "named_person", "ncnd"),
    P(("s12",), 2, POLICE, "cost_ncnd", "cost_ncnd"),
    P(("s23(5)", "s24(2)"), 2, GOV, "intl_ncnd", "ncnd"),
    P(("s26(3)", "s27(4)"), 1, GOV, "defence_ncnd", "ncnd"),
    P(("s27(4)",), 2, GOV, "intl_ncnd", "ncnd"),
    P(("s23(5)",), 1, GOV, "intl_ncnd", "ncnd"),
    P(("s26(3)",), 1, GOV, "defence_ncnd", "ncnd"),
    P(("s43(3)",), 1, GOV, "commercial_ncnd", "ncnd"),
    P(("s44(2)",), 1, GOV, "prohibited_ncnd", "ncnd"),
    P(("s24(2)",), 1, GOV, "intl_ncnd", "ncnd"),
    P(("s40(5)",), 3, ("nhs",), "named_person_general", "ncnd"),
    P(("s40(5)",), 1, ("regulator",), "named_person_general", "ncnd"),
    P(("s40(5)",), 1, COUNCIL, "named_person_general", "ncnd"),
    P(("s43(3)",), 1, COUNCIL, "commercial_ncnd", "ncnd"),
    P(("s38(2)",), 1, ("nhs",), "safety_ncnd", "ncnd"),
    P(("s12",), 1, COUNCIL, "cost_ncnd_general", "cost_ncnd"),
]


# --------------------------------------------------------------------------------------------------
# Letter pieces
# --------------------------------------------------------------------------------------------------
ACKS = [
    "Thank you for your request for information received on {date}, in which you asked:\n\n\"{request}\"",
    "I write in response to your request for information dated {date}. You asked:\n\n{request}",
    "Your request has been considered under the Freedom of Information Act 2000 (the Act). You asked "
    "for the following information:\n\n{request}",
    "We received your Freedom of Information request on {date}. For ease of reference, your request was:"
    "\n\n\"{request}\"",
    "REQUEST\n{request}",
]
# Procedural sections of the Act and other traps that cite nothing.
PROCEDURE = [
    "Section 1(1) of the Act gives you the right to be told whether we hold the information you have asked "
    "for (section 1(1)(a)) and, if so, to have it communicated to you (section 1(1)(b)).",
    "Your request was treated as a valid request under section 8 of the Act.",
    "Please accept our apologies for the delay in responding; section 10 of the Act requires us to respond "
    "within 20 working days.",
    "We have handled your request in line with the section 45 Code of Practice.",
    "We have a duty under section 16 of the Act to provide advice and assistance, and we have contacted "
    "the relevant departments to locate the information.",
    "In accordance with the Freedom of Information Act 2000, this letter is our response to your request.",
]
FULL_DECISIONS = [
    "I can confirm that {org} holds the information you have requested. It is provided below.",
    "We have now completed our searches and I am pleased to provide the information you requested.",
    "I can confirm that the information you have requested is held by {org}. I am able to disclose it to "
    "you as follows.",
    "DECISION\n{org} has located information relevant to your request and it is set out below in full.",
]
NOT_HELD = [
    "I can confirm that {org} does not hold the information you have requested. {reason}",
    "Following searches of the relevant records, I can confirm that no information is held. {reason}",
    "{org} has no record of this information. {reason}",
]
NOT_HELD_REASONS = [
    "We do not record data in this way.",
    "This function is carried out by another body, and you may wish to contact them directly; this is "
    "provided as advice and assistance under section 16 of the Act.",
    "The records were destroyed in line with our retention schedule, which is available on our website.",
]
WITHHOLD_DECISIONS = [
    "I can confirm that {org} holds information relevant to your request. However, some of it is exempt "
    "from disclosure for the reasons set out below.",
    "{org} holds the information you have requested but has decided to withhold it. This letter acts as a "
    "refusal notice under section 17 of the Act.",
    "I can confirm that the information is held. I am able to disclose part of it; the remainder is exempt "
    "under the provisions explained below. Please treat this as a partial refusal notice under section "
    "17(1) of the Act.",
    "DECISION\nSome of the information you requested is held and is disclosed below. The remaining "
    "information is exempt, and the reasons are explained in this letter.",
]
COST_DECISIONS = [
    "I am writing to explain that {org} is unable to comply with your request.",
    "Unfortunately we cannot provide the information you have requested within the cost limit.",
    "DECISION\nThis letter acts as a refusal notice under section 17(5) of the Act.",
]
VEX_DECISIONS = [
    "{org} has decided to refuse your request. This letter is a refusal notice under section 17(5) of the "
    "Act.",
    "I am writing to tell you that we will not be complying with your request.",
]
NCND_DECISIONS = [
    "{org} can neither confirm nor deny that it holds the information you requested, by virtue of the "
    "following exemptions:",
    "In accordance with the Act, this letter represents a refusal notice for your request. {org} will "
    "neither confirm nor deny whether any information is held.",
    "I am not able to confirm or deny whether {org} holds information of the kind you have requested, "
    "for the reasons below.",
    "Section 1(1)(a) of the Act normally requires us to tell you whether we hold information, but in this "
    "case that duty does not apply because of the exemptions below.",
    "Under section 1(1)(a) we must usually confirm whether information is held. Here, however, {org} "
    "neither confirms nor denies holding it.",
]
NCND_CLOSINGS = [
    "This response should not be taken as an indication that the information you requested does or does "
    "not exist.",
    "No inference should be drawn from this response as to whether or not the information exists.",
    "It is our policy to give this response to every request of this kind, whether or not information "
    "is held.",
]
COST_NCND = [
    "We are unable to confirm whether {org} holds information within the scope of your request. Under "
    "{c} of the Act we are not obliged to confirm or deny whether information is held where the cost of "
    "establishing whether it is held would exceed the appropriate limit of {limit}. {estimate}",
    "{org} does not hold this information in a single searchable system. The cost of determining whether "
    "the information is held would exceed the appropriate limit, and {c} of the Act therefore applies. "
    "{estimate}",
]
ADVICE_COST = [
    "Under section 16 of the Act we have a duty to provide advice and assistance. You may wish to narrow "
    "your request, for example by limiting it to a single year, which may bring it within the cost limit.",
    "Advice and assistance: if you reduce the time period of your request to six months, we may be able to "
    "answer it within the limit. Please note that splitting a request into smaller parts can be aggregated "
    "under regulation 5 of the Fees Regulations.",
    "To help you, if you refine your request to cover one department only we will consider it afresh.",
]
REVIEW = [
    "If you are dissatisfied with the handling of your request, you have the right to ask for an internal "
    "review. Internal review requests should be made in writing within 40 working days of the date of "
    "this letter and addressed to: {team}, {org}.",
    "Complaint rights: you can ask for an internal review by writing to us within 40 working days. If you "
    "remain dissatisfied after the internal review, you can complain to the Information Commissioner.",
    "If you are unhappy with our response, please write to us setting out your concerns and we will carry "
    "out an internal review.",
]
ICO = [
    "If you are still dissatisfied following our internal review, you have the right under section 50 of the "
    "Act to complain directly to the Information Commissioner's Office (ICO). The ICO can be contacted at: "
    "Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF, or via "
    "www.ico.org.uk.",
    "You may then apply to the Information Commissioner for a decision under section 50 of the Freedom of "
    "Information Act 2000. Generally, the ICO cannot make a decision unless you have exhausted our internal "
    "review procedure.",
    "Should you remain dissatisfied, you may complain to the ICO, which can be contacted at "
    "www.ico.org.uk/make-a-complaint.",
]
SIGNOFFS = ["Yours sincerely", "Kind regards", "Yours faithfully", "Regards"]
# Sentences that mention sections of other Acts, powers, definitions and document sections. None of
# them cites an exemption; each is attached to a paragraph where it would naturally appear.
LABEL_TRAPS = {
    "s40(2)": [
        "Personal data is defined in section 3(2) of the Data Protection Act 2018.",
        "The data protection principles are those in Article 5(1) of the UK GDPR and section 34 of the Data "
        "Protection Act 2018.",
        "Where information was processed for law enforcement purposes, Part 3 of the Data Protection Act "
        "2018 (sections 29 to 81) also applies.",
        "This does not affect any rights the individuals have under section 45 of the Data Protection Act "
        "2018.",
    ],
    "s40(5)": [
        "Criminal offence data is given special protection by section 11(2) of the Data Protection Act 2018.",
        "Processing for law enforcement purposes is governed by section 29 of the Data Protection Act 2018.",
    ],
    "s40(1)": ["Your right of access is set out in section 45 of the Data Protection Act 2018."],
    "s12": [
        "Regulation 4(3) of the Fees Regulations sets out what can be counted towards the limit.",
        "Where requests are made by the same person within 60 working days they may be aggregated under "
        "regulation 5 of the Fees Regulations.",
    ],
    "s31(1)": [
        "Surveillance is authorised under the Regulation of Investigatory Powers Act 2000 (RIPA), "
        "section 28.",
        "Searches under section 1 of the Police and Criminal Evidence Act 1984 are recorded separately.",
        "Stop and search powers under Section 44 of the Terrorism Act 2000 have not been used since 2010.",
    ],
    "s31(3)": [
        "Any such activity would need authorisation under section 32 of the Regulation of Investigatory "
        "Powers Act 2000.",
        "Section 43 searches under the Terrorism Act 2000 are not relevant to this request.",
    ],
    "s24(2)": ["Schedule 7 to the Terrorism Act 2000 is not relevant to this request."],
    "s30(1)": [
        "The investigation was conducted under the Police and Criminal Evidence Act 1984 (PACE), section 24.",
        "The case was referred under section 23 of the Criminal Procedure and Investigations Act 1996.",
    ],
    "s38(1)": ["Detentions under section 136 of the Mental Health Act 1983 are recorded separately."],
    "s21": ["Further detail is given in section 4.2 of our Publication Scheme."],
    "s43(2)": ["The procurement was run under regulation 84 of the Public Contracts Regulations 2015."],
    "s36": ["The qualified person is designated under section 36(5) of the Act."],
}
TOPIC_TRAPS = {
    "full_police": [
        "The figures include searches under section 1 of the Police and Criminal Evidence Act 1984 (PACE) "
        "and section 23 of the Misuse of Drugs Act 1971.",
        "Powers under Section 44 of the Terrorism Act 2000 were repealed and have not been used since.",
        "Section 60 authorisations are published separately on our website.",
        "Detentions under section 136 of the Mental Health Act 1983 are not included.",
        "Assaults are recorded under section 1 of the Assaults on Emergency Workers (Offences) Act 2018.",
    ],
    "full_council": [
        "Children looked after under section 31 of the Children Act 1989 (care orders) and section 20 "
        "(voluntary accommodation) are both included.",
        "Possession claims following section 21 notices are handled by the county court, not the council.",
        "Council meetings are open to the public under section 100A of the Local Government Act 1972.",
        "Further figures are in section 4.2 of our Publication Scheme.",
    ],
    "full_gov": [
        "Grants paid under section 31 of the Local Government Act 2003 are excluded.",
        "A breakdown appears in section 3.4 of the Annual Report and Accounts.",
    ],
    "full_nhs": [
        "Detentions under section 136 of the Mental Health Act 1983 are recorded separately.",
        "Figures exclude patients detained under section 2 or section 3 of the Mental Health Act 1983.",
    ],
    "full_other": [
        "Figures follow the definitions in section 3.1 of our Complaints Policy.",
        "Some charging points were funded by grants under section 31 of the Local Government Act 2003.",
    ],
}
# Exemptions named but considered and not applied; never in a letter that cites the same section.
NOT_APPLIED = {
    "s38(1)": "Section 38 (health and safety) is not engaged in this case, as no individual would be put at "
              "risk by the disclosure.",
    "s41(1)": "Section 41 does not apply to the remaining information, because it was created by {org} "
              "itself.",
    "s21": "Section 21 does not apply to the remaining figures because they have not been published before.",
}
NOT_APPLIED_FULL = [
    "Although locating the information took some time, we have not applied section 12 and it is provided in "
    "full.",
    "For the avoidance of doubt, section 40(2) has not been applied: the names in the response belong to "
    "senior staff, whose names we routinely publish.",
]


def fill(template: str, ctx: dict[str, str]) -> str:
    """Format with the context; unknown placeholders are a bug in this file."""
    return template.format(**ctx)


class LetterWriter:
    """Compose letters from the pieces above with one seeded random generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def pick_str(self, options: list[str]) -> str:
        return options[self.rng.randrange(len(options))]

    def context(self, authority_type: str) -> dict[str, str]:
        rng = self.rng
        year = rng.randint(2016, 2023)
        month = self.pick_str(MONTHS)
        org = self.pick_str(AUTHORITIES[authority_type])
        ctx = {
            "org": org,
            "Org": org[0].upper() + org[1:],
            "team": self.pick_str(TEAMS[authority_type]),
            "town": self.pick_str(TOWNS),
            "street": self.pick_str(STREETS),
            "year": str(year),
            "year2": str(year + 1),
            "month": month,
            "date": f"{rng.randint(1, 28)} {month} {year + 1}",
            "date2": f"{rng.randint(1, 28)} {self.pick_str(MONTHS)} {year}",
            "company": self.pick_str(COMPANIES),
            "person": self.pick_str(PEOPLE),
            "country": self.pick_str(COUNTRIES),
            "road": str(rng.randint(10, 699)),
            "qp": "Monitoring Officer" if authority_type == "council" else self.pick_str(
                ["Permanent Secretary", "Minister of State", "Chief Executive", "Vice-Chancellor"]),
            "statute": self.pick_str(STATUTES),
            "nth": self.pick_str(["fourteenth", "twenty-third", "thirty-first", "ninth"]),
            "months": str(rng.randint(6, 24)),
        }
        for key, options in FILL.items():
            ctx[key] = self.pick_str(options)
        slug = org.lower().replace("the ", "").replace(" ", "").replace("'", "")[:18]
        page = self.pick_str(["publications", "foi-disclosures", "statistics"])
        ctx["url"] = f"https://www.{slug}.gov.uk/{page}"
        limit = 600 if authority_type == "central_government" else 450
        ctx["limit"] = f"£{limit}"
        ctx["hours"] = str(limit // 25)
        ctx["estimate"] = self.estimate(limit // 25)
        return ctx

    def estimate(self, hours: int) -> str:
        rng = self.rng
        records = rng.choice([850, 1200, 2400, 3650, 5100, 12000])
        minutes = rng.choice([3, 5, 10, 15])
        total = records * minutes / 60
        while total <= hours:
            records *= 2
            total = records * minutes / 60
        return self.pick_str([
            f"A search of our systems identified {records:,} records that would each need to be read. "
            f"At a conservative {minutes} minutes per record, this would take {total:,.0f} hours.",
            f"We estimate that it would take approximately {minutes} minutes to review each of the "
            f"{records:,} files, a total of {total:,.0f} hours.",
            f"To answer your request we would need to examine {records:,} case records manually, taking "
            f"about {total:,.0f} hours in total.",
        ])

    def cite(self, label: str) -> str:
        return self.pick_str(FORMS[label])

    def pit(self, label: str, ctx: dict[str, str], ncnd: bool) -> str:
        family = FAMILY.get(label)
        if family is None:
            return ""
        pro, con = PIT[family]
        what = "confirming or denying whether the information is held" if ncnd else "disclosure"
        frame = self.pick_str(PIT_FRAMES)
        return fill(frame, {**ctx, "pro": fill(pro, ctx), "con": fill(con, ctx), "what": what,
                            "S": f"Section {section_number(label)}"})

    def request(self, topic: str, ctx: dict[str, str]) -> tuple[str, str]:
        options = REQUESTS[topic]
        text, short = options[self.rng.randrange(len(options))]
        return fill(text, ctx), fill(short, ctx)

    def answer(self, ctx: dict[str, str]) -> str:
        rng = self.rng
        year = int(ctx["year"])
        rows = [f"{y}/{str(y + 1)[2:]}: {rng.randint(3, 900):,}" for y in range(year - 2, year + 1)]
        return self.pick_str([
            "Please see the table below.\n" + "\n".join(rows),
            "The figures are as follows:\n" + "\n".join(rows),
            f"The answer is {rng.randint(2, 400):,}.",
            "Please find the information in the attached spreadsheet.",
        ])

    def letter(self, profile: Profile, authority_type: str, number: int) -> dict:
        rng = self.rng
        ctx = self.context(authority_type)
        request, short = self.request(profile.topic, ctx)
        ctx["topic"] = short
        ctx["request"] = request
        paras: list[str] = []
        ref = self.pick_str([f"FOI/{ctx['year2']}/{rng.randint(100, 9999):04d}",
                             f"{rng.randint(100, 9999)}/{ctx['year2'][2:]}",
                             f"FOI-{rng.randint(10000, 99999)}"])
        paras.append(self.pick_str([f"Freedom of Information Request Reference No: {ref}",
                                    f"Our reference: {ref}", f"Request reference {ref}"]))
        title = self.pick_str(["Mr", "Ms", "Dr"])
        name = f"{title} {self.pick_str(['Ahmed', 'Jones', 'Walsh', 'Nowak', 'Baker'])}"
        greetings = ["Dear Requester,", "Dear Sir/Madam,", "Dear Applicant,", f"Dear {name},"]
        paras.append(self.pick_str(greetings))
        paras.append(fill(self.pick_str(ACKS), ctx))
        if rng.random() < 0.6:
            paras.append(fill(self.pick_str(PROCEDURE), ctx))
        labels = list(profile.labels)
        if profile.kind in ("full", "not_held"):
            self.full(profile.kind, profile.topic, ctx, paras)
        elif profile.kind == "cost_ncnd":
            paras.append(fill(self.pick_str(COST_NCND), {**ctx, "c": self.pick_str(["Section 12(2)",
                                                                                      "section 12(2)"])}))
            paras.append(fill(self.pick_str(ADVICE_COST), ctx))
        elif profile.kind == "ncnd":
            self.ncnd(labels, ctx, paras)
        else:
            self.withhold(labels, ctx, paras)
        if profile.kind == "withhold" and set(labels) - {"s12", "s14"} and rng.random() < 0.3:
            cited = {section_number(lab) for lab in labels}
            candidates = sorted(k for k in NOT_APPLIED if section_number(k) not in cited)
            if candidates:
                paras.append(fill(NOT_APPLIED[self.pick_str(candidates)], ctx))
        paras.append(fill(self.pick_str(REVIEW), ctx))
        paras.append(fill(self.pick_str(ICO), ctx))
        paras.append(f"{self.pick_str(SIGNOFFS)}\n\n{ctx['team']}\n{ctx['Org']}")
        ncnd = profile.kind in ("ncnd", "cost_ncnd") or any(lab in NCND_LABELS for lab in labels)
        return {
            "id": f"let-{number:04d}",
            "authority_type": authority_type,
            "request": request,
            "response": "\n\n".join(p for p in paras if p),
            "exemptions": [lab for lab in LABEL_ORDER if lab in labels],
            "ncnd": ncnd,
        }

    def full(self, kind: str, topic: str, ctx: dict[str, str], paras: list[str]) -> None:
        if kind == "full":
            paras.append(fill(self.pick_str(FULL_DECISIONS), ctx))
            answer = self.answer(ctx)
            if topic in TOPIC_TRAPS and self.rng.random() < 0.7:
                answer += "\n\n" + self.pick_str(TOPIC_TRAPS[topic])
            paras.append(answer)
            if self.rng.random() < 0.2:
                paras.append(fill(self.pick_str(NOT_APPLIED_FULL), ctx))
        else:
            reason = self.pick_str(NOT_HELD_REASONS)
            paras.append(fill(self.pick_str(NOT_HELD), {**ctx, "reason": reason}))

    def exemption_paragraph(self, label: str, ctx: dict[str, str], ncnd: bool) -> list[str]:
        local = {**ctx, "c": self.cite(label), "title": TITLES[label]}
        text = fill(self.pick_str(PARAS[label]), local)
        if text.startswith("the "):
            text = "T" + text[1:]
        if label in LABEL_TRAPS and self.rng.random() < 0.4:
            text += " " + self.pick_str(LABEL_TRAPS[label])
        out = [text]
        if label in FAMILY and self.rng.random() < 0.8:
            out.append(self.pit(label, ctx, ncnd))
        return out

    def exemption_list(self, labels: list[str]) -> str:
        # The summary list police disclosure logs open with: "Section 31(1)(a)(b) - Law Enforcement".
        dash = self.pick_str([" - ", " – ", " — "])
        lines = []
        for lab in labels:
            form = self.pick_str(FORMS[lab])
            lines.append(f"{form[0].upper()}{form[1:]}{dash}{TITLES[lab]}")
        return "\n".join(lines)

    def withhold(self, labels: list[str], ctx: dict[str, str], paras: list[str]) -> None:
        if labels == ["s12"] or labels == ["s12", "s21"]:
            paras.append(fill(self.pick_str(COST_DECISIONS), ctx))
        elif labels == ["s14"]:
            paras.append(fill(self.pick_str(VEX_DECISIONS), ctx))
        else:
            paras.append(fill(self.pick_str(WITHHOLD_DECISIONS), ctx))
            if self.rng.random() < 0.35:
                paras.append("Exemptions applied:\n" + self.exemption_list(labels))
            if self.rng.random() < 0.6:
                paras.append(self.answer(ctx))
        for label in labels:
            paras.extend(self.exemption_paragraph(label, ctx, ncnd=False))
            if label == "s12":
                paras.append(fill(self.pick_str(ADVICE_COST), ctx))

    def ncnd(self, labels: list[str], ctx: dict[str, str], paras: list[str]) -> None:
        paras.append(fill(self.pick_str(NCND_DECISIONS), ctx))
        if self.rng.random() < 0.5:
            paras.append(self.exemption_list(labels))
        for label in labels:
            paras.extend(self.exemption_paragraph(label, ctx, ncnd=label in NCND_LABELS))
        paras.append(self.pick_str(NCND_CLOSINGS))


def allocate(total: int) -> list[int]:
    """Letters per profile: proportional to ``Profile.count``, at least one each, summing to ``total``."""
    weight = sum(p.count for p in PROFILES)
    exact = [p.count * total / weight for p in PROFILES]
    counts = [max(1, int(x)) for x in exact]
    # Largest remainders first; ties broken by profile order so the result is deterministic.
    order = sorted(range(len(PROFILES)), key=lambda i: (-(exact[i] - int(exact[i])), i))
    i = 0
    while sum(counts) < total:
        counts[order[i % len(order)]] += 1
        i += 1
    while sum(counts) > total:
        j = max(range(len(counts)), key=lambda k: (counts[k], -k))
        counts[j] -= 1
    return counts


def generate(seed: int, total: int = 300) -> list[dict]:
    """All letters, in a shuffled but seed-determined order."""
    if total < len(PROFILES):
        raise ValueError(f"need at least {len(PROFILES)} letters to cover every profile")
    writer = LetterWriter(seed)
    plan: list[tuple[Profile, str]] = []
    for profile, count in zip(PROFILES, allocate(total), strict=True):
        for i in range(count):
            plan.append((profile, profile.authorities[i % len(profile.authorities)]))
    writer.rng.shuffle(plan)
    return [writer.letter(profile, auth, n) for n, (profile, auth) in enumerate(plan, start=1)]


def main(argv: list[str] | None = None) -> int:
    """Write the letters as JSON Lines."""
    parser = argparse.ArgumentParser(description="Generate synthetic FOIA response letters with labels.")
    parser.add_argument("--seed", type=int, default=2000, help="random seed (default: %(default)s)")
    parser.add_argument("--count", type=int, default=300, help="number of letters (default: %(default)s)")
    parser.add_argument(
        "--out", type=Path, default=HERE / "letters.jsonl", help="output file (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    letters = generate(args.seed, args.count)
    with args.out.open("w", encoding="utf-8", newline="\n") as fh:
        for letter in letters:
            fh.write(json.dumps(letter, ensure_ascii=False) + "\n")
    print(f"wrote {len(letters)} letters to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
