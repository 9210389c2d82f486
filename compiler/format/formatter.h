// `fundguard fmt`'s engine: a rule file in its one canonical layout (layout.h), comments kept,
// meaning untouched. Sits beside the checker in the compiler layer: it reads the same syntax
// (compiler/syntax) but produces text, not an AST.
//
// Safety: a file with syntax errors is not formatted (the errors are reported instead), and the
// result is lexed again and must have exactly the tokens of the input, comments included, in the
// same order; whitespace is all that may change. Anything else is an internal error and the
// caller must leave the file as it is.
#pragma once

#include <string>
#include <string_view>

#include "diag/diagnostic.h"

namespace fundguard {

struct FormatResult {
  enum class Status {
    Formatted,      // `text` is the file in the canonical layout (perhaps the same as before)
    SyntaxErrors,   // reported to the DiagnosticSink; nothing to write
    InternalError,  // the formatter went wrong; `problem` says how; nothing to write
  };
  Status status = Status::Formatted;
  std::string text;
  std::string problem;
};

// Formats file `fileId` of `sources`; syntax errors and warnings go to `diags`.
FormatResult formatFile(const SourceManager& sources, uint32_t fileId, DiagnosticSink& diags);

// Empty when `after` has the tokens of `before`, whitespace aside (and the spaces that end a
// comment); otherwise what differs first, with its line in each text.
std::string compareTokens(std::string_view before, std::string_view after);

}  // namespace fundguard
