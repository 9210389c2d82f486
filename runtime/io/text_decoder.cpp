// Encoding detection and conversion to UTF-8; see text_decoder.h.
#include "io/text_decoder.h"

#include <iconv.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

namespace fundguard {

namespace {

// Length of the well-formed UTF-8 sequence at bytes[i], 0 when it is malformed, and -1 when it
// is a valid beginning cut off by the end of `bytes` (detection reads in chunks).
int utf8SequenceLength(std::string_view bytes, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(bytes[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  int need;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    need = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // past U+10FFFF
  } else {
    return 0;
  }
  for (int k = 1; k < need; ++k) {
    if (i + static_cast<size_t>(k) >= bytes.size()) return -1;
    unsigned char t = b(i + static_cast<size_t>(k));
    if (k == 1 ? (t < lo || t > hi) : (t < 0x80 || t > 0xBF)) return 0;
  }
  return need;
}

void appendEscaped(std::string& out, unsigned char byte) {
  char buf[5];
  std::snprintf(buf, sizeof buf, "\\x%02X", byte);
  out += buf;
}

bool isAscii(std::string_view bytes) {
  for (char c : bytes)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

bool parseEncodingName(std::string_view name, Encoding& out) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lower == "auto") {
    out = Encoding::Auto;
  } else if (lower == "utf8" || lower == "utf-8") {
    out = Encoding::Utf8;
  } else if (lower == "gbk" || lower == "gb18030" || lower == "gb2312") {
    out = Encoding::Gb18030;
  } else {
    return false;
  }
  return true;
}

const char* encodingName(Encoding encoding) {
  switch (encoding) {
    case Encoding::Auto:
      return "auto";
    case Encoding::Utf8:
      return "utf-8";
    case Encoding::Gb18030:
      return "gb18030";
  }
  return "?";
}

bool isValidUtf8(std::string_view bytes) {
  for (size_t i = 0; i < bytes.size();) {
    int n = utf8SequenceLength(bytes, i);
    if (n <= 0) return false;
    i += static_cast<size_t>(n);
  }
  return true;
}

Encoding detectFileEncoding(const std::string& path, std::string& error, uint64_t scanLimitBytes) {
  // Enough non-ASCII text that GBK passing as UTF-8 by chance is not a real possibility.
  constexpr uint64_t kEvidenceBytes = 64 << 10;
  // GBK text passes for UTF-8 a character or two at a time, never for this long: past it, a bad
  // sequence is a damaged UTF-8 file (its records are rejected), not a GBK one to decode wrongly.
  constexpr uint64_t kTrustedUtf8Bytes = 256;
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    error = "cannot open " + path + ": " + std::strerror(errno);
    return Encoding::Auto;
  }
  std::vector<char> buffer(1 << 20);
  std::string carry;  // a sequence cut by the end of the previous chunk
  uint64_t scanned = 0, evidence = 0;
  bool first = true;
  while (scanned < scanLimitBytes && evidence < kEvidenceBytes) {
    size_t got = std::fread(buffer.data(), 1, buffer.size(), file.get());
    if (got == 0) break;
    scanned += got;
    std::string_view chunk(buffer.data(), got);
    if (first && chunk.substr(0, 3) == "\xEF\xBB\xBF") return Encoding::Utf8;
    first = false;
    std::string joined = carry + std::string(chunk);
    std::string_view text = joined;
    carry.clear();
    for (size_t i = 0; i < text.size();) {
      int n = utf8SequenceLength(text, i);
      if (n == 0) return evidence >= kTrustedUtf8Bytes ? Encoding::Utf8 : Encoding::Gb18030;
      if (n < 0) {
        carry = std::string(text.substr(i));
        break;
      }
      if (n > 1) evidence += static_cast<uint64_t>(n);
      i += static_cast<size_t>(n);
    }
  }
  if (std::ferror(file.get())) error = "cannot read " + path;
  // A sequence cut off by the end of the file is not UTF-8.
  if (!carry.empty() && std::feof(file.get())) return Encoding::Gb18030;
  return Encoding::Utf8;
}

TextDecoder::TextDecoder(Encoding encoding)
    : encoding_(encoding == Encoding::Gb18030 ? Encoding::Gb18030 : Encoding::Utf8) {
  if (encoding_ == Encoding::Gb18030) {
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    // glibc always has GB18030; if a stripped system lacks it, decode() reports every non-ASCII
    // field instead of crashing.
    if (cd != reinterpret_cast<iconv_t>(-1)) iconv_ = cd;
  }
}

TextDecoder::~TextDecoder() {
  if (iconv_) iconv_close(static_cast<iconv_t>(iconv_));
}

size_t TextDecoder::convert(std::string_view bytes, std::string& out, bool& ok) {
  ok = false;
  if (!iconv_) return 0;
  iconv_t cd = static_cast<iconv_t>(iconv_);
  iconv(cd, nullptr, nullptr, nullptr, nullptr);  // reset shift state after any earlier error
  char* in = const_cast<char*>(bytes.data());     // iconv's signature; it does not write input
  size_t inLeft = bytes.size();
  char buf[1024];
  while (inLeft > 0) {
    char* o = buf;
    size_t oLeft = sizeof buf;
    size_t r = iconv(cd, &in, &inLeft, &o, &oLeft);
    out.append(buf, static_cast<size_t>(o - buf));
    if (r == static_cast<size_t>(-1) && errno != E2BIG) return bytes.size() - inLeft;
  }
  ok = true;
  return bytes.size();
}

bool TextDecoder::decode(std::string_view bytes, std::string& out, std::string& reason) {
  out.clear();
  if (isAscii(bytes)) {  // the common case in both encodings
    out.assign(bytes);
    return true;
  }
  if (encoding_ == Encoding::Utf8) {
    if (!isValidUtf8(bytes)) {
      reason = "invalid UTF-8 bytes (the file is read as UTF-8)";
      return false;
    }
    out.assign(bytes);
    return true;
  }
  bool ok;
  convert(bytes, out, ok);
  if (!ok) {
    reason = iconv_ ? "bytes that are not valid GBK/GB18030" : "GB18030 conversion is not available (iconv)";
    out.clear();
  }
  return ok;
}

std::string TextDecoder::renderForReject(std::string_view bytes) {
  std::string out;
  if (encoding_ == Encoding::Utf8) {
    for (size_t i = 0; i < bytes.size();) {
      int n = utf8SequenceLength(bytes, i);
      if (n <= 0) {
        appendEscaped(out, static_cast<unsigned char>(bytes[i]));
        ++i;
      } else {
        out.append(bytes.substr(i, static_cast<size_t>(n)));
        i += static_cast<size_t>(n);
      }
    }
    return out;
  }
  // Decode as far as possible, escape the one byte that stops iconv, and carry on after it.
  while (!bytes.empty()) {
    bool ok;
    size_t used = convert(bytes, out, ok);
    if (ok) break;
    appendEscaped(out, static_cast<unsigned char>(bytes[used]));
    bytes.remove_prefix(used + 1);
  }
  return out;
}

}  // namespace fundguard
