// Where a base rule set comes from, for the commands that compare two rule sets (`fundguard
// diff --base`, `fundguard check --base`): a directory or file on disk, or rules at a git
// revision, extracted with the git command-line tool into a temporary directory that lives as
// long as the BaseRules object.
//
//   DIR or FILE   on disk (tried first)
//   REV:PATH      PATH at revision REV, PATH relative to the repository's top as in `git show`
//   REV           the paths the new rules were named by, at revision REV (`--base main`)
#pragma once

#include <string>
#include <vector>

namespace fundguard::cli {

class BaseRules {
 public:
  BaseRules() = default;
  ~BaseRules();
  BaseRules(const BaseRules&) = delete;
  BaseRules& operator=(const BaseRules&) = delete;

  // Resolves `spec` against the new rules' paths; false with `error` set when it names neither
  // a path on disk nor a revision git knows (or git fails).
  bool resolve(const std::string& spec, const std::vector<std::string>& currentPaths, std::string& error);

  const std::vector<std::string>& paths() const { return paths_; }
  // How to name the base in reports: the path, or REV:PATH.
  const std::string& label() const { return label_; }
  // A rule file's path as the user knows it: the extraction directory taken off.
  std::string displayPath(const std::string& path) const;

 private:
  std::vector<std::string> paths_;
  std::string label_;
  std::string extracted_;  // the temporary directory, when the rules came from git
};

}  // namespace fundguard::cli
