// The QA writers: JSON fields and counts, HTML escaping and highlighting, CSV quoting and formula guarding.
#include "paralign/qa.hpp"
#include "paralign/report.hpp"
#include "report/sha256.hpp"
#include "test_support.hpp"

namespace paralign {
namespace {

std::string report_hash_for_test(const std::string& s) { return report::sha256_base64(s); }

QaInput sample() {
  QaInput in;
  in.languages = {"zh", "en"};
  QaUnit u;
  u.sides = {{"秘书长收到了<script>alert(1)</script>答复。"}, {"=HYPERLINK(\"http://x\") 秘书长收到了答复"}};
  u.paragraph = "12";
  u.symbol = "A/59/181";
  u.id = "tu-7";
  in.units.push_back(u);
  return in;
}

QaResult run(const QaInput& in) {
  QaOptions opts;
  opts.spelling = false;
  auto c = QaChecker::create(opts);
  EXPECT_TRUE(c.ok());
  return c->check(in);
}

TEST(QaReport, JsonHasFindingsSpansAndSummary) {
  QaInput in = sample();
  QaResult r = run(in);
  ASSERT_FALSE(r.findings.empty());
  std::string j = qa_to_json(r, in);
  for (const char* needle : {"\"check\": \"form.untranslated\"", "\"severity\": \"error\"", "\"unit\": 0",
                             "\"paragraph\": \"12\"", "\"symbol\": \"A/59/181\"", "\"id\": \"tu-7\"",
                             "\"text\": \"秘书长收到了答复\"", "\"by_check\": {", "\"form.untranslated\": 1",
                             "\"key\": \"form.untranslated:"}) {
    EXPECT_NE(j.find(needle), std::string::npos) << needle << "\n" << j;
  }
}

TEST(QaReport, HtmlEscapesDocumentTextAndForbidsTheNetwork) {
  QaInput in = sample();
  QaResult r = run(in);
  HtmlReportOptions o;
  o.title = "QA <A/59/181>";
  std::string h = qa_to_html(r, in, o);
  EXPECT_EQ(h.find("<script>alert"), std::string::npos);
  EXPECT_NE(h.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(h.find("<title>QA &lt;A/59/181&gt;</title>"), std::string::npos);
  EXPECT_NE(h.find("Content-Security-Policy"), std::string::npos);
  EXPECT_NE(h.find("default-src 'none'"), std::string::npos);
  EXPECT_NE(h.find("<mark>秘书长收到了答复</mark>"), std::string::npos);
  EXPECT_NE(h.find("data-check=\"form.untranslated\""), std::string::npos);
  EXPECT_NE(h.find("¶12"), std::string::npos);
  EXPECT_EQ(h.find("http://x\">"), std::string::npos);
  // Exactly one script element: ours.
  std::size_t scripts = 0;
  for (std::size_t p = 0; (p = h.find("<script", p)) != std::string::npos; ++p) ++scripts;
  EXPECT_EQ(scripts, 1u);
}

// The policy names the page's own style and script by their SHA-256: nothing else inline may run, even if some text
// escaped the escaping. The hashes are checked against the elements' exact content.
TEST(QaReport, HtmlPolicyAllowsOnlyThePagesOwnScriptAndStyle) {
  QaInput in = sample();
  std::string h = qa_to_html(run(in), in);
  EXPECT_EQ(h.find("unsafe-inline"), std::string::npos);
  // Nothing to load: no element names a source or a link.
  EXPECT_EQ(h.find(" src="), std::string::npos);
  EXPECT_EQ(h.find(" href="), std::string::npos);
  auto content = [&](const std::string& tag) {
    std::size_t a = h.find("<" + tag + ">"), b = h.find("</" + tag + ">");
    EXPECT_NE(a, std::string::npos);
    EXPECT_NE(b, std::string::npos);
    return h.substr(a + tag.size() + 2, b - a - tag.size() - 2);
  };
  const std::string script = content("script"), style = content("style");
  EXPECT_NE(script.find("paralignFilter"), std::string::npos);
  EXPECT_NE(h.find("script-src 'sha256-" + report_hash_for_test(script) + "'"), std::string::npos);
  EXPECT_NE(h.find("style-src 'sha256-" + report_hash_for_test(style) + "'"), std::string::npos);
}

// SHA-256 test vectors (FIPS 180-4 examples), base64 as CSP writes them.
TEST(QaReport, Sha256MatchesTheStandardVectors) {
  EXPECT_EQ(report_hash_for_test("abc"), "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
  EXPECT_EQ(report_hash_for_test(""), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  EXPECT_EQ(report_hash_for_test("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE=");
}

TEST(QaReport, CsvQuotesAndGuardsFormulas) {
  QaInput in = sample();
  QaResult r = run(in);
  std::string c = qa_to_csv(r, in);
  EXPECT_EQ(c.rfind("unit,id,paragraph,check,severity,language,message,source,target,key\r\n", 0), 0u);
  EXPECT_NE(c.find("\"'=HYPERLINK(\"\"http://x\"\") 秘书长收到了答复\""), std::string::npos) << c;
  EXPECT_NE(c.find("0,\"tu-7\",\"12\",\"form.untranslated\",error,\"en\""), std::string::npos) << c;
}

TEST(QaReport, ConsoleSummaryCountsByCheck) {
  QaInput in = sample();
  std::string s = qa_summary_text(run(in));
  EXPECT_NE(s.find("1 units checked (zh, en): 2 errors"), std::string::npos) << s;
  EXPECT_NE(s.find("form.untranslated"), std::string::npos);
}

}  // namespace
}  // namespace paralign
