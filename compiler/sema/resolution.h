// What each name, field and call in the source refers to, as the checker resolved it: a side
// table (Module::resolutions, by ast::Expr::id) so that lowering to the IR does not repeat name
// lookup and its shadowing rules.
#pragma once

#include <cstddef>
#include <string>

#include "sema/binding.h"

namespace fundguard {

struct ListInfo;
struct TableInfo;
struct ColumnInfo;
struct LinkInfo;
struct DefineInfo;
struct BuiltinInfo;

struct Resolution {
  enum class Kind {
    None,       // not a name, field or call, or not resolved (after an error)
    Local,      // a scope name, parameter, let, for-each element, aggregate element, define parameter
    List,       // a named list
    Table,      // a table named as the first argument of lookup/rows
    Column,     // row.column
    Link,       // row.link
    GroupKey,   // group.key
    GroupRows,  // group.rows
    Builtin,    // a call of a built-in function or aggregate
    Define,     // a call of a define
  } kind = Kind::None;
  // Local: which binding, identified by its kind, name and where it was declared (scope names
  // are declared nowhere: their span is empty).
  Binding::Kind local = Binding::Kind::Let;
  std::string name;
  Span declaredAt;
  const ListInfo* list = nullptr;
  const TableInfo* table = nullptr;
  const ColumnInfo* column = nullptr;
  const LinkInfo* link = nullptr;
  size_t groupKey = 0;
  const BuiltinInfo* builtin = nullptr;
  const DefineInfo* define = nullptr;
};

}  // namespace fundguard
