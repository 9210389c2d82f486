// See rule_sources.h.
#include "rule_sources.h"

#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fundguard::cli {

namespace fs = std::filesystem;

namespace {

std::string shellQuoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs a shell command; its standard output (trailing newline removed), or false when it fails.
// Its standard error goes to `errorFile` for the message.
bool run(const std::string& command, std::string& output, const std::string& errorFile) {
  FILE* pipe = popen((command + " 2>" + shellQuoted(errorFile)).c_str(), "r");
  if (!pipe) return false;
  char buffer[4096];
  size_t n;
  output.clear();
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  int status = pclose(pipe);
  while (!output.empty() && output.back() == '\n') output.pop_back();
  return status == 0;
}

std::string firstLine(const std::string& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  return line;
}

}  // namespace

BaseRules::~BaseRules() {
  if (extracted_.empty()) return;
  std::error_code ec;
  fs::remove_all(extracted_, ec);
}

std::string BaseRules::displayPath(const std::string& path) const {
  if (extracted_.empty() || path.rfind(extracted_ + "/", 0) != 0) return path;
  return path.substr(extracted_.size() + 1);
}

bool BaseRules::resolve(const std::string& spec, const std::vector<std::string>& currentPaths, std::string& error) {
  std::error_code ec;
  if (fs::exists(spec, ec)) {
    paths_ = {spec};
    label_ = spec;
    return true;
  }
  // A revision: which one, and which paths at it (relative to the repository's top).
  std::string revision = spec;
  std::vector<std::string> inRepository;
  std::string top;
  const char* tmp = std::getenv("TMPDIR");
  std::string dir = std::string(tmp && *tmp ? tmp : "/tmp") + "/fundguard-base.XXXXXX";
  if (!mkdtemp(dir.data())) {
    error = "cannot create a temporary directory for the base rules";
    return false;
  }
  extracted_ = dir;
  std::string errors = extracted_ + "/.git-errors";
  if (!run("git rev-parse --show-toplevel", top, errors)) {
    error = "--base " + spec + " is not a path, and this is not a git repository (" + firstLine(errors) + ")";
    return false;
  }
  if (size_t colon = spec.find(':'); colon != std::string::npos) {
    revision = spec.substr(0, colon);
    inRepository.push_back(spec.substr(colon + 1));
  } else {
    for (const std::string& p : currentPaths) {
      fs::path relative = fs::absolute(p, ec).lexically_normal().lexically_relative(top);
      if (relative.empty() || *relative.begin() == "..") {
        error = p + " is outside the git repository " + top + ": name the base as a directory";
        return false;
      }
      inRepository.push_back(relative.generic_string());
    }
  }
  std::string ignored;
  if (revision.empty() ||
      !run("git rev-parse --verify --quiet " + shellQuoted(revision + "^{commit}"), ignored, errors)) {
    error = "--base " + spec + ": no such path, and git knows no revision '" + revision + "'";
    return false;
  }
  std::string command = "git -C " + shellQuoted(top) + " archive --format=tar " + shellQuoted(revision) + " --";
  for (const std::string& p : inRepository) command += " " + shellQuoted(p);
  std::string archive = extracted_ + "/.base.tar";
  command += " > " + shellQuoted(archive) + " && tar -xf " + shellQuoted(archive) + " -C " + shellQuoted(extracted_);
  if (!run(command, ignored, errors)) {
    error = "cannot extract the base rules from git: " + firstLine(errors);
    return false;
  }
  fs::remove(archive, ec);
  fs::remove(errors, ec);
  for (const std::string& p : inRepository) paths_.push_back(extracted_ + "/" + p);
  label_ = inRepository.size() == 1 ? revision + ":" + inRepository[0] : revision;
  return true;
}

}  // namespace fundguard::cli
