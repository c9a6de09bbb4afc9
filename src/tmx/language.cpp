// Language tags and TMX dates: shape checks only (no registry look-up), so the library needs no data for them.
#include <array>
#include <cctype>
#include <cstdio>
#include <string>
#include <vector>

#include "paralign/tmx.hpp"

namespace paralign {

namespace {

bool all_of(std::string_view s, int (*pred)(int)) {
  for (unsigned char c : s) {
    if (!pred(c)) return false;
  }
  return !s.empty();
}
bool alpha(std::string_view s) { return all_of(s, &::isalpha); }
bool digit(std::string_view s) { return all_of(s, &::isdigit); }
bool alnum(std::string_view s) { return all_of(s, &::isalnum); }

std::vector<std::string_view> split(std::string_view tag) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dash = tag.find('-', start);
    parts.push_back(tag.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start));
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  return parts;
}

// Empty string when `tag` is a well-formed tag; otherwise why not.
std::string shape_problem(std::string_view tag) {
  if (tag.empty()) return "the language code is empty";
  for (unsigned char c : tag) {
    if (!std::isalnum(c) && c != '-') return "it may hold only letters, digits and '-'";
  }
  const auto parts = split(tag);
  for (auto p : parts) {
    if (p.empty() || p.size() > 8) return "each part between hyphens has 1 to 8 letters or digits";
  }
  std::size_t i = 0;
  const auto lower = [](std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  // A tag made only of private use (x-...) or an irregular i- tag.
  if (lower(parts[0]) == "x" || lower(parts[0]) == "i") {
    if (parts.size() < 2) return "'x' and 'i' must be followed by a subtag";
    return {};
  }
  if (!alpha(parts[0]) || parts[0].size() < 2 || parts[0].size() > 3) {
    return "the language part has 2 or 3 letters (zh, en, fr, es, ru, ar)";
  }
  ++i;
  // extlang: up to three 3-letter subtags.
  for (int n = 0; n < 3 && i < parts.size() && parts[i].size() == 3 && alpha(parts[i]); ++n) ++i;
  if (i < parts.size() && parts[i].size() == 4 && alpha(parts[i])) ++i;  // script (Hans)
  if (i < parts.size() && ((parts[i].size() == 2 && alpha(parts[i])) || (parts[i].size() == 3 && digit(parts[i])))) {
    ++i;  // region (CN, 419)
  }
  while (i < parts.size() && alnum(parts[i]) &&
         ((parts[i].size() >= 5) || (parts[i].size() == 4 && std::isdigit(static_cast<unsigned char>(parts[i][0]))))) {
    ++i;  // variants
  }
  while (i < parts.size() && parts[i].size() == 1 && lower(parts[i]) != "x") {
    ++i;  // extension singleton, then 2..8 alphanumerics
    std::size_t n = 0;
    while (i < parts.size() && parts[i].size() >= 2) ++i, ++n;
    if (n == 0) return "an extension letter must be followed by a subtag of 2 to 8 characters";
  }
  if (i < parts.size() && lower(parts[i]) == "x") {
    if (i + 1 == parts.size()) return "'x' must be followed by a private-use subtag";
    return {};
  }
  if (i < parts.size()) return "the part '" + std::string(parts[i]) + "' is not a script, region or variant";
  return {};
}

}  // namespace

std::string suggest_language_tag(std::string_view tag) {
  std::string t(tag);
  for (auto& c : t) {
    if (c == '_') c = '-';
  }
  // Trim spaces a spreadsheet may have left.
  while (!t.empty() && t.back() == ' ') t.pop_back();
  while (!t.empty() && t.front() == ' ') t.erase(0, 1);
  if (!shape_problem(t).empty()) return std::string(tag);
  auto parts = split(t);
  std::string out;
  bool privateuse = false;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string p(parts[i]);
    for (auto& c : p) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (p == "x") privateuse = true;
    if (i > 0 && !privateuse) {
      if (p.size() == 4 && alpha(p)) {
        p[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(p[0])));
      } else if (p.size() == 2 && alpha(p)) {
        for (auto& c : p) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
    }
    if (i > 0) out += '-';
    out += p;
  }
  return out;
}

Status check_language_tag(std::string_view tag) {
  const std::string problem = shape_problem(tag);
  if (problem.empty()) return {};
  std::string msg = "'" + std::string(tag) + "' is not a BCP 47 language tag: " + problem;
  if (tag.find('_') != std::string_view::npos) {
    msg = "'" + std::string(tag) + "' is not a BCP 47 language tag: parts are separated by '-', not '_'";
  }
  const std::string fix = suggest_language_tag(tag);
  if (fix != tag) msg += "; write '" + fix + "'";
  return Status(ErrorCode::kInvalidArgument, msg);
}

bool is_tmx_date(std::string_view d) {
  if (d.size() != 16 || d[8] != 'T' || d[15] != 'Z') return false;
  for (std::size_t i : {0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14}) {
    if (!std::isdigit(static_cast<unsigned char>(d[i]))) return false;
  }
  const auto num = [&](std::size_t at, std::size_t n) { return std::stoi(std::string(d.substr(at, n))); };
  const int year = num(0, 4), month = num(4, 2), day = num(6, 2);
  const int hour = num(9, 2), minute = num(11, 2), second = num(13, 2);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int days = kDays[static_cast<std::size_t>(month - 1)] + (month == 2 && leap ? 1 : 0);
  return day <= days;
}

std::string tmx_date_from_unix(std::int64_t seconds) {
  std::int64_t days = seconds / 86400;
  std::int64_t rem = seconds % 86400;
  if (rem < 0) rem += 86400, --days;
  // Civil date from a day count (proleptic Gregorian calendar).
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t y = yoe + era * 400;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04lld%02lld%02lldT%02lld%02lld%02lldZ", static_cast<long long>(y),
                static_cast<long long>(m), static_cast<long long>(d), static_cast<long long>(rem / 3600),
                static_cast<long long>(rem / 60 % 60), static_cast<long long>(rem % 60));
  return buf;
}

}  // namespace paralign
