// A source file held in memory: its UTF-8 text and where its lines start, so that a position
// (counted in Unicode characters, as the ANTLR lexer counts) maps to line, column and the text of
// the line. Diagnostics are rendered from here, never by re-reading the file.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fundguard {

// A half-open range [begin, end) of character offsets in one source file.
struct Span {
  uint32_t file = 0;   // index into the SourceManager; 0 = no file
  uint32_t begin = 0;  // character offset of the first character
  uint32_t end = 0;    // character offset one past the last character
  bool valid() const { return file != 0; }
};

struct LineCol {
  uint32_t line = 0;    // 1-based
  uint32_t column = 0;  // 1-based, in characters
};

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  LineCol position(uint32_t charOffset) const;
  // The text of a 1-based line without its line terminator.
  std::string_view lineText(uint32_t line) const;
  uint32_t lineCount() const { return static_cast<uint32_t>(lineStartChar_.size()); }
  // The character offset at which a 1-based line begins.
  uint32_t lineStart(uint32_t line) const { return lineStartChar_.at(line - 1); }
  // UTF-8 text of the characters [begin, end).
  std::string slice(uint32_t begin, uint32_t end) const;
  // True when the text was valid UTF-8; invalid sequences are kept as U+FFFD for the lexer.
  bool validUtf8() const { return firstInvalidByte_ == std::string::npos; }
  size_t firstInvalidByte() const { return firstInvalidByte_; }
  uint32_t charOffsetOfByte(size_t byte) const;

 private:
  size_t byteOfChar(uint32_t charOffset) const;

  std::string path_;
  std::string text_;
  std::vector<uint32_t> lineStartChar_;
  std::vector<size_t> lineStartByte_;
  size_t firstInvalidByte_ = std::string::npos;
};

// Owns every file of one compilation; file ids start at 1 so that Span{} means "nowhere".
class SourceManager {
 public:
  uint32_t add(std::string path, std::string text);
  const SourceFile& file(uint32_t id) const { return *files_.at(id - 1); }
  size_t size() const { return files_.size(); }

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
};

// Decoding helpers shared by the lexer input and the renderers.
namespace utf8 {
// Decodes one code point at text[i]; advances i. Returns U+FFFD and sets ok=false on bad input.
char32_t decode(std::string_view text, size_t& i, bool& ok);
void append(std::string& out, char32_t cp);
// Terminal columns a code point takes: 2 for East Asian wide and full-width characters.
int displayWidth(char32_t cp);
int displayWidth(std::string_view text);
// Number of characters (code points) in UTF-8 text; invalid bytes count one each.
size_t length(std::string_view text);
// The first `chars` characters of UTF-8 text, never splitting one.
std::string prefix(std::string_view text, size_t chars);
}  // namespace utf8

}  // namespace fundguard
