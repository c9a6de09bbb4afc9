// Internal to the TMX stage: what each memory writer (TMX, TSV, JSON) implements behind MemoryWriter.
#pragma once

#include <cstddef>

#include "paralign/tmx.hpp"

namespace paralign {

struct MemoryWriter::Impl {
  virtual ~Impl() = default;
  virtual Status add(const TranslationUnit& unit) = 0;
  virtual Status finish() = 0;

  CleanupCounts counts;   // characters removed or replaced so far
  std::size_t units = 0;  // units written so far
};

}  // namespace paralign
