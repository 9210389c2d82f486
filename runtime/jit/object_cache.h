// Object code of compiled rule sets, kept on disk so that a rule set compiles once per machine:
// the key is a SHA-256 of everything the object code depends on (the generated LLVM module
// before optimisation, the optimisation level, the host CPU and its features, the LLVM
// version), so a changed rule, parameter layout, helper or machine gives a new key. Files are
// written atomically (a temporary name, then rename) and a file that cannot be used is simply
// compiled again. FUNDGUARD_JIT_CACHE names the directory, or `off`; by default
// $XDG_CACHE_HOME/fundguard/jit, else ~/.cache/fundguard/jit.
#pragma once

#include <memory>
#include <string>

#include <llvm/Support/MemoryBuffer.h>

namespace fundguard::jit {

class ObjectCache {
 public:
  static ObjectCache fromEnvironment();
  bool enabled() const { return !dir_.empty(); }
  const std::string& directory() const { return dir_; }
  std::unique_ptr<llvm::MemoryBuffer> load(const std::string& key) const;  // null on a miss
  void store(const std::string& key, llvm::StringRef object) const;        // best effort

 private:
  std::string dir_;
};

}  // namespace fundguard::jit
