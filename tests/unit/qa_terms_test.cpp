// Terms without a glossary: source-side variants on the seed A/59/181, renderings found by co-occurrence on a
// zh–en fixture, and the check-id registry against docs/qa-checks.md.
#include <algorithm>
#include <fstream>
#include <regex>
#include <set>

#include "paralign/qa.hpp"
#include "paralign/read.hpp"
#include "test_support.hpp"

namespace paralign {
namespace {

const Document& seed() {
  static const Document doc = [] {
    auto d = read_document(testing::source_dir() + "/corpora/A_59_181.zh.txt", ReadOptions{});
    EXPECT_TRUE(d.ok()) << d.status().message();
    return d.ok() ? std::move(*d) : Document{};
  }();
  return doc;
}

QaResult check(const QaInput& in, QaOptions opts = {}) {
  opts.spelling = false;
  auto qa = QaChecker::create(opts);
  EXPECT_TRUE(qa.ok()) << qa.status().message();
  return qa.ok() ? qa->check(in) : QaResult{};
}

std::vector<const Finding*> of_check(const QaResult& r, std::string_view check) {
  std::vector<const Finding*> v;
  for (const Finding& f : r.findings)
    if (f.check == check) v.push_back(&f);
  return v;
}

QaInput fixture() {
  auto in = qa_input_from_tsv(testing::slurp(testing::source_dir() + "/tests/fixtures/qa/terms-zh-en.tsv"),
                              "terms-zh-en.tsv");
  EXPECT_TRUE(in.ok());
  return in.ok() ? std::move(*in) : QaInput{};
}

TEST(QaTerms, SeedSourceAloneReportsBrokeringVariantsAndNothingElse) {
  auto in = qa_input_from_documents(seed(), {}, AlignOptions{});
  ASSERT_TRUE(in.ok()) << in.status().message();
  QaResult r = check(*in);
  auto v = of_check(r, "consistency.source-variants");
  ASSERT_EQ(v.size(), 1u) << "docs/qa-checks.md lists what the seed must report";
  EXPECT_NE(v[0]->message.find("居间转卖"), std::string::npos) << v[0]->message;
  EXPECT_NE(v[0]->message.find("中介"), std::string::npos) << v[0]->message;
  EXPECT_EQ(v[0]->language, "");
  // The span points at 中介 in the unit the finding is on.
  ASSERT_FALSE(v[0]->spans.empty());
  const std::string& text = in->units[v[0]->unit].sides[0].text;
  EXPECT_EQ(text.substr(v[0]->spans[0].offset, v[0]->spans[0].length), "中介");
  // Nothing else fires on the published Chinese alone: the structure is sound.
  EXPECT_EQ(r.findings.size(), 1u);
  for (const Finding& f : r.findings) EXPECT_EQ(f.check.rfind("structure.", 0), std::string::npos) << f.message;
}

TEST(QaTerms, SeedStructureHas76ParagraphsInOrderAnd16FootnotesAllReferenced) {
  std::vector<int> paragraphs, footnotes;
  std::set<int> referenced;
  for (const Block& b : seed().blocks) {
    if (b.kind == BlockKind::kParagraph && b.number) paragraphs.push_back(*b.number);
    if (b.kind == BlockKind::kFootnote && b.number) footnotes.push_back(*b.number);
    for (const FootnoteMarker& m : b.markers) referenced.insert(m.number);
  }
  ASSERT_EQ(paragraphs.size(), 76u);
  for (std::size_t i = 0; i < paragraphs.size(); ++i) EXPECT_EQ(paragraphs[i], static_cast<int>(i + 1));
  ASSERT_EQ(footnotes.size(), 16u);
  for (int n : footnotes) EXPECT_TRUE(referenced.count(n)) << "footnote " << n << " is never referenced";
}

TEST(QaTerms, VariantsNeedSharedFramesAndAreNotCoordinatedTerms) {
  auto disc = TermDiscoverer::create({});
  ASSERT_TRUE(disc.ok()) << disc.status().message();
  auto in = qa_input_from_documents(seed(), {}, AlignOptions{});
  ASSERT_TRUE(in.ok());
  TermDiscovery d = disc->discover(*in);
  ASSERT_EQ(d.variants.size(), 1u);
  EXPECT_EQ(d.variants[0].first, "居间转卖");
  EXPECT_EQ(d.variants[0].second, "中介");
  EXPECT_GE(d.variants[0].frames.size(), 2u);
  // The same text with the two terms once joined by 和 names two things: no variant.
  QaInput joined = *in;
  joined.units.back().sides[0].text += "居间转卖和中介";
  EXPECT_TRUE(disc->discover(joined).variants.empty());
  // Asking for more shared frames than the text has: no variant either.
  TermDiscoveryOptions strict;
  strict.min_shared_frames = 3;
  auto disc3 = TermDiscoverer::create(strict);
  ASSERT_TRUE(disc3.ok());
  EXPECT_TRUE(disc3->discover(*in).variants.empty());
}

TEST(QaTerms, TermRenderedTwoWaysIsReportedWhereTheMinorityRenderingIs) {
  QaInput in = fixture();
  QaResult r = check(in);
  auto v = of_check(r, "consistency.term-renderings");
  ASSERT_EQ(v.size(), 2u);
  for (const Finding* f : v) {
    EXPECT_EQ(f->language, "en");
    EXPECT_NE(in.units[f->unit].sides[1].text.find("intermediary trade"), std::string::npos);
    EXPECT_NE(f->message.find("“brokering” in 4 units"), std::string::npos) << f->message;
    // Both sides highlighted: 居间转卖 in the source, the rendering in the target.
    ASSERT_EQ(f->spans.size(), 2u);
    EXPECT_EQ(in.units[f->unit].sides[0].text.substr(f->spans[0].offset, f->spans[0].length), "居间转卖");
    EXPECT_EQ(in.units[f->unit].sides[1].text.substr(f->spans[1].offset, f->spans[1].length), "intermediary trade");
  }
  auto s = of_check(r, "consistency.shared-rendering");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_NE(s[0]->message.find("“居间转卖”"), std::string::npos);
  EXPECT_NE(s[0]->message.find("“中介”"), std::string::npos);
  // 出口管制 → "export control(s)" throughout: consistent, so nothing about it.
  for (const Finding& f : r.findings) EXPECT_EQ(f.message.find("出口管制"), std::string::npos) << f.message;
}

TEST(QaTerms, ConsistentTranslationRaisesNoTermFinding) {
  QaInput in = fixture();
  // Make the two "intermediary trade" units say "brokering": one rendering left.
  for (QaUnit& u : in.units) {
    std::string& t = u.sides[1].text;
    if (auto p = t.find("intermediary trade"); p != std::string::npos) t.replace(p, 18, "brokering");
  }
  QaResult r = check(in);
  EXPECT_TRUE(of_check(r, "consistency.term-renderings").empty());
  auto disc = TermDiscoverer::create({});
  ASSERT_TRUE(disc.ok());
  TermDiscovery d = disc->discover(in);
  auto it = std::find_if(d.terms.begin(), d.terms.end(), [](const DiscoveredTerm& t) { return t.source == "居间转卖"; });
  ASSERT_NE(it, d.terms.end());
  ASSERT_EQ(it->renderings.size(), 1u);
  EXPECT_EQ(it->renderings[0].text, "brokering");
  EXPECT_EQ(it->renderings[0].units.size(), 6u);
}

TEST(QaTerms, DisablingTheFamilySilencesTheFindings) {
  QaOptions opts;
  opts.disabled = {"consistency.term-renderings", "consistency.shared-rendering"};
  QaResult r = check(fixture(), opts);
  EXPECT_TRUE(of_check(r, "consistency.term-renderings").empty());
  EXPECT_TRUE(of_check(r, "consistency.shared-rendering").empty());
}

// Every check id the library can emit is documented (its id, what it catches, an example, how to silence it).
// What TermDiscoverer finds in a small TSV memory written for the test: "source → rendering" per target language.
std::vector<std::string> discovered(const std::string& tsv) {
  auto in = qa_input_from_tsv(tsv, "fixture.tsv");
  EXPECT_TRUE(in.ok()) << in.status().message();
  auto disc = TermDiscoverer::create({});
  EXPECT_TRUE(disc.ok()) << disc.status().message();
  std::vector<std::string> out;
  if (!in.ok() || !disc.ok()) return out;
  for (const DiscoveredTerm& t : disc->discover(*in).terms)
    for (const TermRendering& r : t.renderings) out.push_back(t.source + " → " + r.text);
  return out;
}

TEST(QaTerms, AFragmentCutOutOfLongerWordsIsNoTerm) {
  // 受法 recurs with different neighbours on both sides, but every time as the end of 受 and the start of 法律 or
  // 法院 (ICU's word segmentation says so): a fragment, not a term, whatever the English around it.
  const std::string tsv =
      "zh\ten\n"
      "人人平等受法律保护。\tAll are equal and protected by the law.\n"
      "儿童应受法律保障。\tChildren shall be safeguarded by the law.\n"
      "难民同样受法院管辖。\tRefugees are equally subject to the jurisdiction of the court.\n";
  for (const std::string& d : discovered(tsv)) EXPECT_EQ(d.find("受法 →"), std::string::npos) << d;
}

TEST(QaTerms, AFunctionWordEndingInSIsNoRendering) {
  // "dans" is on the French function-word list; folding the plural -s must not turn it into "dan", a word the
  // list does not have. Here it is the only word that comes with 维持和平 in all three units.
  const std::string tsv =
      "zh\tfr\n"
      "各国在维持和平方面进行合作。\tLes États coopèrent dans les opérations de terrain.\n"
      "秘书处支持维持和平行动。\tLe Secrétariat apporte son aide dans les missions.\n"
      "大会审议了维持和平经费。\tL'Assemblée générale se penche dans le budget.\n"
      "会员国提交了报告。\tLes États Membres ont présenté des rapports.\n"
      "委员会通过了决议。\tLa Commission a adopté une résolution.\n";
  for (const std::string& d : discovered(tsv)) EXPECT_EQ(d.find("→ dans"), std::string::npos) << d;
}

TEST(QaCheckIds, EveryIdIsDocumentedWithExampleAndSilencing) {
  const std::string doc = testing::slurp(testing::source_dir() + "/docs/qa-checks.md");
  ASSERT_FALSE(qa_check_ids().empty());
  for (const std::string& id : qa_check_ids()) {
    // A table row of its own: | `id` | severity | catches | example | silence |
    std::regex row("\\n\\| `" + std::regex_replace(id, std::regex("\\."), "\\.") +
                   "` \\|([^|\\n]*\\|){4}[^\\n]*\\n");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(doc, m, row)) << id << " has no row with five cells in docs/qa-checks.md";
    std::string line = m.str();
    std::vector<std::string> cells;
    std::size_t start = line.find('|', 1);
    while (start != std::string::npos) {
      std::size_t next = line.find('|', start + 1);
      if (next == std::string::npos) break;
      cells.push_back(line.substr(start + 1, next - start - 1));
      start = next;
    }
    ASSERT_GE(cells.size(), 4u) << id;
    for (std::size_t i = 0; i < 4; ++i)
      EXPECT_GT(cells[i].find_first_not_of(' '), 0u) << id << ": empty cell " << i + 1 << " in docs/qa-checks.md";
    EXPECT_NE(line.find("--"), std::string::npos) << id << ": the row must say how to silence it (an option)";
  }
}

// Every id literal in the QA sources is in the registry: a new check cannot skip the documentation.
TEST(QaCheckIds, SourcesUseOnlyRegisteredIds) {
  const std::set<std::string> ids(qa_check_ids().begin(), qa_check_ids().end());
  const std::regex literal("\"((term|consistency|number|date|reference|structure|form|spelling)\\.[a-z-]+)\"");
  const std::regex family("\"\\{\\}\\.([a-z-]+)\"");
  std::size_t seen = 0;
  for (const char* file : {"checks_form.cpp", "checks_memory.cpp", "checks_spelling.cpp", "checks_terms.cpp",
                           "checks_values.cpp", "checks_discovered.cpp", "checks_length.cpp"}) {
    const std::string path = testing::source_dir() + "/src/qa/" + file;
    std::ifstream probe(path);
    if (!probe) continue;
    const std::string text = testing::slurp(path);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), literal); it != std::sregex_iterator(); ++it) {
      ++seen;
      EXPECT_TRUE(ids.count((*it)[1])) << (*it)[1] << " (in src/qa/" << file << ") is not in qa_check_ids()";
    }
    // Ids composed as "{}.mismatch" with a family: the suffix must exist for number, date or reference.
    for (auto it = std::sregex_iterator(text.begin(), text.end(), family); it != std::sregex_iterator(); ++it) {
      ++seen;
      const std::string suffix = (*it)[1];
      EXPECT_TRUE(ids.count("number." + suffix) || ids.count("date." + suffix) || ids.count("reference." + suffix))
          << suffix << " (in src/qa/" << file << ")";
    }
  }
  EXPECT_GT(seen, 15u);
}

// And the findings a real run produces carry registered ids only.
TEST(QaCheckIds, FindingsUseOnlyRegisteredIds) {
  const std::set<std::string> ids(qa_check_ids().begin(), qa_check_ids().end());
  QaInput in = fixture();
  in.units[0].sides[1].text = "States should strengthen the  control of brokering activities (2004.";
  in.units[1].sides[1].text = "非法居间转卖助长了区域冲突。";
  QaResult r = check(in);
  EXPECT_GE(r.by_check.size(), 4u);
  for (const Finding& f : r.findings) EXPECT_TRUE(ids.count(f.check)) << f.check;
}

}  // namespace
}  // namespace paralign
