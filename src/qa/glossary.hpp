// Internal to the QA stage: a bilingual or multilingual glossary read from CSV/TSV or TBX-Basic.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "paralign/status.hpp"

namespace paralign::qa {

/// TBX-Basic administrative status, reduced to what the term check needs.
enum class TermStatus { kPreferred, kAdmitted, kDeprecated, kSuperseded };

/// "preferred", "admitted", "deprecated", "superseded".
std::string_view to_string(TermStatus status);

struct Term {
  std::string language;  ///< primary language subtag, lower case ("zh", "en")
  std::string text;
  TermStatus status = TermStatus::kPreferred;
  std::string note;
  bool approved() const { return status == TermStatus::kPreferred || status == TermStatus::kAdmitted; }
};

/// One concept: its terms in every language.
struct Concept {
  std::string id;          ///< TBX id, or "line N" for CSV
  std::vector<Term> terms;
};

struct Glossary {
  std::vector<Concept> concepts;
};

/// The primary subtag of a language code, lower case: "zh-CN" → "zh", "EN_gb" → "en".
std::string primary_language(std::string_view code);

/// Parses a glossary. TBX when the text starts (after a BOM and white space) with '<'; otherwise CSV (comma) or TSV
/// (a TAB in the first line). CSV columns: source term, target term, status, note. A first line of language codes
/// ("zh,en,status,note") names the two languages; without it they are `source_lang` and `target_lang`.
/// Errors: kParse with the file name and line.
Result<Glossary> parse_glossary(std::string_view text, const std::string& file, const std::string& source_lang,
                                const std::string& target_lang);

/// Reads and parses a glossary file. Errors: those of read_file and parse_glossary.
Result<Glossary> load_glossary(const std::string& path, const std::string& source_lang,
                               const std::string& target_lang);

}  // namespace paralign::qa
