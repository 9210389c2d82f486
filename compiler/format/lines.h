// The formatter's view of a file: its tokens cut into lines, each line knowing what it is (the
// start of an item, a continuation of one, a closing `}`, a comment) and where its tokens stood.
// Built once from the input (splitLines); the layout (layout.h) then fills in where they go.
#pragma once

#include <cstddef>
#include <vector>

#include "syntax/source_tokens.h"

namespace fundguard::format {

enum class LineKind {
  Item,          // starts with the first token of an item (a declaration, a clause, a column, ...)
  Continuation,  // the rest of an item that started on an earlier line
  Close,         // starts with `}`
  Comment,       // a comment alone on its line
};

struct Line {
  std::vector<size_t> tokens;      // code and comment tokens (no whitespace), in order
  std::vector<int> sourceColumns;  // display column of each in the input (a Chinese character is 2)
  int blankLinesBefore = 0;        // empty lines between this line and the one before, in the input
  LineKind kind = LineKind::Item;
  int depth = 0;                 // `{` open at the start of the line
  size_t itemLine = 0;           // the line on which the item this line belongs to starts
  bool trailingComment = false;  // the last token is a comment after code

  size_t codeCount() const { return trailingComment ? tokens.size() - 1 : tokens.size(); }
};

// Tab stops in the input, for the columns of lines indented with tabs.
inline constexpr int kTabWidth = 4;

std::vector<Line> splitLines(const std::vector<SourceToken>& tokens);

// Whether a line holds exactly one item and starts with it (a candidate for alignment).
bool singleItemLine(const Line& line, const std::vector<SourceToken>& tokens);

}  // namespace fundguard::format
