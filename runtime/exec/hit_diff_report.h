// `fundguard diff`'s output: the comparison of two rule sets' hits (hit_diff.h) as a terminal
// report, as JSON for tools, or as a Markdown table to paste into a pull-request comment.
//
// Every format lists the rules whose logic, version or hits differ, with: the change (added,
// removed, changed, version, unchanged), the base and new versions, hits added, removed and
// changed, and the money added and removed (涉及医疗费用金额, 其中医保基金; yuan with two
// decimals); then the rules whose logic changed without a version bump. Rules with the same logic,
// version and hits are counted, not listed (JSON lists every rule).
#pragma once

#include <ostream>
#include <string>

#include "exec/hit_diff.h"

namespace fundguard {

struct DiffLabels {
  std::string base = "base";    // how the base rules were named: a directory or REV:PATH
  std::string current = "new";  // the new rules
  size_t hitsListed = 10;       // text: the hits listed per rule (JSON lists them all)
};

void writeDiffText(std::ostream& out, const RuleSetDiff& diff, const DiffLabels& labels);
void writeDiffJson(std::ostream& out, const RuleSetDiff& diff, const DiffLabels& labels);
void writeDiffMarkdown(std::ostream& out, const RuleSetDiff& diff, const DiffLabels& labels);

}  // namespace fundguard
