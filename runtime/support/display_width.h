// How many terminal columns UTF-8 text takes, so reports with Chinese headings line up: East
// Asian wide and full-width characters take two columns, everything else one. The runtime keeps
// its own small table rather than depend on the compiler's diagnostics code.
#pragma once

#include <string>
#include <string_view>

namespace fundguard {

// Terminal columns of the text. Control characters count 0; a byte that is not valid UTF-8
// counts 1 (a terminal shows it as one replacement character).
int terminalWidth(std::string_view text);

// The text padded with spaces to at least `width` columns, on the right (left-aligned) or on
// the left (right-aligned). Text already wider is returned unchanged, never cut.
std::string padRight(std::string_view text, int width);
std::string padLeft(std::string_view text, int width);

}  // namespace fundguard
