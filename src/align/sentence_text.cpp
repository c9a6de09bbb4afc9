#include "align/sentence_text.hpp"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "paralign/numbers.hpp"
#include "paralign/references.hpp"
#include "paralign/segment.hpp"
#include "util/utf8.hpp"

namespace paralign::align {

std::uint32_t Vocabulary::id(std::string_view s) {
  auto it = ids_.find(std::string(s));
  if (it != ids_.end()) return it->second;
  auto id = static_cast<std::uint32_t>(names_.size());
  names_.emplace_back(s);
  ids_.emplace(names_.back(), id);
  return id;
}

std::uint32_t Vocabulary::find(std::string_view s) const {
  auto it = ids_.find(std::string(s));
  return it == ids_.end() ? kNone : it->second;
}

namespace {

bool is_latin_letter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  UErrorCode err = U_ZERO_ERROR;
  return u_isalpha(static_cast<UChar32>(c)) && uscript_getScript(static_cast<UChar32>(c), &err) == USCRIPT_LATIN;
}

}  // namespace

SentenceTokens tokenize_sentence(std::string_view s, std::string_view lang) {
  SentenceTokens out;
  // Lengths and scripts, code point by code point.
  std::size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = utf8::fold_width(utf8::next(s, pos));
    if (c == 0xFFFD || utf8::is_space(c)) continue;
    ++out.length;
    if (utf8::is_cjk(c)) ++out.han;
    if (utf8::is_han(c)) {
      ++out.letters;
    } else if (c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : u_isalpha(static_cast<UChar32>(c))) {
      ++out.letters;
      if (is_latin_letter(c)) ++out.latin_letters;
    }
  }
  // Punctuation inside the sentence. Colons, question marks, opening brackets and quotation marks become lexical
  // tokens of their own kind: most translations keep them, and the learned lexicon finds out per document whether
  // this one does. Colons, semicolons, question and exclamation marks before the sentence's last mark are counted
  // as clause marks: a translation often ends a sentence there (an English Bible verse whose second clause follows
  // a colon is two sentences in Chinese), which the clause scorer weighs.
  {
    std::size_t end = s.size();  // the sentence without its final marks and closing quotes
    while (end > 0) {
      std::size_t before = end;
      char32_t c = utf8::fold_width(utf8::prev(s, before));
      bool closing = c == '"' || c == '\'' || c == ')' || c == U'”' || c == U'’' || c == U'」' || c == U'』';
      if (!utf8::is_space(c) && !closing && end_punctuation_class(s.substr(before, end - before)) == 0) break;
      end = before;
    }
    std::size_t p = 0;
    char32_t last = ' ';
    unsigned clauses = 0;
    while (p < s.size()) {
      bool inside = p < end;
      char32_t c = utf8::fold_width(utf8::next(s, p));
      const char* mark = nullptr;
      switch (c) {
        case ':': mark = "\x01:"; break;
        case '?': mark = "\x01?"; break;
        case '!': mark = "\x01!"; break;
        case ';': mark = "\x01;"; break;
        case '(': mark = "\x01("; break;
        case U'“': case U'「': case U'『': mark = "\x01\""; break;
        case '"': if (utf8::is_space(last) || last == '(' || last == ':') mark = "\x01\""; break;
        default: break;
      }
      if (inside && (c == ':' || c == ';' || c == '?' || c == '!')) ++clauses;
      last = c;
      if (mark != nullptr) out.words.emplace_back(mark);
    }
    out.clause_marks = static_cast<std::uint8_t>(std::min(clauses, 3u));
  }
  // Words from the segment stage's tokenizer; numbers are left to the quantity reader, which knows their values.
  for (Token& t : tokenize(s, lang)) {
    if (t.kind == TokenKind::kNumber) continue;
    if (t.kind == TokenKind::kWord) {
      std::string_view written = s.substr(t.offset, t.length);
      std::size_t upper = 0, digits = 0, letters = 0, latin = 0, p = 0;
      while (p < written.size()) {
        char32_t c = utf8::fold_width(utf8::next(written, p));
        if (c >= '0' && c <= '9') {
          ++digits;
        } else if (u_isalpha(static_cast<UChar32>(c))) {
          ++letters;
          if (u_isupper(static_cast<UChar32>(c))) ++upper;
          if (is_latin_letter(c)) ++latin;
        }
      }
      if (latin == letters && (letters >= 2 || digits > 0)) out.latin.push_back(t.text);
      if (upper >= 2 || (digits > 0 && letters > 0)) out.acronyms.push_back(t.text);
    }
    out.words.push_back(std::move(t.text));
  }
  // Anchors: references by their keys (A/59/181, res:1373(2001), URLs), then figures by value outside them
  // (六十二 = 62, 2004 年 7 月 15 日 = 15 July 2004).
  std::vector<Reference> refs = find_references(s);
  for (const Reference& r : refs) out.numbers.push_back(r.key);
  for (Quantity& q : find_quantities(s, lang, spans_of(refs))) out.numbers.push_back(std::move(q.key));
  out.end_class = static_cast<std::uint8_t>(end_punctuation_class(s));
  return out;
}

int end_punctuation_class(std::string_view s) {
  std::size_t end = s.size();
  while (end > 0) {
    char32_t c = utf8::fold_width(utf8::prev(s, end));
    switch (c) {
      case '.':
      case '!':
      case U'。':
        return 1;
      case '?':
        return 2;
      case ':':
        return 3;
      case ';':
        return 4;
      case ',':
      case U'，':
      case U'、':
        return 5;
      case '"':
      case '\'':
      case ')':
      case ']':
      case U'”':
      case U'’':
      case U'」':
      case U'』':
      case U'》':
        continue;
      default:
        if (utf8::is_space(c)) continue;
        return 0;
    }
  }
  return 0;
}

std::vector<std::string> lexical_tokens(std::string_view text, std::string_view lang) {
  std::vector<std::string> out;
  for (Token& t : tokenize(text, lang))
    if (t.kind != TokenKind::kNumber) out.push_back(std::move(t.text));
  return out;
}

}  // namespace paralign::align
