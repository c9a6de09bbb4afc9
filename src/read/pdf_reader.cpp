// The PDF reader: Poppler stays in this file. Each page's text comes out in reading order, the pages are joined, and
// the result takes the plain-text path (structure.hpp): broken lines rejoined, the running symbol header, page
// numbers and page-foot notes recognised as they are in text a PDF extractor wrote.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <limits>
#include <vector>
#include <memory>
#include <mutex>

#include <fmt/format.h>

#include "paralign/read_formats.hpp"
#include "paralign/structure.hpp"
#include "util/utf8.hpp"

namespace paralign {

namespace {

// Poppler prints its complaints about damaged files on stderr; the library never prints (the Status says it).
void quiet(const std::string&, void*) {}

void silence_poppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(quiet, nullptr); });
}

struct Word {
  std::string text;
  double left = 0, top = 0, right = 0, bottom = 0;
  bool space_after = false;
};

struct TextLine {
  std::string text;
  double top = 0, bottom = 0, right = 0;
};

// One page as lines of text. Poppler gives the words in reading order with their boxes; words whose boxes share a
// band of the page make a line (table cells in one row too), a gap between words wider than a third of the line's
// height is a space, and a step between lines clearly longer than the page's usual line pitch becomes a line holding
// one space: a paragraph break for the structure stage, which the text alone no longer shows (Chinese lines, a
// masthead, table rows).
std::string page_text(const poppler::page& page) {
  std::vector<Word> words;
  for (const poppler::text_box& box : page.text_list()) {
    const poppler::byte_array u = box.text().to_utf8();
    Word w;
    w.text.assign(u.data(), u.size());
    const poppler::rectf r = box.bbox();
    w.left = r.left();
    w.top = r.top();
    w.right = r.right();
    w.bottom = r.bottom();
    w.space_after = box.has_space_after();
    if (!w.text.empty()) words.push_back(std::move(w));
  }
  std::vector<TextLine> lines;
  const Word* prev = nullptr;
  for (const Word& w : words) {
    const double h = std::max(w.bottom - w.top, 0.1);
    const double mid = (w.top + w.bottom) / 2;
    bool same = false;
    if (prev && !lines.empty()) {
      const TextLine& l = lines.back();
      same = mid > l.top && mid < l.bottom && w.left > l.right - h;
    }
    if (!same) {
      lines.push_back({w.text, w.top, w.bottom, w.right});
    } else {
      TextLine& l = lines.back();
      if (prev->space_after || w.left - l.right > h / 3) l.text += ' ';
      l.text += w.text;
      l.top = std::min(l.top, w.top);
      l.bottom = std::max(l.bottom, w.bottom);
      l.right = std::max(l.right, w.right);
    }
    prev = &w;
  }
  // The line pitch inside a paragraph: the 10th percentile of the distances from one line's top to the next going down
  // the page (most steps in running text are line spacing; the longer ones add paragraph spacing). Boxes are as
  // tall as the font's ascent and descent, often taller than the pitch, so tops are compared rather than gaps.
  // Steps shorter than 0.4 of a line's height are superscripts or lines sharing a baseline, not line spacing.
  std::vector<double> steps;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const double step = lines[i].top - lines[i - 1].top;
    if (step > 0.4 * (lines[i - 1].bottom - lines[i - 1].top)) steps.push_back(step);
  }
  double pitch = 0;
  if (!steps.empty()) {
    const std::size_t k = steps.size() / 10;
    std::nth_element(steps.begin(), steps.begin() + static_cast<std::ptrdiff_t>(k), steps.end());
    pitch = steps[k];
  }
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) {
      const double step = lines[i].top - lines[i - 1].top;
      if (pitch > 0 && (step > pitch * 1.3 || step < 0)) out += " \n";
    }
    out += lines[i].text;
    out += '\n';
  }
  return out;
}

}  // namespace

Result<Document> parse_pdf(std::string_view bytes, const std::string& name, const ReadOptions& options) {
  if (bytes.size() > options.max_input_bytes) {
    return Status(ErrorCode::kTooLarge,
                  fmt::format("file is larger than the limit of {} MB (raise it with --max-input-mb)",
                              options.max_input_bytes >> 20),
                  {name});
  }
  if (bytes.substr(0, 5) != "%PDF-") return Status(ErrorCode::kParse, "not a PDF file (no %PDF- header)", {name});
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    return Status(ErrorCode::kTooLarge, "the file is too large for the PDF reader", {name});
  }
  silence_poppler();
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf) return Status(ErrorCode::kParse, "not a readable PDF: the file is damaged or truncated", {name});
  if (pdf->is_locked()) return Status(ErrorCode::kParse, "the PDF is encrypted (it needs a password)", {name});
  const int pages = pdf->pages();
  if (pages <= 0) return Status(ErrorCode::kParse, "the PDF has no pages", {name});

  std::string text;
  std::size_t letters = 0;
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    if (!page) continue;
    const std::string page_lines = page_text(*page);
    std::string_view t(page_lines);
    // Line ends to LF; a form feed (page break) is a line end too.
    for (std::size_t k = 0; k < t.size(); ++k) {
      const char c = t[k];
      if (c == '\r') {
        if (k + 1 < t.size() && t[k + 1] == '\n') continue;
        text += '\n';
      } else if (c == '\f') {
        text += '\n';
      } else if (c != '\0') {
        text += c;
        if (static_cast<unsigned char>(c) > ' ') ++letters;
      }
    }
    if (!text.empty() && text.back() != '\n') text += '\n';
    if (text.size() > options.max_input_bytes) {
      return Status(ErrorCode::kTooLarge, "the PDF's text is larger than the limit (raise it with --max-input-mb)",
                    {name});
    }
  }
  if (letters == 0) {
    return Status(ErrorCode::kEmpty,
                  fmt::format("the PDF has no text layer ({} page{} of images only: a scan?); run OCR on it first",
                              pages, pages == 1 ? "" : "s"),
                  {name});
  }
  if (!utf8::valid(text)) return Status(ErrorCode::kEncoding, "the PDF's text is not valid Unicode", {name});

  StructureOptions so;
  so.language = options.language.empty() ? detect_language(text) : options.language;
  so.symbol = options.symbol;
  so.path = name;
  auto doc = build_structure(text, so);
  if (!doc) {
    Status st = doc.status();
    Location where = st.where();
    where.file = name;
    return Status(st.code(), st.message(), where);
  }
  doc->path = name;
  doc->encoding = "UTF-8";
  if (doc->language.empty()) doc->language = so.language;
  return doc;
}

}  // namespace paralign
