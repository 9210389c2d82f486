// A small streaming JSON writer: diagnostics, SARIF logs and (later) hits are written with it.
// Output is deterministic: keys come out in the order they are written.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fundguard {

class JsonWriter {
 public:
  explicit JsonWriter(bool pretty = false) : pretty_(pretty) {}

  JsonWriter& beginObject();
  JsonWriter& endObject();
  JsonWriter& beginArray();
  JsonWriter& endArray();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(int64_t number);
  JsonWriter& value(uint64_t number) { return value(static_cast<int64_t>(number)); }
  JsonWriter& value(int number) { return value(static_cast<int64_t>(number)); }
  JsonWriter& value(unsigned number) { return value(static_cast<int64_t>(number)); }
  JsonWriter& value(bool flag);
  JsonWriter& null();

  const std::string& str() const { return out_; }

  static void escape(std::string& out, std::string_view text);

 private:
  void separate();
  void newline();

  std::string out_;
  std::vector<bool> hasItems_;  // one per open container
  bool afterKey_ = false;
  bool pretty_;
};

}  // namespace fundguard
