// A small command-line reader shared by the subcommands: positional arguments, `--flag`,
// `--option VALUE` and `--option=VALUE`. Unknown options are usage errors (exit code 2).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fundguard::cli {

struct ArgumentSpec {
  std::set<std::string> flags;    // take no value
  std::set<std::string> options;  // take one value
};

struct Arguments {
  std::vector<std::string> positional;
  std::set<std::string> flags;
  std::map<std::string, std::string> options;
  std::string error;  // set when the command line is wrong

  bool has(const std::string& flag) const { return flags.count(flag) > 0; }
  std::optional<std::string> option(const std::string& name) const;
};

Arguments parseArguments(const std::vector<std::string>& args, const ArgumentSpec& spec);

// The values of an option that may be given several times (`--rules A --rules B`, also
// `--rules=A`), taken out of `argv` before parseArguments reads the rest.
std::vector<std::string> takeRepeated(std::vector<std::string>& argv, const std::string& name);

}  // namespace fundguard::cli
