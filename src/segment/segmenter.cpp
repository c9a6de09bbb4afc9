// The sentence splitter: ICU's candidate breaks, filtered by the language's UN exception list.
#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "paralign/segment.hpp"
#include "segment/icu_breaks.hpp"
#include "segment/text_scan.hpp"
#include "util/data_dir.hpp"
#include "util/utf8.hpp"

namespace paralign {

using segment_detail::is_closer;
using segment_detail::is_digit;
using segment_detail::is_letter;
using segment_detail::is_lower;
using segment_detail::is_opener;
using segment_detail::is_upper;

namespace {

enum class AbbrevRule { kNever, kBeforeNumber, kBeforeLower };

struct Abbreviation {
  std::vector<std::string> words;  // "p. ex." -> {"p.", "ex."}; the last word is the lookup key
  AbbrevRule rule = AbbrevRule::kNever;
  std::string entry;  // as written in the data file, for explanations
};

std::string_view rule_name(AbbrevRule r) {
  switch (r) {
    case AbbrevRule::kNever:
      return "never";
    case AbbrevRule::kBeforeNumber:
      return "before-number";
    case AbbrevRule::kBeforeLower:
      return "before-lower";
  }
  return "";
}

}  // namespace

struct Segmenter::Rules {
  std::string language;
  std::unordered_map<std::string, std::vector<Abbreviation>> abbreviations;  // by last word, longest entry first
  std::unordered_set<std::string> labels;                                    // case-folded
  std::u32string terminators;  // when not empty, exactly these end sentences and ICU is not asked
};

namespace {

using Rules = Segmenter::Rules;

// ---- small UTF-8 cursors -------------------------------------------------------------------------------------

char32_t peek(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return 0;
  return utf8::next(s, pos);
}

using utf8::skip_spaces;
using utf8::skip_spaces_back;

// Start of the space-delimited word that ends at `end`.
std::size_t word_start(std::string_view s, std::size_t end) {
  std::size_t pos = end;
  while (pos > 0) {
    std::size_t p = pos;
    if (utf8::is_space(utf8::prev(s, p))) break;
    pos = p;
  }
  return pos;
}

std::size_t word_end(std::string_view s, std::size_t start) {
  std::size_t pos = start;
  while (pos < s.size()) {
    std::size_t p = pos;
    if (utf8::is_space(utf8::next(s, p))) break;
    pos = p;
  }
  return pos;
}

std::size_t skip_openers(std::string_view s, std::size_t pos, std::size_t end) {
  while (pos < end) {
    std::size_t p = pos;
    if (!is_opener(utf8::next(s, p))) break;
    pos = p;
  }
  return pos;
}

// ---- what follows a candidate break -----------------------------------------------------------------------------

// "(b)", "（b）", "(iv)", "(12)", "б)": an enumeration label. `first` is set when it opens an enumeration
// ("(a)", "(i)", "(1)"), where a new sentence may well begin.
bool enumeration_label(std::string_view s, std::size_t pos, bool& first) {
  std::size_t p = pos;
  const char32_t open = utf8::next(s, p);
  const bool has_open = open == '(' || open == 0xFF08;
  if (!has_open) p = pos;
  const std::size_t content = p;
  int letters = 0, digits = 0, count = 0;
  bool roman = true, lower = true;
  char32_t cp = 0;
  while (p < s.size() && count <= 5) {
    std::size_t q = p;
    cp = utf8::next(s, q);
    if (cp == ')' || cp == 0xFF09) break;
    if (is_digit(cp)) {
      ++digits;
    } else if (is_letter(cp)) {
      ++letters;
      if (std::u32string_view(U"ivxlcdmIVXLCDM").find(cp) == std::u32string_view::npos) roman = false;
      if (!is_lower(cp)) lower = false;
    } else {
      return false;
    }
    ++count;
    p = q;
  }
  if (cp != ')' && cp != 0xFF09) return false;
  if (count == 0 || (letters > 0 && digits > 0) || digits > 2) return false;
  if (letters > 1 && !roman) return false;
  if (!has_open && !(letters == 1 && lower)) return false;
  const std::string_view label = s.substr(content, p - content);
  static const std::unordered_set<std::string_view> kFirst = {"a", "A", "i", "I", "1", "а", "А", "أ", "ا", "一"};
  first = kFirst.count(label) > 0;
  return true;
}

// True when the word at `pos` is a number, a roman numeral, a single letter or an enumeration label: what follows
// "para.", "chap.", "sect.", "subpara.".
bool reference_follows(std::string_view s, std::size_t pos) {
  bool first = false;
  if (enumeration_label(s, pos, first)) return true;
  std::size_t p = pos;
  const char32_t c0 = utf8::next(s, p);
  if (is_digit(c0)) return true;
  if (!is_letter(c0)) return false;
  std::size_t letters = 1;
  bool roman = std::u32string_view(U"IVXLCDMivxlcdm").find(c0) != std::u32string_view::npos;
  while (p < s.size()) {
    std::size_t q = p;
    const char32_t cp = utf8::next(s, q);
    if (!is_letter(cp)) break;
    if (std::u32string_view(U"IVXLCDMivxlcdm").find(cp) == std::u32string_view::npos) roman = false;
    ++letters;
    p = q;
  }
  return letters == 1 || (roman && letters <= 7);
}

// ---- the decision -----------------------------------------------------------------------------------------------

struct Decision {
  bool kept = true;
  std::string reason;  // filled only when explaining
};

const Abbreviation* find_abbreviation(const Rules& rules, std::string_view s, std::size_t word_begin,
                                      std::string_view word) {
  auto it = rules.abbreviations.find(std::string(word));
  if (it == rules.abbreviations.end() && is_upper(peek(word, 0))) {
    // "Para." at the start of a sentence matches the entry "para.".
    std::size_t p = 0;
    const char32_t c0 = utf8::next(word, p);
    std::string lowered = segment_detail::fold(std::string_view(word).substr(0, p));
    if (lowered.size() == p && c0 != 0xFFFD)
      lowered += word.substr(p);
    else
      lowered.clear();
    if (!lowered.empty()) it = rules.abbreviations.find(lowered);
  }
  if (it == rules.abbreviations.end()) {
    // Inside a document symbol: "E/CN.4/2005/L.10/Rev. 1".
    const std::size_t slash = word.rfind('/');
    if (slash == std::string_view::npos || slash + 1 >= word.size()) return nullptr;
    const Abbreviation* a = find_abbreviation(rules, s, word_begin, word.substr(slash + 1));
    return a != nullptr && a->words.size() == 1 ? a : nullptr;
  }
  for (const Abbreviation& a : it->second) {
    // Earlier words of a multi-word entry must precede, separated by spaces ("p. ex.").
    std::size_t end = word_begin;
    bool match = true;
    for (std::size_t i = a.words.size() - 1; i-- > 0;) {
      const std::size_t e = skip_spaces_back(s, end);
      const std::size_t b = word_start(s, e);
      const std::size_t o = skip_openers(s, b, e);
      const std::string_view w = s.substr(o, e - o);
      if (w != a.words[i]) {
        match = false;
        break;
      }
      end = b;
    }
    if (match) return &a;
  }
  return nullptr;
}

// Single capitals with full stops: "J.", "J.P.", "А." (at most three).
bool is_initials(std::string_view word) {
  std::size_t p = 0;
  int n = 0;
  while (p < word.size()) {
    if (!is_upper(utf8::next(word, p))) return false;
    if (p >= word.size() || word[p] != '.') return false;
    ++p;
    ++n;
  }
  return n >= 1 && n <= 3;
}

Decision decide(const Rules& rules, std::string_view s, std::size_t b, bool explain) {
  Decision d;
  // Reasons are formatted only when explaining: split() must not pay for them.
  auto drop = [&](std::string_view why, const auto&... args) {
    d.kept = false;
    if (explain) d.reason = fmt::vformat(why, fmt::make_format_args(args...));
    return d;
  };
  auto keep = [&](std::string_view why, const auto&... args) {
    d.kept = true;
    if (explain) d.reason = fmt::vformat(why, fmt::make_format_args(args...));
    return d;
  };

  const std::size_t e = skip_spaces_back(s, b);
  if (e == 0) return drop("only white space before");
  const std::size_t n = skip_spaces(s, b);
  if (n >= s.size()) return drop("only white space after");

  bool first_label = false;
  if (enumeration_label(s, n, first_label) && !first_label) {
    return drop("enumeration continues with \"{}\"", s.substr(n, word_end(s, n) - n));
  }

  std::size_t q = e;
  while (q > 0) {
    std::size_t p = q;
    if (!is_closer(utf8::prev(s, p))) break;
    q = p;
  }
  if (q == 0) return keep("sentence end");
  std::size_t t_start = q;
  const char32_t t = utf8::prev(s, t_start);

  if (!rules.terminators.empty()) {
    if (rules.terminators.find(t) != std::u32string::npos) return keep("sentence end");
    return drop("not after a sentence-ending character of \"{}\"", rules.language);
  }
  if (t != '.') return keep("sentence end");

  const std::size_t ws = word_start(s, t_start);
  const std::size_t wo = skip_openers(s, ws, q);
  const std::string_view word = s.substr(wo, q - wo);

  const std::size_t next_word = skip_openers(s, n, word_end(s, n));
  const char32_t next_first = peek(s, next_word);

  if (const Abbreviation* a = find_abbreviation(rules, s, ws, word)) {
    switch (a->rule) {
      case AbbrevRule::kNever:
        return drop("abbreviation \"{}\" ({})", a->entry, rule_name(a->rule));
      case AbbrevRule::kBeforeNumber:
        if (reference_follows(s, n)) return drop("abbreviation \"{}\" ({})", a->entry, rule_name(a->rule));
        return keep("sentence end (\"{}\" not before a number)", a->entry);
      case AbbrevRule::kBeforeLower:
        if (is_lower(next_first) || is_digit(next_first)) {
          return drop("abbreviation \"{}\" ({})", a->entry, rule_name(a->rule));
        }
        return keep("sentence end (\"{}\" before a capital)", a->entry);
    }
  }

  if (is_initials(word) && is_upper(next_first)) {
    const std::size_t pe = skip_spaces_back(s, ws);
    const std::size_t pb = word_start(s, pe);
    const std::size_t po = skip_openers(s, pb, pe);
    const std::string_view before = s.substr(po, pe - po);
    // "annex B. The", and "sect. B. The" where the word before is itself a reference abbreviation.
    const Abbreviation* ref = pe < ws ? find_abbreviation(rules, s, pb, before) : nullptr;
    if (pe < ws && (rules.labels.count(segment_detail::fold(before)) > 0 ||
                    (ref != nullptr && ref->rule == AbbrevRule::kBeforeNumber))) {
      return keep("sentence end (\"{}\" is a label after \"{}\")", word, before);
    }
    return drop("initial \"{}\"", word);
  }
  return keep("sentence end");
}

void candidates(const Rules& rules, std::string_view s, std::vector<std::size_t>& out) {
  if (rules.terminators.empty()) {
    segment_detail::icu_sentence_breaks(s, rules.language, out);
    return;
  }
  // The language names its sentence-ending characters (zh): a break follows each run of them and of closers.
  std::size_t pos = 0;
  while (pos < s.size()) {
    const char32_t cp = utf8::next(s, pos);
    if (rules.terminators.find(cp) == std::u32string::npos) continue;
    while (pos < s.size()) {
      std::size_t p = pos;
      const char32_t c = utf8::next(s, p);
      if (rules.terminators.find(c) == std::u32string::npos && !is_closer(c) && !utf8::is_space(c)) break;
      pos = p;
    }
    if (pos < s.size() && (out.empty() || out.back() < pos)) out.push_back(pos);
  }
}

Status parse_rules(const std::vector<data::DataLine>& lines, const std::string& path, Rules& rules) {
  for (const data::DataLine& l : lines) {
    const Location where{path, l.line};
    if (l.fields.size() != 2) {
      return Status(ErrorCode::kParse, fmt::format("expected ENTRY<TAB>RULE, found {} field(s)", l.fields.size()),
                    where);
    }
    const std::string& entry = l.fields[0];
    const std::string& rule = l.fields[1];
    if (rule == "label") {
      rules.labels.insert(segment_detail::fold(entry));
      continue;
    }
    if (rule == "ends-sentence") {
      std::size_t p = 0;
      const char32_t cp = utf8::next(entry, p);
      if (p != entry.size()) {
        return Status(ErrorCode::kParse, fmt::format("ends-sentence entry \"{}\" is not one character", entry), where);
      }
      rules.terminators.push_back(cp);
      continue;
    }
    Abbreviation a;
    if (rule == "never") {
      a.rule = AbbrevRule::kNever;
    } else if (rule == "before-number") {
      a.rule = AbbrevRule::kBeforeNumber;
    } else if (rule == "before-lower") {
      a.rule = AbbrevRule::kBeforeLower;
    } else {
      return Status(ErrorCode::kParse,
                    fmt::format("unknown rule \"{}\" (never, before-number, before-lower, label, ends-sentence)", rule),
                    where);
    }
    if (entry.back() != '.') {
      return Status(ErrorCode::kParse, fmt::format("abbreviation \"{}\" does not end with a full stop", entry), where);
    }
    a.entry = entry;
    std::size_t p = 0;
    while (p < entry.size()) {
      const std::size_t b = skip_spaces(entry, p);
      const std::size_t e = word_end(entry, b);
      if (e > b) a.words.emplace_back(entry.substr(b, e - b));
      p = e;
    }
    auto& slot = rules.abbreviations[a.words.back()];
    slot.push_back(std::move(a));
    std::stable_sort(slot.begin(), slot.end(),
                     [](const Abbreviation& x, const Abbreviation& y) { return x.words.size() > y.words.size(); });
  }
  return {};
}

}  // namespace

Result<Segmenter> Segmenter::create(const SegmentOptions& options) {
  const std::string& lang = options.language;
  const bool well_formed = lang.size() >= 2 && lang.size() <= 3 &&
                           std::all_of(lang.begin(), lang.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (!well_formed) {
    return Status(
        ErrorCode::kInvalidArgument,
        fmt::format("segmentation language \"{}\" is not an ISO 639 code such as zh, en, fr, es, ru, ar", lang));
  }
  Result<std::string> path = data::find_data_file("abbreviations/" + lang + ".txt", options.data_dir);
  if (!path) {
    return Status(ErrorCode::kNotFound,
                  fmt::format("no segmentation rules for language \"{}\": {}", lang, path.status().message()),
                  path.status().where());
  }
  Result<std::vector<data::DataLine>> lines = data::read_data_lines(*path);
  if (!lines) return lines.status();
  auto rules = std::make_shared<Rules>();
  rules->language = lang;
  if (Status st = parse_rules(*lines, *path, *rules); !st.ok()) return st;
  if (rules->terminators.empty()) {
    if (Status st = segment_detail::check_sentence_rules(lang); !st.ok()) return st;
  }
  return Segmenter(std::move(rules));
}

const std::string& Segmenter::language() const { return rules_->language; }

std::vector<SentenceSpan> Segmenter::split(std::string_view paragraph) const {
  thread_local std::vector<std::size_t> cand;
  cand.clear();
  candidates(*rules_, paragraph, cand);
  std::vector<SentenceSpan> out;
  std::size_t start = 0;
  auto emit = [&](std::size_t end) {
    const std::size_t b = skip_spaces(paragraph, start);
    const std::size_t e = std::max(b, skip_spaces_back(paragraph, end));
    if (e > b) out.push_back({b, e - b});
    start = end;
  };
  for (std::size_t b : cand) {
    if (decide(*rules_, paragraph, b, false).kept) emit(b);
  }
  emit(paragraph.size());
  return out;
}

std::vector<BoundaryDecision> Segmenter::explain(std::string_view paragraph) const {
  std::vector<std::size_t> cand;
  candidates(*rules_, paragraph, cand);
  std::vector<BoundaryDecision> out;
  for (std::size_t b : cand) {
    Decision d = decide(*rules_, paragraph, b, true);
    out.push_back({b, d.kept, std::move(d.reason)});
  }
  return out;
}

}  // namespace paralign
