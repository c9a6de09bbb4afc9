// read_document: the read stage's entry point — bytes from disk, decoded, language found, structure built.
#include <fmt/format.h>

#include "paralign/read.hpp"
#include "paralign/read_xml.hpp"
#include "paralign/structure.hpp"
#include "read/decode_internal.hpp"
#include "util/atomic_file.hpp"

namespace paralign {

Result<Document> read_document(const std::string& path, const ReadOptions& options) {
  if (!options.language.empty() && !is_supported_language(options.language)) {
    return Status(ErrorCode::kInvalidArgument,
                  fmt::format("unknown language '{}' (expected zh, en, fr, es, ru or ar)", options.language), {path});
  }
  if (is_xml_path(path)) {
    // XML declares its own encoding and structure; its reader takes both from the markup.
    if (!options.encoding.empty()) {
      return Status(ErrorCode::kInvalidArgument,
                    "--encoding does not apply to XML files: their XML declaration gives the encoding", {path});
    }
    XmlReadOptions xo;
    xo.language = options.language;
    xo.max_input_bytes = options.max_input_bytes;
    auto doc = read_xml_document(path, xo);
    if (doc && !options.symbol.empty()) doc->symbol = options.symbol;
    return doc;
  }
  auto bytes = read_file(path, options.max_input_bytes);
  if (!bytes) return bytes.status();
  auto decoded = decode_text(*bytes, path, options);
  if (!decoded) return decoded.status();
  bytes->clear();
  bytes->shrink_to_fit();  // the decoded copy is all we need from here; halve peak memory on large inputs

  StructureOptions so;
  so.segmented = options.segmented;
  so.language = options.language.empty() ? detect_language(decoded->text) : options.language;
  so.symbol = options.symbol;
  so.path = path;
  auto doc = build_structure(decoded->text, so);
  if (!doc) {
    Status st = doc.status();
    if (st.where().file.empty()) {
      Location where = st.where();
      where.file = path;
      return Status(st.code(), st.message(), where);
    }
    return st;
  }
  doc->path = path;
  doc->encoding = decoded->encoding;
  if (doc->language.empty()) doc->language = so.language;
  if (!options.symbol.empty()) doc->symbol = options.symbol;
  return doc;
}

}  // namespace paralign
