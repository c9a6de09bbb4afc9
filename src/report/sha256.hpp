// Internal to the report writers: SHA-256 (FIPS 180-4), for the Content-Security-Policy hashes of the HTML page's
// own inline style and script, so the page allows those two and nothing else inline.
#pragma once

#include <string>
#include <string_view>

namespace paralign::report {

/// The SHA-256 digest of `data`, base64-encoded (as CSP 'sha256-…' sources write it). Pure.
std::string sha256_base64(std::string_view data);

}  // namespace paralign::report
