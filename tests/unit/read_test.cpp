// The read stage: encodings (BOMs, detection, --encoding), line ends, input errors, language detection and its
// word list. Encoded inputs are made on the fly with ICU from the UTF-8 fixtures in tests/fixtures/read/.
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "paralign/read.hpp"
#include "read/decode_internal.hpp"
#include "test_support.hpp"
#include "util/atomic_file.hpp"
#include "util/data_dir.hpp"

namespace paralign {
namespace {

namespace fs = std::filesystem;
using testing::slurp;

std::string fixture(const std::string& name) { return testing::source_dir() + "/tests/fixtures/read/" + name; }

// UTF-8 text re-encoded in `charset` (ICU), failing the test when a character has no mapping there.
std::string encode(const std::string& utf8_text, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::u16string u16(utf8_text.size() + 1, u'\0');
  int32_t n16 = 0;
  u_strFromUTF8(u16.data(), static_cast<int32_t>(u16.size()), &n16, utf8_text.data(),
                static_cast<int32_t>(utf8_text.size()), &err);
  EXPECT_TRUE(U_SUCCESS(err)) << u_errorName(err);
  UConverter* cnv = ucnv_open(charset, &err);
  EXPECT_TRUE(U_SUCCESS(err)) << charset;
  ucnv_setFromUCallBack(cnv, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  std::string out(static_cast<std::size_t>(n16) * 4 + 16, '\0');
  const int32_t n = ucnv_fromUChars(cnv, out.data(), static_cast<int32_t>(out.size()), u16.data(), n16, &err);
  ucnv_close(cnv);
  EXPECT_TRUE(U_SUCCESS(err)) << charset << " cannot hold the text: " << u_errorName(err);
  out.resize(U_SUCCESS(err) ? static_cast<std::size_t>(n) : 0);
  return out;
}

std::string write_temp(const std::string& dir, const std::string& name, const std::string& bytes) {
  const std::string path = dir + "/" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
  return s;
}

// Blocks compared by everything the reader and structure stage produce.
void expect_same_blocks(const Document& a, const Document& b, const std::string& what) {
  ASSERT_EQ(a.blocks.size(), b.blocks.size()) << what;
  for (std::size_t i = 0; i < a.blocks.size(); ++i) {
    SCOPED_TRACE(what + ", block " + std::to_string(i));
    EXPECT_EQ(a.blocks[i].kind, b.blocks[i].kind);
    EXPECT_EQ(a.blocks[i].number, b.blocks[i].number);
    EXPECT_EQ(a.blocks[i].label, b.blocks[i].label);
    EXPECT_EQ(a.blocks[i].text, b.blocks[i].text);
    EXPECT_EQ(a.blocks[i].lines.first, b.blocks[i].lines.first);
    EXPECT_EQ(a.blocks[i].lines.last, b.blocks[i].lines.last);
  }
  EXPECT_EQ(a.furniture.size(), b.furniture.size()) << what;
  EXPECT_EQ(a.language, b.language) << what;
}

struct EncodingCase {
  const char* fixture;
  const char* charset;      // what the file is written in; "" for the UTF-8 original
  std::string prefix;       // a BOM written before the text
  const char* option;       // ReadOptions::encoding; "" to detect
  const char* reported;     // Document::encoding expected
  bool crlf;
};

TEST(ReadDocument, EveryEncodingGivesTheSameBlocksAsUtf8) {
  const std::vector<EncodingCase> cases = {
      {"report.zh.txt", "", "", "", "UTF-8", false},
      {"report.zh.txt", "", "\xEF\xBB\xBF", "", "UTF-8", false},
      {"report.zh.txt", "UTF-16LE", "\xFF\xFE", "", "UTF-16LE", false},
      {"report.zh.txt", "UTF-16BE", "\xFE\xFF", "", "UTF-16BE", false},
      {"report.zh.txt", "GB18030", "", "", "GB18030", false},
      {"report.zh.txt", "GB18030", "", "GB18030", "GB18030", false},
      {"report.zh.txt", "GB18030", "", "", "GB18030", true},
      {"report.zh.txt", "", "", "", "UTF-8", true},
      {"report.zh.txt", "UTF-16LE", "", "UTF-16LE", "UTF-16LE", false},  // no BOM, so it must be declared
      {"report.en.txt", "", "", "", "UTF-8", true},
      {"report.en.txt", "UTF-16BE", "\xFE\xFF", "", "UTF-16BE", true},
      {"report.fr.txt", "windows-1252", "", "", "windows-1252", false},
      {"report.fr.txt", "windows-1252", "", "", "windows-1252", true},
      {"report.fr.txt", "windows-1252", "", "cp1252", "windows-1252", false},
      {"report.fr.txt", "UTF-16LE", "\xFF\xFE", "", "UTF-16LE", false},
      {"report.ru.txt", "windows-1251", "", "", "windows-1251", false},
      {"report.ru.txt", "KOI8-R", "", "", "KOI8-R", true},
      {"report.ru.txt", "UTF-16BE", "\xFE\xFF", "", "UTF-16BE", false},
      {"report.ar.txt", "windows-1256", "", "", "windows-1256", false},
      {"report.ar.txt", "", "\xEF\xBB\xBF", "", "UTF-8", true},
  };
  const std::string dir = testing::temp_dir();
  for (const auto& c : cases) {
    const std::string original_path = fixture(c.fixture);
    auto original = read_document(original_path, {});
    ASSERT_TRUE(original) << original.status().to_string();
    std::string text = slurp(original_path);
    if (c.crlf) text = replace_all(text, "\n", "\r\n");
    const std::string bytes = c.prefix + (*c.charset ? encode(text, c.charset) : text);
    const std::string what = std::string(c.fixture) + " in " + (*c.charset ? c.charset : "UTF-8") +
                             (c.prefix.empty() ? "" : " with BOM") + (c.crlf ? " with CRLF" : "") +
                             (*c.option ? std::string(" --encoding ") + c.option : "");
    const std::string path = write_temp(dir, "case.txt", bytes);
    ReadOptions opts;
    opts.encoding = c.option;
    auto doc = read_document(path, opts);
    ASSERT_TRUE(doc) << what << ": " << doc.status().to_string();
    EXPECT_EQ(doc->encoding, c.reported) << what;
    expect_same_blocks(*original, *doc, what);
  }
}

TEST(DecodeText, Latin1IsReadAsItsSupersetWindows1252) {
  const std::string text =
      "Résumé\nLe présent rapport décrit les activités menées par le Secrétariat en matière de sécurité et les "
      "résultats obtenus grâce à la coopération régionale, année après année.\n";
  auto d = decode_text(encode(text, "ISO-8859-1"), "t.txt", {});
  ASSERT_TRUE(d) << d.status().to_string();
  EXPECT_EQ(d->encoding, "windows-1252");
  EXPECT_EQ(d->text, text);
}

TEST(DecodeText, LineEndsBecomeLf) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"一.\r\n导言\r\n", "一.\n导言\n"},
      {"第一行\r第二行\r", "第一行\n第二行\n"},
      {"a\r\r\nb\n\rc", "a\n\nb\n\nc"},
      {"Доклад\r\n\r\nГенерального секретаря", "Доклад\n\nГенерального секретаря"},
  };
  for (const auto& [in, want] : cases) {
    auto d = decode_text(in, "t.txt", {});
    ASSERT_TRUE(d) << d.status().to_string();
    EXPECT_EQ(d->text, want);
    EXPECT_EQ(d->encoding, "UTF-8");
  }
}

TEST(DecodeText, Utf16ByteOrderMarksAreRemovedAndSupplementaryCharactersSurvive) {
  const std::string text = "𠀀字 and تقرير\n";  // U+20000 needs a surrogate pair in UTF-16
  for (const char* cs : {"UTF-16LE", "UTF-16BE"}) {
    const std::string bom = std::string(cs) == "UTF-16LE" ? "\xFF\xFE" : "\xFE\xFF";
    auto d = decode_text(bom + encode(text, cs), "t.txt", {});
    ASSERT_TRUE(d) << d.status().to_string();
    EXPECT_EQ(d->text, text) << cs;
    EXPECT_EQ(d->encoding, cs);
  }
}

struct ErrorCase {
  const char* what;
  std::string bytes;  // file content; ignored when `path` is set
  std::string path;   // a path to read instead of writing `bytes`
  const char* encoding;
  ErrorCode code;
  std::size_t line;          // expected Location::line (0: not given)
  const char* in_message;    // a part the message must hold
};

TEST(ReadDocument, InputErrorsNameTheFileAndWhere) {
  const std::string dir = testing::temp_dir();
  const std::string utf8_then_bad = "第一行\n第二行\n第三行有坏字节\xC3(\n";
  const std::vector<ErrorCase> cases = {
      {"missing file", "", dir + "/no-such-report.txt", "", ErrorCode::kNotFound, 0, "no such file"},
      {"a directory", "", dir, "", ErrorCode::kIsDirectory, 0, "directory"},
      {"empty file", "", "", "", ErrorCode::kEmpty, 0, "empty"},
      {"only white space", " \n\t\r\n\u3000\n", "", "", ErrorCode::kEmpty, 0, "white space"},
      {"only a BOM", "\xEF\xBB\xBF", "", "", ErrorCode::kEmpty, 0, "white space"},
      {"NUL bytes", std::string("PK\x03\x04\0\0\x08\0report", 14), "", "", ErrorCode::kBinary, 1, "NUL byte at byte 4"},
      {"NUL bytes in declared GB18030", std::string("摘要\n\0\0", 8), "", "GB18030", ErrorCode::kBinary, 2,
       "NUL byte"},
      {"invalid UTF-8 under --encoding UTF-8", utf8_then_bad, "", "UTF-8", ErrorCode::kEncoding, 3,
       "invalid UTF-8 at byte 41 (byte 0xC3)"},
      {"invalid UTF-8 after a UTF-8 BOM", "\xEF\xBB\xBF" "摘要\r\n\r\n本报告\xFF\n", "", "", ErrorCode::kEncoding, 3,
       "byte-order mark"},
      {"invalid GB18030 under --encoding GB18030", "ok\nok\n\x81\x20", "", "GB18030", ErrorCode::kEncoding, 3,
       "at byte 6"},
      {"GB18030 cut inside a character", "ok\n\xB1", "", "GB18030", ErrorCode::kEncoding, 2,
       "at byte 3: the file ends inside a character"},
      {"lone surrogate after a UTF-16LE BOM", std::string("\xFF\xFE" "a\0\n\0\0\xD8" "b\0", 10), "", "",
       ErrorCode::kEncoding, 2, "invalid UTF-16LE at byte 6"},
      {"undecidable encoding", "caf\xe9 na\xefve", "", "", ErrorCode::kEncoding, 1, "--encoding"},
      {"unknown encoding name", "text", "", "no-such-charset", ErrorCode::kInvalidArgument, 0, "unknown encoding"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    const std::string path = c.path.empty() ? write_temp(dir, "input.txt", c.bytes) : c.path;
    ReadOptions opts;
    opts.encoding = c.encoding;
    auto doc = read_document(path, opts);
    ASSERT_FALSE(doc);
    const Status st = doc.status();
    EXPECT_EQ(st.code(), c.code) << st.to_string();
    EXPECT_EQ(st.where().file, path);
    EXPECT_EQ(st.where().line, c.line) << st.to_string();
    EXPECT_NE(st.message().find(c.in_message), std::string::npos) << st.to_string();
    EXPECT_EQ(st.to_string().find('\n'), std::string::npos) << "one line: " << st.to_string();
  }
}

TEST(ReadDocument, RefusesFilesOverTheLimitAndUnknownLanguages) {
  const std::string dir = testing::temp_dir();
  const std::string path = write_temp(dir, "big.txt", std::string(3000, 'x'));
  ReadOptions opts;
  opts.max_input_bytes = 2000;
  auto doc = read_document(path, opts);
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.status().code(), ErrorCode::kTooLarge);
  ReadOptions lang;
  lang.language = "de";
  doc = read_document(fixture("report.en.txt"), lang);
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.status().code(), ErrorCode::kInvalidArgument);
}

TEST(ReadDocument, OptionsOverrideDetection) {
  ReadOptions opts;
  opts.language = "fr";
  opts.symbol = "A/80/999";
  auto doc = read_document(fixture("report.en.txt"), opts);
  ASSERT_TRUE(doc) << doc.status().to_string();
  EXPECT_EQ(doc->language, "fr");
  EXPECT_EQ(doc->symbol, "A/80/999");
  for (const char* lang : {"zh", "en", "fr", "ru", "ar"}) {
    const std::string path = fixture(std::string("report.") + lang + ".txt");
    auto detected = read_document(path, {});
    ASSERT_TRUE(detected) << detected.status().to_string();
    EXPECT_EQ(detected->language, lang);
    EXPECT_EQ(detected->path, path);
  }
}

TEST(ReadDocument, XmlFilesGoToTheXmlReader) {
  const std::string dir = testing::temp_dir();
  const std::string path = write_temp(dir, "decl.xml",
                                      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                      "<udhr xml:lang=\"ru\"><article number=\"1\"><para>Все люди рождаются "
                                      "свободными и равными.</para></article></udhr>\n");
  auto doc = read_document(path, {});
  ASSERT_TRUE(doc) << doc.status().to_string();
  EXPECT_EQ(doc->language, "ru");
  bool found = false;
  for (const auto& b : doc->blocks) found |= b.number == 1 && b.text.find("Все люди") != std::string::npos;
  EXPECT_TRUE(found) << "article 1 is a numbered block";
  for (const auto& b : doc->blocks) EXPECT_EQ(b.text.find("<para>"), std::string::npos) << "markup read as text";
  ReadOptions with_encoding;
  with_encoding.encoding = "GB18030";
  doc = read_document(path, with_encoding);
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.status().code(), ErrorCode::kInvalidArgument);
}

// A whole 50 MB line, in UTF-8 and in GB18030: decoding must take it in one pass (a benchmark shows the speed; here
// it must simply come back complete and correct).
TEST(DecodeText, FiftyMegabytesOnOneLine) {
  const std::string unit = "联合国大会第 58/241 号决议决定设立一个不限成员名额工作组。";
  std::string text;
  text.reserve((std::size_t{50} << 20) + unit.size());
  while (text.size() < (std::size_t{50} << 20)) text += unit;
  const std::string dir = testing::temp_dir();
  for (const char* cs : {"UTF-8", "GB18030"}) {
    SCOPED_TRACE(cs);
    const std::string bytes = std::string(cs) == "UTF-8" ? text : encode(text, cs);
    const std::string path = write_temp(dir, "long.txt", bytes);
    auto read = read_file(path, std::size_t{64} << 20);
    ASSERT_TRUE(read) << read.status().to_string();
    auto d = decode_text(*read, path, {});
    ASSERT_TRUE(d) << d.status().to_string();
    EXPECT_EQ(d->encoding, cs);
    EXPECT_EQ(d->text.size(), text.size());
    EXPECT_TRUE(d->text == text);
    EXPECT_EQ(detect_language(d->text), "zh");
    fs::remove(path);
  }
}

TEST(DetectLanguage, ScriptsAndFunctionWords) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"本报告是根据大会第 58/58 号决议提交的（见 http://disarmament2.un.org/cab/salw-oewg.html）。", "zh"},
      {"摘要", "zh"},
      {"The present report is submitted pursuant to General Assembly resolution 58/58.", "en"},
      {"Le présent rapport est soumis en application de la résolution 58/58 de l’Assemblée générale.", "fr"},
      {"El presente informe se presenta en cumplimiento de la resolución 58/58 de la Asamblea General.", "es"},
      {"Настоящий доклад представляется во исполнение резолюции 58/58 Генеральной Ассамблеи.", "ru"},
      {"يقدم هذا التقرير عملا بقرار الجمعية العامة 58/58.", "ar"},
      {"Federación de Rusia, España, Colombia", "es"},     // no function word: the letters decide
      {"Deuxième séance plénière, Genève", "fr"},
      {"Fédération de Russie", ""},  // nothing here tells French from Spanish
      {"A/59/181", ""},
      {"58/241 2004 — 12.", ""},
      {"", ""},
      {"Х", ""},  // one Cyrillic letter is too little
  };
  for (const auto& [text, want] : cases) EXPECT_EQ(detect_language(text), want) << text;
}

TEST(LanguageWords, TheShippedListParsesWithoutDuplicates) {
  auto found = data::find_data_file("language-words.tsv");
  ASSERT_TRUE(found) << found.status().to_string();
  const std::string path = *found;
  auto words = parse_language_words(slurp(path), path);
  ASSERT_TRUE(words) << words.status().to_string();
  std::map<std::string, std::size_t> per_language;
  for (const auto& [word, langs] : words->languages_by_word) {
    for (const auto& l : langs) ++per_language[l];
  }
  for (const char* l : {"en", "fr", "es"}) EXPECT_GE(per_language[l], 40u) << l;
  EXPECT_EQ(words->languages_by_word.count("the"), 1u);
}

TEST(LanguageWords, TheShippedLetterListParses) {
  auto found = data::find_data_file("language-letters.tsv");
  ASSERT_TRUE(found) << found.status().to_string();
  LanguageWords words;
  const Status st = parse_language_letters(slurp(*found), *found, words);
  ASSERT_TRUE(st.ok()) << st.to_string();
  EXPECT_EQ(words.languages_by_letter.at(U'ñ'), std::vector<std::string>{"es"});
  EXPECT_EQ(words.languages_by_letter.at(U'ç'), std::vector<std::string>{"fr"});
  EXPECT_EQ(words.languages_by_letter.count(U'é'), 0u) << "é is both French and Spanish";
}

TEST(LanguageWords, LetterParseErrorsGiveTheLine) {
  const std::vector<std::tuple<std::string, std::size_t, std::string>> cases = {
      {"es\tñ\nes\tñ\n", 2, "twice"},
      {"fr\tça\n", 1, "one lower-case character"},
      {"fr\tÇ\n", 1, "one lower-case character"},
      {"pt\tã\n", 1, "unknown language"},
      {"es\n", 1, "language<TAB>letter"},
  };
  for (const auto& [text, line, part] : cases) {
    LanguageWords words;
    const Status st = parse_language_letters(text, "letters.tsv", words);
    ASSERT_FALSE(st.ok()) << text;
    EXPECT_EQ(st.where().line, line) << text;
    EXPECT_NE(st.message().find(part), std::string::npos) << st.to_string();
  }
}

TEST(LanguageWords, ParseErrorsGiveTheLine) {
  const std::vector<std::tuple<std::string, std::size_t, std::string>> cases = {
      {"en\tthe\nen\tthe\n", 2, "twice"},
      {"# comment\n\nen the\n", 3, "language<TAB>word"},
      {"en\tthe\nde\tder\n", 2, "unknown language"},
      {"fr\tLes\n", 1, "lower case"},
      {"es\t\n", 1, "empty"},
      {"en\tthe\tthe\n", 1, "language<TAB>word"},
  };
  for (const auto& [text, line, part] : cases) {
    auto r = parse_language_words(text, "words.tsv");
    ASSERT_FALSE(r) << text;
    EXPECT_EQ(r.status().where().line, line) << text;
    EXPECT_NE(r.status().message().find(part), std::string::npos) << r.status().to_string();
  }
  auto ok = parse_language_words("en\tde\nfr\tde\nes\tde\n", "words.tsv");
  ASSERT_TRUE(ok) << ok.status().to_string();
  EXPECT_EQ(ok->languages_by_word.at("de").size(), 3u);
}

// Sentence by sentence on the UN Parallel Corpus development set: each of the six files is one language.
TEST(DetectLanguage, SentencesOfTheUnParallelCorpus) {
  PARALIGN_REQUIRE_SHARED_CORPORA();
  const std::string dir = testing::shared_corpora_dir() + "/unpc-devset";
  for (const char* lang : {"zh", "en", "fr", "es", "ru", "ar"}) {
    std::ifstream in(dir + "/UNv1.0.devset." + lang);
    ASSERT_TRUE(in) << lang;
    std::size_t total = 0, right = 0;
    std::map<std::string, std::size_t> wrong;
    for (std::string line; std::getline(in, line);) {
      if (line.size() < 40) continue;  // headings and numbers alone say little
      ++total;
      const std::string got = detect_language(line);
      if (got == lang) {
        ++right;
      } else {
        ++wrong[got.empty() ? "(none)" : got];
      }
    }
    ASSERT_GT(total, 1000u) << lang;
    const double accuracy = static_cast<double>(right) / static_cast<double>(total);
    std::string detail;
    for (const auto& [l, n] : wrong) detail += " " + l + ":" + std::to_string(n);
    RecordProperty(std::string("accuracy_") + lang, std::to_string(accuracy));
    std::cout << lang << ": " << right << "/" << total << " sentences right;" << detail << '\n';
    EXPECT_GE(accuracy, 0.985) << lang << detail;
  }
}

}  // namespace
}  // namespace paralign
