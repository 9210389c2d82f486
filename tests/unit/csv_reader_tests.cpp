// The CSV record reader and the text decoder: RFC 4180 quoting, line numbers, malformed records,
// byte-order marks, and UTF-8 / GBK detection and conversion.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "io/csv_parser.h"
#include "io/text_decoder.h"
#include "temp_files.h"

using namespace fundguard;
using fundguard::testing::TempDir;

namespace {

std::vector<CsvRecord> readAll(const std::string& path, size_t chunkBytes) {
  CsvReader reader(chunkBytes);
  std::string error;
  REQUIRE(reader.open(path, error));
  std::vector<CsvRecord> out;
  CsvRecord record;
  while (reader.next(record)) out.push_back(record);
  CHECK(reader.ioError().empty());
  return out;
}

}  // namespace

TEST_CASE("csv: quoted commas, doubled quotes and line breaks; line numbers of later records") {
  TempDir tmp;
  std::string path = tmp.write("t.csv",
                               "id,name,note\r\n"
                               "1,\"Zhang, San\",\"said \"\"hi\"\"\"\r\n"
                               "2,b,\"two\nlines\"\n"
                               "\n"
                               "3,,\n");
  // Tiny chunks put every boundary inside a quote, a CRLF or a field.
  for (size_t chunk : {size_t(1) << 20, size_t(16), size_t(3)}) {
    CAPTURE(chunk);
    auto records = readAll(path, chunk);
    REQUIRE(records.size() == 4);
    CHECK(records[0].line == 1);
    CHECK(records[0].fields == std::vector<std::string>{"id", "name", "note"});
    CHECK(records[1].line == 2);
    CHECK(records[1].fields == std::vector<std::string>{"1", "Zhang, San", "said \"hi\""});
    CHECK(records[1].raw == "1,\"Zhang, San\",\"said \"\"hi\"\"\"");
    CHECK(records[2].line == 3);
    CHECK(records[2].fields == std::vector<std::string>{"2", "b", "two\nlines"});
    CHECK(records[3].line == 6);  // line 4 ends the quoted field, line 5 is blank
    CHECK(records[3].fields == std::vector<std::string>{"3", "", ""});
    for (const auto& r : records) CHECK(r.error.empty());
  }
}

TEST_CASE("csv: a UTF-8 byte-order mark is dropped and a last line needs no line end") {
  TempDir tmp;
  auto records = readAll(tmp.write("t.csv", "\xEF\xBB\xBFid,v\r\n7,x"), 1 << 20);
  REQUIRE(records.size() == 2);
  CHECK(records[0].fields == std::vector<std::string>{"id", "v"});
  CHECK(records[1].fields == std::vector<std::string>{"7", "x"});
  CHECK(records[1].line == 2);
}

TEST_CASE("csv: an empty file has no records; a lone CR is data") {
  TempDir tmp;
  CHECK(readAll(tmp.write("e.csv", ""), 1 << 20).empty());
  CHECK(readAll(tmp.write("n.csv", "\n\r\n"), 1 << 20).empty());
  auto records = readAll(tmp.write("cr.csv", "a\rb,c\n"), 1 << 20);
  REQUIRE(records.size() == 1);
  CHECK(records[0].fields == std::vector<std::string>{"a\rb", "c"});
}

TEST_CASE("csv: malformed records are reported and reading goes on at the next line") {
  TempDir tmp;
  auto records = readAll(tmp.write("bad.csv",
                                   "a,b\n"
                                   "1,x\"y\n"
                                   "2,\"q\"z,\"w\n"
                                   "3,ok\n"
                                   "4,\"open\n"
                                   "5,never\n"),
                         8);
  REQUIRE(records.size() == 5);
  CHECK(records[1].line == 2);
  CHECK(records[1].error == "a quote inside unquoted field 2 (quote the whole field and double the quote)");
  CHECK(records[1].raw == "1,x\"y");
  CHECK(records[2].line == 3);
  CHECK(records[2].error == "characters after the closing quote of field 2");
  CHECK(records[2].raw == "2,\"q\"z,\"w");  // the quote after the error does not swallow the next line
  CHECK(records[3].line == 4);
  CHECK(records[3].error.empty());
  CHECK(records[3].fields == std::vector<std::string>{"3", "ok"});
  CHECK(records[4].line == 5);
  CHECK(records[4].error == "quoted field 2 is not closed: it runs to the end of the file");
  CHECK(records[4].raw == "4,\"open\n5,never\n");
}

TEST_CASE("csv: a file that cannot be opened is an error, not a crash") {
  CsvReader reader;
  std::string error;
  CHECK_FALSE(reader.open("/nonexistent/dir/x.csv", error));
  CHECK(error.find("cannot open /nonexistent/dir/x.csv") == 0);
}

TEST_CASE("decoder: UTF-8 validity") {
  CHECK(isValidUtf8("plain"));
  CHECK(isValidUtf8("\xE5\xBC\xA0\xE4\xB8\x89"));  // 张三
  CHECK_FALSE(isValidUtf8("\xD5\xC5\xC8\xFD"));    // 张三 in GBK
  CHECK_FALSE(isValidUtf8("\xC0\xAF"));            // overlong '/'
  CHECK_FALSE(isValidUtf8("\xED\xA0\x80"));        // a surrogate
  CHECK_FALSE(isValidUtf8("\xE5\xBC"));            // cut short
}

TEST_CASE("decoder: encodings by name") {
  Encoding e = Encoding::Auto;
  CHECK(parseEncodingName("GBK", e));
  CHECK(e == Encoding::Gb18030);
  CHECK(parseEncodingName("utf-8", e));
  CHECK(e == Encoding::Utf8);
  CHECK_FALSE(parseEncodingName("latin1", e));
  CHECK(std::string(encodingName(Encoding::Gb18030)) == "gb18030");
}

TEST_CASE("decoder: a file is detected as GBK by its first bytes that are not UTF-8") {
  TempDir tmp;
  std::string error;
  CHECK(detectFileEncoding(tmp.write("g.csv", "name\n\xD5\xC5\xC8\xFD\n"), error) == Encoding::Gb18030);
  CHECK(detectFileEncoding(tmp.write("u.csv", "name\n\xE5\xBC\xA0\xE4\xB8\x89\n"), error) == Encoding::Utf8);
  CHECK(detectFileEncoding(tmp.write("a.csv", "name\nzhang\n"), error) == Encoding::Utf8);
  CHECK(detectFileEncoding(tmp.write("b.csv", "\xEF\xBB\xBFname\n"), error) == Encoding::Utf8);
  CHECK(error.empty());
  detectFileEncoding(tmp.dir() + "/absent.csv", error);
  CHECK(error.find("cannot open") == 0);
}

TEST_CASE("decoder: GBK converts to UTF-8; bytes that do not decode are refused and shown as \\xNN") {
  TextDecoder gbk(Encoding::Gb18030);
  std::string out, reason;
  REQUIRE(gbk.decode("\xD5\xC5\xC8\xFD", out, reason));
  CHECK(out == "\xE5\xBC\xA0\xE4\xB8\x89");  // 张三
  CHECK_FALSE(
      gbk.decode("a\xFF"
                 "b",
                 out, reason));
  CHECK(reason == "bytes that are not valid GBK/GB18030");
  CHECK(gbk.renderForReject("\xD5\xC5\xFF\xC8\xFD") == "\xE5\xBC\xA0\\xFF\xE4\xB8\x89");
  // Decoding works again after a failure (iconv's state is reset).
  REQUIRE(gbk.decode("\xC8\xFD", out, reason));
  CHECK(out == "\xE4\xB8\x89");

  TextDecoder utf8(Encoding::Utf8);
  CHECK_FALSE(utf8.decode("ab\xD5\xC5", out, reason));
  CHECK(reason.find("invalid UTF-8") == 0);
  CHECK(utf8.renderForReject("ab\xD5\xC5\xE4\xB8\x89") == "ab\\xD5\\xC5\xE4\xB8\x89");
}

TEST_CASE("csv: an overlong record (a quote never closed) stops reading with an error") {
  TempDir tmp;
  std::string path = tmp.write("long.csv", "a,b\n1,\"never closed\n2,x\n3,y\n");
  CsvReader reader(4, 12);
  std::string error;
  REQUIRE(reader.open(path, error));
  CsvRecord record;
  REQUIRE(reader.next(record));
  CHECK(record.fields == std::vector<std::string>{"a", "b"});
  CHECK_FALSE(reader.next(record));
  CHECK(reader.ioError() == path +
                                ": the record starting on line 2 is longer than 12 bytes (is a quote not closed?); "
                                "reading stopped");
  CHECK_FALSE(reader.next(record));
}

TEST_CASE("decoder: a damaged UTF-8 file stays UTF-8 once plenty of text has proved it") {
  TempDir tmp;
  std::string chinese;
  for (int i = 0; i < 100; ++i) chinese += "\xE5\xBC\xA0";  // 300 bytes of 张
  std::string error;
  CHECK(detectFileEncoding(tmp.write("d.csv", "name\n" + chinese + "\n\xFF\n"), error) == Encoding::Utf8);
  // A short run that happens to be valid UTF-8 does not outweigh a bad sequence after it.
  CHECK(detectFileEncoding(tmp.write("s.csv", "name\n\xE5\xBC\xA0\n\xD5\xC5\n"), error) == Encoding::Gb18030);
}
