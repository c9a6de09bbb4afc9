// `paralign terms extract`: TSV and TBX-Basic output of the discovered term pairs; the TBX is well-formed XML that
// paralign's own glossary reader (libxml2, no network, entities refused) loads back with the expected concepts.
#include <algorithm>

#include "qa/glossary.hpp"
#include "test_support.hpp"

namespace paralign {
namespace {

using testing::run_cli;

const std::string& fixture() {
  static const std::string f = testing::source_dir() + "/tests/fixtures/qa/terms-zh-en.tsv";
  return f;
}

TEST(TermsCli, HelpListsExamples) {
  auto r = run_cli({"terms", "extract", "--help"});
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("paralign terms extract A_59_181.zh.txt A_59_181.en.txt -o"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--min-units"), std::string::npos);
  auto overview = run_cli({"terms", "--help"});
  EXPECT_EQ(overview.status, 0);
  EXPECT_NE(overview.out.find("extract"), std::string::npos);
}

TEST(TermsCli, TsvListsEachRenderingOfEachTerm) {
  auto r = run_cli({"terms", "extract", "--tsv", fixture(), "-o", "-"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("zh\ten\tunits\tnote\n", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("\n居间转卖\tbrokering\t4\trendering 1 of 2 (term in 6 units)\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n居间转卖\tintermediary trade\t2\trendering 2 of 2 (term in 6 units)\n"), std::string::npos);
  EXPECT_NE(r.out.find("\n出口管制\texport controls\t3\tterm in 3 units\n"), std::string::npos) << r.out;
}

TEST(TermsCli, TbxIsWellFormedAndReadsBackAsAGlossary) {
  const std::string out = testing::temp_dir() + "/terms.tbx";
  auto r = run_cli({"terms", "extract", "--tsv", fixture(), "-o", out});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string text = testing::slurp(out);
  EXPECT_EQ(text.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tbx type=\"TBX-Basic\"", 0), 0u);
  auto g = qa::load_glossary(out, "zh", "en");
  ASSERT_TRUE(g.ok()) << g.status().message();
  auto concept_of = [&](const std::string& zh) -> const qa::Concept* {
    for (const qa::Concept& c : g->concepts)
      for (const qa::Term& t : c.terms)
        if (t.language == "zh" && t.text == zh) return &c;
    return nullptr;
  };
  const qa::Concept* c = concept_of("居间转卖");
  ASSERT_NE(c, nullptr);
  std::vector<std::pair<std::string, qa::TermStatus>> en;
  for (const qa::Term& t : c->terms)
    if (t.language == "en") en.emplace_back(t.text, t.status);
  ASSERT_EQ(en.size(), 2u);
  EXPECT_EQ(en[0], std::make_pair(std::string("brokering"), qa::TermStatus::kPreferred));
  EXPECT_EQ(en[1], std::make_pair(std::string("intermediary trade"), qa::TermStatus::kAdmitted));
  EXPECT_NE(concept_of("出口管制"), nullptr);
  // And the extracted glossary drives the QA: the pair it was extracted from complies everywhere.
  auto qa = run_cli({"qa", "--tsv", fixture(), "--glossary", out, "--no-spelling", "--json", "-"});
  EXPECT_NE(qa.out.find("\"terms\": ["), std::string::npos);
  EXPECT_EQ(qa.out.find("term.missing"), std::string::npos) << qa.out;
}

TEST(TermsCli, UsageErrors) {
  EXPECT_EQ(run_cli({"terms", "extract", "--tsv", fixture()}).status, 2);                  // no -o
  EXPECT_EQ(run_cli({"terms", "extract", "--tsv", fixture(), "-o", "x.csv"}).status, 2);  // unknown format
  EXPECT_EQ(run_cli({"terms", "list"}).status, 2);
  EXPECT_EQ(run_cli({"terms", "extract", "--tsv", "/nonexistent/x.tsv", "-o", "-"}).status, 2);
}

}  // namespace
}  // namespace paralign
