// The rule-set hash: one SHA-256 that says exactly which rule sources produced a run, whatever
// order the files were named in on the command line.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace fundguard {

// SHA-256 (64 lower-case hex digits) over the files sorted by path (byte order), each fed as
//   path bytes, one NUL byte, the content length as 8 bytes big-endian, the content bytes.
// The NUL ends the path (paths hold no NUL) and the fixed-width length ends the content, so no
// two different sets of (path, contents) feed the same bytes. Paths are hashed as given: the
// caller names them the same way each run (e.g. relative to the rule library root).
std::string ruleSetHash(std::vector<std::pair<std::string, std::string>> files);

}  // namespace fundguard
