// The `fundguard` command: one tool, subcommands. A thin layer over the compiler library;
// screening jobs link the library directly.
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"

namespace fundguard::cli {

std::string versionString() {
  return FUNDGUARD_VERSION;
}

const std::vector<Command>& commands() {
  static const std::vector<Command> list = {
      {"check", "parse and type-check rule files", kCheckHelp, runCheck},
      {"run", "screen a dataset with rules: hits, rejects, summary", kRunHelp, runRun},
      {"test", "run the test blocks of rule files", kTestHelp, runTest},
      {"ir", "print the typed IR of rule files", kIrHelp, runIr},
      {"explain", "show why one rule hits (or not) one record", kExplainHelp, runExplain},
      {"diff", "compare two versions of a rule set: hits and money added and removed", kDiffHelp, runDiff},
      {"doc", "write the reference page of a rule library (docs/rules.md)", kDocHelp, runDoc},
      {"fmt", "rewrite rule files in the canonical layout (--check: only list them)", kFmtHelp, runFmt},
  };
  return list;
}

namespace {

void printUsage(std::ostream& out) {
  out << "FundGuard " << versionString() << ": policy language, compiler and engine for medical-insurance\n"
      << "settlement screening (打击欺诈骗保).\n\n"
      << "Usage: fundguard COMMAND [OPTIONS] [ARGS]\n\nCommands:\n";
  for (const auto& c : commands())
    out << "  " << c.name << std::string(10 - std::string(c.name).size(), ' ') << c.summary << "\n";
  out << "  help      show help for a command: fundguard help check\n\n"
      << "Options:\n  --version  print the version\n  -h, --help show this help\n\n"
      << "Exit codes: 0 success, 1 problems in the rules, 2 usage or I/O problem.\n";
}

}  // namespace
}  // namespace fundguard::cli

int main(int argc, char** argv) {
  using namespace fundguard::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    printUsage(std::cerr);
    return kExitUsage;
  }
  const std::string& first = args[0];
  if (first == "--version" || first == "version") {
    std::cout << "fundguard " << versionString() << "\n";
    return kExitOk;
  }
  if (first == "-h" || first == "--help") {
    printUsage(std::cout);
    return kExitOk;
  }
  if (first == "help") {
    if (args.size() == 1) {
      printUsage(std::cout);
      return kExitOk;
    }
    for (const auto& c : commands())
      if (args[1] == c.name) {
        std::cout << c.help;
        return kExitOk;
      }
    std::cerr << "fundguard: no command '" << args[1] << "'\n";
    return kExitUsage;
  }
  for (const auto& c : commands())
    if (first == c.name) return c.run(std::vector<std::string>(args.begin() + 1, args.end()));
  std::cerr << "fundguard: unknown command '" << first << "'\n\n";
  printUsage(std::cerr);
  return kExitUsage;
}
