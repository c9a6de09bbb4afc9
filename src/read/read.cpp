// read_document: the read stage's entry point — bytes from disk, decoded, language found, structure built.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "paralign/read.hpp"
#include "paralign/read_formats.hpp"
#include "paralign/read_xml.hpp"
#include "paralign/structure.hpp"
#include "read/decode_internal.hpp"
#include "util/atomic_file.hpp"

namespace paralign {

namespace {

std::string lower_extension(std::string_view path) {
  const std::size_t slash = path.find_last_of("/\\");
  const std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  std::string ext(path.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

// The first bytes with a BOM and leading white space skipped, lower-cased: enough to see "<!doctype html".
std::string markup_head(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  std::size_t i = 0;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  std::string out(head.substr(i, std::min<std::size_t>(head.size() - i, 512)));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string_view to_string(InputFormat format) {
  switch (format) {
    case InputFormat::kText: return "text";
    case InputFormat::kXml: return "xml";
    case InputFormat::kDocx: return "docx";
    case InputFormat::kPdf: return "pdf";
    case InputFormat::kHtml: return "html";
  }
  return "text";
}

InputFormat detect_format(std::string_view path, std::string_view head) {
  const std::string ext = lower_extension(path);
  // A file named as text is read as text: its bytes, binary or not, are then reported as the text reader sees them.
  if (ext == "txt" || ext == "text") return InputFormat::kText;
  if (head.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return InputFormat::kDocx;
  if (head.substr(0, 5) == "%PDF-") return InputFormat::kPdf;
  const std::string m = markup_head(head);
  if (m.rfind("<!doctype html", 0) == 0 || m.rfind("<html", 0) == 0) return InputFormat::kHtml;
  if (ext == "docx") return InputFormat::kDocx;  // a truncated package may have lost its magic: say so as DOCX
  if (ext == "pdf") return InputFormat::kPdf;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return InputFormat::kHtml;
  if (ext == "xml" || m.rfind("<?xml", 0) == 0) return InputFormat::kXml;
  return InputFormat::kText;
}

Result<Document> read_document(const std::string& path, const ReadOptions& options) {
  if (!options.language.empty() && !is_supported_language(options.language)) {
    return Status(ErrorCode::kInvalidArgument,
                  fmt::format("unknown language '{}' (expected zh, en, fr, es, ru or ar)", options.language), {path});
  }
  auto bytes = read_file(path, options.max_input_bytes);
  if (!bytes) return bytes.status();
  const InputFormat format = detect_format(path, std::string_view(*bytes).substr(0, 1024));
  if (format != InputFormat::kText && format != InputFormat::kXml) {
    if (options.segmented) {
      return Status(ErrorCode::kInvalidArgument,
                    fmt::format("--segmented applies to text files, not to a {} file", to_string(format)), {path});
    }
    if (!options.encoding.empty() && format != InputFormat::kHtml) {
      return Status(ErrorCode::kInvalidArgument,
                    fmt::format("--encoding does not apply to a {} file", to_string(format)), {path});
    }
    if (format == InputFormat::kDocx) return parse_docx(*bytes, path, options);
    if (format == InputFormat::kPdf) return parse_pdf(*bytes, path, options);
    return parse_html(*bytes, path, options);
  }
  if (format == InputFormat::kXml && looks_like_unpc(*bytes)) {
    if (!options.encoding.empty()) {
      return Status(ErrorCode::kInvalidArgument,
                    "--encoding does not apply to XML files: their XML declaration gives the encoding", {path});
    }
    return parse_unpc(*bytes, path, options);
  }
  if (format == InputFormat::kXml) {
    // XML declares its own encoding and structure; its reader takes both from the markup.
    if (!options.encoding.empty()) {
      return Status(ErrorCode::kInvalidArgument,
                    "--encoding does not apply to XML files: their XML declaration gives the encoding", {path});
    }
    XmlReadOptions xo;
    xo.language = options.language;
    xo.max_input_bytes = options.max_input_bytes;
    auto doc = parse_xml_document(*bytes, path, xo);
    if (doc && !options.symbol.empty()) doc->symbol = options.symbol;
    return doc;
  }
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
