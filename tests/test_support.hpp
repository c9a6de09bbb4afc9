// Shared by the tests: where the repository and the shared corpora are, and small file helpers.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace paralign::testing {

/// The repository's root (tests run from there).
std::string source_dir();
/// `../shared/corpora` beside the repository, or "" when absent (override with PARALIGN_SHARED_CORPORA).
std::string shared_corpora_dir();
/// Reads a whole file; fails the test when it cannot.
std::string slurp(const std::string& path);
/// A fresh empty temporary folder for this test.
std::string temp_dir();

struct CliResult {
  int status = 0;
  std::string out;
  std::string err;
};
/// Calls cli::run with `args` (without the program name).
CliResult run_cli(const std::vector<std::string>& args);

}  // namespace paralign::testing

/// Skips the current test, with a message, when ../shared/corpora is not there.
#define PARALIGN_REQUIRE_SHARED_CORPORA()                                                        \
  do {                                                                                           \
    if (::paralign::testing::shared_corpora_dir().empty())                                       \
      GTEST_SKIP() << "../shared/corpora is absent: this test needs the shared corpora, skipped"; \
  } while (0)
