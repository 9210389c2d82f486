// See utf8_chars.h.
#include "support/utf8_chars.h"

namespace fundguard {

size_t utf8Length(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string_view utf8Prefix(std::string_view text, int64_t chars) {
  size_t i = 0;
  for (int64_t k = 0; k < chars && i < text.size(); ++k) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return text.substr(0, i);
}

}  // namespace fundguard
