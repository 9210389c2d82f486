// See base_comparison.h.
#include "driver/base_comparison.h"

#include <map>

#include <fmt/format.h>

#include "ir/rule_hash.h"
#include "lower/lower.h"

namespace fundguard {

namespace {

ir::RuleSet lowerRequested(const CheckResult& result) {
  std::vector<CheckedRule> requested;
  for (const CheckedRule& rule : result.rules)
    if (rule.module->requested) requested.push_back(rule);
  return lowerRules(*result.program, requested);
}

}  // namespace

void reportUnchangedVersions(const CheckResult& base, CheckResult& current) {
  ir::RuleSet before = lowerRequested(base);
  ir::RuleSet after = lowerRequested(current);
  std::map<std::string, const ir::Rule*> earlier;
  for (const ir::Rule& rule : before.rules) earlier.emplace(rule.id, &rule);
  std::map<std::string, const CheckedRule*> declared;
  for (const CheckedRule& rule : current.rules)
    if (rule.module->requested) declared.emplace(rule.decl->id, &rule);
  for (const ir::Rule& rule : after.rules) {
    auto old = earlier.find(rule.id);
    auto decl = declared.find(rule.id);
    if (old == earlier.end() || decl == declared.end() || rule.version > old->second->version) continue;
    std::string was = ir::ruleContentHash(before, *old->second), now = ir::ruleContentHash(after, rule);
    if (was == now) continue;
    std::string versionNote =
        rule.version == old->second->version ? "" : fmt::format(" (the base has version {})", old->second->version);
    current.diags.report(DiagCode::FG4015, decl->second->decl->idSpan,
                         fmt::format("rule \"{}\" changed since the base but its version is still {}{}", rule.id,
                                     rule.version, versionNote),
                         fmt::format("raise `version:` to {}, so hits and reports name the new logic (content hash "
                                     "{} -> {})",
                                     old->second->version + 1, was.substr(0, 16), now.substr(0, 16)));
  }
  current.diags.sort(current.program->sources);
}

}  // namespace fundguard
