// The state of one lowering run (private to compiler/lower): the maps from the checker's
// schema objects to IR indexes, and, while a rule is lowered, its frame of named slots.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "ir/ir.h"
#include "sema/program.h"
#include "sema/rule_checker.h"

namespace fundguard {

class Lowering {
 public:
  explicit Lowering(const Program& program) : program_(program) {}

  void schema();  // every table of every module, with links and dictionaries
  void rule(const CheckedRule& checked);
  ir::RuleSet take() { return std::move(set_); }

 private:
  // ---- schema (lower_schema.cpp)
  uint32_t tableIndex(const TableInfo* table);
  uint32_t dictIndex(const DictInfo* dict);
  uint32_t groupIndex(const GroupInfo& group);
  uint32_t linkIndex(uint32_t table, const std::string& link) const;
  ir::Type type(const Type& t);
  // The type of a column read from a row (nullable where the row or the column may be missing).
  ir::Type fieldType(uint32_t table, uint32_t column, bool rowNullable) const;

  // ---- rules (lower_rule.cpp)
  uint32_t newSlot(const std::string& name, ir::Type type);
  void metadata(const CheckedRule& checked, ir::Rule& rule);
  void message(const ast::MessageClause& clause);
  ir::Node* hole(const std::string& path, ir::SourceRange span);
  std::string sourceText(const ast::Expr& e) const;

  // ---- expressions (lower_expr.cpp)
  ir::Node* expr(const ast::Expr& e);
  ir::Node* exprAs(const ast::Expr& e, const ir::Type& want);  // with int->dec and null retyping
  ir::Node* convert(ir::Node* n, const ir::Type& want);
  ir::Node* literal(const ast::LiteralExpr& e, const Type& t);
  ir::Node* name(const ast::NameExpr& e);
  ir::Node* member(const ast::MemberExpr& e);
  ir::Node* call(const ast::CallExpr& e);
  ir::Node* callDefine(const ast::CallExpr& e, const DefineInfo& define);
  ir::Node* tableCall(const ast::CallExpr& e);
  ir::Node* aggregate(const ast::AggregateExpr& e);
  ir::Node* aggregateOverList(const ast::CallExpr& e, ir::Fn fn);
  ir::Node* binary(const ast::BinaryExpr& e);
  ir::Node* compare(ir::Op op, const ast::Expr& l, const ast::Expr& r, ir::SourceRange span);
  ir::Node* node(ir::Op op, ir::Type type, const ast::Expr& at, std::vector<ir::Node*> args = {});
  ir::Node* local(uint32_t slot, ir::SourceRange span);
  ir::Node* notOf(ir::Node* n);
  ir::SourceRange range(Span s) const { return {s.file, s.begin, s.end}; }
  const Type& checkedType(const ast::Expr& e) const;
  const Resolution& resolution(const ast::Expr& e) const;

  // A name in scope: a slot, or a rule parameter.
  struct Name {
    std::string name;
    bool param = false;
    uint32_t index = 0;
  };
  const Name* find(const std::string& name) const;

  const Program& program_;
  ir::RuleSet set_;
  std::map<const TableInfo*, uint32_t> tables_;
  std::map<const DictInfo*, uint32_t> dicts_;
  std::map<const GroupInfo*, uint32_t> groups_;

  // While lowering a rule:
  ir::Rule* rule_ = nullptr;
  const Module* module_ = nullptr;  // whose side tables apply (changes inside a define's body)
  std::vector<Name> names_;         // innermost last
  std::map<const ListInfo*, ir::Node*> lists_;
};

}  // namespace fundguard
