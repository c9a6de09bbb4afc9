// Internal: the memory unit of one aligned unit, as `paralign align` and the batch stage write it, so that a
// document's memory has the same props whichever of the two made it.
#pragma once

#include <string>
#include <vector>

#include "paralign/align.hpp"
#include "paralign/tmx.hpp"

namespace paralign {

/// The unit `tuid` for `unit` of `alignment`: props x-symbol (`symbol`, left out when empty), x-kind, the anchor
/// (x-paragraph, x-heading or x-footnote, when the unit has one), x-unpaired (when fewer than two languages are
/// present) and x-confidence (two decimals); then one variant per language present, in alignment.languages order,
/// coded codes[k], its segments joined by a space, or by nothing between two CJK characters. `codes` has one code
/// per language of the alignment. Thread-safe.
TranslationUnit aligned_memory_unit(const MultiAlignment& alignment, const AlignedUnit& unit, std::string tuid,
                                    const std::string& symbol, const std::vector<std::string>& codes);

}  // namespace paralign
