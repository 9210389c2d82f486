// See display_width.h.
#include "support/display_width.h"

#include <cstdint>

namespace fundguard {

namespace {

// The wide ranges of Unicode's East Asian Width property (W and F) that occur in practice in
// settlement data and reports: Hangul Jamo, CJK radicals and punctuation, kana, CJK ideographs
// (with extensions), Yi, Hangul syllables, compatibility ideographs, vertical and small forms,
// full-width forms, and the supplementary ideographic planes.
bool wide(char32_t cp) {
  static const struct {
    char32_t first, last;
  } kWide[] = {{0x1100, 0x115F}, {0x2E80, 0x303E}, {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},
               {0xA000, 0xA4CF}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},
               {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x20000, 0x3FFFD}};
  for (const auto& r : kWide)
    if (cp >= r.first && cp <= r.last) return true;
  return false;
}

// Decodes the code point at text[i] and advances i; an invalid byte is returned as U+FFFD and
// skipped alone, so a damaged string still has a width.
char32_t next(std::string_view text, size_t& i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char b0 = b(i);
  size_t n = b0 < 0x80 ? 1 : (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : (b0 & 0xF8) == 0xF0 ? 4 : 0;
  if (n == 0 || i + n > text.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = n == 1 ? b0 : n == 2 ? (b0 & 0x1F) : n == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  i += n;
  return cp;
}

}  // namespace

int terminalWidth(std::string_view text) {
  int width = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = next(text, i);
    if (cp < 0x20 || cp == 0x7F) continue;
    width += wide(cp) ? 2 : 1;
  }
  return width;
}

std::string padRight(std::string_view text, int width) {
  std::string out(text);
  int have = terminalWidth(text);
  if (have < width) out.append(static_cast<size_t>(width - have), ' ');
  return out;
}

std::string padLeft(std::string_view text, int width) {
  int have = terminalWidth(text);
  std::string out;
  if (have < width) out.assign(static_cast<size_t>(width - have), ' ');
  out.append(text);
  return out;
}

}  // namespace fundguard
