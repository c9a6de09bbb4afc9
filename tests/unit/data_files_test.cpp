// Every data file under corpora/data/ (whoever owns it): valid UTF-8, in the common line format
// (docs/segmentation.md, "Data files"), no entry twice; and each kind of file our loaders know loads.
// Plus the data-folder lookup of src/util/data_dir.hpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "paralign/segment.hpp"
#include "test_support.hpp"
#include "util/data_dir.hpp"
#include "util/utf8.hpp"

namespace paralign {
namespace {

namespace fs = std::filesystem;

std::string data_root() { return testing::source_dir() + "/corpora/data"; }

std::vector<std::string> all_data_files() {
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(data_root())) {
    if (e.is_regular_file()) files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool uses_line_format(const std::string& path) {
  const std::string ext = fs::path(path).extension().string();
  return ext == ".txt" || ext == ".tsv";
}

// The problems of one data file's text, one message each; empty when it is sound.
std::vector<std::string> check_data_text(std::string_view text, const std::string& name) {
  std::vector<std::string> problems;
  std::size_t bad = 0;
  if (!utf8::valid(text, &bad)) {
    problems.push_back(name + ": invalid UTF-8 at byte " + std::to_string(bad));
    return problems;
  }
  if (!text.empty() && text.back() != '\n') problems.push_back(name + ": last line has no LF");
  if (!uses_line_format(name)) return problems;
  Result<std::vector<data::DataLine>> lines = data::parse_data_lines(text, name);
  if (!lines) {
    problems.push_back(lines.status().to_string());
    return problems;
  }
  if (lines->empty()) problems.push_back(name + ": no entries");
  std::map<std::vector<std::string>, std::size_t> seen;
  for (const data::DataLine& l : *lines) {
    auto [it, fresh] = seen.emplace(l.fields, l.line);
    if (!fresh) {
      problems.push_back(name + ":" + std::to_string(l.line) + ": duplicate of line " + std::to_string(it->second));
    }
  }
  return problems;
}

TEST(DataFiles, ThereAreDataFiles) {
  const auto files = all_data_files();
  // At least the six abbreviation lists.
  EXPECT_GE(files.size(), 6u);
}

TEST(DataFiles, EveryFileIsSound) {
  for (const std::string& path : all_data_files()) {
    const std::string text = testing::slurp(path);
    for (const std::string& p : check_data_text(text, path)) ADD_FAILURE() << p;
  }
}

// The checker itself finds what it is meant to find.
TEST(DataFiles, CheckerCatchesProblems) {
  struct Case {
    std::string text;
    std::string name;
    std::string expect;  // a piece of the first problem
  };
  const std::vector<Case> cases = {
      {"a\tb\nc\td\na\tb\n", "x.tsv", "duplicate of line 1"},
      {"# only comments\n", "x.txt", "no entries"},
      {"a\xE4\xB8\n", "x.txt", "invalid UTF-8"},
      {"\xEF\xBB\xBF"
       "a\n",
       "x.txt", "byte order mark"},
      {"a\r\n", "x.tsv", "CR"},
      {"a\t\tb\n", "x.tsv", "empty field"},
      {"a \tb\n", "x.tsv", "spaces"},
      {"a\tb", "x.tsv", "no LF"},
  };
  for (const Case& c : cases) {
    const auto problems = check_data_text(c.text, c.name);
    ASSERT_FALSE(problems.empty()) << c.expect;
    EXPECT_NE(problems.front().find(c.expect), std::string::npos) << problems.front();
  }
  EXPECT_TRUE(check_data_text("# c\n\nMr.\tnever\nMrs.\tnever\n", "x.txt").empty());
  // Same first field twice is fine for the generic check (language-words.tsv lists a word for several languages).
  EXPECT_TRUE(check_data_text("en\tthe\nfr\tthe\n", "x.tsv").empty());
}

TEST(DataFiles, AbbreviationListsLoadAndListEachEntryOnce) {
  std::size_t n = 0;
  for (const auto& e : fs::directory_iterator(data_root() + "/abbreviations")) {
    const std::string lang = e.path().stem().string();
    SegmentOptions opts;
    opts.language = lang;
    opts.data_dir = data_root();
    const auto seg = Segmenter::create(opts);
    EXPECT_TRUE(seg.ok()) << seg.status().to_string();
    const auto lines = data::read_data_lines(e.path().string());
    ASSERT_TRUE(lines.ok()) << lines.status().to_string();
    std::set<std::string> entries;
    for (const auto& l : *lines) {
      EXPECT_TRUE(entries.insert(l.fields[0]).second)
          << e.path().string() << ":" << l.line << ": \"" << l.fields[0] << "\" listed twice";
    }
    ++n;
  }
  EXPECT_EQ(n, 6u) << "zh, en, fr, es, ru, ar";
}

// ---- finding the data folder ----

class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old, had_ = true;
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (had_) {
      setenv(name_, old_.c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::string old_;
  bool had_ = false;
};

TEST(DataDir, OverrideThenEnvironmentThenSourceTree) {
  const std::string a = testing::temp_dir();
  const std::string b = testing::temp_dir() + "-env";
  fs::create_directories(b);
  {
    ScopedEnv env("PARALIGN_DATA_DIR", b);
    EXPECT_EQ(data::find_data_dir(a).value(), a);
    EXPECT_EQ(data::find_data_dir().value(), b);
  }
  {
    ScopedEnv env("PARALIGN_DATA_DIR", "");
    const auto dir = data::find_data_dir();
    ASSERT_TRUE(dir.ok()) << dir.status().to_string();
    EXPECT_TRUE(fs::equivalent(*dir, data_root()));
  }
  fs::remove_all(b);
}

TEST(DataDir, AskedForFoldersMustExist) {
  const std::string absent = testing::temp_dir() + "/no-such-folder";
  auto r = data::find_data_dir(absent);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kNotFound);
  EXPECT_NE(r.status().message().find("no-such-folder"), std::string::npos);
  ScopedEnv env("PARALIGN_DATA_DIR", absent);
  r = data::find_data_dir();
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("PARALIGN_DATA_DIR"), std::string::npos);
}

TEST(DataDir, FindDataFile) {
  ScopedEnv env("PARALIGN_DATA_DIR", "");
  const auto found = data::find_data_file("abbreviations/en.txt");
  ASSERT_TRUE(found.ok()) << found.status().to_string();
  EXPECT_TRUE(fs::is_regular_file(*found));
  const auto missing = data::find_data_file("abbreviations/xx.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
  EXPECT_NE(missing.status().message().find("abbreviations/xx.txt"), std::string::npos);
}

TEST(DataDir, ParseReportsLineAndByte) {
  const auto r = data::parse_data_lines("# c\nok\tfine\nbad \tx\n", "f.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().where().file, "f.txt");
  EXPECT_EQ(r.status().where().line, 3u);
  EXPECT_EQ(r.status().where().byte, 12u);  // "# c\n" and "ok\tfine\n" before it
  const auto ok = data::parse_data_lines("# c\n\na\tb\tc\nd\n", "g.txt");
  ASSERT_TRUE(ok.ok());
  ASSERT_EQ(ok->size(), 2u);
  EXPECT_EQ((*ok)[0].fields, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ((*ok)[0].line, 3u);
  EXPECT_EQ((*ok)[1].fields, (std::vector<std::string>{"d"}));
}

}  // namespace
}  // namespace paralign
