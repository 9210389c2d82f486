// The run's manifest (manifest.json): which rules, in which versions and with which logic,
// produced the run's hits. Written by every `fundguard run`, so an audit can name the exact rule
// behind a hit years later: a hit carries its rule's id, version and short content hash, and
// the manifest maps them to the rule's file, full content hash and effective dates.
//
//   {"rule_set_hash": "<64 hex: the rule sources, exec/rule_set_hash.h>",
//    "rules": [{"id", "version", "title", "file", "content_hash" (64 hex, compiler/ir/rule_hash.h),
//               "effective_from", "effective_to" (YYYY-MM-DD, null when open)}, ...],
//    "parameters_given": [{"rule", "name", "value"}, ...]}   the run's --param values, as given:
//                                                            hits made under them differ from
//                                                            the rules' defaults
//
// Rules are listed in the rule set's order; the output is deterministic (no times, no paths but
// the rule files as named on the command line).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "exec/hit.h"

namespace fundguard {

// A parameter value given for the run (--param RULE.NAME=VALUE), as written.
struct GivenParam {
  std::string rule, name, value;
};

void writeManifestJson(std::ostream& out, const std::vector<RuleInfo>& rules, const std::string& ruleSetHash,
                       const std::vector<GivenParam>& given = {});

}  // namespace fundguard
