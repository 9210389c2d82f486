// See rule_checker.h. The clauses of a rule may come in any order, with two exceptions that
// follow from meaning: a `let` sees only what is above it, and a `for each` element is known
// below its `for each`. `when`, `amount`, `fund`, `message` and the rest see every name.
#include "sema/rule_checker.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "data/scalar_values.h"
#include "sema/declarations.h"
#include "sema/message_template.h"
#include "sema/rule_metadata.h"
#include "sema/test_checker.h"

namespace fundguard {

using namespace ast;

namespace {

bool validRuleId(const std::string& id) {
  // Letters and digits in parts joined by '-', starting with an upper-case letter: CH-01, IP-01-b.
  if (id.empty() || !(id[0] >= 'A' && id[0] <= 'Z')) return false;
  bool sawDash = false;
  char prev = 0;
  for (char c : id) {
    bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c == '-') {
      if (prev == '-' || prev == 0) return false;
      sawDash = true;
    } else if (!alnum) {
      return false;
    }
    prev = c;
  }
  return sawDash && prev != '-';
}

}  // namespace

CheckedRule RuleChecker::check(const RuleDecl& rule) {
  CheckedRule out;
  out.decl = &rule;
  out.module = &module_;
  size_t errorsBefore = diags_.errorCount();
  checkId(rule);
  out.meta = readMetadata(rule, diags_);
  RuleFacts facts;
  LocalScope locals;
  bool scopeOk = checkScope(rule, out, facts);
  checkRequiredClauses(rule);
  if (scopeOk) scopeOk = bindScopeNames(rule, out.scope, locals);
  checkParams(rule, out, locals);
  if (scopeOk) checkBody(rule, locals, facts, out.logic);
  TestChecker tests(program_, module_, diags_);
  for (const auto& clause : rule.clauses)
    if (auto* t = std::get_if<TestClause>(&clause.body)) {
      tests.check(*t, clause.span, out);
      ++out.testCount;
    }
  out.ok = diags_.errorCount() == errorsBefore;
  return out;
}

void RuleChecker::checkId(const RuleDecl& rule) {
  if (rule.id.empty()) {
    if (rule.idSpan.valid())
      diags_.report(DiagCode::FG4008, rule.idSpan, "the rule id is empty",
                    "write the catalogue id: rule \"CH-01\" \"超标准收费\"");
    return;
  }
  if (!validRuleId(rule.id))
    diags_.report(DiagCode::FG4008, rule.idSpan, fmt::format("\"{}\" is not a rule id", rule.id),
                  "a rule id is letters and digits joined by `-`, starting with a capital: \"CH-01\", \"IP-01-b\"");
}

// The clauses every rule needs, looked for in the text itself: reported even when the scope is
// missing or wrong, so that one run lists everything the rule lacks.
void RuleChecker::checkRequiredClauses(const RuleDecl& rule) {
  if (rule.syntaxErrors) return;  // what looks missing may be in the part that did not parse
  std::set<ExprClauseKind> present;
  bool message = false;
  for (const auto& clause : rule.clauses) {
    if (const auto* e = std::get_if<ExprClause>(&clause.body)) present.insert(e->which);
    message |= std::holds_alternative<MessageClause>(clause.body);
  }
  Span at = rule.idSpan.valid() ? rule.idSpan : rule.span;
  auto lacks = [&](const char* what, const char* hint) {
    diags_.report(DiagCode::FG4006, at, fmt::format("rule \"{}\" has no `{}`", rule.id, what), hint);
  };
  if (!present.count(ExprClauseKind::When)) lacks("when", "say when the rule hits: `when CONDITION`");
  if (!present.count(ExprClauseKind::Amount))
    lacks("amount", "say how much is involved (涉及医疗费用金额): `amount EXPR` (money)");
  if (!present.count(ExprClauseKind::Fund))
    lacks("fund", "say how much of it the fund paid (其中医保基金): `fund EXPR` (money)");
  if (!message) lacks("message", "write what a reviewer reads: `message \"...{name}...\"`");
}

bool RuleChecker::checkScope(const RuleDecl& rule, CheckedRule& out, RuleFacts& facts) {
  const ScopeClause* scope = nullptr;
  Span scopeSpan;
  const PeersClause* peers = nullptr;
  Span peersSpan;
  for (const auto& clause : rule.clauses) {
    if (const auto* s = std::get_if<ScopeClause>(&clause.body)) {
      if (scope) {
        auto& d = diags_.report(DiagCode::FG4004, clause.span, "a rule has one scope", "remove one `scope` line");
        d.notes.push_back({scopeSpan, "first scope here"});
        continue;
      }
      scope = s;
      scopeSpan = clause.span;
    } else if (std::get_if<PeersClause>(&clause.body)) {
      if (peers) {
        auto& d = diags_.report(DiagCode::FG4004, clause.span, "`peers by` is given twice",
                                "institutions have one peer group");
        d.notes.push_back({peersSpan, "first given here"});
        continue;
      }
      peers = std::get_if<PeersClause>(&clause.body);
      peersSpan = clause.span;
    }
  }
  if (!scope) {
    if (rule.syntaxErrors) return false;
    diags_.report(DiagCode::FG4006, rule.idSpan.valid() ? rule.idSpan : rule.span,
                  fmt::format("rule \"{}\" has no scope", rule.id),
                  "say what one case is: `scope line` (a fee line), `scope claim` (a settlement with its lines), "
                  "`scope person` (a person's history) or `scope institution per month`");
    return false;
  }
  static const std::vector<std::string> scopes = {"line", "claim", "person", "institution"};
  const std::string& word = scope->scope.name;
  if (word == "line")
    out.scope = ScopeKind::Line;
  else if (word == "claim")
    out.scope = ScopeKind::Claim;
  else if (word == "person")
    out.scope = ScopeKind::Person;
  else if (word == "institution")
    out.scope = ScopeKind::Institution;
  else {
    std::string hint = didYouMean(word, scopes);
    diags_.report(DiagCode::FG4005, scope->scope.span, fmt::format("unknown scope `{}`", word),
                  hint.empty() ? "scopes are line, claim, person and institution" : hint);
    return false;
  }
  facts.scope = out.scope;
  if (out.scope == ScopeKind::Institution) {
    static const std::vector<std::string> periods = {"month", "quarter", "year"};
    if (!scope->period) {
      diags_.report(DiagCode::FG4005, scope->scope.span, "an institution rule looks at one period at a time",
                    "write `scope institution per month` (or per quarter, per year)");
      return false;
    }
    if (std::find(periods.begin(), periods.end(), scope->period->name) == periods.end()) {
      diags_.report(DiagCode::FG4005, scope->period->span, fmt::format("unknown period `{}`", scope->period->name),
                    didYouMeanOr(scope->period->name, periods, "periods are month, quarter and year"));
      return false;
    }
    out.period = scope->period->name;
  } else if (scope->period) {
    diags_.report(DiagCode::FG4005, scope->period->span, fmt::format("only an institution rule has a period"),
                  fmt::format("write `scope {}`", word));
  }
  if (peers) {
    if (out.scope != ScopeKind::Institution)
      diags_.report(DiagCode::FG4005, peersSpan, "`peers by` compares institutions; it belongs to an institution rule",
                    "remove it, or use `scope institution per month`");
    else
      facts.hasPeers = true;
  }
  return true;
}

bool RuleChecker::bindScopeNames(const RuleDecl& rule, ScopeKind scope, LocalScope& locals) {
  const TableInfo* settlement = program_.tableWithRole(module_, kRoleSettlement);
  const TableInfo* feeLine = program_.tableWithRole(module_, kRoleFeeLine);
  Span at = rule.idSpan.valid() ? rule.idSpan : rule.span;
  auto lacks = [&](const std::string& what) {
    // After a failed import the missing table is that import's fault, already reported.
    if (!module_.importFailed)
      diags_.report(DiagCode::FG2006, at, fmt::format("this rule's scope needs {}", what),
                    "import the schema module, e.g. `import std.schema`");
    return false;
  };
  if (!settlement) return lacks("a table with `role settlement`");
  auto add = [&](const std::string& name, Type type) {
    Binding b;
    b.kind = Binding::Kind::ScopeName;
    b.name = name;
    b.type = std::move(type);
    b.used = true;
    locals.add(b);
  };
  // The scope's link must exist, be one-to-one or one-to-many as the scope needs, and lead to
  // the table playing the expected role (when one is named).
  auto needLink = [&](const TableInfo* table, const char* link, bool many, const TableInfo* target) -> const LinkInfo* {
    const LinkInfo* l = table->link(link);
    if (!l) {
      diags_.report(DiagCode::FG2006, at,
                    fmt::format("this rule's scope needs table `{}` to have `link {}`", table->name, link),
                    "see stdlib-rules/std/schema.rule for the links a schema declares");
      return nullptr;
    }
    if (l->many != many || (target && l->target != target)) {
      diags_.report(DiagCode::FG2006, at,
                    fmt::format("this rule's scope needs `link {}` of `{}` to lead to {}{}", link, table->name,
                                many ? "many rows of " : "one row of ",
                                target ? "`" + target->name + "`" : std::string("a table")),
                    fmt::format("it leads to {} `{}`; see stdlib-rules/std/schema.rule",
                                l->many ? "many rows of" : "one row of", l->target->name));
      return nullptr;
    }
    return l;
  };
  switch (scope) {
    case ScopeKind::Line:
      if (!feeLine) return lacks("a table with `role fee_line`");
      add("line", Type::row(feeLine));
      add("setl", Type::row(settlement));
      return needLink(feeLine, "setl", false, settlement) != nullptr;
    case ScopeKind::Claim:
      add("setl", Type::row(settlement));
      return needLink(settlement, "lines", true, feeLine) != nullptr;
    case ScopeKind::Person: {
      const LinkInfo* person = needLink(settlement, "person", false, program_.tableWithRole(module_, kRolePerson));
      if (!person) return false;
      add("person", Type::row(person->target, true));
      add("history", Type::list(Type::row(settlement)));
      return true;
    }
    case ScopeKind::Institution: {
      const LinkInfo* inst = needLink(settlement, "inst", false, program_.tableWithRole(module_, kRoleInstitution));
      if (!inst) return false;
      add("inst", Type::row(inst->target, true));
      add("period", Type::scalar(TypeKind::Str));
      add("settlements", Type::list(Type::row(settlement)));
      return true;
    }
  }
  return false;
}

bool RuleChecker::defineName(const Ident& name, LocalScope& locals) {
  // After the error the caller binds the name with the error type: its uses below are then
  // accepted silently, whichever of the two meanings the writer had in mind.
  if (Binding* b = locals.find(name.name)) {
    auto& d = diags_.report(DiagCode::FG4012, name.span, fmt::format("`{}` is already defined in this rule", name.name),
                            b->kind == Binding::Kind::ScopeName ? "this name is given by the scope; choose another"
                                                                : "choose another name");
    if (b->span.valid()) d.notes.push_back({b->span, "defined here"});
    return false;
  }
  // A rule's own name may not hide a named list it can see: both are values, and the name would
  // mean two things in one file. (Defines are called, dictionaries and tables are not values:
  // a `let` of the same name is no ambiguity.)
  if (auto found = program_.lookup(module_, name.name); !found.empty() && found.front()->kind == Symbol::Kind::List) {
    const Symbol& sym = *found.front();
    const char* what = sym.kind == Symbol::Kind::Define  ? "a define"
                       : sym.kind == Symbol::Kind::List  ? "a list"
                       : sym.kind == Symbol::Kind::Table ? "a table"
                                                         : "a dictionary";
    auto& d = diags_.report(DiagCode::FG4012, name.span,
                            sym.module == &module_
                                ? fmt::format("`{}` is already {} of this file", name.name, what)
                                : fmt::format("`{}` is already {} of module `{}`", name.name, what, sym.module->name),
                            "choose another name");
    d.notes.push_back({sym.span, "declared here"});
    return false;
  }
  return true;
}

void RuleChecker::checkParams(const RuleDecl& rule, CheckedRule& out, LocalScope& locals) {
  for (const auto& clause : rule.clauses) {
    const auto* p = std::get_if<ParamClause>(&clause.body);
    if (!p) continue;
    bool fresh = defineName(p->name, locals);
    Type type = resolveTypeRef(program_, module_, p->type, diags_, true);
    if (!type.isError() && !type.isScalar() && !type.isCollection()) {
      diags_.report(DiagCode::FG4010, p->type.span, "a parameter holds a value a region can set",
                    "use int, dec, money, date, str or a list");
      type = Type::error();
    }
    LocalScope none;
    ExprChecker checker(program_, module_, diags_, none, nullptr);
    Type given = checker.check(*p->defaultValue);
    if (given.kind() == TypeKind::Null) {
      diags_.report(DiagCode::FG4010, p->defaultValue->span,
                    fmt::format("parameter `{}` needs a default value", p->name.name),
                    "a region may override it at run time; the default is what applies otherwise");
    } else if (!checker.fits(given, type, p->defaultValue.get())) {
      diags_.report(DiagCode::FG4010, p->defaultValue->span,
                    fmt::format("parameter `{}` is {}, but its default is {}", p->name.name, type.str(), given.str()),
                    type.kind() == TypeKind::Money ? "write money as a number of yuan, e.g. 10.00" : "");
    } else if (type.isCollection() && p->defaultValue->kind == ExprKind::List) {
      for (const auto& item : static_cast<const ListExpr&>(*p->defaultValue).items)
        checker.checkCodeLiteral(type.element(), *item);
    } else {
      checker.checkCodeLiteral(type, *p->defaultValue);
    }
    Binding b;
    b.kind = Binding::Kind::Param;
    b.name = p->name.name;
    b.type = fresh ? type : Type::error();
    b.used = !fresh || type.isError();  // no "never used" on top of an error in its declaration
    b.span = p->name.span;
    locals.add(b);
    out.params.push_back({p->name.name, type, p->label, p->defaultValue.get(), p->name.span});
  }
}

void RuleChecker::checkBody(const RuleDecl& rule, LocalScope& locals, RuleFacts& facts, RuleLogic& logic) {
  for (const auto& clause : rule.clauses)
    if (const auto* l = std::get_if<LetClause>(&clause.body)) facts.laterLets.emplace_back(l->name.name, l->name.span);
  ExprChecker checker(program_, module_, diags_, locals, &facts);
  std::map<std::string, Span> seen;
  auto once = [&](const char* what, Span span) {
    auto [it, inserted] = seen.emplace(what, span);
    if (!inserted) {
      auto& d =
          diags_.report(DiagCode::FG4004, span, fmt::format("`{}` is given twice", what), "a rule has one of each");
      d.notes.push_back({it->second, "first given here"});
    }
    return inserted;
  };
  // First the clauses whose order matters: lets and the `for each`, top to bottom.
  for (const auto& clause : rule.clauses) {
    if (const auto* l = std::get_if<LetClause>(&clause.body)) {
      auto it = std::find_if(facts.laterLets.begin(), facts.laterLets.end(), [&](const auto& p) {
        return p.first == l->name.name && p.second.begin == l->name.span.begin;
      });
      if (it != facts.laterLets.end()) facts.laterLets.erase(it);
      Type t = clause.repaired ? Type::error() : checker.check(*l->value);
      logic.lets.push_back(l);
      if (!defineName(l->name, locals)) t = Type::error();
      if (t.kind() == TypeKind::Table) {
        diags_.report(DiagCode::FG3012, l->value->span, "a `let` holds a value, not a whole table",
                      "use lookup(...) or rows(...)");
        t = Type::error();
      }
      Binding b;
      b.kind = Binding::Kind::Let;
      b.name = l->name.name;
      b.type = t;
      b.span = l->name.span;
      b.used = true;
      locals.add(b);
    } else if (const auto* f = std::get_if<ForEachClause>(&clause.body)) {
      if (!once("for each", clause.span)) {
        // Its element names are bound anyway, typed as errors, so that their uses stay quiet.
        for (const Ident* var : {&f->var, f->second ? &*f->second : nullptr}) {
          if (!var || locals.find(var->name)) continue;
          Binding b;
          b.kind = Binding::Kind::Loop;
          b.name = var->name;
          b.type = Type::error();
          b.span = var->span;
          b.used = true;
          locals.add(b);
        }
        continue;
      }
      logic.forEach = f;
      if (seen.count("when") && !rule.syntaxErrors) {
        diags_.report(DiagCode::FG4014, clause.span, "`for each` comes after `when`",
                      "put `for each` above `when`: first say what one case is, then when it hits");
      }
      Type source = clause.repaired ? Type::error() : checker.check(*f->source);
      Type element = Type::error();
      if (!source.isError()) {
        if (!source.isCollection())
          diags_.report(DiagCode::FG3006, f->source->span,
                        fmt::format("`for each` needs a list, but this is {}", source.str()),
                        "e.g. `for each l in setl.lines` or `for each s in history`");
        else
          element = source.element();
      }
      for (const Ident* var : {&f->var, f->second ? &*f->second : nullptr}) {
        if (!var) continue;
        bool fresh = defineName(*var, locals);
        Binding b;
        b.kind = Binding::Kind::Loop;
        b.name = var->name;
        b.type = fresh ? element : Type::error();
        b.span = var->span;
        b.used = true;
        b.ordered = !f->second;
        locals.add(b);
      }
    } else if (const auto* e = std::get_if<ExprClause>(&clause.body)) {
      if (e->which == ExprClauseKind::When) seen.emplace("when", clause.span);
    }
  }
  // Then the clauses that see every name. A clause the parser repaired is not checked: its
  // syntax error is the one message it needs.
  seen.erase("when");
  for (const auto& clause : rule.clauses) {
    if (clause.repaired) {
      if (const auto* e = std::get_if<ExprClause>(&clause.body); e && e->which == ExprClauseKind::When)
        seen.emplace("when", clause.span);
      continue;
    }
    if (const auto* e = std::get_if<ExprClause>(&clause.body)) {
      switch (e->which) {
        case ExprClauseKind::When:
          if (once("when", clause.span)) {
            checker.checkCondition(*e->value, "`when`");
            logic.when = e->value.get();
          }
          break;
        case ExprClauseKind::Amount:
        case ExprClauseKind::Fund: {
          const char* what = e->which == ExprClauseKind::Amount ? "amount" : "fund";
          if (!once(what, clause.span)) break;
          (e->which == ExprClauseKind::Amount ? logic.amount : logic.fund) = e->value.get();
          Type t = checker.check(*e->value);
          if (!checker.fits(t, Type::scalar(TypeKind::Money), e->value.get()))
            diags_.report(DiagCode::FG3001, e->value->span,
                          fmt::format("`{}` must be money, but this is {}", what, t.str()),
                          "amounts are in yuan: a money column, or money times a quantity");
          break;
        }
        case ExprClauseKind::Violating:
        case ExprClauseKind::Involved: {
          const char* what = e->which == ExprClauseKind::Violating ? "violating" : "involved";
          if (!once(what, clause.span)) break;
          (e->which == ExprClauseKind::Violating ? logic.violating : logic.involved) = e->value.get();
          Type t = checker.check(*e->value);
          bool rows = t.isError() || t.kind() == TypeKind::Row ||
                      (t.isCollection() && (t.element().kind() == TypeKind::Row || t.element().isError()));
          if (!rows)
            diags_.report(DiagCode::FG3001, e->value->span,
                          fmt::format("`{}` names rows (lines or settlements), not {}", what, t.str()),
                          "e.g. `violating line` or `involved filter(l in setl.lines where ...)`");
          break;
        }
      }
    } else if (const auto* m = std::get_if<MessageClause>(&clause.body)) {
      if (once("message", clause.span)) {
        checkMessageTemplate(*m, checker, diags_);
        logic.message = m;
      }
    } else if (const auto* ev = std::get_if<EvidenceClause>(&clause.body)) {
      for (const auto& v : ev->values) {
        checker.check(*v);
        logic.evidence.push_back(v.get());
      }
    } else if (const auto* p = std::get_if<PeersClause>(&clause.body)) {
      if (!logic.peersBy) logic.peersBy = p->by.get();
      Type t = checker.check(*p->by);
      if (!t.isError() && !t.isScalar())
        diags_.report(DiagCode::FG3001, p->by->span,
                      fmt::format("peers are grouped by a single value, not {}", t.str()),
                      "e.g. `peers by inst.hosp_lv`");
    }
  }
  // With a syntax error, a parameter may be used in the part that did not parse.
  for (const auto& b : locals.all())
    if (b.kind == Binding::Kind::Param && !b.used && !rule.syntaxErrors)
      diags_.report(DiagCode::FG4013, b.span, fmt::format("parameter `{}` is never used", b.name),
                    "use it in the rule, or remove it");
}

}  // namespace fundguard
