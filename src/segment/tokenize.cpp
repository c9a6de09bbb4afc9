// Tokenisation for the aligner. Follows the Unicode word-boundary rules (UAX #29) through ICU's Word_Break
// property, as ICU's word BreakIterator does, but in one pass over the UTF-8 without a UTF-16 copy, an iterator
// or a dictionary: the aligner tokenises every sentence of every language version, and a break iterator would
// also cut Chinese into dictionary words where the aligner wants single characters.
#include <unicode/uchar.h>

#include "paralign/segment.hpp"
#include "segment/text_scan.hpp"
#include "util/utf8.hpp"

namespace paralign {

namespace {

enum class Cls : unsigned char {
  kOther,        // spaces, punctuation, symbols: separate tokens and are dropped
  kLetter,       // ALetter, Hebrew_Letter, Katakana, other alphabetic scripts
  kDigit,        // Numeric
  kIdeograph,    // Han: one token each
  kExtend,       // combining marks, format characters, ZWJ: belong to the character before
  kMidLetter,    // joins letters: "·"
  kMidNum,       // joins digits: "," ";"
  kMidNumLet,    // joins letters or digits: "." "'" "’"
  kExtendNumLet  // joins anything: "_"
};

constexpr Cls classify_ascii_slow(char32_t c) {
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return Cls::kLetter;
  if (c >= '0' && c <= '9') return Cls::kDigit;
  switch (c) {
    case '.':
    case '\'':
      return Cls::kMidNumLet;
    case ',':
    case ';':
      return Cls::kMidNum;
    case '_':
      return Cls::kExtendNumLet;
    default:
      return Cls::kOther;
  }
}

struct AsciiTable {
  Cls cls[128];
  constexpr AsciiTable() : cls() {
    for (char32_t c = 0; c < 128; ++c) cls[c] = classify_ascii_slow(c);
  }
};
constexpr AsciiTable kAscii;

inline Cls classify_ascii(char32_t c) { return kAscii.cls[c]; }

Cls classify_slow(char32_t c) {
  if (c < 0x80) return classify_ascii(c);
  if (utf8::is_han(c)) return Cls::kIdeograph;
  if (c >= 0xFF01 && c <= 0xFF5E) return classify_ascii(c - 0xFEE0);  // full-width ASCII, as in Chinese text
  switch (u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_WORD_BREAK)) {
    case U_WB_ALETTER:
    case U_WB_HEBREW_LETTER:
    case U_WB_KATAKANA:
      return Cls::kLetter;
    case U_WB_NUMERIC:
      return Cls::kDigit;
    case U_WB_EXTEND:
    case U_WB_FORMAT:
    case U_WB_ZWJ:
      return Cls::kExtend;
    case U_WB_MIDLETTER:
      // ICU's root rules take the colon out of MidLetter (only Swedish joins "c:a"); so do we.
      return c == 0xFE55 ? Cls::kOther : Cls::kMidLetter;
    case U_WB_MIDNUM:
      return Cls::kMidNum;
    case U_WB_MIDNUMLET:
    case U_WB_SINGLE_QUOTE:
      return Cls::kMidNumLet;
    case U_WB_EXTENDNUMLET:
      // U+202F (narrow no-break space) groups digits in French ("25 000") but elsewhere only spaces
      // punctuation off ("mot ;"); it is handled where it stands, in tokenize().
      return Cls::kExtendNumLet;
    default:
      // Scripts ICU segments with dictionaries (Thai, kana...) come out as runs of letters.
      return u_isalpha(static_cast<UChar32>(c)) ? Cls::kLetter : Cls::kOther;
  }
}

// Property lookups through ICU's generic API cost more than the rest of the scan, so the Basic Multilingual Plane
// (all UN-language text) is classified and case-folded once into two tables (192 KiB, built on first use).
struct BmpTables {
  Cls cls[0x10000];
  char16_t folded[0x10000];
  BmpTables() {
    for (char32_t c = 0; c < 0x10000; ++c) {
      cls[c] = classify_slow(c);
      const char32_t w = utf8::fold_width(c);
      const auto f = static_cast<char32_t>(u_foldCase(static_cast<UChar32>(w), U_FOLD_CASE_DEFAULT));
      folded[c] = f < 0x10000 ? static_cast<char16_t>(f) : static_cast<char16_t>(c);
    }
  }
};

const BmpTables& tables() {
  static const auto* t = new BmpTables();  // never freed: used until exit, from any thread
  return *t;
}

inline Cls classify(char32_t c) { return c < 0x10000 ? tables().cls[c] : classify_slow(c); }

inline void append_folded(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  } else if (c < 0x10000) {
    utf8::append(out, tables().folded[c]);
  } else {
    segment_detail::append_folded(out, c);
  }
}

// Decodes well-formed UTF-8 inline; anything else goes through utf8::next (U+FFFD, one byte).
inline char32_t decode(std::string_view s, std::size_t& pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + pos;
  const std::size_t left = s.size() - pos;
  if (p[0] < 0x80) {
    ++pos;
    return p[0];
  }
  if ((p[0] & 0xE0) == 0xC0 && p[0] >= 0xC2 && left >= 2 && (p[1] & 0xC0) == 0x80) {
    pos += 2;
    return (char32_t{p[0] & 0x1Fu} << 6) | (p[1] & 0x3Fu);
  }
  if ((p[0] & 0xF0) == 0xE0 && left >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
    const char32_t c = (char32_t{p[0] & 0x0Fu} << 12) | (char32_t{p[1] & 0x3Fu} << 6) | (p[2] & 0x3Fu);
    if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
      pos += 3;
      return c;
    }
  }
  return utf8::next(s, pos);
}

bool arabic_optional_mark(char32_t c) { return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640; }

struct Cursor {
  std::string_view s;
  std::size_t pos = 0;
  char32_t next(Cls& cls) {
    const auto b = static_cast<unsigned char>(s[pos]);
    if (b < 0x80) {
      ++pos;
      cls = classify_ascii(b);
      return b;
    }
    const char32_t c = decode(s, pos);
    cls = classify(c);
    return c;
  }
};

// The class of the first non-Extend character at `pos` (its end in `after`), or kOther at the end.
Cls look_ahead(std::string_view s, std::size_t pos, std::size_t& after) {
  Cursor cur{s, pos};
  while (cur.pos < s.size()) {
    Cls cls;
    cur.next(cls);
    if (cls != Cls::kExtend) {
      after = cur.pos;
      return cls;
    }
  }
  after = s.size();
  return Cls::kOther;
}

}  // namespace

std::vector<Token> tokenize(std::string_view sentence, std::string_view lang) {
  const bool strip_tashkil = lang == "ar";
  std::vector<Token> out;
  out.reserve(sentence.size() / 5 + 1);
  Cursor cur{sentence, 0};
  Token tok;
  bool in_token = false;
  bool has_letter = false;
  Cls last = Cls::kOther;  // last core class of the token: kLetter, kDigit or kExtendNumLet

  auto finish = [&](std::size_t end) {
    if (in_token) {
      tok.length = end - tok.offset;
      // A lone "_" is punctuation to the aligner.
      if (!tok.text.empty() && (has_letter || tok.kind == TokenKind::kNumber)) {
        out.push_back(std::move(tok));
      }
      tok = Token{};
    }
    in_token = false;
  };
  auto add = [&](char32_t c) {
    if (strip_tashkil && arabic_optional_mark(c)) return;
    append_folded(tok.text, c);
  };

  while (cur.pos < sentence.size()) {
    const std::size_t at = cur.pos;
    Cls cls;
    const char32_t c = cur.next(cls);
    switch (cls) {
      case Cls::kLetter:
      case Cls::kDigit:
        if (!in_token) {
          in_token = true;
          has_letter = false;
          tok.offset = at;
          tok.kind = TokenKind::kNumber;
        }
        if (cls == Cls::kLetter) {
          has_letter = true;
          tok.kind = TokenKind::kWord;
        }
        add(c);
        last = cls;
        // Most of a Latin word is plain ASCII letters or digits: take the run in one go.
        while (cur.pos < sentence.size()) {
          const auto b = static_cast<unsigned char>(sentence[cur.pos]);
          if (b >= 0x80) break;
          const Cls bc = kAscii.cls[b];
          if (bc == Cls::kLetter) {
            has_letter = true;
            tok.kind = TokenKind::kWord;
            tok.text += static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
          } else if (bc == Cls::kDigit) {
            tok.text += static_cast<char>(b);
          } else {
            break;
          }
          last = bc;
          ++cur.pos;
        }
        break;
      case Cls::kExtend:
        if (in_token) add(c);  // a mark after a space or punctuation belongs to nothing the aligner compares
        break;
      case Cls::kExtendNumLet: {
        std::size_t after = 0;
        const Cls next = look_ahead(sentence, cur.pos, after);
        if (c == 0x202F) {
          // Only between digits ("25 000").
          if (in_token && last == Cls::kDigit && next == Cls::kDigit) {
            add(c);
          } else {
            finish(at);
          }
          break;
        }
        if (!in_token) {
          if (next != Cls::kLetter && next != Cls::kDigit && next != Cls::kExtendNumLet) break;
          in_token = true;
          has_letter = false;
          tok.offset = at;
          tok.kind = TokenKind::kWord;
        }
        add(c);
        last = Cls::kExtendNumLet;
        break;
      }
      case Cls::kMidLetter:
      case Cls::kMidNum:
      case Cls::kMidNumLet: {
        if (!in_token) break;
        std::size_t after = 0;
        const Cls next = look_ahead(sentence, cur.pos, after);
        const bool joins_letters = cls != Cls::kMidNum && last == Cls::kLetter && next == Cls::kLetter;
        const bool joins_digits = cls != Cls::kMidLetter && last == Cls::kDigit && next == Cls::kDigit;
        if (joins_letters || joins_digits) {
          add(c);
        } else {
          finish(at);
        }
        break;
      }
      case Cls::kIdeograph:
        finish(at);
        tok.offset = at;
        tok.kind = TokenKind::kIdeograph;
        utf8::append(tok.text, c);
        in_token = true;
        has_letter = true;
        finish(cur.pos);
        break;
      case Cls::kOther:
        finish(at);
        break;
    }
  }
  finish(sentence.size());
  return out;
}

}  // namespace paralign
