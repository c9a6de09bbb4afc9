// Terms without a glossary: recurring source terms, their renderings by co-occurrence, source-side variants.
//
// Source terms (Chinese): every n-gram of 2..8 Han characters inside a run bounded by punctuation, digits or Latin
// text, kept when it occurs in at least `min_units` units, neither starts nor ends with a function character
// (的, 和, 在... corpora/data/wordlists/zh-function-chars.txt), has at least two different characters (or text
// boundaries) on each side — a fragment of a longer word always has the same neighbour —, starts and ends on a word
// boundary (ICU's Chinese word segmentation) in at least half of its occurrences, and is not a substring of a
// longer candidate with the same number of occurrences. Titles in 《》, Latin acronyms and the Chinese side of
// corpora/data/dict/un-terms.zh-en.tsv are candidates whatever their neighbours.
//
// Renderings: runs of one to four target words, not starting or ending with a function word, compared across units
// by the Dice coefficient 2·c(s,t) / (c(s) + c(t)). A term's first rendering is its best partner, and must have the
// term among its own best partners (mutual best, nested terms counting as one); a further rendering must cover at
// least half of the units the earlier ones leave, come with the term in most of its own units, share no word (nor
// word family: policy / policies) with the earlier renderings and again have the term as its best partner. So "West Africa" in two units about brokering
// in West Africa is not taken for a rendering of 居间转卖: its best partner is 西非.
//
// Source variants: two terms that fill the same frames (the same two characters before and after, in the same
// occurrence) at least twice, have at least four neighbours in common making at least 15% of all their neighbours,
// share no character and are never joined by a coordinator (妇女和儿童 names two things). On A/59/181 this finds 居间转卖 / 中介 (非法…和贩, 非法…问题) and
// nothing else.
#include <fmt/format.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "paralign/qa.hpp"
#include "qa/checks.hpp"
#include "util/data_dir.hpp"
#include "util/utf8.hpp"

namespace paralign {

namespace detail {

struct TermDiscovererImpl {
  TermDiscoveryOptions options;
  std::unordered_set<char32_t> function_chars;
  std::vector<std::string> coordinators;
  std::map<std::string, std::unordered_set<std::string>> stop_words;  // by primary language
  std::vector<std::string> known_terms;                               // Chinese names from the dictionary
};

}  // namespace detail

namespace {

constexpr char32_t kBoundary = 0xFFFFFFFF;

// A run of Han characters in one unit's source: the characters and the byte offset of each (plus the end).
struct Run {
  std::size_t unit = 0;
  std::u32string chars;
  std::vector<std::size_t> offsets;
};

std::string to_utf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) utf8::append(out, c);
  return out;
}

// Runs of Han characters; white space between two Han characters (a PDF line break) does not end a run.
std::vector<Run> han_runs_of(std::string_view text, std::size_t unit) {
  std::vector<Run> out;
  Run cur;
  cur.unit = unit;
  std::size_t pos = 0;
  std::size_t pending_end = 0;
  auto flush = [&](std::size_t end) {
    if (!cur.chars.empty()) {
      cur.offsets.push_back(end);
      out.push_back(std::move(cur));
    }
    cur = Run{};
    cur.unit = unit;
  };
  while (pos < text.size()) {
    std::size_t at = pos;
    char32_t cp = utf8::next(text, pos);
    if (utf8::is_han(cp)) {
      cur.chars.push_back(cp);
      cur.offsets.push_back(at);
      pending_end = pos;
    } else if (!(utf8::is_space(cp) && !cur.chars.empty())) {
      flush(pending_end);
    }
  }
  flush(pending_end);
  return out;
}

struct NgramStat {
  std::uint32_t occurrences = 0;
  std::uint32_t whole = 0;  // occurrences that start and end on word boundaries
  std::uint32_t units = 0;
  std::size_t last_unit = SIZE_MAX;
  char32_t left = 0, right = 0;  // first neighbour seen; kBoundary for a run edge
  bool left_varied = false, right_varied = false;
};

void note_neighbour(char32_t seen, char32_t& first, bool& varied, bool first_time) {
  if (first_time) {
    first = seen;
    return;
  }
  // A run edge counts as a new neighbour every time: a term standing alone between punctuation is a unit.
  if (seen == kBoundary || first == kBoundary || seen != first) varied = true;
}

struct Occurrence {
  std::size_t unit, offset, length;
};

// A source term candidate: where it occurs, and the neighbours of its occurrences (for the source variants). The
// occurrences themselves are not kept: over a large memory they would outweigh everything else discovery holds.
struct SourceTerm {
  std::string text;
  std::u32string chars;
  std::size_t occurrences = 0;
  std::vector<std::size_t> units;     // sorted, unique
  std::set<std::u32string> contexts;  // "L" + the two Han characters before an occurrence, "R" + the two after
  std::set<std::u32string> frames;    // "before…after", where both sides have two Han characters
};

bool contains(const std::string& a, const std::string& b) { return a.find(b) != std::string::npos; }
bool nested(const std::string& a, const std::string& b) { return contains(a, b) || contains(b, a); }

std::size_t unique_units(const std::vector<Occurrence>& occ) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < occ.size(); ++i) n += i == 0 || occ[i].unit != occ[i - 1].unit;  // in unit order
  return n;
}

// Counts an occurrence of `t` at [offset, offset + length) of `text`, the source of `unit` (units come in order).
void note_occurrence(SourceTerm& t, std::string_view text, std::size_t unit, std::size_t offset, std::size_t length) {
  ++t.occurrences;
  if (t.units.empty() || t.units.back() != unit) t.units.push_back(unit);
  // Two Han characters before and after, not crossing anything else.
  std::u32string left, right;
  std::size_t p = offset;
  while (left.size() < 2 && p > 0) {
    char32_t cp = utf8::prev(text, p);
    if (!utf8::is_han(cp)) break;
    left.insert(left.begin(), cp);
  }
  p = offset + length;
  while (right.size() < 2 && p < text.size()) {
    char32_t cp = utf8::next(text, p);
    if (!utf8::is_han(cp)) break;
    right.push_back(cp);
  }
  if (left.size() == 2) t.contexts.insert(U"L" + left);
  if (right.size() == 2) t.contexts.insert(U"R" + right);
  if (left.size() == 2 && right.size() == 2) t.frames.insert(left + U"…" + right);
}

bool is_upper_ascii(char32_t c) { return c >= 'A' && c <= 'Z'; }

// Word boundaries inside a run of Han characters, from ICU's dictionary-based word segmentation for Chinese.
// Without it (ICU could not open the iterator) every position counts as a boundary, so nothing is filtered.
class WordBoundaries {
 public:
  WordBoundaries() {
    UErrorCode status = U_ZERO_ERROR;
    it_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
    if (U_FAILURE(status)) it_.reset();
  }
  bool available() const { return it_ != nullptr; }
  // boundary[i] for i in 0..chars.size(): whether a word starts or ends before chars[i] (the run's ends always do).
  void of(const std::u32string& chars, std::vector<bool>& boundary) {
    boundary.assign(chars.size() + 1, it_ == nullptr);
    boundary.front() = boundary.back() = true;
    if (it_ == nullptr) return;
    text_ = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(chars.data()),
                                          static_cast<int32_t>(chars.size()));
    it_->setText(text_);
    // UTF-16 offsets back to character indices (a supplementary-plane character takes two units).
    std::size_t ch = 0;
    int32_t unit = 0;
    for (int32_t b = it_->first(); b != icu::BreakIterator::DONE; b = it_->next()) {
      while (unit < b && ch < chars.size()) unit += chars[ch++] > 0xFFFF ? 2 : 1;
      if (unit == b) boundary[ch] = true;
    }
  }

 private:
  std::unique_ptr<icu::BreakIterator> it_;
  icu::UnicodeString text_;
};

// The Chinese source's candidate terms (see the file comment).
std::vector<SourceTerm> source_terms(const detail::TermDiscovererImpl& impl, const QaInput& in) {
  const TermDiscoveryOptions& o = impl.options;
  // The runs are made again for each unit when they are needed (twice), not held: over a large memory they took
  // more room than the memory's own text.
  std::unordered_map<std::u32string, NgramStat> stats;
  WordBoundaries words;
  std::vector<bool> boundary;
  for (std::size_t u = 0; u < in.units.size(); ++u) {
    if (in.units[u].sides.empty()) continue;
    for (const Run& r : han_runs_of(in.units[u].sides[0].text, u)) {
    const std::size_t n = r.chars.size();
    words.of(r.chars, boundary);
    for (std::size_t len = o.min_chars; len <= o.max_chars && len <= n; ++len) {
      for (std::size_t i = 0; i + len <= n; ++i) {
        NgramStat& s = stats[r.chars.substr(i, len)];
        bool first = s.occurrences == 0;
        ++s.occurrences;
        if (boundary[i] && boundary[i + len]) ++s.whole;
        if (s.last_unit != r.unit) {
          ++s.units;
          s.last_unit = r.unit;
        }
        note_neighbour(i > 0 ? r.chars[i - 1] : kBoundary, s.left, s.left_varied, first);
        note_neighbour(i + len < n ? r.chars[i + len] : kBoundary, s.right, s.right_varied, first);
      }
    }
    }
  }
  std::unordered_map<std::u32string, std::uint32_t> kept;  // candidate → occurrences
  for (const auto& [g, s] : stats) {
    if (s.units < o.min_units || !s.left_varied || !s.right_varied) continue;
    // Mostly cut out of longer words (受法 of 受法律, 有权享 of 享有): a fragment, not a term.
    if (words.available() && 2 * s.whole < s.occurrences) continue;
    if (impl.function_chars.count(g.front()) || impl.function_chars.count(g.back())) continue;
    kept.emplace(g, s.occurrences);
  }
  // A substring with as many occurrences as a longer candidate only ever appears inside it.
  std::unordered_set<std::u32string> dropped;
  for (const auto& [g, occ] : kept) {
    for (std::size_t len = o.min_chars; len < g.size(); ++len)
      for (std::size_t i = 0; i + len <= g.size(); ++i) {
        std::u32string sub = g.substr(i, len);
        auto it = kept.find(sub);
        if (it != kept.end() && it->second == occ) dropped.insert(sub);
      }
  }
  for (const std::u32string& d : dropped) kept.erase(d);
  // Known names: dictionary entries that occur in the text, whatever their neighbours.
  std::unordered_set<std::u32string> known;
  for (const std::string& k : impl.known_terms) {
    std::u32string c;
    std::size_t pos = 0;
    bool han = true;
    while (pos < k.size()) {
      char32_t cp = utf8::next(k, pos);
      han = han && utf8::is_han(cp);
      c.push_back(cp);
    }
    if (!han || c.size() < o.min_chars || c.size() > o.max_chars) continue;
    auto it = stats.find(c);
    if (it != stats.end() && it->second.units >= 2) {
      kept.emplace(c, it->second.occurrences);
      known.insert(c);
    }
  }

  // Occurrences of every kept candidate.
  std::unordered_map<std::u32string, std::size_t> index;
  std::vector<SourceTerm> terms;
  for (const auto& [g, occ] : kept) {
    index.emplace(g, terms.size());
    SourceTerm t;
    t.chars = g;
    t.text = to_utf8(g);
    terms.push_back(std::move(t));
  }
  for (std::size_t u = 0; u < in.units.size(); ++u) {
    if (in.units[u].sides.empty()) continue;
    std::string_view text = in.units[u].sides[0].text;
    // Per term, the unit's occurrences in order of offset (as the runs and their n-grams give them, per length).
    for (const Run& r : han_runs_of(text, u)) {
      const std::size_t n = r.chars.size();
      for (std::size_t len = o.min_chars; len <= o.max_chars && len <= n; ++len)
        for (std::size_t i = 0; i + len <= n; ++i) {
          auto it = index.find(r.chars.substr(i, len));
          if (it == index.end()) continue;
          SourceTerm& t = terms[it->second];
          // The byte length runs to the end of the term's last character (a line break inside the term counts).
          std::size_t pos = r.offsets[i], chars = 0;
          while (pos < text.size() && chars < t.chars.size()) {
            char32_t cp = utf8::next(text, pos);
            if (utf8::is_han(cp)) ++chars;
          }
          note_occurrence(t, text, u, r.offsets[i], pos - r.offsets[i]);
        }
    }
  }
  // Titles in 《》 and Latin acronyms: found directly in the text.
  std::map<std::string, std::vector<Occurrence>> extra;
  for (std::size_t u = 0; u < in.units.size(); ++u) {
    if (in.units[u].sides.empty()) continue;
    std::string_view s = in.units[u].sides[0].text;
    for (std::size_t open = s.find("《"); open != std::string_view::npos; open = s.find("《", open + 1)) {
      std::size_t close = s.find("》", open);
      if (close == std::string_view::npos) break;
      std::string_view title = s.substr(open + 3, close - open - 3);
      if (title.empty() || utf8::length(title) > 40 || title.find("《") != std::string_view::npos) continue;
      extra[std::string(title)].push_back({u, open + 3, title.size()});
    }
    std::size_t pos = 0;
    while (pos < s.size()) {
      std::size_t at = pos;
      char32_t cp = utf8::next(s, pos);
      if (!is_upper_ascii(cp) || (at > 0 && std::isalpha(static_cast<unsigned char>(s[at - 1])))) continue;
      std::size_t end = pos;
      while (end < s.size() && (is_upper_ascii(static_cast<unsigned char>(s[end])) ||
                                (s[end] >= 'a' && s[end] <= 'z')))
        ++end;
      std::string_view word = s.substr(at, end - at);
      std::size_t caps = std::count_if(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      if (word.size() >= 2 && word.size() <= 12 && caps >= 2) extra[std::string(word)].push_back({u, at, word.size()});
      pos = end;
    }
  }
  for (auto& [text, occ] : extra) {
    if (unique_units(occ) < 2) continue;
    const std::string& name = text;  // clang 14 cannot capture a structured binding in a lambda
    bool exists = std::any_of(terms.begin(), terms.end(), [&](const SourceTerm& t) { return t.text == name; });
    if (exists) continue;
    SourceTerm t;
    t.text = text;
    std::size_t pos = 0;
    while (pos < text.size()) t.chars.push_back(utf8::next(text, pos));
    for (const Occurrence& oc : occ) note_occurrence(t, in.units[oc.unit].sides[0].text, oc.unit, oc.offset, oc.length);
    terms.push_back(std::move(t));
  }
  // Deterministic order: longer first (so a nested shorter term is reported after it), then by text.
  std::sort(terms.begin(), terms.end(), [](const SourceTerm& a, const SourceTerm& b) {
    if (a.chars.size() != b.chars.size()) return a.chars.size() > b.chars.size();
    return a.text < b.text;
  });
  return terms;
}

// --- source-side variants -----------------------------------------------------------------------------------------

std::vector<SourceVariant> source_variants(const detail::TermDiscovererImpl& impl, const QaInput& in,
                                           const std::vector<SourceTerm>& terms) {
  const TermDiscoveryOptions& o = impl.options;
  // The frames every candidate fills (the neighbours were noted with its occurrences).
  std::map<std::u32string, std::vector<std::size_t>> frame_terms;  // frame → candidates filling it
  for (std::size_t ti = 0; ti < terms.size(); ++ti)
    for (const std::u32string& frame : terms[ti].frames) frame_terms[frame].push_back(ti);
  std::map<std::pair<std::size_t, std::size_t>, std::vector<std::u32string>> shared;
  for (const auto& [frame, ts] : frame_terms) {
    if (ts.size() > 50) continue;  // a frame dozens of terms fill says nothing about any two of them
    for (std::size_t i = 0; i < ts.size(); ++i)
      for (std::size_t j = i + 1; j < ts.size(); ++j) shared[{std::min(ts[i], ts[j]), std::max(ts[i], ts[j])}].push_back(frame);
  }
  std::vector<SourceVariant> out;
  for (const auto& [pair, frames] : shared) {
    if (frames.size() < o.min_shared_frames) continue;
    const SourceTerm& a = terms[pair.first];
    const SourceTerm& b = terms[pair.second];
    bool common_char = std::any_of(a.chars.begin(), a.chars.end(),
                                   [&](char32_t c) { return b.chars.find(c) != std::u32string::npos; });
    if (common_char) continue;
    std::size_t common = 0;
    for (const std::u32string& c : a.contexts) common += b.contexts.count(c);
    if (common < o.min_shared_contexts) continue;
    const std::size_t all = a.contexts.size() + b.contexts.size() - common;
    if (static_cast<double>(common) < o.min_context_overlap * static_cast<double>(all)) continue;
    // Joined by a coordinator anywhere: two things, not two names of one.
    bool coordinated = false;
    for (const std::string& co : impl.coordinators) {
      std::string ab = a.text + co + b.text, ba = b.text + co + a.text;
      for (const QaUnit& u : in.units) {
        if (u.sides.empty()) continue;
        if (contains(u.sides[0].text, ab) || contains(u.sides[0].text, ba)) {
          coordinated = true;
          break;
        }
      }
      if (coordinated) break;
    }
    if (coordinated) continue;
    SourceVariant v;
    bool a_first = a.occurrences >= b.occurrences;
    const SourceTerm& f = a_first ? a : b;
    const SourceTerm& s = a_first ? b : a;
    v.first = f.text;
    v.second = s.text;
    v.first_units = f.units;
    v.second_units = s.units;
    for (const std::u32string& fr : frames) v.frames.push_back(to_utf8(fr));
    v.shared_contexts = common;
    out.push_back(std::move(v));
  }
  std::sort(out.begin(), out.end(), [](const SourceVariant& x, const SourceVariant& y) {
    return std::tie(x.first, x.second) < std::tie(y.first, y.second);
  });
  return out;
}

// --- renderings -------------------------------------------------------------------------------------------------

struct TargetIndex {
  std::vector<std::string> display;               // per rendering id: its first surface form
  std::vector<std::vector<std::string>> words;    // per rendering id: its normalised words
  std::vector<std::size_t> units;                 // per rendering id: units it occurs in
  // Per unit: rendering ids, sorted, unique; each list exactly as long as it needs to be (one per unit of a large
  // memory add up).
  std::vector<std::vector<std::uint32_t>> by_unit;
};

std::string normalise_word(const std::string& w, const std::string& lang) {
  std::string f = qa::fold_case(w);
  for (std::size_t p; (p = f.find("\u2019")) != std::string::npos;) f.replace(p, 3, "'");
  // Plural and singular as one rendering in the languages that mark the plural with -s.
  if ((lang == "en" || lang == "fr" || lang == "es") && f.size() > 3 && f.back() == 's' && f[f.size() - 2] != 's')
    f.pop_back();
  return f;
}

TargetIndex index_target(const detail::TermDiscovererImpl& impl, const QaInput& in, std::size_t k,
                         const std::string& lang) {
  TargetIndex ix;
  ix.by_unit.resize(in.units.size());
  static const std::unordered_set<std::string> kNone;
  auto sw = impl.stop_words.find(lang);
  const auto& stop = sw == impl.stop_words.end() ? kNone : sw->second;
  std::unordered_map<std::string, std::uint32_t> ids;
  std::vector<std::uint32_t> found;  // the unit's rendering ids as met, with repeats
  for (std::size_t u = 0; u < in.units.size(); ++u) {
    if (k >= in.units[u].sides.size()) continue;
    std::string_view text = in.units[u].sides[k].text;
    std::vector<qa::Word> words = qa::split_words(text);
    std::vector<std::string> norm;
    std::vector<bool> usable, function_word;
    for (const qa::Word& w : words) {
      norm.push_back(normalise_word(w.text, lang));
      bool digits = w.text.find_first_of("0123456789/") != std::string::npos;
      usable.push_back(!digits);
      // Looked up as written (case folded) as well as with the plural folded: "dans" and "this" are function words,
      // though folding the -s would make them "dan" and "thi".
      function_word.push_back(stop.count(norm.back()) > 0 || stop.count(qa::fold_case(w.text)) > 0);
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (!usable[i] || function_word[i]) continue;
      std::string key;
      for (std::size_t j = i; j < words.size() && j < i + impl.options.max_words; ++j) {
        if (!usable[j]) break;
        if (j > i) {
          // Words must follow each other with only spaces between: no punctuation inside a rendering.
          std::string_view gap = text.substr(words[j - 1].offset + words[j - 1].length,
                                             words[j].offset - words[j - 1].offset - words[j - 1].length);
          if (!utf8::trim(gap).empty()) break;
          key += ' ';
        }
        key += norm[j];
        if (function_word[j]) continue;  // a rendering does not end on a function word
        if (j == i && utf8::length(norm[i]) < 3) continue;
        auto [it, fresh] = ids.try_emplace(key, static_cast<std::uint32_t>(ix.display.size()));
        if (fresh) {
          ix.display.emplace_back(text.substr(words[i].offset, words[j].offset + words[j].length - words[i].offset));
          ix.words.emplace_back(norm.begin() + static_cast<std::ptrdiff_t>(i), norm.begin() + static_cast<std::ptrdiff_t>(j + 1));
          ix.units.push_back(0);
        }
        found.push_back(it->second);
      }
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    ix.by_unit[u].assign(found.begin(), found.end());
    found.clear();
    for (std::size_t id : ix.by_unit[u]) ++ix.units[id];
  }
  return ix;
}

// Two words of one family: equal, or a common beginning of five letters or more (policy / policies, continues /
// continued, Israel / Israeli, protect / protection). Inflections are one rendering, not two; the price is that
// words of one family but different meaning (technical / technology) count as one too.
bool same_family(const std::string& a, const std::string& b) {
  if (a == b) return true;
  std::size_t pa = 0, pb = 0, common = 0;
  while (pa < a.size() && pb < b.size()) {
    if (utf8::next(a, pa) != utf8::next(b, pb)) break;
    ++common;
  }
  return common >= 5;
}

bool share_word(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const std::string& w : a)
    for (const std::string& v : b)
      if (same_family(w, v)) return true;
  return false;
}

struct Partner {
  double dice = 0;
  std::vector<std::size_t> terms;  // source terms reaching that Dice (nested ones count as one)
};

}  // namespace

Result<TermDiscoverer> TermDiscoverer::create(const TermDiscoveryOptions& options) {
  auto impl = std::make_shared<detail::TermDiscovererImpl>();
  impl->options = options;
  auto dir = data::find_data_dir(options.data_dir);
  if (!dir) return dir.status();
  auto read = [&](const std::string& rel) { return data::read_data_lines(*dir + "/" + rel); };
  auto fc = read("wordlists/zh-function-chars.txt");
  if (!fc) return fc.status();
  for (const data::DataLine& l : *fc) {
    std::size_t pos = 0;
    impl->function_chars.insert(utf8::next(l.fields[0], pos));
  }
  auto co = read("wordlists/zh-coordinators.txt");
  if (!co) return co.status();
  for (const data::DataLine& l : *co) impl->coordinators.push_back(l.fields[0]);
  for (const char* lang : {"en", "fr", "es", "ru", "ar"}) {
    auto sw = read(fmt::format("wordlists/stop-{}.txt", lang));
    if (!sw) return sw.status();
    for (const data::DataLine& l : *sw) impl->stop_words[lang].insert(l.fields[0]);
  }
  if (auto dict = read("dict/un-terms.zh-en.tsv")) {
    std::set<std::string> seen;
    for (const data::DataLine& l : *dict)
      if (seen.insert(l.fields[0]).second) impl->known_terms.push_back(l.fields[0]);
  }
  return TermDiscoverer(std::move(impl));
}

TermDiscovery TermDiscoverer::discover(const QaInput& in) const {
  const detail::TermDiscovererImpl& impl = *impl_;
  const TermDiscoveryOptions& o = impl.options;
  TermDiscovery out;
  if (in.languages.empty() || !qa::is_unspaced_language(qa::primary_language(in.languages[0]))) return out;
  std::vector<SourceTerm> terms = source_terms(impl, in);
  out.variants = source_variants(impl, in, terms);

  for (std::size_t k = 1; k < in.languages.size(); ++k) {
    const std::string lang = qa::primary_language(in.languages[k]);
    if (qa::is_unspaced_language(lang)) continue;
    TargetIndex ix = index_target(impl, in, k, lang);
    // Co-occurrence counts per source term, and each rendering's best source partners.
    std::vector<std::unordered_map<std::size_t, std::size_t>> co(terms.size());
    std::vector<Partner> best_source(ix.display.size());
    for (std::size_t s = 0; s < terms.size(); ++s) {
      if (terms[s].units.size() < o.min_units) continue;
      for (std::size_t u : terms[s].units)
        for (std::size_t t : ix.by_unit[u]) ++co[s][t];
      for (const auto& [t, c] : co[s]) {
        if (c < o.min_rendering_units) continue;
        double dice = 2.0 * c / static_cast<double>(terms[s].units.size() + ix.units[t]);
        Partner& p = best_source[t];
        if (dice > p.dice + 1e-9) p = Partner{dice, {s}};
        else if (dice > p.dice - 1e-9) p.terms.push_back(s);
      }
    }
    auto best_partner_is = [&](std::size_t t, std::size_t s) {
      for (std::size_t b : best_source[t].terms)
        if (b == s || nested(terms[b].text, terms[s].text)) return true;
      return false;
    };
    auto dice_of = [&](std::size_t s, std::size_t t) {
      auto it = co[s].find(t);
      std::size_t c = it == co[s].end() ? 0 : it->second;
      return 2.0 * c / static_cast<double>(terms[s].units.size() + ix.units[t]);
    };
    // First renderings, for the shared-rendering report.
    std::map<std::size_t, std::vector<std::size_t>> first_of;  // rendering → source terms
    for (std::size_t s = 0; s < terms.size(); ++s) {
      if (terms[s].units.size() < o.min_units) continue;
      // The best partner: highest Dice, then more words, then the earlier id (first seen).
      std::size_t best = SIZE_MAX;
      double best_dice = 0;
      for (const auto& [t, c] : co[s]) {
        if (c < o.min_rendering_units) continue;
        double d = dice_of(s, t);
        if (d < o.min_dice) continue;
        bool better = best == SIZE_MAX || d > best_dice + 1e-9 ||
                      (d > best_dice - 1e-9 && (ix.words[t].size() > ix.words[best].size() ||
                                                (ix.words[t].size() == ix.words[best].size() && t < best)));
        if (better) {
          best = t;
          best_dice = d;
        }
      }
      if (best == SIZE_MAX) continue;
      first_of[best].push_back(s);
      if (!best_partner_is(best, s)) continue;
      DiscoveredTerm term;
      term.source = terms[s].text;
      term.language = k;
      term.units = terms[s].units;
      std::vector<std::size_t> left;  // units of the term not yet covered by a rendering
      std::vector<std::vector<std::string>> used_words;
      auto take = [&](std::size_t t) {
        TermRendering r;
        r.text = ix.display[t];
        r.dice = dice_of(s, t);
        std::vector<std::size_t> rest;
        for (std::size_t u : left) {
          if (std::binary_search(ix.by_unit[u].begin(), ix.by_unit[u].end(), t)) r.units.push_back(u);
          else rest.push_back(u);
        }
        left = std::move(rest);
        used_words.push_back(ix.words[t]);
        term.renderings.push_back(std::move(r));
      };
      left = terms[s].units;
      take(best);
      // Further renderings among the units the earlier ones leave.
      while (left.size() >= o.min_rendering_units && term.renderings.size() < 4) {
        std::unordered_map<std::size_t, std::size_t> in_left;
        for (std::size_t u : left)
          for (std::size_t t : ix.by_unit[u]) ++in_left[t];
        std::size_t pick = SIZE_MAX, pick_count = 0;
        for (const auto& [t, c] : in_left) {
          if (c < o.min_rendering_units || 2 * c < left.size()) continue;
          if (2 * co[s][t] < ix.units[t] + ix.units[t] / 5) continue;  // must come with the term in most units (60%)
          const std::vector<std::string>& words_t = ix.words[t];  // not `t` itself: clang 14 cannot capture it
          bool overlaps = std::any_of(used_words.begin(), used_words.end(),
                                      [&](const std::vector<std::string>& w) { return share_word(w, words_t); });
          if (overlaps || !best_partner_is(t, s)) continue;
          if (pick == SIZE_MAX || c > pick_count ||
              (c == pick_count && (ix.words[t].size() > ix.words[pick].size() ||
                                   (ix.words[t].size() == ix.words[pick].size() && t < pick)))) {
            pick = t;
            pick_count = c;
          }
        }
        if (pick == SIZE_MAX) break;
        take(pick);
      }
      out.terms.push_back(std::move(term));
    }
    // Two source terms, neither inside the other, whose first rendering is the same and whose units without the
    // other term have it too: one rendering for two source terms.
    for (const auto& [t, sources] : first_of) {
      if (sources.size() < 2) continue;
      std::vector<std::size_t> keep;
      std::vector<std::vector<std::size_t>> keep_units;
      for (std::size_t s : sources) {
        bool inside = std::any_of(sources.begin(), sources.end(), [&](std::size_t o2) {
          return o2 != s && nested(terms[o2].text, terms[s].text);
        });
        if (inside) continue;
        // Units where s occurs without any other source of the group, and the target has the rendering.
        std::vector<std::size_t> own;
        for (std::size_t u : terms[s].units) {
          bool alone = std::none_of(sources.begin(), sources.end(), [&](std::size_t o2) {
            return o2 != s && std::binary_search(terms[o2].units.begin(), terms[o2].units.end(), u);
          });
          if (alone && std::binary_search(ix.by_unit[u].begin(), ix.by_unit[u].end(), t)) own.push_back(u);
        }
        if (own.size() < o.min_rendering_units) continue;
        keep.push_back(s);
        keep_units.push_back(std::move(own));
      }
      if (keep.size() < 2) continue;
      SharedRendering sr;
      sr.rendering = ix.display[t];
      sr.language = k;
      std::vector<std::size_t> order(keep.size());
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
      std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return terms[keep[a]].units.size() > terms[keep[b]].units.size();
      });
      for (std::size_t i : order) {
        sr.sources.push_back(terms[keep[i]].text);
        sr.units.push_back(keep_units[i]);
      }
      out.shared.push_back(std::move(sr));
    }
  }
  return out;
}

}  // namespace paralign
