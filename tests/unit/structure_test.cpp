// The structure stage on the seed report A/59/181 (Chinese, text from the PDF), on two small UN-style fixtures
// written for these tests (tests/fixtures/structure/, an English report and its Chinese twin), on the shared
// resolution excerpts, and on short table-driven cases (among them water_aid.ar.txt, an Arabic report with lists).
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "paralign/structure.hpp"
#include "test_support.hpp"
#include "util/utf8.hpp"

namespace paralign {
namespace {

using testing::slurp;
using testing::source_dir;

Document build(const std::string& text, bool segmented = false) {
  StructureOptions opts;
  opts.segmented = segmented;
  Result<Document> doc = build_structure(text, opts);
  EXPECT_TRUE(doc.ok()) << doc.status().to_string();
  return doc.ok() ? std::move(doc).value() : Document{};
}

const Document& seed() {
  static const Document doc = build(slurp(source_dir() + "/corpora/A_59_181.zh.txt"));
  return doc;
}

std::vector<const Block*> of_kind(const Document& d, BlockKind kind) {
  std::vector<const Block*> out;
  for (const Block& b : d.blocks)
    if (b.kind == kind) out.push_back(&b);
  return out;
}

const Block* paragraph(const Document& d, int n) {
  for (const Block& b : d.blocks)
    if (b.kind == BlockKind::kParagraph && b.number == n) return &b;
  return nullptr;
}

const Block* heading(const Document& d, const std::string& text) {
  for (const Block& b : d.blocks)
    if (b.kind == BlockKind::kHeading && b.text == text) return &b;
  return nullptr;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

std::vector<int> marker_numbers(const Block& b) {
  std::vector<int> out;
  for (const FootnoteMarker& m : b.markers) out.push_back(m.number);
  return out;
}

// ---------------------------------------------------------------------------------------------- the seed report

TEST(StructureSeed, NumbersParagraphsOneToSeventySixInOrder) {
  const auto paras = of_kind(seed(), BlockKind::kParagraph);
  std::vector<int> numbers;
  for (const Block* b : paras)
    if (b->number) numbers.push_back(*b->number);
  ASSERT_EQ(numbers.size(), 76u);
  for (int i = 0; i < 76; ++i) EXPECT_EQ(numbers[i], i + 1);
  EXPECT_EQ(seed().symbol, "A/59/181");
}

TEST(StructureSeed, ParagraphsBeginWhereTheReportSays) {
  const struct {
    int number;
    const char* begins;
  } cases[] = {
      {1, "本报告是根据题为"},
      {19, "在其它关键领域"},
      {37, "阿尔巴尼亚"},
      {69, "2003 年 6 月 23 日"},
      {76, "联合国各部厅、专门机构和基金的各种举措"},
  };
  for (const auto& c : cases) {
    const Block* p = paragraph(seed(), c.number);
    ASSERT_NE(p, nullptr) << c.number;
    EXPECT_TRUE(starts_with(p->text, c.begins)) << c.number << ": " << p->text.substr(0, 60);
    EXPECT_EQ(p->label, std::to_string(c.number) + ".");
  }
}

TEST(StructureSeed, HeadingsCarryTheirLabelsAndLevels) {
  const struct {
    const char* text;
    const char* label;
    int level;
  } cases[] = {
      {"导言", "一.", 1},          {"结论", "三.", 1},         {"联合国系统开展的活动", "A.", 2},
      {"在国家一级开展的活动", "C.", 2}, {"大会", "1.", 3},         {"安全理事会", "2.", 3},
      {"世界卫生组织", "13.", 3},   {"组织会议", "(a)", 4},      {"注", "", 1},
      {"关注的问题", "", 4},
  };
  for (const auto& c : cases) {
    const Block* h = heading(seed(), c.text);
    ASSERT_NE(h, nullptr) << c.text;
    EXPECT_EQ(h->label, c.label) << c.text;
    EXPECT_EQ(h->level, c.level) << c.text;
    EXPECT_FALSE(h->number.has_value()) << c.text;
  }
  // "2. 安全理事会" stands between paragraphs 21 and 22.
  const auto& blocks = seed().blocks;
  const auto at = [&](const Block* b) { return b - blocks.data(); };
  EXPECT_GT(at(heading(seed(), "安全理事会")), at(paragraph(seed(), 21)));
  EXPECT_LT(at(heading(seed(), "安全理事会")), at(paragraph(seed(), 22)));
  // The heading that runs over two lines is one heading.
  EXPECT_NE(heading(seed(), "《从各个方面防止、打击和消除小武器和轻武器非法贸易的行动纲领》执行情况"), nullptr);
}

TEST(StructureSeed, NotesUnderZhuAreFootnotesOneToSixteen) {
  std::vector<int> numbers;
  std::vector<std::string> asterisks;
  for (const Block* b : of_kind(seed(), BlockKind::kFootnote)) {
    if (b->number) numbers.push_back(*b->number);
    else asterisks.push_back(b->label);
  }
  ASSERT_EQ(numbers.size(), 16u);
  for (int i = 0; i < 16; ++i) EXPECT_EQ(numbers[i], i + 1);
  EXPECT_EQ(asterisks, (std::vector<std::string>{"*", "**"}));
  const auto notes = of_kind(seed(), BlockKind::kFootnote);
  EXPECT_EQ(notes[0]->text, "A/59/150。");
  EXPECT_TRUE(starts_with(notes[2]->text, "见《联合国小武器和轻武器非法贸易各方面问题大会的报告"));
  // Note 8 holds a web address broken after "disarmament." — rejoined without a space.
  EXPECT_NE(notes[2 + 7]->text.find("（http://disarmament.un.org/cab/salw.html）查阅"), std::string::npos)
      << notes[2 + 7]->text;
}

TEST(StructureSeed, MarkersSitInTheRightParagraphs) {
  const std::map<int, std::vector<int>> expected = {
      {9, {1}},       {27, {2, 3, 4, 5, 6}}, {28, {7}},  {35, {8}},  {36, {9, 10}},
      {63, {11}},     {64, {12}},            {68, {13, 14}}, {69, {15}}, {70, {16}},
  };
  std::map<int, std::vector<int>> found;
  for (const Block& b : seed().blocks) {
    if (b.markers.empty()) continue;
    ASSERT_TRUE(b.kind == BlockKind::kParagraph && b.number) << b.text.substr(0, 60);
    found[*b.number] = marker_numbers(b);
    for (const FootnoteMarker& m : b.markers) EXPECT_LE(m.offset, b.text.size());
  }
  EXPECT_EQ(found, expected);
  // Offsets point where the number stood: after "刚果民主共和国、" and at the end of paragraph 35.
  const Block* p27 = paragraph(seed(), 27);
  EXPECT_EQ(p27->text.substr(0, p27->markers[0].offset), "关于刚果民主共和国、");
  const Block* p35 = paragraph(seed(), 35);
  EXPECT_EQ(p35->markers[0].offset, p35->text.size());
  const Block* p69 = paragraph(seed(), 69);
  EXPECT_EQ(p69->text.substr(p69->markers[0].offset, 18), "《共同立场》");
}

TEST(StructureSeed, TextIsReflowedWithoutBreaksMarkersOrRepeatedLinks) {
  for (const Block& b : seed().blocks) {
    EXPECT_EQ(b.text.find('\n'), std::string::npos) << b.text.substr(0, 60);
    EXPECT_EQ(b.text.find("disarma- "), std::string::npos) << b.text.substr(0, 60);
    EXPECT_EQ(b.text.find("A/59/181"), std::string::npos) << b.text.substr(0, 60);
    EXPECT_FALSE(b.text.empty());
  }
  const struct {
    int paragraph;
    const char* contains;
  } cases[] = {
      {3, "(见 http://disarmament2.un.org/cab/salw-oewg.html)的组织会议"},  // broken link rejoined
      {3, "2005 年 1 月 24 日至 2 月 4 日"},                               // spaced digits kept
      {9, "（A/54/860-S/2000/385，附件）"},                                // a real hyphen stays
      {9, "欧洲-大西洋合作理事会"},
      {9, "行动纲领》的讲习班期间"},                          // marker 1 out, no stray space
      {24, "2004 年 1 月 20 日，秘书长"},                      // joined across a page break
      {27, "关于刚果民主共和国、利比里亚、索马里、基地组织和塔利班"},  // markers 2-4 out
      {28, "由联合国 17 个实体组成"},
      {63, "第 535 号决定，要求协助处理冲突后恢复期间"},
      {64, "第 7/03 号决定，请欧安组织秘书处"},               // "12 请…": marker at a line start
      {62, "销毁 11 650 吨小武器"},                           // "11 650" is a number, not a marker
      {70, "33 个参加国于 2003 年 12 月 10 日"},
      {73, "（这些报告可通过以下网址查阅：http://disarmament2.un.org/cab/salw-nationalreports.html）。"},
  };
  for (const auto& c : cases) {
    const Block* p = paragraph(seed(), c.paragraph);
    ASSERT_NE(p, nullptr);
    EXPECT_NE(p->text.find(c.contains), std::string::npos) << c.paragraph << ": " << p->text;
  }
  // The link of paragraph 3 stands there once: the copies at the page foot are furniture.
  const Block* p3 = paragraph(seed(), 3);
  EXPECT_EQ(p3->text.find("salw-oewg"), p3->text.rfind("salw-oewg"));
  // Paragraph 68 ends with its own text, not with the page number or header that follow it.
  const Block* p68 = paragraph(seed(), 68);
  const std::string end = "《共同军事设备清单》。";
  EXPECT_TRUE(p68->text.size() > end.size() && p68->text.substr(p68->text.size() - end.size()) == end) << p68->text;
}

TEST(StructureSeed, PageFurnitureIsKeptAside) {
  std::multimap<std::string, std::string> furniture;
  for (const Furniture& f : seed().furniture) furniture.emplace(f.kind, f.text);
  const auto has = [&](const std::string& kind, const std::string& text) {
    const auto [b, e] = furniture.equal_range(kind);
    return std::count_if(b, e, [&](const auto& kv) { return kv.second == text; });
  };
  EXPECT_EQ(has("page-number", "15"), 1);
  EXPECT_EQ(has("running-header", "A/59/181"), 1);
  EXPECT_EQ(has("separator", "__________________"), 1);
  EXPECT_EQ(has("link-repeat", "http://disarma- ment2.un.org/cab/salw-oewg.html"), 2);
  EXPECT_EQ(has("link-repeat", "http://disarmament2.un.org/cab/salw-nationalreports.html"), 2);
  EXPECT_EQ(has("link-repeat", "http://disarmament2.un.org/cab/salw-orgs.html"), 1);
  EXPECT_EQ(has("hyphen", "-"), 1);
  for (const Furniture& f : seed().furniture) {
    if (f.kind == "page-number") EXPECT_EQ(f.lines.first, 921u);
    if (f.kind == "running-header") EXPECT_EQ(f.lines.first, 924u);
  }
}

TEST(StructureSeed, SummaryComesFirst) {
  const auto& blocks = seed().blocks;
  ASSERT_GE(blocks.size(), 5u);
  EXPECT_EQ(blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(blocks[0].text, "摘要");
  const auto summary = of_kind(seed(), BlockKind::kSummary);
  ASSERT_EQ(summary.size(), 4u);
  EXPECT_TRUE(starts_with(summary[0]->text, "本报告总结了联合国根据大会第 58/58 号决议，应各国提出的请求，协助它们努力"));
  EXPECT_EQ(summary[3]->text, "报告叙述了 2003 年 7 月至 2004 年 7 月期间开展的活动。");
  EXPECT_EQ(summary[0]->lines.first, 3u);
  EXPECT_EQ(summary[0]->lines.last, 7u);
}

// Every character of the input ends up in a block (label, text, marker numbers) or in the furniture: the multiset
// of non-space code points in equals the multiset out.
std::map<char32_t, long> count_chars(std::string_view s, long sign, std::map<char32_t, long> into = {}) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    const char32_t cp = utf8::next(s, pos);
    if (!utf8::is_space(cp)) into[cp] += sign;
  }
  return into;
}

void expect_accounted(const std::string& input, const Document& doc) {
  std::map<char32_t, long> balance = count_chars(input, 1);
  for (const Block& b : doc.blocks) {
    balance = count_chars(b.label, -1, std::move(balance));
    balance = count_chars(b.text, -1, std::move(balance));
    for (const FootnoteMarker& m : b.markers) balance = count_chars(std::to_string(m.number), -1, std::move(balance));
  }
  for (const Furniture& f : doc.furniture) balance = count_chars(f.text, -1, std::move(balance));
  for (const auto& [cp, n] : balance) {
    std::string ch;
    utf8::append(ch, cp);
    EXPECT_EQ(n, 0) << "'" << ch << "' (U+" << std::hex << static_cast<unsigned>(cp) << ") "
                    << (n > 0 ? "lost" : "invented");
  }
}

TEST(StructureSeed, EveryCharacterIsAccountedFor) {
  expect_accounted(slurp(source_dir() + "/corpora/A_59_181.zh.txt"), seed());
}

// ---------------------------------------------------------------------------------------------- our fixtures

struct FixtureFacts {
  const char* file;
  std::vector<std::pair<const char*, const char*>> headings;  // text, label
  std::map<int, std::vector<int>> markers;
  std::vector<std::pair<int, const char*>> contains;
};

class StructureFixture : public ::testing::TestWithParam<FixtureFacts> {};

TEST_P(StructureFixture, RebuildsTheReport) {
  const FixtureFacts& f = GetParam();
  const std::string text = slurp(source_dir() + "/tests/fixtures/structure/" + f.file);
  const Document doc = build(text);
  EXPECT_EQ(doc.symbol, "A/70/999");
  std::vector<int> numbers;
  for (const Block* b : of_kind(doc, BlockKind::kParagraph))
    if (b->number) numbers.push_back(*b->number);
  EXPECT_EQ(numbers, (std::vector<int>{1, 2, 3, 4, 5, 6}));
  for (const auto& [t, label] : f.headings) {
    const Block* h = heading(doc, t);
    ASSERT_NE(h, nullptr) << t;
    EXPECT_EQ(h->label, label) << t;
  }
  std::map<int, std::vector<int>> found;
  for (const Block& b : doc.blocks)
    if (!b.markers.empty() && b.number && b.kind == BlockKind::kParagraph) found[*b.number] = marker_numbers(b);
  EXPECT_EQ(found, f.markers);
  for (const auto& [n, s] : f.contains) {
    const Block* p = paragraph(doc, n);
    ASSERT_NE(p, nullptr) << n;
    EXPECT_NE(p->text.find(s), std::string::npos) << n << ": " << p->text;
  }
  std::vector<int> notes;
  for (const Block* b : of_kind(doc, BlockKind::kFootnote)) notes.push_back(b->number.value_or(0));
  EXPECT_EQ(notes, (std::vector<int>{0, 1, 2, 3, 4}));
  EXPECT_EQ(of_kind(doc, BlockKind::kItem).size(), 3u);
  EXPECT_EQ(of_kind(doc, BlockKind::kSummary).size(), std::string(f.file).find(".zh.") != std::string::npos ? 2u : 1u);
  bool page_number = false;
  for (const Furniture& fu : doc.furniture) page_number = page_number || (fu.kind == "page-number" && fu.text == "3");
  EXPECT_TRUE(page_number);
  for (const Block& b : doc.blocks) EXPECT_EQ(b.text.find('\n'), std::string::npos);
  expect_accounted(text, doc);
}

INSTANTIATE_TEST_SUITE_P(
    Twins, StructureFixture,
    ::testing::Values(
        FixtureFacts{"river_basins.en.txt",
                     {{"Introduction", "I."},
                      {"Activities of the United Nations system", "II."},
                      {"General Assembly and its committees", "A."},
                      {"General Assembly", "1."},
                      {"Economic and Social Council", "2."},
                      {"Regional activities", "B."},
                      {"Conclusions", "III."}},
                     {{1, {1}}, {3, {2, 3}}, {4, {4}}},
                     {{3, "into account; others called for wider use of the regional training centres set up under "
                          "the Decade for Action 2005-2015 and proposed"},
                      {4, "river basin organizations and asked"}}},
        FixtureFacts{"river_basins.zh.txt",
                     {{"导言", "一."},
                      {"联合国系统的活动", "二."},
                      {"大会及其各委员会", "A."},
                      {"大会", "1."},
                      {"经济及社会理事会", "2."},
                      {"区域活动", "B."},
                      {"结论", "三."},
                      {"注", ""}},
                     {{1, {1}}, {3, {2, 3}}, {4, {4}}},
                     {{3, "国家水法；另一些代表团"},
                      {3, "区域培训中心，并提议"},
                      {3, "见 http://www.un.org/waterlaws/list.html。"},
                      {4, "第 2014/99 号决议，请各区域委员会"}}}),
    [](const ::testing::TestParamInfo<FixtureFacts>& info) {
      return std::string(info.param.file).find(".zh.") != std::string::npos ? std::string("zh") : std::string("en");
    });

TEST(StructureFixtureEn, TitleLinesAndPageFurniture) {
  const std::string text = slurp(source_dir() + "/tests/fixtures/structure/river_basins.en.txt");
  const Document doc = build(text);
  const auto titles = of_kind(doc, BlockKind::kTitle);
  ASSERT_FALSE(titles.empty());
  EXPECT_EQ(titles.back()->text, "Report of the Secretary-General");
  std::multiset<std::string> kinds;
  for (const Furniture& f : doc.furniture) kinds.insert(f.kind);
  EXPECT_EQ(kinds.count("running-header"), 1u);
  EXPECT_EQ(kinds.count("separator"), 3u);
  EXPECT_EQ(kinds.count("other"), 4u);  // job numbers and the bar code
  // The page-foot note 2 holds a web address broken after a slash.
  const auto notes = of_kind(doc, BlockKind::kFootnote);
  EXPECT_EQ(notes[2]->text, "A list of the laws is available at http://www.un.org/waterlaws/list.html.");
}

// ---------------------------------------------------------------------------------------------- shared corpora

TEST(StructureShared, ResolutionParagraphsAndGluedMarkers) {
  PARALIGN_REQUIRE_SHARED_CORPORA();
  const std::string dir = testing::shared_corpora_dir() + "/resolution-a-res-61-211/";
  const struct {
    const char* file;
    std::map<int, std::vector<int>> markers;
    std::vector<std::pair<int, const char*>> contains;
  } cases[] = {
      {"resolution_ops.zh.txt",
       {{1, {6}}, {2, {2, 7}}, {3, {8}}, {13, {1}}},
       {{1, "注意到秘书长的报告；"}, {2, "《2001-2010 十年期支援最不发达国家行动纲领》执行情况"},
        {13, "《布鲁塞尔宣言》和《行动纲领》"}}},
      {"resolution_ops.en.txt",
       {{1, {6}}, {2, {2, 7}}, {3, {8}}, {13, {1}}},
       {{1, "report of the Secretary-General;"},
        {2, "for the Decade 2001-2010, including"},
        {2, "for the Decade 2001-2010 as an initiative"},
        {3, "the Declaration adopted"}}},
  };
  for (const auto& c : cases) {
    const Document doc = build(slurp(dir + c.file));
    std::vector<int> numbers;
    std::map<int, std::vector<int>> markers;
    for (const Block& b : doc.blocks) {
      ASSERT_EQ(b.kind, BlockKind::kParagraph) << c.file << ": " << b.text.substr(0, 40);
      numbers.push_back(b.number.value_or(0));
      if (!b.markers.empty()) markers[*b.number] = marker_numbers(b);
    }
    ASSERT_EQ(numbers.size(), 19u) << c.file;
    for (int i = 0; i < 19; ++i) EXPECT_EQ(numbers[i], i + 1) << c.file;
    EXPECT_EQ(markers, c.markers) << c.file;
    for (const auto& [n, s] : c.contains)
      EXPECT_NE(paragraph(doc, n)->text.find(s), std::string::npos) << c.file << " " << n << ": "
                                                                    << paragraph(doc, n)->text;
  }
}

// ---------------------------------------------------------------------------------------------- small cases

TEST(StructureCases, GluedMarkersAreTakenOutButNumbersStay) {
  const struct {
    const char* line;
    const char* text;
    std::vector<int> markers;
  } cases[] = {
      {"1. 注意到秘书长的报告；6", "注意到秘书长的报告；", {6}},
      {"1. 执行《行动纲领》2", "执行《行动纲领》", {2}},
      {"1. 2004年1月19日，安全理事会", "2004年1月19日，安全理事会", {}},
      {"1. 在日内瓦、6 月 11 日", "在日内瓦、6 月 11 日", {}},
      {"1. 第 1519（2003）号决议", "第 1519（2003）号决议", {}},
      {"1. Takes note of the report;6", "Takes note of the report;", {6}},
      {"1. the Brussels Declaration1 and", "the Brussels Declaration and", {1}},
      {"1. the Decade 2001-2010,2 including", "the Decade 2001-2010, including", {2}},
      {"1. the Decade 2001-20107 as", "the Decade 2001-2010 as", {7}},
      {"1. see S/2003/1147 and Corr.1), mp3 files", "see S/2003/1147 and Corr.1), mp3 files", {}},
      {"1. un taux de 1,5 pour cent", "un taux de 1,5 pour cent", {}},
      {"1. see http://disarmament2.un.org/a1.html today", "see http://disarmament2.un.org/a1.html today", {}},
      {"1. Генеральная Ассамблея,3 принимая", "Генеральная Ассамблея, принимая", {3}},
      {"1. entitled “World Summit for All”,3 held at", "entitled “World Summit for All”, held at", {3}},
  };
  for (const auto& c : cases) {
    const Document doc = build(c.line);
    ASSERT_EQ(doc.blocks.size(), 1u) << c.line;
    EXPECT_EQ(doc.blocks[0].text, c.text) << c.line;
    EXPECT_EQ(marker_numbers(doc.blocks[0]), c.markers) << c.line;
  }
}

// A long study's notes run past 999: the four-digit numbers that continue the list are markers and notes, while a
// four-digit number the list does not reach (a year) stays text.
TEST(StructureCases, NotesPastNineHundredNinetyNine) {
  std::string zh = "1. ", en = "1. ";
  for (int i = 1; i <= 1002; ++i) {
    zh += "见第 " + std::to_string(i % 7 + 1) + " 段所述报告" + std::to_string(i) + "。";
    en += "See paragraph " + std::to_string(i % 7 + 1) + " of the report." + std::to_string(i) + " ";
  }
  zh += "2005年的报告。\n\n注\n";
  en += "The report of 2005.\n\nNotes\n";
  for (int i = 1; i <= 1002; ++i) {
    zh += std::to_string(i) + " 见 A/59/" + std::to_string(i) + "。\n";
    en += std::to_string(i) + " See A/59/" + std::to_string(i) + ".\n";
  }
  for (const std::string& text : {zh, en}) {
    const Document doc = build(text);
    ASSERT_FALSE(doc.blocks.empty());
    const std::vector<int> markers = marker_numbers(doc.blocks[0]);
    ASSERT_EQ(markers.size(), 1002u) << text.substr(0, 40);
    EXPECT_EQ(markers.back(), 1002);
    EXPECT_NE(doc.blocks[0].text.find("2005"), std::string::npos);  // the year is text
    EXPECT_EQ(doc.blocks[0].text.find("1001"), std::string::npos);  // the markers are not
    std::vector<int> notes;
    for (const Block& b : doc.blocks)
      if (b.kind == BlockKind::kFootnote && b.number) notes.push_back(*b.number);
    ASSERT_EQ(notes.size(), 1002u);
    EXPECT_EQ(notes[999], 1000);
    EXPECT_EQ(notes.back(), 1002);
  }
}

TEST(StructureCases, LabelsAndLevels) {
  const struct {
    const char* text;
    const char* label;
    BlockKind kind;
    int level;
  } cases[] = {
      {"一. 导言", "一.", BlockKind::kHeading, 1},
      {"IV. Conclusions", "IV.", BlockKind::kHeading, 1},
      {"A. Регион", "A.", BlockKind::kHeading, 2},
      {"Б. Региональные меры", "Б.", BlockKind::kHeading, 2},
      {"(a) 组织会议", "(a)", BlockKind::kHeading, 4},
      {"（b）第一次实质性会议", "（b）", BlockKind::kHeading, 4},
      {"(c) Training for officers;", "(c)", BlockKind::kItem, 0},
      {"b) La formation des agents;", "b)", BlockKind::kItem, 0},
      {"ii) Региональные меры;", "ii)", BlockKind::kItem, 0},
      {"ab) Региональные меры;", "", BlockKind::kParagraph, 0},
      {"١٢ - تؤكد الجمعية العامة.", "١٢ -", BlockKind::kParagraph, 0},
      {"Annex", "", BlockKind::kHeading, 1},
      {"– To strengthen norms at every level;", "–", BlockKind::kItem, 0},
      {"• 加强各级规范；", "•", BlockKind::kItem, 0},
  };
  for (const auto& c : cases) {
    const Document doc = build(c.text);
    ASSERT_EQ(doc.blocks.size(), 1u) << c.text;
    EXPECT_EQ(doc.blocks[0].label, c.label) << c.text;
    EXPECT_EQ(doc.blocks[0].kind, c.kind) << c.text;
    EXPECT_EQ(doc.blocks[0].level, c.level) << c.text;
  }
}

TEST(StructureCases, HeadingsAreToldFromParagraphsByTheWholeSequence) {
  // "1. Staff" and "2. Budget" are headings: the paragraphs already carry 1..4.
  const std::string text =
      "1. The Committee met twice.\n"
      "1. Staff\n"
      "2. The staff grew by four posts.\n"
      "3. New posts were filled.\n"
      "2. Budget\n"
      "4. The budget was approved.\n";
  const Document doc = build(text);
  std::vector<std::string> got;
  for (const Block& b : doc.blocks)
    got.push_back(std::string(to_string(b.kind)) + ":" + (b.number ? std::to_string(*b.number) : b.label));
  EXPECT_EQ(got, (std::vector<std::string>{"paragraph:1", "heading:1.", "paragraph:2", "paragraph:3", "heading:2.",
                                           "paragraph:4"}));
}

// Each block that opens with a number, as "kind:label": the chain of numbered paragraphs must go on past a list
// numbered inside a paragraph, a paragraph missing from the translation and a mistyped number.
std::vector<std::string> numbered_kinds(const Document& doc) {
  std::vector<std::string> out;
  for (const Block& b : doc.blocks) {
    if (b.label.empty() || b.kind == BlockKind::kHeading) continue;
    out.push_back(std::string(to_string(b.kind)) + ":" + b.label);
  }
  return out;
}

TEST(StructureCases, NumberedParagraphsGoOnPastListsAndBrokenNumbers) {
  const struct {
    const char* name;
    std::string text;
    std::vector<std::string> expected;
  } cases[] = {
      // Arabic UN style ("N - "): paragraph 3 opens a list numbered 1-4, paragraph 4 follows it; paragraph 5 holds
      // (أ)/(ب) items; the annex has a list of its own.
      {"arabic report with lists",
       slurp(source_dir() + "/tests/fixtures/structure/water_aid.ar.txt"),
       {"paragraph:1 -", "paragraph:2 -", "paragraph:3 -", "item:1 -", "item:2 -", "item:3 -", "item:4 -",
        "paragraph:4 -", "paragraph:5 -", "paragraph:6 -", "item:1 -", "item:2 -", "item:3 -"}},
      // The list runs 1-3 and the next paragraph carries 4: it stays paragraph 4, not the list's fourth item.
      {"chinese list then the next number",
       "1. 本报告介绍秘书处在过去一年中开展的工作。\n\n"
       "2. 大会在第79/321号决议中请秘书长提交本报告。\n\n"
       "3. 秘书处采取了以下步骤：\n\n"
       "1. 举办了三次专家会议；\n\n"
       "2. 出版了一本关于水质监测的手册；\n\n"
       "3. 向十个国家政府提供了咨询。\n\n"
       "4. 十二个国家参加了上述活动。\n\n"
       "5. 秘书处建议各国明年继续开展合作。\n",
       {"paragraph:1.", "paragraph:2.", "paragraph:3.", "item:1.", "item:2.", "item:3.", "paragraph:4.",
        "paragraph:5."}},
      // Paragraph 3 is missing from this version: 4 and 5 go on the chain all the same.
      {"arabic paragraph missing",
       "1 - يعرض هذا التقرير ما قامت به الأمانة العامة خلال السنة الماضية.\n\n"
       "2 - وقد طلبت الجمعية العامة أن يقدم إليها هذا التقرير.\n\n"
       "4 - وشاركت في هذه الأنشطة اثنتا عشرة دولة.\n\n"
       "5 - وتوصي الأمانة العامة بمواصلة هذا التعاون.\n",
       {"paragraph:1 -", "paragraph:2 -", "paragraph:4 -", "paragraph:5 -"}},
      // A mistyped number (13 for 3) is left out of the chain; 4 and 5 are still paragraphs.
      {"arabic mistyped number",
       "1 - يعرض هذا التقرير ما قامت به الأمانة العامة خلال السنة الماضية.\n\n"
       "2 - وقد طلبت الجمعية العامة أن يقدم إليها هذا التقرير.\n\n"
       "13 - واتخذت الأمانة العامة عدة خطوات خلال الفترة.\n\n"
       "4 - وشاركت في هذه الأنشطة اثنتا عشرة دولة.\n\n"
       "5 - وتوصي الأمانة العامة بمواصلة هذا التعاون.\n",
       {"paragraph:1 -", "paragraph:2 -", "item:13 -", "paragraph:4 -", "paragraph:5 -"}},
      // 2 typed for 1 at the start, and 3 typed for 2 further on: the second of each pair is the paragraph.
      {"russian repeated numbers",
       "2. В настоящем докладе описана работа Секретариата за прошедший год.\n\n"
       "2. Генеральная Ассамблея просила представить этот доклад.\n\n"
       "3. Секретариат провел три совещания экспертов.\n\n"
       "5. Секретариат издал руководство по контролю качества воды.\n\n"
       "5. В этой работе участвовали двенадцать государств.\n\n"
       "6. Секретариат рекомендует продолжить сотрудничество.\n",
       {"item:2.", "paragraph:2.", "paragraph:3.", "item:5.", "paragraph:5.", "paragraph:6."}},
  };
  for (const auto& c : cases) {
    const Document doc = build(c.text);
    EXPECT_EQ(numbered_kinds(doc), c.expected) << c.name;
    expect_accounted(c.text, doc);
  }
}

TEST(StructureCases, ResolutionPreambleIsParagraphsAfterTheTitle) {
  // Single-spaced Latin text without trailing spaces: a short line followed by a capital ends a paragraph.
  const std::string text =
      "General Assembly Distr.: Limited\n"
      "The right to clean water\n"
      "The General Assembly,\n"
      "Recalling its earlier resolutions on the right to clean water and sanitation, and noting the\n"
      "reports submitted since then by the special rapporteur,1\n"
      "Welcoming the progress made by Member States in extending the supply of drinking water to\n"
      "rural areas,\n"
      "1. Decides to continue its consideration of the question at its next session;\n"
      "2. Requests the Secretary-General to report on the implementation of the present resolution.\n";
  const Document doc = build(text);
  std::vector<std::string> got;
  for (const Block& b : doc.blocks) got.push_back(std::string(to_string(b.kind)) + ":" + b.text.substr(0, 12));
  EXPECT_EQ(got, (std::vector<std::string>{"title:General Asse", "title:The right to", "paragraph:The General ",
                                           "paragraph:Recalling it", "paragraph:Welcoming th", "paragraph:Decides to c",
                                           "paragraph:Requests the"}));
  EXPECT_EQ(marker_numbers(doc.blocks[3]), std::vector<int>{1});
}

TEST(StructureCases, HyphensAtLineEnds) {
  const struct {
    const char* text;
    const char* joined;
    int hyphens_dropped;
  } cases[] = {
      // "co-operation" is written whole elsewhere, so the hyphen was the typesetter's.
      {"1. The Committee values cooperation and asks for more co-\noperation with States.\n",
       "The Committee values cooperation and asks for more cooperation with States.", 1},
      {"1. See A/54/860-\nS/2000/385, annex.\n", "See A/54/860-S/2000/385, annex.", 0},
      {"1. It stressed socio-\neconomic needs.\n", "It stressed socio-economic needs.", 0},
      {"1. 北大西洋公约组织欧洲-\n大西洋合作理事会\n", "北大西洋公约组织欧洲-大西洋合作理事会", 0},
  };
  for (const auto& c : cases) {
    const Document doc = build(c.text);
    ASSERT_EQ(doc.blocks.size(), 1u) << c.text;
    EXPECT_EQ(doc.blocks[0].text, c.joined);
    int dropped = 0;
    for (const Furniture& f : doc.furniture) dropped += f.kind == "hyphen";
    EXPECT_EQ(dropped, c.hyphens_dropped) << c.text;
    expect_accounted(c.text, doc);
  }
}

TEST(StructureCases, SegmentedInputKeepsEachLineAsASentence) {
  const std::string text =
      "一. 导言\n"
      "1. 本报告是根据大会决议提交的。\n"
      "报告介绍了各项活动。\n"
      "\n"
      "2.  各国代表出席了会议。\n"
      "会议通过了报告。\n"
      "会后举行了讲习班。\n";
  const Document doc = build(text, true);
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kHeading);
  const Block& p1 = doc.blocks[1];
  EXPECT_EQ(p1.number, 1);
  EXPECT_EQ(p1.text, "本报告是根据大会决议提交的。报告介绍了各项活动。");
  ASSERT_EQ(p1.source_lines.size(), 2u);
  EXPECT_EQ(p1.source_lines[1].line, 3u);
  EXPECT_EQ(p1.text.substr(p1.source_lines[1].offset), "报告介绍了各项活动。");
  const Block& p2 = doc.blocks[2];
  EXPECT_EQ(p2.number, 2);
  ASSERT_EQ(p2.source_lines.size(), 3u);
  EXPECT_EQ(p2.source_lines[0].line, 5u);
  EXPECT_EQ(p2.source_lines[2].line, 7u);
  EXPECT_EQ(p2.text.substr(p2.source_lines[2].offset), "会后举行了讲习班。");
  EXPECT_EQ(p2.text.find('\n'), std::string::npos);
}

TEST(StructureCases, SymbolFromOptionsAndEmptyInput) {
  StructureOptions opts;
  opts.symbol = "A/70/1";
  opts.language = "en";
  Result<Document> doc = build_structure("1. Text.\n", opts);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->symbol, "A/70/1");
  EXPECT_EQ(doc->language, "en");
  Result<Document> empty = build_structure(" \n\t\n", opts);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), ErrorCode::kEmpty);
}

TEST(StructureCases, LargeInputsStayWhole) {
  // Not timed (the benchmark measures speed): these shapes would take minutes if any pass were quadratic.
  std::string many;
  for (int i = 1; i <= 100000; ++i) many += "在这方面加强合作\n";
  const Document a = build("1. " + many);
  ASSERT_EQ(a.blocks.size(), 1u);
  EXPECT_EQ(a.blocks[0].text.size(), 100000u * 24);
  std::string one_line(8u << 20, 'a');
  for (std::size_t i = 0; i < one_line.size(); i += 7) one_line[i] = ' ';
  const Document b = build(one_line);
  ASSERT_EQ(b.blocks.size(), 1u);
}

}  // namespace
}  // namespace paralign
