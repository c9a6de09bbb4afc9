// The units `qa` and `terms extract` work on: a TSV or TMX memory read as it is, or each file read (any format the
// read stage knows), the first taken as the source, and the others aligned with it.
#include "cli/qa_inputs.hpp"

#include <utility>

#include "paralign/align.hpp"
#include "paralign/read.hpp"
#include "util/atomic_file.hpp"

namespace paralign::cli {

namespace {

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
  if (in) *described = pivot.symbol.empty() ? files.front() : pivot.symbol;
  return in;
}

}  // namespace

void add_unit_input_options(po::options_description& desc, po::positional_options_description& positional,
                            const MemoryInputHelp& help, const po::options_description& options) {
  add_common_options(desc);
  desc.add_options()("tmx", po::value<std::string>()->value_name("FILE"), help.tmx)(
      "tsv", po::value<std::string>()->value_name("FILE"), help.tsv);
  for (const auto& option : options.options()) desc.add(option);
  desc.add_options()("files", po::value<std::vector<std::string>>()->value_name("SRC TGT..."),
                     "the source and its translations")("force", "align documents even when their symbols differ")(
      "max-input-mb", po::value<std::size_t>()->value_name("N")->default_value(512), "refuse inputs larger than N MB");
  positional.add("files", -1);
}

std::vector<std::string> input_files(const po::variables_map& vm) {
  return vm.count("files") ? vm["files"].as<std::vector<std::string>>() : std::vector<std::string>{};
}

bool has_one_unit_source(const po::variables_map& vm) {
  return (vm.count("tmx") ? 1 : 0) + (vm.count("tsv") ? 1 : 0) + (input_files(vm).empty() ? 0 : 1) == 1;
}

Result<LoadedUnits> load_units(const po::variables_map& vm) {
  LoadedUnits loaded;
  auto in = [&]() -> Result<QaInput> {
    if (vm.count("tsv")) {
      loaded.described = vm["tsv"].as<std::string>();
      loaded.paths.push_back(loaded.described);
      auto text = read_file(loaded.described, std::size_t{1} << 30);
      if (!text) return text.status();
      return qa_input_from_tsv(*text, loaded.described);
    }
    if (vm.count("tmx")) {
      loaded.described = vm["tmx"].as<std::string>();
      loaded.paths.push_back(loaded.described);
      return qa_input_from_tmx(loaded.described);
    }
    loaded.paths = input_files(vm);
    return qa_input_from_files(loaded.paths, vm, &loaded.described);
  }();
  if (!in) return in.status();
  loaded.input = std::move(*in);
  return loaded;
}

}  // namespace paralign::cli
