// Internal: the ICU adapter of the segment stage. UTF-16 and ICU types stay in icu_breaks.cpp; callers see UTF-8
// byte offsets only.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "paralign/status.hpp"

namespace paralign::segment_detail {

/// Checks that ICU has sentence rules for `language` (and warms this thread's iterator). Errors: kInternal.
Status check_sentence_rules(const std::string& language);

/// Appends to `out` ICU's sentence breaks of `text` for `language`, as UTF-8 byte offsets strictly between 0 and
/// text.size(), ascending. Invalid UTF-8 bytes are seen by ICU as U+FFFD and never get a break inside them.
/// Thread-safe: each thread keeps its own iterator per language (ICU break iterators are not thread-safe).
void icu_sentence_breaks(std::string_view text, const std::string& language, std::vector<std::size_t>& out);

}  // namespace paralign::segment_detail
