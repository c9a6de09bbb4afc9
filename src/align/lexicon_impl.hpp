// Internal to the sentence aligner: what a Lexicon holds. Counts of tokens and token pairs over aligned beads, and
// the translation table derived from them (Dice coefficients, best few per token, both directions).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "align/sentence_text.hpp"
#include "paralign/sentence_align.hpp"

namespace paralign::align {

/// Open-addressing map from a 64-bit key to a float count: the pair counts are the lexicon's bulk, and a node-based
/// map would cost several times the memory.
class PairCounts {
 public:
  void add(std::uint64_t key, float v);
  float get(std::uint64_t key) const;
  std::size_t size() const { return size_; }
  template <typename Fn>
  void for_each(Fn&& fn) const {
    for (std::size_t k = 0; k < keys_.size(); ++k)
      if (keys_[k] != kEmpty) fn(keys_[k], values_[k]);
  }
  /// Drops entries whose count is below `min`, to bound memory across a long batch.
  void prune(float min);

 private:
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
  void grow();
  std::vector<std::uint64_t> keys_;
  std::vector<float> values_;
  std::size_t size_ = 0;
};

/// A translation: the other side's token id and its association.
struct Translation {
  std::uint32_t id;
  float score;
};

}  // namespace paralign::align

namespace paralign {

struct Lexicon::Impl {
  std::string src_lang, tgt_lang;  ///< the direction of the counts; empty until first used
  align::Vocabulary src, tgt;
  std::vector<float> src_count, tgt_count;  ///< beads holding each token (counted once per bead)
  align::PairCounts pairs;                  ///< beads holding both tokens, key src << 32 | tgt
  double beads = 0;

  // The translation table, rebuilt from the counts when they have grown enough since the last build.
  std::vector<std::vector<align::Translation>> src_to_tgt, tgt_to_src;
  double table_beads = 0;

  std::uint32_t src_id(std::string_view s);
  std::uint32_t tgt_id(std::string_view s);
  /// Adds aligned beads, each the token ids of its two sides (deduplicated here). Tokens held by more than a
  /// quarter of all beads so far (particles, articles) are counted but not paired: they pair with everything.
  void add_beads(std::vector<std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>>>& beads);
  /// Rebuilds the translation table if the counts grew by a quarter or more since it was built.
  void refresh_table();
  void build_table();
  double dice(std::uint32_t s, std::uint32_t t) const;
  /// Keeps the pair counts under kMaxPairs by dropping the rarest (first those seen once): a lexicon carried
  /// through a long batch keeps a bounded size.
  void bound_pairs();
  static constexpr std::size_t kMaxPairs = std::size_t{1} << 20;
};

}  // namespace paralign
