// Internal: scoring an alignment against a gold one (strict bead match), and reading the gold formats of the
// evaluation sets. Used by bench/align_eval.cpp and the accuracy tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "paralign/sentence_align.hpp"
#include "paralign/status.hpp"

namespace paralign::align {

/// Strict precision/recall/F1: a found bead is correct when a gold bead has exactly the same sentences on both sides.
struct AlignmentScore {
  std::size_t gold = 0;
  std::size_t found = 0;
  std::size_t correct = 0;
  double precision() const { return found == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(found); }
  double recall() const { return gold == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(gold); }
  double f1() const {
    double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
};

/// Scores `found` against `gold`. With `with_omissions` false, 1-0 and 0-1 beads are left out on both sides.
AlignmentScore score_alignment(const std::vector<Bead>& found, const std::vector<Bead>& gold, bool with_omissions);

/// `found` coarsened to the granularity of `gold`: consecutive found beads whose sentences (both sides) all lie in
/// one and the same gold bead become one bead. For gold made of larger units than sentences (the Bible set's beads
/// are verses, which nothing in its sentence files marks), this is how its makers score a sentence aligner: two 1-1
/// beads inside a 2-2 verse count as the verse, while a bead that crosses a unit boundary stays as it is (wrong).
/// Sentences missing from `gold` belong to no unit and are never merged.
std::vector<Bead> merge_within_gold_units(const std::vector<Bead>& found, const std::vector<Bead>& gold);

/// Reads the bracket form "[0,1]:[0,1,2]" (0-based, source first; "[]" for an empty side), one bead a line.
Result<std::vector<Bead>> parse_bracket_beads(std::string_view text, std::string_view file = {});

/// Reads a file of one sentence per line (LF or CRLF; a final newline optional).
Result<std::vector<std::string>> read_sentence_lines(const std::string& path);

}  // namespace paralign::align
