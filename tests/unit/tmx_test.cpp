// The TMX stage: language tags and dates, the writer (golden output, DTD validity, forbidden characters, atomic
// replacement), the reader (other tools' memories, UTF-16, inline codes, issues with line numbers, hostile input),
// TSV/JSON exports, statistics and merge identity.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "paralign/tmx.hpp"
#include "test_support.hpp"

namespace paralign {
namespace {

namespace fs = std::filesystem;

const std::string kDate = "20261126T050000Z";

std::string fixture(const std::string& name) { return testing::source_dir() + "/tests/fixtures/tmx/" + name; }

std::string dtd_path() { return fs::path(testing::source_dir()).parent_path().string() + "/shared/standards/tmx14.dtd"; }

// Runs xmllint against the TMX 1.4 DTD; sets `skip` (with why) when the DTD or xmllint is not there.
bool valid_against_dtd(const std::string& file, std::string* skip) {
  if (!fs::exists(dtd_path())) {
    *skip = "the TMX 1.4 DTD is absent (" + dtd_path() + "): DTD validation skipped";
    return false;
  }
  if (std::system("xmllint --version >/dev/null 2>&1") != 0) {
    *skip = "xmllint is not installed (libxml2-utils): DTD validation skipped";
    return false;
  }
  const std::string cmd = "xmllint --noout --dtdvalid '" + dtd_path() + "' '" + file + "'";
  return std::system(cmd.c_str()) == 0;
}

#define EXPECT_VALID_TMX(file)                              \
  do {                                                      \
    std::string skip_;                                      \
    const bool ok_ = valid_against_dtd(file, &skip_);       \
    if (!skip_.empty()) GTEST_SKIP() << skip_;              \
    EXPECT_TRUE(ok_) << file << " does not validate against tmx14.dtd"; \
  } while (0)

TmxHeader zh_header() {
  TmxHeader h;
  h.srclang = "zh-CN";
  h.creationdate = kDate;
  return h;
}

TranslationUnit unit(std::string tuid, std::vector<TmxVariant> variants, std::vector<TmxProp> props = {}) {
  TranslationUnit u;
  u.tuid = std::move(tuid);
  u.variants = std::move(variants);
  u.props = std::move(props);
  return u;
}

// A small N-way memory in UN style: paragraph-numbered sentences, a heading, a footnote with inline codes.
std::vector<TranslationUnit> sample_units() {
  std::vector<TranslationUnit> units;
  units.push_back(unit("A/59/181:p1:s1",
                       {{"zh-CN", "本报告是根据大会 2003 年 12 月 8 日第 58/58 号决议提交的。"},
                        {"en-GB", "The present report is submitted pursuant to General Assembly resolution 58/58 "
                                  "of 8 December 2003."},
                        {"ru-RU", "Настоящий доклад представляется во исполнение резолюции 58/58 Генеральной "
                                  "Ассамблеи от 8 декабря 2003 года."},
                        {"ar", "يقدم هذا التقرير عملا بقرار الجمعية العامة 58/58 المؤرخ 8 كانون الأول/ديسمبر 2003."}},
                       {{"x-symbol", "A/59/181"}, {"x-paragraph", "1"}, {"x-confidence", "0.97"}}));
  units.push_back(unit("A/59/181:h:II.A", {{"zh-CN", "A. 联合国系统开展的活动"}, {"en-GB", "A. Activities of the United Nations system"}},
                       {{"x-symbol", "A/59/181"}, {"x-paragraph", "II.A"}, {"x-bead", "1-1"}}));
  TranslationUnit coded = unit("A/59/181:fn1", {}, {{"x-symbol", "A/59/181"}});
  TmxVariant zh("zh-CN", "见 A/59/150。");
  zh.markup = "见 A/59/150<ph x=\"1\" type=\"fnote\">{\\super 1}</ph>。";
  TmxVariant en("en-GB", "See  A/59/150 & \"note\".");
  en.markup = "See <bpt i=\"1\" type=\"bold\">&lt;b&gt;</bpt> A/59/150<ept i=\"1\">&lt;/b&gt;</ept> &amp; \"note\".";
  en.notes = {"Two spaces kept: whitespace in a segment is significant."};
  coded.variants = {zh, en};
  coded.notes = {"Footnote 1 of the Chinese version."};
  units.push_back(coded);
  // Whitespace and line ends inside a segment are data.
  units.push_back(unit("", {{"zh-CN", "第一行\n第二行\t制表符"}, {"en-GB", "line one\r\nline two\ttab "}}));
  return units;
}

Status write_memory(const std::string& path, const std::vector<TranslationUnit>& units, TmxHeader h = zh_header()) {
  auto w = TmxWriter::open(path, h);
  if (!w) return w.status();
  for (const auto& u : units) {
    if (auto s = (*w)->add(u); !s.ok()) return s;
  }
  return (*w)->finish();
}

// --- language tags and dates ---

TEST(TmxLanguage, AcceptsBcp47ShapesInAnyCase) {
  for (const char* tag : {"zh", "zh-CN", "ZH-cn", "zh-Hans", "zh-Hans-CN", "en-GB", "en-US", "ar", "ru-RU", "fr-FR",
                          "es-419", "sr-Latn-RS", "de-CH-1996", "en-GB-x-un", "x-private", "zh-yue-HK"}) {
    EXPECT_TRUE(check_language_tag(tag).ok()) << tag << ": " << check_language_tag(tag).message();
  }
}

TEST(TmxLanguage, RejectsMalformedTagsWithAFix) {
  struct Case {
    const char* tag;
    const char* expect_in_message;
  };
  const Case cases[] = {
      {"zh_CN", "write 'zh-CN'"},          {"en_gb", "write 'en-GB'"},
      {"zh_hans_cn", "write 'zh-Hans-CN'"}, {"", "empty"},
      {"english", "2 or 3 letters"},        {"zh-", "1 to 8"},
      {"zh--CN", "1 to 8"},                 {"zh CN", "only letters"},
      {"中文", "only letters"},             {"zh-CN-", "1 to 8"},
      {"12", "2 or 3 letters"},             {"en-x", "private-use"},
  };
  for (const auto& c : cases) {
    const Status s = check_language_tag(c.tag);
    EXPECT_FALSE(s.ok()) << c.tag;
    EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(s.message().find(c.expect_in_message), std::string::npos) << c.tag << ": " << s.message();
  }
}

TEST(TmxLanguage, SuggestsTheRecommendedCase) {
  EXPECT_EQ(suggest_language_tag("zh_cn"), "zh-CN");
  EXPECT_EQ(suggest_language_tag("EN-us"), "en-US");
  EXPECT_EQ(suggest_language_tag("zh_hans"), "zh-Hans");
  EXPECT_EQ(suggest_language_tag("es_419"), "es-419");
  EXPECT_EQ(suggest_language_tag("ar"), "ar");
  EXPECT_EQ(suggest_language_tag("not a tag"), "not a tag");  // nothing evident: unchanged
}

TEST(TmxDate, ChecksTheExactForm) {
  for (const char* good : {"20261126T050000Z", "20000229T235959Z", "19991231T000000Z"}) EXPECT_TRUE(is_tmx_date(good)) << good;
  for (const char* bad : {"2026-11-26", "20261126T050000", "20261126 050000Z", "20261326T050000Z", "20190229T000000Z",
                          "20261126T240000Z", "20261126T056000Z", "20261131T000000Z", "2026112T050000Z", ""}) {
    EXPECT_FALSE(is_tmx_date(bad)) << bad;
  }
}

TEST(TmxDate, FormatsUnixTime) {
  EXPECT_EQ(tmx_date_from_unix(0), "19700101T000000Z");
  EXPECT_EQ(tmx_date_from_unix(951825599), "20000229T115959Z");
  EXPECT_EQ(tmx_date_from_unix(1795669200), "20261126T050000Z");
  EXPECT_TRUE(is_tmx_date(tmx_date_from_unix(4102444799)));  // 2099-12-31T23:59:59Z
}

// --- writer ---

TEST(TmxWriter, MatchesTheGoldenFile) {
  const std::string dir = testing::temp_dir();
  const std::string out = dir + "/sample.tmx";
  TmxHeader h = zh_header();
  h.creationtoolversion = "golden";  // so a version bump does not change the golden file
  ASSERT_TRUE(write_memory(out, sample_units(), h).ok());
  const std::string golden = fixture("golden/sample.tmx");
  if (std::getenv("PARALIGN_REGENERATE_GOLDEN")) {
    fs::create_directories(fs::path(golden).parent_path());
    fs::copy_file(out, golden, fs::copy_options::overwrite_existing);
  }
  // On a difference GoogleTest prints both texts line by line; regenerate with PARALIGN_REGENERATE_GOLDEN=1
  // after checking the new output is right (docs/tmx.md).
  EXPECT_EQ(testing::slurp(out), testing::slurp(golden));
}

TEST(TmxWriter, WritesAMemoryTheDtdAccepts) {
  const std::string out = testing::temp_dir() + "/valid.tmx";
  ASSERT_TRUE(write_memory(out, sample_units()).ok());
  EXPECT_VALID_TMX(out);
}

TEST(TmxWriter, EmptyMemoryIsValidToo) {
  const std::string out = testing::temp_dir() + "/empty.tmx";
  ASSERT_TRUE(write_memory(out, {}).ok());
  auto back = read_tmx_file(out);
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  EXPECT_TRUE(back->units.empty());
  EXPECT_TRUE(back->issues.empty());
  EXPECT_VALID_TMX(out);
}

TEST(TmxWriter, ReadsBackTheSameUnits) {
  const std::string out = testing::temp_dir() + "/roundtrip.tmx";
  const auto units = sample_units();
  ASSERT_TRUE(write_memory(out, units).ok());
  auto back = read_tmx_file(out);
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  EXPECT_TRUE(back->issues.empty()) << back->issues.front().message;
  ASSERT_EQ(back->units.size(), units.size());
  for (std::size_t i = 0; i < units.size(); ++i) EXPECT_EQ(back->units[i], units[i]) << "unit " << i;
  EXPECT_EQ(back->header.srclang, "zh-CN");
  EXPECT_EQ(back->header.creationdate, kDate);
  EXPECT_EQ(back->header.creationtool, "paralign");
  EXPECT_EQ(back->header.creationtoolversion, PARALIGN_VERSION);
  EXPECT_EQ(back->header.datatype, "plaintext");
}

TEST(TmxWriter, RemovesAndCountsCharactersXmlForbids) {
  const std::string out = testing::temp_dir() + "/controls.tmx";
  auto w = TmxWriter::open(out, zh_header());
  ASSERT_TRUE(w.ok());
  // U+000B (Word's line break), U+0001, U+001F, U+FFFE, U+FFFF and a lone surrogate written in UTF-8 (ED A0 80);
  // then one byte that is not UTF-8 at all.
  const std::string dirty_zh = std::string("大会\x0B第\x01") + "五十九届\x1F会议\xEF\xBF\xBE\xEF\xBF\xBF\xED\xA0\x80。";
  const std::string dirty_en = std::string("General\x0B") + "Assembly \xFF" + "session";
  TranslationUnit u = unit("c1", {{"zh-CN", dirty_zh}, {"en-GB", dirty_en}}, {{"x-note", "tab\tand\x0C" "feed"}});
  ASSERT_TRUE((*w)->add(u).ok());
  EXPECT_EQ((*w)->cleanup().forbidden_removed, 8u);  // 6 in Chinese, 1 in English, 1 (U+000C) in the prop
  EXPECT_EQ((*w)->cleanup().invalid_utf8, 1u);
  ASSERT_TRUE((*w)->finish().ok());
  auto back = read_tmx_file(out);
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  ASSERT_EQ(back->units.size(), 1u);
  EXPECT_EQ(back->units[0].variants[0].text, "大会第五十九届会议。");
  EXPECT_EQ(back->units[0].variants[1].text, "GeneralAssembly \xEF\xBF\xBDsession");
  EXPECT_EQ(back->units[0].props[0].value, "tab\tandfeed");
  EXPECT_VALID_TMX(out);
}

TEST(TmxWriter, RefusesMalformedLanguageCodes) {
  const std::string dir = testing::temp_dir();
  TmxHeader h = zh_header();
  h.srclang = "zh_CN";
  auto bad = TmxWriter::open(dir + "/a.tmx", h);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("write 'zh-CN'"), std::string::npos) << bad.status().message();
  EXPECT_FALSE(fs::exists(dir + "/a.tmx"));

  auto w = TmxWriter::open(dir + "/b.tmx", zh_header());
  ASSERT_TRUE(w.ok());
  const Status s = (*w)->add(unit("u7", {{"zh-CN", "秘书长"}, {"en_GB", "Secretary-General"}}));
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(s.message().find("unit 1 (tuid u7)"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("write 'en-GB'"), std::string::npos) << s.message();
  // The refused unit left nothing half-written: the writer goes on and the memory is valid.
  ASSERT_TRUE((*w)->add(unit("u8", {{"zh-CN", "秘书长"}, {"en-GB", "Secretary-General"}})).ok());
  EXPECT_EQ((*w)->units_written(), 1u);
  ASSERT_TRUE((*w)->finish().ok());
  auto back = read_tmx_file(dir + "/b.tmx");
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->units.size(), 1u);
  EXPECT_EQ(back->units[0].tuid, "u8");
}

TEST(TmxWriter, KeepsLanguageCodesAsGiven) {
  const std::string out = testing::temp_dir() + "/codes.tmx";
  TmxHeader h = zh_header();
  h.srclang = "zh";
  h.adminlang = "en-US";
  ASSERT_TRUE(write_memory(out, {unit("", {{"zh", "大会"}, {"EN-us", "General Assembly"}, {"zh-Hans", "大会"}})}, h).ok());
  const std::string text = testing::slurp(out);
  EXPECT_NE(text.find("srclang=\"zh\""), std::string::npos);
  EXPECT_NE(text.find("xml:lang=\"EN-us\""), std::string::npos);
  EXPECT_NE(text.find("xml:lang=\"zh-Hans\""), std::string::npos);
}

TEST(TmxWriter, RefusesBadHeadersAndMarkup) {
  const std::string dir = testing::temp_dir();
  TmxHeader h = zh_header();
  h.segtype = "sentences";
  EXPECT_EQ(TmxWriter::open(dir + "/a.tmx", h).status().code(), ErrorCode::kInvalidArgument);
  h = zh_header();
  h.creationdate = "2026-11-26";
  EXPECT_NE(TmxWriter::open(dir + "/a.tmx", h).status().message().find("YYYYMMDDThhmmssZ"), std::string::npos);
  h = zh_header();
  h.srclang.clear();
  EXPECT_NE(TmxWriter::open(dir + "/a.tmx", h).status().message().find("srclang"), std::string::npos);

  auto w = TmxWriter::open(dir + "/b.tmx", zh_header());
  ASSERT_TRUE(w.ok());
  const char* bad_markup[] = {"<bpt i=\"1\">open", "<b>bold</b>", "<sub>text</sub>", "&nbsp;", "<ph><ph/></ph>"};
  for (const char* m : bad_markup) {
    TmxVariant v("zh-CN", "x");
    v.markup = m;
    const Status s = (*w)->add(unit("", {v}));
    EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument) << m;
  }
  EXPECT_EQ((*w)->add(TranslationUnit{}).code(), ErrorCode::kInvalidArgument);  // no variant
  EXPECT_EQ((*w)->units_written(), 0u);
}

TEST(TmxWriter, AbortedWriteKeepsThePreviousFile) {
  const std::string dir = testing::temp_dir();
  const std::string out = dir + "/memory.tmx";
  ASSERT_TRUE(write_memory(out, {sample_units()[0]}).ok());
  const std::string before = testing::slurp(out);
  {
    auto w = TmxWriter::open(out, zh_header());
    ASSERT_TRUE(w.ok());
    for (const auto& u : sample_units()) ASSERT_TRUE((*w)->add(u).ok());
    // No finish(): the run failed or was interrupted.
  }
  EXPECT_EQ(testing::slurp(out), before);
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++files;
  EXPECT_EQ(files, 1u) << "the temporary file was not removed";
}

TEST(TmxWriter, RefusesToOverwriteItsInput) {
  const std::string dir = testing::temp_dir();
  const std::string in = dir + "/in.tmx";
  ASSERT_TRUE(write_memory(in, {sample_units()[0]}).ok());
  TmxWriterOptions opts;
  opts.inputs = {in};
  auto w = TmxWriter::open(dir + "/./in.tmx", zh_header(), opts);
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.status().code(), ErrorCode::kInvalidArgument);
}

TEST(TmxWriter, OutputIsDeterministic) {
  std::ostringstream a, b;
  for (auto* out : {&a, &b}) {
    auto w = TmxWriter::open_stream(*out, zh_header());
    ASSERT_TRUE(w.ok());
    for (const auto& u : sample_units()) ASSERT_TRUE((*w)->add(u).ok());
    ASSERT_TRUE((*w)->finish().ok());
  }
  EXPECT_EQ(a.str(), b.str());
  EXPECT_EQ(a.str().find("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">"), 0u);
}

// --- reader ---

TEST(TmxReader, ReadsAnotherToolsMemoryWithInlineCodes) {
  auto m = read_tmx_file(fixture("inline-codes.tmx"));
  ASSERT_TRUE(m.ok()) << m.status().to_string();
  EXPECT_TRUE(m->issues.empty()) << m->issues.front().message;
  EXPECT_EQ(m->header.srclang, "ZH-CN");  // case kept as written
  EXPECT_EQ(m->header.creationtool, "ExampleCAT");
  EXPECT_EQ(m->header.datatype, "rtf");
  ASSERT_EQ(m->header.props.size(), 1u);
  EXPECT_EQ(m->header.props[0], (TmxProp{"x-project", "Small arms report", ""}));
  ASSERT_EQ(m->units.size(), 5u);

  const TranslationUnit& first = m->units[0];
  EXPECT_EQ(first.tuid, "1");
  EXPECT_EQ(first.attributes, (TmxAttributes{{"creationdate", "20240315T091500Z"}, {"usagecount", "3"}}));
  EXPECT_EQ(first.props[0].value, "A/59/181");
  EXPECT_EQ(first.notes, std::vector<std::string>{"Paragraph 1, first sentence."});
  EXPECT_EQ(first.variants[0].lang, "ZH-CN");
  EXPECT_EQ(first.variants[0].text, "本报告是根据大会第 58/58 号决议提交的。");
  EXPECT_EQ(first.variants[0].markup,
            "本报告是根据大会第 <bpt i=\"1\" type=\"bold\">{\\b </bpt>58/58<ept i=\"1\">}</ept> 号决议提交的。");

  const TranslationUnit& footnote = m->units[1];
  ASSERT_EQ(footnote.variants.size(), 3u);
  EXPECT_EQ(footnote.variants[0].props[0], (TmxProp{"x-context", "footnote", ""}));
  EXPECT_EQ(footnote.variants[1].text, "See A/59/150.");  // <sub> inside a code is not segment text
  EXPECT_NE(footnote.variants[1].markup.find("<sub type=\"fnote\">Note text, 2004</sub>"), std::string::npos);
  EXPECT_EQ(footnote.variants[2].text, "См. A/59/150.");

  EXPECT_EQ(m->units[2].variants[1].markup, "<it pos=\"begin\" x=\"2\">{\\i </it>Programme of Action");
  const TranslationUnit& hi = m->units[3];
  EXPECT_EQ(hi.variants[0].text, "第小武器和轻武器 & <弹药>");  // <hi> content is text
  EXPECT_EQ(hi.variants[1].text, "الأسلحة الصغيرة والأسلحة الخفيفة");
  EXPECT_EQ(hi.variants[2].text, "  small arms & light weapons <ammunition>");  // leading spaces and CDATA kept
  EXPECT_EQ(m->units[4].tuid, "");
  EXPECT_FALSE(m->units[4].variants[0].has_inline_codes());
}

TEST(TmxReader, Utf16FileGivesTheSameUnits) {
  auto a = read_tmx_file(fixture("inline-codes.tmx"));
  auto b = read_tmx_file(fixture("inline-codes.utf16.tmx"));
  ASSERT_TRUE(a.ok() && b.ok()) << b.status().to_string();
  EXPECT_EQ(a->units, b->units);
  auto reader = TmxReader::open(fixture("inline-codes.utf16.tmx"));
  ASSERT_TRUE(reader.ok());
  EXPECT_NE((*reader)->encoding().find("16"), std::string::npos) << (*reader)->encoding();
}

TEST(TmxReader, RecordsEveryDepartureWithItsLine) {
  auto v = validate_tmx(fixture("invalid.tmx"));
  ASSERT_TRUE(v.ok()) << v.status().to_string();
  struct Expect {
    std::size_t line;
    const char* text;
  };
  const Expect expected[] = {
      {5, "no datatype attribute"},
      {5, "adminlang: 'en_US' is not a BCP 47 language tag"},
      {5, "creationdate '2024-03-15' is not a TMX date"},
      {10, "<note> after a <tuv>"},
      {12, "no <tuv> in the source language 'zh-cn'"},
      {15, "changedate '20241301T000000Z'"},
      {16, "prop type 'client' is not prefixed 'x-'"},
      {17, "more than one <seg>"},
      {18, "write 'en-GB'"},
      {21, "<ept i=\"2\"> has no <bpt>"},
      {21, "<bpt i=\"1\"> has no <ept>"},
      {22, "<tuv> has no xml:lang"},
  };
  ASSERT_EQ(v->issues.size(), std::size(expected));
  for (std::size_t i = 0; i < std::size(expected); ++i) {
    EXPECT_EQ(v->issues[i].line, expected[i].line) << v->issues[i].message;
    EXPECT_NE(v->issues[i].message.find(expected[i].text), std::string::npos) << v->issues[i].message;
  }
  EXPECT_EQ(v->units, 4u);
  EXPECT_EQ(v->errors, 12u);
  EXPECT_FALSE(v->valid());
}

TEST(TmxReader, SourceLanguageMatchesCaseInsensitivelyAndAllIsExempt) {
  const std::string dir = testing::temp_dir();
  const auto doc = [](const std::string& srclang, const std::string& lang) {
    return "<tmx version=\"1.4\"><header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" "
           "o-tmf=\"t\" adminlang=\"en\" srclang=\"" + srclang + "\" datatype=\"plaintext\"/><body><tu><tuv xml:lang=\"" +
           lang + "\"><seg>x</seg></tuv></tu></body></tmx>";
  };
  struct Case {
    std::string srclang, lang;
    std::size_t errors;
  } cases[] = {{"zh-CN", "ZH-cn", 0}, {"*all*", "fr", 0}, {"zh-CN", "zh", 1}, {"en", "en-GB", 1}};
  for (const auto& c : cases) {
    const std::string text = doc(c.srclang, c.lang);
    auto r = TmxReader::open_memory(text, "mem.tmx");
    ASSERT_TRUE(r.ok());
    TranslationUnit u;
    ASSERT_TRUE((*r)->next(u).ok());
    EXPECT_EQ((*r)->error_count(), c.errors) << c.srclang << " / " << c.lang;
  }
}

TEST(TmxReader, StopsOnMalformedXmlWithTheLine) {
  auto v = validate_tmx(fixture("broken.tmx"));
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), ErrorCode::kParse);
  EXPECT_EQ(v.status().where().line, 5u);
  EXPECT_NE(v.status().to_string().find("broken.tmx:5: not well-formed XML"), std::string::npos)
      << v.status().to_string();

  auto root = TmxReader::open(fixture("not-tmx.xml"));
  ASSERT_FALSE(root.ok());
  EXPECT_NE(root.status().message().find("not <tmx>"), std::string::npos);
}

TEST(TmxReader, RefusesEntitiesAndNeverLoadsExternalOnes) {
  auto bomb = read_tmx_file(fixture("entity.tmx"));
  ASSERT_FALSE(bomb.ok());
  EXPECT_EQ(bomb.status().code(), ErrorCode::kParse);

  const std::string external =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>\n"
      "<tmx version=\"1.4\"><header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" "
      "adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>\n<body><tu><tuv xml:lang=\"en\"><seg>&secret;</seg>"
      "</tuv></tu></body></tmx>\n";
  auto r = TmxReader::open_memory(external, "external.tmx");
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  TranslationUnit u;
  auto next = (*r)->next(u);
  ASSERT_FALSE(next.ok());
  EXPECT_NE(next.status().message().find("entity reference &secret;"), std::string::npos) << next.status().message();
  EXPECT_EQ(next.status().where().line, 4u);
}

TEST(TmxReader, EnforcesDepthAndSizeLimits) {
  std::string deep = "<tmx version=\"1.4\"><header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" "
                     "o-tmf=\"t\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/><body><tu><tuv xml:lang=\"en\"><seg>";
  for (int i = 0; i < 100; ++i) deep += "<hi>";
  deep += "x";
  for (int i = 0; i < 100; ++i) deep += "</hi>";
  deep += "</seg></tuv></tu></body></tmx>";
  auto r = TmxReader::open_memory(deep, "deep.tmx");
  ASSERT_TRUE(r.ok());
  TranslationUnit u;
  auto next = (*r)->next(u);
  ASSERT_FALSE(next.ok());
  EXPECT_NE(next.status().message().find("nested deeper"), std::string::npos);

  TmxReaderOptions small;
  small.max_segment_bytes = 10;
  auto r2 = TmxReader::open(fixture("inline-codes.tmx"), small);
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ((*r2)->next(u).status().code(), ErrorCode::kTooLarge);

  TmxReaderOptions tiny;
  tiny.max_bytes = 100;
  EXPECT_EQ(TmxReader::open(fixture("inline-codes.tmx"), tiny).status().code(), ErrorCode::kTooLarge);
  EXPECT_EQ(TmxReader::open(fixture("no-such.tmx")).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(TmxReader::open(testing::source_dir()).status().code(), ErrorCode::kIsDirectory);
}

TEST(TmxReader, InlineCodesRoundTripThroughTheWriter) {
  auto m = read_tmx_file(fixture("inline-codes.tmx"));
  ASSERT_TRUE(m.ok());
  const std::string out = testing::temp_dir() + "/again.tmx";
  TmxHeader h = m->header;
  h.creationdate = kDate;
  ASSERT_TRUE(write_memory(out, m->units, h).ok());
  auto back = read_tmx_file(out);
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  EXPECT_EQ(back->units, m->units);
  EXPECT_VALID_TMX(out);
}

// --- TSV and JSON ---

TEST(TmxExports, TsvEscapesTabsAndLineEnds) {
  const std::string out = testing::temp_dir() + "/m.tsv";
  auto w = TsvWriter::open(out, {"zh-CN", "en-GB", "ru-RU"});
  ASSERT_TRUE(w.ok());
  for (const auto& u : sample_units()) ASSERT_TRUE((*w)->add(u).ok());
  ASSERT_TRUE((*w)->add(unit("", {{"EN-gb", "back\\slash\x0B"}})).ok());
  ASSERT_TRUE((*w)->finish().ok());
  std::istringstream in(testing::slurp(out));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 6u);
  EXPECT_EQ(lines[0], "zh-CN\ten-GB\tru-RU");
  EXPECT_EQ(lines[2], "A. 联合国系统开展的活动\tA. Activities of the United Nations system\t");
  EXPECT_EQ(lines[4], "第一行\\n第二行\\t制表符\tline one\\r\\nline two\\ttab \t");
  EXPECT_EQ(lines[5], "\tback\\\\slash\t");
  EXPECT_EQ((*w)->cleanup().forbidden_removed, 1u);
}

TEST(TmxExports, JsonHoldsEveryUnit) {
  const std::string out = testing::temp_dir() + "/m.json";
  auto w = JsonMemoryWriter::open(out, zh_header());
  ASSERT_TRUE(w.ok());
  for (const auto& u : sample_units()) ASSERT_TRUE((*w)->add(u).ok());
  ASSERT_TRUE((*w)->finish().ok());
  const std::string text = testing::slurp(out);
  EXPECT_EQ(text.find("{\"format\": \"paralign-memory\", \"version\": 1,"), 0u);
  EXPECT_NE(text.find("\"creationdate\":\"20261126T050000Z\""), std::string::npos);
  EXPECT_NE(text.find("{\"type\":\"x-paragraph\",\"value\":\"II.A\"}"), std::string::npos);
  EXPECT_NE(text.find("\"text\":\"line one\\r\\nline two\\ttab \""), std::string::npos);
  EXPECT_NE(text.find("\"markup\":\"见 A/59/150<ph x=\\\"1\\\""), std::string::npos);
  // Four units, one per line between the brackets.
  std::size_t unit_lines = 0;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) unit_lines += line.rfind("  {", 0) == 0;
  EXPECT_EQ(unit_lines, 4u);
  EXPECT_EQ(text.substr(text.size() - 4), "\n]}\n");
}

// --- statistics and identity ---

TEST(TmxStats, CountsWordsPerScript) {
  struct Case {
    const char* text;
    std::size_t words;
  } cases[] = {
      {"大会第五十九届会议", 9},
      {"本报告叙述了 2003 年 7 月的活动。", 13},  // 10 Han characters and 3 numbers
      {"The Secretary-General's report, 6.5 million (62 per cent).", 8},
      {"Генеральная Ассамблея приняла резолюцию 58/58.", 6},
      {"الجمعية العامة للأمم المتحدة", 4},
      {"", 0},
      {"  —  ", 0},
  };
  for (const auto& c : cases) EXPECT_EQ(count_words(c.text), c.words) << c.text;
}

TEST(TmxStats, SumsPerLanguageAndProps) {
  TmxStats s;
  for (const auto& u : sample_units()) s.add(u);
  s.add(unit("", {{"ZH-cn", "大会"}}, {{"x-symbol", "A/59/150"}}));
  EXPECT_EQ(s.units, 5u);
  EXPECT_EQ(s.segments, 11u);
  ASSERT_EQ(s.languages.count("zh-CN"), 1u);
  EXPECT_EQ(s.languages.count("ZH-cn"), 0u);  // counted with zh-CN
  EXPECT_EQ(s.languages["zh-CN"].units, 5u);
  EXPECT_EQ(s.languages["ar"].units, 1u);
  EXPECT_EQ(s.languages["en-GB"].inline_codes, 2u);
  EXPECT_EQ(s.languages["zh-CN"].inline_codes, 1u);
  EXPECT_EQ(s.props["x-symbol"], 4u);
  EXPECT_EQ(s.notes, 2u);
  EXPECT_EQ(s.languages["zh-CN"].characters, 39u + 13u + 11u + 11u + 2u);  // code points of each text
}

TEST(TmxIdentity, IgnoresOrderCaseAndMetadataButNotCodes) {
  TranslationUnit a = unit("1", {{"zh-CN", "大会"}, {"en-GB", "General Assembly"}}, {{"x-paragraph", "1"}});
  TranslationUnit b = unit("2", {{"EN-GB", "General Assembly"}, {"zh-cn", "大会"}});
  EXPECT_EQ(unit_identity(a), unit_identity(b));
  TranslationUnit c = b;
  c.variants[0].markup = "<bpt i=\"1\">[</bpt>General Assembly<ept i=\"1\">]</ept>";
  EXPECT_NE(unit_identity(a), unit_identity(c));
  TranslationUnit d = unit("", {{"zh-CN", "大会 "}, {"en-GB", "General Assembly"}});
  EXPECT_NE(unit_identity(a), unit_identity(d));
  // The same text as plain text and as markup without codes is one unit.
  TranslationUnit e = unit("", {{"zh-CN", "a < b"}});
  TranslationUnit f = e;
  f.variants[0].markup = "a &lt; b";
  EXPECT_EQ(unit_identity(e), unit_identity(f));
}

}  // namespace
}  // namespace paralign
