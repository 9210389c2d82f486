// The subcommands of the `fundguard` tool. Each returns the process exit code:
//   0 success, 1 problems found in the rules (or failed tests), 2 usage or I/O problems.
#pragma once

#include <string>
#include <vector>

namespace fundguard::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRuleErrors = 1;
inline constexpr int kExitUsage = 2;

struct Command {
  const char* name;
  const char* summary;
  const char* help;  // full `fundguard NAME --help` text
  int (*run)(const std::vector<std::string>& args);
};

const std::vector<Command>& commands();

int runCheck(const std::vector<std::string>& args);
extern const char* const kCheckHelp;
int runRun(const std::vector<std::string>& args);
extern const char* const kRunHelp;
int runTest(const std::vector<std::string>& args);
extern const char* const kTestHelp;
int runIr(const std::vector<std::string>& args);
extern const char* const kIrHelp;
int runExplain(const std::vector<std::string>& args);
extern const char* const kExplainHelp;
int runDoc(const std::vector<std::string>& args);
extern const char* const kDocHelp;
int runDiff(const std::vector<std::string>& args);
extern const char* const kDiffHelp;
int runFmt(const std::vector<std::string>& args);
extern const char* const kFmtHelp;

std::string versionString();

}  // namespace fundguard::cli
