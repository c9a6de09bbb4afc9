// The DOCX, HTML, PDF and UN Parallel Corpus readers: each version of the small drought report in
// tests/fixtures/formats/ must read into the same blocks (kinds, numbers, labels, levels, text, footnote markers)
// as its plain-text twin (drought.{en,zh}.txt). The DOCX versions are built here with libzip from XML written
// below, with Word's automatic numbering, footnotes, a table, tracked changes, a field and hidden text; the HTML
// and PDF versions are committed (tests/fixtures/formats/make-pdf.sh made the PDFs from the HTML).
#include <gtest/gtest.h>
#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "paralign/read.hpp"
#include "paralign/read_formats.hpp"

namespace fs = std::filesystem;
using paralign::Block;
using paralign::BlockKind;
using paralign::Document;
using paralign::ReadOptions;

namespace {

std::string fixture(const std::string& name) {
  return std::string(PARALIGN_SOURCE_DIR) + "/tests/fixtures/formats/" + name;
}

fs::path temp_dir() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("paralign-formats-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// ---- building DOCX packages with libzip ----

// Writes a zip holding `entries` (name -> content). `level` 0 stores, otherwise deflates.
void write_zip(const fs::path& path, const std::map<std::string, std::string>& entries) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  ASSERT_NE(z, nullptr) << "zip_open failed: " << err;
  for (const auto& [name, content] : entries) {
    // libzip copies nothing until zip_close: keep the buffers alive by duplicating them with malloc (freep = 1).
    void* copy = std::malloc(content.size() ? content.size() : 1);
    std::memcpy(copy, content.data(), content.size());
    zip_source_t* src = zip_source_buffer(z, copy, content.size(), 1);
    ASSERT_NE(src, nullptr);
    ASSERT_GE(zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE), 0);
  }
  ASSERT_EQ(zip_close(z), 0);
}

const char* const kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else out += c;
  }
  return out;
}

// One paragraph's runs from a small notation: "{fn:ID}" a footnote reference, "{del:TEXT}" a tracked deletion,
// "{ins:TEXT}" a tracked insertion, "{hide:TEXT}" hidden text, "{field:CODE|RESULT}" a complex field.
std::string runs(const std::string& spec) {
  std::string out;
  std::size_t pos = 0;
  auto text_run = [&](const std::string& t) {
    if (!t.empty()) out += "<w:r><w:t xml:space=\"preserve\">" + xml_escape(t) + "</w:t></w:r>";
  };
  while (pos < spec.size()) {
    const std::size_t open = spec.find('{', pos);
    if (open == std::string::npos) {
      text_run(spec.substr(pos));
      break;
    }
    text_run(spec.substr(pos, open - pos));
    const std::size_t close = spec.find('}', open);
    const std::string cmd = spec.substr(open + 1, close - open - 1);
    const std::string kind = cmd.substr(0, cmd.find(':'));
    const std::string arg = cmd.substr(cmd.find(':') + 1);
    if (kind == "fn") {
      out += "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/><w:vertAlign w:val=\"superscript\"/></w:rPr>"
             "<w:footnoteReference w:id=\"" + arg + "\"/></w:r>";
    } else if (kind == "del") {
      out += "<w:del w:id=\"90\" w:author=\"Editor\"><w:r><w:delText xml:space=\"preserve\">" + xml_escape(arg) +
             "</w:delText></w:r></w:del>";
    } else if (kind == "ins") {
      out += "<w:ins w:id=\"91\" w:author=\"Editor\"><w:r><w:t xml:space=\"preserve\">" + xml_escape(arg) +
             "</w:t></w:r></w:ins>";
    } else if (kind == "hide") {
      out += "<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space=\"preserve\">" + xml_escape(arg) + "</w:t></w:r>";
    } else if (kind == "field") {
      const std::string code = arg.substr(0, arg.find('|')), result = arg.substr(arg.find('|') + 1);
      out += "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> " +
             code + " </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
      text_run(result);
      out += "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
    }
    pos = close + 1;
  }
  return out;
}

// A paragraph: `style` "" for body text; num_id 0 for none.
std::string para(const std::string& spec, int num_id = 0, int ilvl = 0, const std::string& style = "") {
  std::string ppr;
  if (!style.empty()) ppr += "<w:pStyle w:val=\"" + style + "\"/>";
  if (num_id) {
    ppr += "<w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/><w:numId w:val=\"" + std::to_string(num_id) +
           "\"/></w:numPr>";
  }
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + runs(spec) + "</w:p>";
}

std::string table(const std::vector<std::vector<std::string>>& rows) {
  std::string out = "<w:tbl><w:tblPr/>";
  for (const auto& row : rows) {
    out += "<w:tr>";
    for (const auto& cell : row) out += "<w:tc><w:tcPr/>" + para(cell) + "</w:tc>";
    out += "</w:tr>";
  }
  return out + "</w:tbl>";
}

std::string document_xml(const std::string& body) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"") + kW +
         "\"><w:body>" + body + "<w:sectPr/></w:body></w:document>";
}

// Lists: 1 = chapters (level 0, `chapter_format` "%1.") and sections (level 1, upperLetter "%1."), 2 = paragraph
// numbers (decimal "%1."), 3 = sub-items (lowerLetter "(%1)").
std::string numbering_xml(const std::string& chapter_format) {
  auto lvl = [](int i, const std::string& fmt_name, const std::string& text) {
    return "<w:lvl w:ilvl=\"" + std::to_string(i) + "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" + fmt_name +
           "\"/><w:lvlText w:val=\"" + text + "\"/></w:lvl>";
  };
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:numbering xmlns:w=\"") + kW + "\">" +
         "<w:abstractNum w:abstractNumId=\"10\">" + lvl(0, chapter_format, "%1.") + lvl(1, "upperLetter", "%2.") +
         "</w:abstractNum>" + "<w:abstractNum w:abstractNumId=\"20\">" + lvl(0, "decimal", "%1.") +
         "</w:abstractNum>" + "<w:abstractNum w:abstractNumId=\"30\">" + lvl(0, "lowerLetter", "(%1)") +
         "</w:abstractNum>" +
         "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"10\"/></w:num>"
         "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"20\"/></w:num>"
         "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"30\"/></w:num></w:numbering>";
}

std::string styles_xml() {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:styles xmlns:w=\"") + kW + "\">" +
         "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
         "<w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>"
         "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/>"
         "<w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style>"
         "<w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/>"
         "</w:style></w:styles>";
}

std::string footnotes_xml(const std::vector<std::pair<std::string, std::string>>& notes) {
  std::string out = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:footnotes xmlns:w=\"") + kW + "\">" +
                    "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
                    "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/>"
                    "</w:r></w:p></w:footnote>";
  for (const auto& [id, text] : notes) {
    out += "<w:footnote w:id=\"" + id + "\"><w:p><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr>"
           "<w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> " + xml_escape(text) + "</w:t></w:r></w:p>"
           "</w:footnote>";
  }
  return out + "</w:footnotes>";
}

std::map<std::string, std::string> package(const std::string& body, const std::string& chapter_format,
                                           const std::vector<std::pair<std::string, std::string>>& notes) {
  return {{"[Content_Types].xml",
           "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
           "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"},
          {"word/document.xml", document_xml(body)},
          {"word/numbering.xml", numbering_xml(chapter_format)},
          {"word/styles.xml", styles_xml()},
          {"word/footnotes.xml", footnotes_xml(notes)}};
}

// The drought report as Word would store it: numbers, letters and chapter numerals are automatic, never typed.
// Footnote ids (7, 4) are not the numbers shown (1, 2): Word numbers notes in the order they are referred to.
std::map<std::string, std::string> drought_docx(const std::string& lang) {
  std::string b;
  if (lang == "en") {
    b += para("United Nations A/80/412") + para("General Assembly") + para("Eightieth session") +
         para("Item 21 of the provisional agenda{hide: (hidden note to the editor)}") +
         para("Early warning of drought and cooperation among States") + para("Report of the Secretary-General") +
         para("Summary") +
         para("The present report reviews what Member States and the United Nations system did between July 2024 "
              "and June 2025 to give farmers and water authorities earlier warning of drought.");
    b += para("Introduction", 1, 0, "Heading1");
    b += para("The General Assembly, in its resolution 79/215, asked for a report on the early warning of drought, "
              "to be submitted at its {del:seventy-ninth }{ins:eightieth }session. This report answers that request "
              "and draws on the replies received.{fn:7}",
              2);
    b += para("By 30 June 2025, 37 Member States had replied to the note verbale of the Secretariat.", 2);
    b += para("Measures taken by Member States", 1, 0, "Heading1");
    b += para("National drought plans", 1, 1, "Heading2");
    b += para("Twenty-one States reported that they had adopted a national drought plan,{fn:4} and nine more said "
              "that a plan was being drafted.",
              2);
    b += para("The replies are summarized by region in the {field:REF Table1 \\h|table} below.", 2);
    b += table({{"Region", "Replies", "Plans"}, {"Africa", "14", "9"}, {"Asia and the Pacific", "12", "8"}});
    b += para("Regional cooperation", 1, 1, "Heading2");
    b += para("Several States described shared river basins in which gauges now report to both sides of a border, "
              "and asked the regional commissions for help with:",
              2);
    b += para("training staff to read satellite rainfall estimates;", 3);
    b += para("translating warnings into local languages.", 3);
    b += para("Conclusions", 1, 0, "Heading1");
    b += para("Earlier warning saves harvests only when it reaches the people who must act on it, and the "
              "Secretary-General encourages States to test their warning chains every year.",
              2);
    return package(b, "upperRoman",
                   {{"4", "The plans are listed on the website of the Secretariat."},
                    {"7", "The replies are available from the Secretariat on request."}});
  }
  b += para("联合国 A/80/412") + para("大会") + para("第八十届会议") + para("临时议程项目 21") +
       para("干旱预警与国家间合作") + para("秘书长的报告{hide:（编辑备注）}") + para("摘要") +
       para("本报告回顾了 2024 年 7 月至 2025 年 6 月期间会员国和联合国系统为使农民和水务部门更早获得干旱预警而开展的工作。");
  b += para("导言", 1, 0, "Heading1");
  b += para("大会第 79/215 号决议请秘书长就干旱预警问题向大会第{del:七十九}{ins:八十}届会议提交报告。本报告是对这一要求的答复，"
            "并参考了收到的答复。{fn:7}",
            2);
  b += para("截至 2025 年 6 月 30 日，已有 37 个会员国答复了秘书处的普通照会。", 2);
  b += para("会员国采取的措施", 1, 0, "Heading1");
  b += para("国家干旱规划", 1, 1, "Heading2");
  b += para("21 个国家报告已通过国家干旱规划，另有 9 个国家表示正在起草规划。{fn:4}", 2);
  b += para("下{field:REF Table1 \\h|表}按区域汇总了各国的答复。", 2);
  b += table({{"区域", "答复数", "规划数"}, {"非洲", "14", "9"}, {"亚洲及太平洋", "12", "8"}});
  b += para("区域合作", 1, 1, "Heading2");
  b += para("若干国家介绍了共有河流流域的情况，那里的水文站现在同时向边界两侧报送数据；这些国家请各区域委员会协助：", 2);
  b += para("培训工作人员解读卫星降雨估算数据；", 3);
  b += para("将预警信息翻译成当地语言。", 3);
  b += para("结论", 1, 0, "Heading1");
  b += para("只有送达必须据此采取行动的人，提前预警才能保住收成；秘书长鼓励各国每年检验其预警链。", 2);
  return package(b, "chineseCounting", {{"4", "这些规划列于秘书处网站。"}, {"7", "可向秘书处索取这些答复。"}});
}

std::string describe(const Block& b) {
  std::ostringstream s;
  s << paralign::to_string(b.kind) << " n=" << (b.number ? std::to_string(*b.number) : "-") << " label='" << b.label
    << "' level=" << b.level << " markers=";
  for (const auto& m : b.markers) s << m.number << "@" << m.offset << ",";
  s << " text='" << b.text << "'";
  return s.str();
}

// Same blocks as the twin. Table rows are the one difference the formats are allowed: a rich format knows a row is
// a row (kind other), plain text cannot tell it from a short heading; their text must still be the same.
void expect_same_structure(const Document& got, const Document& twin) {
  EXPECT_EQ(got.symbol, twin.symbol);
  EXPECT_EQ(got.language, twin.language);
  ASSERT_EQ(got.blocks.size(), twin.blocks.size()) << [&] {
    std::string all;
    for (const Block& b : got.blocks) all += "  got:  " + describe(b) + "\n";
    for (const Block& b : twin.blocks) all += "  twin: " + describe(b) + "\n";
    return all;
  }();
  for (std::size_t i = 0; i < got.blocks.size(); ++i) {
    const Block& g = got.blocks[i];
    const Block& t = twin.blocks[i];
    if (g.kind == BlockKind::kOther) {
      EXPECT_EQ(g.text, t.text) << "block " << i;
      continue;
    }
    EXPECT_EQ(describe(g), describe(t)) << "block " << i;
  }
}

Document read_ok(const std::string& path, ReadOptions opts = {}) {
  auto doc = paralign::read_document(path, opts);
  EXPECT_TRUE(doc.ok()) << doc.status().to_string();
  return doc.ok() ? *doc : Document{};
}

int run_cli(const std::vector<std::string>& args, std::string& out, std::string& err) {
  std::ostringstream o, e;
  const int rc = paralign::cli::run(args, o, e);
  out = o.str();
  err = e.str();
  return rc;
}

// ---- format detection ----

TEST(DetectFormat, MagicBytesWinOverTheExtensionExceptForText) {
  using paralign::InputFormat;
  struct Case {
    const char* path;
    std::string head;
    InputFormat want;
  };
  const Case cases[] = {
      {"a.docx", std::string("PK\x03\x04rest", 8), InputFormat::kDocx},
      {"a.bin", std::string("PK\x03\x04rest", 8), InputFormat::kDocx},
      {"a.txt", std::string("PK\x03\x04rest", 8), InputFormat::kText},  // named text: the text reader says why not
      {"report", "%PDF-1.7\n", InputFormat::kPdf},
      {"report.doc", "%PDF-1.7\n", InputFormat::kPdf},
      {"a.pdf", "garbage", InputFormat::kPdf},
      {"a.bin", "\xEF\xBB\xBF  <!DOCTYPE HTML>", InputFormat::kHtml},
      {"A.HTM", "<p>x", InputFormat::kHtml},
      {"a.htm.bak", "<html lang=\"zh\">", InputFormat::kHtml},
      {"a.xml", "<doc>", InputFormat::kXml},
      {"a", "<?xml version=\"1.0\"?><doc/>", InputFormat::kXml},
      {"report.zh.txt", "联合国 A/80/412", InputFormat::kText},
      {"dir.docx/report.txt", "text", InputFormat::kText},
  };
  for (const Case& c : cases) EXPECT_EQ(paralign::detect_format(c.path, c.head), c.want) << c.path << " " << c.head;
}

// ---- DOCX ----

class DocxTwin : public ::testing::TestWithParam<std::string> {};

TEST_P(DocxTwin, ReadsLikeItsPlainTextTwin) {
  const std::string lang = GetParam();
  const fs::path path = temp_dir() / ("drought." + lang + ".docx");
  write_zip(path, drought_docx(lang));
  const Document docx = read_ok(path.string());
  const Document twin = read_ok(fixture("drought." + lang + ".txt"));
  expect_same_structure(docx, twin);
  // What Word knew for sure: the numbers came from numbering.xml, the notes from footnotes.xml in reference order.
  int paragraphs = 0, notes = 0, rows = 0;
  for (const Block& b : docx.blocks) {
    paragraphs += b.kind == BlockKind::kParagraph && b.number ? 1 : 0;
    notes += b.kind == BlockKind::kFootnote ? 1 : 0;
    rows += b.kind == BlockKind::kOther ? 1 : 0;
    EXPECT_EQ(b.text.find("hidden"), std::string::npos);
    EXPECT_EQ(b.text.find("编辑备注"), std::string::npos);
    EXPECT_EQ(b.text.find("seventy-ninth"), std::string::npos);
    EXPECT_EQ(b.text.find("七十九"), std::string::npos);
    EXPECT_EQ(b.text.find("REF"), std::string::npos);
  }
  EXPECT_EQ(paragraphs, 6);
  EXPECT_EQ(notes, 2);
  EXPECT_EQ(rows, 3);
  EXPECT_EQ(docx.symbol, "A/80/412");
  EXPECT_EQ(docx.language, lang);
}

INSTANTIATE_TEST_SUITE_P(Languages, DocxTwin, ::testing::Values("en", "zh"));

TEST(Docx, NumberFormatsAsWordShowsThem) {
  // One list per format; each paragraph's label is what Word would print before it.
  struct Case {
    const char* format;
    const char* text;
    int count;
    const char* want_last;
  };
  const Case cases[] = {
      {"decimal", "%1.", 12, "12."},          {"lowerLetter", "(%1)", 3, "(c)"},
      {"upperRoman", "%1.", 14, "XIV."},      {"chineseCounting", "%1、", 12, "十二、"},
      {"chineseCounting", "%1.", 21, "二十一."}, {"upperLetter", "%1.", 2, "B."},
  };
  for (const Case& c : cases) {
    std::string body;
    for (int i = 0; i < c.count; ++i) body += para("一项关于干旱预警的案文内容说明", 1);
    std::map<std::string, std::string> pkg = {
        {"word/document.xml", document_xml(body)},
        {"word/numbering.xml",
         std::string("<?xml version=\"1.0\"?><w:numbering xmlns:w=\"") + kW +
             "\"><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" +
             c.format + "\"/><w:lvlText w:val=\"" + c.text +
             "\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"}};
    const fs::path path = temp_dir() / (std::string("numbers-") + c.format + ".docx");
    write_zip(path, pkg);
    ReadOptions opts;
    opts.language = "zh";
    const Document d = read_ok(path.string(), opts);
    ASSERT_FALSE(d.blocks.empty()) << c.format;
    EXPECT_EQ(d.blocks.back().label.empty() && d.blocks.back().number
                  ? std::to_string(*d.blocks.back().number) + "."
                  : d.blocks.back().label,
              c.want_last)
        << c.format << " " << describe(d.blocks.back());
  }
}

TEST(Docx, ZipBombIsRefusedBeforeInflating) {
  // 16 MB of zeros deflate to about 16 KB: a ratio near 1000, where Word's XML stays under 20.
  const std::string zeros(std::size_t{16} << 20, '\0');
  const fs::path path = temp_dir() / "bomb.docx";
  write_zip(path, {{"word/document.xml", zeros}});
  std::string out, err;
  EXPECT_EQ(run_cli({"inspect", path.string()}, out, err), 2);
  EXPECT_NE(err.find("bomb.docx"), std::string::npos) << err;
  EXPECT_NE(err.find("zip bomb"), std::string::npos) << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;

  // And an entry over the size limit, whatever its ratio.
  ReadOptions opts;
  opts.max_unpacked_bytes = 1 << 20;
  opts.max_compression_ratio = 100000;
  auto doc = paralign::read_document(path.string(), opts);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), paralign::ErrorCode::kTooLarge);
  EXPECT_NE(doc.status().message().find("refused before inflating"), std::string::npos) << doc.status().message();
}

TEST(Docx, DamagedPackagesGetOneLineErrors) {
  const fs::path good = temp_dir() / "good.en.docx";
  write_zip(good, drought_docx("en"));
  const std::string bytes = slurp(good.string());
  struct Case {
    const char* name;
    std::string content;
    const char* want;
  };
  const std::string broken_xml = "<?xml version=\"1.0\"?><w:document xmlns:w=\"x\"><w:body><w:p>";
  const Case cases[] = {
      {"truncated.docx", bytes.substr(0, bytes.size() / 2), "not a readable DOCX"},
      {"tail-cut.docx", bytes.substr(0, bytes.size() - 10), "not a readable DOCX"},
      {"empty.docx", "", "the file is empty"},
      {"text.docx", "this is not a zip", "not a readable DOCX"},
  };
  for (const Case& c : cases) {
    const fs::path p = temp_dir() / c.name;
    spit(p, c.content);
    std::string out, err;
    EXPECT_EQ(run_cli({"inspect", p.string()}, out, err), 2) << c.name;
    EXPECT_NE(err.find(c.name), std::string::npos) << err;
    EXPECT_NE(err.find(c.want), std::string::npos) << c.name << ": " << err;
    EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
  }
  const fs::path no_word = temp_dir() / "plain.zip.docx";
  write_zip(no_word, {{"readme.txt", "hello"}});
  const fs::path bad_xml = temp_dir() / "bad-xml.docx";
  write_zip(bad_xml, {{"word/document.xml", broken_xml}});
  std::string out, err;
  EXPECT_EQ(run_cli({"inspect", no_word.string()}, out, err), 2);
  EXPECT_NE(err.find("no word/document.xml"), std::string::npos) << err;
  EXPECT_EQ(run_cli({"inspect", bad_xml.string()}, out, err), 2);
  EXPECT_NE(err.find("word/document.xml: not well-formed XML"), std::string::npos) << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
}

TEST(Docx, EntitiesAreRefused) {
  const fs::path p = temp_dir() / "laughs.docx";
  write_zip(p, {{"word/document.xml",
                 std::string("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                             "<w:document xmlns:w=\"") +
                     kW + "\"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"}});
  auto doc = paralign::read_document(p.string(), {});
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("entities"), std::string::npos) << doc.status().message();
}

// ---- HTML ----

class HtmlTwin : public ::testing::TestWithParam<std::string> {};

TEST_P(HtmlTwin, ReadsLikeItsPlainTextTwin) {
  const std::string lang = GetParam();
  const Document html = read_ok(fixture("drought." + lang + ".html"));
  const Document twin = read_ok(fixture("drought." + lang + ".txt"));
  expect_same_structure(html, twin);
  EXPECT_EQ(html.language, lang);
}

INSTANTIATE_TEST_SUITE_P(Languages, HtmlTwin, ::testing::Values("en", "zh"));

TEST(Html, ScriptsStylesAndHiddenElementsAreNotText) {
  const fs::path p = temp_dir() / "hidden.html";
  spit(p,
       "<html><head><title>t</title><style>p{color:red}</style></head><body>"
       "<script>alert('x')</script><p hidden>secret one</p><p style=\"display: none\">secret two</p>"
       "<nav>Home | About</nav><p>1. The report covers forty-two States and their drought plans.</p></body></html>");
  const Document d = read_ok(p.string());
  ASSERT_EQ(d.blocks.size(), 1u);
  EXPECT_EQ(d.blocks[0].text, "The report covers forty-two States and their drought plans.");
  EXPECT_EQ(d.blocks[0].number, 1);
}

TEST(Html, DamagedPagesGetOneLineErrors) {
  struct Case {
    const char* name;
    std::string content;
    const char* want;
  };
  const Case cases[] = {
      {"nul.html", std::string("<html><body><p>a\0b</p></body></html>", 36), "NUL byte"},
      {"nomarkup.html", "just words", "holds no markup"},
      {"empty-body.html", "<html><body><script>x()</script></body></html>", "holds no text"},
      {"latin1.html", "<html><body><p>caf\xE9</p></body></html>", "not UTF-8"},
  };
  for (const Case& c : cases) {
    const fs::path p = temp_dir() / c.name;
    spit(p, c.content);
    std::string out, err;
    EXPECT_EQ(run_cli({"inspect", p.string()}, out, err), 2) << c.name;
    EXPECT_NE(err.find(c.name), std::string::npos) << err;
    EXPECT_NE(err.find(c.want), std::string::npos) << c.name << ": " << err;
    EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
  }
}

// ---- UN Parallel Corpus XML ----

TEST(Unpc, ParagraphsKeepTheirSentences) {
  const Document zh = read_ok(fixture("drought.zh.unpc.xml"));
  const Document twin = read_ok(fixture("drought.zh.txt"));
  expect_same_structure(zh, twin);
  // Paragraph 1 holds two <s>: each keeps its start and its source line.
  const Block* p1 = nullptr;
  for (const Block& b : zh.blocks)
    if (b.kind == BlockKind::kParagraph && b.number == 1) p1 = &b;
  ASSERT_NE(p1, nullptr);
  ASSERT_EQ(p1->source_lines.size(), 2u);
  EXPECT_EQ(p1->source_lines[0].offset, 0u);
  EXPECT_EQ(p1->text.substr(p1->source_lines[1].offset).rfind("本报告是对这一要求的答复", 0), 0u) << p1->text;
  EXPECT_LT(p1->source_lines[0].line, p1->source_lines[1].line);
}

TEST(Unpc, MalformedXmlGetsOneLineError) {
  const fs::path p = temp_dir() / "broken.unpc.xml";
  spit(p, "<?xml version=\"1.0\"?>\n<doc lang=\"en\">\n<p id=\"1\"><s id=\"1:1\">The report.</p>\n</doc>\n");
  std::string out, err;
  EXPECT_EQ(run_cli({"inspect", p.string()}, out, err), 2);
  EXPECT_NE(err.find("broken.unpc.xml"), std::string::npos) << err;
  EXPECT_NE(err.find("not well-formed XML"), std::string::npos) << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
}

// ---- PDF ----

// A PDF has lost its paragraph marks: the plain-text path rebuilds them, as for any extracted text. What must come
// out as in the twin is what alignment rests on: every numbered paragraph, labelled heading and footnote with its
// text and markers. (Lines the browser printed without a label — the Chinese masthead, the table's cells — are
// joined or split as plain-text reflow sees them; drought.en.pdf keeps even those.)
class PdfTwin : public ::testing::TestWithParam<std::string> {};

TEST_P(PdfTwin, NumberedParagraphsHeadingsAndNotesMatchThePlainTextTwin) {
  const std::string lang = GetParam();
  const Document pdf = read_ok(fixture("drought." + lang + ".pdf"));
  const Document twin = read_ok(fixture("drought." + lang + ".txt"));
  EXPECT_EQ(pdf.symbol, twin.symbol);
  EXPECT_EQ(pdf.language, lang);
  auto anchors = [](const Document& d) {
    std::vector<std::string> out;
    for (const Block& b : d.blocks) {
      const bool numbered = b.kind == BlockKind::kParagraph && b.number;
      const bool labelled = b.kind == BlockKind::kHeading && !b.label.empty();
      if (numbered || labelled || b.kind == BlockKind::kFootnote || b.kind == BlockKind::kItem) {
        out.push_back(describe(b));
      }
    }
    return out;
  };
  const std::vector<std::string> got = anchors(pdf), want = anchors(twin);
  EXPECT_EQ(got.size(), 15u);
  EXPECT_EQ(got, want);
}

INSTANTIATE_TEST_SUITE_P(Languages, PdfTwin, ::testing::Values("en", "zh"));

TEST(Pdf, DamagedOrImageOnlyPdfGetsOneLineError) {
  const std::string good = slurp(fixture("drought.en.pdf"));
  ASSERT_FALSE(good.empty());
  struct Case {
    const char* name;
    std::string content;
    const char* want;
  };
  const Case cases[] = {
      {"no-text.pdf", slurp(fixture("no-text-layer.pdf")), "no text layer"},
      {"header-only.pdf", "%PDF-1.7\n", "not a readable PDF"},
      {"not.pdf", "plain words", "not a PDF"},
  };
  for (const Case& c : cases) {
    const fs::path p = temp_dir() / c.name;
    spit(p, c.content);
    std::string out, err;
    EXPECT_EQ(run_cli({"inspect", p.string()}, out, err), 2) << c.name;
    EXPECT_NE(err.find(c.name), std::string::npos) << err;
    EXPECT_NE(err.find(c.want), std::string::npos) << c.name << ": " << err;
    EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
  }
  // A PDF cut short: Poppler may rebuild what is left or give up; either way no crash and no internal error.
  const fs::path cut = temp_dir() / "cut.pdf";
  spit(cut, good.substr(0, good.size() / 3));
  std::string out, err;
  const int rc = run_cli({"inspect", cut.string()}, out, err);
  EXPECT_TRUE(rc == 0 || rc == 2) << rc << " " << err;
}

// ---- across formats, through the command line ----

TEST(Formats, InspectShowsEachFormat) {
  for (const std::string name : {"drought.zh.html", "drought.en.pdf", "drought.zh.unpc.xml"}) {
    std::string out, err;
    EXPECT_EQ(run_cli({"inspect", fixture(name)}, out, err), 0) << name << ": " << err;
    EXPECT_NE(out.find("A/80/412"), std::string::npos) << out;
  }
  const fs::path docx = temp_dir() / "inspect.zh.docx";
  write_zip(docx, drought_docx("zh"));
  std::string out, err;
  EXPECT_EQ(run_cli({"inspect", docx.string()}, out, err), 0) << err;
  EXPECT_NE(out.find("一."), std::string::npos) << out;
}

TEST(Formats, AlignsAWordFileWithAPdf) {
  const fs::path docx = temp_dir() / "align.zh.docx";
  write_zip(docx, drought_docx("zh"));
  const fs::path tmx = temp_dir() / "zh-en.tmx";
  std::string out, err;
  const int rc = run_cli({"align", docx.string(), fixture("drought.en.pdf"), "-o", tmx.string(), "--date",
                          "20250101T000000Z"},
                         out, err);
  ASSERT_EQ(rc, 0) << err;
  const std::string memory = slurp(tmx.string());
  // Paragraph 3 in both languages lands in one unit.
  const std::size_t zh = memory.find("21 个国家报告已通过国家干旱规划");
  const std::size_t en = memory.find("Twenty-one States reported");
  ASSERT_NE(zh, std::string::npos) << memory;
  ASSERT_NE(en, std::string::npos) << memory;
  const std::size_t tu_start = memory.rfind("<tu ", zh);
  EXPECT_EQ(memory.rfind("<tu ", en), tu_start);
}

}  // namespace
