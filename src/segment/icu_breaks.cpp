#include "segment/icu_breaks.hpp"

#include <fmt/format.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <memory>
#include <utility>

#include "util/utf8.hpp"

namespace paralign::segment_detail {

namespace {

// Creating an RBBI costs far more than splitting a paragraph, so each thread keeps one per language for its
// lifetime. Keyed by language rather than by Segmenter so no cache entry can outlive what it points to.
struct IteratorCache {
  std::vector<std::pair<std::string, std::unique_ptr<icu::BreakIterator>>> iterators;
  std::vector<char16_t> utf16;
  std::vector<std::uint32_t> to_utf8;  // UTF-16 index -> UTF-8 byte offset, one past the end included
};

IteratorCache& cache() {
  thread_local IteratorCache c;
  return c;
}

icu::BreakIterator* iterator_for(const std::string& language, UErrorCode& status) {
  auto& its = cache().iterators;
  for (auto& [lang, it] : its) {
    if (lang == language) return it.get();
  }
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale::createFromName(language.c_str()), status));
  if (U_FAILURE(status) || !it) return nullptr;
  its.emplace_back(language, std::move(it));
  return its.back().second.get();
}

}  // namespace

Status check_sentence_rules(const std::string& language) {
  UErrorCode status = U_ZERO_ERROR;
  if (iterator_for(language, status) == nullptr) {
    return Status(ErrorCode::kInternal,
                  fmt::format("ICU has no sentence break rules for \"{}\": {}", language, u_errorName(status)));
  }
  return {};
}

void icu_sentence_breaks(std::string_view text, const std::string& language, std::vector<std::size_t>& out) {
  UErrorCode status = U_ZERO_ERROR;
  icu::BreakIterator* it = iterator_for(language, status);
  if (it == nullptr || text.empty()) return;

  IteratorCache& c = cache();
  c.utf16.clear();
  c.to_utf8.clear();
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    char32_t cp = 0;
    const auto b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {
      cp = b;
      ++pos;
    } else {
      cp = utf8::next(text, pos);
    }
    if (cp < 0x10000) {
      c.utf16.push_back(static_cast<char16_t>(cp));
      c.to_utf8.push_back(static_cast<std::uint32_t>(start));
    } else {
      c.utf16.push_back(static_cast<char16_t>(0xD7C0 + (cp >> 10)));
      c.utf16.push_back(static_cast<char16_t>(0xDC00 | (cp & 0x3FF)));
      c.to_utf8.push_back(static_cast<std::uint32_t>(start));
      c.to_utf8.push_back(static_cast<std::uint32_t>(start));  // never a break between surrogates
    }
  }
  c.to_utf8.push_back(static_cast<std::uint32_t>(text.size()));

  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, c.utf16.data(), static_cast<int64_t>(c.utf16.size()), &status);
  if (U_FAILURE(status)) return;
  it->setText(&ut, status);
  if (U_SUCCESS(status)) {
    for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
      const std::size_t byte = c.to_utf8[static_cast<std::size_t>(b)];
      if (byte > 0 && byte < text.size() && (out.empty() || out.back() < byte)) out.push_back(byte);
    }
  }
  // The iterator keeps a shallow reference to `ut`; point it at an empty text before `ut` goes away.
  UText empty = UTEXT_INITIALIZER;
  UErrorCode ignored = U_ZERO_ERROR;
  utext_openUChars(&empty, u"", 0, &ignored);
  it->setText(&empty, ignored);
  utext_close(&empty);
  utext_close(&ut);
}

}  // namespace paralign::segment_detail
