// The exact scalar representations FundGuard computes with, and their text forms:
//   money    -> int64 fen (1 yuan = 100 fen); never binary floating point
//   dec      -> int64 scaled by 10^4 (up to 4 decimal places, as the data contract allows)
//   date     -> int32 days since 1970-01-01 (proleptic Gregorian)
//   datetime -> int64 seconds since 1970-01-01 00:00:00 (no time zone: settlement local time)
// Used by the readers to parse data, and by the checker to validate literals in rules.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fundguard {

constexpr int64_t kDecScale = 10000;

// Why a text could not be read as a value; empty when it could.
struct ParseError {
  std::string reason;
};

template <typename T>
struct Parsed {
  std::optional<T> value;
  std::string error;  // set when value is empty
  explicit operator bool() const { return value.has_value(); }
};

// "12", "12.3", "-0.05" -> fen. More than two decimal places is an error, never rounded.
Parsed<int64_t> parseMoney(std::string_view text);
std::string formatMoney(int64_t fen);

// Up to four decimal places -> value * 10^4.
Parsed<int64_t> parseDec(std::string_view text);
std::string formatDec(int64_t scaled);

Parsed<int64_t> parseInt(std::string_view text);

// "YYYY-MM-DD" with a real calendar day.
Parsed<int32_t> parseDate(std::string_view text);
std::string formatDate(int32_t days);
// "YYYY-MM-DD HH:MM:SS" (also 'T' as separator, and without seconds).
Parsed<int64_t> parseDateTime(std::string_view text);
std::string formatDateTime(int64_t seconds);

int32_t daysFromCivil(int year, unsigned month, unsigned day);
void civilFromDays(int32_t days, int& year, unsigned& month, unsigned& day);
bool validCivil(int year, unsigned month, unsigned day);

}  // namespace fundguard
