#include "paralign/document.hpp"

namespace paralign {

std::string_view to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::kTitle: return "title";
    case BlockKind::kSummary: return "summary";
    case BlockKind::kHeading: return "heading";
    case BlockKind::kParagraph: return "paragraph";
    case BlockKind::kItem: return "item";
    case BlockKind::kFootnote: return "footnote";
    case BlockKind::kOther: return "other";
  }
  return "other";
}

}  // namespace paralign
