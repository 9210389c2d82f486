// The values of module-level declarations, checked on first use (or at the end of the
// declaration pass): the body of a define and the items of a named list. Checking on demand
// lets declarations refer to each other in any order and across modules; the state machine
// turns a cycle into an error instead of endless recursion.
#include <fmt/format.h>

#include "sema/expr_checker.h"

namespace fundguard {

void checkDefineBody(Program& program, DefineInfo& define, DiagnosticSink& diags) {
  if (define.state == DefineInfo::State::Checked) return;
  if (define.state == DefineInfo::State::Checking) {
    if (!define.recursionReported)
      diags.report(DiagCode::FG3005, define.span, fmt::format("`{}` calls itself", define.name),
                   "a define cannot call itself, directly or through another define");
    define.recursionReported = true;
    define.result = Type::error();
    return;
  }
  define.state = DefineInfo::State::Checking;
  LocalScope params;
  for (const auto& [name, type] : define.params) {
    Binding b;
    b.kind = Binding::Kind::DefineParam;
    b.name = name;
    b.type = type;
    params.add(b);
  }
  ExprChecker checker(program, *define.module, diags, params, nullptr);
  Type body = checker.check(*define.decl->body);
  if (define.resultDeclared) {
    if (!checker.assignable(body, define.result, define.decl->body.get()))
      diags.report(DiagCode::FG3001, define.decl->body->span,
                   fmt::format("`{}` is declared to give {}, but its body gives {}", define.name, define.result.str(),
                               body.str()),
                   "");
    define.result = define.result.withNullable(body.nullable());
  } else {
    define.result = body;
  }
  define.state = DefineInfo::State::Checked;
}

void checkListValue(Program& program, ListInfo& list, DiagnosticSink& diags) {
  if (list.state == ListInfo::State::Checked) return;
  if (list.state == ListInfo::State::Checking) {
    diags.report(DiagCode::FG3005, list.span, fmt::format("list `{}` is made from itself", list.name),
                 "a list cannot contain itself, directly or through another list");
    list.type = Type::error();
    return;
  }
  list.state = ListInfo::State::Checking;
  LocalScope none;
  ExprChecker checker(program, *list.module, diags, none, nullptr);
  Type t = checker.check(*list.decl->value);
  if (!t.isError() && t.kind() != TypeKind::List) {
    diags.report(DiagCode::FG3006, list.decl->value->span,
                 fmt::format("list `{}` must be a list of values in [ ], not {}", list.name, t.str()),
                 "write `list NAME = [\"A01\", \"B02\"]`");
    t = Type::error();
  }
  if (list.state == ListInfo::State::Checking) list.type = t;  // unless a cycle was found inside
  list.state = ListInfo::State::Checked;
}

}  // namespace fundguard
