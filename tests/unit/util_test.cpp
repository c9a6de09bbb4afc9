#include <sstream>
#include <filesystem>
#include <memory>

#include "test_support.hpp"
#include "util/atomic_file.hpp"
#include "util/json.hpp"
#include "util/utf8.hpp"

namespace paralign {
namespace {

TEST(Utf8, DecodesChineseRussianArabicAndRejectsBadBytes) {
  const std::string s = "大会 Ассамблея الجمعية";
  std::size_t pos = 0;
  EXPECT_EQ(utf8::next(s, pos), U'大');
  EXPECT_EQ(pos, 3u);
  EXPECT_TRUE(utf8::valid(s));
  std::size_t bad = 0;
  EXPECT_FALSE(utf8::valid("ok\xC3(", &bad));
  EXPECT_EQ(bad, 2u);
  EXPECT_FALSE(utf8::valid("\xED\xA0\x80"));  // a surrogate
  EXPECT_FALSE(utf8::valid("\xC0\xAF"));      // overlong '/'
  EXPECT_TRUE(utf8::valid("\xEF\xBF\xBD"));   // a real U+FFFD is fine
  EXPECT_EQ(utf8::length(s), 20u);
}

TEST(Utf8, ClassifiesScriptsAndFoldsFullWidth) {
  EXPECT_TRUE(utf8::is_han(U'武'));
  EXPECT_FALSE(utf8::is_han(U'Ж'));
  EXPECT_TRUE(utf8::is_cjk_punct(U'。'));
  EXPECT_TRUE(utf8::is_cjk_punct(U'（'));
  EXPECT_FALSE(utf8::is_cjk(U'a'));
  EXPECT_EQ(utf8::fold_width("６２％（２００４）"), "62%(2004)");
  EXPECT_EQ(utf8::trim("\u3000 摘要 \n"), "摘要");
}

TEST(Utf8, PrevWalksBackOverMultibyte) {
  const std::string s = "a武b";
  std::size_t pos = 4;
  EXPECT_EQ(utf8::prev(s, pos), U'武');
  EXPECT_EQ(pos, 1u);
}

TEST(Json, EscapesAndNests) {
  json::Writer w(false);
  w.begin_object().key("symbol").value("A/59/181").key("t").value("\"<x>\"\n").key("n").null();
  w.key("a").begin_array().value(1).value(2.5).end_array().end_object();
  EXPECT_EQ(w.str(), R"({"symbol":"A/59/181","t":"\"<x>\"\n","n":null,"a":[1,2.5]})");
}

TEST(Json, TextDrainedInPiecesEqualsTheWholeText) {
  // The QA report is drained after each finding: the pieces must join into exactly what str() would give, commas,
  // indentation and final newline included, pretty or not.
  for (bool pretty : {true, false}) {
    json::Writer whole(pretty), drained(pretty);
    std::ostringstream out;
    for (json::Writer* w : {&whole, &drained}) {
      w->begin_object().key("languages").begin_array().value("zh").value("ru").end_array();
      if (w == &drained) w->drain(out);
      w->key("findings").begin_array();
      for (const char* m : {"六十二 ↔ 26", "«доклад»", "تقرير"}) {
        w->begin_object().key("message").value(m).end_object();
        if (w == &drained) w->drain(out);
      }
      w->end_array().end_object();
    }
    drained.finish(out);
    EXPECT_EQ(out.str(), whole.str()) << pretty;
  }
}

TEST(AtomicFile, KeepsPreviousOutputWhenNotCommittedAndRefusesInputPath) {
  const std::string dir = testing::temp_dir();
  const std::string path = dir + "/out.tmx";
  ASSERT_TRUE(write_file_atomically(path, "first").ok());
  {
    auto f = AtomicFile::open(path);
    ASSERT_TRUE(f.ok());
    std::unique_ptr<AtomicFile> owned(*f);
    owned->stream() << "half-writ";
    // no commit: simulates a failure midway
  }
  EXPECT_EQ(testing::slurp(path), "first");
  auto refused = write_file_atomically(path, "x", {path});
  EXPECT_EQ(refused.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(testing::slurp(path), "first");
  auto nodir = write_file_atomically(dir + "/missing/out.tmx", "x");
  EXPECT_EQ(nodir.code(), ErrorCode::kIo);
  std::size_t leftovers = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) leftovers += e.path().filename() != "out.tmx";
  EXPECT_EQ(leftovers, 0u);
}

TEST(ReadFile, ErrorsNameTheProblem) {
  const std::string dir = testing::temp_dir();
  EXPECT_EQ(read_file(dir + "/nope.txt", 1 << 20).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(read_file(dir, 1 << 20).status().code(), ErrorCode::kIsDirectory);
  ASSERT_TRUE(write_file_atomically(dir + "/big.txt", std::string(2000, 'x')).ok());
  EXPECT_EQ(read_file(dir + "/big.txt", 1000).status().code(), ErrorCode::kTooLarge);
}

TEST(Cli, HelpVersionAndUnknownCommand) {
  auto help = testing::run_cli({"--help"});
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("inspect"), std::string::npos);
  EXPECT_NE(help.out.find("align"), std::string::npos);
  auto version = testing::run_cli({"--version"});
  EXPECT_EQ(version.status, 0);
  EXPECT_EQ(version.out.rfind("paralign ", 0), 0u);
  auto bad = testing::run_cli({"algin"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("unknown command"), std::string::npos);
}

}  // namespace
}  // namespace paralign
