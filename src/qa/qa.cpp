// The QA stage object: loading (glossary, ignore list, dictionaries, UN word list) and the run over all families.
#include "paralign/qa.hpp"
#include "paralign/numbers.hpp"
#include "paralign/references.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "qa/checks.hpp"
#include "util/atomic_file.hpp"
#include "util/data_dir.hpp"
#include "util/utf8.hpp"

namespace paralign {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::kInfo: return "info";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "warning";
}

bool parse_severity(std::string_view text, Severity* out) {
  if (text == "info") *out = Severity::kInfo;
  else if (text == "warning") *out = Severity::kWarning;
  else if (text == "error") *out = Severity::kError;
  else return false;
  return true;
}

const std::vector<std::string>& qa_check_ids() {
  // Every id a check family can emit, kept here so the documentation test can hold docs/qa-checks.md to it and
  // the registry test can hold the findings to it.
  static const std::vector<std::string> kIds = [] {
    std::vector<std::string> v = {
        "consistency.shared-rendering", "consistency.source", "consistency.source-variants", "consistency.target",
        "consistency.term", "consistency.term-renderings", "date.extra", "date.mismatch", "date.missing",
        "form.brackets", "form.empty", "form.length-ratio", "form.spaces", "form.untranslated", "number.extra",
        "number.mismatch", "number.missing", "reference.extra", "reference.mismatch", "reference.missing",
        "spelling.unknown", "structure.footnote", "structure.paragraph-duplicate", "structure.paragraph-missing",
        "structure.paragraph-order", "term.deprecated", "term.missing"};
    std::sort(v.begin(), v.end());
    return v;
  }();
  return kIds;
}

bool QaResult::has_findings_at(Severity level) const {
  return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) { return f.severity >= level; });
}

namespace qa {

bool is_unspaced_language(std::string_view primary) { return primary == "zh" || primary == "ja" || primary == "ko"; }

std::string normalise_for_compare(std::string_view text) {
  std::string out;
  bool space = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = utf8::fold_width(utf8::next(text, pos));
    if (utf8::is_space(cp)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    utf8::append(out, cp);
  }
  return out;
}

std::string_view FindingSink::text(std::size_t unit, std::size_t lang) const {
  const QaUnit& u = input_.units[unit];
  return lang < u.sides.size() ? std::string_view(u.sides[lang].text) : std::string_view();
}

void FindingSink::add(std::string check, Severity severity, std::size_t unit, std::size_t target,
                      std::vector<QaSpan> spans, std::string message) {
  Finding f;
  f.key = suppression_key(check, text(unit, 0), target == 0 ? std::string_view() : text(unit, target));
  f.check = std::move(check);
  f.severity = severity;
  f.unit = unit;
  f.language = target == 0 ? "" : input_.languages[target];
  f.spans = std::move(spans);
  f.message = std::move(message);
  out_->push_back(std::move(f));
}

namespace {

// Hunspell dictionary names tried per language, in order.
const std::vector<std::pair<std::string, std::vector<std::string>>>& dictionary_names() {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> k = {
      {"en", {"en_GB", "en_US"}}, {"fr", {"fr_FR", "fr"}}, {"es", {"es_ES", "es"}},
      {"ru", {"ru_RU", "ru"}},    {"ar", {"ar"}},
  };
  return k;
}

Result<std::vector<std::string>> read_word_list(const std::string& path) {
  auto text = read_file(path, std::size_t{64} << 20);
  if (!text) return text.status();
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < text->size()) {
    std::size_t nl = text->find('\n', pos);
    std::string_view line(text->data() + pos, (nl == std::string::npos ? text->size() : nl) - pos);
    pos = nl == std::string::npos ? text->size() : nl + 1;
    line = utf8::trim(line);
    if (line.empty() || line.front() == '#') continue;
    words.emplace_back(line);
  }
  return words;
}

}  // namespace
}  // namespace qa

namespace detail {

bool QaCheckerImpl::enabled(std::string_view check) const {
  for (const std::string& d : options.disabled) {
    if (check == d) return false;
    if (check.size() > d.size() && check.substr(0, d.size()) == d && check[d.size()] == '.') return false;
  }
  return true;
}

}  // namespace detail

std::string suppression_key(std::string_view check, std::string_view source, std::string_view target) {
  // FNV-1a over the normalised texts: stable across runs, platforms and re-alignments.
  std::uint64_t h = 1469598103934665603ULL;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ULL;
    }
  };
  mix(qa::normalise_for_compare(source));
  mix(std::string_view("\x1f", 1));
  mix(qa::normalise_for_compare(target));
  return fmt::format("{}:{:016x}", check, h);
}

Result<QaChecker> QaChecker::create(const QaOptions& options) {
  auto impl = std::make_shared<detail::QaCheckerImpl>();
  impl->options = options;
  // The value checks read the installed number and reference rules: a broken data file is an error here (its
  // Status names the file and line), not a check silently skipped.
  if (impl->enabled("number") || impl->enabled("date") || impl->enabled("reference")) {
    if (const auto& refs = default_reference_finder(); !refs) return refs.status();
    if (const auto& nums = default_quantity_finder(); !nums) return nums.status();
  }
  if (!options.glossary_path.empty()) {
    auto g = qa::load_glossary(options.glossary_path, "zh", "en");
    if (!g) return g.status();
    impl->glossary = std::move(*g);
  }
  if (!options.ignore_path.empty()) {
    auto words = qa::read_word_list(options.ignore_path);
    if (!words) return words.status();
    for (std::string& w : *words) {
      // A line may carry a comment after the key: "number.missing:0123abcd... # accepted by the reviser".
      std::string_view k = w;
      if (auto sp = k.find_first_of(" \t"); sp != std::string_view::npos) k = k.substr(0, sp);
      impl->ignored.insert(std::string(k));
    }
  }
  if (options.spelling || !impl->glossary.concepts.empty()) {
    for (const auto& [lang, names] : qa::dictionary_names()) {
      for (const std::string& name : names) {
        if (auto s = qa::Speller::open(options.hunspell_dir, name)) {
          impl->spellers[lang] = std::move(s);
          break;
        }
      }
    }
    // UN word lists: corpora/data/wordlists/un-<lang>.txt, one word per line.
    auto found = data::find_data_dir(options.data_dir);
    if (!found) return found.status();
    std::string dir = *found + "/wordlists";
    for (auto& [lang, sp] : impl->spellers) {
      std::string path = dir + "/un-" + lang + ".txt";
      std::error_code ec;
      if (!std::filesystem::exists(path, ec)) continue;
      auto words = qa::read_word_list(path);
      if (!words) return words.status();
      sp->accept(*words);
    }
  }
  {
    auto found = data::find_data_file("length-ratio.tsv", options.data_dir);
    if (!found) return found.status();
    auto lines = data::read_data_lines(*found);
    if (!lines) return lines.status();
    for (const data::DataLine& l : *lines) {
      qa::LengthBounds b;
      char* end = nullptr;
      bool ok = l.fields.size() == 5;
      if (ok) {
        b.low = std::strtod(l.fields[2].c_str(), &end);
        ok = *end == 0;
        b.high = std::strtod(l.fields[3].c_str(), &end);
        ok = ok && *end == 0 && b.low > 0 && b.high > b.low;
        b.min_source_chars = std::strtoul(l.fields[4].c_str(), &end, 10);
        ok = ok && *end == 0;
      }
      if (!ok)
        return Status(ErrorCode::kParse, "expected: source, target, low, high, shortest source (low < high)",
                      Location{*found, l.line});
      impl->length_bounds[{l.fields[0], l.fields[1]}] = b;
    }
  }
  if (options.consistency) {
    TermDiscoveryOptions d;
    d.data_dir = options.data_dir;
    auto disc = TermDiscoverer::create(d);
    if (!disc) return disc.status();
    impl->discoverer.emplace(std::move(*disc));
  }
  // Prepare every glossary term for matching once.
  for (std::size_t ci = 0; ci < impl->glossary.concepts.size(); ++ci) {
    const qa::Concept& c = impl->glossary.concepts[ci];
    for (std::size_t ti = 0; ti < c.terms.size(); ++ti) {
      const qa::Term& t = c.terms[ti];
      qa::PreparedTerm p;
      p.concept_index = ci;
      p.term_index = ti;
      p.language = t.language;
      p.folded = qa::fold_case(t.text);
      if (!qa::is_unspaced_language(t.language)) {
        const qa::Speller* sp = impl->speller(t.language);
        for (const qa::Word& w : qa::split_words(t.text)) p.words.push_back(sp ? sp->stems(w.text) : qa::crude_stems(w.text));
        if (p.words.empty()) continue;
      }
      impl->terms.push_back(std::move(p));
    }
  }
  // Longest first, so 小武器和轻武器 claims its text before 小武器 can.
  std::stable_sort(impl->terms.begin(), impl->terms.end(), [](const qa::PreparedTerm& a, const qa::PreparedTerm& b) {
    return a.folded.size() > b.folded.size();
  });
  return QaChecker(std::move(impl));
}

QaResult QaChecker::check(const QaInput& input) const& { return run(input, false); }

QaResult QaChecker::check(const QaInput& input) && {
  QaResult r = run(input, impl_.use_count() == 1);
  impl_.reset();
  return r;
}

QaResult QaChecker::run(const QaInput& input, bool sole_owner) const {
  QaResult r;
  r.languages = input.languages;
  r.units = input.units.size();
  r.notes = impl_->load_notes;
  std::vector<Finding> all;
  qa::FindingSink sink(input, &all);
  qa::check_form(*impl_, sink);
  qa::check_length_ratio(*impl_, sink, &r.notes);
  qa::check_values(*impl_, sink, &r.notes);
  if (!impl_->glossary.concepts.empty()) qa::check_terms(*impl_, sink, &r.terms);
  // Spelling runs before the memory-wide checks so that the dictionaries need not live beside term discovery.
  // The order of the findings does not depend on it (they are sorted below and only this check gives
  // spelling.unknown), nor does that of the notes (the checks below add none).
  if (impl_->options.spelling) qa::check_spelling(*impl_, sink, &r.notes);
  if (sole_owner) {
    // Nothing else shares the impl (check() &&), which was made non-const by create(): the spellers may go.
    const_cast<detail::QaCheckerImpl&>(*impl_).spellers.clear();
  }
  if (impl_->options.consistency) {
    qa::check_consistency(*impl_, sink);
    qa::check_discovered_terms(*impl_, sink);
  }
  qa::check_structure(*impl_, sink);

  // Reserved, then the collected findings let go: the two lists are not both grown by doubling (61,463 findings
  // over the 100 MB collection's memory).
  r.findings.reserve(all.size());
  for (Finding& f : all) {
    if (!impl_->enabled(f.check)) continue;
    if (impl_->ignored.count(f.key)) {
      ++r.suppressed;
      continue;
    }
    r.findings.push_back(std::move(f));
  }
  std::vector<Finding>().swap(all);
  std::stable_sort(r.findings.begin(), r.findings.end(), [](const Finding& a, const Finding& b) {
    if (a.unit != b.unit) return a.unit < b.unit;
    if (a.language != b.language) return a.language < b.language;
    return a.check < b.check;
  });
  for (const Finding& f : r.findings) {
    ++r.by_check[f.check];
    if (f.severity == Severity::kError) ++r.errors;
    else if (f.severity == Severity::kWarning) ++r.warnings;
    else ++r.infos;
  }
  return r;
}

}  // namespace paralign
