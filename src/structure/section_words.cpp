#include "structure/section_words.hpp"

#include "util/data_dir.hpp"

namespace paralign::structure {

namespace {

// Words that open the notes section, the summary and an annex: short, closed lists of the forms UN documents use
// in the six official languages, kept in corpora/data/structure/section-words.tsv.
constexpr std::string_view kSectionWordsFile = "structure/section-words.tsv";

Result<SectionWords> load_section_words() {
  auto path = data::find_data_file(kSectionWordsFile);
  if (!path) return path.status();
  auto lines = data::read_data_lines(*path);
  if (!lines) return lines.status();
  SectionWords words;
  for (const auto& l : *lines) {
    std::vector<std::string>* into = nullptr;
    if (l.fields.size() == 2) {
      if (l.fields[0] == "notes") into = &words.notes;
      if (l.fields[0] == "summary") into = &words.summary;
      if (l.fields[0] == "annex") into = &words.annex;
    }
    if (into == nullptr) {
      return Status(ErrorCode::kParse, "expected 'notes|summary|annex<TAB>word'", {*path, l.line});
    }
    into->push_back(l.fields[1]);
  }
  return words;
}

}  // namespace

// Loaded once, on first use; build_structure reports a missing or broken file before any of these is consulted.
const Result<SectionWords>& section_words_result() {
  static const Result<SectionWords> kWords = load_section_words();
  return kWords;
}
const SectionWords& section_words() {
  static const SectionWords kEmpty;
  return section_words_result() ? *section_words_result() : kEmpty;
}

bool is_word(std::string_view text, const std::vector<std::string>& words) {
  if (!text.empty() && (text.back() == ':' || text.back() == '.')) text.remove_suffix(1);
  for (std::string_view w : words)
    if (text == w) return true;
  return false;
}

bool starts_with_word(std::string_view text, const std::vector<std::string>& words) {
  for (std::string_view w : words)
    if (text.size() >= w.size() && text.substr(0, w.size()) == w &&
        (text.size() == w.size() || text[w.size()] == ' ' || static_cast<unsigned char>(text[w.size()]) >= 0x80))
      return text.size() < w.size() + 40;
  return false;
}

}  // namespace paralign::structure
