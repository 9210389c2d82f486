// See module_loader.h.
#include "sema/module_loader.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "syntax/parser.h"

namespace fundguard {

namespace fs = std::filesystem;

namespace {

bool readFile(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buf;
  buf << in.rdbuf();
  out = buf.str();
  return !in.bad();
}

bool isUnder(const fs::path& path, const fs::path& dir) {
  auto rel = path.lexically_relative(dir);
  return !rel.empty() && *rel.begin() != "..";
}

}  // namespace

std::string ModuleLoader::displayPath(const fs::path& path) const {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  fs::path canonical = fs::weakly_canonical(path, ec);
  if (!ec && isUnder(canonical, cwd)) return canonical.lexically_relative(cwd).generic_string();
  fs::path lib = fs::weakly_canonical(program_.stdlibDir, ec);
  if (!ec && isUnder(canonical, lib)) return "stdlib-rules/" + canonical.lexically_relative(lib).generic_string();
  return path.generic_string();
}

bool ModuleLoader::load(const std::vector<std::string>& paths) {
  bool ioOk = true;
  std::vector<fs::path> files;
  for (const auto& p : paths) {
    std::error_code ec;
    fs::path path(p);
    if (fs::is_directory(path, ec)) {
      // A folder with a std/ of its own is a standard library (a copy under test, a region's
      // fork): its std.* modules are the ones its rules import, so no module is loaded twice.
      if (fs::is_directory(path / "std", ec)) libraryRoots_.push_back(fs::absolute(path, ec).lexically_normal());
      std::vector<fs::path> found;
      if (!collectRuleFiles(path, found)) ioOk = false;
      std::sort(found.begin(), found.end());
      if (found.empty()) {
        diags_.report(DiagCode::FG0001, {}, fmt::format("no .rule files under `{}`", p),
                      "name a directory that holds rule files, or the files themselves");
        ioOk = false;
      }
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(path, ec)) {
      if (path.extension() != ".rule") {
        diags_.report(DiagCode::FG0001, {}, fmt::format("`{}` is not a .rule file", p),
                      "name .rule files, or folders that hold them");
        ioOk = false;
        continue;
      }
      files.push_back(path);
    } else {
      diags_.report(DiagCode::FG0001, {},
                    fs::exists(path, ec) ? fmt::format("`{}` is neither a file nor a folder", p)
                                         : fmt::format("cannot read `{}`: no such file or directory", p),
                    "name a .rule file or a directory of them");
      ioOk = false;
    }
  }
  for (const auto& f : files) {
    if (!loadFile(f, true, {})) ioOk = false;
  }
  resolveAllImports();
  return ioOk;
}

void ModuleLoader::resolveAllImports() {
  // Imports may load more modules; resolve until nothing new appears.
  for (size_t i = resolvedUpTo_; i < program_.modules.size(); ++i) resolveImports(*program_.modules[i]);
  resolvedUpTo_ = program_.modules.size();
  reportCycles();
}

void ModuleLoader::addSource(const std::string& path, std::string text) {
  std::error_code ec;
  addModule(fs::weakly_canonical(path, ec).string(), path, std::move(text), true);
}

// Walks a directory tree by hand so that an unreadable folder is reported and the walk goes
// on, rather than ending silently with the files after it unchecked.
bool ModuleLoader::collectRuleFiles(const fs::path& dir, std::vector<fs::path>& out) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    diags_.report(DiagCode::FG0001, {}, fmt::format("cannot read folder `{}`: {}", displayPath(dir), ec.message()),
                  "check the folder's permissions");
    return false;
  }
  bool ok = true;
  for (fs::directory_iterator end; it != end; it.increment(ec)) {
    if (ec) {
      diags_.report(DiagCode::FG0001, {}, fmt::format("cannot list folder `{}`: {}", displayPath(dir), ec.message()),
                    "");
      return false;
    }
    std::error_code kindError;
    if (it->is_directory(kindError)) {
      if (!it->is_symlink(kindError)) ok &= collectRuleFiles(it->path(), out);  // no cycles through links
    } else if (it->path().extension() == ".rule" && it->is_regular_file(kindError)) {
      out.push_back(it->path());
    }
  }
  return ok;
}

Module* ModuleLoader::loadFile(const fs::path& path, bool requested, Span importedAt) {
  std::error_code ec;
  std::string key = fs::weakly_canonical(path, ec).string();
  auto it = byCanonicalPath_.find(key);
  if (it != byCanonicalPath_.end()) {
    it->second->requested |= requested;
    return it->second;
  }
  std::string text;
  if (!readFile(path, text)) {
    diags_.report(DiagCode::FG0001, importedAt, fmt::format("cannot read `{}`", displayPath(path)),
                  "check that the file exists and is readable");
    return nullptr;
  }
  Module* module = addModule(key, displayPath(path), std::move(text), requested);
  // Imports are looked for beside the file as it was named, even when that is a link.
  module->dir = fs::absolute(path, ec).parent_path().lexically_normal().string();
  return module;
}

Module* ModuleLoader::addModule(const std::string& key, const std::string& shownPath, std::string text,
                                bool requested) {
  auto module = std::make_unique<Module>();
  module->path = shownPath;
  module->realPath = key;
  module->dir = fs::path(key).parent_path().string();
  module->fileId = program_.sources.add(module->path, std::move(text));
  module->requested = requested;
  module->ast = parseFile(program_.sources, module->fileId, diags_);
  if (module->ast->module) module->name = module->ast->module->dotted();
  module->exprTypes.assign(module->ast->exprCount, Type::error());
  module->resolutions.assign(module->ast->exprCount, Resolution{});
  Module* raw = module.get();
  byCanonicalPath_[key] = raw;
  program_.modules.push_back(std::move(module));
  return raw;
}

std::vector<fs::path> ModuleLoader::candidates(const std::string& dotted, const fs::path& fromDir) const {
  fs::path relative;
  size_t start = 0;
  while (true) {
    size_t dot = dotted.find('.', start);
    std::string part = dotted.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    relative /= part;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  relative += ".rule";
  std::vector<fs::path> out;
  bool standard = dotted.rfind("std.", 0) == 0;
  std::error_code ec;
  fs::path dir = fs::absolute(fromDir, ec).lexically_normal();
  for (int depth = 0; !standard && depth < 16 && !dir.empty(); ++depth) {
    out.push_back(dir / relative);
    if (dir == dir.parent_path() || fs::exists(dir / ".git", ec)) break;  // the root of the rule repository
    dir = dir.parent_path();
  }
  if (standard)
    for (const fs::path& root : libraryRoots_) out.push_back(root / relative);
  if (!program_.stdlibDir.empty()) out.push_back(fs::path(program_.stdlibDir) / relative);
  return out;
}

// For a std.* module that does not exist: the closest one that does, or where it was looked for.
std::string ModuleLoader::stdlibHint(const std::string& dotted, const std::string& file) const {
  std::vector<std::string> modules;
  std::error_code ec;
  for (fs::directory_iterator it(fs::path(program_.stdlibDir) / "std", ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".rule") modules.push_back("std." + it->path().stem().string());
  std::string guess = closestMatch(dotted, modules);
  if (!guess.empty()) return fmt::format("did you mean `{}`?", guess);
  return fmt::format("modules named std.* are the standard library's: there is no stdlib-rules/{}.rule", file);
}

void ModuleLoader::resolveImports(Module& module) {
  fs::path fromDir = module.dir;
  for (const auto& imp : module.ast->imports) {
    std::string dotted = imp.dotted();
    if (dotted.empty()) continue;
    Module* found = nullptr;
    fs::path foundPath;
    for (const auto& candidate : candidates(dotted, fromDir.empty() ? fs::path(".") : fromDir)) {
      std::error_code ec;
      if (fs::is_regular_file(candidate, ec)) {
        found = loadFile(candidate, false, imp.span);
        foundPath = candidate;
        break;
      }
    }
    if (!found) {
      module.importFailed = true;
      std::string file = dotted;
      std::replace(file.begin(), file.end(), '.', '/');
      diags_.report(DiagCode::FG1001, imp.span, fmt::format("no module `{}` was found", dotted),
                    dotted.rfind("std.", 0) == 0
                        ? stdlibHint(dotted, file)
                        : fmt::format("it should be a file `{}.rule` beside this file, in a folder above it, or in the "
                                      "standard library (stdlib-rules/)",
                                      file));
      continue;
    }
    if (found->name != dotted) {
      Span at = found->ast->module ? found->ast->module->span : Span{found->fileId, 0, 0};
      auto& d = diags_.report(
          DiagCode::FG1002, at,
          found->name.empty()
              ? fmt::format("`{}` is imported as module `{}` but has no `module` line", found->path, dotted)
              : fmt::format("file `{}` declares module `{}` but is imported as `{}`", found->path, found->name, dotted),
          fmt::format("start the file with `module {}`", dotted));
      d.notes.push_back({imp.span, "imported here"});
    }
    if (found == &module) {
      diags_.report(DiagCode::FG1003, imp.span, fmt::format("module `{}` imports itself", dotted),
                    "remove this import");
      continue;
    }
    if (std::find(module.imports.begin(), module.imports.end(), found) == module.imports.end())
      module.imports.push_back(found);
  }
}

void ModuleLoader::reportCycles() {
  // Depth-first search; a back edge closes a cycle. Reported once, at the import that closes it.
  std::map<const Module*, int> state;  // 0 new, 1 on stack, 2 done
  std::vector<const Module*> stack;
  std::set<std::string> reported;
  std::function<void(const Module*)> visit = [&](const Module* m) {
    state[m] = 1;
    stack.push_back(m);
    for (const Module* next : m->imports) {
      if (state[next] == 1) {
        std::string chain;
        auto from = std::find(stack.begin(), stack.end(), next);
        for (auto it = from; it != stack.end(); ++it) chain += (*it)->name + " -> ";
        chain += next->name;
        if (reported.insert(chain).second) {
          for (const auto& imp : m->ast->imports)
            if (imp.dotted() == next->name) {
              diags_.report(DiagCode::FG1003, imp.span, fmt::format("import cycle: {}", chain),
                            "move what both modules need into a third module that both import");
              break;
            }
        }
      } else if (state[next] == 0) {
        visit(next);
      }
    }
    stack.pop_back();
    state[m] = 2;
  };
  for (const auto& m : program_.modules)
    if (state[m.get()] == 0) visit(m.get());
}

}  // namespace fundguard
