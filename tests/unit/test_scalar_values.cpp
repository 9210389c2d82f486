// Exact money, decimals, dates: the representations every later stage relies on.
#include <doctest/doctest.h>

#include "data/scalar_values.h"

using namespace fundguard;

TEST_CASE("money is read exactly in fen, never rounded") {
  CHECK(*parseMoney("12.34").value == 1234);
  CHECK(*parseMoney("12.3").value == 1230);
  CHECK(*parseMoney("12").value == 1200);
  CHECK(*parseMoney("-0.05").value == -5);
  CHECK(*parseMoney("0.10").value == 10);
  CHECK_FALSE(parseMoney("12.345"));
  CHECK(parseMoney("12.345").error.find("more than 2 decimal places") != std::string::npos);
  CHECK_FALSE(parseMoney(""));
  CHECK_FALSE(parseMoney("1,000.00"));
  CHECK_FALSE(parseMoney("12.3a"));
  CHECK_FALSE(parseMoney("."));
  CHECK(formatMoney(1234) == "12.34");
  CHECK(formatMoney(-5) == "-0.05");
  CHECK(formatMoney(0) == "0.00");
}

TEST_CASE("decimals keep four places") {
  CHECK(*parseDec("1.5").value == 15000);
  CHECK(*parseDec("0.0001").value == 1);
  CHECK_FALSE(parseDec("0.00001"));
  CHECK(formatDec(15000) == "1.5");
  CHECK(formatDec(20000) == "2");
}

TEST_CASE("dates are real calendar days") {
  CHECK(*parseDate("1970-01-01").value == 0);
  CHECK(*parseDate("2024-03-01").value - *parseDate("2024-02-28").value == 2);  // leap year
  CHECK(*parseDate("2023-03-01").value - *parseDate("2023-02-28").value == 1);
  CHECK_FALSE(parseDate("2023-02-29"));
  CHECK_FALSE(parseDate("2024-13-01"));
  CHECK_FALSE(parseDate("2024-1-1"));
  CHECK(parseDate("2024-02-30").error.find("no such day") != std::string::npos);
  for (int32_t d : {-1000, 0, 19000, 20000, 2932896}) CHECK(*parseDate(formatDate(d)).value == d);
  CHECK(formatDate(*parseDate("2000-02-29").value) == "2000-02-29");
}

TEST_CASE("datetimes") {
  CHECK(*parseDateTime("1970-01-02 00:00:01").value == 86401);
  CHECK(*parseDateTime("2024-01-31T08:30").value == *parseDateTime("2024-01-31 08:30:00").value);
  CHECK_FALSE(parseDateTime("2024-01-31 24:00:00"));
  CHECK_FALSE(parseDateTime("2024-01-31"));
  CHECK(formatDateTime(*parseDateTime("2024-01-31 08:30:05").value) == "2024-01-31 08:30:05");
}

TEST_CASE("whole numbers") {
  CHECK(*parseInt("42").value == 42);
  CHECK_FALSE(parseInt("4.2"));
  CHECK_FALSE(parseInt("99999999999999999999"));
}
