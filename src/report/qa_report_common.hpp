// Internal to the QA writers: helpers shared by the JSON, HTML and CSV writers.
#pragma once

#include <string>
#include <string_view>

#include "paralign/qa.hpp"

namespace paralign::report {

/// The index of `language` in the input's languages (0 when not found: source-only findings).
std::size_t language_index(const QaInput& input, std::string_view language);

/// The text of one side of a unit, "" when out of range.
std::string_view side_text(const QaInput& input, std::size_t unit, std::size_t lang);

}  // namespace paralign::report
