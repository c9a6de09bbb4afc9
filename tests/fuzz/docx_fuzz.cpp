// Fuzz target for the DOCX reader. The input is used two ways: as the bytes of a whole package (damaged zips,
// lying directory sizes, bombs), and as the word/document.xml of a package built around it with libzip (so the
// fuzzer reaches the paragraph, numbering, table and footnote code, not only the zip checks). Whatever the bytes,
// parse_docx must return a Document or a Status naming the file; never crash, hang or inflate without limit.
//   cmake --preset fuzz && cmake --build build-fuzz --target docx_fuzz
//   ./build-fuzz/fuzz/docx_fuzz -max_total_time=60 tests/fuzz/corpus/docx
#include <zip.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "paralign/read_formats.hpp"

namespace {

void check(const paralign::Result<paralign::Document>& doc) {
  if (!doc.ok() && doc.status().where().file != "fuzz.docx") std::abort();
  if (doc.ok() && doc->blocks.empty()) std::abort();
}

// A package holding `document` as word/document.xml, with a numbering part and a footnote part that refer to
// what the seeds use, so automatic numbers and notes are exercised.
std::string package(std::string_view document) {
  static const char kNumbering[] =
      "<w:numbering xmlns:w=\"w\"><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
      "<w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl><w:lvl w:ilvl=\"1\">"
      "<w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"(%2)\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
  static const char kNotes[] =
      "<w:footnotes xmlns:w=\"w\"><w:footnote w:id=\"1\"><w:p><w:r><w:t>note</w:t></w:r></w:p></w:footnote>"
      "</w:footnotes>";
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_t* z = out ? zip_open_from_source(out, ZIP_TRUNCATE, &err) : nullptr;
  zip_error_fini(&err);
  if (!z) {
    if (out) zip_source_free(out);
    return {};
  }
  zip_source_keep(out);
  auto add = [&](const char* name, const void* data, std::size_t size) {
    zip_source_t* s = zip_source_buffer(z, data, size, 0);
    if (s && zip_file_add(z, name, s, ZIP_FL_OVERWRITE) < 0) zip_source_free(s);
  };
  add("word/document.xml", document.data(), document.size());
  add("word/numbering.xml", kNumbering, sizeof kNumbering - 1);
  add("word/footnotes.xml", kNotes, sizeof kNotes - 1);
  std::string bytes;
  if (zip_close(z) == 0 && zip_source_open(out) == 0) {
    char buf[4096];
    zip_int64_t n;
    while ((n = zip_source_read(out, buf, sizeof buf)) > 0) bytes.append(buf, static_cast<std::size_t>(n));
    zip_source_close(out);
  } else {
    zip_discard(z);
  }
  zip_source_free(out);
  return bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  paralign::ReadOptions opts;
  opts.max_input_bytes = 4 << 20;
  opts.max_unpacked_bytes = 8 << 20;
  check(paralign::parse_docx(bytes, "fuzz.docx", opts));
  if (bytes.substr(0, 2) != "PK") {
    const std::string pkg = package(bytes);
    if (!pkg.empty()) check(paralign::parse_docx(pkg, "fuzz.docx", opts));
  }
  return 0;
}
