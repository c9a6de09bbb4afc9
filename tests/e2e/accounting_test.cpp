// Nothing lost, nothing invented, the same bytes every time, over every report pair in the test
// corpora: after reading, structuring, segmenting and aligning, every non-space character of each input is in a
// segment of the memory (aligned or listed as unpaired), in a paragraph number or heading label (kept as the
// unit's properties), in a footnote marker, or in the removed page furniture; every segment is in exactly one
// unit; and two runs of `paralign align` with the same inputs and --date write the same bytes.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "paralign/align.hpp"
#include "paralign/read.hpp"
#include "test_support.hpp"
#include "util/utf8.hpp"

namespace paralign {
namespace {

namespace fs = std::filesystem;
using testing::run_cli;
using testing::shared_corpora_dir;
using testing::slurp;
using testing::source_dir;

struct Pair {
  std::string name;
  std::string pivot;
  std::vector<std::string> translations;
};

std::vector<Pair> repository_pairs() {
  const std::string root = source_dir();
  return {
      {"sample report, three languages", root + "/corpora/samples/water_report.zh.txt",
       {root + "/corpora/samples/water_report.en.txt", root + "/corpora/samples/water_report.fr.txt"}},
      {"read fixtures, five languages", root + "/tests/fixtures/read/report.zh.txt",
       {root + "/tests/fixtures/read/report.en.txt", root + "/tests/fixtures/read/report.fr.txt",
        root + "/tests/fixtures/read/report.ru.txt", root + "/tests/fixtures/read/report.ar.txt"}},
      {"structure fixtures", root + "/tests/fixtures/structure/river_basins.zh.txt",
       {root + "/tests/fixtures/structure/river_basins.en.txt"}},
  };
}

using Balance = std::map<char32_t, long>;

void count(std::string_view s, long sign, Balance& into) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    const char32_t cp = utf8::next(s, pos);
    if (!utf8::is_space(cp)) into[cp] += sign;
  }
}

// Input characters minus everything the pipeline kept or removed on purpose for language k; must come out at zero.
void expect_balanced(const std::string& path, const Document& doc, const std::vector<Segment>& segments) {
  Balance balance;
  count(slurp(path), 1, balance);
  for (const Segment& s : segments) count(s.text, -1, balance);
  for (const Block& b : doc.blocks) {
    count(b.label, -1, balance);
    for (const FootnoteMarker& m : b.markers) count(std::to_string(m.number), -1, balance);
  }
  for (const Furniture& f : doc.furniture) count(f.text, -1, balance);
  int shown = 0;
  for (const auto& [cp, n] : balance) {
    if (n == 0 || ++shown > 10) continue;
    std::string ch;
    utf8::append(ch, cp);
    ADD_FAILURE() << path << ": '" << ch << "' (U+" << std::hex << static_cast<unsigned>(cp) << std::dec << ") "
                  << (n > 0 ? "lost " : "invented ") << (n > 0 ? n : -n) << " time(s)";
  }
}

void check_pair(const Pair& pair) {
  SCOPED_TRACE(pair.name);
  auto pivot = read_document(pair.pivot, {});
  ASSERT_TRUE(pivot.ok()) << pivot.status().to_string();
  std::vector<Document> translations;
  for (const auto& t : pair.translations) {
    auto doc = read_document(t, {});
    ASSERT_TRUE(doc.ok()) << doc.status().to_string();
    translations.push_back(std::move(*doc));
  }
  PipelineOptions options;
  options.blocks.force = true;  // the fixtures' symbols agree; the accounting must hold either way
  auto m = align_versions(*pivot, translations, options);
  ASSERT_TRUE(m.ok()) << m.status().to_string();
  ASSERT_EQ(m->segments.size(), translations.size() + 1);

  // Every segment of every language is in exactly one unit.
  for (std::size_t k = 0; k < m->segments.size(); ++k) {
    std::vector<int> seen(m->segments[k].size(), 0);
    for (const AlignedUnit& u : m->units) {
      if (k >= u.spans.size()) continue;
      for (std::size_t i = u.spans[k].begin; i < u.spans[k].end(); ++i) {
        ASSERT_LT(i, seen.size());
        ++seen[i];
      }
    }
    for (std::size_t i = 0; i < seen.size(); ++i) {
      EXPECT_EQ(seen[i], 1) << m->languages[k] << " segment " << i << ": " << m->segments[k][i].text;
    }
    const LanguageReport& r = m->reports[k];
    EXPECT_EQ(r.aligned + r.unpaired, r.segments) << m->languages[k];
    EXPECT_EQ(r.segments, m->segments[k].size()) << m->languages[k];
  }
  // Every character is accounted for, per language.
  expect_balanced(pair.pivot, *pivot, m->segments[0]);
  for (std::size_t k = 0; k < translations.size(); ++k) {
    expect_balanced(pair.translations[k], translations[k], m->segments[k + 1]);
  }
}

TEST(Accounting, EveryCharacterOfTheRepositoryReportsIsInTheMemoryOrRemovedOnPurpose) {
  for (const Pair& p : repository_pairs()) check_pair(p);
}

TEST(Accounting, EveryCharacterOfTheSharedResolutionIsAccountedFor) {
  PARALIGN_REQUIRE_SHARED_CORPORA();
  const std::string dir = shared_corpora_dir() + "/resolution-a-res-61-211/";
  check_pair({"resolution A/RES/61/211", dir + "resolution_ops.zh.txt", {dir + "resolution_ops.en.txt"}});
}

TEST(Accounting, SameInputsAndDateGiveTheSameBytes) {
  const std::string dir = testing::temp_dir();
  for (const Pair& p : repository_pairs()) {
    for (const std::string ext : {".tmx", ".tsv", ".json"}) {
      std::vector<std::string> outputs;
      for (int run = 0; run < 2; ++run) {
        const std::string out = dir + "/run" + std::to_string(run) + ext;
        std::vector<std::string> args = {"align", "--quiet", "--force", "--date", "20250814T000000Z", p.pivot};
        args.insert(args.end(), p.translations.begin(), p.translations.end());
        args.insert(args.end(), {"-o", out});
        auto r = run_cli(args);
        ASSERT_EQ(r.status, 0) << p.name << ext << ": " << r.err;
        outputs.push_back(slurp(out));
      }
      EXPECT_FALSE(outputs[0].empty()) << p.name << ext;
      EXPECT_EQ(outputs[0], outputs[1]) << p.name << ext << ": two runs wrote different bytes";
    }
  }
}

}  // namespace
}  // namespace paralign
