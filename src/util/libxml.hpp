// Internal: keeps libxml2 from printing. libxml2 reports some errors (an output buffer that cannot be written, a
// parser without its own handler) through its generic error handler, which writes to standard error; the library
// never prints, so every entry point that uses libxml2 calls silence_libxml2() first and reports the error itself
// through a Status.
#pragma once

namespace paralign::xml {

/// Routes libxml2's generic and structured error handlers to a function that discards the message, for the calling
/// thread and for threads started afterwards. Cheap; call it before each use of libxml2. Thread-safe.
void silence_libxml2();

}  // namespace paralign::xml
