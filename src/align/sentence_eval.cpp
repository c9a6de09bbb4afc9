#include "align/sentence_eval.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <tuple>

#include "align/sentence_text.hpp"
#include "util/utf8.hpp"

namespace paralign::align {

AlignmentScore score_alignment(const std::vector<Bead>& found, const std::vector<Bead>& gold, bool with_omissions) {
  auto key = [](const Bead& b) {
    // An omitted side's position is not part of the match: only which sentences the other side holds.
    return std::make_tuple(b.src_size ? b.src_begin : 0, b.src_size, b.tgt_size ? b.tgt_begin : 0, b.tgt_size);
  };
  std::set<std::tuple<std::size_t, std::size_t, std::size_t, std::size_t>> gold_set;
  AlignmentScore s;
  for (const Bead& b : gold) {
    if (!with_omissions && (b.src_size == 0 || b.tgt_size == 0)) continue;
    gold_set.insert(key(b));
    ++s.gold;
  }
  for (const Bead& b : found) {
    if (!with_omissions && (b.src_size == 0 || b.tgt_size == 0)) continue;
    ++s.found;
    if (gold_set.count(key(b))) ++s.correct;
  }
  return s;
}

std::vector<Bead> merge_within_gold_units(const std::vector<Bead>& found, const std::vector<Bead>& gold) {
  constexpr std::size_t kNoUnit = static_cast<std::size_t>(-1);
  std::vector<std::size_t> src_unit, tgt_unit;
  auto assign = [&](std::vector<std::size_t>& unit, std::size_t begin, std::size_t size, std::size_t id) {
    if (unit.size() < begin + size) unit.resize(begin + size, kNoUnit);
    std::fill(unit.begin() + static_cast<std::ptrdiff_t>(begin), unit.begin() + static_cast<std::ptrdiff_t>(begin + size),
              id);
  };
  for (std::size_t k = 0; k < gold.size(); ++k) {
    assign(src_unit, gold[k].src_begin, gold[k].src_size, k);
    assign(tgt_unit, gold[k].tgt_begin, gold[k].tgt_size, k);
  }
  // The one unit all of a bead's sentences lie in, or kNoUnit when they lie in several (or none).
  auto unit_of = [&](const Bead& b) {
    std::size_t u = kNoUnit;
    bool first = true;
    auto visit = [&](const std::vector<std::size_t>& unit, std::size_t begin, std::size_t size) {
      for (std::size_t x = begin; x < begin + size; ++x) {
        std::size_t v = x < unit.size() ? unit[x] : kNoUnit;
        if (first) {
          u = v;
          first = false;
        } else if (v != u) {
          u = kNoUnit;
        }
      }
    };
    visit(src_unit, b.src_begin, b.src_size);
    visit(tgt_unit, b.tgt_begin, b.tgt_size);
    return u;
  };
  std::vector<Bead> out;
  std::size_t last_unit = kNoUnit;
  for (const Bead& b : found) {
    std::size_t u = unit_of(b);
    if (!out.empty() && u != kNoUnit && u == last_unit) {
      Bead& m = out.back();
      if (m.src_size == 0) m.src_begin = b.src_begin;
      if (m.tgt_size == 0) m.tgt_begin = b.tgt_begin;
      m.src_size += b.src_size;
      m.tgt_size += b.tgt_size;
      m.confidence = std::min(m.confidence, b.confidence);
      continue;
    }
    out.push_back(b);
    last_unit = u;
  }
  return out;
}

Result<std::vector<Bead>> parse_bracket_beads(std::string_view text, std::string_view file) {
  std::vector<Bead> beads;
  Status read = for_each_line(text, [&](std::size_t line_no, std::string_view line) -> Status {
    const Status bad(ErrorCode::kParse, "expected \"[i,...]:[j,...]\"", Location{std::string(file), line_no});
    std::size_t colon = line.find("]:[");
    if (line.front() != '[' || line.back() != ']' || colon == std::string_view::npos) return bad;
    Bead b;
    for (int side = 0; side < 2; ++side) {
      std::string_view part = side == 0 ? line.substr(1, colon - 1) : line.substr(colon + 3, line.size() - colon - 4);
      std::vector<std::size_t> v;
      while (!part.empty()) {
        std::size_t comma = part.find(',');
        std::string_view t = utf8::trim(part.substr(0, comma));
        part = comma == std::string_view::npos ? std::string_view{} : part.substr(comma + 1);
        if (t.empty() || t.size() > 9 || !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }))
          return bad;
        v.push_back(std::stoul(std::string(t)));
      }
      for (std::size_t k = 1; k < v.size(); ++k)
        if (v[k] != v[k - 1] + 1) return bad;
      (side == 0 ? b.src_begin : b.tgt_begin) = v.empty() ? 0 : v[0];
      (side == 0 ? b.src_size : b.tgt_size) = v.size();
    }
    beads.push_back(b);
    return Status{};
  });
  if (!read.ok()) return read;
  return beads;
}

Result<std::vector<std::string>> read_sentence_lines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kNotFound, "cannot open", Location{path});
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
  }
  if (in.bad()) return Status(ErrorCode::kIo, "cannot read", Location{path});
  return lines;
}

}  // namespace paralign::align
