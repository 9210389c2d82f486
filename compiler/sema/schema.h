// The schema as declared in the language, resolved: dictionaries, tables with typed columns,
// keys and links, named lists and helper definitions. Built by the declaration pass
// (declarations.h) from the AST; every later stage reads the schema from here.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "diag/source_file.h"
#include "sema/types.h"

namespace fundguard {

namespace ast {
struct DefineDecl;
struct ListDecl;
struct TableDecl;
struct TableRows;
struct DictDecl;
}  // namespace ast

struct DictInfo {
  std::string name;
  std::string label;
  std::map<std::string, std::string> codes;  // code -> Chinese label
  Span span;
};

struct ColumnInfo {
  std::string name;
  std::string label;
  Type type;  // nullable unless key or required
  bool key = false;
  bool required = false;
  uint32_t index = 0;  // position in the table's declaration
  Span span;
};

struct LinkInfo {
  std::string name;
  const TableInfo* target = nullptr;
  bool many = false;
  std::vector<std::pair<const ColumnInfo*, const ColumnInfo*>> on;  // (ours, theirs)
  Span span;
};

// Roles tie tables to the scopes the engine runs: which table holds settlements, fee lines,
// persons and institutions.
inline constexpr const char* kRoleSettlement = "settlement";
inline constexpr const char* kRoleFeeLine = "fee_line";
inline constexpr const char* kRolePerson = "person";
inline constexpr const char* kRoleInstitution = "institution";

struct TableInfo {
  std::string name;
  std::string label;
  std::string module;  // the module that declares it
  std::vector<ColumnInfo> columns;
  std::vector<const ColumnInfo*> key;  // primary key columns, in order
  std::vector<LinkInfo> links;
  std::set<std::string> roles;
  Span span;
  const ast::TableDecl* decl = nullptr;
  const ast::TableRows* shippedRows = nullptr;  // `rows (...)`: its contents when the data has none

  const ColumnInfo* column(const std::string& name) const;
  const LinkInfo* link(const std::string& name) const;
  std::vector<std::string> columnNames() const;  // for "did you mean"
  std::vector<std::string> memberNames() const;  // columns and links, for "did you mean"
};

struct ListInfo {
  std::string name;
  std::string label;
  Type type;  // list of T
  enum class State { Unchecked, Checking, Checked } state = State::Unchecked;
  Span span;
  const ast::ListDecl* decl = nullptr;
  struct Module* module = nullptr;
};

struct DefineInfo {
  std::string name;
  std::vector<std::pair<std::string, Type>> params;
  Type result;
  bool resultDeclared = false;
  enum class State { Unchecked, Checking, Checked } state = State::Unchecked;
  bool recursionReported = false;
  Span span;
  const ast::DefineDecl* decl = nullptr;
  struct Module* module = nullptr;
};

}  // namespace fundguard
