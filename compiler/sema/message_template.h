// Checking a rule's message template: `message "患者 {s.psn_no} 于 {p.enddate} 出院后 {gap} 天"`.
#pragma once

#include "sema/expr_checker.h"

namespace fundguard {

// Reports unbalanced braces, holes that are not names or dotted paths, unknown names and
// values that cannot be printed (FG4009, FG1010, FG1011).
void checkMessageTemplate(const ast::MessageClause& message, ExprChecker& checker, DiagnosticSink& diags);

}  // namespace fundguard
