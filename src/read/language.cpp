// Language detection. The six UN languages fall into four scripts; three of them name their language outright (Han
// is Chinese, Cyrillic is Russian, Arabic is Arabic). Latin-script text is English, French or Spanish, told apart
// by counting frequent function words from corpora/data/language-words.tsv (every sentence of running text has
// several, and the three lists share few of them), helped by letters only one of them uses
// (corpora/data/language-letters.tsv: ñ, ç...), which decide headings and lists of names.
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <map>
#include <set>
#include <string>

#include "paralign/read.hpp"
#include "read/decode_internal.hpp"
#include "util/atomic_file.hpp"
#include "util/data_dir.hpp"
#include "util/utf8.hpp"

namespace paralign {

namespace {

constexpr const char* kWordsFile = "language-words.tsv";
constexpr const char* kLettersFile = "language-letters.tsv";

// A function word says more than a letter: a word is chosen text, a letter may come from a name.
constexpr std::size_t kWordWeight = 2;

constexpr std::array<std::string_view, 6> kLanguages = {"zh", "en", "fr", "es", "ru", "ar"};

// Detection reads at most this much text: a report's first megabyte says which language it is in, and a 50 MB
// input should not pay for hashing every word.
constexpr std::size_t kSampleBytes = std::size_t{1} << 20;

// Fewer letters than this in the dominant script is "too little text to tell".
constexpr std::size_t kMinLetters = 2;

std::string lower(std::string_view word) {
  std::string out;
  std::size_t pos = 0;
  while (pos < word.size()) utf8::append(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(utf8::next(word, pos)))));
  return out;
}

bool is_cyrillic(char32_t c) { return (c >= 0x0400 && c <= 0x052F) || (c >= 0x1C80 && c <= 0x1C8F); }
bool is_arabic(char32_t c) {
  return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF) ||
         (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF && c != 0xFEFF);
}
bool is_latin_letter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0x00C0 && c <= 0x024F && c != 0xD7 && c != 0xF7);
}

const LanguageWords& installed_words() {
  // Loaded once, on first use; a missing or broken file leaves the table empty, so Latin text is then reported as
  // undetected ("") rather than guessed.
  static const LanguageWords kWords = [] {
    auto path = data::find_data_file(kWordsFile);
    if (!path) return LanguageWords{};
    auto bytes = read_file(*path, std::size_t{16} << 20);
    if (!bytes) return LanguageWords{};
    auto parsed = parse_language_words(*bytes, *path);
    if (!parsed) return LanguageWords{};
    if (auto letters_path = data::find_data_file(kLettersFile)) {
      if (auto letters = read_file(*letters_path, std::size_t{1} << 20)) {
        if (!parse_language_letters(*letters, *letters_path, *parsed).ok()) parsed->languages_by_letter.clear();
      }
    }
    return std::move(parsed).value();
  }();
  return kWords;
}

}  // namespace

bool is_supported_language(std::string_view code) {
  for (auto l : kLanguages) {
    if (l == code) return true;
  }
  return false;
}

Result<LanguageWords> parse_language_words(std::string_view tsv, const std::string& name) {
  auto lines = data::parse_data_lines(tsv, name);
  if (!lines) return lines.status();
  LanguageWords words;
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& dl : *lines) {
    if (dl.fields.size() != 2) {
      return Status(ErrorCode::kParse, "expected 'language<TAB>word'", {name, dl.line});
    }
    const std::string& lang = dl.fields[0];
    const std::string& word = dl.fields[1];
    if (!is_supported_language(lang)) {
      return Status(ErrorCode::kParse, fmt::format("unknown language '{}' (expected zh, en, fr, es, ru or ar)", lang),
                    {name, dl.line});
    }
    if (word.find(' ') != std::string::npos) {
      return Status(ErrorCode::kParse, "a word holds a space (one word a line)", {name, dl.line});
    }
    if (lower(word) != word) {
      return Status(ErrorCode::kParse, fmt::format("'{}' is not in lower case (text is lower-cased before lookup)", word),
                    {name, dl.line});
    }
    if (!seen.emplace(lang, word).second) {
      return Status(ErrorCode::kParse, fmt::format("'{}' is listed twice for '{}'", word, lang), {name, dl.line});
    }
    words.languages_by_word[word].push_back(lang);
    ++words.entries;
  }
  if (words.entries == 0) return Status(ErrorCode::kParse, "the word list is empty", {name});
  return words;
}

Status parse_language_letters(std::string_view tsv, const std::string& name, LanguageWords& words) {
  auto lines = data::parse_data_lines(tsv, name);
  if (!lines) return lines.status();
  std::set<std::pair<std::string, char32_t>> seen;
  for (const auto& dl : *lines) {
    if (dl.fields.size() != 2) return Status(ErrorCode::kParse, "expected 'language<TAB>letter'", {name, dl.line});
    const std::string& lang = dl.fields[0];
    if (!is_supported_language(lang)) {
      return Status(ErrorCode::kParse, fmt::format("unknown language '{}' (expected zh, en, fr, es, ru or ar)", lang),
                    {name, dl.line});
    }
    const std::string& field = dl.fields[1];
    std::size_t pos = 0;
    const char32_t letter = utf8::next(field, pos);
    if (pos != field.size() || lower(field) != field) {
      return Status(ErrorCode::kParse, fmt::format("'{}' is not one lower-case character", field), {name, dl.line});
    }
    if (!seen.emplace(lang, letter).second) {
      return Status(ErrorCode::kParse, fmt::format("'{}' is listed twice for '{}'", field, lang), {name, dl.line});
    }
    words.languages_by_letter[letter].push_back(lang);
  }
  return {};
}

std::string detect_language_with(std::string_view text, const LanguageWords& words) {
  if (text.size() > kSampleBytes) {
    std::size_t cut = kSampleBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // keep whole characters
    text = text.substr(0, cut);
  }
  std::size_t han = 0, cyrillic = 0, arabic = 0, latin = 0;
  std::map<std::string, std::size_t> hits;
  std::string word;
  auto end_word = [&] {
    if (word.empty()) return;
    if (auto it = words.languages_by_word.find(lower(word)); it != words.languages_by_word.end()) {
      for (const auto& l : it->second) hits[l] += kWordWeight;
    }
    word.clear();
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = utf8::next(text, pos);
    if (!words.languages_by_letter.empty() && c > 0x7F) {
      if (auto it = words.languages_by_letter.find(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
          it != words.languages_by_letter.end()) {
        for (const auto& l : it->second) ++hits[l];
      }
    }
    if (is_latin_letter(c)) {
      ++latin;
      utf8::append(word, c);
      continue;
    }
    end_word();
    if (utf8::is_han(c)) {
      ++han;
    } else if (is_cyrillic(c)) {
      ++cyrillic;
    } else if (is_arabic(c)) {
      ++arabic;
    }
  }
  end_word();
  // A Han character carries about as much text as a short Latin word; weighting it keeps the URLs and symbols
  // (A/59/181) of a Chinese report from outvoting its text.
  const std::size_t han_weight = han * 3;
  const std::size_t top = std::max({han_weight, cyrillic, arabic, latin});
  if (top == 0) return {};
  if (top == han_weight) return han >= kMinLetters ? "zh" : "";
  if (top == cyrillic) return cyrillic >= kMinLetters ? "ru" : "";
  if (top == arabic) return arabic >= kMinLetters ? "ar" : "";
  std::string best;
  std::size_t best_hits = 0, second = 0;
  for (const auto& [lang, n] : hits) {
    if (n > best_hits) {
      second = best_hits;
      best_hits = n;
      best = lang;
    } else if (n > second) {
      second = n;
    }
  }
  return best_hits > second ? best : std::string();
}

std::string detect_language(std::string_view text) { return detect_language_with(text, installed_words()); }

}  // namespace paralign
