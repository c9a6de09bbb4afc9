// The batch stage: what file names say, the stable shard hash, and whole batches over a small collection built from
// the repository's fixtures (six language versions of one report, three of another, an orphan and an unreadable
// file): the manifest, the memories, the merged order, --resume, a stop, and shards that add up to the whole.
#include "paralign/batch.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "paralign/tmx.hpp"
#include "test_support.hpp"

namespace paralign {
namespace {

namespace fs = std::filesystem;

TEST(BatchNames, UnFileNameForms) {
  struct Case {
    const char* path;
    const char* symbol;
    const char* language;
    const char* stem;
  };
  const Case cases[] = {
      {"docs/A_59_181-ZH.txt", "A/59/181", "zh", "A_59_181"},
      {"A-59-181_zh.pdf", "A/59/181", "zh", "A-59-181"},
      {"A_59_181.zh.txt", "A/59/181", "zh", "A_59_181"},
      {"A_59_181-CH.txt", "A/59/181", "zh", "A_59_181"},   // ODS spelling of Chinese
      {"S_2004_1-SP.txt", "S/2004/1", "es", "S_2004_1"},   // ... and of Spanish
      {"coll/ar/A_C.1_58_L.34_Rev.1.txt", "A/C.1/58/L.34/Rev.1", "ar", "A_C.1_58_L.34_Rev.1"},
      {"coll/ru/E_CN.4_2004_L.1.txt", "E/CN.4/2004/L.1", "ru", "E_CN.4_2004_L.1"},
      {"corpora/samples/water_report.en.txt", "", "en", "water_report"},
      {"N0443891.pdf", "", "", "N0443891"},                // a job number: the symbol is in the text
      {"zh/报告.txt", "", "zh", "报告"},
      {"A_59_181.txt", "A/59/181", "", "A_59_181"},
      {"notes-en.txt", "", "en", "notes"},
      {"A_59_181-XX.txt", "A/59/181/XX", "", "A_59_181-XX"},  // XX is no language: part of the symbol
  };
  for (const auto& c : cases) {
    const NameInfo n = parse_document_name(c.path);
    EXPECT_EQ(n.symbol, c.symbol) << c.path;
    EXPECT_EQ(n.language, c.language) << c.path;
    EXPECT_EQ(n.stem, c.stem) << c.path;
  }
}

TEST(BatchNames, KeyFileName) {
  EXPECT_EQ(key_file_name("A/59/181"), "A_59_181");
  EXPECT_EQ(key_file_name("A/C.1/58/L.34/Rev.1"), "A_C.1_58_L.34_Rev.1");
  EXPECT_EQ(key_file_name("报告"), "______");  // six bytes of UTF-8, each replaced
  EXPECT_EQ(key_file_name(".hidden"), "_.hidden");
}

TEST(BatchShard, StableAndSpread) {
  // FNV-1a values are fixed: a shard must not move between machines or releases.
  EXPECT_EQ(group_hash(""), 14695981039346656037ULL);
  EXPECT_EQ(group_hash("a"), 0xaf63dc4c8601ec8cULL);
  std::map<std::size_t, int> counts;
  for (int i = 0; i < 400; ++i) {
    const std::string key = "A/" + std::to_string(60 + i % 5) + "/" + std::to_string(100 + i);
    const std::size_t s = shard_of(key, 4);
    ASSERT_GE(s, 1u);
    ASSERT_LE(s, 4u);
    EXPECT_EQ(s, shard_of(key, 4));
    ++counts[s];
  }
  for (std::size_t s = 1; s <= 4; ++s) EXPECT_GT(counts[s], 60) << "shard " << s << " gets too few groups";
  EXPECT_EQ(shard_of("A/59/181", 1), 1u);
}

// A small collection: the fixture report in five languages under three naming forms, the sample report found by
// its text (names without symbol), the Chinese A/59/181 alone, and a "Russian" file that is not text.
std::string make_collection() {
  const std::string dir = testing::temp_dir() + "/coll";
  const std::string src = testing::source_dir();
  const auto copy = [&](const std::string& from, const std::string& to) {
    fs::create_directories(fs::path(dir + "/" + to).parent_path());
    fs::copy_file(src + "/" + from, dir + "/" + to, fs::copy_options::overwrite_existing);
  };
  copy("tests/fixtures/read/report.zh.txt", "s80/A_80_999-ZH.txt");
  copy("tests/fixtures/read/report.en.txt", "s80/A-80-999_en.txt");
  copy("tests/fixtures/read/report.fr.txt", "s80/A_80_999.fr.txt");
  copy("tests/fixtures/read/report.ru.txt", "s80/ru/A_80_999.txt");
  copy("tests/fixtures/read/report.ar.txt", "s80/A_80_999-AR.txt");
  copy("corpora/samples/water_report.zh.txt", "samples/water_report.zh.txt");
  copy("corpora/samples/water_report.en.txt", "samples/water_report.en.txt");
  copy("corpora/samples/water_report.fr.txt", "samples/water_report.fr.txt");
  copy("corpora/A_59_181.zh.txt", "A_59_181.zh.txt");
  fs::create_directories(dir + "/s81");
  std::ofstream(dir + "/s81/A_81_5-ZH.txt") << "联合国\n\n1. 本报告是根据大会第 80/1 号决议提交的。\n";
  std::ofstream(dir + "/s81/A_81_5-RU.txt", std::ios::binary) << std::string("PK\0\0\x01\x02", 6);
  std::ofstream(dir + "/s81/notes.md") << "not a document\n";
  return dir;
}

BatchOptions options(const std::string& coll, const std::string& out) {
  BatchOptions o;
  o.roots = {coll};
  o.output_dir = out;
  o.threads = 2;
  o.merge = true;
  o.qa = false;
  o.date = "20260101T000000Z";
  return o;
}

std::map<std::string, std::vector<std::string>> manifest(const std::string& out) {
  std::ifstream in(out + "/manifest.tsv");
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line.rfind("path\tkey\tsymbol\t", 0), 0u);
  std::map<std::string, std::vector<std::string>> rows;  // file name -> fields
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::size_t pos = 0;
    while (true) {
      const std::size_t tab = line.find('\t', pos);
      f.push_back(line.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos));
      if (tab == std::string::npos) break;
      pos = tab + 1;
    }
    EXPECT_EQ(f.size(), 11u) << line;
    rows[fs::path(f[0]).filename().string() + (fs::path(f[0]).parent_path().filename() == "ru" ? "@ru" : "")] = f;
  }
  return rows;
}

TEST(Batch, AlignsGroupsAndWritesManifest) {
  const std::string coll = make_collection();
  const std::string out = testing::temp_dir() + "/out";
  auto s = run_batch(options(coll, out), nullptr, nullptr);
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  EXPECT_EQ(s->files, 11u);  // notes.md is not a document
  EXPECT_EQ(s->aligned, 2u);
  EXPECT_EQ(s->unpaired, 2u);  // A/59/181 and A/81/5 (its Russian side cannot be read)
  EXPECT_FALSE(s->interrupted);
  EXPECT_TRUE(s->merged);
  EXPECT_GT(s->sentence_pairs, 0u);

  auto rows = manifest(out);
  ASSERT_EQ(rows.size(), 11u);
  const auto& zh = rows.at("A_80_999-ZH.txt");
  EXPECT_EQ(zh[1], "A/80/999");
  EXPECT_EQ(zh[3], "name");
  EXPECT_EQ(zh[4], "zh");
  EXPECT_EQ(zh[5], "aligned");
  EXPECT_EQ(zh[6], "en,fr,ru,ar");
  EXPECT_EQ(zh[7], "memories/A_80_999.tmx");
  EXPECT_EQ(rows.at("A_80_999.txt@ru")[5], "aligned");
  EXPECT_EQ(rows.at("A_80_999.txt@ru")[6], "zh,en,fr,ar");
  // The sample report's names carry no symbol: the text gives it.
  const auto& water = rows.at("water_report.en.txt");
  EXPECT_EQ(water[3], "text");
  EXPECT_EQ(water[5], "aligned");
  EXPECT_EQ(water[1], water[2]);
  EXPECT_EQ(rows.at("A_59_181.zh.txt")[5], "unpaired");
  EXPECT_NE(rows.at("A_59_181.zh.txt")[10].find("no other language version"), std::string::npos);
  EXPECT_EQ(rows.at("A_81_5-RU.txt")[5], "failed");
  EXPECT_EQ(rows.at("A_81_5-ZH.txt")[5], "unpaired");

  // Memories: one per aligned group, six languages in the fixture report's; merged = both, in key order.
  auto m = read_tmx_file(out + "/memories/A_80_999.tmx");
  ASSERT_TRUE(m.ok()) << m.status().to_string();
  std::set<std::string> langs;
  for (const auto& u : m->units) {
    for (const auto& v : u.variants) langs.insert(v.lang);
  }
  EXPECT_EQ(langs, (std::set<std::string>{"zh", "en", "fr", "ru", "ar"}));
  auto merged = read_tmx_file(out + "/merged.tmx");
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(merged->units.size(), s->units);
  std::string last;
  for (const auto& u : merged->units) {
    ASSERT_FALSE(u.props.empty());
    ASSERT_EQ(u.props[0].type, "x-symbol");
    EXPECT_LE(last, u.props[0].value);
    last = u.props[0].value;
  }
  // Well-formed TMX 1.4b; the only strict-validator complaints allowed are the units of target sentences without a
  // Chinese counterpart, which the align pipeline keeps (as `paralign align` does) so no sentence is lost.
  auto v = validate_tmx(out + "/merged.tmx");
  ASSERT_TRUE(v.ok()) << v.status().to_string();
  EXPECT_EQ(v->units, merged->units.size());
  for (const auto& issue : v->issues) {
    if (issue.severity == TmxIssue::Severity::kError) {
      EXPECT_NE(issue.message.find("no <tuv> in the source language"), std::string::npos) << issue.message;
    }
  }
}

TEST(Batch, ProgressCountsEveryGroupAndReportsTheBadFile) {
  const std::string coll = make_collection();
  std::vector<BatchProgress> seen;
  auto s = run_batch(options(coll, testing::temp_dir() + "/out"),
                     [&](const BatchProgress& p) { seen.push_back(p); }, nullptr);
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(seen.size(), s->groups + 1);  // once at the start, then once per group
  EXPECT_EQ(seen.front().groups_done, 0u);
  EXPECT_EQ(seen.back().groups_done, seen.back().groups_total);
  // Only aligned groups count as bytes done; the unpaired ones leave the total.
  EXPECT_EQ(seen.back().bytes_done, seen.back().bytes_total);
  EXPECT_EQ(seen.back().bytes_done, s->bytes);
  std::string events;
  for (const auto& p : seen) events += p.event;
  EXPECT_NE(events.find("A_81_5-RU.txt: left out:"), std::string::npos) << events;
}

TEST(Batch, ResumeDoesNothingThenRedoesAChangedDocument) {
  const std::string coll = make_collection();
  const std::string out = testing::temp_dir() + "/out";
  ASSERT_TRUE(run_batch(options(coll, out), nullptr, nullptr).ok());
  const std::string merged1 = testing::slurp(out + "/merged.tmx");
  BatchOptions o = options(coll, out);
  o.resume = true;
  auto again = run_batch(o, nullptr, nullptr);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->aligned, 0u);
  EXPECT_EQ(again->resumed, 2u);
  EXPECT_TRUE(again->merged_current);  // nothing new: the merged memory is left as it is
  EXPECT_FALSE(again->merged);
  EXPECT_EQ(testing::slurp(out + "/merged.tmx"), merged1);
  EXPECT_EQ(manifest(out).at("A_80_999-ZH.txt")[5], "resumed");

  // A newer input makes its group stale; the other stays resumed.
  const fs::path en = coll + "/s80/A-80-999_en.txt";
  fs::last_write_time(en, fs::file_time_type::clock::now() + std::chrono::seconds(5));
  auto third = run_batch(o, nullptr, nullptr);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->aligned, 1u);
  EXPECT_EQ(third->resumed, 1u);
  EXPECT_TRUE(third->merged);
  EXPECT_EQ(testing::slurp(out + "/merged.tmx"), merged1);
}

TEST(Batch, StopLeavesNoMergedMemoryAndResumeCompletes) {
  const std::string coll = make_collection();
  const std::string out = testing::temp_dir() + "/out";
  std::atomic<bool> stop{true};  // raised before the first group: nothing may be started
  auto s = run_batch(options(coll, out), nullptr, &stop);
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->interrupted);
  EXPECT_FALSE(fs::exists(out + "/merged.tmx"));
  EXPECT_TRUE(fs::is_empty(out + "/memories"));
  EXPECT_EQ(manifest(out).at("A_80_999-ZH.txt")[5], "interrupted");
  BatchOptions o = options(coll, out);
  o.resume = true;
  auto done = run_batch(o, nullptr, nullptr);
  ASSERT_TRUE(done.ok());
  EXPECT_FALSE(done->interrupted);
  EXPECT_EQ(done->aligned, 2u);
  EXPECT_TRUE(fs::exists(out + "/merged.tmx"));
}

TEST(Batch, ShardsCoverTheCollectionOnce) {
  const std::string coll = make_collection();
  const std::string base = testing::temp_dir();
  std::map<std::string, std::string> owner;  // file -> shard that listed it
  std::size_t aligned = 0;
  for (std::size_t k = 1; k <= 3; ++k) {
    BatchOptions o = options(coll, base + "/shard" + std::to_string(k));
    o.shard_index = k;
    o.shard_count = 3;
    auto s = run_batch(o, nullptr, nullptr);
    ASSERT_TRUE(s.ok()) << s.status().to_string();
    aligned += s->aligned;
    for (const auto& [name, row] : manifest(o.output_dir)) {
      EXPECT_TRUE(owner.emplace(name, o.output_dir).second) << name << " listed by two shards";
      EXPECT_EQ(shard_of(row[1], 3), k) << name;
    }
  }
  EXPECT_EQ(owner.size(), 11u);
  EXPECT_EQ(aligned, 2u);
}

// Language data kept beside the documents is listed as skipped, with its reason, not read as an unpaired document;
// --exclude leaves files out altogether; a failed file makes the command's exit status 2.
TEST(Batch, SkipsDataFilesHonoursExcludeAndFailsTheExitStatus) {
  const std::string coll = make_collection();
  fs::create_directories(coll + "/data");
  std::ofstream(coll + "/data/abbreviations.txt") << "# 缩略语：每行一条，制表符分隔\n等\tno-break\n例如\tno-break\n";
  std::ofstream(coll + "/data/series.txt") << "A\tGeneral Assembly\nS\tSecurity Council\nE\tECOSOC\nST\tSecretariat\n";
  {
    std::ofstream words(coll + "/data/stop-ru.txt");
    for (const char* w : {"и", "в", "не", "на", "что", "с", "по", "как", "для", "из", "о", "к"}) words << w << "\n";
  }
  std::ofstream(coll + "/data/readme.txt") << "Правила сегментации для документов ООН.\n";
  // An unreadable Spanish version inside a group that is aligned all the same.
  std::ofstream(coll + "/s80/A_80_999-ES.txt", std::ios::binary) << std::string("PK\0\0\x01\x02", 6);
  const std::string out = testing::temp_dir() + "/out";
  BatchOptions o = options(coll, out);
  o.exclude = {"readme.*"};
  auto s = run_batch(o, nullptr, nullptr);
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  EXPECT_EQ(s->files, 15u);  // readme.txt is excluded
  EXPECT_EQ(s->skipped, 3u);
  EXPECT_EQ(s->aligned, 2u);
  EXPECT_EQ(s->files_failed, 2u);  // A_81_5-RU.txt, A_80_999-ES.txt
  auto rows = manifest(out);
  EXPECT_EQ(rows.at("A_80_999-ES.txt")[5], "failed");
  EXPECT_EQ(rows.at("A_80_999-ZH.txt")[6], "en,fr,ru,ar");
  // --resume lists the unreadable file as failed again, with its reason, not as resumed.
  BatchOptions r = o;
  r.resume = true;
  auto again = run_batch(r, nullptr, nullptr);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->resumed, 2u);
  EXPECT_EQ(again->files_failed, 2u);
  auto rows_again = manifest(out);
  EXPECT_EQ(rows_again.at("A_80_999-ES.txt")[5], "failed");
  EXPECT_EQ(rows_again.at("A_80_999-ES.txt")[10], rows.at("A_80_999-ES.txt")[10]);
  EXPECT_EQ(rows_again.at("A_80_999-ZH.txt")[6], "en,fr,ru,ar");
  fs::remove(coll + "/s80/A_80_999-ES.txt");
  EXPECT_EQ(rows.count("readme.txt"), 0u);
  for (const char* name : {"abbreviations.txt", "series.txt", "stop-ru.txt"}) {
    ASSERT_EQ(rows.count(name), 1u) << name;
    EXPECT_EQ(rows.at(name)[5], "skipped") << name;
    EXPECT_EQ(rows.at(name)[10].rfind("not a document: ", 0), 0u) << rows.at(name)[10];
  }
  EXPECT_NE(rows.at("abbreviations.txt")[10].find("comment"), std::string::npos);
  EXPECT_NE(rows.at("series.txt")[10].find("tab-separated"), std::string::npos);
  EXPECT_NE(rows.at("stop-ru.txt")[10].find("one short entry"), std::string::npos);
  // A folder matched by --exclude is not searched.
  o.exclude = {"data"};
  auto without = run_batch(o, nullptr, nullptr);
  ASSERT_TRUE(without.ok());
  EXPECT_EQ(without->files, 11u);
  EXPECT_EQ(without->skipped, 0u);

  auto cli = testing::run_cli({"batch", coll, "-o", testing::temp_dir() + "/cli-out", "-j", "1", "--exclude", "data",
                               "--date", "20260101T000000Z", "--progress", "none"});
  EXPECT_EQ(cli.status, 2) << cli.err;
  EXPECT_NE(cli.err.find("1 file failed"), std::string::npos) << cli.err;
  fs::remove(coll + "/s81/A_81_5-RU.txt");
  auto clean = testing::run_cli({"batch", coll, "-o", testing::temp_dir() + "/cli-out2", "-j", "1", "--exclude",
                                 "data", "--date", "20260101T000000Z", "--progress", "none"});
  EXPECT_EQ(clean.status, 0) << clean.err;
}

TEST(Batch, BadOptionsAreRefused) {
  BatchOptions o;
  EXPECT_EQ(run_batch(o, nullptr, nullptr).status().code(), ErrorCode::kInvalidArgument);
  o = options(testing::temp_dir(), testing::temp_dir() + "/out");
  o.shard_index = 5;
  o.shard_count = 4;
  EXPECT_EQ(run_batch(o, nullptr, nullptr).status().code(), ErrorCode::kInvalidArgument);
  o = options(testing::temp_dir() + "/missing", testing::temp_dir() + "/out");
  EXPECT_EQ(run_batch(o, nullptr, nullptr).status().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace paralign
