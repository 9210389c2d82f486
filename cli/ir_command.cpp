// `fundguard ir PATH...`: the IR of the rules, as text (for those who debug the compiler, and
// for the golden tests in tests/ir/).
#include <iostream>

#include "arguments.h"
#include "commands.h"
#include "ir/ir_printer.h"
#include "jit/compiled_rules.h"
#include "lower/lower.h"
#include "rule_loading.h"

namespace fundguard::cli {

const char* const kIrHelp =
    R"(Usage: fundguard ir [OPTIONS] PATH...

Prints the typed IR that the rules in PATH (files or directories) are lowered to:
for each rule its slots, parameters, lets, loop, condition, amounts, message and
evidence, each as a tree of typed operations. docs/ir.md explains the notation.

Options:
  --llvm       print the LLVM IR the JIT runs instead (optimised at -O2: the
               kernel of each scope calling its rules, the institution
               rules' functions, the calls into the runtime's helpers)
  --opt N      with --llvm: the optimisation level, 0 to 3 (default 2)
  --lib DIR    the standard library directory (default: $FUNDGUARD_LIB, else built-in)
  -h, --help   show this help

Exit codes: 0 printed, 1 the rules have errors, 2 usage or I/O problem.
)";

int runIr(const std::vector<std::string>& argv) {
  ArgumentSpec spec{{"-h", "--help", "--llvm"}, {"--lib", "--opt"}};
  Arguments args = parseArguments(argv, spec);
  if (args.has("-h") || args.has("--help")) {
    std::cout << kIrHelp;
    return kExitOk;
  }
  if (!args.error.empty() || args.positional.empty()) {
    std::cerr << "fundguard ir: " << (args.error.empty() ? "name at least one .rule file or directory" : args.error)
              << "\n(see fundguard ir --help)\n";
    return kExitUsage;
  }
  int exitCode = kExitOk;
  auto checked = loadRules("ir", args.positional, args.option("--lib").value_or(""), std::cerr, exitCode);
  if (!checked) return exitCode;
  // Only the rules of the files named: imported modules' rules are not what was asked for.
  std::vector<CheckedRule> requested;
  for (const CheckedRule& rule : checked->rules)
    if (rule.module->requested) requested.push_back(rule);
  ir::RuleSet set = lowerRules(*checked->program, requested);
  if (args.has("--llvm")) {
    std::string level = args.option("--opt").value_or("2");
    if (level.size() != 1 || level[0] < '0' || level[0] > '3') {
      std::cerr << "fundguard ir: --opt takes 0, 1, 2 or 3\n";
      return kExitUsage;
    }
    std::cout << jit::CompiledRules::llvmText(set, level[0] - '0');
    return kExitOk;
  }
  std::cout << ir::printRuleSet(set);
  return kExitOk;
}

}  // namespace fundguard::cli
