// A rule's content hash: which logic a rule has, independent of how its source is laid out.
// Hits and the run manifest carry it, so a hit names exactly the logic that made it, and
// `fundguard diff` and `fundguard check --base` compare it to tell a changed rule from a
// reformatted one.
#pragma once

#include <string>

#include "ir/ir.h"

namespace fundguard::ir {

// The text hashed: the rule's lowered IR as the printer writes it (ir_printer.h), with
//  - the header line reduced to the rule id: the version and the title are not logic (a
//    version bump alone is no change; a retitled rule screens the same);
//  - each `group#N` replaced by the group's keys and element type, since N numbers the groups
//    of the whole rule set and would change when another rule adds one.
// The IR has the `define`s and lists the rule uses inlined, its parameters with their defaults,
// its scope, category, kind, severity and effective dates, its message and evidence; it has no
// comments, layout, test blocks or basis text, which therefore do not change the hash.
std::string ruleHashText(const RuleSet& set, const Rule& rule);

// SHA-256 of ruleHashText, 64 lower-case hex digits. Hits carry the first 16 (exec/hit_sink.h).
std::string ruleContentHash(const RuleSet& set, const Rule& rule);

}  // namespace fundguard::ir
