// Building the QA input: from block-aligned documents and from TSV.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>

#include "paralign/qa.hpp"
#include "qa/checks.hpp"
#include "util/utf8.hpp"

namespace paralign {

namespace {

// Joins two blocks' texts the way the language writes them: no space between Chinese blocks.
void join_block(QaSide& side, const Block& b, bool unspaced) {
  if (!side.text.empty() && !b.text.empty() && !unspaced) side.text += ' ';
  side.text += b.text;
  if (b.kind == BlockKind::kParagraph && b.number && side.paragraph.empty()) side.paragraph = std::to_string(*b.number);
  for (const FootnoteMarker& m : b.markers) side.footnotes.push_back(m.number);
}

std::string block_label(const Block& b) {
  if (b.number && b.kind == BlockKind::kFootnote) return fmt::format("fn {}", *b.number);
  if (b.number) return std::to_string(*b.number);
  return b.label;
}

}  // namespace

Result<QaInput> qa_input_from_documents(const Document& pivot, const std::vector<Document>& translations,
                                        const AlignOptions& options) {
  QaInput in;
  in.languages.push_back(pivot.language.empty() ? "und" : pivot.language);
  for (const Document& t : translations) in.languages.push_back(t.language.empty() ? "und" : t.language);
  const std::size_t n = pivot.blocks.size();
  // Pivot blocks that some translation groups together share a unit (union-find over block indices).
  std::vector<std::size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  std::vector<DocumentAlignment> alignments;
  for (const Document& t : translations) {
    auto a = align_documents(pivot, t, options);
    if (!a) return a.status();
    for (const BlockPair& p : a->pairs)
      for (std::size_t i = 1; i < p.src.size(); ++i) parent[find(p.src[i])] = find(p.src[0]);
    alignments.push_back(std::move(*a));
  }
  // One unit per root, in pivot order; target-only blocks become units placed after the unit of the pivot block
  // that precedes them.
  std::vector<std::size_t> unit_of(n, 0);
  std::vector<std::vector<std::size_t>> members;
  std::map<std::size_t, std::size_t> root_unit;
  for (std::size_t b = 0; b < n; ++b) {
    auto [it, fresh] = root_unit.try_emplace(find(b), members.size());
    if (fresh) members.emplace_back();
    members[it->second].push_back(b);
    unit_of[b] = it->second;
  }
  const std::size_t langs = in.languages.size();
  auto make_unit = [&]() {
    QaUnit u;
    u.sides.resize(langs);
    u.symbol = pivot.symbol;
    return u;
  };
  std::vector<QaUnit> units;
  for (const auto& m : members) {
    QaUnit u = make_unit();
    for (std::size_t b : m) join_block(u.sides[0], pivot.blocks[b], qa::is_unspaced_language(qa::primary_language(in.languages[0])));
    u.paragraph = block_label(pivot.blocks[m.front()]);
    units.push_back(std::move(u));
  }
  // extra[i]: target-only units to insert after pivot unit i (or before all, at key SIZE_MAX).
  std::map<std::size_t, std::vector<QaUnit>> extra;
  for (std::size_t k = 1; k < langs; ++k) {
    const Document& t = translations[k - 1];
    bool unspaced = qa::is_unspaced_language(qa::primary_language(in.languages[k]));
    std::size_t last_unit = SIZE_MAX;
    for (const BlockPair& p : alignments[k - 1].pairs) {
      if (!p.src.empty()) {
        last_unit = unit_of[p.src.front()];
        for (std::size_t b : p.tgt) join_block(units[last_unit].sides[k], t.blocks[b], unspaced);
      } else {
        QaUnit u = make_unit();
        for (std::size_t b : p.tgt) join_block(u.sides[k], t.blocks[b], unspaced);
        if (!p.tgt.empty()) u.paragraph = block_label(t.blocks[p.tgt.front()]);
        extra[last_unit].push_back(std::move(u));
      }
    }
  }
  if (auto it = extra.find(SIZE_MAX); it != extra.end())
    for (QaUnit& u : it->second) in.units.push_back(std::move(u));
  for (std::size_t i = 0; i < units.size(); ++i) {
    in.units.push_back(std::move(units[i]));
    if (auto it = extra.find(i); it != extra.end())
      for (QaUnit& u : it->second) in.units.push_back(std::move(u));
  }
  return in;
}

namespace qa {

std::string leading_paragraph_number(std::string_view t) {
  // "12." or "12．" followed by a space or the end; "12.5 per cent" is not a label.
  std::size_t i = 0;
  while (i < t.size() && i < 4 && t[i] >= '0' && t[i] <= '9') ++i;
  if (i == 0 || i >= t.size()) return "";
  if (t.substr(i, 3) == "\xEF\xBC\x8E") return std::string(t.substr(0, i));
  if (t[i] == '.' && (i + 1 == t.size() || t[i + 1] == ' ')) return std::string(t.substr(0, i));
  return "";
}

}  // namespace qa

Result<QaInput> qa_input_from_tsv(std::string_view text, const std::string& name) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  auto split = [](std::string_view line) {
    std::vector<std::string> cells(1);
    for (std::size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if (c == '\t') {
        cells.emplace_back();
      } else if (c == '\\' && i + 1 < line.size()) {
        char d = line[++i];
        cells.back() += d == 't' ? '\t' : d == 'n' ? '\n' : d == 'r' ? '\r' : d;
      } else {
        cells.back() += c;
      }
    }
    return cells;
  };
  QaInput in;
  std::size_t pos = 0, line_no = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (in.languages.empty()) {
      if (utf8::trim(line).empty()) continue;
      in.languages = split(line);
      for (std::string& l : in.languages) l = std::string(utf8::trim(l));
      continue;
    }
    if (line.empty() && pos >= text.size()) break;
    std::vector<std::string> cells = split(line);
    if (cells.size() > in.languages.size()) {
      return Status(ErrorCode::kParse,
                    fmt::format("{} columns where the header names {} languages", cells.size(), in.languages.size()),
                    Location{name, line_no});
    }
    QaUnit u;
    u.sides.resize(in.languages.size());
    for (std::size_t k = 0; k < cells.size(); ++k) {
      u.sides[k].text = std::move(cells[k]);
      u.sides[k].paragraph = qa::leading_paragraph_number(u.sides[k].text);
    }
    u.id = std::to_string(line_no);
    u.paragraph = u.sides[0].paragraph;
    in.units.push_back(std::move(u));
  }
  if (in.languages.empty()) return Status(ErrorCode::kEmpty, "no header line of language codes", Location{name, 1});
  return in;
}

}  // namespace paralign
