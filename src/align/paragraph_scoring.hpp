// Internal to the block aligner: what a block looks like to the scorers (its length and the references it
// carries), and the cost of pairing a group of source blocks with a group of target blocks. The search
// (paragraph.cpp) only adds these costs up; the scorers know nothing of the search.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "paralign/align.hpp"

namespace paralign::block_align {

/// The features of one block the scorers use.
struct BlockFeatures {
  double length = 0;                ///< characters, white space excluded
  std::vector<std::string> refs;    ///< reference tokens, sorted (numbers, symbols, dates, URLs), normalised
  /// The same tokens as small integers (equal tokens, equal ids, across both sides of one alignment), sorted. Set
  /// by intern_references(); the scorers compare these, since comparing strings for every candidate pair cost
  /// the block aligner most of its time.
  std::vector<std::uint32_t> ref_ids;
};

/// Gives the reference tokens of both sides' blocks ids from one shared table and fills BlockFeatures::ref_ids.
/// Must run before a GroupScorer scores these features.
void intern_references(std::vector<BlockFeatures>& src, std::vector<BlockFeatures>& tgt);

/// Reference tokens of `text`: maximal runs of ASCII letters, digits and / . - : that hold a digit (after folding
/// full-width forms), so "第58/58号决议" and "resolution 58/58" share "58/58"; URLs; thousands separators dropped.
/// Sorted, duplicates kept (a number cited twice counts twice).
std::vector<std::string> reference_tokens(std::string_view text);

/// Length and references of a block's text.
BlockFeatures features_of(std::string_view text);

/// Size of the multiset intersection of two sorted token lists.
std::size_t shared_count(const std::vector<std::string>& a, const std::vector<std::string>& b);

/// Size of the multiset intersection of two sorted id lists.
std::size_t shared_count(const std::uint32_t* a, std::size_t na, const std::uint32_t* b, std::size_t nb);

/// Scores groups of blocks. `ratio` is the expected target length per source character.
class GroupScorer {
 public:
  GroupScorer(const AlignOptions& options, double ratio) : options_(options), ratio_(ratio) {}

  /// Cost of pairing source blocks [si, si+a) with target blocks [tj, tj+b) (a, b >= 0, not both 0). Lower is
  /// better; a group with an empty side costs skip_cost per block.
  double cost(const std::vector<BlockFeatures>& src, std::size_t si, std::size_t a,
              const std::vector<BlockFeatures>& tgt, std::size_t tj, std::size_t b) const;

  /// cost(), computed only when it may bring `before + cost` under `best`. Returns false, often without computing
  /// the length term, when a lower bound shows that before + cost >= best (so the search would not take it);
  /// otherwise sets *out to exactly what cost() returns. The bound (-log erfc(z) >= z², rounding monotone) never
  /// discards a group cost() would have chosen, so the search's result is the same bit for bit.
  bool cost_below(const std::vector<BlockFeatures>& src, std::size_t si, std::size_t a,
                  const std::vector<BlockFeatures>& tgt, std::size_t tj, std::size_t b, double before, double best,
                  double* out) const;

  /// 0..1: how well the lengths and references of the two groups agree.
  double confidence(const std::vector<BlockFeatures>& src, std::size_t si, std::size_t a,
                    const std::vector<BlockFeatures>& tgt, std::size_t tj, std::size_t b) const;

  double ratio() const { return ratio_; }

 private:
  double length_z(double ls, double lt) const;
  double length_probability(double ls, double lt) const;
  double reference_agreement(const std::vector<BlockFeatures>& src, std::size_t si, std::size_t a,
                             const std::vector<BlockFeatures>& tgt, std::size_t tj, std::size_t b) const;
  AlignOptions options_;
  double ratio_;
};

}  // namespace paralign::block_align
