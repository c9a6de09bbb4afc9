// Hunspell and ICU stay inside this file.
#include "qa/speller.hpp"

#include <hunspell/hunspell.hxx>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <mutex>

#include "util/utf8.hpp"

namespace paralign::qa {

namespace {

bool is_word_char(char32_t cp) {
  if (utf8::is_han(cp) || utf8::is_cjk(cp)) return false;
  return u_isalnum(static_cast<UChar32>(cp)) || (cp > 0x7F && u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_DIACRITIC)) ||
         u_charType(static_cast<UChar32>(cp)) == U_NON_SPACING_MARK ||
         u_charType(static_cast<UChar32>(cp)) == U_COMBINING_SPACING_MARK;
}

bool is_joiner(char32_t cp) {
  return cp == '\'' || cp == U'\u2019' || cp == '-' || cp == '.' || cp == '/' || cp == U'\u2011';
}

}  // namespace

std::vector<Word> split_words(std::string_view text) {
  std::vector<Word> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t start = pos;
    char32_t cp = utf8::next(text, pos);
    if (!is_word_char(cp)) continue;
    std::size_t end = pos;
    while (pos < text.size()) {
      std::size_t here = pos;
      char32_t c = utf8::next(text, pos);
      if (is_word_char(c)) {
        end = pos;
        continue;
      }
      if (is_joiner(c) && pos < text.size()) {
        std::size_t after = pos;
        char32_t d = utf8::next(text, after);
        if (is_word_char(d)) {
          pos = after;
          end = after;
          continue;
        }
      }
      pos = here;
      break;
    }
    out.push_back({std::string(text.substr(start, end - start)), start, end - start});
    pos = end;
  }
  return out;
}

std::string fold_case(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

struct Speller::Impl {
  std::unique_ptr<Hunspell> hs;
  std::unordered_set<std::string> accepted;  // folded
  std::vector<std::string> stems;            // folded; "гендерн" from "гендерн*"
  mutable std::mutex mu;
};

namespace {

// How many characters a word may have past an accepted stem ("гендерн*"): an inflectional ending, not a new word.
constexpr std::size_t kMaxEndingChars = 4;

}  // namespace

Speller::Speller(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Speller::~Speller() = default;

std::unique_ptr<Speller> Speller::open(const std::string& dir, const std::string& name) {
  std::string aff = dir + "/" + name + ".aff", dic = dir + "/" + name + ".dic";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(aff, ec) || !std::filesystem::is_regular_file(dic, ec)) return nullptr;
  auto impl = std::make_unique<Impl>();
  impl->hs = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
  return std::unique_ptr<Speller>(new Speller(std::move(impl)));
}

void Speller::accept(const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    if (w.size() > 1 && w.back() == '*') impl_->stems.push_back(fold_case(std::string_view(w).substr(0, w.size() - 1)));
    else impl_->accepted.insert(fold_case(w));
  }
}

bool Speller::correct(std::string_view word) const {
  const std::string folded = fold_case(word);
  if (impl_->accepted.count(folded)) return true;
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    if (impl_->hs->spell(std::string(word))) return true;
  }
  for (const std::string& stem : impl_->stems)
    if (folded.size() >= stem.size() && folded.compare(0, stem.size(), stem) == 0 &&
        utf8::length(std::string_view(folded).substr(stem.size())) <= kMaxEndingChars)
      return true;
  return false;
}

std::vector<std::string> Speller::stems(std::string_view word) const {
  std::vector<std::string> out{fold_case(word)};
  std::vector<std::string> st;
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    st = impl_->hs->stem(std::string(word));
    if (st.empty()) st = impl_->hs->stem(out[0]);
  }
  // The crude forms too: Hunspell gives no stem for some plurals its dictionary lists whole ("embargoes").
  for (std::string& c : crude_stems(word)) st.push_back(std::move(c));
  for (const std::string& s : st) {
    std::string f = fold_case(s);
    if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
  }
  return out;
}

std::vector<std::string> crude_stems(std::string_view word) {
  std::string w = fold_case(word);
  std::vector<std::string> out{w};
  auto strip = [&](std::string_view suffix, std::size_t min_rest) {
    if (w.size() > suffix.size() + min_rest && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0)
      out.push_back(w.substr(0, w.size() - suffix.size()));
  };
  strip("ing", 3);
  strip("ed", 3);
  strip("es", 3);
  strip("s", 3);
  return out;
}

}  // namespace paralign::qa
