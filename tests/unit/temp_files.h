// Temporary data directories for the reader tests: each TempDir is a fresh, uniquely named
// directory under the system temp directory, removed with everything in it when it goes away.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

namespace fundguard::testing {

class TempDir {
 public:
  TempDir() {
    static std::atomic<unsigned> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("fundguard-io-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string dir() const { return path_.string(); }
  // Writes `bytes` exactly (no newline translation) to NAME in the directory; returns its path.
  std::string write(const std::string& name, const std::string& bytes) const {
    std::string file = (path_ / name).string();
    std::ofstream out(file, std::ios::binary);
    out << bytes;
    return file;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace fundguard::testing
