// The part every memory writer shares: the calls forward to the format's Impl, which keeps the counts.
#include <utility>

#include "tmx/writer_impl.hpp"

namespace paralign {

MemoryWriter::MemoryWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
MemoryWriter::~MemoryWriter() = default;

Status MemoryWriter::add(const TranslationUnit& unit) { return impl_->add(unit); }
Status MemoryWriter::finish() { return impl_->finish(); }
std::size_t MemoryWriter::units_written() const { return impl_->units; }
const CleanupCounts& MemoryWriter::cleanup() const { return impl_->counts; }

}  // namespace paralign
