// Numbers for people to read in reports: thousands separated by commas ("1,234,567.89").
// Machine outputs (CSV, JSON) never use this: they keep plain digits.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace fundguard {

// Inserts ',' every three digits of the integer part of a plain decimal text ("-1234.50" ->
// "-1,234.50"). Text that is not such a number is returned unchanged.
std::string groupThousands(std::string_view number);

// Fen as yuan with two decimals and thousands separators: 123456789 -> "1,234,567.89".
std::string yuanForPeople(int64_t fen);

}  // namespace fundguard
