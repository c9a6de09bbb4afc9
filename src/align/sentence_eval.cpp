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
