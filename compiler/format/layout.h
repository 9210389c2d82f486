// The canonical layout of a file, given its tokens (with comments and whitespace) as
// readSourceTokens annotates them. Line breaks are the author's; everything else is decided here:
//   - an item (declaration, clause, column, dict entry, test step) starts 2 spaces per open `{`;
//     a `}` that starts a line lines up with the line that opened its block;
//   - a continuation line keeps its place relative to the token above it that it stood under
//     (an `and` under `when`, an `else` under `if`), following that token when it moves;
//   - spacing within a line as spacing.h says, columns aligned as alignment.h says;
//   - a comment alone on its line takes the indentation of the line it comments; a trailing
//     comment stands two spaces after the code, or in one column with the trailing comments of
//     the lines next to it that were in one column already;
//   - at most one blank line in a row, none at the start of the file, after `{` or before `}`;
//     no trailing spaces; LF line ends; one newline at the end.
#pragma once

#include <string>
#include <vector>

#include "syntax/source_tokens.h"

namespace fundguard::format {

std::string layOut(const std::vector<SourceToken>& tokens);

}  // namespace fundguard::format
