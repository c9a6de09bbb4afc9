// Block alignment: anchors by number, label path and footnote number; recovery after a missing, repeated or
// displaced number; the gap programme between anchors; refusal of documents with different symbols.
#include <algorithm>
#include <set>

#include "align/paragraph_scoring.hpp"
#include "paralign/align.hpp"
#include "test_support.hpp"

namespace paralign {
namespace {

Block para(int n, std::string text) {
  Block b;
  b.kind = BlockKind::kParagraph;
  b.number = n;
  b.text = std::move(text);
  return b;
}
Block plain(BlockKind kind, std::string text) {
  Block b;
  b.kind = kind;
  b.text = std::move(text);
  return b;
}
Block heading(std::string label, int level, std::string text) {
  Block b;
  b.kind = BlockKind::kHeading;
  b.label = std::move(label);
  b.level = level;
  b.text = std::move(text);
  return b;
}
Block note(int n, std::string text) {
  Block b;
  b.kind = BlockKind::kFootnote;
  b.number = n;
  b.text = std::move(text);
  return b;
}
Document doc(std::string lang, std::vector<Block> blocks, std::string symbol = "A/99/123") {
  Document d;
  d.language = std::move(lang);
  d.symbol = std::move(symbol);
  d.blocks = std::move(blocks);
  for (std::size_t k = 0; k < d.blocks.size(); ++k) d.blocks[k].lines = {k + 1, k + 1};
  return d;
}

// Every block of both documents in exactly one pair, and each side ascending within a pair.
void expect_covers(const DocumentAlignment& a, const Document& s, const Document& t) {
  std::multiset<std::size_t> ss, ts;
  for (const auto& p : a.pairs) {
    EXPECT_FALSE(p.src.empty() && p.tgt.empty());
    EXPECT_TRUE(std::is_sorted(p.src.begin(), p.src.end()));
    ss.insert(p.src.begin(), p.src.end());
    ts.insert(p.tgt.begin(), p.tgt.end());
  }
  EXPECT_EQ(ss.size(), s.blocks.size());
  EXPECT_EQ(ts.size(), t.blocks.size());
  for (std::size_t k = 0; k < s.blocks.size(); ++k) EXPECT_EQ(ss.count(k), 1u) << "source block " << k;
  for (std::size_t k = 0; k < t.blocks.size(); ++k) EXPECT_EQ(ts.count(k), 1u) << "target block " << k;
}

// The target block(s) paired with source block `k`.
std::vector<std::size_t> partner(const DocumentAlignment& a, std::size_t k) {
  for (const auto& p : a.pairs) {
    if (std::find(p.src.begin(), p.src.end(), k) != p.src.end()) return p.tgt;
  }
  return {};
}

const BlockPair* pair_of(const DocumentAlignment& a, std::size_t k) {
  for (const auto& p : a.pairs) {
    if (std::find(p.src.begin(), p.src.end(), k) != p.src.end()) return &p;
  }
  return nullptr;
}

// A small report in Chinese and English: title, summary, chapters, a section, numbered paragraphs, a footnote.
Document zh_report() {
  return doc("zh", {
                       plain(BlockKind::kTitle, "协助各国制止小武器非法贩运"),
                       plain(BlockKind::kSummary, "本报告依照大会第58/58号决议提交，概述2003年7月至2004年6月的活动。"),
                       heading("一.", 1, "导言"),
                       para(1, "本报告是根据大会2003年12月8日第58/58号决议提交的。"),
                       heading("二.", 1, "联合国系统开展的活动"),
                       heading("A.", 2, "区域活动"),
                       para(2, "秘书处在西非举办了三次讲习班，约120名官员参加。"),
                       para(3, "裁军事务厅继续支持各国销毁收缴的武器，共销毁约15000件。"),
                       note(1, "见A/58/138号文件。"),
                       para(4, "各国表示，需要更多资源来执行行动纲领。"),
                   });
}
Document en_report() {
  return doc("en", {
                       plain(BlockKind::kTitle, "Assistance to States for curbing the illicit traffic in small arms"),
                       plain(BlockKind::kSummary,
                             "The present report is submitted pursuant to resolution 58/58 and covers activities "
                             "from July 2003 to June 2004."),
                       heading("I.", 1, "Introduction"),
                       para(1, "The present report is submitted pursuant to General Assembly resolution 58/58 of 8 "
                               "December 2003."),
                       heading("II.", 1, "Activities of the United Nations system"),
                       heading("A.", 2, "Regional activities"),
                       para(2, "The Secretariat held three workshops in West Africa, attended by some 120 officials."),
                       para(3, "The Office for Disarmament Affairs continued to support the destruction of collected "
                               "weapons; some 15,000 were destroyed."),
                       para(4, "States said that more resources were needed to implement the Programme of Action."),
                       note(1, "See document A/58/138."),
                   });
}

TEST(AnchorKeys, HeadingPathsAgreeAcrossScriptsAndWidths) {
  const Document zh = doc("zh", {heading("二.", 1, ""), heading("A.", 2, ""), heading("1.", 3, ""),
                                 heading("（a）", 4, ""), heading("十二.", 1, ""), heading("B.", 2, "")});
  const Document en = doc("en", {heading("II.", 1, ""), heading("A.", 2, ""), heading("1.", 3, ""),
                                 heading("(a)", 4, ""), heading("XII.", 1, ""), heading("B.", 2, "")});
  const auto kz = anchor_keys(zh), ke = anchor_keys(en);
  EXPECT_EQ(kz, ke);
  EXPECT_EQ(kz[0], "h:2");
  EXPECT_EQ(kz[3], "h:2/a/1/a");
  EXPECT_EQ(kz[4], "h:12");
  EXPECT_EQ(kz[5], "h:12/b");  // a new chapter resets the section below it
}

TEST(AnchorKeys, LevelInferredFromLabelWhenMissing) {
  const Document ru = doc("ru", {heading("III.", 0, "Выводы"), heading("B.", 0, "Рекомендации"),
                                 heading("(c)", 0, "")});
  const auto k = anchor_keys(ru);
  EXPECT_EQ(k[0], "h:3");
  EXPECT_EQ(k[1], "h:3/b");
  EXPECT_EQ(k[2], "h:3/b/-/c");
}

TEST(AnchorKeys, ParagraphsFootnotesAndKeyedUnits) {
  Block keyed = plain(BlockKind::kParagraph, "المادة");
  keyed.label = "art-1bis";
  const Document ar = doc("ar", {para(7, "نص"), note(3, "حاشية"), keyed, plain(BlockKind::kOther, "نص")});
  const auto k = anchor_keys(ar);
  EXPECT_EQ(k, (std::vector<std::string>{"p:7", "f:3", "k:art-1bis", ""}));
}

TEST(AlignDocuments, PairsEveryAnchorAndTheUnnumberedBlocksBetween) {
  const Document zh = zh_report(), en = en_report();
  auto a = align_documents(zh, en, {});
  ASSERT_TRUE(a.ok()) << a.status().to_string();
  expect_covers(*a, zh, en);
  struct Row {
    std::size_t src;
    std::vector<std::size_t> tgt;
    PairReason reason;
  };
  const std::vector<Row> rows = {
      {0, {0}, PairReason::kContent}, {1, {1}, PairReason::kContent}, {2, {2}, PairReason::kLabel},
      {3, {3}, PairReason::kNumber},  {4, {4}, PairReason::kLabel},   {5, {5}, PairReason::kLabel},
      {6, {6}, PairReason::kNumber},  {7, {7}, PairReason::kNumber},  {8, {9}, PairReason::kFootnote},
      {9, {8}, PairReason::kNumber},
  };
  for (const auto& r : rows) {
    const BlockPair* p = pair_of(*a, r.src);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->tgt, r.tgt) << "source block " << r.src;
    EXPECT_EQ(p->reason, r.reason) << "source block " << r.src;
  }
  EXPECT_EQ(a->anchors, 8u);
  EXPECT_TRUE(a->notes.empty());
  EXPECT_GT(a->length_ratio, 1.5);  // English runs longer than Chinese in characters
}

TEST(AlignDocuments, MissingParagraphIsUnpairedAndTheRestRecovers) {
  const Document zh = zh_report();
  Document en = en_report();
  en.blocks.erase(en.blocks.begin() + 7);  // paragraph 3 lost in the English
  auto a = align_documents(zh, en, {});
  ASSERT_TRUE(a.ok());
  expect_covers(*a, zh, en);
  EXPECT_TRUE(partner(*a, 7).empty());
  EXPECT_EQ(pair_of(*a, 7)->reason, PairReason::kUnpaired);
  EXPECT_EQ(partner(*a, 9), std::vector<std::size_t>{7});  // paragraph 4 still pairs
  const bool noted = std::any_of(a->notes.begin(), a->notes.end(), [](const AlignmentNote& n) {
    return n.src_block == 7u && n.message.find("paragraph 3") != std::string::npos;
  });
  EXPECT_TRUE(noted);
}

TEST(AlignDocuments, NumberingSlipOnOneSideKeepsTheFittingPairing) {
  // The Russian numbers its fourth paragraph 3 again; its fifth paragraph must still pair with 5, and the slipped
  // one with paragraph 4 by content.
  const Document en = doc("en", {
                                    para(1, "The Committee met twice in 2005."),
                                    para(2, "It adopted its report without a vote."),
                                    para(3, "The Chair thanked the delegations."),
                                    para(4, "A long paragraph on the budget, which lists many figures and explains at "
                                            "length how the resources of 2006-2007 would be used by each office."),
                                    para(5, "The session closed."),
                                });
  const Document ru = doc("ru", {
                                    para(1, "Комитет провел два заседания в 2005 году."),
                                    para(2, "Он принял свой доклад без голосования."),
                                    para(3, "Председатель поблагодарил делегации."),
                                    para(3, "Длинный пункт о бюджете, в котором приводится много цифр и подробно "
                                            "объясняется, как ресурсы на 2006-2007 годы будут использованы каждым "
                                            "подразделением."),
                                    para(5, "Сессия закрылась."),
                                });
  auto a = align_documents(en, ru, {});
  ASSERT_TRUE(a.ok());
  expect_covers(*a, en, ru);
  for (std::size_t k = 0; k < 5; ++k) EXPECT_EQ(partner(*a, k), std::vector<std::size_t>{k}) << "paragraph " << k + 1;
  EXPECT_EQ(pair_of(*a, 2)->reason, PairReason::kNumber);
  EXPECT_EQ(pair_of(*a, 3)->reason, PairReason::kContent);
  const bool noted = std::any_of(a->notes.begin(), a->notes.end(), [](const AlignmentNote& n) {
    return n.message.find("repeats paragraph 3") != std::string::npos;
  });
  EXPECT_TRUE(noted);
}

TEST(AlignDocuments, AnchorOutOfOrderIsDroppedFromTheChain) {
  std::vector<Block> zb, eb;
  const char* zh[] = {"第一段。", "第二段较长一些。", "第三段。", "第四段讲的是预算问题。", "第五段。", "第六段。"};
  const char* en[] = {"First.", "The second is a little longer.", "Third.", "The fourth is about the budget.",
                      "Fifth.", "Sixth."};
  for (int k = 0; k < 6; ++k) zb.push_back(para(k + 1, zh[k]));
  for (int k = 0; k < 6; ++k) eb.push_back(para(k + 1, en[k]));
  eb[1].number = 5;  // a wrong number in the middle of the English
  eb[4].number = 2;
  const Document z = doc("zh", zb), e = doc("en", eb);
  auto a = align_documents(z, e, {});
  ASSERT_TRUE(a.ok());
  expect_covers(*a, z, e);
  EXPECT_EQ(partner(*a, 0), std::vector<std::size_t>{0});
  EXPECT_EQ(partner(*a, 2), std::vector<std::size_t>{2});
  EXPECT_EQ(partner(*a, 5), std::vector<std::size_t>{5});
  EXPECT_GE(a->anchors, 4u);
  const bool noted = std::any_of(a->notes.begin(), a->notes.end(), [](const AlignmentNote& n) {
    return n.message.find("out of order") != std::string::npos;
  });
  EXPECT_TRUE(noted);
}

TEST(AlignDocuments, ListItemsKeptInsideTheParagraphOnOneSideJoinTheAnchor) {
  // The English writes the list as items of their own; the French keeps them inside paragraph 6.
  const Document en = doc("en", {
                                    para(6, "The commissions agreed on the following steps:"),
                                    plain(BlockKind::kItem, "A shared register of school water points;"),
                                    plain(BlockKind::kItem, "Annual reports on the state of the equipment."),
                                    heading("III.", 1, "Conclusions"),
                                    para(7, "Much remains to be done."),
                                });
  const Document fr = doc("fr", {
                                    para(6, "Les commissions sont convenues des mesures suivantes : a) Un registre "
                                            "commun des points d'eau scolaires; b) Des rapports annuels sur l'état du "
                                            "matériel."),
                                    heading("III.", 1, "Conclusions"),
                                    para(7, "Il reste beaucoup à faire."),
                                });
  auto a = align_documents(en, fr, {});
  ASSERT_TRUE(a.ok());
  expect_covers(*a, en, fr);
  const BlockPair* p = pair_of(*a, 0);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->src, (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_EQ(p->tgt, std::vector<std::size_t>{0});
  EXPECT_EQ(p->reason, PairReason::kNumber);
  EXPECT_EQ(partner(*a, 3), std::vector<std::size_t>{1});
}

TEST(AlignDocuments, GapProgrammeUsesSharedReferences) {
  // Three unnumbered blocks of similar length between two anchors, one missing in the French: the shared
  // references decide which French block goes with which.
  const Document zh = doc("zh", {
                                    para(1, "导言。"),
                                    plain(BlockKind::kOther, "见大会第60/1号决议和A/60/L.1号文件。"),
                                    plain(BlockKind::kOther, "会议于2005年9月14日至16日举行。"),
                                    plain(BlockKind::kOther, "见www.un.org/summit2005网站和第60/265号决议。"),
                                    para(2, "结论。"),
                                });
  const Document fr = doc("fr", {
                                    para(1, "Introduction."),
                                    plain(BlockKind::kOther, "Voir la résolution 60/1 et le document A/60/L.1."),
                                    plain(BlockKind::kOther, "Voir le site www.un.org/summit2005 et la résolution 60/265."),
                                    para(2, "Conclusion."),
                                });
  auto a = align_documents(zh, fr, {});
  ASSERT_TRUE(a.ok());
  expect_covers(*a, zh, fr);
  EXPECT_EQ(partner(*a, 1), std::vector<std::size_t>{1});
  EXPECT_EQ(partner(*a, 3), std::vector<std::size_t>{2});
  EXPECT_TRUE(partner(*a, 2).empty() || partner(*a, 2) == std::vector<std::size_t>{1} ||
              partner(*a, 2) == std::vector<std::size_t>{2});
}

TEST(AlignDocuments, DifferentSymbolsAreRefusedUnlessForced) {
  const Document zh = zh_report();
  Document en = en_report();
  en.symbol = "A/99/124";
  auto a = align_documents(zh, en, {});
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), ErrorCode::kMismatch);
  EXPECT_NE(a.status().message().find("A/99/124"), std::string::npos);
  AlignOptions force;
  force.force = true;
  EXPECT_TRUE(align_documents(zh, en, force).ok());
  en.symbol = "a/99/123";  // the same symbol written differently is the same document
  EXPECT_TRUE(align_documents(zh, en, {}).ok());
  en.symbol.clear();  // unknown on one side: nothing to compare
  EXPECT_TRUE(align_documents(zh, en, {}).ok());
}

TEST(AlignDocuments, EmptySideYieldsOnlyUnpairedBlocks) {
  const Document zh = zh_report();
  const Document empty = doc("en", {});
  auto a = align_documents(zh, empty, {});
  ASSERT_TRUE(a.ok());
  expect_covers(*a, zh, empty);
  for (const auto& p : a->pairs) EXPECT_EQ(p.reason, PairReason::kUnpaired);
}

TEST(AlignDocuments, BadOptionsAreRefused) {
  AlignOptions o;
  o.max_group = 9;
  EXPECT_EQ(align_documents(zh_report(), en_report(), o).status().code(), ErrorCode::kInvalidArgument);
}

TEST(AlignDocuments, UnnumberedTextWithoutAnchorsAlignsByLength) {
  // No anchors at all (a preamble): the programme alone, with two English blocks for one Chinese.
  const Document zh = doc("zh", {
                                    plain(BlockKind::kParagraph, "鉴于对人类家庭所有成员的固有尊严的承认，"),
                                    plain(BlockKind::kParagraph, "因此现在，大会发布本宣言，作为所有人民努力实现的共同标准，以期每一个人铭念本宣言；"),
                                });
  const Document en = doc("en", {
                                    plain(BlockKind::kParagraph, "Whereas recognition of the inherent dignity of all "
                                                                 "members of the human family,"),
                                    plain(BlockKind::kParagraph, "Now, therefore,"),
                                    plain(BlockKind::kParagraph, "The General Assembly proclaims this Declaration as a "
                                                                 "common standard of achievement for all peoples, so "
                                                                 "that every individual keeps it in mind;"),
                                });
  auto a = align_documents(zh, en, {});
  ASSERT_TRUE(a.ok());
  expect_covers(*a, zh, en);
  EXPECT_EQ(partner(*a, 0), std::vector<std::size_t>{0});
  EXPECT_EQ(partner(*a, 1), (std::vector<std::size_t>{1, 2}));
}

TEST(ReferenceTokens, NumbersSymbolsAndUrlsAcrossScripts) {
  using block_align::reference_tokens;
  struct Case {
    const char* text;
    std::vector<std::string> want;
  };
  const std::vector<Case> cases = {
      {"大会第５８/５８号决议", {"58/58"}},
      {"resolution 58/58, adopted", {"58/58"}},
      {"some 15,000 weapons; 2.5 per cent", {"15000", "2.5"}},
      {"около 15.000 единиц", {"15000"}},
      {"见A/59/181号文件。", {"a/59/181"}},
      {"paragraphs 1, 2 and 3.", {"1", "2", "3"}},
      {"انظر www.un.org/disarmament", {"www.un.org/disarmament"}},
      {"没有任何数字", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(reference_tokens(c.text), c.want) << c.text;
}

// The search skips a group when a lower bound proves it cannot win; the bound must never be above the real cost,
// or the alignment would change. Every group of these blocks, against a range of running totals, either gets
// exactly cost() or is provably no better than the best so far.
TEST(GroupScorer, PrunedCostIsExactOrProvablyNoBetter) {
  using block_align::BlockFeatures;
  const std::vector<std::string> zh = {
      "截至 2004 年 7 月 15 日，共收到六十二份答复。",
      "大会第 58/58 号决议请秘书长提交报告。",
      "秘书处编写了一份关于水质监测的手册，并以六种正式语文发布，供各会员国使用。",
      "摘要",
      "本报告介绍了 2024 年 7 月至 2025 年 6 月期间联合国系统为协助会员国改善农村地区饮用水供应而开展的工作。",
      "见 A/59/181 号文件。"};
  const std::vector<std::string> ru = {
      "По состоянию на 15 июля 2004 года было получено 62 ответа.",
      "В резолюции 58/58 Генеральная Ассамблея просила Генерального секретаря представить доклад.",
      "Секретариат подготовил руководство по мониторингу качества воды.",
      "Оно издано на шести официальных языках для использования государствами-членами.",
      "Резюме",
      "В настоящем докладе описывается работа системы Организации Объединенных Наций за период с июля 2024 года "
      "по июнь 2025 года.",
      "См. документ A/59/181."};
  std::vector<BlockFeatures> s, t;
  for (const auto& x : zh) s.push_back(block_align::features_of(x));
  for (const auto& x : ru) t.push_back(block_align::features_of(x));
  block_align::intern_references(s, t);
  // Interned ids agree with the token strings they stand for.
  for (const auto& a : s) {
    for (const auto& b : t) {
      EXPECT_EQ(block_align::shared_count(a.ref_ids.data(), a.ref_ids.size(), b.ref_ids.data(), b.ref_ids.size()),
                block_align::shared_count(a.refs, b.refs));
    }
  }
  AlignOptions options;
  const block_align::GroupScorer scorer(options, 2.6);
  std::size_t computed = 0, pruned = 0;
  for (std::size_t si = 0; si < s.size(); ++si) {
    for (std::size_t tj = 0; tj < t.size(); ++tj) {
      for (std::size_t a = 0; a <= 3 && si + a <= s.size(); ++a) {
        for (std::size_t b = 0; b <= 3 && tj + b <= t.size(); ++b) {
          if (a + b == 0) continue;
          const double exact = scorer.cost(s, si, a, t, tj, b);
          for (double before : {0.0, 3.5, 40.0}) {
            for (double best : {-1.0, 0.5, 4.0, 12.0, 45.0, 1e9}) {
              double got = -1;
              if (scorer.cost_below(s, si, a, t, tj, b, before, best, &got)) {
                ++computed;
                EXPECT_EQ(got, exact) << si << "+" << a << " / " << tj << "+" << b;
              } else {
                ++pruned;
                EXPECT_GE(before + exact, best) << si << "+" << a << " / " << tj << "+" << b;
              }
            }
          }
        }
      }
    }
  }
  EXPECT_GT(computed, 0u);
  EXPECT_GT(pruned, 0u);
}

}  // namespace
}  // namespace paralign
