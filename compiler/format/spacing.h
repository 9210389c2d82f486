// The spaces between two tokens on one line, before any alignment: one around operators and
// keywords, none inside brackets, before `,` and `:`, around `.`, after a sign, or between a
// function's name and its `(`.
#pragma once

#include "syntax/source_tokens.h"

namespace fundguard::format {

// Items that share a line are set apart by two spaces, like a trailing comment.
inline constexpr int kItemSeparation = 2;

int spaceBetween(const SourceToken& before, const SourceToken& after);

}  // namespace fundguard::format
