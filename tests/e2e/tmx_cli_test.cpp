// `paralign tmx validate|stats|convert|merge` through cli::run: exit statuses, messages with file and line, and a
// memory with inline codes going through convert and merge (UTF-8 and UTF-16 inputs) without losing a unit or a code.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include "paralign/tmx.hpp"
#include "test_support.hpp"

namespace paralign {
namespace {

namespace fs = std::filesystem;
using testing::run_cli;

std::string fixture(const std::string& name) { return testing::source_dir() + "/tests/fixtures/tmx/" + name; }

std::string dtd_path() { return fs::path(testing::source_dir()).parent_path().string() + "/shared/standards/tmx14.dtd"; }

// Empty when `file` validates against the TMX 1.4 DTD; otherwise why not (or why it could not be checked).
std::string dtd_check(const std::string& file, bool* skipped) {
  *skipped = !fs::exists(dtd_path()) || std::system("xmllint --version >/dev/null 2>&1") != 0;
  if (*skipped) return "the TMX 1.4 DTD or xmllint is absent: DTD validation skipped";
  const std::string cmd = "xmllint --noout --dtdvalid '" + dtd_path() + "' '" + file + "' 2>/dev/null";
  return std::system(cmd.c_str()) == 0 ? "" : file + " does not validate against tmx14.dtd";
}

// Every inline code element in a memory, as written, in order: what convert and merge must keep.
std::vector<std::string> codes_of(const TmxMemory& m) {
  static const std::regex kCode(R"(<(bpt|ept|ph|it|hi|sub|ut)\b[^>]*>)");
  std::vector<std::string> out;
  for (const auto& u : m.units) {
    for (const auto& v : u.variants) {
      for (std::sregex_iterator it(v.markup.begin(), v.markup.end(), kCode), end; it != end; ++it) {
        out.push_back(it->str());
      }
    }
  }
  return out;
}

TmxMemory read(const std::string& path) {
  auto m = read_tmx_file(path);
  EXPECT_TRUE(m.ok()) << m.status().to_string();
  return m.ok() ? std::move(*m) : TmxMemory{};
}

TEST(TmxCli, HelpAndUnknownSubcommand) {
  auto help = run_cli({"tmx", "--help"});
  EXPECT_EQ(help.status, 0);
  for (const char* sub : {"validate", "stats", "convert", "merge"}) EXPECT_NE(help.out.find(sub), std::string::npos);
  auto none = run_cli({"tmx"});
  EXPECT_EQ(none.status, 2);
  auto bad = run_cli({"tmx", "fix", "a.tmx"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("unknown tmx subcommand 'fix'"), std::string::npos);
  auto sub_help = run_cli({"tmx", "convert", "--help"});
  EXPECT_EQ(sub_help.status, 0);
  EXPECT_NE(sub_help.out.find("usage: paralign tmx convert"), std::string::npos);
  EXPECT_NE(sub_help.out.find("examples:"), std::string::npos);
}

TEST(TmxCli, ValidateReportsFileLineAndExitStatus) {
  auto ok = run_cli({"tmx", "validate", fixture("inline-codes.tmx"), fixture("inline-codes.utf16.tmx")});
  EXPECT_EQ(ok.status, 0) << ok.out << ok.err;
  EXPECT_NE(ok.out.find("inline-codes.utf16.tmx: valid TMX 1.4b (5 units)"), std::string::npos) << ok.out;

  auto bad = run_cli({"tmx", "validate", fixture("inline-codes.tmx"), fixture("invalid.tmx")});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.out.find(fixture("invalid.tmx") + ":10: <note> after a <tuv>"), std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find(fixture("invalid.tmx") + ":18: <tuv> xml:lang: 'en_GB' is not a BCP 47 language tag"),
            std::string::npos)
      << bad.out;
  EXPECT_NE(bad.out.find("invalid: 12 errors"), std::string::npos) << bad.out;

  auto broken = run_cli({"tmx", "validate", "-q", fixture("broken.tmx")});
  EXPECT_EQ(broken.status, 2);
  EXPECT_EQ(broken.out.rfind(fixture("broken.tmx") + ":5: not well-formed XML", 0), 0u) << broken.out;

  auto missing = run_cli({"tmx", "validate", fixture("no-such.tmx")});
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.out.find("no such file"), std::string::npos);
}

TEST(TmxCli, StatsCountsPerLanguage) {
  auto r = run_cli({"tmx", "stats", "--json", fixture("inline-codes.tmx")});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"units\": 5"), std::string::npos) << r.out;
  // ZH-CN in unit 1 and zh-CN elsewhere are one language: 5 units.
  const std::size_t zh = r.out.find("\"ZH-CN\": {");
  ASSERT_NE(zh, std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\"units\": 5", zh), r.out.find("\"units\"", zh)) << r.out;
  auto text = run_cli({"tmx", "stats", fixture("inline-codes.tmx")});
  EXPECT_NE(text.out.find("props: x-context 1, x-symbol 1"), std::string::npos) << text.out;
}

TEST(TmxCli, ConvertKeepsEveryUnitAndCodeFromUtf8AndUtf16) {
  const std::string dir = testing::temp_dir();
  const TmxMemory original = read(fixture("inline-codes.tmx"));
  ASSERT_EQ(original.units.size(), 5u);
  const auto codes = codes_of(original);
  ASSERT_EQ(codes.size(), 13u);  // bpt/ept 4, ph 3 and sub 1, it 2, hi 3
  for (const char* in : {"inline-codes.tmx", "inline-codes.utf16.tmx"}) {
    const std::string out = dir + "/" + in + ".out.tmx";
    auto r = run_cli({"tmx", "convert", fixture(in), "-o", out, "--date", "2026-11-26T05:00:00Z"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("5 units as tmx"), std::string::npos) << r.out;
    const TmxMemory back = read(out);
    EXPECT_EQ(back.units, original.units) << in;
    EXPECT_EQ(codes_of(back), codes);
    EXPECT_EQ(back.header.creationtool, "paralign");
    EXPECT_EQ(back.header.creationdate, "20261126T050000Z");
    EXPECT_EQ(back.header.o_tmf, "ExampleCAT TM");
    EXPECT_EQ(back.header.srclang, "ZH-CN");
    bool skipped = false;
    const std::string why = dtd_check(out, &skipped);
    if (!skipped) EXPECT_EQ(why, "");
  }
  // Converting our own output again changes nothing (a fixed point), byte for byte.
  const std::string once = dir + "/inline-codes.tmx.out.tmx";
  const std::string twice = dir + "/twice.tmx";
  ASSERT_EQ(run_cli({"tmx", "convert", once, "-o", twice, "--date", "20261126T050000Z"}).status, 0);
  EXPECT_EQ(testing::slurp(once), testing::slurp(twice));
}

TEST(TmxCli, ConvertToTsvAndJson) {
  const std::string dir = testing::temp_dir();
  auto tsv = run_cli({"tmx", "convert", fixture("inline-codes.utf16.tmx"), "-o", dir + "/m.tsv"});
  ASSERT_EQ(tsv.status, 0) << tsv.err;
  const std::string text = testing::slurp(dir + "/m.tsv");
  EXPECT_EQ(text.substr(0, text.find('\n')), "ZH-CN\tEN-GB\tru-RU\tar");
  EXPECT_NE(text.find("见 A/59/150。\tSee A/59/150.\tСм. A/59/150.\t\n"), std::string::npos) << text;
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 6);

  auto json = run_cli({"tmx", "convert", fixture("inline-codes.tmx"), "-o", dir + "/m.data", "--to", "json",
                       "--date", "2026-11-26"});
  ASSERT_EQ(json.status, 0) << json.err;
  const std::string j = testing::slurp(dir + "/m.data");
  EXPECT_NE(j.find("\"creationdate\":\"20261126T000000Z\""), std::string::npos);
  EXPECT_NE(j.find("<it pos=\\\"begin\\\" x=\\\"2\\\">"), std::string::npos);

  EXPECT_EQ(run_cli({"tmx", "convert", fixture("inline-codes.tmx"), "-o", dir + "/m.xyz"}).status, 2);
  auto bad_date = run_cli({"tmx", "convert", fixture("inline-codes.tmx"), "-o", dir + "/m.tmx", "--date", "26/11/2026"});
  EXPECT_EQ(bad_date.status, 2);
  EXPECT_NE(bad_date.err.find("is not a date"), std::string::npos);
}

TEST(TmxCli, ConvertRefusesToOverwriteItsInputAndKeepsOldOutputOnFailure) {
  const std::string dir = testing::temp_dir();
  const std::string copy = dir + "/in.tmx";
  fs::copy_file(fixture("inline-codes.tmx"), copy);
  auto same = run_cli({"tmx", "convert", copy, "-o", copy});
  EXPECT_EQ(same.status, 2);
  EXPECT_NE(same.err.find("overwrite an input"), std::string::npos) << same.err;
  EXPECT_EQ(testing::slurp(copy), testing::slurp(fixture("inline-codes.tmx")));

  // invalid.tmx has a variant coded en_GB: the run stops, the earlier output stays as it was.
  const std::string out = dir + "/out.tmx";
  ASSERT_EQ(run_cli({"tmx", "convert", copy, "-o", out}).status, 0);
  const std::string before = testing::slurp(out);
  auto failed = run_cli({"tmx", "convert", fixture("invalid.tmx"), "-o", out});
  EXPECT_EQ(failed.status, 2);
  EXPECT_NE(failed.err.find("(or add --fix-languages)"), std::string::npos) << failed.err;
  EXPECT_EQ(testing::slurp(out), before);
}

TEST(TmxCli, FixLanguagesRepairsUnderscoreCodes) {
  const std::string dir = testing::temp_dir();
  const std::string in = dir + "/underscore.tmx";
  {
    std::ofstream f(in);
    f << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"x\" "
         "creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"x\" adminlang=\"en_us\" srclang=\"zh_cn\" "
         "datatype=\"plaintext\"/><body>\n<tu><tuv xml:lang=\"zh_cn\"><seg>秘书长</seg></tuv><tuv xml:lang=\"EN_gb\">"
         "<seg>Secretary-General</seg></tuv></tu>\n</body></tmx>\n";
  }
  EXPECT_EQ(run_cli({"tmx", "convert", in, "-o", dir + "/a.tmx"}).status, 2);
  auto r = run_cli({"tmx", "convert", in, "-o", dir + "/a.tmx", "--fix-languages"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("departure"), std::string::npos);  // the input's problems are mentioned
  const TmxMemory m = read(dir + "/a.tmx");
  EXPECT_EQ(m.header.srclang, "zh-CN");
  EXPECT_EQ(m.header.adminlang, "en-US");
  ASSERT_EQ(m.units.size(), 1u);
  EXPECT_EQ(m.units[0].variants[1].lang, "en-GB");
  EXPECT_TRUE(m.issues.empty());
}

TEST(TmxCli, MergeDropsDuplicatesAndKeepsEveryCode) {
  const std::string dir = testing::temp_dir();
  // A third memory: one unit of the fixture with a code changed (must be kept), one new unit, one exact repeat.
  const TmxMemory original = read(fixture("inline-codes.tmx"));
  TmxHeader h = original.header;
  h.creationdate = "20261126T050000Z";
  std::vector<TranslationUnit> extra = {original.units[2], original.units[4], original.units[4]};
  extra[0].variants[1].markup = "<it pos=\"end\" x=\"2\">}</it>Programme of Action";
  extra[1].variants[0].text = "报告叙述了 2003 年 7 月至 2004 年 7 月的活动。";
  extra[2].tuid = "repeat-with-another-id";
  {
    auto w = TmxWriter::open(dir + "/extra.tmx", h);
    ASSERT_TRUE(w.ok());
    for (const auto& u : extra) ASSERT_TRUE((*w)->add(u).ok());
    ASSERT_TRUE((*w)->finish().ok());
  }
  const std::string out = dir + "/merged.tmx";
  auto r = run_cli({"tmx", "merge", fixture("inline-codes.tmx"), fixture("inline-codes.utf16.tmx"), dir + "/extra.tmx",
                    "-o", out, "--date", "20261126T050000Z"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("7 units from 13 read in 3 files (6 duplicates dropped)"), std::string::npos) << r.out;
  const TmxMemory merged = read(out);
  ASSERT_EQ(merged.units.size(), 7u);
  for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(merged.units[i], original.units[i]) << "unit " << i;
  EXPECT_EQ(merged.units[5].variants[1].markup, extra[0].variants[1].markup);
  EXPECT_EQ(merged.units[6].variants[0].text, extra[1].variants[0].text);
  auto codes = codes_of(original);
  codes.push_back("<it pos=\"begin\" x=\"2\">");
  codes.push_back("<it pos=\"end\" x=\"2\">");
  EXPECT_EQ(codes_of(merged), codes);
  bool skipped = false;
  const std::string why = dtd_check(out, &skipped);
  if (skipped) GTEST_SKIP() << why;
  EXPECT_EQ(why, "");
}

TEST(TmxCli, MergeRefusesDifferentSourceLanguagesUnlessTold) {
  const std::string dir = testing::temp_dir();
  TmxHeader h;
  h.srclang = "en-GB";
  h.creationdate = "20261126T050000Z";
  {
    auto w = TmxWriter::open(dir + "/en.tmx", h);
    ASSERT_TRUE(w.ok());
    TranslationUnit u;
    u.variants = {{"en-GB", "General Assembly"}, {"zh-CN", "大会"}};
    ASSERT_TRUE((*w)->add(u).ok());
    ASSERT_TRUE((*w)->finish().ok());
  }
  auto r = run_cli({"tmx", "merge", fixture("inline-codes.tmx"), dir + "/en.tmx", "-o", dir + "/m.tmx"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("source language 'en-GB' differs from 'ZH-CN'"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir + "/m.tmx"));
  auto forced = run_cli({"tmx", "merge", "--srclang", "zh-CN", fixture("inline-codes.tmx"), dir + "/en.tmx", "-o",
                         dir + "/m.tmx"});
  EXPECT_EQ(forced.status, 0) << forced.err;
  EXPECT_EQ(read(dir + "/m.tmx").units.size(), 6u);
}

TEST(TmxCli, MergeToTsvPutsTheSourceFirst) {
  const std::string dir = testing::temp_dir();
  auto r = run_cli({"tmx", "merge", fixture("inline-codes.tmx"), fixture("inline-codes.utf16.tmx"), "-o",
                    dir + "/m.tsv"});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string t = testing::slurp(dir + "/m.tsv");
  EXPECT_EQ(t.substr(0, t.find('\n')), "ZH-CN\tEN-GB\tru-RU\tar");
  EXPECT_EQ(std::count(t.begin(), t.end(), '\n'), 6);
}

}  // namespace
}  // namespace paralign
