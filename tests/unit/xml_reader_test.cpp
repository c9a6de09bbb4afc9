// The XML reader: units by XPath, keys, text outside the units, namespaces, and refusal of unsafe or broken input.
#include "paralign/read_xml.hpp"
#include "test_support.hpp"

namespace paralign {
namespace {

// A small declaration in the shape of the UDHR files, in our own words.
constexpr const char* kZh = R"(<?xml version="1.0" encoding="UTF-8"?>
<decl xml:lang="zh-Hans" xmlns="http://example.org/decl">
  <title>示范宣言</title>
  <preamble>
    <title>序言</title>
    <para>鉴于各国人民希望和平，</para>
    <para>因此现在，大会发布本宣言。</para>
  </preamble>
  <article number="1">
    <title>第一条</title>
    <para>人人有权受教育。</para>
  </article>
  <article number="2">
    <title>第二条</title>
    <orderedlist>
      <listitem><para>人人有权工作。</para></listitem>
      <listitem><para>人人有权休息。</para></listitem>
    </orderedlist>
  </article>
</decl>
)";

TEST(XmlReader, UnitsByXPathWithKeysAndUnkeyedTextAround) {
  XmlReadOptions o;
  o.unit_xpath = "//article";
  o.key_xpath = "@number";
  auto d = parse_xml_document(kZh, "decl_zh.xml", o);
  ASSERT_TRUE(d.ok()) << d.status().to_string();
  EXPECT_EQ(d->language, "zh");
  struct Row {
    BlockKind kind;
    std::optional<int> number;
    std::string label;
    std::string text;
  };
  const std::vector<Row> want = {
      {BlockKind::kTitle, {}, "", "示范宣言"},
      {BlockKind::kHeading, {}, "", "序言"},
      {BlockKind::kParagraph, {}, "", "鉴于各国人民希望和平，"},
      {BlockKind::kParagraph, {}, "", "因此现在，大会发布本宣言。"},
      {BlockKind::kHeading, {}, "1", "第一条"},
      {BlockKind::kParagraph, 1, "", "人人有权受教育。"},
      {BlockKind::kHeading, {}, "2", "第二条"},
      {BlockKind::kParagraph, 2, "", "人人有权工作。\n人人有权休息。"},
  };
  ASSERT_EQ(d->blocks.size(), want.size());
  for (std::size_t k = 0; k < want.size(); ++k) {
    EXPECT_EQ(d->blocks[k].kind, want[k].kind) << k;
    EXPECT_EQ(d->blocks[k].number, want[k].number) << k;
    EXPECT_EQ(d->blocks[k].label, want[k].label) << k;
    EXPECT_EQ(d->blocks[k].text, want[k].text) << k;
  }
  EXPECT_EQ(d->blocks[5].lines.first, 9u);  // <article number="1"> stands on line 9
}

TEST(XmlReader, NonNumericKeysBecomeLabelsAndDuplicatesAreRefused) {
  const char* ru = R"(<t xml:lang="ru"><s id="a1">Статья первая.</s><s id="a1bis">Статья вторая.</s></t>)";
  XmlReadOptions o;
  o.unit_xpath = "//s";
  o.key_xpath = "@id";
  auto d = parse_xml_document(ru, "t.xml", o);
  ASSERT_TRUE(d.ok()) << d.status().to_string();
  ASSERT_EQ(d->blocks.size(), 2u);
  EXPECT_EQ(d->blocks[1].label, "a1bis");
  EXPECT_FALSE(d->blocks[1].number.has_value());
  const char* dup = R"(<t><s id="1">Один.</s><s id="1">Два.</s></t>)";
  auto e = parse_xml_document(dup, "dup.xml", o);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(e.status().message().find("'1'"), std::string::npos);
}

TEST(XmlReader, RefusesBrokenXmlEntitiesAndBadXPaths) {
  struct Case {
    std::string xml;
    std::string unit;
    ErrorCode code;
    std::string says;
  };
  const std::vector<Case> cases = {
      {"<a><b>نص</a>", "", ErrorCode::kParse, "not well-formed"},
      {"<!DOCTYPE a [<!ENTITY x \"بيان\">]><a>&x;&x;</a>", "", ErrorCode::kParse, "entities"},
      {"<!DOCTYPE a SYSTEM \"http://example.org/a.dtd\"><a>текст</a>", "//[", ErrorCode::kInvalidArgument,
       "--xml-unit"},
      {"<a>   </a>", "", ErrorCode::kEmpty, "no text"},
  };
  for (const auto& c : cases) {
    XmlReadOptions o;
    o.unit_xpath = c.unit;
    auto d = parse_xml_document(c.xml, "bad.xml", o);
    ASSERT_FALSE(d.ok()) << c.xml;
    EXPECT_EQ(d.status().code(), c.code) << c.xml;
    EXPECT_NE(d.status().message().find(c.says), std::string::npos) << d.status().to_string();
  }
}

TEST(XmlReader, UdhrFilesDefaultToArticles) {
  PARALIGN_REQUIRE_SHARED_CORPORA();
  const std::string dir = testing::shared_corpora_dir() + "/udhr/";
  struct Case {
    const char* file;
    const char* lang;
    std::size_t preamble;
    std::size_t note;  // paragraphs of the introductory <note>
  };
  const std::vector<Case> cases = {{"udhr_cmn_hans.xml", "zh", 8, 2}, {"udhr_eng.xml", "en", 10, 0},
                                   {"udhr_fra.xml", "fr", 9, 0},      {"udhr_arb.xml", "ar", 9, 1},
                                   {"udhr_rus.xml", "ru", 9, 1},      {"udhr_spa.xml", "es", 10, 0}};
  for (const auto& c : cases) {
    auto d = read_xml_document(dir + c.file, {});
    ASSERT_TRUE(d.ok()) << d.status().to_string();
    EXPECT_EQ(d->language, c.lang);
    std::size_t articles = 0, first_article = 0;
    for (std::size_t k = 0; k < d->blocks.size(); ++k) {
      if (d->blocks[k].number) {
        if (articles == 0) first_article = k;
        EXPECT_EQ(*d->blocks[k].number, static_cast<int>(++articles)) << c.file;
      }
    }
    EXPECT_EQ(articles, 30u) << c.file;
    std::size_t unkeyed_paras = 0;
    for (std::size_t k = 0; k < first_article; ++k) {
      if (d->blocks[k].kind == BlockKind::kParagraph && !d->blocks[k].number) ++unkeyed_paras;
    }
    EXPECT_EQ(unkeyed_paras, c.preamble + c.note) << c.file;
  }
}

}  // namespace
}  // namespace paralign
