// See check.h.
#include "driver/check.h"

#include <cstdlib>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "sema/declarations.h"
#include "sema/module_loader.h"

namespace fundguard {

std::string defaultStdlibDir() {
  if (const char* env = std::getenv("FUNDGUARD_LIB"); env && *env) return env;
  return FUNDGUARD_STDLIB_DIR;
}

namespace {

void reportDuplicateRuleIds(const std::vector<CheckedRule>& rules, DiagnosticSink& diags) {
  std::map<std::string, const CheckedRule*> first;
  for (const auto& rule : rules) {
    if (rule.decl->id.empty()) continue;
    auto [it, inserted] = first.emplace(rule.decl->id, &rule);
    if (!inserted) {
      auto& d =
          diags.report(DiagCode::FG4007, rule.decl->idSpan, fmt::format("rule id \"{}\" is used twice", rule.decl->id),
                       "each rule has its own id; a variant takes a suffix, e.g. \"IP-01-b\"");
      d.notes.push_back({it->second->decl->idSpan, "first used here"});
    }
  }
}

void reportRulesWithoutTests(const std::vector<CheckedRule>& rules, DiagnosticSink& diags) {
  for (const auto& rule : rules) {
    if (!rule.module->requested || rule.testCount > 0 || rule.decl->syntaxErrors) continue;
    diags.report(DiagCode::FG5008, rule.decl->idSpan, fmt::format("rule \"{}\" has no tests", rule.decl->id),
                 "add a `test` block with a case the rule must find and a near miss it must not");
  }
}

}  // namespace

CheckResult checkPaths(const CheckOptions& options) {
  CheckResult result;
  result.program = std::make_unique<Program>();
  Program& program = *result.program;
  program.stdlibDir = options.stdlibDir.empty() ? defaultStdlibDir() : options.stdlibDir;

  std::error_code ec;
  if (!std::filesystem::is_directory(program.stdlibDir, ec)) {
    result.diags.report(DiagCode::FG0001, {},
                        fmt::format("the standard library folder `{}` does not exist", program.stdlibDir),
                        "give --lib (or FUNDGUARD_LIB) the path of the stdlib-rules folder");
    result.inputsReadable = false;
    return result;  // every import of std.* would fail: nothing useful can be checked
  }

  // 1. Files: parse what was named and everything it imports.
  ModuleLoader loader(program, result.diags);
  for (const auto& [path, text] : options.sources) loader.addSource(path, text);
  result.inputsReadable = loader.load(options.paths) && result.inputsReadable;
  result.filesChecked = program.modules.size();

  // 2. Declarations of all modules: dictionaries, tables, links, lists, defines.
  DeclarationPass(program, result.diags).run();

  // 3. Rules, module by module in load order.
  for (auto& module : program.modules) {
    RuleChecker checker(program, *module, result.diags);
    for (const auto& rule : module->ast->rules) result.rules.push_back(checker.check(rule));
  }
  reportDuplicateRuleIds(result.rules, result.diags);
  if (options.requireTests) reportRulesWithoutTests(result.rules, result.diags);

  result.diags.sort(program.sources);
  return result;
}

}  // namespace fundguard
