#include "paralign/status.hpp"

namespace paralign {

std::string Status::to_string() const {
  std::string out;
  if (!where_.file.empty()) {
    out += where_.file;
    if (where_.line > 0) out += ":" + std::to_string(where_.line);
    out += ": ";
  }
  out += message_.empty() ? std::string("error") : message_;
  return out;
}

}  // namespace paralign
