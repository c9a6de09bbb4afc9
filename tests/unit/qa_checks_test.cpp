// The QA stage: each check family on Chinese↔English UN sentences written for these tests, with the false alarms
// other tools raise on Chinese (。 vs ., （ vs (, three for 三) asserted NOT to fire.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <set>

#include "paralign/qa.hpp"
#include "qa/glossary.hpp"
#include "qa/speller.hpp"
#include "test_support.hpp"

namespace paralign {
namespace {

QaInput pairs(const std::vector<std::pair<std::string, std::string>>& units, std::string tgt = "en") {
  QaInput in;
  in.languages = {"zh", tgt};
  for (const auto& [s, t] : units) {
    QaUnit u;
    u.sides = {{s}, {t}};
    in.units.push_back(u);
  }
  return in;
}

QaChecker make(QaOptions opts = {}) {
  auto c = QaChecker::create(opts);
  EXPECT_TRUE(c.ok()) << c.status().to_string();
  return std::move(*c);
}

std::multiset<std::string> checks_of(const QaResult& r) {
  std::multiset<std::string> out;
  for (const Finding& f : r.findings) out.insert(f.check);
  return out;
}

std::string glossary_path() { return testing::source_dir() + "/corpora/data/glossary/un-sample.csv"; }

struct Case {
  const char* name;
  const char* zh;
  const char* en;
  const char* check;  // the check that must fire, or "" for none of the family
  const char* family; // the family examined
};

// --- form --------------------------------------------------------------------------------------------------------

TEST(QaForm, FiresOnRealDefectsAndNotOnScriptDifferences) {
  const Case cases[] = {
      {"empty target", "会员国提交了报告。", "", "form.empty", "form"},
      {"untranslated equal", "小武器和轻武器", "小武器和轻武器", "form.untranslated", "form"},
      {"chinese left in english", "秘书长收到了答复。", "The Secretary-General received 答复意见共计 replies.",
       "form.untranslated", "form"},
      {"unbalanced paren", "（a）加强国家立法；", "(a) Strengthening national legislation (including controls;",
       "form.brackets", "form"},
      {"unbalanced quotes", "所谓“中间商”是指", "The so-called “broker is", "form.brackets", "form"},
      {"double space", "这是一份报告。", "This is  a report.", "form.spaces", "form"},
      // Must not fire: full stop 。 vs ., full-width brackets vs ASCII, a symbol kept as is.
      {"end punctuation", "会员国提交了报告。", "Member States submitted reports.", "", "form"},
      {"question mark", "是否需要一项国际文书？", "Is an international instrument needed?", "", "form"},
      {"fullwidth brackets", "安全理事会第1373（2001）号决议", "Security Council resolution 1373 (2001)", "", "form"},
      {"symbol only", "A/59/181", "A/59/181", "", "form"},
      {"chinese quotes", "“居间转卖”一词", "the term “brokering”", "", "form"},
      {"source already unbalanced", "（续", "(continued", "", "form"},
  };
  QaOptions opts;
  opts.spelling = false;
  QaChecker qa = make(opts);
  for (const Case& c : cases) {
    QaResult r = qa.check(pairs({{c.zh, c.en}}));
    std::vector<std::string> fam;
    for (const Finding& f : r.findings)
      if (f.check.rfind(std::string(c.family) + ".", 0) == 0) fam.push_back(f.check);
    if (*c.check) {
      EXPECT_NE(std::find(fam.begin(), fam.end(), c.check), fam.end()) << c.name;
    } else {
      EXPECT_TRUE(fam.empty()) << c.name << ": " << (fam.empty() ? "" : fam.front());
    }
  }
}

TEST(QaForm, UntranslatedSpanPointsAtTheChineseRun) {
  QaOptions opts;
  opts.spelling = false;
  QaResult r = make(opts).check(pairs({{"秘书长收到了答复。", "Replies: 秘书长收到了答复。"}}));
  ASSERT_EQ(r.findings.size(), 1u);
  const Finding& f = r.findings[0];
  EXPECT_EQ(f.check, "form.untranslated");
  EXPECT_EQ(f.severity, Severity::kError);
  ASSERT_EQ(f.spans.size(), 1u);
  EXPECT_EQ(f.spans[0].language, "en");
  EXPECT_EQ(f.spans[0].offset, 9u);
  EXPECT_EQ(f.spans[0].length, std::string("秘书长收到了答复").size());  // the run, without the final 。
}

// --- glossary ------------------------------------------------------------------------------------------------------

TEST(QaGlossary, ParsesCsvTbx2019AndTbx2009) {
  auto csv = qa::load_glossary(glossary_path(), "zh", "en");
  ASSERT_TRUE(csv.ok()) << csv.status().to_string();
  EXPECT_GE(csv->concepts.size(), 15u);
  // Lines sharing a source term are one concept: 小武器和轻武器 has its preferred and deprecated renderings.
  const auto& c0 = csv->concepts[0];
  EXPECT_EQ(c0.terms[0].text, "小武器和轻武器");
  ASSERT_EQ(c0.terms.size(), 3u);
  EXPECT_EQ(c0.terms[2].status, qa::TermStatus::kDeprecated);
  // A quoted field with a comma.
  EXPECT_TRUE(std::any_of(csv->concepts.begin(), csv->concepts.end(), [](const qa::Concept& c) {
    return c.terms.size() == 2 && c.terms[1].note.find("timely and reliable") != std::string::npos;
  }));

  auto tbx = qa::load_glossary(testing::source_dir() + "/corpora/data/glossary/un-sample.tbx", "zh", "en");
  ASSERT_TRUE(tbx.ok()) << tbx.status().to_string();
  ASSERT_EQ(tbx->concepts.size(), 5u);
  EXPECT_EQ(tbx->concepts[4].terms[2].text, "Program of Action");
  EXPECT_EQ(tbx->concepts[4].terms[2].status, qa::TermStatus::kSuperseded);
  EXPECT_EQ(tbx->concepts[2].terms[3].note, "brokering is the UN term for the intermediary activity");

  auto old = qa::load_glossary(testing::source_dir() + "/tests/fixtures/qa/glossary-2009.tbx", "zh", "en");
  ASSERT_TRUE(old.ok()) << old.status().to_string();
  ASSERT_EQ(old->concepts.size(), 2u);
  EXPECT_EQ(old->concepts[0].terms[0].language, "zh");
  EXPECT_EQ(old->concepts[0].terms[2].status, qa::TermStatus::kDeprecated);
  EXPECT_EQ(old->concepts[1].terms[1].text, "Member States");
}

TEST(QaGlossary, RejectsMalformedInputWithALine) {
  const struct {
    const char* text;
    ErrorCode code;
    std::size_t line;
  } cases[] = {
      {"zh,en\n小武器,small arms,favourite\n", ErrorCode::kParse, 2},
      {"小武器\n", ErrorCode::kParse, 1},
      {"zh,en\n小武器,small arms\n小武器,small arms\n", ErrorCode::kParse, 3},
      {"\"小武器,small arms\n", ErrorCode::kParse, 1},
      {"<tbx><text><body><conceptEntry><langSec><termSec><term>x</term></termSec></langSec></conceptEntry></body></text></tbx>",
       ErrorCode::kParse, 1},
      {"<martif><text>", ErrorCode::kParse, 1},
      // A region without a language (a fuzzer's find: the term came back with no language at all).
      {"<martif><text><body><termEntry>\n<langSet xml:lang=\"-GB\"><tig><term>Member States</term></tig></langSet>"
       "</termEntry></body></text></martif>",
       ErrorCode::kParse, 2},
      {"<!DOCTYPE tbx [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><tbx><text><body><conceptEntry><langSec "
       "xml:lang=\"en\"><termSec><term>&e;</term></termSec></langSec></conceptEntry></body></text></tbx>",
       ErrorCode::kParse, 1},
      {"", ErrorCode::kEmpty, 0},
  };
  for (const auto& c : cases) {
    auto g = qa::parse_glossary(c.text, "g.csv", "zh", "en");
    ASSERT_FALSE(g.ok()) << c.text;
    EXPECT_EQ(g.status().code(), c.code) << c.text << " → " << g.status().to_string();
    if (c.line) EXPECT_EQ(g.status().where().line, c.line) << c.text << " → " << g.status().to_string();
  }
}

TEST(QaTerms, LongestMatchStemsAndDeprecatedTerms) {
  QaOptions opts;
  opts.spelling = false;
  opts.glossary_path = glossary_path();
  QaChecker qa = make(opts);
  const Case cases[] = {
      // Longest first: 小武器和轻武器 is one term, not 小武器 + 轻武器.
      {"longest match", "打击小武器和轻武器非法贸易。", "Combating the illicit trade in small arms and light weapons.", "",
       "term"},
      {"inflected brokering", "各国应管制居间转卖活动。", "States should regulate the brokering of arms.", "", "term"},
      {"inflected brokers", "中间商必须登记。", "Brokers must be registered.", "", "term"},
      {"multi-word inflection", "秘书长收到了最终用户证书。", "The Secretary-General received end-user certificates.", "",
       "term"},
      {"case-insensitive", "行动纲领的执行", "implementation of the programme of action", "", "term"},
      {"missing rendering", "各国应管制居间转卖活动。", "States should regulate intermediaries.", "term.missing", "term"},
      {"deprecated", "最终用户证书的核查", "verification of end-use certificates", "term.deprecated", "term"},
      {"superseded", "会员国的答复", "replies from member countries", "term.deprecated", "term"},
      {"deprecated spelling", "行动纲领的执行", "implementation of the Program of Action", "term.deprecated", "term"},
      // A shorter deprecated rendering inside an approved one is not a use of it.
      {"no partial alarm", "小武器和轻武器问题", "the question of small arms and light weapons", "", "term"},
  };
  for (const Case& c : cases) {
    QaResult r = qa.check(pairs({{c.zh, c.en}}));
    std::vector<const Finding*> fam;
    for (const Finding& f : r.findings)
      if (f.check.rfind("term.", 0) == 0) fam.push_back(&f);
    if (*c.check) {
      ASSERT_EQ(fam.size(), 1u) << c.name;
      EXPECT_EQ(fam[0]->check, c.check) << c.name << ": " << fam[0]->message;
    } else {
      EXPECT_TRUE(fam.empty()) << c.name << ": " << (fam.empty() ? "" : fam[0]->message);
    }
  }
}

TEST(QaTerms, DeprecatedFindingNamesTheApprovedTermAndCountsPerTerm) {
  QaOptions opts;
  opts.spelling = false;
  opts.glossary_path = glossary_path();
  QaResult r = make(opts).check(pairs({
      {"最终用户证书的核查", "verification of end-use certificates"},
      {"最终用户证书", "end-user certificate"},
      {"伪造的最终用户证书", "forged end-user certificates"},
  }));
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].severity, Severity::kError);
  EXPECT_NE(r.findings[0].message.find("“end-user certificate”"), std::string::npos) << r.findings[0].message;
  ASSERT_EQ(r.findings[0].spans.size(), 2u);
  EXPECT_EQ(r.findings[0].spans[1].offset, std::string("verification of ").size());
  auto t = std::find_if(r.terms.begin(), r.terms.end(), [](const TermReport& t) { return t.source == "最终用户证书"; });
  ASSERT_NE(t, r.terms.end());
  EXPECT_EQ(t->occurrences, 3u);
  EXPECT_EQ(t->compliant, 2u);
  EXPECT_EQ(t->violations, 1u);
}

// --- consistency and structure -------------------------------------------------------------------------------------

TEST(QaConsistency, SameSourceTwoTargetsAndSameTargetTwoSources) {
  QaOptions opts;
  opts.spelling = false;
  opts.disabled = {"number"};
  QaResult r = make(opts).check(pairs({
      {"会员国提交了报告。", "Member States submitted reports."},
      {"会员国提交了报告。", "Member States submitted reports."},
      {"会员国提交了报告。", "Member States have submitted reports."},
      {"各国提交了报告。", "States submitted reports."},
      {"国家提交了报告。", "States submitted reports."},
      {"1", "1"},  // bare numbers never group
      {"1", "1."},
  }));
  std::vector<std::pair<std::string, std::size_t>> got;
  for (const Finding& f : r.findings) got.emplace_back(f.check, f.unit);
  EXPECT_EQ(got, (std::vector<std::pair<std::string, std::size_t>>{{"consistency.source", 2},
                                                                    {"consistency.target", 4}}));
}

TEST(QaStructure, ParagraphsMissingDuplicatedOutOfOrderAndFootnotes) {
  QaInput in;
  in.languages = {"zh", "en"};
  auto add = [&](std::string sp, std::string tp, std::vector<int> sf = {}, std::vector<int> tf = {}) {
    QaUnit u;
    u.sides = {{"案文", sp, sf}, {"text", tp, tf}};
    in.units.push_back(u);
  };
  add("1", "1");
  add("2", "2", {1}, {1});
  add("3", "");        // paragraph 3 missing in English
  add("4", "3");       // English numbering slipped
  add("5", "5", {2}, {});
  add("5", "5");       // duplicated in both
  QaOptions opts;
  opts.spelling = false;
  opts.consistency = false;
  QaResult r = make(opts).check(in);
  std::multiset<std::string> got = checks_of(r);
  EXPECT_EQ(got.count("structure.paragraph-missing"), 1u);  // 4 on the source only (3 exists on both sides)
  EXPECT_EQ(got.count("structure.paragraph-duplicate"), 2u);
  EXPECT_EQ(got.count("structure.footnote"), 1u);
  EXPECT_EQ(got.count("structure.paragraph-order"), 0u);
}

// --- spelling ------------------------------------------------------------------------------------------------------

// The words of `text` the spelling check flagged, in order.
std::vector<std::string> misspelled(const QaResult& r, const std::string& text) {
  std::vector<std::string> flagged;
  for (const Finding& f : r.findings)
    if (f.check == "spelling.unknown")
      for (const QaSpan& sp : f.spans) flagged.push_back(text.substr(sp.offset, sp.length));
  return flagged;
}

TEST(QaSpelling, UnEnglishWithTheWordListAndSkips) {
  QaOptions opts;
  auto c = QaChecker::create(opts);
  ASSERT_TRUE(c.ok());
  QaResult probe = c->check(pairs({{"报告", "report"}}));
  if (std::any_of(probe.notes.begin(), probe.notes.end(), [](const std::string& n) { return n.find("spelling") != std::string::npos; }))
    GTEST_SKIP() << "no English Hunspell dictionary installed";
  const struct {
    const char* en;
    std::vector<std::string> flagged;
  } cases[] = {
      {"The organization's programme of peacebuilding and peacekeeping.", {}},
      {"UNODC and ECOWAS, see A/59/181 and www.un.org, in 2004.", {}},
      {"Preambular paragraphs on mainstreaming gender, per cent and judgement.", {}},
      {"The Secretary-General recognizes the capacity-building needs.", {}},
      {"The goverment recieved the reports.", {"goverment", "recieved"}},
  };
  for (const auto& cs : cases) {
    QaResult r = c->check(pairs({{"报告", cs.en}}));
    EXPECT_EQ(misspelled(r, cs.en), cs.flagged) << cs.en;
  }
}

// Russian, French and Spanish: acronyms and names in their own scripts, не joined to a known word, elided articles
// before a name and the UN word lists' stems pass; misspellings are still found. Each language runs where its
// Hunspell dictionary is installed.
TEST(QaSpelling, RussianFrenchSpanishWithTheirWordListsAndSkips) {
  const struct {
    const char* lang;
    const char* text;
    std::vector<std::string> flagged;
  } cases[] = {
      {"ru", "МАГАТЭ и ЮНИСЕФ в Косово: гендерного равенства и миростроительства.", {}},
      {"ru", "Комитет по делам несамоуправляющихся территорий и г-жа Петрова.", {}},
      {"ru", "Правительство получило доклды и рекомендаци.", {"доклды", "рекомендаци"}},
      {"fr", "L'AIEA en Iraq et le développement socioéconomique d'Abyei.", {}},
      {"fr", "Les resources extrabudgétaires iraquiennes.", {"resources"}},
      {"es", "El empoderamiento de las mujeres y los órganos intergubernamentales subregionales.", {}},
      {"es", "El goberno recibió los imformes.", {"goberno", "imformes"}},
  };
  auto c = QaChecker::create(QaOptions{});
  ASSERT_TRUE(c.ok());
  for (const auto& cs : cases) {
    QaResult r = c->check(pairs({{"报告", cs.text}}, cs.lang));
    if (std::any_of(r.notes.begin(), r.notes.end(), [](const std::string& n) { return n.find("spelling") != std::string::npos; })) {
      std::cout << "no " << cs.lang << " Hunspell dictionary installed: not checked\n";
      continue;
    }
    EXPECT_EQ(misspelled(r, cs.text), cs.flagged) << cs.text;
  }
}

// --- framework -----------------------------------------------------------------------------------------------------

TEST(QaFramework, ACheckerUsedOnceFindsWhatAConstOneFindsAndSparesItsCopies) {
  // check() && lets the dictionaries go before the memory-wide checks: the findings (spelling among them) must be
  // those of check() const&, and a copy still shared must keep its dictionaries.
  QaOptions opts;
  auto c = QaChecker::create(opts);
  ASSERT_TRUE(c.ok());
  const QaInput in = pairs({{"政府收到了报告。", "The goverment recieved the reports."},
                            {"截至 2004 年 7 月 15 日，共收到六十二份答复。", "As at 15 July 2004, 26 replies had been received."},
                            {"政府收到了报告。", "The Government received the report."}});
  const QaResult expected = c->check(in);
  auto ids = [](const QaResult& r) {
    std::vector<std::string> v;
    for (const Finding& f : r.findings) v.push_back(f.key + " " + f.message);
    return v;
  };
  QaChecker copy = *c;
  const QaResult moved = std::move(*c).check(in);
  EXPECT_EQ(ids(moved), ids(expected));
  EXPECT_EQ(moved.notes, expected.notes);
  EXPECT_EQ(ids(copy.check(in)), ids(expected));
  QaChecker last = copy;
  (void)std::move(copy).check(in);
  EXPECT_EQ(ids(last.check(in)), ids(expected));
  EXPECT_EQ(ids(std::move(last).check(in)), ids(expected));
}

TEST(QaFramework, SuppressionKeysSurviveReorderingAndWhitespace) {
  const std::string a = suppression_key("form.empty", "会员国提交了报告。", "");
  EXPECT_EQ(a, suppression_key("form.empty", " 会员国提交了报告。 ", ""));
  EXPECT_EQ(a, suppression_key("form.empty", "会员国提交了报告。", "  "));
  EXPECT_NE(a, suppression_key("form.untranslated", "会员国提交了报告。", ""));
  EXPECT_EQ(suppression_key("x", "６２", "a  b"), suppression_key("x", "62", "a b"));

  QaOptions opts;
  opts.spelling = false;
  QaInput in = pairs({{"会员国提交了报告。", ""}, {"各国提交了报告。", ""}});
  QaResult first = make(opts).check(in);
  ASSERT_EQ(first.findings.size(), 2u);
  const std::string dir = testing::temp_dir();
  const std::string ignore = dir + "/accepted.txt";
  {
    std::ofstream f(ignore);
    f << "# accepted by the reviser\n" << first.findings[1].key << "  # unit 1 is a heading\n";
  }
  opts.ignore_path = ignore;
  std::swap(in.units[0], in.units[1]);  // re-aligned: the unit moved, the key still matches
  QaResult again = make(opts).check(in);
  ASSERT_EQ(again.findings.size(), 1u);
  EXPECT_EQ(again.suppressed, 1u);
  EXPECT_EQ(again.findings[0].unit, 1u);
}

TEST(QaFramework, DisabledFamiliesAndCounts) {
  QaOptions opts;
  opts.spelling = false;
  opts.disabled = {"form.spaces"};
  QaResult r = make(opts).check(pairs({{"这是一份报告。", "This is  a report."}, {"报告", ""}}));
  EXPECT_EQ(checks_of(r), (std::multiset<std::string>{"form.empty"}));
  EXPECT_EQ(r.by_check.at("form.empty"), 1u);
  EXPECT_EQ(r.errors, 1u);
  EXPECT_TRUE(r.has_findings_at(Severity::kWarning));
  EXPECT_EQ(r.units, 2u);
}

TEST(QaInputTsv, ReadsHeaderEscapesAndParagraphs) {
  auto in = qa_input_from_tsv("zh\ten\n12. 会员国\\t提交\t12. Member States\n（a）项\t(a) item\n", "m.tsv");
  ASSERT_TRUE(in.ok()) << in.status().to_string();
  ASSERT_EQ(in->units.size(), 2u);
  EXPECT_EQ(in->units[0].sides[0].text, "12. 会员国\t提交");
  EXPECT_EQ(in->units[0].sides[0].paragraph, "12");
  EXPECT_EQ(in->units[0].sides[1].paragraph, "12");
  EXPECT_EQ(in->units[1].sides[1].paragraph, "");
  auto bad = qa_input_from_tsv("zh\ten\na\tb\tc\n", "m.tsv");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().where().line, 2u);
}

}  // namespace
}  // namespace paralign

namespace paralign {
namespace {

TEST(QaData, UnWordListsAreUtf8WithoutDuplicates) {
  for (const char* lang : {"en", "fr", "es", "ru"}) {
    const std::string name = std::string("un-") + lang + ".txt";
    const std::string text = testing::slurp(testing::source_dir() + "/corpora/data/wordlists/" + name);
    std::set<std::string> seen;
    std::size_t pos = 0, line = 0;
    while (pos < text.size()) {
      std::size_t nl = text.find('\n', pos);
      std::string w = text.substr(pos, nl - pos);
      pos = nl == std::string::npos ? text.size() : nl + 1;
      ++line;
      if (w.empty() || w[0] == '#') continue;
      EXPECT_EQ(w.find_first_of(" \t\r"), std::string::npos) << name << " line " << line;
      EXPECT_TRUE(seen.insert(qa::fold_case(w)).second) << name << ": duplicate '" << w << "' on line " << line;
    }
    EXPECT_GE(seen.size(), 15u) << name;
  }
}

}  // namespace
}  // namespace paralign

namespace paralign {
namespace {

TEST(QaValues, NumbersDatesAndReferencesComparedAsValues) {
  QaOptions opts;
  opts.spelling = false;
  opts.disabled = {"form", "term"};
  auto qa = QaChecker::create(opts);
  ASSERT_TRUE(qa.ok());
  const Case cases[] = {
      // True positives.
      {"changed figure", "共收到六十二份答复。", "26 replies were received.", "number.mismatch", "number"},
      {"missing percent", "答复率提高了15%。", "The response rate increased.", "number.missing", "number"},
      {"changed date", "2004 年 7 月 15 日", "15 June 2004", "date.mismatch", "date"},
      {"changed resolution", "大会第58/241号决议", "General Assembly resolution 58/214", "reference.mismatch",
       "reference"},
      {"missing symbol", "见文件A/59/150。", "See the document.", "reference.missing", "reference"},
      // The false alarms other tools raise on Chinese: none here.
      {"chinese numeral", "共收到六十二份答复。", "62 replies were received.", "", "number"},
      {"full-width digits", "共收到６２份答复。", "62 replies were received.", "", "number"},
      {"wan scale", "约有650万件武器。", "Some 6.5 million weapons.", "", "number"},
      {"date", "2004 年 7 月 15 日，", "On 15 July 2004,", "", "date"},
      {"word under ten", "举行了三届会议。", "Three sessions were held.", "", "number"},
      {"paragraph label", "12. 委员会举行了会议。", "The Committee met.", "", "number"},
      {"percent in words", "百分之十五的答复", "Fifteen per cent of the replies", "", "number"},
      {"resolution forms", "安全理事会第1373（2001）号决议", "Security Council resolution 1373 (2001)", "",
       "reference"},
      {"grouping", "共查获1 250件武器", "1,250 weapons were seized", "", "number"},
  };
  for (const Case& c : cases) {
    QaResult r = qa->check(pairs({{c.zh, c.en}}));
    std::vector<std::string> fam;
    for (const Finding& f : r.findings)
      if (f.check.rfind(std::string(c.family) + ".", 0) == 0) fam.push_back(f.check + ": " + f.message);
    if (*c.check) {
      EXPECT_FALSE(fam.empty()) << c.name;
      if (fam.empty()) continue;
      EXPECT_EQ(fam[0].substr(0, fam[0].find(':')), c.check) << c.name << ": " << fam[0];
    } else {
      EXPECT_TRUE(fam.empty()) << c.name << ": " << (fam.empty() ? "" : fam.front());
    }
  }
}

}  // namespace
}  // namespace paralign

namespace paralign {
namespace {

// The dictionary follows the target language; a missing one is a clear note naming the package, not an error.
TEST(QaSpellingLanguages, DictionaryPerTargetLanguageAndNoteWhenMissing) {
  const struct {
    const char* lang;
    const char* dict;
    const char* good;
    const char* bad_word;
  } cases[] = {
      {"en", "en_GB", "The Committee welcomed the programme and the organization of the meeting.", "recieved"},
      {"fr", "fr_FR", "Le Comité a accueilli avec satisfaction le programme du gouvernement.", "gouvernemnt"},
      {"es", "es_ES", "El Comité acogió con beneplácito el programa del gobierno.", "gobiernno"},
      {"ru", "ru_RU", "Комитет приветствовал программу правительства.", "правителства"},
  };
  for (const auto& c : cases) {
    if (!std::ifstream(std::string("/usr/share/hunspell/") + c.dict + ".dic")) {
      std::cout << "skipping " << c.lang << ": no " << c.dict << " dictionary installed\n";
      continue;
    }
    QaOptions opts;
    opts.consistency = false;
    opts.disabled = {"number", "date", "reference", "form", "structure"};
    auto qa = QaChecker::create(opts);
    ASSERT_TRUE(qa.ok());
    QaInput in;
    in.languages = {"zh", c.lang};
    QaUnit ok, bad;
    ok.sides = {{"委员会欢迎政府的方案。"}, {c.good}};
    bad.sides = {{"委员会欢迎政府的方案。"}, {std::string(c.good) + " " + c.bad_word + "."}};
    in.units = {ok, bad};
    QaResult r = qa->check(in);
    ASSERT_EQ(r.findings.size(), 1u) << c.lang << ": " << (r.findings.empty() ? "" : r.findings[0].message);
    EXPECT_EQ(r.findings[0].unit, 1u);
    EXPECT_NE(r.findings[0].message.find(c.bad_word), std::string::npos) << r.findings[0].message;
  }
  // No dictionaries at all: the result says which language was not checked and which package to install.
  QaOptions none;
  none.consistency = false;
  none.hunspell_dir = testing::temp_dir();
  auto qa = QaChecker::create(none);
  ASSERT_TRUE(qa.ok());
  QaInput in;
  in.languages = {"zh", "fr"};
  QaUnit u;
  u.sides = {{"委员会欢迎政府的方案。"}, {"Le Comité a accueilli le programme du gouvernemnt."}};
  in.units = {u};
  QaResult r = qa->check(in);
  for (const Finding& f : r.findings) EXPECT_NE(f.check, "spelling.unknown");
  bool noted = false;
  for (const std::string& n : r.notes)
    noted = noted || (n.find("spelling of fr was not checked") != std::string::npos && n.find("hunspell-fr") != std::string::npos);
  EXPECT_TRUE(noted);
}

}  // namespace
}  // namespace paralign
