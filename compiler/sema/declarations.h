// The declaration pass: collects every module's top-level names, then resolves dictionaries,
// tables (columns, keys, roles, links), named lists and the signatures of helper definitions.
// Runs before any rule is checked, over all modules at once, because links and imports may
// refer across modules.
#pragma once

#include "sema/program.h"

namespace fundguard {

class DeclarationPass {
 public:
  DeclarationPass(Program& program, DiagnosticSink& diags) : program_(program), diags_(diags) {}
  void run();

 private:
  void collectSymbols(Module& module);
  void resolveDicts(Module& module);
  void resolveColumns(Module& module);
  void resolveLinks(Module& module);
  void checkShippedRows(Module& module);  // a table's `rows`
  void resolveDefines(Module& module);    // signatures only; bodies are checked once all exist
  void checkRoles();

  Program& program_;
  DiagnosticSink& diags_;
};

// The one symbol `name` stands for in `from`, or null. Reports an ambiguity (two imports
// declare it); reports nothing when it is simply unknown (the caller knows what was expected).
const Symbol* findSymbol(const Program& program, const Module& from, const std::string& name, Span at,
                         DiagnosticSink& diags);

// Resolves a written type. Table names give row types when `allowRows`.
Type resolveTypeRef(const Program& program, const Module& from, const ast::TypeRef& ref, DiagnosticSink& diags,
                    bool allowRows);

}  // namespace fundguard
