// The units `qa` and `terms extract` work on when they are given documents rather than a memory: each file read
// (any format the read stage knows), the first taken as the source, and the others aligned with it.
#include "cli/qa_inputs.hpp"

#include <utility>

#include "paralign/align.hpp"
#include "paralign/read.hpp"

namespace paralign::cli {

void add_document_input_options(po::options_description& desc) {
  desc.add_options()("force", "align documents even when their symbols differ")(
      "max-input-mb", po::value<std::size_t>()->value_name("N")->default_value(512), "refuse inputs larger than N MB");
}

Result<QaInput> qa_input_from_files(const std::vector<std::string>& files, const po::variables_map& vm,
                                    std::string* described) {
  const std::size_t max_mb = vm["max-input-mb"].as<std::size_t>();
  if (max_mb == 0 || max_mb > (std::size_t{1} << 20)) {
    return Status(ErrorCode::kInvalidArgument, "--max-input-mb must be between 1 and 1048576");
  }
  ReadOptions read;
  read.max_input_bytes = max_mb << 20;
  std::vector<Document> docs;
  for (const std::string& f : files) {
    auto d = read_document(f, read);
    if (!d) return d.status();
    docs.push_back(std::move(*d));
  }
  Document pivot = std::move(docs.front());
  docs.erase(docs.begin());
  AlignOptions aopts;
  aopts.force = vm.count("force") > 0;
  auto in = qa_input_from_documents(pivot, docs, aopts);
  if (in && described != nullptr) *described = pivot.symbol.empty() ? files.front() : pivot.symbol;
  return in;
}

}  // namespace paralign::cli
