// form.length-ratio: the bounds from corpora/data/length-ratio.tsv, on hand-made pairs and measured on the shared
// UN development set (the share of published pairs flagged must stay near the 1% the percentiles imply).
#include <fstream>
#include <iostream>

#include "paralign/qa.hpp"
#include "test_support.hpp"

namespace paralign {
namespace {

QaResult check(const QaInput& in) {
  QaOptions opts;
  opts.spelling = false;
  opts.consistency = false;
  opts.disabled = {"number", "date", "reference", "structure", "term"};
  auto qa = QaChecker::create(opts);
  EXPECT_TRUE(qa.ok()) << qa.status().message();
  return qa.ok() ? qa->check(in) : QaResult{};
}

std::size_t count(const QaResult& r, std::string_view check) {
  std::size_t n = 0;
  for (const Finding& f : r.findings) n += f.check == check;
  return n;
}

TEST(QaLength, RatioOutsideTheMeasuredBoundsIsFlagged) {
  const std::string zh = "各国应当加强对小武器和轻武器非法居间转卖活动的管制，并交流有关信息。";  // 34 characters
  const struct {
    const char* lang;
    const char* target;
    bool flagged;
  } cases[] = {
      {"en", "States should strengthen controls on illicit brokering in small arms and light weapons and share information.", false},
      {"en", "States should strengthen controls.", true},  // the second half is missing
      {"en", "States should strengthen controls on illicit brokering in small arms and light weapons and share "
             "information. States should strengthen controls on illicit brokering in small arms and light weapons and "
             "share information with one another in all relevant forums.", true},  // pasted twice
      {"ru", "Государствам следует усилить контроль за незаконной посреднической деятельностью и обмениваться информацией.", false},
      {"ru", "Государствам следует усилить контроль.", true},
      {"ar", "ينبغي للدول أن تعزز الرقابة على السمسرة غير المشروعة وأن تتبادل المعلومات.", false},
      {"ar", "ينبغي للدول.", true},
  };
  for (const auto& c : cases) {
    QaInput in;
    in.languages = {"zh", c.lang};
    QaUnit u;
    u.sides = {{zh}, {c.target}};
    in.units.push_back(u);
    EXPECT_EQ(count(check(in), "form.length-ratio"), c.flagged ? 1u : 0u) << c.lang << ": " << c.target;
  }
}

TEST(QaLength, ShortSourcesAndUnmeasuredPairsAreNotChecked) {
  QaInput in;
  in.languages = {"zh", "en"};
  QaUnit u;
  u.sides = {{"导言"}, {"Introduction and background to the present report"}};  // a heading: ratio means nothing
  in.units.push_back(u);
  EXPECT_EQ(count(check(in), "form.length-ratio"), 0u);
  in.languages = {"en", "de"};
  in.units[0].sides = {{"States should strengthen controls on illicit brokering."}, {"Kontrolle."}};
  QaResult r = check(in);
  EXPECT_EQ(count(r, "form.length-ratio"), 0u);
  bool noted = false;
  for (const std::string& n : r.notes) noted = noted || n.find("length ratio of en–de") != std::string::npos;
  EXPECT_TRUE(noted);
}

std::vector<std::string> lines_of(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(QaLength, PublishedDevsetPairsAreRarelyFlagged) {
  PARALIGN_REQUIRE_SHARED_CORPORA();
  const std::string dir = testing::shared_corpora_dir() + "/unpc-devset/UNv1.0.devset.";
  const std::vector<std::string> zh = lines_of(dir + "zh");
  for (const char* lang : {"en", "fr", "es", "ru", "ar"}) {
    const std::vector<std::string> t = lines_of(dir + lang);
    QaInput in;
    in.languages = {"zh", lang};
    for (std::size_t i = 0; i < zh.size() && i < t.size(); ++i) {
      QaUnit u;
      u.sides = {{zh[i]}, {t[i]}};
      in.units.push_back(std::move(u));
    }
    QaResult r = check(in);
    const double rate = static_cast<double>(count(r, "form.length-ratio")) / static_cast<double>(in.units.size());
    std::cout << "zh-" << lang << ": form.length-ratio flags " << rate * 100 << "% of " << in.units.size() << " pairs\n";
    // The bounds are the 0.5th and 99.5th percentiles over the pairs checked: about 1% of them, 0.8% of all.
    EXPECT_LE(rate, 0.012) << lang;
    EXPECT_GT(rate, 0.0) << lang << ": bounds so wide that nothing published is ever outside them";
  }
}

}  // namespace
}  // namespace paralign
