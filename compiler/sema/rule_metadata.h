// A rule's metadata as the checker reads it from the `key: value` lines of the rule.
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "syntax/ast.h"

namespace fundguard {

struct RuleMetadata {
  int version = 0;
  std::string title;
  std::string basisDocument;               // document number and article
  std::vector<std::string> basisQuotes;    // verbatim quotes from the document
  std::vector<std::string> sources;        // further documents that name the same violation
  std::string category;                    // C1..C6 (附表2)
  std::string kind;                        // violation | suspect
  std::string severity;                    // high | medium | low
  std::string effectiveFrom, effectiveTo;  // YYYY-MM-DD; empty = open
};

// Reads and checks the metadata of `rule`; reports unknown, repeated, malformed and missing
// entries (FG4001-FG4004, FG4011).
RuleMetadata readMetadata(const ast::RuleDecl& rule, DiagnosticSink& diags);

}  // namespace fundguard
