#include "paralign/structure.hpp"

// Placeholder until the structure stage lands: every non-blank line becomes an unnumbered paragraph.
namespace paralign {

Result<Document> build_structure(std::string_view text, const StructureOptions& options) {
  Document doc;
  doc.path = options.path;
  doc.language = options.language;
  doc.symbol = options.symbol;
  std::size_t line_no = 0, pos = 0;
  while (pos <= text.size()) {
    const std::size_t nl = text.find('\n', pos);
    const std::string_view line = text.substr(pos, nl == std::string_view::npos ? text.size() - pos : nl - pos);
    ++line_no;
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      Block b;
      b.kind = BlockKind::kParagraph;
      b.text = std::string(line);
      b.lines = {line_no, line_no};
      doc.blocks.push_back(std::move(b));
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  if (doc.blocks.empty()) return Status(ErrorCode::kEmpty, "the text is empty", {options.path});
  return doc;
}

}  // namespace paralign
