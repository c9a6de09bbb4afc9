// Tests of the sentence aligner (include/paralign/sentence_align.hpp): the beads text form, the guarantee that no
// sentence is lost, small real alignments in Chinese/English, and the DP engine against the slow reference oracle.
#include "paralign/sentence_align.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "align/sentence_text.hpp"
#include "test_support.hpp"

namespace paralign {
namespace {

SentenceAligner make_aligner(SentenceAlignOptions opts = {}) {
  auto a = SentenceAligner::create(opts);
  EXPECT_TRUE(a.ok()) << a.status().to_string();
  return std::move(a).value();
}

TEST(BeadsFormat, WritesChampollionStyle) {
  std::vector<Bead> beads = {{0, 2, 0, 1}, {2, 1, 1, 0}, {3, 0, 1, 1}, {3, 1, 2, 3}};
  EXPECT_EQ(format_beads(beads), "1,2 <=> 1\n3 <=> omitted\nomitted <=> 2\n4 <=> 3,4,5\n");
}

TEST(BeadsFormat, RoundTrips) {
  std::string text = "1,2 <=> 1\n3 <=> omitted\nomitted <=> 2\n4 <=> 3,4,5\n";
  auto beads = parse_beads(text, "x.align", 4, 5);
  ASSERT_TRUE(beads.ok()) << beads.status().to_string();
  EXPECT_EQ(format_beads(*beads), text);
  EXPECT_TRUE(check_beads(*beads, 4, 5).ok());
}

TEST(BeadsFormat, AcceptsNumbersOutOfOrderWithinABead) {
  auto beads = parse_beads("1 <=> 2,1\n", "g.align");
  ASSERT_TRUE(beads.ok());
  EXPECT_EQ((*beads)[0].tgt_begin, 0u);
  EXPECT_EQ((*beads)[0].tgt_size, 2u);
}

struct BadBeads {
  std::string text;
  std::size_t line;
};

TEST(BeadsFormat, RejectsMalformedLinesWithTheirLine) {
  const std::vector<BadBeads> cases = {
      {"1 <=> 1\n2 -> 2\n", 2},      // no separator
      {"1 <=> x\n", 1},              // not a number
      {"1 <=> 1,3\n", 1},            // not consecutive
      {"0 <=> 1\n", 1},              // numbers are 1-based
      {"omitted <=> omitted\n", 1},  // empty bead
      {"1 <=> 1\n3 <=> 2\n", 2},     // skips source sentence 2 (checked when counts are given)
  };
  for (const auto& c : cases) {
    auto r = parse_beads(c.text, "bad.align", 3, 3);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.status().code(), ErrorCode::kParse) << c.text;
    EXPECT_EQ(r.status().where().line, c.line) << c.text;
    EXPECT_EQ(r.status().where().file, "bad.align");
  }
}

TEST(Tokens, ChineseNumerals) {
  const std::vector<std::pair<std::u32string, std::string>> cases = {
      {U"一九八九", "1989"},       {U"二十一", "21"},  {U"十五", "15"},       {U"一百零五", "105"},
      {U"三千二百万", "32000000"}, {U"两万", "20000"}, {U"一九九七", "1997"}, {U"一二三", "123"},
  };
  for (const auto& [run, want] : cases) EXPECT_EQ(align::chinese_numeral_value(run), want) << want;
}

TEST(Tokens, SplitsHanCharactersAndFindsAnchors) {
  align::SentenceTokens t = align::tokenize_sentence("大会第59/181号决议于2004年12月通过，UNDP和ＷＨＯ参加。");
  std::vector<std::string> nums = t.numbers;
  EXPECT_NE(std::find(nums.begin(), nums.end(), "59"), nums.end());
  EXPECT_NE(std::find(nums.begin(), nums.end(), "181"), nums.end());
  EXPECT_NE(std::find(nums.begin(), nums.end(), "2004"), nums.end());
  EXPECT_NE(std::find(t.latin.begin(), t.latin.end(), "undp"), t.latin.end());
  EXPECT_NE(std::find(t.latin.begin(), t.latin.end(), "who"), t.latin.end());  // full-width folded
  EXPECT_EQ(t.words[0], "大");
  align::SentenceTokens e = align::tokenize_sentence("In 1989, the Council adopted 1,250 measures.");
  EXPECT_NE(std::find(e.numbers.begin(), e.numbers.end(), "1250"), e.numbers.end());
  EXPECT_NE(std::find(e.words.begin(), e.words.end(), "council"), e.words.end());
  align::SentenceTokens z = align::tokenize_sentence("一九八九年六月二十一日");
  EXPECT_EQ(z.numbers, (std::vector<std::string>{"1989", "6", "21"}));
}

// A short UN-style passage written for this test: the Chinese splits one English sentence in two, and the English
// has a sentence the Chinese leaves out.
const std::vector<std::string> kZh = {
    "大会第五十九届会议审议了秘书长关于小武器和轻武器的报告。",
    "报告载有会员国提交的资料。",
    "共有45个会员国作出了答复。",
    "秘书长感谢各国政府的合作。",
    "安全理事会于2004年3月12日举行了第4923次会议。",
    "会议讨论了非法贸易问题。",
};
const std::vector<std::string> kEn = {
    "At its fifty-ninth session, the General Assembly considered the report of the Secretary-General on small arms "
    "and light weapons, which contains information submitted by Member States.",
    "In all, 45 Member States replied.",
    "The Secretary-General thanks Governments for their cooperation.",
    "This paragraph has no counterpart in the other language version at all.",
    "The Security Council held its 4923rd meeting on 12 March 2004.",
    "The meeting discussed the illicit trade.",
};

TEST(SentenceAligner, AlignsASmallPassageAndLosesNothing) {
  SentenceAligner aligner = make_aligner();
  std::vector<Bead> beads = aligner.align(kZh, kEn, "zh", "en");
  ASSERT_TRUE(check_beads(beads, kZh.size(), kEn.size()).ok()) << format_beads(beads);
  std::string text = format_beads(beads);
  EXPECT_NE(text.find("1,2 <=> 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("3 <=> 2\n"), std::string::npos) << text;
  EXPECT_NE(text.find("4 <=> 3\n"), std::string::npos) << text;
  EXPECT_NE(text.find("6 <=> 6\n"), std::string::npos) << text;
  for (const Bead& b : beads) {
    EXPECT_GE(b.confidence, 0.0);
    EXPECT_LE(b.confidence, 1.0);
  }
}

TEST(SentenceAligner, EmptySidesGiveOmissions) {
  SentenceAligner aligner = make_aligner();
  std::vector<Bead> beads = aligner.align(kZh, {}, "zh", "en");
  ASSERT_EQ(beads.size(), kZh.size());
  EXPECT_TRUE(check_beads(beads, kZh.size(), 0).ok());
  EXPECT_TRUE(aligner.align({}, {}, "zh", "en").empty());
}

TEST(SentenceAligner, RejectsBadOptionsAndMissingDictionary) {
  SentenceAlignOptions o;
  o.max_bead_side = 9;
  EXPECT_EQ(SentenceAligner::create(o).status().code(), ErrorCode::kInvalidArgument);
  SentenceAlignOptions d;
  d.dictionary_path = "/nonexistent/terms.zh-en.tsv";
  EXPECT_EQ(SentenceAligner::create(d).status().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace paralign
