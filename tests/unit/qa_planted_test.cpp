// The defect-planting harness: correct zh–en pairs get one defect each (a digit changed, a month changed, a symbol
// altered, a glossary term replaced by a wrong rendering, a paragraph deleted, a sentence left in Chinese) and the
// QA checks must find at least 95% of each kind, while the clean pairs raise nothing in those families. Runs on the
// repository's own pairs (tests/fixtures/qa/un-pairs.tsv) always, and on the shared UN development set when present.
// docs/qa-checks.md records the figures.
#include <algorithm>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <regex>

#include "paralign/qa.hpp"
#include "test_support.hpp"
#include "util/atomic_file.hpp"

namespace paralign {
namespace {

// A planter changes the target of unit `u` (or the memory around it); nullopt when the defect does not apply there.
using Planter = std::function<std::optional<QaInput>(const QaInput&, std::size_t)>;

struct Kind {
  const char* name;
  Planter plant;
  std::vector<std::string> families;  // a finding of one of these on the unit (or anywhere, for paragraphs) detects it
  bool anywhere = false;
};

std::string& target(QaInput& in, std::size_t u) { return in.units[u].sides[1].text; }

// The byte offset where the text proper starts: after a "12. " paragraph label.
std::size_t body_start(const std::string& t) {
  std::smatch m;
  static const std::regex label(R"(^\d{1,3}\. )");
  return std::regex_search(t, m, label) ? m.length(0) : 0;
}

std::optional<QaInput> change_digit(const QaInput& in, std::size_t u) {
  QaInput out = in;
  std::string& t = target(out, u);
  for (std::size_t i = body_start(t); i < t.size(); ++i) {
    if (t[i] >= '0' && t[i] <= '9') {
      // A digit inside a symbol or resolution number (after '/') is the "symbol altered" kind, not this one.
      if (i > 0 && (t[i - 1] == '/' || t[i - 1] == '.')) continue;
      t[i] = t[i] == '9' ? '8' : static_cast<char>(t[i] + 1);
      return out;
    }
  }
  return std::nullopt;
}

std::optional<QaInput> change_month(const QaInput& in, std::size_t u) {
  static const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};
  QaInput out = in;
  std::string& t = target(out, u);
  for (int m = 0; m < 12; ++m) {
    std::regex re(std::string("\\b") + kMonths[m] + " \\d{4}\\b");
    std::smatch sm;
    if (std::regex_search(t, sm, re)) {
      t.replace(sm.position(0), std::strlen(kMonths[m]), kMonths[(m + 1) % 12]);
      return out;
    }
  }
  return std::nullopt;
}

std::optional<QaInput> alter_symbol(const QaInput& in, std::size_t u) {
  QaInput out = in;
  std::string& t = target(out, u);
  static const std::regex re(R"((\b[A-Z]/(?:[A-Z0-9.]+/)*|\b)(\d+)/(\d+)|(\b\d{3,4}) \((\d{4})\))");
  std::smatch sm;
  if (!std::regex_search(t, sm, re)) return std::nullopt;
  // Change the last digit of the matched reference.
  std::size_t end = sm.position(0) + sm.length(0);
  for (std::size_t i = end; i-- > static_cast<std::size_t>(sm.position(0));) {
    if (t[i] >= '0' && t[i] <= '9') {
      t[i] = t[i] == '9' ? '8' : static_cast<char>(t[i] + 1);
      return out;
    }
  }
  return std::nullopt;
}

std::optional<QaInput> wrong_term(const QaInput& in, std::size_t u) {
  // Approved renderings of the sample glossary and wrong ones a translator might write.
  static const std::pair<const char*, const char*> kWrong[] = {
      {"end-user certificate", "end-use certificate"}, {"Programme of Action", "Program of Action"},
      {"brokering", "arms dealing"},                  {"Brokers", "Middlemen"},
      {"Member States", "member countries"},           {"small arms and light weapons", "small arms and light arms"},
      {"Secretary-General", "Secretary General"},     {"Capacity-building", "Capacity development"},
      {"Group of Governmental Experts", "Panel of Government Experts"},
      {"Non-governmental organizations", "Civil society groups"}, {"arms embargoes", "weapons bans"},
  };
  QaInput out = in;
  std::string& t = target(out, u);
  for (const auto& [good, bad] : kWrong) {
    if (auto p = t.find(good); p != std::string::npos) {
      t.replace(p, std::strlen(good), bad);
      return out;
    }
  }
  return std::nullopt;
}

std::optional<QaInput> delete_paragraph(const QaInput& in, std::size_t u) {
  if (in.units[u].sides[1].paragraph.empty()) return std::nullopt;
  QaInput out = in;
  // The translation lost the paragraph: every later target moves up one unit.
  for (std::size_t i = u; i + 1 < out.units.size(); ++i) out.units[i].sides[1] = out.units[i + 1].sides[1];
  out.units.back().sides[1] = QaSide{};
  return out;
}

std::optional<QaInput> leave_in_chinese(const QaInput& in, std::size_t u) {
  QaInput out = in;
  target(out, u) = in.units[u].sides[0].text;
  return out;
}

const std::vector<Kind>& kinds() {
  static const std::vector<Kind> k = {
      {"digit changed", change_digit, {"number", "date", "reference"}},
      {"month changed", change_month, {"date", "number"}},
      {"symbol altered", alter_symbol, {"reference"}},
      {"glossary term replaced", wrong_term, {"term"}},
      {"paragraph deleted", delete_paragraph, {"structure"}, true},
      {"sentence left in Chinese", leave_in_chinese, {"form"}},
  };
  return k;
}

bool detected(const QaResult& r, const Kind& k, std::size_t u) {
  for (const Finding& f : r.findings) {
    if (!k.anywhere && f.unit != u) continue;
    for (const std::string& fam : k.families)
      if (f.check.rfind(fam + ".", 0) == 0) return true;
  }
  return false;
}

bool has_number_reader(const QaChecker& qa) {
  QaInput probe;
  probe.languages = {"zh", "en"};
  probe.units.push_back(QaUnit{{{"六十二"}, {"62"}}});
  QaResult r = qa.check(probe);
  return std::none_of(r.notes.begin(), r.notes.end(), [](const std::string& n) { return n.find("number") != std::string::npos; });
}

// Plants each kind into each unit where it applies and returns (planted, detected) per kind.
// With `one_unit`, each trial checks the planted unit alone (fast on thousands of pairs; memory-wide kinds skipped).
void run_harness(const QaChecker& qa, const QaInput& clean, std::size_t max_per_kind, double min_rate,
                 bool numbers, const char* label, bool one_unit) {
  QaResult base = qa.check(clean);
  for (const Kind& k : kinds()) {
    bool needs_numbers = k.families.front() == "number" || k.families.front() == "date" || k.families.front() == "reference";
    if (needs_numbers && !numbers) {
      std::cout << label << ": " << k.name << ": skipped (no number reader in this build)\n";
      continue;
    }
    if (one_unit && k.anywhere) continue;
    std::size_t planted = 0, found = 0;
    std::vector<std::string> missed;
    for (std::size_t u = 0; u < clean.units.size() && planted < max_per_kind; ++u) {
      if (detected(base, k, u) && !k.anywhere) continue;  // the unit already has such a finding: not a fair trial
      std::optional<QaInput> bad;
      std::size_t at = u;
      if (one_unit) {
        QaInput single;
        single.languages = clean.languages;
        single.units.push_back(clean.units[u]);
        bad = k.plant(single, 0);
        at = 0;
      } else {
        bad = k.plant(clean, u);
      }
      if (!bad) continue;
      ++planted;
      if (detected(qa.check(*bad), k, at)) ++found;
      else if (missed.size() < 5) missed.push_back(bad->units[at].sides[1].text);
    }
    double rate = planted ? static_cast<double>(found) / planted : 1.0;
    std::cout << label << ": " << k.name << ": " << found << " of " << planted << " found\n";
    for (const std::string& m : missed) std::cout << "  missed: " << m << '\n';
    EXPECT_GT(planted, 0u) << k.name;
    EXPECT_GE(rate, min_rate) << label << ": " << k.name;
  }
}

QaChecker make_checker() {
  QaOptions opts;
  opts.spelling = false;
  opts.consistency = false;
  opts.glossary_path = testing::source_dir() + "/corpora/data/glossary/un-sample.csv";
  auto qa = QaChecker::create(opts);
  EXPECT_TRUE(qa.ok()) << qa.status().to_string();
  return std::move(*qa);
}

TEST(QaPlanted, RepositoryPairsCleanThenEachDefectFound) {
  QaChecker qa = make_checker();
  auto text = read_file(testing::source_dir() + "/tests/fixtures/qa/un-pairs.tsv", 1 << 20);
  ASSERT_TRUE(text.ok());
  auto clean = qa_input_from_tsv(*text, "un-pairs.tsv");
  ASSERT_TRUE(clean.ok()) << clean.status().to_string();
  ASSERT_EQ(clean->units.size(), 16u);
  const bool numbers = has_number_reader(qa);
  // The clean pairs are correct translations: nothing in any family.
  QaResult base = qa.check(*clean);
  for (const Finding& f : base.findings) ADD_FAILURE() << "clean pair " << f.unit << ": " << f.check << ": " << f.message;
  run_harness(qa, *clean, 100, 0.95, numbers, "repository pairs", false);
}

TEST(QaPlanted, DevsetDefectsFound) {
  PARALIGN_REQUIRE_SHARED_CORPORA();
  QaChecker qa = make_checker();
  if (!has_number_reader(qa)) GTEST_SKIP() << "no number reader in this build";
  const std::string dir = testing::shared_corpora_dir() + "/unpc-devset/UNv1.0.devset.";
  std::ifstream zh(dir + "zh"), en(dir + "en");
  QaInput in;
  in.languages = {"zh", "en"};
  for (std::string a, b; std::getline(zh, a) && std::getline(en, b);) in.units.push_back(QaUnit{{{a}, {b}}});
  run_harness(qa, in, 300, 0.95, true, "devset", true);
}

}  // namespace
}  // namespace paralign
