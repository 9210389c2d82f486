// `fundguard check PATH...`: parse and type-check rule files; print diagnostics as text, JSON
// or SARIF.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "arguments.h"
#include "commands.h"
#include "diag/diagnostic_render.h"
#include "driver/base_comparison.h"
#include "driver/check.h"
#include "rule_sources.h"

namespace fundguard::cli {

const char* const kCheckHelp =
    R"(Usage: fundguard check [OPTIONS] PATH...

Parses and type-checks .rule files and the modules they import, and reports every
error and warning with its code, file:line:column and the line itself.

PATH is a .rule file or a directory (searched recursively for .rule files).

Options:
  --format text|json|sarif  output format (default: text). sarif is SARIF 2.1.0,
                            for code-scanning annotations in CI.
  --lib DIR                 the standard library directory that `import std.*`
                            reads (default: $FUNDGUARD_LIB, else the built-in one)
  --deny-warnings           exit 1 on warnings as well as errors
  --require-tests           warn (FG5008) on a rule without a test block
  --base OLD                compare with an earlier version of the rules and warn
                            (FG4015) on a rule whose logic changed while its
                            version did not go up. OLD is a directory or file, a
                            git revision (the same paths at it: --base main) or
                            REV:PATH, as for `fundguard diff`
  --color auto|always|never colour the text output (default: auto: on a terminal)
  -h, --help                show this help

Exit codes: 0 no errors, 1 errors in the rules, 2 usage or I/O problem (also:
the --base rules cannot be read or have errors).
)";

int runCheck(const std::vector<std::string>& argv) {
  ArgumentSpec spec{{"--deny-warnings", "--require-tests", "-h", "--help"}, {"--format", "--lib", "--color", "--base"}};
  Arguments args = parseArguments(argv, spec);
  if (args.has("-h") || args.has("--help")) {
    std::cout << kCheckHelp;
    return kExitOk;
  }
  if (!args.error.empty()) {
    std::cerr << "fundguard check: " << args.error << "\n(see fundguard check --help)\n";
    return kExitUsage;
  }
  std::string format = args.option("--format").value_or("text");
  if (format != "text" && format != "json" && format != "sarif") {
    std::cerr << "fundguard check: --format must be text, json or sarif, not '" << format << "'\n";
    return kExitUsage;
  }
  std::string color = args.option("--color").value_or("auto");
  if (color != "auto" && color != "always" && color != "never") {
    std::cerr << "fundguard check: --color must be auto, always or never\n";
    return kExitUsage;
  }
  if (args.positional.empty()) {
    std::cerr << "fundguard check: name at least one .rule file or directory\n(see fundguard check --help)\n";
    return kExitUsage;
  }
  CheckOptions options;
  options.paths = args.positional;
  options.stdlibDir = args.option("--lib").value_or("");
  options.requireTests = args.has("--require-tests");
  CheckResult result = checkPaths(options);
  if (auto baseSpec = args.option("--base")) {
    BaseRules base;
    std::string error;
    if (!base.resolve(*baseSpec, options.paths, error)) {
      std::cerr << "fundguard check: " << error << "\n";
      return kExitUsage;
    }
    CheckOptions baseOptions;
    baseOptions.paths = base.paths();
    baseOptions.stdlibDir = options.stdlibDir;
    CheckResult before = checkPaths(baseOptions);
    if (before.diags.errorCount() > 0 || !before.inputsReadable) {
      std::cerr << "fundguard check: the --base rules (" << base.label() << ") have errors ("
                << renderSummary(before.diags.errorCount(), before.diags.warningCount(), before.filesChecked)
                << "): they cannot be compared\n";
      return kExitUsage;
    }
    reportUnchangedVersions(before, result);
  }
  const auto& diags = result.diags.all();
  if (format == "json") {
    std::cout << renderJson(result.program->sources, diags, result.filesChecked);
  } else if (format == "sarif") {
    std::cout << renderSarif(result.program->sources, diags, versionString());
  } else {
    RenderOptions render;
    render.color = color == "always" || (color == "auto" && isatty(fileno(stdout)));
    std::cout << renderText(result.program->sources, diags, render);
    std::cout << "fundguard check: " << result.rules.size() << " rule" << (result.rules.size() == 1 ? "" : "s") << ", "
              << renderSummary(result.diags.errorCount(), result.diags.warningCount(), result.filesChecked) << "\n";
  }
  if (!result.inputsReadable) return kExitUsage;
  if (result.diags.errorCount() > 0) return kExitRuleErrors;
  if (args.has("--deny-warnings") && result.diags.warningCount() > 0) return kExitRuleErrors;
  return kExitOk;
}

}  // namespace fundguard::cli
