// Alignment groups: consecutive lines of the same kind of item, at the same depth, with no blank
// line or comment line between them, put their columns at the same display column (a Chinese
// character counts 2): metadata values, the `=` of lets, a param's type, `=`, default and label,
// a table column's type, flags and label, a link's `->`, a dict entry's value. Continuation lines
// of an item belong to it and do not end its group. The expression of `amount`/`fund` and of
// `violating`/`involved`/`evidence` starts where the longest keyword of its family would put it,
// so the clauses of a family read as one table (`fund   x` under `amount x`).
#pragma once

#include <array>
#include <vector>

#include "format/lines.h"

namespace fundguard::format {

// For each line, the display column (counted from the line's indentation) at which the tokens
// marked as starting cell 1, 2, 3 (SourceToken::cell) start; -1 where the line has no such cell
// or is not aligned. Index 0 is unused.
using CellColumns = std::array<int, 4>;

std::vector<CellColumns> alignCells(const std::vector<Line>& lines, const std::vector<SourceToken>& tokens);

// Display width of tokens [from, to) of a line laid out with natural spacing.
int naturalWidth(const Line& line, const std::vector<SourceToken>& tokens, size_t from, size_t to);

}  // namespace fundguard::format
