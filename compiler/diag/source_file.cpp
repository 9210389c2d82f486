// Line tables and UTF-8 helpers for SourceFile; see source_file.h.
#include "diag/source_file.h"

#include <algorithm>

namespace fundguard {

namespace utf8 {

char32_t decode(std::string_view text, size_t& i, bool& ok) {
  ok = true;
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int extra = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    extra = 1;
    cp = b0 & 0x1F;
    min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    extra = 2;
    cp = b0 & 0x0F;
    min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    extra = 3;
    cp = b0 & 0x07;
    min = 0x10000;
  } else {
    ok = false;
    ++i;
    return 0xFFFD;
  }
  for (int k = 1; k <= extra; ++k) {
    if (i + k >= text.size() || (byte(i + k) & 0xC0) != 0x80) {
      ok = false;
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ok = false;
    ++i;
    return 0xFFFD;
  }
  i += extra + 1;
  return cp;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int displayWidth(char32_t cp) {
  if (cp == 0) return 0;
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
      (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
      (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD))
    return 2;
  return 1;
}

int displayWidth(std::string_view text) {
  int width = 0;
  for (size_t i = 0; i < text.size();) {
    bool ok;
    char32_t cp = decode(text, i, ok);
    width += cp == '\t' ? 1 : displayWidth(cp);
  }
  return width;
}

size_t length(std::string_view text) {
  size_t n = 0;
  for (size_t i = 0; i < text.size(); ++n) {
    bool ok;
    decode(text, i, ok);
  }
  return n;
}

std::string prefix(std::string_view text, size_t chars) {
  size_t i = 0;
  for (size_t n = 0; n < chars && i < text.size(); ++n) {
    bool ok;
    decode(text, i, ok);
  }
  return std::string(text.substr(0, i));
}

}  // namespace utf8

SourceFile::SourceFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  lineStartChar_.push_back(0);
  lineStartByte_.push_back(0);
  uint32_t chars = 0;
  for (size_t i = 0; i < text_.size();) {
    bool ok;
    size_t at = i;
    char32_t cp = utf8::decode(text_, i, ok);
    if (!ok && firstInvalidByte_ == std::string::npos) firstInvalidByte_ = at;
    ++chars;
    if (cp == '\n') {
      lineStartChar_.push_back(chars);
      lineStartByte_.push_back(i);
    }
  }
}

LineCol SourceFile::position(uint32_t charOffset) const {
  auto it = std::upper_bound(lineStartChar_.begin(), lineStartChar_.end(), charOffset);
  size_t line = static_cast<size_t>(it - lineStartChar_.begin());  // 1-based
  return {static_cast<uint32_t>(line), charOffset - lineStartChar_[line - 1] + 1};
}

std::string_view SourceFile::lineText(uint32_t line) const {
  if (line == 0 || line > lineStartByte_.size()) return {};
  size_t begin = lineStartByte_[line - 1];
  size_t end = line < lineStartByte_.size() ? lineStartByte_[line] : text_.size();
  std::string_view view(text_.data() + begin, end - begin);
  while (!view.empty() && (view.back() == '\n' || view.back() == '\r')) view.remove_suffix(1);
  return view;
}

size_t SourceFile::byteOfChar(uint32_t charOffset) const {
  LineCol pos = position(charOffset);
  size_t i = lineStartByte_[pos.line - 1];
  for (uint32_t c = 1; c < pos.column && i < text_.size(); ++c) {
    bool ok;
    utf8::decode(text_, i, ok);
  }
  return i;
}

std::string SourceFile::slice(uint32_t begin, uint32_t end) const {
  if (end <= begin) return {};
  size_t b = byteOfChar(begin);
  size_t e = byteOfChar(end);
  return text_.substr(b, e - b);
}

uint32_t SourceFile::charOffsetOfByte(size_t byte) const {
  return static_cast<uint32_t>(utf8::length(std::string_view(text_).substr(0, byte)));
}

uint32_t SourceManager::add(std::string path, std::string text) {
  files_.push_back(std::make_unique<SourceFile>(std::move(path), std::move(text)));
  return static_cast<uint32_t>(files_.size());
}

}  // namespace fundguard
