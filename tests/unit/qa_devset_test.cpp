// False-alarm rates of the QA checks on real, published UN translations: the 4,000 six-way sentences of the shared
// UN development set (line i of each file is the same sentence). Any finding of the number/date/reference families
// on these pairs is a false alarm or an error in the published text; docs/qa-false-alarms.md records the measured
// rates and classifies the flags inspected. Print them with
//   cd build && PARALIGN_QA_PRINT=1 ./qa_devset_test --gtest_filter='*Number*'
#include <algorithm>
#include <fstream>
#include <iostream>
#include <set>

#include "paralign/qa.hpp"
#include "test_support.hpp"

namespace paralign {
namespace {

std::vector<std::string> lines_of(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

QaInput devset_pair(const std::string& tgt) {
  const std::string dir = testing::shared_corpora_dir() + "/unpc-devset/UNv1.0.devset.";
  std::vector<std::string> zh = lines_of(dir + "zh"), t = lines_of(dir + tgt);
  EXPECT_EQ(zh.size(), t.size());
  QaInput in;
  in.languages = {"zh", tgt};
  for (std::size_t i = 0; i < zh.size() && i < t.size(); ++i) {
    QaUnit u;
    u.sides = {{zh[i]}, {t[i]}};
    u.id = std::to_string(i + 1);
    in.units.push_back(std::move(u));
  }
  return in;
}

// Share of units with at least one finding of the given families.
double flagged_rate(const QaResult& r, std::initializer_list<std::string_view> families, bool print) {
  std::set<std::size_t> units;
  for (const Finding& f : r.findings) {
    for (std::string_view fam : families) {
      if (f.check.rfind(std::string(fam) + ".", 0) == 0) {
        units.insert(f.unit);
        if (print) std::cout << "  " << f.unit + 1 << ' ' << f.check << ": " << f.message << '\n';
      }
    }
  }
  return r.units ? static_cast<double>(units.size()) / r.units : 0.0;
}

TEST(QaDevset, NumberDateReferenceFalseAlarmsStayRare) {
  PARALIGN_REQUIRE_SHARED_CORPORA();
  QaOptions opts;
  opts.spelling = false;
  opts.consistency = false;
  opts.disabled = {"form", "structure", "term"};
  auto qa = QaChecker::create(opts);
  ASSERT_TRUE(qa.ok());
  const bool print = std::getenv("PARALIGN_QA_PRINT") != nullptr;
  // The goal of issue 4: at most 2% of pairs flagged for every language (docs/qa-false-alarms.md has the measured
  // rates and classifies every flag).
  const struct {
    const char* lang;
    double threshold;
  } pairs[] = {{"en", 0.02}, {"fr", 0.02}, {"es", 0.02}, {"ru", 0.02}, {"ar", 0.02}};
  for (const auto& p : pairs) {
    QaResult r = qa->check(devset_pair(p.lang));
    if (std::any_of(r.notes.begin(), r.notes.end(), [](const std::string& n) { return n.find("number") != std::string::npos; }))
      GTEST_SKIP() << "this build has no number reader";
    double rate = flagged_rate(r, {"number", "date", "reference"}, print);
    std::cout << "zh-" << p.lang << ": number/date/reference flag " << rate * 100 << "% of " << r.units << " pairs\n";
    EXPECT_LE(rate, p.threshold) << "zh-" << p.lang;
  }
}

// Spelling flags per language. English: what is left is run-together words and names in other languages. French,
// Spanish and Russian: acronyms and names in any script are skipped and each has a UN word list; what is left is
// mostly true (words the published text's extraction ran together, English titles left as they are); before,
// Russian flagged 29% of sentences (МАГАТЭ, Косово, гендерного). A language without its dictionary is skipped.
TEST(QaDevset, SpellingFlagsStayFew) {
  PARALIGN_REQUIRE_SHARED_CORPORA();
  QaOptions opts;
  opts.consistency = false;
  opts.disabled = {"form", "structure", "term", "number", "date", "reference"};
  auto qa = QaChecker::create(opts);
  ASSERT_TRUE(qa.ok());
  const struct {
    const char* lang;
    double limit;  // a little over the measured rate (docs/qa-checks.md)
  } cases[] = {{"en", 0.016}, {"fr", 0.03}, {"es", 0.055}, {"ru", 0.065}};
  for (const auto& c : cases) {
    QaResult r = qa->check(devset_pair(c.lang));
    if (!r.notes.empty() && r.notes.back().find("spelling") != std::string::npos) {
      std::cout << r.notes.back() << "\n";
      continue;
    }
    double rate = flagged_rate(r, {"spelling"}, std::getenv("PARALIGN_QA_PRINT") != nullptr);
    std::cout << "zh-" << c.lang << ": spelling flags " << rate * 100 << "% of " << r.units << " sentences\n";
    EXPECT_LE(rate, c.limit) << c.lang;
  }
}

}  // namespace
}  // namespace paralign
