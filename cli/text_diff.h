// A unified diff of two texts (as `diff -u` prints it), for `fundguard fmt --diff`.
#pragma once

#include <string>
#include <string_view>

namespace fundguard::cli {

// The hunks that turn `before` into `after`, with `context` unchanged lines around each change,
// under the header `--- beforeName` / `+++ afterName`; empty when the texts are the same.
std::string unifiedDiff(std::string_view before, std::string_view after, const std::string& beforeName,
                        const std::string& afterName, size_t context = 3);

}  // namespace fundguard::cli
