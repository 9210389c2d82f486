// Finds, reads and parses the source files of a Program: the files and directories named on
// the command line, then every module they import, found by name under the search roots.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "sema/program.h"

namespace fundguard {

class ModuleLoader {
 public:
  ModuleLoader(Program& program, DiagnosticSink& diags) : program_(program), diags_(diags) {}

  // Loads every .rule file under `paths` (directories recursively, in name order) and, through
  // their imports, every module they need. Returns false when a named path cannot be read
  // (an I/O problem, as opposed to an error in the rules).
  bool load(const std::vector<std::string>& paths);
  // Adds a file held in memory (tests, embedding); `path` is what diagnostics show and where
  // its imports are looked for.
  void addSource(const std::string& path, std::string text);
  // Resolves the imports of every module loaded so far, loading what they need.
  void resolveAllImports();

  // Where `import a.b` from a file in `fromDir` finds its file: a/b.rule under the nearest of
  // fromDir and its parents that has it (stopping at the root of a git work tree), then under
  // the standard library directory. Modules named std.* come from the standard library only,
  // so that no folder on the way can replace it by accident: from a folder named to load() that
  // holds a std/ folder (a library tree under test), else from the standard library directory.
  std::vector<std::filesystem::path> candidates(const std::string& dotted, const std::filesystem::path& fromDir) const;

 private:
  Module* loadFile(const std::filesystem::path& path, bool requested, Span importedAt);
  bool collectRuleFiles(const std::filesystem::path& dir, std::vector<std::filesystem::path>& out);
  Module* addModule(const std::string& key, const std::string& shownPath, std::string text, bool requested);
  void resolveImports(Module& module);
  std::string stdlibHint(const std::string& dotted, const std::string& file) const;
  void reportCycles();
  std::string displayPath(const std::filesystem::path& path) const;

  Program& program_;
  DiagnosticSink& diags_;
  std::map<std::string, Module*> byCanonicalPath_;
  std::vector<std::filesystem::path> libraryRoots_;  // folders named to load() that hold a std/
  size_t resolvedUpTo_ = 0;
};

}  // namespace fundguard
