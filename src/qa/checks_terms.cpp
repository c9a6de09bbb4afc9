// term.*: glossary terminology. A source term found in a unit (Chinese by substring, longest first; alphabetic
// languages on word stems) asks for one of its approved renderings in each target that has entries for it; a
// deprecated or superseded rendering in a target is an error naming the approved one. consistency.term reports a
// concept rendered with different approved terms across the memory.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <set>

#include "qa/checks.hpp"

namespace paralign::qa {

namespace {

struct Match {
  std::size_t offset, length;
};

// The per-unit, per-language view of a text for matching: folded text and word stems.
class MatchText {
 public:
  MatchText(std::string_view text, const std::string& lang, const Speller* sp) : text_(text), lang_(lang), sp_(sp) {}

  std::vector<Match> find(const PreparedTerm& t) {
    std::vector<Match> out;
    if (is_unspaced_language(lang_) || t.words.empty()) {
      // Case folding does not change Chinese; for a Latin term inside Chinese text, fold both.
      if (folded_.empty()) folded_ = fold_case(text_);
      bool same_len = folded_.size() == text_.size();
      std::size_t pos = 0;
      while ((pos = folded_.find(t.folded, pos)) != std::string::npos) {
        if (same_len) out.push_back({pos, t.folded.size()});
        else out.push_back({0, 0});
        pos += std::max<std::size_t>(t.folded.size(), 1);
      }
      return out;
    }
    if (!split_) {
      words_ = split_words(text_);
      for (const Word& w : words_) stems_.push_back(sp_ ? sp_->stems(w.text) : crude_stems(w.text));
      split_ = true;
    }
    for (std::size_t i = 0; i + t.words.size() <= words_.size(); ++i) {
      bool ok = true;
      for (std::size_t j = 0; j < t.words.size() && ok; ++j) {
        const auto& a = stems_[i + j];
        const auto& b = t.words[j];
        ok = std::any_of(a.begin(), a.end(), [&](const std::string& s) { return std::find(b.begin(), b.end(), s) != b.end(); });
      }
      if (ok) {
        const Word& last = words_[i + t.words.size() - 1];
        out.push_back({words_[i].offset, last.offset + last.length - words_[i].offset});
      }
    }
    return out;
  }

 private:
  std::string_view text_;
  std::string lang_;
  const Speller* sp_;
  std::string folded_;
  bool split_ = false;
  std::vector<Word> words_;
  std::vector<std::vector<std::string>> stems_;
};

bool overlaps(const Match& a, const Match& b) {
  return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}

std::string approved_list(const Concept& c, const std::string& lang) {
  std::vector<std::string> v;
  for (const Term& t : c.terms)
    if (t.language == lang && t.approved()) v.push_back("“" + t.text + "”");
  return v.empty() ? std::string("(none)") : fmt::format("{}", fmt::join(v, " or "));
}

}  // namespace

void check_terms(const detail::QaCheckerImpl& impl, FindingSink& sink, std::vector<TermReport>* report) {
  const QaInput& in = sink.input();
  if (in.languages.empty()) return;
  std::vector<std::string> prim;
  for (const std::string& l : in.languages) prim.push_back(primary_language(l));
  const auto& concepts = impl.glossary.concepts;

  // Per (concept, target language): the report line, and the approved renderings seen (for consistency.term).
  std::map<std::pair<std::size_t, std::size_t>, TermReport> lines;
  std::map<std::pair<std::size_t, std::size_t>, std::map<std::string, std::vector<std::size_t>>> renderings;
  auto line_for = [&](std::size_t ci, std::size_t k) -> TermReport& {
    auto [it, fresh] = lines.try_emplace({ci, k});
    if (fresh) {
      const Concept& c = concepts[ci];
      for (const Term& t : c.terms)
        if (t.language == prim[0]) {
          it->second.source = t.text;
          break;
        }
      it->second.language = in.languages[k];
      std::vector<std::string> v;
      for (const Term& t : c.terms)
        if (t.language == prim[k] && t.approved()) v.push_back(t.text);
      it->second.approved = fmt::format("{}", fmt::join(v, " | "));
    }
    return it->second;
  };

  for (std::size_t u = 0; u < in.units.size(); ++u) {
    std::string_view src = sink.text(u, 0);
    if (src.empty()) continue;
    MatchText ms(src, prim[0], impl.speller(prim[0]));
    // Source terms, longest first; a shorter term inside a claimed span does not count.
    std::vector<Match> claimed;
    std::map<std::size_t, Match> found;  // concept → first source match
    for (const PreparedTerm& t : impl.terms) {
      if (t.language != prim[0]) continue;
      for (const Match& m : ms.find(t)) {
        if (std::any_of(claimed.begin(), claimed.end(), [&](const Match& c) { return overlaps(c, m); })) continue;
        claimed.push_back(m);
        found.emplace(t.concept_index, m);
      }
    }
    for (std::size_t k = 1; k < in.languages.size(); ++k) {
      std::string_view tgt = sink.text(u, k);
      if (tgt.empty()) continue;
      MatchText mt(tgt, prim[k], impl.speller(prim[k]));
      // All matches of this language's terms in the target, per concept, approved and not.
      std::map<std::size_t, std::vector<std::pair<const PreparedTerm*, Match>>> approved, forbidden;
      for (const PreparedTerm& t : impl.terms) {
        if (t.language != prim[k]) continue;
        const Term& term = concepts[t.concept_index].terms[t.term_index];
        for (const Match& m : mt.find(t)) (term.approved() ? approved : forbidden)[t.concept_index].push_back({&t, m});
      }
      // A forbidden match inside an approved one of any concept ("small arms" inside "small arms and light
      // weapons") is not a use of the forbidden term.
      std::vector<Match> approved_spans;
      for (auto& [ci, v] : approved)
        for (auto& [t, m] : v) approved_spans.push_back(m);
      std::set<std::size_t> reported;
      for (auto& [ci, v] : forbidden) {
        for (auto& [t, m] : v) {
          const Match& hit = m;  // a structured binding cannot be captured by a lambda in clang 14
          if (std::any_of(approved_spans.begin(), approved_spans.end(),
                          [&](const Match& a) { return overlaps(a, hit) && a.length > hit.length; }))
            continue;
          if (!reported.insert(ci).second) continue;
          const Concept& c = concepts[ci];
          const Term& bad = c.terms[t->term_index];
          std::vector<QaSpan> spans{{in.languages[k], m.offset, m.length}};
          if (auto f = found.find(ci); f != found.end()) spans.insert(spans.begin(), {in.languages[0], f->second.offset, f->second.length});
          sink.add("term.deprecated", Severity::kError, u, k, std::move(spans),
                   fmt::format("“{}” is a {} term; use {}{}", bad.text, to_string(bad.status), approved_list(c, prim[k]),
                               bad.note.empty() ? "" : " (" + bad.note + ")"));
        }
      }
      for (const auto& [ci, m] : found) {
        const Concept& c = concepts[ci];
        bool has_entries = std::any_of(c.terms.begin(), c.terms.end(), [&](const Term& t) { return t.language == prim[k]; });
        if (!has_entries) continue;
        TermReport& line = line_for(ci, k);
        ++line.occurrences;
        auto a = approved.find(ci);
        if (a != approved.end() && !a->second.empty()) {
          ++line.compliant;
          const Term& used = c.terms[a->second.front().first->term_index];
          renderings[{ci, k}][used.text].push_back(u);
          continue;
        }
        ++line.violations;
        if (reported.count(ci)) continue;  // term.deprecated said it already
        sink.add("term.missing", Severity::kWarning, u, k, {{in.languages[0], m.offset, m.length}},
                 fmt::format("the source term “{}” is not rendered as {} in the {} target",
                             src.substr(m.offset, m.length), approved_list(c, prim[k]), in.languages[k]));
      }
    }
  }
  // A concept rendered with two approved terms in the same memory: legal, but usually one should be chosen.
  for (const auto& [key, by_term] : renderings) {
    if (by_term.size() < 2) continue;
    std::vector<std::string> parts;
    for (const auto& [term, units] : by_term) parts.push_back(fmt::format("“{}” ×{}", term, units.size()));
    const std::string& source = line_for(key.first, key.second).source;
    for (const auto& [term, units] : by_term) {
      sink.add("consistency.term", Severity::kInfo, units.front(), key.second, {},
               fmt::format("“{}” is rendered in {} ways in the {} target: {}", source, by_term.size(),
                           in.languages[key.second], fmt::join(parts, ", ")));
      break;
    }
  }
  for (auto& [key, line] : lines) report->push_back(std::move(line));
}

}  // namespace paralign::qa
