// Text encodings of data files: deciding whether a CSV file is UTF-8 or GB18030 (the superset of
// GBK that Chinese settlement systems export), and converting field bytes to UTF-8. Bytes that do
// not decode are never replaced or dropped: the caller rejects the record and shows the bytes as
// \xNN (renderForReject).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace fundguard {

enum class Encoding : uint8_t { Auto, Utf8, Gb18030 };

// "auto", "utf8" / "utf-8", "gbk" / "gb18030" / "gb2312" (case-insensitive). False when unknown.
bool parseEncodingName(std::string_view name, Encoding& out);
const char* encodingName(Encoding encoding);  // "auto", "utf-8", "gb18030"

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool isValidUtf8(std::string_view bytes);

// Decides the encoding of a file for Encoding::Auto: GB18030 when a byte sequence is not valid
// UTF-8 before some 256 bytes of non-ASCII text were; UTF-8 when the file starts with a UTF-8
// byte-order mark, once enough non-ASCII text has proved valid UTF-8, or at the end of the file. Reads at most
// `scanLimitBytes`; a file that is still undecided by then (ASCII so far) is taken as UTF-8, so an explicit encoding is
// the remedy for a GBK file whose first non-ASCII byte lies beyond that. `error` is set when the file cannot be read.
Encoding detectFileEncoding(const std::string& path, std::string& error, uint64_t scanLimitBytes = 64u << 20);

// Converts the fields of one file to UTF-8. Not thread-safe (holds an iconv descriptor).
class TextDecoder {
 public:
  explicit TextDecoder(Encoding encoding);  // Utf8 or Gb18030; Auto is taken as Utf8
  ~TextDecoder();
  TextDecoder(const TextDecoder&) = delete;
  TextDecoder& operator=(const TextDecoder&) = delete;

  Encoding encoding() const { return encoding_; }
  // `bytes` as UTF-8 in `out`. False, with a one-line English `reason`, when they do not decode.
  bool decode(std::string_view bytes, std::string& out, std::string& reason);
  // For reject messages: what decodes, decoded; every byte that does not, as \xNN.
  std::string renderForReject(std::string_view bytes);

 private:
  // One iconv call over `bytes`; returns the number of input bytes consumed before an error.
  size_t convert(std::string_view bytes, std::string& out, bool& ok);

  Encoding encoding_;
  void* iconv_ = nullptr;  // iconv_t, kept opaque so <iconv.h> stays out of this header
};

}  // namespace fundguard
