// What a file name says about a document: its symbol, its language and its stem; and the stable hash --shard uses.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "paralign/batch.hpp"
#include "util/utf8.hpp"

namespace paralign {

namespace {

std::string lower(std::string_view s) { return utf8::ascii_lower(s); }

// The language a code names in a file or folder name. UN file names use CH for Chinese and SP for Spanish beside
// the ISO codes.
std::string language_code(std::string_view code) {
  const std::string c = lower(code);
  if (c == "zh" || c == "ch" || c == "cn") return "zh";
  if (c == "sp") return "es";
  if (c == "en" || c == "fr" || c == "es" || c == "ru" || c == "ar") return c;
  return "";
}

// A stem reads as a symbol when its parts (split at '_' or '-') open with a series of capital letters (A, S, E, ST,
// A_C.1 ...) and at least one part holds a digit. "N0443891" (a job number) is one part: not a symbol.
std::string symbol_from_stem(std::string_view stem) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : stem) {
    if (c == '_' || c == '-') {
      if (cur.empty()) return "";
      parts.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (cur.empty()) return "";
  parts.push_back(cur);
  if (parts.size() < 2) return "";
  const std::string& first = parts[0];
  if (first.size() > 6) return "";
  for (char c : first) {
    if (!std::isupper(static_cast<unsigned char>(c))) return "";
  }
  bool digit = false;
  for (const auto& p : parts) {
    for (char c : p) {
      const auto u = static_cast<unsigned char>(c);
      if (std::isdigit(u)) digit = true;
      if (!std::isalnum(u) && c != '.') return "";
    }
  }
  if (!digit) return "";
  std::string out = parts[0];
  for (std::size_t i = 1; i < parts.size(); ++i) out += "/" + parts[i];
  return out;
}

}  // namespace

NameInfo parse_document_name(std::string_view path) {
  namespace fs = std::filesystem;
  const fs::path p{std::string(path)};
  std::string stem = p.stem().string();
  NameInfo info;
  // A trailing language code: A_59_181-ZH, A-59-181_zh, water_report.en (the stem of water_report.en.txt).
  if (stem.size() > 3) {
    const char sep = stem[stem.size() - 3];
    if (sep == '-' || sep == '_' || sep == '.') {
      const std::string lang = language_code(std::string_view(stem).substr(stem.size() - 2));
      if (!lang.empty()) {
        info.language = lang;
        stem.resize(stem.size() - 3);
      }
    }
  }
  if (info.language.empty() && p.has_parent_path()) info.language = language_code(p.parent_path().filename().string());
  info.stem = stem;
  info.symbol = symbol_from_stem(stem);
  return info;
}

std::uint64_t group_hash(std::string_view key) {
  std::uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : key) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::size_t shard_of(std::string_view key, std::size_t count) {
  return count <= 1 ? 1 : static_cast<std::size_t>(group_hash(key) % count) + 1;
}

std::string key_file_name(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    const auto u = static_cast<unsigned char>(c);
    out += (std::isalnum(u) && u < 0x80) || c == '.' || c == '-' || c == '_' ? c : '_';
  }
  if (out.empty() || out[0] == '.') out.insert(out.begin(), '_');
  return out;
}

}  // namespace paralign
