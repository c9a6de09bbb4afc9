#include "util/libxml.hpp"

#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <mutex>

namespace paralign::xml {

namespace {

void discard_generic(void* /*ctx*/, const char* /*fmt*/, ...) {}
void discard_structured(void* /*ctx*/, xmlErrorPtr /*error*/) {}

}  // namespace

void silence_libxml2() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    // Defaults for threads libxml2 sets up later (its handlers are per thread).
    xmlThrDefSetGenericErrorFunc(nullptr, &discard_generic);
    xmlThrDefSetStructuredErrorFunc(nullptr, &discard_structured);
  });
  // This thread's handlers, which may have been set up before the defaults changed.
  xmlSetGenericErrorFunc(nullptr, &discard_generic);
  xmlSetStructuredErrorFunc(nullptr, &discard_structured);
}

}  // namespace paralign::xml
