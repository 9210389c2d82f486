// docs/rules.md, made from the rules themselves: for every rule its title, basis (document,
// article and quoted text), further sources, 附表2 category, kind, severity, scope, effective
// dates, the logic in words (the comment block that opens the rule's file), the condition,
// amount and fund as written, the parameters with types, defaults and meaning, the message
// template and the number of tests; a table from each catalogue row (CH-01, ..., the part of the
// id before a variant suffix) to its rules; and the self-evaluation, carried over between the
// markers that scripts/evaluate fills in.
#pragma once

#include <string>
#include <vector>

#include "driver/check.h"

namespace fundguard::cli {

inline constexpr const char* kEvaluationBegin = "<!-- evaluation:begin -->";
inline constexpr const char* kEvaluationEnd = "<!-- evaluation:end -->";

// The Markdown page for the requested rules of `checked`. `evaluation` is the text to put
// between the evaluation markers (kept from the previous page); `command` the command line that
// makes the page, quoted at its top.
std::string rulesMarkdown(const CheckResult& checked, const std::string& evaluation, const std::string& command);

// The text between the evaluation markers of a page, or empty when it has none.
std::string evaluationSection(const std::string& page);

}  // namespace fundguard::cli
