// Parsing and formatting of money, decimals, dates and datetimes; see scalar_values.h.
#include "data/scalar_values.h"

#include <cstdio>
#include <limits>

namespace fundguard {

namespace {

// Parses [-]digits[.digits] into value * 10^places; fails past `places` decimals.
Parsed<int64_t> parseScaled(std::string_view text, int places, const char* what) {
  Parsed<int64_t> out;
  std::string_view s = text;
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) {
    out.error = std::string("empty ") + what;
    return out;
  }
  int64_t whole = 0;
  size_t i = 0;
  bool digits = false;
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max() / 100000;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    whole = whole * 10 + (s[i] - '0');
    digits = true;
    if (whole > kMax) {
      out.error = std::string(what) + " out of range";
      return out;
    }
  }
  int64_t frac = 0;
  int fracDigits = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++fracDigits) {
      if (fracDigits >= places) {
        if (s[i] == '0') continue;  // 12.500 is exactly 12.50: trailing zeros are harmless
        out.error = std::string(what) + " has more than " + std::to_string(places) + " decimal places";
        return out;
      }
      frac = frac * 10 + (s[i] - '0');
      digits = true;
    }
  }
  if (!digits || i != s.size()) {
    out.error = std::string("not a ") + what + ": '" + std::string(text) + "'";
    return out;
  }
  int64_t scale = 1;
  for (int k = 0; k < places; ++k) scale *= 10;
  for (int k = fracDigits; k < places; ++k) frac *= 10;
  int64_t v = whole * scale + frac;
  out.value = negative ? -v : v;
  return out;
}

std::string formatScaled(int64_t v, int places) {
  if (places == 0) return std::to_string(v);
  int64_t scale = 1;
  for (int k = 0; k < places; ++k) scale *= 10;
  bool negative = v < 0;
  uint64_t mag = negative ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  std::string frac = std::to_string(mag % static_cast<uint64_t>(scale));
  frac.insert(0, static_cast<size_t>(places) - frac.size(), '0');
  return (negative ? "-" : "") + std::to_string(mag / static_cast<uint64_t>(scale)) + "." + frac;
}

bool digitsAt(std::string_view s, size_t at, size_t n, int& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

Parsed<int64_t> parseMoney(std::string_view text) {
  return parseScaled(text, 2, "money amount");
}
std::string formatMoney(int64_t fen) {
  return formatScaled(fen, 2);
}

Parsed<int64_t> parseDec(std::string_view text) {
  return parseScaled(text, 4, "decimal");
}
std::string formatDec(int64_t scaled) {
  std::string s = formatScaled(scaled, 4);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

Parsed<int64_t> parseInt(std::string_view text) {
  return parseScaled(text, 0, "whole number");
}

bool validCivil(int year, unsigned month, unsigned day) {
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  unsigned limit = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= limit;
}

// Days from civil, after H. Hinnant's public-domain algorithm description.
int32_t daysFromCivil(int year, unsigned month, unsigned day) {
  year -= month <= 2;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

void civilFromDays(int32_t days, int& year, unsigned& month, unsigned& day) {
  days += 719468;
  const int era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  day = doy - (153 * mp + 2) / 5 + 1;
  month = mp < 10 ? mp + 3 : mp - 9;
  year = static_cast<int>(yoe) + era * 400 + (month <= 2);
}

Parsed<int32_t> parseDate(std::string_view text) {
  Parsed<int32_t> out;
  int y, m, d;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digitsAt(text, 0, 4, y) || !digitsAt(text, 5, 2, m) ||
      !digitsAt(text, 8, 2, d)) {
    out.error = "not a date (YYYY-MM-DD): '" + std::string(text) + "'";
    return out;
  }
  if (!validCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d))) {
    out.error = "no such day: '" + std::string(text) + "'";
    return out;
  }
  out.value = daysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  return out;
}

std::string formatDate(int32_t days) {
  int y;
  unsigned m, d;
  civilFromDays(days, y, m, d);
  char buf[32];  // room for any int the format could print (GCC -O3 checks)
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

Parsed<int64_t> parseDateTime(std::string_view text) {
  Parsed<int64_t> out;
  auto date = parseDate(text.substr(0, 10));
  int hh = 0, mm = 0, ss = 0;
  bool shapeOk = text.size() >= 16 && (text[10] == ' ' || text[10] == 'T') && text[13] == ':' &&
                 digitsAt(text, 11, 2, hh) && digitsAt(text, 14, 2, mm) &&
                 (text.size() == 16 || (text.size() == 19 && text[16] == ':' && digitsAt(text, 17, 2, ss)));
  if (!date || !shapeOk) {
    out.error = "not a datetime (YYYY-MM-DD HH:MM:SS): '" + std::string(text) + "'";
    return out;
  }
  if (hh > 23 || mm > 59 || ss > 59) {
    out.error = "no such time of day: '" + std::string(text) + "'";
    return out;
  }
  out.value = static_cast<int64_t>(*date.value) * 86400 + hh * 3600 + mm * 60 + ss;
  return out;
}

std::string formatDateTime(int64_t seconds) {
  int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  int64_t rest = seconds - days * 86400;
  char buf[16];
  std::snprintf(buf, sizeof buf, " %02d:%02d:%02d", static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60),
                static_cast<int>(rest % 60));
  return formatDate(static_cast<int32_t>(days)) + buf;
}

}  // namespace fundguard
