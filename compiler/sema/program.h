// A Program is everything one `fundguard check` (or run) works on: every source file, named on
// the command line or reached by `import`, parsed, with its declarations resolved and the
// checker's side tables. The rest of the compiler reads the Program, never the parse tree.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "sema/resolution.h"
#include "sema/schema.h"
#include "syntax/ast.h"

namespace fundguard {

struct Module;

// A top-level name visible in a module: a dictionary, table, named list or helper definition.
struct Symbol {
  enum class Kind { Dict, Table, List, Define } kind = Kind::Dict;
  const DictInfo* dict = nullptr;
  const TableInfo* table = nullptr;
  ListInfo* list = nullptr;
  DefineInfo* define = nullptr;
  Span span;
  const Module* module = nullptr;

  static Symbol of(const DictInfo* d) {
    Symbol s;
    s.kind = Kind::Dict;
    s.dict = d;
    return s;
  }
  static Symbol of(const TableInfo* t) {
    Symbol s;
    s.kind = Kind::Table;
    s.table = t;
    return s;
  }
  static Symbol of(ListInfo* l) {
    Symbol s;
    s.kind = Kind::List;
    s.list = l;
    return s;
  }
  static Symbol of(DefineInfo* f) {
    Symbol s;
    s.kind = Kind::Define;
    s.define = f;
    return s;
  }
};

struct Module {
  uint32_t fileId = 0;
  std::string path;        // as shown in diagnostics (relative where possible)
  std::string realPath;    // canonical path on disk: one Module per file
  std::string dir;         // the folder it was named in (links not followed): imports start here
  std::string name;        // "std.schema"; empty for a plain rule file
  bool requested = false;  // named on the command line, not only imported
  std::unique_ptr<ast::File> ast;
  std::vector<Module*> imports;
  bool importFailed = false;  // an import was not found: what it would declare is unknown here

  std::vector<std::unique_ptr<DictInfo>> dicts;
  std::vector<std::unique_ptr<TableInfo>> tables;
  std::vector<std::unique_ptr<ListInfo>> lists;
  std::vector<std::unique_ptr<DefineInfo>> defines;
  std::map<std::string, Symbol> symbols;  // this module's own top-level names

  // The checker's results for each ast::Expr::id of this file: the type (a number literal used
  // as money is typed money), and what a name, field or call refers to.
  std::vector<Type> exprTypes;
  std::vector<Resolution> resolutions;
};

struct Program {
  SourceManager sources;
  std::vector<std::unique_ptr<Module>> modules;  // in load order: requested files first, sorted
  std::string stdlibDir;

  // Every symbol named `name` visible from `from`: its own first, then its imports'.
  std::vector<const Symbol*> lookup(const Module& from, const std::string& name) const;
  // Every name visible from `from`, for "did you mean".
  std::vector<std::string> visibleNames(const Module& from) const;
  // Only those of one kind: the tables, the dictionaries, ...
  std::vector<std::string> visibleNames(const Module& from, Symbol::Kind kind) const;
  // The table with the given role visible from `from` (its own first); the declaration pass has
  // reported it if there are several.
  const TableInfo* tableWithRole(const Module& from, const std::string& role) const;
};

}  // namespace fundguard
