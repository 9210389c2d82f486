// `fundguard fmt [--check] [--diff] PATH...`: rule files in their canonical layout
// (compiler/format/formatter.h). This layer finds the files, reads them, reports, and replaces
// a file only when its formatted text differs, atomically (a temporary file renamed over it).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "arguments.h"
#include "commands.h"
#include "diag/diagnostic_render.h"
#include "format/formatter.h"
#include "text_diff.h"

namespace fundguard::cli {

const char* const kFmtHelp =
    R"(Usage: fundguard fmt [OPTIONS] PATH...

Rewrites .rule files in the one canonical layout: 2 spaces per `{` level, single
spaces around operators and keywords, aligned columns (metadata values, the `=`
of lets, params, table columns, dict entries; a Chinese character counts two
columns), at most one blank line in a row, no trailing spaces, LF line ends.
Line breaks and comments are kept. Formatting twice gives the same text.

A file with syntax errors is not touched: its errors are printed as by
`fundguard check`. Every result is lexed again and must have exactly the tokens
of the input, comments included; otherwise the file is left as it is (exit 4).

PATH is a .rule file or a directory (searched recursively for .rule files);
`-` formats standard input to standard output. Prints the files it changed.

Options:
  --check      write nothing: print the files that are not formatted, exit 1 if any
  --diff       write nothing: print the changes as a unified diff, exit 1 if any
  --stdin      format standard input to standard output (the same as PATH `-`)
  --color auto|always|never  colour the diagnostics (default: auto: on a terminal)
  -h, --help   show this help

Exit codes: 0 formatted (or already so), 1 a file has syntax errors, or
--check/--diff found a file not formatted, 2 usage or I/O problem, 4 internal
error (the formatter would have changed a token; nothing was written; please
report it).
)";

namespace {

constexpr int kExitInternal = 4;
const char* const kStdinName = "<stdin>";

struct FmtOptions {
  bool check = false;
  bool diff = false;
  bool color = false;
};

bool readWhole(std::istream& in, std::string& out) {
  std::ostringstream text;
  text << in.rdbuf();
  out = text.str();
  return !in.bad();
}

// Every .rule file under `path` (itself if it is a file), in name order; links to folders are
// not followed, as `fundguard check` does not follow them.
bool collectFiles(const std::filesystem::path& path, std::vector<std::filesystem::path>& out) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    if (!fs::exists(path, ec)) {
      std::cerr << "fundguard fmt: " << path.string() << ": no such file or folder\n";
      return false;
    }
    out.push_back(path);
    return true;
  }
  std::vector<fs::path> found;
  bool ok = true;
  fs::recursive_directory_iterator it(path, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code kindError;
    if (it->path().extension() == ".rule" && it->is_regular_file(kindError)) found.push_back(it->path());
  }
  if (ec) {
    std::cerr << "fundguard fmt: cannot read folder " << path.string() << ": " << ec.message() << "\n";
    ok = false;
  }
  std::sort(found.begin(), found.end());
  out.insert(out.end(), found.begin(), found.end());
  return ok;
}

// Replaces `path` by `text` through a temporary file in the same folder renamed over it, so that
// a reader never sees half a file; the file keeps its permissions. A link is followed: the file
// it points to is rewritten and the link stays.
bool replaceFile(const std::filesystem::path& path, const std::string& text, std::string& error) {
  std::error_code ec;
  std::filesystem::path target = std::filesystem::canonical(path, ec);
  if (ec) target = path;
  struct stat info;
  if (stat(target.c_str(), &info) != 0) {
    error = std::strerror(errno);
    return false;
  }
  std::string temporary = (target.parent_path() / ("." + target.filename().string() + ".fmt-XXXXXX")).string();
  int fd = mkstemp(temporary.data());
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  bool ok = fchmod(fd, info.st_mode & 07777) == 0;
  for (size_t written = 0; ok && written < text.size();) {
    ssize_t n = write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) written += static_cast<size_t>(n);
  }
  ok = ok && fsync(fd) == 0;
  if (!ok) error = std::strerror(errno);
  if (close(fd) != 0 && ok) {
    error = std::strerror(errno);
    ok = false;
  }
  if (ok && std::rename(temporary.c_str(), target.c_str()) != 0) {
    error = std::strerror(errno);
    ok = false;
  }
  if (!ok) unlink(temporary.c_str());
  return ok;
}

// Formats one text; returns the exit code it calls for. `formatted` is set when it formats.
int formatOne(const std::string& name, std::string text, const FmtOptions& options, std::string& formatted) {
  SourceManager sources;
  uint32_t fileId = sources.add(name, std::move(text));
  DiagnosticSink diags;
  FormatResult result = formatFile(sources, fileId, diags);
  if (result.status == FormatResult::Status::SyntaxErrors) {
    RenderOptions render;
    render.color = options.color;
    diags.sort(sources);
    std::cerr << renderText(sources, diags.all(), render);
    std::cerr << "fundguard fmt: " << name << " has syntax errors; it was not formatted\n";
    return kExitRuleErrors;
  }
  if (result.status == FormatResult::Status::InternalError) {
    std::cerr << "fundguard fmt: internal error in " << name << ": " << result.problem
              << "; the file was left as it is (please report this)\n";
    return kExitInternal;
  }
  formatted = std::move(result.text);
  return kExitOk;
}

// The worse of two outcomes: internal error, then usage or I/O, then rule errors.
int worse(int a, int b) {
  auto rank = [](int code) { return code == kExitInternal ? 3 : code == kExitUsage ? 2 : code; };
  return rank(a) >= rank(b) ? a : b;
}

int formatStdin(const FmtOptions& options) {
  std::string text;
  if (!readWhole(std::cin, text)) {
    std::cerr << "fundguard fmt: cannot read standard input\n";
    return kExitUsage;
  }
  std::string formatted;
  int code = formatOne(kStdinName, text, options, formatted);
  if (code != kExitOk) {
    if (!options.check && !options.diff) std::cout << text;  // a filter must not eat its input
    return code;
  }
  if (options.diff) {
    std::cout << unifiedDiff(text, formatted, kStdinName, kStdinName);
    return formatted == text ? kExitOk : kExitRuleErrors;
  }
  if (options.check) {
    if (formatted == text) return kExitOk;
    std::cout << kStdinName << "\n";
    return kExitRuleErrors;
  }
  std::cout << formatted;
  return kExitOk;
}

// Formats one file; `differs` tells whether it was (or, under --check or --diff, would be) changed.
int formatPath(const std::filesystem::path& path, const FmtOptions& options, bool& differs) {
  std::string name = path.string();
  std::ifstream in(path, std::ios::binary);
  std::string text;
  if (!in || !readWhole(in, text)) {
    std::cerr << "fundguard fmt: cannot read " << name << "\n";
    return kExitUsage;
  }
  std::string formatted;
  if (int code = formatOne(name, text, options, formatted); code != kExitOk) return code;
  differs = formatted != text;
  if (!differs) return kExitOk;
  if (options.diff) {
    std::cout << unifiedDiff(text, formatted, name, name + " (formatted)");
    return kExitRuleErrors;
  }
  if (options.check) {
    std::cout << name << "\n";
    return kExitRuleErrors;
  }
  std::string error;
  if (!replaceFile(path, formatted, error)) {
    std::cerr << "fundguard fmt: cannot write " << name << ": " << error << "\n";
    return kExitUsage;
  }
  std::cout << name << "\n";
  return kExitOk;
}

}  // namespace

int runFmt(const std::vector<std::string>& argv) {
  ArgumentSpec spec{{"--check", "--diff", "--stdin", "-h", "--help"}, {"--color"}};
  Arguments args = parseArguments(argv, spec);
  if (args.has("-h") || args.has("--help")) {
    std::cout << kFmtHelp;
    return kExitOk;
  }
  std::string color = args.option("--color").value_or("auto");
  if (args.error.empty() && color != "auto" && color != "always" && color != "never")
    args.error = "--color must be auto, always or never";
  bool fromStdin = args.has("--stdin") || std::count(args.positional.begin(), args.positional.end(), "-") > 0;
  if (args.error.empty() && fromStdin && args.positional.size() > (args.has("--stdin") ? 0u : 1u))
    args.error = "standard input is formatted alone: name no other file";
  if (args.error.empty() && !fromStdin && args.positional.empty())
    args.error = "name at least one .rule file or directory, or `-` for standard input";
  if (!args.error.empty()) {
    std::cerr << "fundguard fmt: " << args.error << "\n(see fundguard fmt --help)\n";
    return kExitUsage;
  }
  FmtOptions options;
  options.check = args.has("--check");
  options.diff = args.has("--diff");
  options.color = color == "always" || (color == "auto" && isatty(fileno(stderr)));
  if (fromStdin) return formatStdin(options);

  int exitCode = kExitOk;
  std::vector<std::filesystem::path> files;
  for (const std::string& path : args.positional)
    if (!collectFiles(path, files)) exitCode = kExitUsage;
  size_t unformatted = 0;
  for (const auto& file : files) {
    bool differs = false;
    int code = formatPath(file, options, differs);
    if (differs && (options.check || options.diff)) ++unformatted;
    exitCode = worse(exitCode, code);
  }
  if (unformatted > 0)
    std::cerr << "fundguard fmt: " << unformatted << " file" << (unformatted == 1 ? " is" : "s are")
              << " not formatted; run `fundguard fmt` on " << (unformatted == 1 ? "it" : "them") << "\n";
  return exitCode;
}

}  // namespace fundguard::cli
