// From the paragraphs a rich format gives (DOCX, HTML, UN Parallel Corpus XML) to a Document: laid out as text the
// structure stage reads without guessing where paragraphs break, then corrected by what the format knew for sure.
#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "paralign/structure.hpp"
#include "read/decode_internal.hpp"
#include "read/rich_internal.hpp"
#include "util/utf8.hpp"
#include "structure/section_words.hpp"

namespace paralign::rich {

namespace {

// One paragraph as one line: every kind of white space (tabs, line breaks, no-break and ideographic spaces) becomes
// one ASCII space, runs collapse, the ends are trimmed, so the structure stage's own clean-up changes nothing but
// labels. `map[i]` is where byte i of the paragraph text stands in the line (map has text.size() + 1 entries).
std::string render_line(std::string_view text, std::vector<std::size_t>& map) {
  std::string out;
  out.reserve(text.size());
  map.assign(text.size() + 1, 0);
  bool pending = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t at = pos;
    const char32_t c = utf8::next(text, pos);
    const bool space = c < 0x20 || c == 0x7F || utf8::is_space(c);
    if (space) {
      pending = !out.empty();
      for (std::size_t k = at; k < pos; ++k) map[k] = out.size();
      continue;
    }
    if (pending) out.push_back(' ');
    pending = false;
    for (std::size_t k = at; k < pos; ++k) map[k] = out.size();
    out.append(text.substr(at, pos - at));
  }
  map[text.size()] = out.size();
  for (std::size_t k = 0; k <= text.size(); ++k) map[k] = std::min(map[k], out.size());
  return out;
}

// Where each byte of `line` (from `start`) stands in `text`, which the structure stage made from it by collapsing
// spaces and taking out digits it read as footnote marks. Greedy: equal bytes advance both.
std::vector<std::size_t> line_to_text(std::string_view line, std::size_t start, std::string_view text) {
  std::vector<std::size_t> m(line.size() + 1, 0);
  std::size_t j = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (i < start) continue;
    m[i] = j;
    if (j < text.size() && line[i] == text[j]) ++j;
  }
  m[line.size()] = text.size();
  for (std::size_t i = 0; i < start && i < m.size(); ++i) m[i] = 0;
  return m;
}

// The same words as the structure stage's (corpora/data/structure/section-words.tsv).
bool is_notes_word(std::string_view t) { return structure::is_word(t, structure::section_words().notes); }

bool is_number_only(std::string_view t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

void append_text(std::string& out, std::string_view piece) {
  // A line break in the source between two CJK characters is no space (HTML wraps Chinese lines anywhere); any
  // other run of white space is one space.
  std::size_t pos = 0;
  bool pending = false, soft = true;
  while (pos < piece.size()) {
    const char32_t c = utf8::next(piece, pos);
    if (c == '\t' || c == '\n' || c == '\r' || utf8::is_space(c)) {
      if (!pending) soft = true;
      pending = true;
      soft = soft && (c == '\n' || c == '\r');
      continue;
    }
    if (pending && !out.empty() && out.back() != ' ') {
      std::size_t e = out.size();
      const bool drop = soft && utf8::is_cjk(c) && utf8::is_cjk(utf8::prev(out, e));
      if (!drop) out.push_back(' ');
    }
    pending = false;
    utf8::append(out, c);
  }
  if (pending && !out.empty() && out.back() != ' ') out.push_back(' ');
}

void trim_paragraph(Paragraph& p) {
  std::size_t b = 0;
  while (b < p.text.size() && p.text[b] == ' ') ++b;
  std::size_t e = p.text.size();
  while (e > b && p.text[e - 1] == ' ') --e;
  if (b == 0 && e == p.text.size()) return;
  p.text = p.text.substr(b, e - b);
  auto move = [&](std::size_t off) { return std::min(off > b ? off - b : 0, p.text.size()); };
  for (auto& [off, n] : p.markers) off = move(off);
  for (auto& [off, line] : p.sentence_starts) off = move(off);
}

std::string_view notes_word(std::string_view language) {
  if (language == "zh") return "注";
  if (language == "es") return "Notas";
  if (language == "ru") return "Примечания";
  if (language == "ar") return "الحواشي";
  return "Notes";
}

Result<Document> build_rich_document(RichText rt, const std::string& path, const ReadOptions& options) {
  std::vector<const Paragraph*> order;
  for (const Paragraph& p : rt.paragraphs)
    if (p.role != Role::kNote && !utf8::trim(p.text).empty()) order.push_back(&p);
  const std::size_t body_count = order.size();
  for (const Paragraph& p : rt.paragraphs)
    if (p.role == Role::kNote) order.push_back(&p);
  if (body_count == 0) return Status(ErrorCode::kEmpty, "the document holds no text", {path});

  // Lay out: one line per paragraph, a line holding one space between paragraphs (always a paragraph break for the
  // structure stage, double-spaced or not), the notes last under the notes heading.
  std::string text;
  std::vector<std::string> lines;            // rendered lines, by rendered line number - 1
  std::vector<std::ptrdiff_t> owner;         // the paragraph (index into order) of each rendered line, or -1
  std::vector<std::vector<std::size_t>> maps;  // for each paragraph in order: text offset -> line offset
  std::vector<std::size_t> prefix(order.size(), 0);  // bytes put before the paragraph's text on its line ("N ")
  maps.resize(order.size());
  auto add_line = [&](std::string line, std::ptrdiff_t who) {
    text += line;
    text += '\n';
    lines.push_back(std::move(line));
    owner.push_back(who);
  };
  std::string language = options.language;
  if (language.empty() && is_supported_language(rt.language)) language = rt.language;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const Paragraph& p = *order[k];
    std::string line = render_line(p.text, maps[k]);
    if (k == body_count) {
      if (language.empty()) language = detect_language(text);
      // The page may already say "Notes" above its notes (an HTML <h2>); otherwise the notes heading goes in.
      const bool has_heading = !lines.empty() && is_notes_word(lines.back());
      if (!has_heading) {
        add_line(" ", -1);
        add_line(std::string(notes_word(language)), -1);
      }
    }
    if (p.role == Role::kNote) {
      const std::string num = std::to_string(p.note > 0 ? p.note : 0);
      prefix[k] = num.size() + (line.empty() ? 0 : 1);
      line = line.empty() ? num : num + " " + line;
    } else if (line.empty()) {
      continue;
    }
    if (!lines.empty()) add_line(" ", -1);
    add_line(std::move(line), static_cast<std::ptrdiff_t>(k));
    if (text.size() > options.max_input_bytes) {
      return Status(ErrorCode::kTooLarge,
                    fmt::format("the text is larger than the limit of {} MB (raise it with --max-input-mb)",
                                options.max_input_bytes >> 20),
                    {path});
    }
  }
  if (language.empty()) language = detect_language(text);

  StructureOptions so;
  so.language = language;
  so.symbol = options.symbol.empty() ? rt.symbol : options.symbol;
  so.path = path;
  auto built = build_structure(text, so);
  if (!built) {
    Status st = built.status();
    Location where = st.where();
    where.file = path;
    where.line = 0;
    return Status(st.code(), st.message(), where);
  }
  Document doc = std::move(*built);
  doc.path = path;
  doc.encoding = rt.encoding;
  if (doc.language.empty()) doc.language = language;
  if (!options.symbol.empty()) doc.symbol = options.symbol;

  auto owner_of = [&](std::size_t line_no) -> std::ptrdiff_t {
    return line_no >= 1 && line_no <= owner.size() ? owner[line_no - 1] : -1;
  };
  std::size_t first_note_source = 0;
  if (body_count < order.size()) first_note_source = order[body_count]->source;

  for (Block& b : doc.blocks) {
    const std::ptrdiff_t who = owner_of(b.lines.first);
    if (who < 0) {
      b.lines = {first_note_source, first_note_source};  // the notes heading we put in
      continue;
    }
    const Paragraph& p = *order[static_cast<std::size_t>(who)];
    const std::string& line = lines[b.lines.first - 1];
    const bool one_line = b.lines.last == b.lines.first;
    b.lines = {p.source, p.source};
    if (p.role == Role::kTableRow) {
      // A row is one block whatever it opens with: its text is the whole row.
      b.kind = BlockKind::kOther;
      b.level = 0;
      b.number.reset();
      b.label.clear();
      b.text = line;
    }
    if (!one_line) continue;
    // Where the block's text starts in the line: after the label the structure stage took out.
    std::size_t start = 0;
    if (p.role == Role::kNote) {
      start = prefix[static_cast<std::size_t>(who)];
    } else if (!b.label.empty() && line.compare(0, b.label.size(), b.label) == 0) {
      start = b.label.size();
      while (start < line.size() && line[start] == ' ') ++start;
    }
    const std::vector<std::size_t> to_text = line_to_text(line, start, b.text);
    const std::vector<std::size_t>& to_line = maps[static_cast<std::size_t>(who)];
    auto place = [&](std::size_t off) {
      const std::size_t l = off < to_line.size() ? to_line[off] + prefix[static_cast<std::size_t>(who)] : line.size();
      return l < to_text.size() ? to_text[l] : b.text.size();
    };
    if (rt.exact_markers) {
      b.markers.clear();
      for (const auto& [off, n] : p.markers) b.markers.push_back({n, place(off)});
    }
    if (!p.sentence_starts.empty()) {
      b.source_lines.clear();
      for (const auto& [off, src] : p.sentence_starts) b.source_lines.push_back({place(off), src});
    }
    if (p.role == Role::kHeading && b.kind != BlockKind::kHeading && b.kind != BlockKind::kTitle &&
        !(b.kind == BlockKind::kParagraph && b.number)) {
      b.kind = BlockKind::kHeading;
      b.level = std::clamp(p.outline_level, 1, 4);
    }
    if (p.role == Role::kNote && b.kind != BlockKind::kFootnote) {
      b.kind = BlockKind::kFootnote;
      b.level = 0;
      b.number = p.note;
      b.label = std::to_string(p.note);
      if (!is_number_only(b.label)) b.label.clear();
    }
  }
  for (Furniture& f : doc.furniture) {
    const std::ptrdiff_t who = owner_of(f.lines.first);
    const std::size_t src = who >= 0 ? order[static_cast<std::size_t>(who)]->source : 0;
    f.lines = {src, src};
  }
  return doc;
}

}  // namespace paralign::rich
