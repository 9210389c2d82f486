// Writing CSV records (RFC 4180 quoting) for every CSV the engine produces: hits and rejects.
// Records end with LF, not RFC 4180's CRLF: every CSV reader accepts LF, and line tools
// (grep, wc, diff) work on the output as it is.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace fundguard {

// Appends one field, quoted only when it holds a comma, a double quote, CR or LF; a quote inside
// is doubled. Bytes are copied as they are (the engine's text is UTF-8 already).
void appendCsvField(std::string& out, std::string_view field);

// Appends the fields separated by commas, then LF.
void appendCsvRecord(std::string& out, const std::vector<std::string>& fields);
void appendCsvRecord(std::string& out, std::initializer_list<std::string_view> fields);

}  // namespace fundguard
