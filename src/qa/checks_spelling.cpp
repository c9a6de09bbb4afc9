// spelling.unknown: target words Hunspell does not know, with the UN word list added. Skipped: words with digits,
// acronyms (two capitals or more, in any script), capitalised words (names, also after l' or d'), symbols and URLs
// (anything with '/', '@' or "www."), single letters. Russian не joined to a known word is known. UN English
// spells -ize with programme and judgement (Oxford style): a word with -iz- is also accepted when its -is- form is
// in the British dictionary, so "organization" and "organisation" both pass whichever dictionary is installed.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <set>

#include <unicode/uchar.h>

#include "qa/checks.hpp"
#include "util/utf8.hpp"

namespace paralign::qa {

namespace {

bool is_upper(char32_t cp) { return u_isupper(static_cast<UChar32>(cp)) != 0; }

bool skip_word(std::string_view w) {
  if (utf8::length(w) < 2) return true;
  std::size_t upper = 0, pos = 0;
  bool first_upper = false, after_elision = false;
  while (pos < w.size()) {
    const std::size_t at = pos;
    char32_t cp = utf8::next(w, pos);
    if (cp >= '0' && cp <= '9') return true;
    if (cp == '/' || cp == '@' || cp == '.' || cp == '_') return true;
    if (is_upper(cp)) {
      ++upper;
      // A capital opening the word, or right after an elided article or preposition (l'Iraq, d'Abyei).
      if (at == 0 || after_elision) first_upper = true;
    }
    after_elision = (cp == '\'' || cp == 0x2019) && at <= 2;
  }
  if (upper >= 2) return true;  // acronyms in any script and mixed-case names (UNODC, МАГАТЭ, ЮНИСЕФ, McDonald)
  // Capitalised words are names far more often than misspellings in UN text (places, people, armed groups
  // transliterated from every language): checking them made one English sentence in ten a false alarm on real text.
  if (upper == 1 && first_upper) return true;
  return w.rfind("www", 0) == 0 || w.rfind("http", 0) == 0;
}

bool known(const Speller& sp, const std::string& lang, std::string w) {
  // Typographic apostrophes as the dictionaries spell them.
  for (std::size_t p; (p = w.find("\u2019")) != std::string::npos;) w.replace(p, 3, "'");
  if (sp.correct(w)) return true;
  if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0 && sp.correct(w.substr(0, w.size() - 2))) return true;
  if (lang == "en") {
    for (std::size_t p = w.find("iz"); p != std::string::npos; p = w.find("iz", p + 1)) {
      std::string alt = w;
      alt[p + 1] = 's';
      if (sp.correct(alt)) return true;
    }
  }
  // Russian joins не to participles and adjectives at will (несамоуправляющихся, неполитического): the word is known
  // when what follows не is.
  if (lang == "ru" && w.rfind("не", 0) == 0 && utf8::length(w) > 6 && sp.correct(w.substr(4))) return true;
  // Hyphenated compounds: each part known.
  if (w.find('-') != std::string::npos) {
    std::size_t start = 0;
    while (start <= w.size()) {
      std::size_t dash = w.find('-', start);
      std::string part = w.substr(start, dash == std::string::npos ? std::string::npos : dash - start);
      if (!part.empty() && !skip_word(part) && !known(sp, lang, part)) return false;
      if (dash == std::string::npos) break;
      start = dash + 1;
    }
    return true;
  }
  return false;
}

}  // namespace

void check_spelling(const detail::QaCheckerImpl& impl, FindingSink& sink, std::vector<std::string>* notes) {
  if (!impl.enabled("spelling")) return;
  const QaInput& in = sink.input();
  std::set<std::string> missing;
  for (std::size_t k = 1; k < in.languages.size(); ++k) {
    std::string lang = primary_language(in.languages[k]);
    if (is_unspaced_language(lang)) continue;
    const Speller* sp = impl.speller(lang);
    if (!sp) {
      if (missing.insert(lang).second)
        notes->push_back(fmt::format("spelling of {} was not checked: no Hunspell dictionary for it in {} (install "
                                     "the hunspell-{} package)", in.languages[k], impl.options.hunspell_dir, lang));
      continue;
    }
    for (std::size_t u = 0; u < in.units.size(); ++u) {
      std::string_view tgt = sink.text(u, k);
      std::vector<QaSpan> spans;
      std::vector<std::string> words;
      for (const Word& w : split_words(tgt)) {
        if (skip_word(w.text) || known(*sp, lang, w.text)) continue;
        spans.push_back({in.languages[k], w.offset, w.length});
        words.push_back("“" + w.text + "”");
      }
      if (!spans.empty())
        sink.add("spelling.unknown", Severity::kWarning, u, k, std::move(spans),
                 fmt::format("{} not in the {} dictionary or the UN word list: {}",
                             words.size() == 1 ? "a word" : "words", in.languages[k], fmt::join(words, ", ")));
    }
  }
}

}  // namespace paralign::qa
