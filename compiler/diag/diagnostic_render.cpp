// Text, JSON and SARIF renderings of diagnostics; see diagnostic_render.h.
#include "diag/diagnostic_render.h"

#include <cctype>

#include <fmt/format.h>

#include "support/json_writer.h"

namespace fundguard {

namespace {

const char* severityWord(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Note:
      return "note";
  }
  return "error";
}

// The caret line under `lineText`, from column `col` for `len` characters, aligned by display
// width so that Chinese text (two terminal columns per character) lines up.
std::string caretLine(std::string_view lineText, uint32_t col, uint32_t len) {
  std::string out;
  uint32_t c = 1;
  size_t i = 0;
  while (i < lineText.size() && c < col) {
    bool ok;
    char32_t cp = utf8::decode(lineText, i, ok);
    out.append(cp == '\t' ? 1 : static_cast<size_t>(utf8::displayWidth(cp)), cp == '\t' ? '\t' : ' ');
    ++c;
  }
  int width = 0;
  for (uint32_t k = 0; k < len && i < lineText.size(); ++k) {
    bool ok;
    width += utf8::displayWidth(utf8::decode(lineText, i, ok));
  }
  out.append(static_cast<size_t>(std::max(width, 1)), '^');
  return out;
}

void renderSnippet(std::string& out, const SourceFile& file, Span span, const std::string& label, bool color) {
  LineCol begin = file.position(span.begin);
  LineCol end = file.position(span.end > span.begin ? span.end - 1 : span.begin);
  // Shown as valid UTF-8 (a GBK file's bytes would garble the terminal), a lone CR as a space.
  std::u32string chars;
  std::string_view raw = file.lineText(begin.line);
  for (size_t i = 0; i < raw.size();) {
    bool ok;
    char32_t cp = utf8::decode(raw, i, ok);
    chars += cp == '\r' ? U' ' : cp;
  }
  // Underline to the end of the span or of the first line, whichever comes first.
  uint32_t len = 1;
  if (span.end > span.begin) {
    if (end.line == begin.line) {
      len = end.column - begin.column + 1;
    } else {
      auto count = static_cast<uint32_t>(chars.size());
      len = count >= begin.column ? count - begin.column + 1 : 1;
    }
  }
  // A very long line is shown as a window around the span, marked with `…` where cut.
  constexpr uint32_t kWindow = 160, kBefore = 40;
  uint32_t column = begin.column;
  if (chars.size() > kWindow) {
    uint32_t from = column > kBefore ? column - 1 - kBefore : 0;
    std::u32string window = chars.substr(from, kWindow);
    if (from + kWindow < chars.size()) window += U'…';
    if (from > 0) {
      window.insert(window.begin(), U'…');
      column = column - from + 1;
    }
    chars = window;
    len =
        std::min(len, static_cast<uint32_t>(chars.size()) - std::min(column, static_cast<uint32_t>(chars.size())) + 1);
  }
  std::string shown;
  for (char32_t cp : chars) utf8::append(shown, cp);
  std::string_view text = shown;
  std::string lineNo = std::to_string(begin.line);
  std::string pad(lineNo.size(), ' ');
  out += fmt::format("{} |\n", pad);
  out += fmt::format("{} | {}\n", lineNo, text);
  std::string carets = caretLine(text, column, len);
  if (color) carets = "\x1b[1;31m" + carets + "\x1b[0m";
  out += fmt::format("{} | {}{}\n", pad, carets, label.empty() ? "" : " " + label);
}

}  // namespace

std::string renderText(const SourceManager& sources, const std::vector<Diagnostic>& diags,
                       const RenderOptions& options) {
  std::string out;
  for (const auto& d : diags) {
    const DiagInfo& info = diagInfo(d.code);
    std::string head = fmt::format("{}[{}]", severityWord(d.severity), info.name);
    if (options.color) head = (d.severity == Severity::Error ? "\x1b[1;31m" : "\x1b[1;33m") + head + "\x1b[0m\x1b[1m";
    out += fmt::format("{}: {}{}\n", head, d.message, options.color ? "\x1b[0m" : "");
    if (d.span.valid()) {
      const SourceFile& file = sources.file(d.span.file);
      LineCol pos = file.position(d.span.begin);
      out += fmt::format("  --> {}:{}:{}\n", file.path(), pos.line, pos.column);
      renderSnippet(out, file, d.span, {}, options.color);
    }
    for (const auto& note : d.notes) {
      if (note.span.valid()) {
        const SourceFile& file = sources.file(note.span.file);
        LineCol pos = file.position(note.span.begin);
        out += fmt::format("  note: {}\n  --> {}:{}:{}\n", note.message, file.path(), pos.line, pos.column);
        renderSnippet(out, file, note.span, {}, false);
      } else {
        out += fmt::format("  = note: {}\n", note.message);
      }
    }
    if (!d.hint.empty()) out += fmt::format("  = hint: {}\n", d.hint);
    out += "\n";
  }
  return out;
}

std::string renderSummary(size_t errors, size_t warnings, size_t files) {
  return fmt::format("{} error{}, {} warning{} in {} file{}", errors, errors == 1 ? "" : "s", warnings,
                     warnings == 1 ? "" : "s", files, files == 1 ? "" : "s");
}

std::string renderJson(const SourceManager& sources, const std::vector<Diagnostic>& diags, size_t filesChecked) {
  JsonWriter w(true);
  size_t errors = 0, warnings = 0;
  w.beginObject().key("diagnostics").beginArray();
  for (const auto& d : diags) {
    errors += d.severity == Severity::Error;
    warnings += d.severity == Severity::Warning;
    w.beginObject();
    w.key("code").value(diagInfo(d.code).name);
    w.key("severity").value(severityWord(d.severity));
    w.key("message").value(d.message);
    if (d.span.valid()) {
      const SourceFile& file = sources.file(d.span.file);
      LineCol b = file.position(d.span.begin);
      LineCol e = file.position(d.span.end);
      w.key("file").value(file.path());
      w.key("line").value(b.line).key("column").value(b.column);
      w.key("endLine").value(e.line).key("endColumn").value(e.column);
    }
    if (!d.hint.empty()) w.key("hint").value(d.hint);
    if (!d.fixes.empty()) {
      w.key("fixes").beginArray();
      for (const auto& fix : d.fixes) {
        const SourceFile& file = sources.file(fix.span.file);
        LineCol b = file.position(fix.span.begin);
        LineCol e = file.position(fix.span.end);
        w.beginObject().key("line").value(b.line).key("column").value(b.column);
        w.key("endLine").value(e.line).key("endColumn").value(e.column);
        w.key("replacement").value(fix.replacement).endObject();
      }
      w.endArray();
    }
    if (!d.notes.empty()) {
      w.key("notes").beginArray();
      for (const auto& note : d.notes) {
        w.beginObject().key("message").value(note.message);
        if (note.span.valid()) {
          const SourceFile& file = sources.file(note.span.file);
          LineCol p = file.position(note.span.begin);
          w.key("file").value(file.path()).key("line").value(p.line).key("column").value(p.column);
        }
        w.endObject();
      }
      w.endArray();
    }
    w.endObject();
  }
  w.endArray();
  w.key("files").value(static_cast<int64_t>(filesChecked));
  w.key("errors").value(static_cast<int64_t>(errors));
  w.key("warnings").value(static_cast<int64_t>(warnings));
  w.endObject();
  return w.str() + "\n";
}

// A file path as a SARIF URI reference: relative paths stay relative; characters outside the
// unreserved set (spaces, Chinese) are percent-encoded byte by byte.
static std::string sarifUri(const std::string& path) {
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

std::string renderSarif(const SourceManager& sources, const std::vector<Diagnostic>& diags,
                        const std::string& toolVersion) {
  JsonWriter w(true);
  w.beginObject();
  w.key("$schema").value("https://json.schemastore.org/sarif-2.1.0.json");
  w.key("version").value("2.1.0");
  w.key("runs").beginArray().beginObject();
  w.key("tool").beginObject().key("driver").beginObject();
  w.key("name").value("fundguard");
  w.key("version").value(toolVersion);
  w.key("rules").beginArray();
  for (const auto& info : allDiagnostics()) {
    w.beginObject();
    w.key("id").value(info.name);
    w.key("shortDescription").beginObject().key("text").value(info.title).endObject();
    w.key("defaultConfiguration").beginObject().key("level").value(severityWord(info.severity)).endObject();
    w.endObject();
  }
  w.endArray().endObject().endObject();
  w.key("results").beginArray();
  for (const auto& d : diags) {
    const DiagInfo& info = diagInfo(d.code);
    w.beginObject();
    w.key("ruleId").value(info.name);
    w.key("ruleIndex").value(static_cast<int64_t>(d.code));
    w.key("level").value(severityWord(d.severity));
    w.key("message")
        .beginObject()
        .key("text")
        .value(d.hint.empty() ? d.message : d.message + " (" + d.hint + ")")
        .endObject();
    if (d.span.valid()) {
      const SourceFile& file = sources.file(d.span.file);
      LineCol b = file.position(d.span.begin);
      LineCol e = file.position(d.span.end);
      w.key("locations").beginArray().beginObject().key("physicalLocation").beginObject();
      w.key("artifactLocation").beginObject().key("uri").value(sarifUri(file.path())).endObject();
      w.key("region").beginObject();
      w.key("startLine").value(b.line).key("startColumn").value(b.column);
      w.key("endLine").value(e.line).key("endColumn").value(e.column);
      w.endObject();
      w.endObject().endObject().endArray();
    }
    if (!d.fixes.empty()) {
      w.key("fixes").beginArray().beginObject();
      w.key("description").beginObject().key("text").value(d.hint.empty() ? d.message : d.hint).endObject();
      w.key("artifactChanges").beginArray();
      for (const auto& fix : d.fixes) {
        const SourceFile& file = sources.file(fix.span.file);
        LineCol b = file.position(fix.span.begin);
        LineCol e = file.position(fix.span.end);
        w.beginObject();
        w.key("artifactLocation").beginObject().key("uri").value(sarifUri(file.path())).endObject();
        w.key("replacements").beginArray().beginObject();
        w.key("deletedRegion").beginObject();
        w.key("startLine").value(b.line).key("startColumn").value(b.column);
        w.key("endLine").value(e.line).key("endColumn").value(e.column);
        w.endObject();
        w.key("insertedContent").beginObject().key("text").value(fix.replacement).endObject();
        w.endObject().endArray();
        w.endObject();
      }
      w.endArray();
      w.endObject().endArray();
    }
    bool anyNoteLocated = false;
    for (const auto& note : d.notes) anyNoteLocated |= note.span.valid();
    if (anyNoteLocated) {
      w.key("relatedLocations").beginArray();
      int id = 0;
      for (const auto& note : d.notes) {
        if (!note.span.valid()) continue;
        const SourceFile& file = sources.file(note.span.file);
        LineCol b = file.position(note.span.begin);
        w.beginObject().key("id").value(id++);
        w.key("message").beginObject().key("text").value(note.message).endObject();
        w.key("physicalLocation").beginObject();
        w.key("artifactLocation").beginObject().key("uri").value(sarifUri(file.path())).endObject();
        w.key("region").beginObject().key("startLine").value(b.line).key("startColumn").value(b.column).endObject();
        w.endObject().endObject();
      }
      w.endArray();
    }
    w.endObject();
  }
  w.endArray();
  w.key("columnKind").value("unicodeCodePoints");
  w.endObject().endArray().endObject();
  return w.str() + "\n";
}

}  // namespace fundguard
