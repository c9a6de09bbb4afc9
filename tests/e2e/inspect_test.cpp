// `paralign inspect`: the JSON of the seed report and of a fixture compared byte for byte with golden files, and
// the command's options and errors.
//
// To regenerate the golden files after an intended change of output (then read the diff before committing):
//   PARALIGN_UPDATE_GOLDEN=1 ./build/inspect_test --gtest_filter='*InspectGolden.*'
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_support.hpp"
#include "util/atomic_file.hpp"

namespace paralign {
namespace {

namespace fs = std::filesystem;
using testing::run_cli;

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A readable account of where two texts differ: the common beginning and end are skipped and the differing middle
// is shown with three lines of context, as `diff -u` would, without needing an external tool.
std::string describe_difference(const std::string& want, const std::string& got) {
  const auto a = split_lines(want), b = split_lines(got);
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  const std::size_t from = head >= 3 ? head - 3 : 0;
  std::ostringstream out;
  out << "@@ golden lines " << head + 1 << "-" << a.size() - tail << ", output lines " << head + 1 << "-"
      << b.size() - tail << " @@\n";
  for (std::size_t i = from; i < head; ++i) out << "  " << a[i] << '\n';
  constexpr std::size_t kMaxShown = 40;
  for (std::size_t i = head; i < a.size() - tail && i < head + kMaxShown; ++i) out << "- " << a[i] << '\n';
  if (a.size() - tail > head + kMaxShown) out << "- ... (" << a.size() - tail - head - kMaxShown << " more)\n";
  for (std::size_t i = head; i < b.size() - tail && i < head + kMaxShown; ++i) out << "+ " << b[i] << '\n';
  if (b.size() - tail > head + kMaxShown) out << "+ ... (" << b.size() - tail - head - kMaxShown << " more)\n";
  for (std::size_t i = b.size() - tail; i < b.size() && i < b.size() - tail + 3; ++i) out << "  " << b[i] << '\n';
  return out.str();
}

struct GoldenCase {
  const char* input;   // relative to the repository root, as the JSON's "path" shows it
  const char* golden;  // under tests/golden/
};
void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.input; }

class InspectGolden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(InspectGolden, JsonMatchesTheGoldenFile) {
  // Paths in the JSON are as given on the command line, so run from the repository root.
  fs::current_path(testing::source_dir());
  const GoldenCase c = GetParam();
  const auto r = run_cli({"inspect", "--json", c.input});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string golden_path = testing::source_dir() + "/tests/golden/" + c.golden;
  if (const char* update = std::getenv("PARALIGN_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    ASSERT_TRUE(write_file_atomically(golden_path, r.out).ok());
    std::cout << "regenerated " << golden_path << '\n';
    return;
  }
  ASSERT_TRUE(fs::exists(golden_path)) << golden_path << " is missing; create it with PARALIGN_UPDATE_GOLDEN=1 (see the top of this file)";
  const std::string want = testing::slurp(golden_path);
  if (want != r.out) {
    ADD_FAILURE() << "inspect --json " << c.input << " differs from " << golden_path
                  << " (if the change is intended, regenerate with PARALIGN_UPDATE_GOLDEN=1 and read the diff):\n"
                  << describe_difference(want, r.out);
  }
}

INSTANTIATE_TEST_SUITE_P(Inputs, InspectGolden,
                         ::testing::Values(GoldenCase{"corpora/A_59_181.zh.txt", "A_59_181.zh.inspect.json"},
                                           GoldenCase{"tests/fixtures/read/report.en.txt", "report.en.inspect.json"}),
                         [](const auto& info) { return std::string(info.param.golden).substr(0, 8) == "A_59_181"
                                                           ? std::string("A_59_181_zh")
                                                           : std::string("report_en"); });

TEST(InspectGoldenDiff, ShowsTheDifferingLinesWithContext) {
  const std::string d = describe_difference("a\nb\nc\nd\ne\n", "a\nb\nX\nd\ne\n");
  EXPECT_NE(d.find("- c\n+ X\n"), std::string::npos) << d;
  EXPECT_NE(d.find("  b\n"), std::string::npos) << d;
  EXPECT_NE(d.find("  d\n"), std::string::npos) << d;
}

TEST(Inspect, HumanReadableListingShowsWhatWasFound) {
  const std::string path = testing::source_dir() + "/tests/fixtures/read/report.zh.txt";
  const auto r = run_cli({"inspect", path});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("language   zh\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("encoding   UTF-8\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("file       " + path + "\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("各区域委员会举办了三次讲习班"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nblocks     "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nfurniture  "), std::string::npos) << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;
}

// Every sentence of the seed as the aligner will pair it: paragraph 3 is five sentences, each shown whole, the
// paragraph's number on the first only; the same cut as JSON.
TEST(Inspect, SentencesListsTheSegmentsTheAlignerPairs) {
  const std::string path = testing::source_dir() + "/corpora/A_59_181.zh.txt";
  const auto r = run_cli({"inspect", "--sentences", path});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("segments   250 in 129 blocks\n"), std::string::npos) << r.out.substr(0, 200);
  const std::size_t p3 = r.out.find("\nparagraph  3.      76     根据第 58/241 号决议，追踪问题不限成员名额工作组");
  ASSERT_NE(p3, std::string::npos) << r.out;
  const std::size_t p4 = r.out.find("\nheading    (b) h4  92     第一次实质性会议\n", p3);
  ASSERT_NE(p4, std::string::npos);
  const std::string para3 = r.out.substr(p3 + 1, p4 - p3);
  EXPECT_EQ(std::count(para3.begin(), para3.end(), '\n'), 5) << para3;
  EXPECT_NE(para3.find("\n                   76     安东·塔尔曼（瑞士）以鼓掌方法当选为主席。\n"), std::string::npos)
      << para3;

  const auto j = run_cli({"inspect", "--sentences", "--json", path});
  ASSERT_EQ(j.status, 0) << j.err;
  EXPECT_EQ(j.out.rfind("{\n  \"format\": \"paralign-segments\",", 0), 0u) << j.out.substr(0, 100);
  std::size_t texts = 0;
  for (std::size_t at = j.out.find("\"text\": "); at != std::string::npos; at = j.out.find("\"text\": ", at + 1)) ++texts;
  EXPECT_EQ(texts, 250u);
  EXPECT_NE(j.out.find("\"text\": \"安东·塔尔曼（瑞士）以鼓掌方法当选为主席。\""), std::string::npos);
}

// With --segmented each non-blank line is one segment, whatever its punctuation, with its own line number.
TEST(Inspect, SentencesOfSegmentedInputAreItsLines) {
  const std::string path = testing::temp_dir() + "/segmented.en.txt";
  std::ofstream(path) << "The Assembly met. It adopted the agenda.\n\nThe report was noted.\n";
  const auto r = run_cli({"inspect", "--sentences", "--segmented", "--lang", "en", path});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("segments   2 in 1 blocks\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" 1      The Assembly met. It adopted the agenda.\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" 3      The report was noted.\n"), std::string::npos) << r.out;
}

TEST(Inspect, PreviewIsCutAtTheGivenNumberOfCharacters) {
  const std::string dir = testing::temp_dir();
  const std::string path = dir + "/long.txt";
  std::ofstream(path) << "联合国大会第五十九届会议审议了秘书长关于小武器问题的报告并通过了决议。\n";
  const auto r = run_cli({"inspect", "--preview", "6", path});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find(" 联合国大会第…\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("五十九"), std::string::npos) << r.out;
}

TEST(Inspect, OptionsReachTheReader) {
  fs::current_path(testing::source_dir());
  const std::string dir = testing::temp_dir();
  const std::string path = dir + "/fr-1252.txt";
  // "Résumé de l’Assemblée" in windows-1252: é is 0xE9, ’ is 0x92.
  std::ofstream(path, std::ios::binary) << "R\xE9sum\xE9 de l\x92" "Assembl\xE9" "e g\xE9n\xE9rale\n";
  auto r = run_cli({"inspect", "--json", "--encoding", "windows-1252", "--lang", "es", "--symbol", "A/59/181", path});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"encoding\": \"windows-1252\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"language\": \"es\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"symbol\": \"A/59/181\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Résumé de l’Assemblée générale"), std::string::npos) << r.out;
  // Without --encoding the same bytes are not valid UTF-8 and too short for a sure guess.
  r = run_cli({"inspect", path});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--encoding"), std::string::npos) << r.err;
}

struct ErrorCase {
  std::vector<std::string> args;
  const char* in_message;
};

TEST(Inspect, ErrorsAreOneLineAndExitTwo) {
  const std::string dir = testing::temp_dir();
  const std::string empty = dir + "/empty.txt";
  std::ofstream(empty).flush();
  const std::string fixture = testing::source_dir() + "/tests/fixtures/read/report.en.txt";
  const std::vector<ErrorCase> cases = {
      {{"inspect", dir + "/missing.txt"}, "missing.txt: no such file"},
      {{"inspect", dir}, "is a directory"},
      {{"inspect", empty}, "empty.txt: the file is empty"},
      {{"inspect"}, "needs a FILE"},
      {{"inspect", "--jsn", fixture}, "did you mean '--json'"},
      {{"inspect", "--lang", "xx", fixture}, "unknown language 'xx'"},
      {{"inspect", "--encoding", "no-such", fixture}, "unknown encoding 'no-such'"},
      {{"inspect", "--max-input-mb", "0", fixture}, "--max-input-mb"},
  };
  for (const auto& c : cases) {
    const auto r = run_cli(c.args);
    EXPECT_EQ(r.status, 2) << c.args.back() << ": " << r.err;
    EXPECT_NE(r.err.find(c.in_message), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one line: " << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
}

TEST(Inspect, HelpShowsExamples) {
  const auto r = run_cli({"inspect", "--help"});
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("paralign inspect --json corpora/A_59_181.zh.txt"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace paralign
