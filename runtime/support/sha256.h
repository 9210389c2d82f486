// SHA-256 (through Debian's libnettle), used to identify exactly which rule set produced a run.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace fundguard {

// Incremental SHA-256 over byte strings.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view bytes);
  // The digest as 64 lower-case hex digits. The object is reset afterwards.
  std::string hexDigest();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// SHA-256 of the bytes as 64 lower-case hex digits.
std::string sha256Hex(std::string_view bytes);

}  // namespace fundguard
