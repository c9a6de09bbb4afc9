// `paralign qa` through cli::run: inputs, outputs written atomically, --fail-on, --ignore, usage errors.
#include <filesystem>
#include <fstream>

#include "test_support.hpp"

namespace paralign {
namespace {

using testing::run_cli;

std::string write(const std::string& dir, const std::string& name, const std::string& text) {
  std::string p = dir + "/" + name;
  std::ofstream(p) << text;
  return p;
}

const char* kMemory =
    "zh\ten\n"
    "1. 本报告是根据大会决议提交的。\t1. The present report is submitted pursuant to a General Assembly resolution.\n"
    "2. 各国应管制居间转卖活动。\t2. States should regulate intermediaries.\n"
    "3. 最终用户证书的核查。\t\n";

TEST(QaCli, WritesJsonHtmlCsvAndFailsOnErrors) {
  const std::string dir = testing::temp_dir();
  const std::string mem = write(dir, "m.tsv", kMemory);
  const std::string gl = testing::source_dir() + "/corpora/data/glossary/un-sample.csv";
  auto r = run_cli({"qa", "--tsv", mem, "--glossary", gl, "--no-spelling", "--json", dir + "/q.json", "--report",
                    dir + "/q.html", "--csv", dir + "/q.csv", "--fail-on", "error"});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.out.find("3 units checked (zh, en)"), std::string::npos) << r.out;
  std::string j = testing::slurp(dir + "/q.json");
  EXPECT_NE(j.find("\"form.empty\": 1"), std::string::npos) << j;
  EXPECT_NE(j.find("\"term.missing\": 1"), std::string::npos) << j;
  EXPECT_NE(testing::slurp(dir + "/q.html").find("<table id=\"findings\">"), std::string::npos);
  EXPECT_NE(testing::slurp(dir + "/q.csv").find("form.empty"), std::string::npos);
  for (const auto& e : std::filesystem::directory_iterator(dir))  // no temporary files left behind
    EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();

  // Warnings only: --fail-on error passes, --fail-on warning fails.
  const std::string ok = write(dir, "ok.tsv", "zh\ten\n各国应管制居间转卖活动。\tStates should regulate intermediaries.\n");
  EXPECT_EQ(run_cli({"qa", "--tsv", ok, "--glossary", gl, "--no-spelling", "--fail-on", "error"}).status, 0);
  EXPECT_EQ(run_cli({"qa", "--tsv", ok, "--glossary", gl, "--no-spelling", "--fail-on", "warning"}).status, 1);
}

TEST(QaCli, IgnoreFileSilencesAcceptedFindings) {
  const std::string dir = testing::temp_dir();
  const std::string mem = write(dir, "m.tsv", "zh\ten\n最终用户证书的核查。\t\n");
  auto first = run_cli({"qa", "--tsv", mem, "--no-spelling", "--json", "-"});
  ASSERT_EQ(first.status, 0) << first.err;
  auto k = first.out.find("\"key\": \"form.empty:");
  ASSERT_NE(k, std::string::npos) << first.out;
  std::string key = first.out.substr(k + 8, first.out.find('"', k + 8) - (k + 8));
  const std::string ignore = write(dir, "accepted.txt", key + "\n");
  auto again = run_cli({"qa", "--tsv", mem, "--no-spelling", "--ignore", ignore, "--fail-on", "info"});
  EXPECT_EQ(again.status, 0) << again.out << again.err;
  EXPECT_NE(again.out.find("(1 suppressed)"), std::string::npos) << again.out;
}

TEST(QaCli, UsageErrors) {
  EXPECT_EQ(run_cli({"qa"}).status, 2);
  EXPECT_EQ(run_cli({"qa", "--tsv", "a.tsv", "--fail-on", "fatal"}).status, 2);
  auto missing = run_cli({"qa", "--tsv", "/nonexistent/m.tsv"});
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("m.tsv"), std::string::npos);
  auto help = run_cli({"qa", "--help"});
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("--glossary"), std::string::npos);
}

TEST(QaCli, AlignsTheChineseReportAloneForSourceChecks) {
  auto r = run_cli({"qa", testing::source_dir() + "/corpora/A_59_181.zh.txt", "--json", "-"});
  ASSERT_EQ(r.status, 0) << r.err;
  // The Chinese report's 76 paragraphs are in order: no structure finding on the source alone.
  EXPECT_EQ(r.out.find("structure.paragraph"), std::string::npos) << r.out.substr(0, 2000);
}

}  // namespace
}  // namespace paralign

namespace paralign {
namespace {

TEST(QaCli, ReadsTmxWithSrclangFirstAndTuPositions) {
  auto r = testing::run_cli({"qa", "--tmx", testing::source_dir() + "/tests/fixtures/qa/sample.tmx", "--no-spelling",
                             "--json", "-"});
  ASSERT_EQ(r.status, 0) << r.err;
  // 六十二 ↔ 26 in the first <tu>; the second (variants in the other order) is clean.
  EXPECT_NE(r.out.find("\"check\": \"number.mismatch\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"id\": \"p2s1\""), std::string::npos);
  EXPECT_NE(r.out.find("\"symbol\": \"A/59/181\""), std::string::npos);
  EXPECT_NE(r.out.find("\"languages\": [\n    \"zh-CN\",\n    \"en-GB\""), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\"unit\": 1"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace paralign

namespace paralign {
namespace {

// The seed alone: `paralign qa corpora/A_59_181.zh.txt` runs the source-only checks and reports 居间转卖/中介.
TEST(QaCli, SeedAloneReportsTheBrokeringVariants) {
  auto r = testing::run_cli({"qa", testing::source_dir() + "/corpora/A_59_181.zh.txt", "--json", "-", "--fail-on",
                             "warning"});
  EXPECT_EQ(r.status, 1) << r.err;  // one warning, at the --fail-on level
  EXPECT_NE(r.out.find("\"check\": \"consistency.source-variants\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("“居间转卖”"), std::string::npos);
  EXPECT_NE(r.out.find("“中介”"), std::string::npos);
  EXPECT_EQ(r.out.find("\"check\": \"structure."), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("129 units checked (zh): 0 errors, 1 warnings"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace paralign
