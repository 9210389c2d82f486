// Characters (code points) of UTF-8 text, for the built-ins len() and prefix(): both engines
// count and cut text the same way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace fundguard {

// How many characters the text has (continuation bytes are not counted).
size_t utf8Length(std::string_view text);
// The first `chars` characters of the text (all of it when it is shorter).
std::string_view utf8Prefix(std::string_view text, int64_t chars);

}  // namespace fundguard
