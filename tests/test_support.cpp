#include "test_support.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "cli/cli.hpp"

namespace paralign::testing {

namespace fs = std::filesystem;

std::string source_dir() { return PARALIGN_SOURCE_DIR; }

std::string shared_corpora_dir() {
  if (const char* env = std::getenv("PARALIGN_SHARED_CORPORA")) {
    return fs::is_directory(env) ? std::string(env) : std::string();
  }
  const fs::path p = fs::path(source_dir()).parent_path() / "shared" / "corpora";
  return fs::is_directory(p) ? p.string() : std::string();
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string temp_dir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = info ? std::string(info->test_suite_name()) + "." + info->name() : "paralign";
  for (auto& c : name) {
    if (c == '/') c = '_';
  }
  std::random_device rd;
  const fs::path p = fs::temp_directory_path() / ("paralign-test-" + name + "-" + std::to_string(rd()));
  fs::remove_all(p);
  fs::create_directories(p);
  return p.string();
}

CliResult run_cli(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  CliResult r;
  r.status = cli::run(args, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

}  // namespace paralign::testing
