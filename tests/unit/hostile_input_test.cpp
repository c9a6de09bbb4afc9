// Hostile and pathological input, across the readers: an exponential entity expansion ("billion laughs") in a
// memory, a glossary and an XML document is refused without the memory growing; an external entity is never read;
// and text shaped to defeat a parser (100,000 one-character lines, 10,000 footnote markers, one paragraph of
// several megabytes) is read completely, every character accounted for. Speed on such input is shown by
// bench/pathological_bench.cpp, not here.
#include <sys/resource.h>

#include <fstream>
#include <string>

#include "paralign/read_xml.hpp"
#include "paralign/structure.hpp"
#include "paralign/tmx.hpp"
#include "qa/glossary.hpp"
#include "test_support.hpp"

namespace paralign {
namespace {

// Peak resident memory of this process so far, in KiB.
long peak_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

// Ten levels of ten references each: 10^10 copies of "lol" if anything expanded it (some 30 GB).
std::string laughs_dtd(const std::string& root) {
  std::string dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE " + root + " [\n<!ENTITY lol0 \"lol\">\n";
  for (int level = 1; level <= 10; ++level) {
    dtd += "<!ENTITY lol" + std::to_string(level) + " \"";
    for (int i = 0; i < 10; ++i) dtd += "&lol" + std::to_string(level - 1) + ";";
    dtd += "\">\n";
  }
  return dtd + "]>\n";
}

constexpr long kGrowthLimitKib = 64 * 1024;  // far above what any of these inputs needs when refused

TEST(HostileInput, BillionLaughsMemoryIsRefusedInBoundedMemory) {
  const std::string tmx = laughs_dtd("tmx") +
                          "<tmx version=\"1.4\"><header creationtool=\"t\" creationtoolversion=\"1\" "
                          "segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" srclang=\"zh\" datatype=\"plaintext\"/>"
                          "<body><tu><tuv xml:lang=\"zh\"><seg>&lol10;</seg></tuv>"
                          "<tuv xml:lang=\"en\"><seg>&lol10;</seg></tuv></tu></body></tmx>\n";
  const long before = peak_rss_kib();
  auto reader = TmxReader::open_memory(tmx, "laughs.tmx");
  Status status = reader.status();
  if (reader.ok()) {
    TranslationUnit unit;
    auto next = (*reader)->next(unit);
    status = next.status();
    if (next.ok()) status = Status(ErrorCode::kInternal, "the unit was read: " + std::to_string(unit.variants.size()));
  }
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.code(), ErrorCode::kInternal) << status.to_string();
  EXPECT_LT(peak_rss_kib() - before, kGrowthLimitKib);
}

TEST(HostileInput, BillionLaughsGlossaryIsRefusedInBoundedMemory) {
  const std::string tbx = laughs_dtd("tbx") +
                          "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\"><text><body>"
                          "<conceptEntry id=\"c1\"><langSec xml:lang=\"zh\"><termSec><term>&lol10;</term></termSec>"
                          "</langSec><langSec xml:lang=\"en\"><termSec><term>small arms</term></termSec></langSec>"
                          "</conceptEntry></body></text></tbx>\n";
  const long before = peak_rss_kib();
  auto glossary = qa::parse_glossary(tbx, "laughs.tbx", "zh", "en");
  EXPECT_FALSE(glossary.ok());
  EXPECT_LT(peak_rss_kib() - before, kGrowthLimitKib);
}

TEST(HostileInput, BillionLaughsXmlDocumentIsRefusedInBoundedMemory) {
  const std::string xml = laughs_dtd("doc") + "<doc xml:lang=\"en\"><article number=\"1\">&lol10;</article></doc>\n";
  XmlReadOptions options;
  options.unit_xpath = "//article";
  options.key_xpath = "@number";
  const long before = peak_rss_kib();
  auto doc = parse_xml_document(xml, "laughs.xml", options);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), ErrorCode::kParse) << doc.status().to_string();
  EXPECT_LT(peak_rss_kib() - before, kGrowthLimitKib);
}

TEST(HostileInput, ExternalEntitiesAreNeverRead) {
  // A file with a secret the entity points at: its text must not appear anywhere in what the readers return.
  const std::string dir = testing::temp_dir();
  const std::string secret_path = dir + "/secret.txt";
  std::ofstream(secret_path) << "SECRET-7f3a";
  const std::string doctype = "<!DOCTYPE doc [<!ENTITY s SYSTEM \"file://" + secret_path + "\">]>\n";
  XmlReadOptions options;
  options.unit_xpath = "//article";
  options.key_xpath = "@number";
  auto doc = parse_xml_document("<?xml version=\"1.0\"?>\n" + doctype +
                                    "<doc xml:lang=\"en\"><article number=\"1\">&s;</article></doc>",
                                "external.xml", options);
  if (doc.ok()) {
    for (const auto& block : doc->blocks) EXPECT_EQ(block.text.find("SECRET"), std::string::npos);
  }
  auto glossary = qa::parse_glossary("<?xml version=\"1.0\"?>\n<!DOCTYPE tbx [<!ENTITY s SYSTEM \"file://" +
                                         secret_path + "\">]>\n<tbx><text><body><conceptEntry id=\"c\">"
                                         "<langSec xml:lang=\"zh\"><termSec><term>小武器</term></termSec></langSec>"
                                         "<langSec xml:lang=\"en\"><termSec><term>&s;</term></termSec></langSec>"
                                         "</conceptEntry></body></text></tbx>",
                                     "external.tbx", "zh", "en");
  if (glossary.ok()) {
    for (const auto& entry : glossary->concepts)
      for (const auto& term : entry.terms) EXPECT_EQ(term.text.find("SECRET"), std::string::npos);
  }
}

// Counts the characters of the text that reached blocks; with the removed furniture, the accounting of the input.
std::size_t block_bytes(const Document& doc) {
  std::size_t n = 0;
  for (const auto& b : doc.blocks) n += b.text.size();
  return n;
}

TEST(HostileInput, HundredThousandOneCharacterLinesAreAllKept) {
  std::string text;
  const std::string chars[] = {"水", "a", "7", "。", "x"};
  std::size_t non_space = 0;
  for (int i = 0; i < 100000; ++i) {
    text += chars[i % 5];
    text += '\n';
    non_space += chars[i % 5].size();
  }
  StructureOptions options;
  options.language = "zh";
  auto doc = build_structure(text, options);
  ASSERT_TRUE(doc.ok()) << doc.status().to_string();
  // Every non-space character is in a block's text, in a footnote marker taken out of it (a lone digit after a
  // word can be one), or in the removed furniture.
  std::size_t kept = 0;
  for (const auto& b : doc->blocks) {
    for (char c : b.text) kept += (c != ' ' && c != '\n') ? 1 : 0;
    for (const auto& m : b.markers) kept += std::to_string(m.number).size();
  }
  std::size_t removed = 0;
  for (const auto& f : doc->furniture)
    for (char c : f.text) removed += (c != ' ' && c != '\n') ? 1 : 0;
  EXPECT_EQ(kept + removed, non_space);
}

TEST(HostileInput, TenThousandFootnoteMarkersInOneParagraph) {
  std::string para = "1. 大会第 58/241 号决议";
  for (int i = 1; i <= 10000; ++i) para += "所述活动" + std::to_string(i) + "；";
  para += "。\n";
  StructureOptions options;
  options.language = "zh";
  auto doc = build_structure(para, options);
  ASSERT_TRUE(doc.ok()) << doc.status().to_string();
  ASSERT_FALSE(doc->blocks.empty());
  EXPECT_GT(block_bytes(*doc), para.size() * 9 / 10);
}

TEST(HostileInput, OneParagraphOfEightMegabytes) {
  std::string para = "12. ";
  const std::string sentence = "秘书长收到会员国关于小武器和轻武器非法贸易的报告。";
  while (para.size() < (std::size_t{8} << 20)) para += sentence;
  para += "\n";
  StructureOptions options;
  options.language = "zh";
  auto doc = build_structure(para, options);
  ASSERT_TRUE(doc.ok()) << doc.status().to_string();
  ASSERT_EQ(doc->blocks.size(), 1u);
  EXPECT_EQ(doc->blocks[0].number, 12);
  EXPECT_EQ(doc->blocks[0].text.size() + 4, para.size() - 1);
}

}  // namespace
}  // namespace paralign
