// See object_cache.h.
#include "jit/object_cache.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <llvm/Object/ObjectFile.h>

namespace fundguard::jit {

ObjectCache ObjectCache::fromEnvironment() {
  ObjectCache cache;
  const char* chosen = std::getenv("FUNDGUARD_JIT_CACHE");
  if (chosen && std::string(chosen) == "off") return cache;
  std::filesystem::path dir;
  if (chosen && *chosen) {
    dir = chosen;
  } else if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    dir = std::filesystem::path(xdg) / "fundguard" / "jit";
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    dir = std::filesystem::path(home) / ".cache" / "fundguard" / "jit";
  } else {
    return cache;
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (!ec && std::filesystem::is_directory(dir, ec)) cache.dir_ = dir.string();
  return cache;
}

std::unique_ptr<llvm::MemoryBuffer> ObjectCache::load(const std::string& key) const {
  if (!enabled()) return nullptr;
  std::string path = dir_ + "/" + key + ".o";
  auto file = llvm::MemoryBuffer::getFile(path);
  if (!file) return nullptr;
  // A file that is not a whole object file (cut short, overwritten) is dropped and compiled again.
  auto object = llvm::object::ObjectFile::createObjectFile((*file)->getMemBufferRef());
  if (!object) {
    llvm::consumeError(object.takeError());
    std::error_code ec;
    std::filesystem::remove(path, ec);
    return nullptr;
  }
  return std::move(*file);
}

void ObjectCache::store(const std::string& key, llvm::StringRef object) const {
  if (!enabled()) return;
  std::string path = dir_ + "/" + key + ".o";
  std::string temporary = path + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary);
    out.write(object.data(), static_cast<std::streamsize>(object.size()));
    if (!out) {
      std::error_code ec;
      std::filesystem::remove(temporary, ec);
      return;
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) std::filesystem::remove(temporary, ec);
}

}  // namespace fundguard::jit
