#include <doctest/doctest.h>

#include <optional>
#include <stdexcept>
#include <string>

#include "model/case_numbers.hpp"
#include "segment/dates.hpp"
#include "segment/segment.hpp"

using namespace kraft;

namespace {
const Grammar& grammar() {
    static auto g = [] {
        auto x = Grammar::load(std::string(KRAFT_SOURCE_DIR) + "/grammars");
        REQUIRE_MESSAGE(x.has_value(), (x ? "" : x.error().str()));
        return *x;
    }();
    return *g;
}
Protocol parse(const std::string& text, SegmentOptions o = {}) {
    auto p = segment(text, "t.txt", grammar(), o);
    REQUIRE_MESSAGE(p.has_value(), (p ? "" : p.error().str()));
    return *p;
}
}  // namespace

TEST_CASE("paragraph headings in the usual forms") {
    const Protocol p = parse(
        "§ 8 Återrapportering kring kraftsamlande insatser\nSTK-2024-1374\n\nBeslut\nText.\n\n"
        "KF § 122\nBudget för 2026 och plan\nför 2027-2028\nDnr KS 2024/123\n\nBeslut\nText.\n\n"
        "## **§ 197** Ärendenummer SLK-2025-00035\nVal av ombud\n\nBeslut\nText.\n\n"
        "§ 198 Diarienummer 00976/2024\nMotion om bad\n\nBeslut\nText.\n");
    REQUIRE(p.paragraphs.size() == 4);
    CHECK(p.paragraphs[0].number == 8);
    CHECK(p.paragraphs[0].title == "Återrapportering kring kraftsamlande insatser");
    CHECK(p.paragraphs[0].case_numbers == std::vector<std::string>{"STK-2024-1374"});
    CHECK(p.paragraphs[1].number == 122);
    CHECK(p.paragraphs[1].title == "Budget för 2026 och plan för 2027-2028");
    CHECK(p.paragraphs[1].case_numbers == std::vector<std::string>{"KS 2024/123"});
    CHECK(p.paragraphs[2].number == 197);
    CHECK(p.paragraphs[2].title == "Val av ombud");
    CHECK(p.paragraphs[2].case_numbers == std::vector<std::string>{"SLK-2025-00035"});
    CHECK(p.paragraphs[3].case_numbers == std::vector<std::string>{"00976/2024"});
}

TEST_CASE("not paragraphs: tables of contents, § ranges, citations, a § mentioned in an appendix") {
    const Protocol p = parse(
        "Ärendelista\n§ 23 Val av justerare ........ 3\n§ 24 Budget ........ 4\nParagrafer "
        "23-24\n§§ 23-24\n\n"
        "§ 23 Val av justerare\n\nBeslut\nNämnden utser Anna Berg (S). Se KF § 101/24 och (BUN § "
        "72) samt\n"
        "§ 5 i förvaltningslagen och kommunfullmäktige 2024-06-19 § 261.\n\n"
        "§ 24 Budget\n\nBeslut\nNämnden godkänner budgeten.\n\nBilaga 1\nSärskilt yttrande\n§ 24. "
        "Budget\nText.\n");
    REQUIRE(p.paragraphs.size() == 2);
    CHECK(p.paragraphs[0].number == 23);
    CHECK(p.paragraphs[1].number == 24);
    CHECK(p.paragraphs[0].references.size() == 3);
}

TEST_CASE("page furniture does not leak into titles or decisions") {
    const Protocol p = parse(
        "§ 5 Val av\nJusterandes signatur\nUtdragsbestyrkande\n3 (16)\nordförande\n\nBeslut\n"
        "Nämnden väljer Anna Berg (S)\n<!-- sida 4 -->\n4\ntill ordförande.\n");
    REQUIRE(p.paragraphs.size() == 1);
    CHECK(p.paragraphs[0].title == "Val av ordförande");
    REQUIRE(p.paragraphs[0].decision);
    CHECK(p.paragraphs[0].decision->points ==
          std::vector<std::string>{"Nämnden väljer Anna Berg (S) till ordförande."});
}

TEST_CASE("decisions: who decides, who proposes, numbered points joined over lines") {
    const Protocol p = parse(
        "§ 16 Rapport\n\nBeslut\nKommunstyrelsen föreslår kommunfullmäktige besluta\n\n1. "
        "Kommunfullmäktige godkänner\n"
        "rapporten.\n2. Kommunfullmäktige avslutar uppdraget.\n\n"
        "§ 17 Remiss\n\nKommunstyrelsens beslut\n- att skicka förslaget på remiss,\n- att uppdra "
        "åt stadskontoret att återkomma.\n\n"
        "§ 18 Utan rubrik\nKommunstyrelsen beslutar\n\n1. Kommunstyrelsen godkänner avtalet.\n\n"
        "§ 19 Motion\n\nFörslag till beslut i byggnadsnämnden\nByggnadsnämnden föreslår "
        "kommunfullmäktige att avslå motionen.\n");
    REQUIRE(p.paragraphs.size() == 4);
    const auto& d16 = *p.paragraphs[0].decision;
    CHECK(d16.by == "Kommunstyrelsen");
    CHECK(d16.kind == DecisionKind::proposes);
    CHECK(d16.to == "Kommunfullmäktige");
    CHECK(d16.points == std::vector<std::string>{"Kommunfullmäktige godkänner rapporten.",
                                                 "Kommunfullmäktige avslutar uppdraget."});
    const auto& d17 = *p.paragraphs[1].decision;
    CHECK(d17.by == "Kommunstyrelsen");
    CHECK(d17.kind == DecisionKind::decides);
    CHECK(d17.points.size() == 2);
    CHECK(d17.points[0] == "att skicka förslaget på remiss,");
    REQUIRE(p.paragraphs[2].decision);
    CHECK(p.paragraphs[2].decision->kind == DecisionKind::decides);
    CHECK(p.paragraphs[2].decision->points ==
          std::vector<std::string>{"Kommunstyrelsen godkänner avtalet."});
    const auto& d19 = *p.paragraphs[3].decision;
    CHECK(d19.kind == DecisionKind::proposes);
    CHECK(d19.to == "Byggnadsnämnden");
}

TEST_CASE("statements: reservations, särskilda yttranden with appendices, protocol notes") {
    const Protocol p = parse(
        "§ 16 Rapport\n\nBeslut\nKommunstyrelsen beslutar\n\n1. Rapporten godkänns.\n\n"
        "Reservationer och särskilda yttranden\nJohn Eklöf (M), Farishta Sulaiman (M) och Anton "
        "Sauer (C) avser lämna in ett "
        "gemensamt särskilt yttrande, bilaga 12.\n\nMagnus Olsson (SD) och Anders Olin (SD) avser "
        "lämna in ett särskilt "
        "yttrande, bilaga 13.\n\nAnna Berg (V) reserverar sig mot beslutet till förmån för eget "
        "yrkande.\n\n"
        "Karin Ek (L) lämnar en protokollsanteckning.\n\nPer Holm (KD) avstår från att delta i "
        "beslutet.\n\n"
        "Bilaga 12\nSärskilt yttrande\nVi yttrar oss.\nJohn Eklöf (M)\n\nBilaga 13\nSärskilt "
        "yttrande\nVi tycker.\n"
        "Magnus Olsson (SD)\nAnders Olin (SD\nMed instämmande av\nAnders Pripp (SD)\n");
    REQUIRE(p.paragraphs.size() == 1);
    const auto& st = p.paragraphs[0].statements;
    REQUIRE(st.size() == 4);
    CHECK(st[0].kind == StatementKind::special_statement);
    CHECK(st[0].parties == std::vector<std::string>{"M", "C"});
    CHECK(st[0].appendix == 12);
    CHECK(st[0].persons.size() == 3);
    CHECK(st[0].text.find("Vi yttrar oss.") != std::string::npos);
    CHECK(st[1].parties == std::vector<std::string>{"SD"});
    CHECK(st[1].appendix == 13);
    REQUIRE(st[1].persons.size() == 3);
    CHECK(st[1].persons[2].name == "Anders Pripp");
    CHECK(st[2].kind == StatementKind::reservation);
    CHECK(st[2].persons == std::vector<Person>{{"Anna Berg", "V"}});
    CHECK(st[3].kind == StatementKind::protocol_note);
    CHECK(st[3].parties == std::vector<std::string>{"L"});
}

TEST_CASE("look-alikes are not statements") {
    const Protocol p = parse(
        "§ 3 Stöd\n\nBeslut\nNämnden beslutar\n\n1. Anna Berg (S) ges särskilt "
        "stöd.\n\nBeslutsgång\n"
        "Per Holm (KD) avstår från att delta i beslutet. Eva Ek (M) deltar inte i beslutet.\n\n"
        "Beslutsunderlag\n- Förskolenämnden beslut 250611 § 87 Särskilt yttrande (SD)\n- PM "
        "Särskilt yttrande om budget\n");
    REQUIRE(p.paragraphs.size() == 1);
    CHECK(p.paragraphs[0].statements.empty());
    REQUIRE(p.paragraphs[0].references.size() == 1);
    CHECK(p.paragraphs[0].references[0].statement_parties == std::vector<std::string>{"SD"});
}

TEST_CASE("the same statement announced twice is one statement; its appendix attached") {
    const Protocol p = parse(
        "§ 8 Rapport\n\nBeslutsgång\nFarishta Sulaiman (M) och Kay Wictorin (C) anmäler ett "
        "särskilt yttrande.\n\n"
        "Reservationer och särskilda yttranden\nTill kommunfullmäktiges beslut har Farishta "
        "Sulaiman (M) och Kay Wictorin (C) "
        "inkommit med ett gemensamt särskilt yttrande. Det särskilda yttrandet intas som bilaga 12 "
        "till protokollet.\n\n"
        "Bilaga 12\n\nSärskild yttrande\nText om saken.\n\nHåkan Fäldt (M) Anton Sauer (C)\n");
    const auto& st = p.paragraphs[0].statements;
    REQUIRE(st.size() == 1);
    CHECK(st[0].appendix == 12);
    CHECK(st[0].parties == std::vector<std::string>{"M", "C"});
    CHECK(st[0].persons.size() == 4);
}

TEST_CASE("references in Beslutsunderlag and running text, with their statements") {
    const Protocol p = parse(
        "§ 16 Rapport\n\nSammanfattning\nKommunfullmäktige beslutade den 26 september 2024 §189 "
        "att ge uppdraget.\n\n"
        "Beslutsunderlag\n• Förslag till beslut KSAU 251208 §564 med särskilt yttrande (M) "
        "Återrapportering\n"
        "• Arbetsmarknads- och socialnämndens beslut 250619 § 219 med reservation (M)\noch (SD)\n"
        "• Beslut KF 240926 § 189 med reservation (SD) och särskilt yttrande (M+C)\nUppdrag budget "
        "2023 (STK-2023-137-50)\n");
    const auto& r = p.paragraphs[0].references;
    REQUIRE(r.size() == 3);
    CHECK(r[0].body_name == "Kommunfullmäktige");
    CHECK(r[0].date == "2024-09-26");
    CHECK(r[0].paragraph == 189);
    CHECK(r[0].reservation_parties == std::vector<std::string>{"SD"});
    CHECK(r[0].statement_parties == std::vector<std::string>{"M", "C"});
    CHECK(r[0].case_number == "STK-2023-137");
    CHECK(r[1].body == "KSAU");
    CHECK(r[1].date == "2025-12-08");
    CHECK(r[1].statement_parties == std::vector<std::string>{"M"});
    CHECK(r[2].body_name == "Arbetsmarknads- och socialnämnden");
    CHECK(r[2].reservation_parties == std::vector<std::string>{"M", "SD"});
}

TEST_CASE("recipients and motions") {
    const Protocol p = parse(
        "§ 8 Rapport\n\nBeslutsgång\nKatrin Stjernfeldt Jammeh (S) och Roko Kursar (L) yrkar "
        "bifall till förslaget.\n\n"
        "Beslutet skickas till\nFritidsnämnden\n- Kulturnämnden\nStadskontorets "
        "handläggare\n\nBeslutsunderlag\nPM\n");
    CHECK(p.paragraphs[0].recipients == std::vector<std::string>{"Fritidsnämnden", "Kulturnämnden",
                                                                 "Stadskontorets handläggare"});
    REQUIRE(p.paragraphs[0].motions.size() == 1);
    CHECK(p.paragraphs[0].motions[0].persons.size() == 2);
}

TEST_CASE("the meeting: header table, date label, text, signature, options") {
    const Protocol a = parse(
        "Protokollsutdrag\n\n| Sammanträdestid | 2025-03-24 kl 15:00 |\n| Plats | Digitalt via "
        "Teams |\n"
        "| Utses att justera | Helena Nanne |\n\nBeslutande ledamöter\n\nStefana Hoti "
        "(MP)\n\nAndréas Schönström (S) "
        "ersätter Katrin Stjernfeldt Jammeh (S) (Ordförande)\n\nÖvriga närvarande\n\nAndreas "
        "Norbrant (stadsdirektör)\n\n"
        "§ 141 Remiss\n\nBeslut\nKommunstyrelsens arbetsutskott beslutar\n\n1. Skicka på "
        "remiss.\n");
    CHECK(a.meeting.date == "2025-03-24");
    CHECK(a.meeting.date_source == "header");
    CHECK(a.meeting.body == "Kommunstyrelsens arbetsutskott");
    CHECK(a.meeting.body_source == "text");
    CHECK(a.meeting.place == "Digitalt via Teams");
    CHECK(a.meeting.justerare == std::vector<std::string>{"Helena Nanne"});
    REQUIRE(a.meeting.attendance.size() == 3);
    CHECK(a.meeting.attendance[1].replaces == "Katrin Stjernfeldt Jammeh");
    CHECK(a.meeting.attendance[2].role == "other");
    CHECK(a.meeting.attendance[2].note == "stadsdirektör");

    const Protocol b = parse(
        "KUNGSBACKA KOMMUN SAMMANTRÄDESPROTOKOLL\nNämnden för Förskola & "
        "Grundskola\nDatum\n2024-06-12\n\n"
        "§ 59 Val\n\nBeslut\nText.\n");
    CHECK(b.meeting.body == "Nämnden för Förskola & Grundskola");
    CHECK(b.meeting.date == "2024-06-12");

    const Protocol c = parse(
        "§ 16 Rapport\n\nBeslut\nKommunstyrelsen beslutar\n\n1. Klart.\n\nBilaga 1\n"
        "Vid kommunstyrelsens sammanträde den 7 januari 2026 sades detta.\n");
    CHECK(c.meeting.body == "Kommunstyrelsen");
    CHECK(c.meeting.date == "2026-01-07");
    CHECK(c.meeting.date_source == "text");

    SegmentOptions o;
    o.date = "2026-02-01";
    o.body = "Valnämnden";
    const Protocol d = parse("§ 1 Val\n\nText.\n", o);
    CHECK(d.meeting.date == "2026-02-01");
    CHECK(d.meeting.date_source == "option");
    CHECK(d.meeting.body == "Valnämnden");
}

TEST_CASE("no § is an error naming the file") {
    auto p = segment("Bara text utan paragrafer.\n", "x.txt", grammar(), {});
    REQUIRE_FALSE(p);
    CHECK(p.error().str() == "x.txt: no paragraph (§) found: is this a protocol?");
    CHECK(segment(" \n\n", "e.txt", grammar(), {}).error().str() == "e.txt: empty file");
}

TEST_CASE("case numbers normalise to one key") {
    CHECK(normalize_case_number("STK-2024-1374") == "STK-2024-1374");
    CHECK(normalize_case_number("stk-2024-1374") == "STK-2024-1374");
    CHECK(normalize_case_number("STK 2024-1374") == "STK-2024-1374");
    CHECK(normalize_case_number("STK-2O24-1374") == "STK-2024-1374");
    CHECK(normalize_case_number("STK-2024- 1374") == "STK-2024-1374");
    CHECK(normalize_case_number("STK-2023-137-50") == "STK-2023-137");
    CHECK(normalize_case_number("KS 2023/123") == "KS-2023-123");
    CHECK(normalize_case_number("Dnr KS 2024-000123") == "");
    CHECK(normalize_case_number("KS 2024-000123") == "KS-2024-123");
    CHECK(normalize_case_number("Bun/2023:391") == "BUN-2023-391");
    CHECK(normalize_case_number("2026.113 KS") == "KS-2026-113");
    CHECK(normalize_case_number("2026.276 KS-001") == "KS-2026-276");
    CHECK(normalize_case_number("2024/50") == "2024-50");
    CHECK(normalize_case_number("2026.113") == "2026-113");
    CHECK(normalize_case_number("00976/2024") == "2024-976");
    CHECK(normalize_case_number("Beslut") == "");
}

TEST_CASE("dates") {
    CHECK(date_from_yymmdd("240926") == "2024-09-26");
    CHECK(date_from_yymmdd("241326") == std::nullopt);
    CHECK(date_from_words("7", "januari", "2026") == "2026-01-07");
    CHECK(iso_date("2026-02-30") == std::nullopt);
    CHECK(iso_date("2024-02-29") == "2024-02-29");
    CHECK(date_in_file_name("dir/2025-01-01/malmo-kf-2026-01-22-p8.txt") == "2026-01-22");
    CHECK(date_in_file_name("kf-20260122.txt") == std::nullopt);
}

TEST_CASE("grammar errors name the file and line") {
    auto bad = Grammar::from_text("paragraph\t§ (?P<num>\\d+\n", "", "", "g/protocol.tsv");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().str().starts_with("g/protocol.tsv:1: bad pattern: missing )"));
    auto unknown =
        Grammar::from_text("paragraph\t§ (?P<num>\\d+)\nparagrph\tx\n", "", "", "g/protocol.tsv");
    CHECK(unknown.error().str() == "g/protocol.tsv:2: unknown pattern name 'paragrph'");
    auto group = Grammar::from_text("\nparagraph\t§ (\\d+)\n", "", "", "g/protocol.tsv");
    CHECK(group.error().str() ==
          "g/protocol.tsv:2: pattern 'paragraph' needs the group (?P<num>...)");
    auto bodies = Grammar::from_text("paragraph\t§ (?P<num>\\d+)\n", "KF\n", "", "g/protocol.tsv");
    CHECK(bodies.error().str() == "g/bodies.tsv:1: expected: ABBREVIATION TAB NAME");
}

TEST_CASE("bodies resolve from abbreviations, names and the genitive") {
    const Grammar& g = grammar();
    CHECK(resolve_body("KF", g) == "Kommunfullmäktige");
    CHECK(resolve_body("kommunfullmäktige", g) == "Kommunfullmäktige");
    CHECK(resolve_body("Kommunfullmäktiges", g) == "Kommunfullmäktige");
    CHECK(resolve_body("socialnämndens", g) == "Socialnämnden");
    CHECK(resolve_body("Valnämnden", g) == "Valnämnden");
    CHECK(resolve_body("Kulturnämnds", g) == "Kulturnämnd");
    CHECK(resolve_body("Dagens", g) == "Dagens");  // not a body's genitive
}

TEST_CASE("a grammar loaded with only some patterns compiles and checks those on prepare()") {
    const std::string tsv =
        "paragraph\t§ (?P<num>\\d+\ncase_number\t(?P<id>[A-Z]+-\\d{4}-\\d+)\nparagrph\tx\n";
    // The broken paragraph row is not compiled, but every row's name is still checked.
    auto unknown = Grammar::from_text(tsv, "", "", "g/protocol.tsv", {"case_number"});
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().str() == "g/protocol.tsv:3: unknown pattern name 'paragrph'");
    auto g = Grammar::from_text(tsv.substr(0, tsv.rfind("paragrph")), "", "", "g/protocol.tsv",
                                {"case_number"});
    REQUIRE(g);
    // Kept, but compiled only when a command asks for it.
    CHECK_THROWS_AS((void)(*g)->first("case_number", "STK-2024-1374"), std::logic_error);
    REQUIRE((*g)->prepare("case_number"));
    REQUIRE((*g)->prepare("case_number"));  // once is enough; again does nothing
    auto m = (*g)->first("case_number", "Dnr STK-2024-1374");
    REQUIRE(m);
    CHECK(m->group("id") == "STK-2024-1374");
    // Asking for a row that was left out is a programming error, not a silent "no match".
    CHECK_THROWS_AS((void)(*g)->matches("paragraph", "§ 1"), std::logic_error);
    CHECK_FALSE((*g)->matches("toc_heading", "Innehåll"));  // not in the grammar at all
    CHECK((*g)->prepare("toc_heading"));
    // A broken row kept for later loads, and prepare() names its file and line.
    auto broken = Grammar::from_text(tsv.substr(0, tsv.rfind("paragrph")), "", "", "g/protocol.tsv",
                                     {"paragraph"});
    REQUIRE(broken);
    auto failed = (*broken)->prepare("paragraph");
    REQUIRE_FALSE(failed);
    CHECK(failed.error().str().starts_with("g/protocol.tsv:1: bad pattern: missing )"));
    CHECK_THROWS_AS((void)(*broken)->matches("paragraph", "§ 1"), std::logic_error);
    // A row without a group the segmenter reads is refused the same way.
    auto groupless = Grammar::from_text("paragraph\t§ (?P<num>\\d+)\ncase_number\t[A-Z]+-\\d{4}\n",
                                        "", "", "g/protocol.tsv", {"case_number"});
    REQUIRE(groupless);
    auto no_group = (*groupless)->prepare("case_number");
    REQUIRE_FALSE(no_group);
    CHECK(no_group.error().str() ==
          "g/protocol.tsv:2: pattern 'case_number' needs the group (?P<id>...)");
    // Loaded whole, a broken row fails the load itself.
    auto eager = Grammar::from_text(tsv.substr(0, tsv.rfind("paragrph")), "", "", "g/protocol.tsv");
    REQUIRE_FALSE(eager);
    CHECK(eager.error().str().starts_with("g/protocol.tsv:1: bad pattern: missing )"));
}

TEST_CASE("the first kind of a row family that matches, as first() over kinds() finds it") {
    const Grammar& g = grammar();
    for (const std::string line :
         {"Sammanfattning", "Förslag till beslut i kommunfullmäktige", "Beslutet skickas till",
          "Kommunstyrelsens beslut", "Beslut", "Yrkanden", "Ärendet", "Text i ärendet.", ""}) {
        CAPTURE(line);
        std::optional<std::pair<std::string, std::string>> want;  // kind, group "to"
        for (const std::string& kind : g.kinds("section."))
            if (auto m = g.first("section." + kind, line)) {
                want = {kind, std::string(m->group("to"))};
                break;
            }
        const auto got = g.first_of_kinds("section.", line);
        REQUIRE(got.has_value() == want.has_value());
        if (!got) continue;
        CHECK(got->first == want->first);
        CHECK(got->second.group("to") == want->second);
    }
    const auto proposal = g.first_of_kinds("section.", "Förslag till beslut i kommunfullmäktige");
    REQUIRE(proposal);
    CHECK(proposal->first == "proposal");
    CHECK(proposal->second.group("to") == "kommunfullmäktige");
    CHECK_FALSE(g.first_of_kinds("section.", "Text i ärendet."));
    CHECK_FALSE(g.first_of_kinds("no_such_family.", "Beslut"));
}

TEST_CASE("a grammar that captures more digits than an int holds does not crash the parser") {
    auto g = Grammar::from_text("paragraph\t^§ (?P<num>\\d+)(?:\\s+(?P<rest>.*))?$\n", "", "",
                                "g/protocol.tsv");
    REQUIRE(g);
    auto p = segment("§ 99999999999999999999 Titel\n\n§ 7 Titel\n", "big.txt", **g, {});
    REQUIRE(p);
    REQUIRE(p->paragraphs.size() == 1);
    CHECK(p->paragraphs[0].number == 7);
}

TEST_CASE("a statement kind's stored name reads back as that kind, and nothing else does") {
    for (const StatementKind k : {StatementKind::reservation, StatementKind::special_statement,
                                  StatementKind::protocol_note})
        CHECK(statement_kind_from(to_string(k)) == k);
    for (const char* other : {"decision", "paragraph", "any", "", "Reservation"})
        CHECK_FALSE(statement_kind_from(other).has_value());
}

TEST_CASE("layouts of other municipalities: case number before the title, FÖRSLAG, bare parties") {
    const Protocol p = parse(
        "VON § 81\nDnr 2024/50\nBudget inklusive mål för vård- och omsorgsnämnden\n2025\n"
        "BESLUT\nVård- och omsorgsnämnden beslutar att godkänna budgeten och att tillställa "
        "denna kommunfullmäktige.\n__________\nYrkande\nViveka Söderdahl V: Bifall.\n__________\n"
        "Benny Karlsson SD deltar inte i beslutet.\nViveka Söderdahl V reserverar sig mot "
        "beslutet.\n__________\nÄrendet i korthet\nNämnden har arbetat fram ett förslag.\n\n"
        "VON § 82\nDnr 2024/96\nOmsorgsavgifter 2025\nFÖRSLAG – Kommunfullmäktige\n"
        "Vård- och omsorgsnämnden beslutar föreslå kommunfullmäktige att fastställa nivåerna, "
        "att gälla från 2025-01-01.\n__________\n\n"
        "§ 83 2026.113 KS\nTaxor och avgifter 2026\nBeslut\nSekreteraren genomför ett upprop. "
        "Taxorna antas. Redovisning ska ske i januari.\n\nDelegationsbeslut\n"
        "•   2026.276 KS-001 Avtal om arrende\n\n"
        "§ 84 Meddelanden\n\nInformationen noteras.\nAnmälningar\n• Rapport\n");
    REQUIRE(p.paragraphs.size() == 4);
    const Paragraph& a = p.paragraphs[0];
    CHECK(a.title == "Budget inklusive mål för vård- och omsorgsnämnden 2025");
    CHECK(a.case_numbers == std::vector<std::string>{"2024/50"});
    REQUIRE(a.decision);
    CHECK(a.decision->points.size() == 2);
    CHECK(a.decision->points[1] == "att tillställa denna kommunfullmäktige.");
    REQUIRE(a.statements.size() == 1);
    CHECK(a.statements[0].kind == StatementKind::reservation);
    CHECK(a.statements[0].persons == std::vector<Person>{{"Viveka Söderdahl", "V"}});
    const Paragraph& b = p.paragraphs[1];
    CHECK(b.title == "Omsorgsavgifter 2025");
    REQUIRE(b.decision);
    CHECK(b.decision->kind == DecisionKind::proposes);
    CHECK(b.decision->to == "Kommunfullmäktige");
    CHECK(b.decision->points.size() == 1);
    const Paragraph& c = p.paragraphs[2];
    CHECK(c.title == "Taxor och avgifter 2026");
    CHECK(c.case_numbers == std::vector<std::string>{"2026.113 KS"});
    REQUIRE(c.decision);
    CHECK(c.decision->points ==
          std::vector<std::string>{"Taxorna antas. Redovisning ska ske i januari."});
    REQUIRE(p.paragraphs[3].decision);
    CHECK(p.paragraphs[3].decision->points == std::vector<std::string>{"Informationen noteras."});
}

TEST_CASE("parties: local ones in parentheses, a group by its parties, votes as N Ja mot M Nej") {
    const Protocol p = parse(
        "§ 5 Budget\n\nBeslut\nKommunfullmäktige beslutar\n\n1. Budgeten fastställs.\n\n"
        "Omröstning\nOmröstningen utfaller med 30 Ja mot 25 Nej.\n\nReservationer\n"
        "Anna Berg (D) reserverar sig mot beslutet.\n\nLedamöterna från M, KD och SD reserverar "
        "sig mot beslutet.\n");
    REQUIRE(p.paragraphs.size() == 1);
    const auto& st = p.paragraphs[0].statements;
    REQUIRE(st.size() == 2);
    CHECK(st[0].parties == std::vector<std::string>{"D"});
    CHECK(st[1].kind == StatementKind::reservation);
    CHECK(st[1].parties == std::vector<std::string>{"M", "KD", "SD"});
    REQUIRE(p.paragraphs[0].vote);
    CHECK(p.paragraphs[0].vote->yes == 30);
    CHECK(p.paragraphs[0].vote->no == 25);
}
