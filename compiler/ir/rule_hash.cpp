// See rule_hash.h.
#include "ir/rule_hash.h"

#include <string_view>

#include "ir/ir_printer.h"
#include "support/sha256.h"

namespace fundguard::ir {

namespace {

// A group by what it is rather than by its number in the rule set. Groups of groups are
// described to a small depth; below it the number stands (no rule nests that far).
std::string describeGroup(const RuleSet& set, size_t group, int depth);

std::string expandGroups(const RuleSet& set, const std::string& text, int depth) {
  constexpr std::string_view marker = "group#";
  std::string out;
  size_t at = 0;
  while (true) {
    size_t found = text.find(marker, at);
    if (found == std::string::npos) break;
    size_t digits = found + marker.size(), end = digits;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
    out.append(text, at, found - at);
    size_t group = end > digits ? std::stoul(text.substr(digits, end - digits)) : set.groups.size();
    if (group < set.groups.size() && depth < 4)
      out += describeGroup(set, group, depth + 1);
    else
      out.append(text, found, end - found);
    at = end;
  }
  out.append(text, at, std::string::npos);
  return out;
}

std::string describeGroup(const RuleSet& set, size_t group, int depth) {
  const GroupLayout& g = set.groups[group];
  std::string s = "group(";
  for (const auto& [name, type] : g.keys) s += name + ": " + typeText(set, type) + ", ";
  s += "of " + typeText(set, g.element) + ")";
  return expandGroups(set, s, depth);
}

}  // namespace

std::string ruleHashText(const RuleSet& set, const Rule& rule) {
  std::string printed = printRule(set, rule);
  size_t headerEnd = printed.find('\n');
  std::string body = headerEnd == std::string::npos ? std::string() : printed.substr(headerEnd);
  // Rule ids are ASCII letters, digits and hyphens (FG4008): no quoting needed.
  return "rule " + rule.id + expandGroups(set, body, 0);
}

std::string ruleContentHash(const RuleSet& set, const Rule& rule) {
  return sha256Hex(ruleHashText(set, rule));
}

}  // namespace fundguard::ir
